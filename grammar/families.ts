// What each family word means when the user gives only sizes: the defaults resolve fills in and names.
import { isGated } from '../src/core/layers/mlp.js';
import type { Activation, Biases, Family, Norm, Position } from '../src/core/spec.js';

export interface FamilyDefaults {
  /** How assumptions name the source of a default: "GPT-2 style". */
  style: string;
  position: Position;
  norm: Norm;
  biases: Biases;
  activation: Activation;
  tied: boolean;
  vocab: number;
  /** heads = d / headDim when heads is not given. */
  headDim: number;
  normsPerLayer: 1 | 2;
  finalNorm: boolean;
  embedNorm: boolean;
  typeVocab: number;
  pooler: boolean;
  lmHeadBias: boolean;
  /** A bidirectional encoder without an LM head (BERT). */
  encoder: boolean;
  /** Dropout in training (GPT-2, BERT); Llama-style models train without it. */
  dropout: boolean;
  /** Default sequence length (and learned position rows when no preset says otherwise). */
  seq: number;
  /** A fixed position table (BERT's 512), else max_seq = seq. */
  maxSeq?: number;
}

export const FAMILIES: Record<Family, FamilyDefaults> = {
  // GPT-2 (Radford et al. 2019; Hugging Face GPT2Config): pre-LN, learned positions, biases, tied head.
  transformer: {
    style: 'GPT-2 style',
    position: 'learned',
    norm: 'layernorm',
    biases: 'all',
    activation: 'gelu',
    tied: true,
    vocab: 50257,
    headDim: 64,
    normsPerLayer: 2,
    finalNorm: true,
    embedNorm: false,
    typeVocab: 0,
    pooler: false,
    lmHeadBias: false,
    encoder: false,
    dropout: true,
    seq: 2048,
  },
  // Llama (Touvron et al. 2023; Hugging Face LlamaConfig): RoPE, RMSNorm, no biases, SwiGLU, untied head.
  llama: {
    style: 'Llama style',
    position: 'rope',
    norm: 'rmsnorm',
    biases: 'none',
    activation: 'swiglu',
    tied: false,
    vocab: 32000,
    headDim: 128,
    normsPerLayer: 2,
    finalNorm: true,
    embedNorm: false,
    typeVocab: 0,
    pooler: false,
    lmHeadBias: false,
    encoder: false,
    dropout: false,
    seq: 2048,
  },
  // BERT (Devlin et al. 2019; Hugging Face BertModel): post-LN, token types, embedding LayerNorm, pooler.
  encoder: {
    style: 'BERT style',
    position: 'learned',
    norm: 'layernorm',
    biases: 'all',
    activation: 'gelu',
    tied: false,
    vocab: 30522,
    headDim: 64,
    normsPerLayer: 2,
    finalNorm: false,
    embedNorm: true,
    typeVocab: 2,
    pooler: true,
    lmHeadBias: false,
    encoder: true,
    dropout: true,
    seq: 512,
    maxSeq: 512,
  },
};

/** ffn when not given: 4·d, or the Llama rule for gated MLPs (8d/3 rounded up to a multiple of 256). */
export function defaultFfn(d: number, activation: Activation): { ffn: number; why: string } {
  if (isGated(activation)) {
    // Llama's FeedForward: hidden = 2·4d/3, rounded up to multiple_of = 256 (meta-llama/llama model.py).
    const ffn = 256 * Math.ceil((8 * d) / 3 / 256);
    return { ffn, why: `ffn ${ffn} = 256·ceil(8d/3 / 256) (Llama rule for gated MLPs)` };
  }
  return { ffn: 4 * d, why: `ffn ${4 * d} = 4·d` };
}

/** Whether a model's ffn followed the default rule for its d (so a new d should move it too). */
export const ffnFollowsRule = (d: number, ffn: number, activation: Activation) => defaultFfn(d, activation).ffn === ffn;
