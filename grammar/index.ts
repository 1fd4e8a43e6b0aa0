// The grammar's public surface. Pure: knows nothing of chat, reads no environment.
// text → Chevrotain's lexer → classify (keys, presets, GPUs) → the parser, whose embedded actions
// (actions.ts) build a SpecPatch per side. One parser reads every input, valid or not.
import type { IToken } from 'chevrotain';
import type { Spec, SpecPatch } from '../src/core/spec.js';
import { fail, ok, type Result } from '../src/result.js';
import { finish } from './actions.js';
import type { PatchBuilder } from './builder.js';
import { classify } from './classify.js';
import { parseConfig } from './config-json.js';
import { type Failure, lexError } from './errors.js';
import { applyOverrides, isPartial, shareSettings } from './overrides.js';
import { parseError } from './parse-errors.js';
import { type Sides, specParser } from './parser.js';
import { resolve as resolveSpec } from './resolve.js';
import { lexer } from './tokens.js';

export type Parsed = { kind: 'single'; patch: SpecPatch } | { kind: 'compare'; a: SpecPatch; b: SpecPatch };

/** The largest message the chat platforms deliver; longer input is refused, not processed. */
export const MAX_INPUT = 6000;

/** A side's patch once its phrases are read: the LoRA rank joined, or the first error. */
function patchOf(b: PatchBuilder): Result<SpecPatch> {
  finish(b);
  return b.error ?? ok(b.patch);
}

/** The sides of a classified token list, or the parser's first error explained. */
export function sidesOf(tokens: IToken[], text: string): Sides | Failure {
  const parser = specParser();
  parser.text = text;
  parser.input = tokens;
  // A parse error is a Chevrotain exception; napkin reads its token and message, never its stack, and
  // capturing one cost microseconds on every mistyped spec.
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let sides: Sides;
  try {
    sides = parser.spec();
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  if (parser.errors.length) return parseError(parser.errors[0], tokens, text);
  return sides;
}

/**
 * Text → what the user said (one spec, or two for `A vs B`). A B of only overrides is applied to A
 * (`llama-2-7b vs L=40`); when both name a model, settings written on either side (dtype, GPUs,
 * mode…) apply to both unless a side sets its own, so the two are compared under the same conditions.
 */
/** A pasted config.json (or a JSON array, which parseConfig refuses with its own message). */
const CONFIG = /^\s*[{[]/;

/**
 * Look-alike characters that chat clients and phones type, as the ASCII the grammar reads, one for one so
 * every offset still points into what the user wrote: Unicode hyphens, dashes and minus (‐ ‑ ‒ – — ―
 * −) as `-`, full-width ASCII (４０９６) as ASCII, and no-break or thin spaces as spaces.
 */
export function folded(text: string): string {
  if (!/[\u00a0\u2002-\u200a\u2010-\u2015\u2212\u202f\uff01-\uff5e]/.test(text)) return text;
  return text.replace(/[\u00a0\u2002-\u200a\u2010-\u2015\u2212\u202f\uff01-\uff5e]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return code >= 0x2010 && code !== 0x202f ? '-' : ' ';
  });
}

export function parse(written: string): Result<Parsed> {
  const text = folded(written);
  if (text.length > MAX_INPUT) {
    const message = `the input is ${text.length} characters; napkin reads at most ${MAX_INPUT}`;
    // Classifier configs carry a label per class (id2label, label2id): tens of KB for ImageNet's 1,000.
    const hint = CONFIG.test(text)
      ? 'leave out the config.json’s id2label and label2id maps: napkin does not need them'
      : 'send one spec, not a document';
    return fail('too-long', message, MAX_INPUT, text.length - MAX_INPUT, hint);
  }
  if (CONFIG.test(text)) {
    const patch = parseConfig(text);
    return patch.ok ? ok({ kind: 'single', patch: patch.value }) : patch;
  }
  const lexed = lexer.tokenize(text);
  if (lexed.errors.length) {
    const e = lexed.errors[0];
    return lexError(e.offset, e.length, text);
  }
  const tokens = classify(lexed.tokens, text);
  if (tokens.length === 0)
    return fail('empty', 'nothing to estimate', 0, text.length, 'e.g. `llama-2-7b` or `transformer d=4096 L=32`');
  const sides = sidesOf(tokens, text);
  if ('ok' in sides) return sides;

  const a = patchOf(sides.first);
  if (!a.ok) return a;
  if (!sides.second) return ok({ kind: 'single', patch: a.value });
  if (sides.second.empty) {
    const at = sides.vs?.startOffset ?? 0;
    return fail('no-value', '`vs` needs something to compare with', at, text.length - at, 'e.g. `llama-2-7b vs L=40`');
  }
  const b = patchOf(sides.second.builder);
  if (!b.ok) return b;
  if (isPartial(b.value)) return ok({ kind: 'compare', a: a.value, b: applyOverrides(a.value, b.value) });
  return ok({ kind: 'compare', a: shareSettings(a.value, b.value), b: shareSettings(b.value, a.value) });
}

/** Fill defaults (listing each in `assumptions`) and validate; errors point into `text`. */
export function resolve(patch: SpecPatch, text: string): Result<Spec> {
  return resolveSpec(patch, text);
}

export { applyOverrides, isPartial };
