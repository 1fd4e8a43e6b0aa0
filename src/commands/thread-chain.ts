// A thread's base and variants are stored as chains: a full spec, then the overrides applied on top of
// it, in order (`llama-2-7b bf16 adamw 8xA100-80GB` ␟ `L=40`). A chain is what the user typed, so a
// variant always means what it meant when it was answered, even after the base changes, and `base #N`
// can make any variant (including a partial one) the new base without inventing spec text.
import { applyOverrides, parse } from '../../grammar/index.js';
import type { Estimate } from '../core/estimate-types.js';
import type { SpecPatch } from '../core/spec.js';
import { fail, ok, type Result } from '../result.js';
import { estimatePatch } from './pipeline.js';

/** ASCII unit separator: no spec contains it (clean() removes it from user text before anything is stored). */
const SEP = '\u001f';

export const segments = (chain: string): string[] => chain.split(SEP);

/** Whether `text` is a chain of more than one spec (user text never holds SEP: clean() removes it). */
export const isChain = (text: string): boolean => text.includes(SEP);

/** The chain `over` applied on top of `chain`. */
export const extend = (chain: string, over: string): string => chain + SEP + over;

/** The chain made of the first `count` segments of `chain`. */
export const prefix = (chain: string, count: number): string => segments(chain).slice(0, count).join(SEP);

/** User text made safe to store as one segment. */
export const clean = (text: string): string => text.replaceAll(SEP, ' ').trim();

const JOIN = ' + ';

/** How a chain reads to a user, and the text its errors and spans point into: `llama-2-7b bf16 + L=40`. */
export const describe = (chain: string): string => segments(chain).join(JOIN);

/** A segment's patch with its spans moved to where the segment sits in describe(chain). */
function shifted(patch: SpecPatch, by: number): SpecPatch {
  const spans = Object.entries(patch.spans).map(([k, s]) => [k, s && { ...s, offset: s.offset + by }]);
  return { ...patch, spans: Object.fromEntries(spans) };
}

/** The chain's segments parsed and applied in order; a full spec replaces the model, keeping the settings. */
export function chainPatch(chain: string): Result<SpecPatch> {
  let patch: SpecPatch | undefined;
  let at = 0;
  for (const part of segments(chain)) {
    const parsed = parse(part);
    if (!parsed.ok) return { ok: false, error: { ...parsed.error, offset: parsed.error.offset + at } };
    if (parsed.value.kind !== 'single') {
      return fail(
        'one-spec',
        'a thread variant is one spec, not a comparison',
        at,
        Math.max(part.length, 1),
        'post one spec; it is compared with the base',
      );
    }
    const p = shifted(parsed.value.patch, at);
    patch = patch ? applyOverrides(patch, p) : p;
    at += part.length + JOIN.length;
  }
  return patch ? ok(patch) : fail('empty', 'no spec given', 0, 0, 'e.g. `L=40` or `llama-3-8b`');
}

/** Estimate a chain; errors point into describe(chain). */
export function estimateChain(chain: string): Result<Estimate> {
  const patch = chainPatch(chain);
  return patch.ok ? estimatePatch(patch.value, describe(chain)) : patch;
}
