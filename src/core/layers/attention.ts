// Grouped-query self-attention (Vaswani et al. 2017; GQA: Ainslie et al. 2023, arXiv:2305.13245), with the
// variants checkpoints carry: q/k/v and output biases, QK-norm, attention sinks, a sliding window, T5's
// relative-position bias.
import type { Attention } from './types.js';
import { context, type Kind, normElements, type Tensor, tensor, type Terms } from './kind.js';

const q = (m: Attention) => m.heads * m.headDim;
const kv = (m: Attention) => m.kvHeads * m.headDim;

/** Whole query heads per rank, and whole KV heads (kv_heads % t = 0, Megatron's query groups) or a replica (t % kv_heads = 0, vLLM). */
export const splitsHeads = (m: { heads: number; kvHeads: number }, t: number): boolean =>
  m.heads % t === 0 && (m.kvHeads % t === 0 || t % m.kvHeads === 0);

/** KV heads divide over at most kv_heads ranks; beyond that each rank holds a replica (vLLM). */
const kvSplit = (m: { kvHeads: number }) => (tp: number) => Math.min(tp, m.kvHeads);

export const attention: Kind<Attention> = {
  label: (m) =>
    `${m.window === null ? '' : `window ${m.window} `}attention ${m.heads}h${m.kvHeads === m.heads ? '' : `/${m.kvHeads}kv`}`,
  tensors(m, d, norm, L) {
    // q_proj d×(h·hd), k_proj and v_proj d×(kv·hd), o_proj (h·hd)×d.
    const out: Tensor[] = [
      tensor('attention', d, q(m), L, 'col'),
      tensor('attention', d, kv(m), L * 2, 'col'),
      tensor('attention', q(m), d, L, 'row'),
    ];
    if (m.qkvBias) out.push(tensor('attention', q(m) + 2 * kv(m), 1, L, 'col'));
    if (m.outBias) out.push(tensor('attention', d, 1, L, 'rep'));
    // QK-norm: Qwen3Attention.q_norm/k_norm over head_dim; OLMo-2 normalises the whole q and k projections.
    if (m.qkNorm === 'head') out.push(tensor('norms', normElements(norm, m.headDim), 1, L * 2, 'rep'));
    if (m.qkNorm === 'full')
      out.push(
        tensor('norms', normElements(norm, q(m)), 1, L, 'rep'),
        tensor('norms', normElements(norm, kv(m)), 1, L, 'rep'),
      );
    // gpt-oss (GptOssAttention.sinks): one learned logit per head, read by the softmax, not a matmul.
    if (m.sinks) out.push(tensor('attention', m.heads, 1, L, 'col', false));
    // T5Attention.relative_attention_bias: an Embedding(buckets, heads), looked up.
    if (m.relBuckets > 0) out.push(tensor('positions', m.relBuckets, m.heads, L, 'col', false));
    return out;
  },
  // Scores Q·Kᵀ and the weighted sum of V over the context: 2 · 2·ctx·(h·hd) (Kaplan et al. 2020 Table 1
  // counts 2·n_ctx·d for the scores alone).
  // A sliding window or a chunk caps the keys each token attends over (run.full: PaLM's formula ignores them).
  flops: (m, run) => 4 * context(run.seq, run.causal, run.full ? null : m.window, m.chunked) * q(m),
  saved(m, a): Terms {
    const sb = a.s * a.b;
    // Korthikanti et al. 2022 Table 2: the QKV input, Q/K/V, the output projection's input, the s² terms;
    // QK-norm also keeps q and k before their norms; a 1-byte dropout mask after the output projection.
    const qkNorm = m.qkNorm === 'none' ? 0 : a.A * sb * (q(m) + kv(m));
    return {
      replicated: a.A * sb * a.d + a.M * sb * a.d,
      split: a.A * sb * (q(m) + 2 * kv(m)) + a.A * sb * q(m) + qkNorm,
      quadratic: (a.A + a.M + (a.dropout ? a.A : 0)) * m.heads * a.s * a.s * a.b,
    };
  },
  working(m, a) {
    // Input and normed input, then Q, K, V and the output (and the s² scores unless flash), split by TP.
    const sb = a.s * a.b;
    const heads = a.A * sb * (2 * m.heads + 2 * m.kvHeads) * m.headDim + (a.flash ? 0 : a.A * m.heads * a.s * sb);
    return 2 * a.A * sb * a.d + heads / a.tp;
  },
  // K and V per layer and token, 2·kv_heads·head_dim elements; a window keeps the last `window` tokens.
  cache: (m) => ({ per: 'token', elements: 2 * kv(m), window: m.window, tpDiv: kvSplit(m) }),
  splits: (m, t) => splitsHeads(m, t),
  lora: (m, d) => [
    ['q', d, q(m), 1],
    ['k', d, kv(m), 1],
    ['v', d, kv(m), 1],
    ['o', q(m), d, 1],
  ],
};
