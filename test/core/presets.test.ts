// Every preset's parameter count against its published figure (test/fixtures/published.json, each entry
// with its source): exact where the source gives every digit, within the source's rounding otherwise.
// CNN forward FLOPs against torchvision's "GFLOPS" (multiply-accumulates, so napkin's FLOPs = 2 × MACs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countFlops } from '../../src/core/flops.js';
import { countParams } from '../../src/core/params.js';
import { findPreset, PRESETS, type Preset, presetKeys } from '../../src/core/presets.js';
import { reshape } from '../../src/core/reshape.js';
import { specOf } from './spec-fixtures.js';

interface Published {
  id: string;
  value: number;
  exact: boolean;
  tolerance: number;
  source: string;
}
const FIXTURES = new Map<string, Published>(
  (JSON.parse(readFileSync(new URL('../fixtures/published.json', import.meta.url), 'utf8')) as Published[]).map((e) => [
    e.id,
    e,
  ]),
);

/** Presets whose figure came with the shared ground truth under another id; the rest use `<id>-params`. */
const FIXTURE_ID: Record<string, string> = {
  gpt2: 'gpt2-small-params',
  'llama-2-7b': 'llama2-7b-params',
  'llama-2-70b': 'llama2-70b-params',
  'mistral-7b': 'mistral-7b-v0.1-params',
  'mixtral-8x7b': 'mixtral-8x7b-total-params',
  'bert-base': 'bert-base-uncased-params',
};
const fixtureOf = (p: Preset) => FIXTURES.get(FIXTURE_ID[p.id] ?? `${p.id}-params`);
const specFor = (p: Preset) => specOf(p.model, { seq: p.seq, preset: p.id, name: p.name });

describe('preset catalogue', () => {
  it('has at least 30 presets with unique ids, a source and a positive published count', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.published.source.length, p.id).toBeGreaterThan(10);
      expect(p.published.params, p.id).toBeGreaterThan(0);
      expect(p.seq, p.id).toBeGreaterThan(0);
    }
  });

  it('no spelling names two presets (a decimal point counts: opt-1.3b ≠ opt-13b)', () => {
    const clashes = [...presetKeys()].filter(([, ids]) => ids.length > 1);
    expect(clashes).toEqual([]);
  });

  it.each([
    ['Llama-2-7b-hf', 'llama-2-7b'],
    ['llama2 7b', 'llama-2-7b'],
    ['meta-llama/Llama-2-7b-hf', 'llama-2-7b'],
    ['gpt-2', 'gpt2'],
    ['GPT2_XL', 'gpt2-xl'],
    ['mistral', 'mistral-7b'],
    ['Mixtral 8x7B', 'mixtral-8x7b'],
    ['bert-base-uncased', 'bert-base'],
    ['resnet-50', 'resnet50'],
    ['ViT-B/16', 'vit-b-16'],
    ['Llama-3.1-405B', 'llama-3.1-405b'],
    ['llama-3-8b', 'llama-3-8b'],
    ['OPT-1.3B', 'opt-1.3b'],
    ['opt 13b', 'opt-13b'],
    ['pythia-1.4b-deduped', 'pythia-1.4b'],
    ['GPT-3', 'gpt3-175b'],
    ['Qwen/Qwen3-8B', 'qwen3-8b'],
    ['Qwen3-30B-A3B', 'qwen3-30b-a3b'],
    ['gemma 2 9b', 'gemma-2-9b'],
    ['gemma-2b', 'gemma-2b'],
    ['google/gemma-3-1b-it', 'gemma-3-1b'],
    ['Llama-3.2-1B-Instruct', 'llama-3.2-1b'],
    ['qwen2.5-7b-instruct', 'qwen2.5-7b'],
  ])('findPreset(%s) → %s', (name, id) => {
    expect(findPreset(name)?.id).toBe(id);
  });

  it('unknown names find nothing', () => {
    expect(findPreset('llama-9-1b')).toBeUndefined();
  });
});

describe('published parameter counts', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    const f = fixtureOf(p);
    expect(f, `no fixture for ${p.id}`).toBeDefined();
    if (!f) return;
    // The preset and the fixture cite the same figure, with the same exactness.
    expect(p.published.params).toBe(f.value);
    expect(p.published.exact).toBe(f.exact);
    const total = countParams(specFor(p)).total;
    if (f.exact) expect(total).toBe(f.value);
    else expect(Math.abs(total - f.value), `${total} vs ${f.value} ± ${f.tolerance}`).toBeLessThanOrEqual(f.tolerance);
  });

  it.each([
    ['mixtral-8x7b', 'mixtral-8x7b-active-params', 12_879_925_248],
    ['mixtral-8x22b', 'mixtral-8x22b-active-params', 39_161_468_928],
    ['qwen3-30b-a3b', 'qwen3-30b-a3b-active-params', 3_353_032_704],
  ])('%s active parameters (shared parts + top-k experts)', (id, fixture, exact) => {
    const active = countParams(specFor(findPreset(id)!)).active;
    const f = FIXTURES.get(fixture)!;
    expect(Math.abs(active - f.value)).toBeLessThanOrEqual(f.tolerance);
    expect(active).toBe(exact); // shared + 2 experts per layer, from the config
  });

  it('GPT-3 XL with Table 2.1 taken literally (24 heads × 128 ≠ d_model) would miss Table D.1 by 15%', () => {
    const p = findPreset('gpt3-xl')!;
    if (p.model.kind !== 'transformer') throw new Error('expected a transformer');
    const literal = countParams(specOf(reshape(p.model, { heads: 24, kvHeads: 24, headDim: 128 }))).total;
    expect(literal).toBe(1_517_123_584);
    expect(Math.abs(literal - 1320e6)).toBeGreaterThan(FIXTURES.get('gpt3-xl-params')!.tolerance);
  });
});

describe('CNN forward FLOPs vs torchvision GMACs (conv + linear multiply-accumulates at 224×224)', () => {
  it.each(['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152', 'vgg16', 'vgg19'])('%s', (id) => {
    const p = findPreset(id)!;
    const spec = specFor(p);
    const macs = countFlops(spec, countParams(spec)).forwardPerSample! / 2;
    const f = FIXTURES.get(`${id}-gmacs`)!;
    expect(Math.abs(macs - f.value) / f.value).toBeLessThan(0.01);
    expect(Math.abs(macs - f.value), `${macs} vs ${f.value} ± ${f.tolerance}`).toBeLessThanOrEqual(f.tolerance);
  });

  it('every conv knows its input size, so FLOPs are never unknown', () => {
    for (const p of PRESETS)
      if (p.model.kind === 'network')
        for (const c of p.model.components) if (c.kind === 'conv') expect(c.hw, p.id).toBeGreaterThan(0);
  });
});
