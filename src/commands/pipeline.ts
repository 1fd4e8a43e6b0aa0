// One spec (or `A vs B`) from text to estimates: parse → resolve → estimate, with a final check that
// no number is out of range, so every front end and the JSON output share one path and one set of errors.
import { applyOverrides, isPartial, parse, resolve } from '../../grammar/index.js';
import { estimate } from '../core/estimate.js';
import type { Estimate } from '../core/estimate-types.js';
import type { SpecPatch } from '../core/spec.js';
import type { Answer } from '../model/reply.js';
import { fail, type NapkinError, ok, type Result } from '../result.js';

export type { Answer } from '../model/reply.js';

const SIZE_KEYS = ['params', 'flops', 'memory', 'budget'] as const;

/** The first number that is not finite, or negative where only sizes make sense (headroom may be negative). */
function outOfRange(est: Estimate): string | null {
  for (const group of SIZE_KEYS) {
    const values = est[group] as unknown as Record<string, unknown>;
    for (const key in values) {
      const v = values[key];
      if (typeof v === 'number' && (!Number.isFinite(v) || (v < 0 && key !== 'headroom'))) return `${group}.${key}`;
    }
  }
  return null;
}

function estimateChecked(est: Estimate, text: string): Result<Estimate> {
  const bad = outOfRange(est);
  if (!bad) return ok(est);
  return fail(
    'out-of-range',
    `the result for \`${est.name}\` is out of range (${bad})`,
    0,
    Math.max(text.length, 1),
    'use smaller sizes: one of the numbers is too large to estimate',
  );
}

/** One patch (what the user said) → its estimate; errors point into `text`. */
export function estimatePatch(patch: SpecPatch, text: string): Result<Estimate> {
  const spec = resolve(patch, text);
  if (!spec.ok) return spec;
  return estimateChecked(estimate(spec.value), text);
}

/** Text → one estimate or a pair; errors point into `text`. */
export function answer(text: string): Result<Answer, NapkinError> {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  if (p.kind === 'single') {
    const est = estimatePatch(p.patch, text);
    return est.ok ? ok({ kind: 'single', est: est.value }) : est;
  }
  const a = estimatePatch(p.a, text);
  if (!a.ok) return a;
  // B may be only overrides (`llama-2-7b vs L=40`): it means A with those changes.
  const b = estimatePatch(isPartial(p.b) ? applyOverrides(p.a, p.b) : p.b, text);
  if (!b.ok) return b;
  return ok({ kind: 'compare', a: a.value, b: b.value });
}
