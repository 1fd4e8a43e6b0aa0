// Spans of tokens in the input. Token images are exact slices of the text, so the end is start + length
// (the lexer runs with positionTracking 'onlyOffset', which records no end offsets).
import type { Span } from '../src/core/spec.js';

export const endOf = (t: { startOffset: number; image: string }) => t.startOffset + t.image.length;

export const spanOf = (t: { startOffset: number; image: string }): Span => ({
  offset: t.startOffset,
  length: t.image.length,
});

/** The smallest span covering both. */
export function join(a: Span, b: Span): Span {
  const start = Math.min(a.offset, b.offset);
  return { offset: start, length: Math.max(a.offset + a.length, b.offset + b.length) - start };
}
