// Every word in the key table, in lower and upper case, means what the table says; no spelling is
// claimed twice.
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { type ChoiceKeyDef, ENTRIES, type NumKeyDef, type WordDef } from '../../grammar/keys.js';
import { COLLISIONS } from '../../grammar/lexicon.js';
import type { SpecPatch } from '../../src/core/spec.js';
import { patchOf } from './helpers.js';

const spellings = (e: { name: string; aliases: string[] }) =>
  [e.name, ...e.aliases].flatMap((s) => [s, s.toUpperCase()]);
const get = (p: SpecPatch, field: string) => (p as unknown as Record<string, unknown>)[field];

it('no spelling names two things', () => {
  expect(COLLISIONS).toEqual([]);
});

const numKeys = ENTRIES.filter((e): e is NumKeyDef => e.kind === 'numKey');
const globalKeys = numKeys.filter((e) => !e.component && e.field !== 'r');
const VALUE: Record<string, [string, number]> = { mfu: ['50%', 0.5], zero: ['2', 2] };

describe('number keys', () => {
  it.each(globalKeys.flatMap((e) => spellings(e).map((s) => [s, e] as const)))('%s', (spelling, def) => {
    const [written, value] = VALUE[def.field] ?? ['2', 2];
    expect(get(patchOf(`llama-2-7b ${spelling}=${written}`), def.field)).toBe(value);
  });

  it.each(spellings(numKeys.find((e) => e.field === 'r')!))('LoRA rank %s', (spelling) => {
    expect(patchOf(`llama-2-7b lora ${spelling}=32`).lora?.r).toBe(32);
  });
});

/** A layer phrase with `{}` where the key goes, and the component field it must set. */
const LAYER_KEYS: Record<string, [string, string, number]> = {
  in: ['dense {}=8 out=4', 'in', 8],
  out: ['dense in=8 {}=4', 'out', 4],
  k: ['conv {}=3 cin=8 cout=16', 'kh', 3],
  kh: ['conv {}=3 kw=5 cin=8 cout=16', 'kh', 3],
  kw: ['conv kh=3 {}=5 cin=8 cout=16', 'kw', 5],
  cin: ['conv k=3 {}=8 cout=16', 'cin', 8],
  cout: ['conv k=3 cin=8 {}=16', 'cout', 16],
  hw: ['conv k=3 cin=8 cout=16 {}=32', 'hw', 32],
  stride: ['conv k=3 cin=8 cout=16 {}=2', 'stride', 2],
  pad: ['conv k=3 cin=8 cout=16 {}=1', 'pad', 1],
  groups: ['conv k=3 cin=8 cout=16 {}=2', 'groups', 2],
  c: ['batchnorm {}=64', 'c', 64],
};

describe('layer keys', () => {
  const rows = numKeys.filter((e) => e.component).flatMap((e) => spellings(e).map((s) => [s, e.name] as const));
  it.each(rows)('%s', (spelling, name) => {
    const [template, field, value] = LAYER_KEYS[name];
    const c = patchOf(template.replace('{}', spelling)).components![0] as unknown as Record<string, unknown>;
    expect(c[field]).toBe(value);
  });

  it.each(spellings({ name: 'hidden', aliases: ['d', 'width'] }))('`%s` is an RNN hidden size inside lstm', (s) => {
    expect(patchOf(`lstm in=8 ${s}=16 layers=3`).components![0]).toMatchObject({ hidden: 16, layers: 3 });
  });
});

const VALUES: Record<string, [string, unknown]> = {
  dtype: ['fp8', 'fp8'],
  recompute: ['selective', 'selective'],
  optimizer: ['lion', 'lion'],
  mode: ['train', 'train'],
  activation: ['relu', 'relu'],
  norm: ['rmsnorm', 'rmsnorm'],
  position: ['alibi', 'alibi'],
};

describe('keys that take a word', () => {
  const rows = ENTRIES.filter((e): e is ChoiceKeyDef => e.kind === 'choiceKey').flatMap((e) =>
    spellings(e).map((s) => [s, e] as const),
  );
  it.each(rows)('%s', (spelling, def) => {
    const [written, value] = VALUES[def.accepts];
    expect(get(patchOf(`llama-2-7b ${spelling}=${written}`), def.field)).toBe(value);
  });
});

describe('words that set something', () => {
  const rows = ENTRIES.filter((e): e is WordDef =>
    ['family', 'switch', 'dtype', 'optimizer', 'mode', 'flag'].includes(e.kind),
  ).flatMap((e) => spellings(e).map((s) => [s, e] as const));
  it.each(rows)('%s', (spelling, def) => {
    if (def.field === 'bidirectional') {
      expect(patchOf(`lstm in=8 hidden=8 ${spelling}`).components![0]).toMatchObject({ bidirectional: true });
    } else if (def.field === 'lora') {
      expect(patchOf(`llama-2-7b ${spelling}`).lora?.quantized).toBe(def.value);
    } else {
      const text = def.kind === 'family' ? `${spelling} d=512 L=2` : `llama-2-7b ${spelling}`;
      expect(get(patchOf(text), def.field!)).toBe(def.value);
    }
  });
});

describe('layer words, vs, x and fillers', () => {
  const TEMPLATES: Record<string, string> = {
    dense: '{} 8x4',
    mlp: '{} 8-4-2',
    conv: '{} k=3 cin=8 cout=8',
    lstm: '{} in=8 hidden=8',
    gru: '{} in=8 hidden=8',
    rnn: '{} in=8 hidden=8',
    embedding: '{} vocab=100 d=8',
    batchnorm: '{} c=8',
  };
  const words = (kind: string) => ENTRIES.filter((e) => e.kind === kind) as WordDef[];
  it.each(words('component').flatMap((e) => spellings(e).map((s) => [s, e] as const)))('%s', (spelling, def) => {
    expect(patchOf(TEMPLATES[String(def.field)].replace('{}', spelling)).components?.length).toBeGreaterThan(0);
  });
  it.each(words('vs').flatMap(spellings))('%s compares', (spelling) => {
    const r = parse(`llama-2-7b ${spelling} L=40`);
    expect(r.ok && r.value.kind).toBe('compare');
  });
  it.each(words('times').flatMap(spellings))('8 %s H100', (spelling) => {
    expect(patchOf(`llama-2-7b 8 ${spelling} H100`)).toMatchObject({ gpus: 8, gpu: 'h100-sxm' });
  });
  it.each(words('filler').flatMap(spellings))('%s is skipped', (spelling) => {
    expect(patchOf(`llama-2-7b ${spelling} H100`)).toMatchObject({ preset: 'llama-2-7b', gpu: 'h100-sxm' });
  });
});
