// A rough parameter count, only to refuse absurd specs (over 1e15) before the estimator runs; the
// exact count is src/core's job.
import type { Model } from '../src/core/spec.js';

export function roughParams(m: Model): number {
  if (m.kind === 'bare') return m.params;
  if (m.kind === 'network') {
    let n = 0;
    for (const c of m.components) {
      if (c.kind === 'dense') n += c.in * c.out;
      else if (c.kind === 'conv') n += (c.kh * c.kw * c.cin * c.cout) / c.groups;
      else if (c.kind === 'rnn') n += 4 * c.layers * c.hidden * (c.in + c.hidden) * (c.bidirectional ? 2 : 1);
      else if (c.kind === 'embedding') n += c.vocab * c.d;
      else n += 2 * c.c;
    }
    return n;
  }
  const attention = 2 * m.d * m.heads * m.headDim + 2 * m.d * m.kvHeads * m.headDim;
  const gated = m.activation === 'swiglu' || m.activation === 'geglu';
  const mlp = (gated ? 3 : 2) * m.d * m.ffn * m.experts;
  return m.layers * (attention + mlp) + m.vocab * m.d * (m.tied ? 1 : 2);
}
