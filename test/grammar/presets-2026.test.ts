// The 2026 presets: each is the model its config.json reads as (test/fixtures/configs, with sources),
// counts what a PyTorch mirror of its Hugging Face class counts (test/fixtures/pytorch-counts.json), and
// lands within the rounding of its published total and active figures (test/fixtures/published.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countParams } from '../../src/core/params.js';
import { findPreset } from '../../src/core/presets.js';
import { PRESETS_2026 } from '../../src/core/presets-2026.js';
import type { Model } from '../../src/core/spec.js';
import { specOf as coreSpec } from '../core/spec-fixtures.js';
import { specOf } from './helpers.js';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const MIRROR = new Map<string, number>(
  (json('../fixtures/pytorch-counts.json') as { id: string; value: number }[]).map((c) => [c.id, c.value]),
);
interface Published {
  id: string;
  value: number;
  tolerance: number;
  source: string;
  /** Parts a published active figure leaves out (the embedding table, the LM head), by breakdown name. */
  excludes?: string[];
}
const PUBLISHED = new Map<string, Published>((json('../fixtures/published.json') as Published[]).map((e) => [e.id, e]));
/** The config fixture of a preset: its own, or the model it shares its modules with. */
const FIXTURE: Record<string, string> = { 'deepseek-r1': 'deepseek-v3' };
const fixtureOf = (id: string) => FIXTURE[id] ?? id;
const counts = (m: Model) => countParams(coreSpec(m));
/** A model with its context set aside (presets default to the trained context, configs state the longest). */
const withoutContext = (m: Model) => (m.kind === 'transformer' ? { ...m, maxSeq: 0 } : m);

describe('2026 presets against their config.json, a PyTorch count and the published figure', () => {
  it.each(PRESETS_2026.map((p) => [p.id] as const))('%s', (id) => {
    const p = findPreset(id)!;
    const mirror = MIRROR.get(fixtureOf(id));
    expect(mirror, `no PyTorch count for ${id}`).toBeDefined();
    expect(counts(p.model).total).toBe(mirror);
    const cfg = json(`../fixtures/configs/${fixtureOf(id)}.json`).config;
    expect(withoutContext(specOf(JSON.stringify(cfg)).model)).toEqual(withoutContext(p.model));
    const published = PUBLISHED.get(`${id}-params`)!;
    expect(p.published.params).toBe(published.value);
    expect(Math.abs(mirror! - published.value)).toBeLessThanOrEqual(published.tolerance);
  });

  it.each([...PUBLISHED.keys()].filter((k) => k.endsWith('-active-params') && findPreset(k.slice(0, -14))?.id))(
    '%s: active = shared parts + top-k routed experts, within the published rounding',
    (key) => {
      const p = findPreset(key.slice(0, -'-active-params'.length))!;
      const f = PUBLISHED.get(key)!;
      const c = counts(p.model);
      const left = c.breakdown.filter((x) => f.excludes?.includes(x.name)).reduce((s, x) => s + x.count, 0);
      expect(Math.abs(c.active - left - f.value), `${c.active - left} vs ${f.value}`).toBeLessThanOrEqual(f.tolerance);
    },
  );

  it('DeepSeek-V3: 37,552,282,624 active = 671,026,404,352 − 58 MoE layers × 248 idle experts × 3·7,168·2,048', () => {
    const p = counts(findPreset('deepseek-v3')!.model);
    expect(p.total - p.active).toBe(58 * 248 * 3 * 7168 * 2048);
    expect(p.active).toBe(37_552_282_624);
  });

  it('gpt-oss-120b: 5,711,982,912 active, the card’s 5.13B plus the 579,133,440-entry embedding table', () => {
    expect(counts(findPreset('gpt-oss-120b')!.model).active).toBe(5_711_982_912);
    expect(5_711_982_912 - 201_088 * 2880).toBe(5_132_849_472);
  });

  it('Gemma 3: the non-embedding counts equal Table 1 of the report exactly (3,209M, 10,759M, 25,600M)', () => {
    for (const [id, d, nonEmbedding] of [
      ['gemma-3-4b', 2560, 3209e6],
      ['gemma-3-12b', 3840, 10759e6],
      ['gemma-3-27b', 5376, 25600e6],
    ] as const)
      expect(Math.round((counts(findPreset(id)!.model).total - 262_208 * d) / 1e6) * 1e6).toBe(nonEmbedding);
  });
});

describe('gpt-oss: the preset is the model the weight-format tests build from its config', () => {
  it('gpt-oss-120b and -20b equal test/core/gpt-oss-model.ts, and default to MXFP4 experts as the checkpoints store them', async () => {
    const { gptOss } = await import('../core/gpt-oss-model.js');
    expect(findPreset('gpt-oss-120b')!.model).toEqual(gptOss(36, 128));
    expect(findPreset('gpt-oss-20b')!.model).toEqual(gptOss(24, 32));
    expect(findPreset('gpt-oss-120b')!.weights).toEqual({ kind: 'format', id: 'mxfp4', scope: 'experts' });
  });
});
