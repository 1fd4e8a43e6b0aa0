// Checks across fields: two descriptions of one model, GQA groups, routing, and an absurd total size.
import type { Model, SpecPatch } from '../src/core/spec.js';
import { type Failure, failAt } from './errors.js';
import { findPreset } from './lexicon.js';
import { ARCH, STYLE } from './fields.js';
import { roughParams } from './size.js';
import { layerGroups } from '../src/core/stacks.js';

export { ARCH, STYLE };

export const firstOf = (patch: SpecPatch, fields: readonly string[]) =>
  fields.find((f) => (patch as unknown as Record<string, unknown>)[f] !== undefined);
const MAX_PARAMS = 1e15;
// Field lists built once: a spread per call showed in profiles of resolve.
const SIZES = [...ARCH, ...STYLE, 'family'];
const OTHER_SOURCES = ['preset', 'components', 'model'];
const SIZED_BY = ['d', 'layers', 'ffn', 'vocab', 'experts', 'components', 'params'];

/** Two ways of naming the model at once (`llama-2-7b params=13B`): point at the second. */
export function sourceConflict(patch: SpecPatch, text: string): Failure | null {
  const s = patch.spans;
  const shown = (f: string) => text.slice(s[f]?.offset ?? 0, (s[f]?.offset ?? 0) + (s[f]?.length ?? 0));
  // Point at whichever of the two was written second.
  const clash = (a: string, b: string | undefined, hint: string) => {
    if (!b) return null;
    const [first, second] = (s[a]?.offset ?? 0) <= (s[b]?.offset ?? 0) ? [a, b] : [b, a];
    return failAt('conflict', `\`${shown(second)}\` conflicts with \`${shown(first)}\``, s[second], text, hint);
  };
  if (patch.params !== undefined) {
    const other = firstOf(patch, OTHER_SOURCES) ?? firstOf(patch, SIZES);
    return clash('params', other, '`params=` alone describes a bare model; drop it or the other description');
  }
  if (patch.components)
    return clash(
      'components',
      firstOf(patch, ['preset', 'model']) ?? firstOf(patch, SIZES),
      'layers like `dense` describe the whole model; drop the other description',
    );
  if (patch.preset && patch.family) {
    const p = findPreset(patch.preset);
    if (p?.model.kind !== 'transformer' || p.model.family !== patch.family)
      return clash(
        'preset',
        'family',
        `a preset brings its own architecture; override parts with switches like \`${STYLE[0]}=…\` or \`L=40\``,
      );
  }
  return null;
}

/** Checks that need the whole model: GQA groups, routing, total size. */
export function validateModel(m: Model, patch: SpecPatch, text: string): Failure | null {
  const s = patch.spans;
  if (m.kind === 'transformer') {
    for (const g of layerGroups(m)) {
      const x = g.layer.mixer;
      if (x?.kind === 'attn' && x.heads % x.kvHeads)
        return failAt(
          'indivisible',
          `kv_heads=${x.kvHeads} does not divide heads=${x.heads}`,
          s.kvHeads ?? s.heads,
          text,
          'each KV head serves a whole group of query heads',
        );
      const f = g.layer.ffn;
      if (f?.kind === 'moe' && f.topk > f.experts)
        return failAt(
          'out-of-range',
          `top-${f.topk} is more than the ${f.experts} experts`,
          s.topk ?? s.experts,
          text,
          'topk must be at most experts',
        );
    }
    if (patch.topk !== undefined && patch.topk > 1 && !layerGroups(m).some((g) => g.layer.ffn?.kind === 'moe'))
      return failAt(
        'out-of-range',
        `top-${patch.topk} is more than the 1 experts`,
        s.topk,
        text,
        'topk must be at most experts',
      );
  }
  const n = roughParams(m);
  if (n > MAX_PARAMS) {
    const span = s[firstOf(patch, SIZED_BY) ?? ''];
    return failAt(
      'too-large',
      `about ${n.toExponential(1).replace('e+', 'e')} parameters, over the limit of 1e15`,
      span,
      text,
      'a model that large is probably a typo',
    );
  }
  return null;
}
