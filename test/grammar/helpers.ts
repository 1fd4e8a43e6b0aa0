// Shared helpers for the grammar tests: parse or resolve, failing loudly with the error on a bad input.
import { expect } from 'vitest';
import { parse, resolve } from '../../grammar/index.js';
import type { Spec, SpecPatch } from '../../src/core/spec.js';
import type { NapkinError } from '../../src/result.js';

export function patchOf(text: string): SpecPatch {
  const r = parse(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} (${r.error.hint})`);
  expect(r.value.kind).toBe('single');
  return (r.value as { patch: SpecPatch }).patch;
}

export function specOf(text: string): Spec {
  const r = resolve(patchOf(text), text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} (${r.error.hint})`);
  return r.value;
}

/** The first error from parsing and then resolving `text`; fails the test if there is none. */
export function errorOf(text: string): NapkinError {
  const p = parse(text);
  if (!p.ok) return p.error;
  const patches = p.value.kind === 'single' ? [p.value.patch] : [p.value.a, p.value.b];
  for (const patch of patches) {
    const r = resolve(patch, text);
    if (!r.ok) return r.error;
  }
  throw new Error(`expected an error for ${JSON.stringify(text)}`);
}

/** A patch without its spans, for comparing fields. */
export const fields = (patch: SpecPatch) => {
  const { spans: _spans, ...rest } = patch;
  return rest;
};
