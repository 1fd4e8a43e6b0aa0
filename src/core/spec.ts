// The typed model spec: what the grammar produces (a SpecPatch of what the user said) and what the
// estimator consumes (a resolved Spec with every default filled in and listed in `assumptions`).

/** fp4: NVFP4/MXFP4, a float compute format like fp8 (weights alone in a block format: see `weights`). */
export type Dtype = 'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8' | 'fp4' | 'int8' | 'int4' | 'nf4';
/** What the KV cache stores: a dtype, or one of llama.cpp's block types (-ctk/-ctv; formats/index.ts kvFormat). */
export type KvDtype = Dtype | 'q8_0' | 'q4_0' | 'q4_1' | 'q5_0' | 'q5_1' | 'iq4_nl';
export type Optimizer = 'adam' | 'adamw' | 'adam8bit' | 'sgd' | 'momentum' | 'adafactor' | 'lion';
export type Recompute = 'none' | 'selective' | 'full';
export type Mode = 'train' | 'infer';
/** The family words of shorthand (`transformer`, `llama`, `encoder`): each names a Blueprint's defaults. */
export type Family = 'transformer' | 'llama' | 'encoder';
export type Solve = 'batch' | 'seq' | 'gpus';

export type { Biases } from './blueprint.js';
export type {
  Activation,
  Attention,
  ChannelMixer,
  CrossAttention,
  Layer,
  Mamba1,
  Mamba2,
  Mla,
  Mlp,
  Moe,
  Norm,
  Position,
  Stack,
  TokenMixer,
  TransformerModel,
} from './layers/types.js';
import type { Activation, Norm, Position, TransformerModel } from './layers/types.js';
import type { Biases } from './blueprint.js';
import type { WeightFormat } from './weights.js';

export type { WeightFormat, WeightScope } from './weights.js';

/**
 * CPU offload as llama.cpp's -ngl places layers: `gpuLayers` repeating layers on the GPU (null = as many
 * as fit), the rest and the token embedding in system memory of `ram` bytes (null = not stated).
 */
export interface Offload {
  gpuLayers: number | null;
  ram: number | null;
}

export type Component =
  | { kind: 'dense'; in: number; out: number; bias: boolean }
  | {
      kind: 'conv';
      kh: number;
      kw: number;
      cin: number;
      cout: number;
      /** Input height and width (square); needed for FLOPs only. */
      hw: number | null;
      stride: number;
      pad: number;
      groups: number;
      bias: boolean;
    }
  | { kind: 'batchnorm'; c: number }
  | {
      kind: 'rnn';
      cell: 'lstm' | 'gru' | 'rnn';
      in: number;
      hidden: number;
      layers: number;
      bidirectional: boolean;
      /** 'pytorch': bias_ih + bias_hh per gate (2 vectors); 'keras': one bias vector. */
      biasConvention: 'pytorch' | 'keras';
    }
  | { kind: 'embedding'; vocab: number; d: number };

/** A stack of classic layers (dense, conv, RNN, embedding), e.g. ResNet-50 or `mlp 784-512-10`. */
export interface NetworkModel {
  kind: 'network';
  components: Component[];
  /** Time steps per sample for RNNs (FLOPs per sample = per step × steps). */
  steps: number;
}

/** Only a parameter count is known ("a 7B model"). */
export interface BareModel {
  kind: 'bare';
  params: number;
}

export type Model = TransformerModel | NetworkModel | BareModel;

export interface Spec {
  /** Display name: the preset's name or a short description of the config. */
  name: string;
  /** Preset id when the spec started from one. */
  preset: string | null;
  model: Model;
  dtype: Dtype;
  /** How the weights are stored when more than `dtype` says (a block format, a llama.cpp mix, a checkpoint's
   * native format such as gpt-oss's MXFP4 experts); null = as the dtype stores them (weights.ts). */
  weights: WeightFormat | null;
  kvDtype: KvDtype;
  mode: Mode;
  /** null for inference. */
  optimizer: Optimizer | null;
  lora: { r: number; quantized: boolean; targets: string[] } | null;
  recompute: Recompute;
  flash: boolean;
  causal: boolean;
  fp32Grads: boolean;
  /** GPU id from the catalogue, or null when none was named. */
  gpu: string | null;
  gpus: number;
  tp: number;
  pp: number;
  /** Expert parallelism: the experts of each MoE layer spread over `ep` ranks carved out of data parallelism. */
  ep: number;
  zero: 0 | 1 | 2 | 3;
  sp: boolean;
  /** Layers split between the GPU and system memory (llama.cpp -ngl); null = everything on the GPUs. */
  offload: Offload | null;
  /** Sequence length for FLOPs, activations and the KV cache. */
  seq: number;
  /** Micro-batch per data-parallel rank, in sequences. */
  batch: number;
  tokens: number | null;
  /** Model FLOPs utilisation, 0..1. */
  mfu: number;
  /** A compute budget in FLOPs, for Chinchilla's N_opt/D_opt. */
  flopsBudget: number | null;
  solve: Solve | null;
  chart: boolean;
  /** Every default that was filled in, in words a user can check. */
  assumptions: string[];
}

/** A value with where it came from in the input, for errors that point at the text. */
export interface Span {
  offset: number;
  length: number;
}

/**
 * What the user said, before defaults: every field optional. `vs` overrides and thread variants are
 * patches applied on top of a base patch; `spans` records where each field was written.
 */
export interface SpecPatch {
  preset?: string;
  family?: Family;
  params?: number;
  d?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  headDim?: number;
  ffn?: number;
  vocab?: number;
  maxSeq?: number;
  experts?: number;
  topk?: number;
  activation?: Activation;
  norm?: Norm;
  position?: Position;
  biases?: Biases;
  tied?: boolean;
  components?: Component[];
  steps?: number;
  /** From a pasted config.json: a full model that replaces the family defaults. */
  model?: TransformerModel;
  dtype?: Dtype;
  weights?: WeightFormat;
  kvDtype?: KvDtype;
  mode?: Mode;
  optimizer?: Optimizer;
  lora?: { r: number; quantized: boolean; targets?: string[] };
  recompute?: Recompute;
  flash?: boolean;
  causal?: boolean;
  fp32Grads?: boolean;
  kerasBias?: boolean;
  gpu?: string;
  gpus?: number;
  tp?: number;
  pp?: number;
  zero?: 0 | 1 | 2 | 3;
  sp?: boolean;
  /** `offload` (as many layers as fit) or `gpu_layers=N`; `ram=64GB`. */
  gpuLayers?: number | 'auto';
  ram?: number;
  seq?: number;
  batch?: number;
  tokens?: number;
  mfu?: number;
  flopsBudget?: number;
  solve?: Solve;
  chart?: boolean;
  spans: Partial<Record<string, Span>>;
  /** Assumptions made while reading the input (keys a pasted config.json left out); resolve lists them. */
  notes?: string[];
}
