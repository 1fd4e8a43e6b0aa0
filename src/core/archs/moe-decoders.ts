// Decoders whose layers are grouped-query attention + an MLP or a mixture of experts, each family's rule
// for which layers are sparse and which attend through a window written as data: Mixtral/Qwen-MoE's
// every-nth, DeepSeek-style first-k-dense (GLM-4.5), Llama 4's interleave with chunked layers, gpt-oss's
// alternating sliding windows.
import type { Activation, Attention, Moe, Norm, TransformerModel } from '../layers/types.js';
import { attention, decoder, layer, mlp, moe, perLayer } from './parts.js';

export interface MoeDecoderShape {
  family: string;
  d: number;
  layers: number;
  vocab: number;
  maxSeq: number;
  tied: boolean;
  headBias?: boolean;
  norm?: Norm;
  normBias?: boolean;
  /** Every layer's attention (heads, KV heads, head_dim, biases, QK-norm, sinks). */
  attention: Partial<Attention> & { heads: number; headDim: number };
  /** The dense layers' MLP, where there are any. */
  dense?: { ffn: number; activation?: Activation; bias?: boolean };
  moe: Partial<Moe> & { experts: number; topk: number; ffn: number };
  /** Which layers hold the mixture of experts (the rest the dense MLP). */
  sparse: (i: number) => boolean;
  /** Each layer's window (or chunk), null for full attention. */
  window?: (i: number) => number | null;
}

export function moeDecoder(s: MoeDecoderShape): TransformerModel {
  const sparse = moe(s.moe);
  const dense = s.dense ? mlp(s.dense.ffn, s.dense.activation ?? sparse.activation, s.dense.bias ?? false) : null;
  const layers = perLayer(s.layers, (i) => {
    const w = s.window?.(i) ?? null;
    const attn = attention({ ...s.attention, window: w, chunked: w !== null && s.attention.chunked === true });
    return layer(attn, s.sparse(i) || !dense ? sparse : dense);
  });
  return decoder(
    {
      family: s.family,
      d: s.d,
      vocab: s.vocab,
      maxSeq: s.maxSeq,
      position: 'rope',
      tied: s.tied,
      headBias: s.headBias,
      norm: s.norm,
      normBias: s.normBias,
    },
    layers,
  );
}

/** Qwen2-MoE / Qwen3-MoE: MoE unless listed in mlp_only_layers, on every decoder_sparse_step-th layer ((i+1) % step = 0). */
// HF Qwen2MoeDecoderLayer / Qwen3MoeDecoderLayer.
export const qwenSparse =
  (step: number, mlpOnly: readonly number[] = []) =>
  (i: number): boolean =>
    !mlpOnly.includes(i) && step > 0 && (i + 1) % step === 0;

/** Llama 4: MoE on moe_layers = range(step − 1, L, step) (HF Llama4TextConfig). */
export const llama4Sparse =
  (step: number) =>
  (i: number): boolean =>
    i % step === step - 1;

/** Llama 4: RoPE layers attend within chunks of attention_chunk_size; every 4th (no_rope) layer attends globally. */
export const llama4Chunks =
  (chunk: number, every = 4) =>
  (i: number): number | null =>
    (i + 1) % every !== 0 ? chunk : null;

/** gpt-oss: even layers are sliding_attention, odd full (GptOssConfig.layer_types). */
export const alternateWindows =
  (size: number) =>
  (i: number): number | null =>
    i % 2 === 0 ? size : null;

/** GLM-4.5 (HF Glm4MoeDecoderLayer): dense below first_k_dense_replace, MoE from there. */
export const firstDense =
  (k: number) =>
  (i: number): boolean =>
    i >= k;
