// Errors as values: a NapkinError that points at the text, and the small helpers every stage uses.
import type { IToken } from 'chevrotain';
import type { Span } from '../src/core/spec.js';
import { fail } from '../src/result.js';
import type { Payload } from './classify.js';

export type Failure = ReturnType<typeof fail>;

const CHOICE_EXAMPLES: Record<string, string> = {
  dtype: 'fp8',
  recompute: 'selective',
  optimizer: 'adamw',
  mode: 'train',
  activation: 'swiglu',
  norm: 'rmsnorm',
  position: 'rope',
};
/** A value to show in a hint for a key: `kv_cache=fp8`, `L=32`. */
export function example(key: IToken | undefined): string {
  const p = key?.payload as Payload | undefined;
  const e = p && 'entry' in p ? p.entry : undefined;
  return e?.kind === 'choiceKey' ? (CHOICE_EXAMPLES[e.accepts] ?? 'fp8') : '32';
}

/** A span kept inside the text (a patch merged from another message may carry foreign offsets). */
export function inside(span: Span | undefined, text: string): Span {
  if (!span || span.offset < 0 || span.offset + span.length > text.length) return { offset: 0, length: text.length };
  return span;
}

export const failAt = (code: string, message: string, span: Span | undefined, text: string, hint = ''): Failure => {
  const s = inside(span, text);
  return fail(code, message, s.offset, s.length, hint);
};

export function lexError(offset: number, length: number, text: string): Failure {
  const bad = text.slice(offset, offset + Math.max(length, 1));
  return failAt(
    'bad-character',
    `unexpected \`${bad}\``,
    { offset, length: Math.max(1, length) },
    text,
    'use letters, numbers, `=`, `?`, `+` and `x`',
  );
}
