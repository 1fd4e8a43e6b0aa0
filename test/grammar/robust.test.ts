// Whatever arrives, parse and resolve return a value (never throw) and every error points inside the
// input; valid specs from other parts of napkin (fuzz corpus, help examples) parse and resolve.
import fc from 'fast-check';
import { VALID } from '../hardening/fuzz-cases.js';
import { describe, expect, it } from 'vitest';
import { parse, resolve } from '../../grammar/index.js';
import { ENTRIES } from '../../grammar/keys.js';

const inside = (text: string, e: { offset: number; length: number }) =>
  Number.isInteger(e.offset) &&
  Number.isInteger(e.length) &&
  e.offset >= 0 &&
  e.length >= 0 &&
  e.offset + e.length <= text.length;

function check(text: string): void {
  const parsed = parse(text);
  if (!parsed.ok) {
    expect(inside(text, parsed.error), JSON.stringify(parsed.error)).toBe(true);
    if (text.trim()) expect(parsed.error.length).toBeGreaterThan(0);
    return;
  }
  const patches = parsed.value.kind === 'single' ? [parsed.value.patch] : [parsed.value.a, parsed.value.b];
  for (const patch of patches) {
    const spec = resolve(patch, text);
    if (!spec.ok) expect(inside(text, spec.error), JSON.stringify(spec.error)).toBe(true);
  }
}

const WORDS = [
  ...ENTRIES.flatMap((e) => [e.name, ...e.aliases]),
  'llama-2-7b',
  'llama',
  '2',
  '7b',
  'H100',
  'H100s',
  '8x',
  '64xH100',
  'A100-80GB',
  'mixtral-8x7b',
  'gpt2',
  '=',
  ':',
  '?',
  '+',
  'vs',
  '1024x4096',
  '784-512-10',
  '0',
  '-1',
  '1e308',
  '2^1024',
  '1.5',
  '40%',
  '128k',
  '{',
  '}',
];

describe('robustness', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => check(s)),
      { numRuns: 500 },
    );
  });

  it('random sequences of known words', () => {
    const spec = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(spec, (s) => check(s)),
      { numRuns: 1500 },
    );
  });

  it('random config.json objects', () => {
    const value = fc.oneof(
      fc.integer({ min: -10, max: 100_000 }),
      fc.constant(null),
      fc.string({ maxLength: 5 }),
      fc.boolean(),
    );
    const keys = [
      'hidden_size',
      'num_hidden_layers',
      'num_attention_heads',
      'num_key_value_heads',
      'intermediate_size',
      'vocab_size',
      'model_type',
      'head_dim',
      'num_local_experts',
      'num_experts_per_tok',
    ];
    const cfg = fc.dictionary(fc.constantFrom(...keys), value).map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(cfg, (s) => check(s)),
      { numRuns: 500 },
    );
  });
});

describe('specs used elsewhere in napkin', () => {
  it.each(VALID)('%s', (text) => {
    const parsed = parse(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const patches = parsed.value.kind === 'single' ? [parsed.value.patch] : [parsed.value.a, parsed.value.b];
    for (const patch of patches) expect(resolve(patch, text).ok).toBe(true);
  });
});
