// DeepSeek-V2/V3 and their descendants (Kimi K2): multi-head latent attention in every layer, dense MLPs
// in the first k layers, then a mixture of experts with shared experts (HF DeepseekV2/V3ForCausalLM).
import type { TransformerModel } from '../layers/types.js';
import { decoder, layer, mla, mlp, moe, perLayer } from './parts.js';

export interface DeepseekShape {
  family: string;
  d: number;
  layers: number;
  heads: number;
  /** q_lora_rank; 0 = a full-rank q_proj (V2-Lite). */
  qRank: number;
  kvRank: number;
  ropeDim: number;
  nopeDim: number;
  vDim: number;
  /** The dense layers' MLP width (intermediate_size). */
  ffn: number;
  experts: number;
  topk: number;
  /** Each routed expert's width (moe_intermediate_size). */
  expertFfn: number;
  /** n_shared_experts: one MLP of n_shared · expertFfn. */
  shared: number;
  /** first_k_dense_replace. */
  firstDense: number;
  /** moe_layer_freq (DeepSeek's code and vLLM: MoE when i ≥ k and i % freq = 0; HF's classes assume 1). */
  moeEvery: number;
  vocab: number;
  maxSeq: number;
  tied: boolean;
}

export function deepseek(s: DeepseekShape): TransformerModel {
  const attn = mla({
    heads: s.heads,
    qRank: s.qRank,
    kvRank: s.kvRank,
    ropeDim: s.ropeDim,
    nopeDim: s.nopeDim,
    vDim: s.vDim,
  });
  const dense = layer(attn, mlp(s.ffn));
  const sparse = layer(
    attn,
    moe({ experts: s.experts, topk: s.topk, ffn: s.expertFfn, shared: s.shared, sharedFfn: s.shared * s.expertFfn }),
  );
  const layers = perLayer(s.layers, (i) => (i >= s.firstDense && i % s.moeEvery === 0 ? sparse : dense));
  return decoder(
    { family: s.family, d: s.d, vocab: s.vocab, maxSeq: s.maxSeq, position: 'rope', tied: s.tied },
    layers,
  );
}
