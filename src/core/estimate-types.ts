// The result object of one estimate. The JSON renderer prints it as it is: counts, bytes, FLOPs and
// seconds are plain numbers; units and rounding happen only in src/render/units.ts.
import type { Spec } from './spec.js';

export interface ParamPart {
  /** e.g. 'embeddings', 'attention', 'mlp', 'experts', 'norms', 'lm head', 'conv', 'lora'. */
  name: string;
  count: number;
}

export interface Params {
  total: number;
  /** Parameters used per token (MoE: shared parts + top-k experts); equals total for dense models. */
  active: number;
  /** Parameters that receive gradients (LoRA: the adapters only). */
  trainable: number;
  breakdown: ParamPart[];
}

export interface Flops {
  /** Forward FLOPs per token (2 per multiply-add); null for non-sequence models. */
  forwardPerToken: number | null;
  /** Training model FLOPs per token = 3 × forward. */
  trainPerToken: number | null;
  /** With recompute: what the hardware executes per token (full recompute = 4 × forward). */
  hardwarePerToken: number | null;
  /** Forward FLOPs per sample: per sequence (seq tokens) or per image. */
  forwardPerSample: number | null;
  /** Total training FLOPs = trainPerToken × tokens; null without tokens. */
  train: number | null;
  /** 6N per token (Kaplan et al. 2020), N = active non-embedding params. */
  approx6N: number | null;
  /** PaLM (Chowdhery et al. 2022, App. B): 6N + 12·L·H·Q·T per token. */
  approxPaLM: number | null;
}

export interface Memory {
  /** What ONE device holds, after sharding, in bytes. */
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  kvCache: number;
  overhead: number;
  /** Sum of the parts above. */
  perDevice: number;
  /** The whole job across all devices. */
  total: number;
  /** Capacity of the named GPU as the driver reports it (bytes); null without a GPU. */
  capacity: number | null;
  fits: boolean | null;
  /** capacity − perDevice (negative = shortfall); null without a GPU. */
  headroom: number | null;
  /** When it does not fit: the smallest change that would, in words; else null. */
  suggestion: string | null;
}

export interface Budget {
  /** Chinchilla: 20 tokens per parameter (or D_opt for a compute budget). */
  optimalTokens: number | null;
  /** Chinchilla N_opt = √(C/120) for a compute budget C; null without one. */
  optimalParams: number | null;
  tokensPerParam: number | null;
  trainSeconds: number | null;
  gpuHours: number | null;
  /** Inference: upper bound on decode tokens/s per device from HBM bandwidth; null when training or no GPU. */
  decodeTokensPerSecond: number | null;
  /** Why the time or decode figure is missing although a GPU was named (a generic GPU has no peak or bandwidth); else null. */
  unavailable: string | null;
}

export interface Estimate {
  name: string;
  spec: Spec;
  params: Params;
  flops: Flops;
  memory: Memory;
  budget: Budget;
  /** The spec's filled-in defaults plus the estimator's conventions. */
  assumptions: string[];
  /** When the spec asked napkin to solve (batch=?, seq=?, gpus=?): what it found. */
  solved: { what: 'batch' | 'seq' | 'gpus'; value: number | null; note: string } | null;
}
