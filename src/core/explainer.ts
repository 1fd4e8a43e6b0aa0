// `explain <topic>` is generated from these: each core module that computes a number exports an
// Explainer beside its formula, so the explanation cannot drift from the computation.
import type { Estimate } from './estimate-types.js';
import type { Spec } from './spec.js';

export interface Explainer {
  /** Topic name users type: 'params', 'flops', 'memory', 'activations', 'kv-cache', 'zero', 'budget', … */
  topic: string;
  aliases: string[];
  title: string;
  /** The formula in plain text, e.g. 'KV = 2 · L · kv_heads · head_dim · seq · batch · bytes'. */
  formula: string;
  /** Paper and equation/table, or the library whose convention it follows. */
  source: string;
  /** The formula with this spec's numbers substituted, one line each (plain numbers; the caller formats). */
  substitute(spec: Spec, est: Estimate): string[];
}
