// Multi-head latent attention (DeepSeek-AI 2024, DeepSeek-V2 arXiv:2405.04434 §2.1; HF DeepseekV3Attention):
// queries through a q_lora_rank latent, keys and values through one kv_lora_rank latent shared by all
// heads, plus a decoupled RoPE key of rope_dim shared by all heads.
import type { Mla } from './types.js';
import { type Adaptable, context, type Kind, normElements, type Tensor, tensor } from './kind.js';

const qk = (m: Mla) => m.nopeDim + m.ropeDim;

export const mla: Kind<Mla> = {
  label: (m) => `MLA ${m.heads}h kv_rank ${m.kvRank}${m.qRank ? ` q_rank ${m.qRank}` : ''}`,
  tensors(m, d, norm, L) {
    const out: Tensor[] = [];
    if (m.qRank > 0)
      // q_a_proj d×q_rank (replicated in Megatron), q_a_layernorm, q_b_proj q_rank×(h·(nope+rope)).
      out.push(
        tensor('attention', d, m.qRank, L, 'rep'),
        tensor('norms', normElements(norm, m.qRank), 1, L, 'rep'),
        tensor('attention', m.qRank, m.heads * qk(m), L, 'col'),
      );
    else out.push(tensor('attention', d, m.heads * qk(m), L, 'col'));
    // kv_a_proj_with_mqa d×(kv_rank + rope), kv_a_layernorm, kv_b_proj kv_rank×(h·(nope + v)), o_proj (h·v)×d.
    out.push(
      tensor('attention', d, m.kvRank + m.ropeDim, L, 'rep'),
      tensor('norms', normElements(norm, m.kvRank), 1, L, 'rep'),
      tensor('attention', m.kvRank, m.heads * (m.nopeDim + m.vDim), L, 'col'),
      tensor('attention', m.heads * m.vDim, d, L, 'row'),
    );
    return out;
  },
  // Scores over h·(nope + rope) and the sum over h·v per key: 2·ctx·h·(nope + rope + v) (Megatron-LM
  // training.py num_floating_point_operations, multi_latent_attention core term).
  flops: (m, run) => 2 * context(run.seq, run.causal, null) * m.heads * (qk(m) + m.vDim),
  saved(m, a) {
    const sb = a.s * a.b;
    // The input, the q and kv latents before and after their norms (replicated), then per head Q, K, V and
    // the output projection's input (split), and the s² terms.
    const latents = 2 * m.qRank + m.kvRank + m.ropeDim + m.kvRank;
    return {
      replicated: a.A * sb * a.d + a.A * sb * latents + a.M * sb * a.d,
      split: a.A * sb * m.heads * (2 * qk(m) + 2 * m.vDim),
      quadratic: (a.A + a.M + (a.dropout ? a.A : 0)) * m.heads * a.s * a.s * a.b,
    };
  },
  working(m, a) {
    const sb = a.s * a.b;
    const heads = a.A * sb * m.heads * (2 * qk(m) + 2 * m.vDim) + (a.flash ? 0 : a.A * m.heads * a.s * sb);
    return 2 * a.A * sb * a.d + a.A * sb * (m.qRank + m.kvRank + m.ropeDim) + heads / a.tp;
  },
  // The compressed latent and the shared RoPE key, kv_rank + rope_dim per token per layer, as vLLM's
  // MLAAttentionSpec and SGLang store it; every TP rank keeps the whole latent.
  cache: (m) => ({ per: 'token', elements: m.kvRank + m.ropeDim, window: null, tpDiv: () => 1 }),
  splits: (m, t) => m.heads % t === 0,
  // PEFT names: q (q_proj or q_b_proj), q_a, kv_a (kv_a_proj_with_mqa), kv_b, o.
  lora: (m, d) => [
    ['q', m.qRank || d, m.heads * qk(m), 1],
    ...(m.qRank ? [['q_a', d, m.qRank, 1] as Adaptable] : []),
    ['kv_a', d, m.kvRank + m.ropeDim, 1],
    ['kv_b', m.kvRank, m.heads * (m.nopeDim + m.vDim), 1],
    ['o', m.heads * m.vDim, d, 1],
  ],
};
