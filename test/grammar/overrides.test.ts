// `A vs B`, isPartial and applyOverrides (also used for thread variants).
import { describe, expect, it } from 'vitest';
import { applyOverrides, isPartial, parse, resolve } from '../../grammar/index.js';
import type { SpecPatch } from '../../src/core/spec.js';
import { fields, patchOf } from './helpers.js';

function compare(text: string): { a: SpecPatch; b: SpecPatch } {
  const r = parse(text);
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.kind !== 'compare') throw new Error('expected a comparison');
  return r.value;
}

describe('isPartial', () => {
  it.each([
    ['L=40', true],
    ['d=4096 L=32', true],
    ['zero3 16xH100', true],
    ['seq=8192', true],
    ['fp8 kv_cache=fp8', true],
    ['llama-2-7b', false],
    ['transformer d=4096 L=32', false],
    ['params=7B', false],
    ['dense 1024x4096', false],
    ['{"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12}', false],
  ])('%s → %s', (text, partial) => {
    expect(isPartial(patchOf(text))).toBe(partial);
  });
});

describe('A vs B', () => {
  it('B of only overrides is A with those changes', () => {
    const { a, b } = compare('llama-2-7b vs L=40');
    expect(fields(a)).toEqual({ preset: 'llama-2-7b' });
    expect(fields(b)).toEqual({ preset: 'llama-2-7b', layers: 40 });
    const text = 'llama-2-7b vs L=40';
    const spec = resolve(b, text);
    expect(spec.ok && spec.value.name).toBe('Llama-2-7B (L=40)');
  });

  it('A keeps its settings in B', () => {
    const { b } = compare('llama-2-7b bf16 adamw 8xA100-80GB vs zero3');
    expect(fields(b)).toMatchObject({ preset: 'llama-2-7b', dtype: 'bf16', optimizer: 'adamw', gpus: 8, zero: 3 });
  });

  it('two models share settings written on either side, unless a side sets its own', () => {
    const shared = compare('llama-2-7b vs mistral-7b H100 train');
    expect(fields(shared.a)).toMatchObject({ preset: 'llama-2-7b', gpu: 'h100-sxm', mode: 'train' });
    expect(fields(shared.b)).toMatchObject({ preset: 'mistral-7b', gpu: 'h100-sxm', mode: 'train' });
    const own = compare('llama-2-7b fp16 vs llama-2-7b int4');
    expect([own.a.dtype, own.b.dtype]).toEqual(['fp16', 'int4']);
  });

  it('gpt2 vs gpt2-xl', () => {
    const { a, b } = compare('gpt2 vs gpt2-xl');
    expect([a.preset, b.preset]).toEqual(['gpt2', 'gpt2-xl']);
  });

  it('spans in B point into the whole text', () => {
    const text = 'llama-2-7b vs L=40';
    const { b } = compare(text);
    expect(b.spans.layers).toEqual({ offset: 14, length: 4 });
  });
});

describe('applyOverrides', () => {
  it('over wins field by field', () => {
    const out = applyOverrides(patchOf('llama-2-7b bf16 L=40'), patchOf('fp8 L=48'));
    expect(fields(out)).toEqual({ preset: 'llama-2-7b', dtype: 'fp8', layers: 48 });
  });

  it('a new model replaces the whole model but keeps the settings', () => {
    const out = applyOverrides(patchOf('llama-2-7b L=40 bf16 8xH100'), patchOf('mistral-7b'));
    expect(fields(out)).toEqual({ preset: 'mistral-7b', dtype: 'bf16', gpus: 8, gpu: 'h100-sxm' });
  });

  it('an answer replaces a question and a question replaces an answer', () => {
    expect(fields(applyOverrides(patchOf('llama-2-7b H100 gpus=?'), patchOf('gpus=8')))).toEqual({
      preset: 'llama-2-7b',
      gpu: 'h100-sxm',
      gpus: 8,
    });
    expect(fields(applyOverrides(patchOf('llama-2-7b H100 batch=4'), patchOf('batch=?')))).toEqual({
      preset: 'llama-2-7b',
      gpu: 'h100-sxm',
      solve: 'batch',
    });
  });

  it('`qlora` after `lora r=16` keeps the rank', () => {
    expect(applyOverrides(patchOf('llama-2-7b lora r=16'), patchOf('qlora')).lora).toEqual({ r: 16, quantized: true });
  });

  it('does not change its inputs', () => {
    const base = patchOf('llama-2-7b bf16');
    const copy = JSON.parse(JSON.stringify(base));
    applyOverrides(base, patchOf('L=40'));
    expect(base).toEqual(copy);
  });

  it('errors from a merged patch stay inside the text they are resolved against', () => {
    // The heads span comes from the base's text (offset 24); the error is resolved against the variant's.
    const text = 'fp16';
    const r = resolve(applyOverrides(patchOf('transformer d=4096 L=32 heads=30'), patchOf(text)), text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('indivisible');
      expect(r.error.offset + r.error.length).toBeLessThanOrEqual(text.length);
    }
  });
});
