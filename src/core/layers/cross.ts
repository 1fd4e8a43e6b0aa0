// A decoder's cross-attention (T5, BART; Vaswani et al. 2017 §3.2.3): queries from the decoder, keys and
// values projected once from the encoder output and cached for every decoding step.
import { splitsHeads } from './attention.js';
import type { CrossAttention } from './types.js';
import { type Kind, type Tensor, tensor } from './kind.js';

const q = (m: CrossAttention) => m.heads * m.headDim;
const kv = (m: CrossAttention) => m.kvHeads * m.headDim;

export const cross: Kind<CrossAttention> = {
  label: (m) => `cross-attention ${m.heads}h`,
  tensors(m, d, _norm, L) {
    const out: Tensor[] = [
      tensor('cross-attention', d, q(m), L, 'col'),
      tensor('cross-attention', d, kv(m), L * 2, 'col'),
      tensor('cross-attention', q(m), d, L, 'row'),
    ];
    if (m.qkvBias) out.push(tensor('cross-attention', q(m) + 2 * kv(m), 1, L, 'col'));
    if (m.outBias) out.push(tensor('cross-attention', d, 1, L, 'rep'));
    return out;
  },
  // Every decoder token attends over the whole encoder output (no causal mask): 2 · 2·enc·(h·hd).
  // The K/V projections of the encoder output are counted per decoder token (as in training, one target
  // token per input token); at inference they run once per input and are cached.
  flops: (m, run) => 4 * run.encoderSeq * q(m),
  saved(m, a) {
    const sb = a.s * a.b;
    // As self-attention: the query input, Q, K, V (of the encoder output), the output projection's input.
    return {
      replicated: a.A * sb * a.d + a.M * sb * a.d,
      split: a.A * sb * (q(m) + 2 * kv(m)) + a.A * sb * q(m),
      quadratic: (a.A + a.M + (a.dropout ? a.A : 0)) * m.heads * a.s * a.s * a.b,
    };
  },
  working(m, a) {
    const sb = a.s * a.b;
    const heads = a.A * sb * (2 * m.heads + 2 * m.kvHeads) * m.headDim + (a.flash ? 0 : a.A * m.heads * a.s * sb);
    return 2 * a.A * sb * a.d + heads / a.tp;
  },
  // K and V of every encoder token, computed once per input (vLLM CrossAttentionSpec: sized by the encoder length).
  cache: (m) => ({ per: 'encoder', elements: 2 * kv(m), tpDiv: (tp) => Math.min(tp, m.kvHeads) }),
  splits: (m, t) => splitsHeads(m, t),
  lora: () => [],
};
