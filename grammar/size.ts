// A rough parameter count, only to refuse absurd specs (over 1e15) before the estimator runs; the
// exact count is src/core's job.
import { modelSums } from '../src/core/params.js';
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
  // Each group of identical layers counted once × its count: a 1e5-layer stack costs one layer's work.
  return modelSums(m).total;
}
