// Every config.json fixture (test/fixtures/configs, each with its source) counted by napkin equals the
// count of a PyTorch mirror of its Hugging Face class on the meta device (test/fixtures/pytorch-counts.json,
// written by the command recorded beside each figure; the tests never run Python).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import { specOf } from './helpers.js';

interface Counted {
  id: string;
  model_type: string;
  mirror: string;
  value: number;
  command: string;
}
const DIR = new URL('../fixtures/configs/', import.meta.url);
const COUNTS = JSON.parse(
  readFileSync(new URL('../fixtures/pytorch-counts.json', import.meta.url), 'utf8'),
) as Counted[];
const configOf = (id: string) =>
  JSON.parse(readFileSync(new URL(`${id}.json`, DIR), 'utf8')) as { source: string; config: object };

describe('config.json fixtures against PyTorch mirrors of their classes', () => {
  it('every fixture has a mirror count, made by the recorded command', () => {
    const ids = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
    expect(COUNTS.map((c) => c.id).sort()).toEqual(ids.sort());
    for (const c of COUNTS) {
      expect(c.command).toBe('/usr/bin/python3 scripts/mirrors/count.py');
      expect(configOf(c.id).source.length, c.id).toBeGreaterThan(20);
    }
  });

  it.each(COUNTS.map((c) => [c.id, c.mirror, c.value] as const))('%s = %s count %d', (id, _mirror, value) => {
    const text = JSON.stringify(configOf(id).config);
    expect(estimate(specOf(text)).params.total).toBe(value);
  });
});
