// Property-based inputs for the hardening checks (issue 9): arbitrary strings and grammar-aware
// mutations of valid specs. Shared by the CI share (fuzz-smoke.test.ts) and `npm run fuzz`.
import fc from 'fast-check';
import { parse, resolve } from '../../grammar/index.js';
import { estimate } from '../../src/core/estimate.js';

export const VALID = [
  'llama-2-7b',
  'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4',
  'llama-3-70b bf16 adamw zero3 64xH100 tokens=2T',
  'transformer d=4096 L=32 fp16 adam',
  'mixtral-8x7b infer fp8 kv_cache=fp8 2xH100 tp=2 seq=32k batch=8',
  'llama-2-7b qlora r=64 A10G',
  'gpt2 vs gpt2-xl',
  'llama-2-7b vs L=40',
  'llama-3-70b infer bf16 H100 gpus=?',
  'llama-2-7b adamw A100-80GB batch=?',
  'conv k=3 cin=64 cout=128 hw=56 + dense 1024x10',
  'lstm in=512 hidden=1024 layers=2 bidirectional',
  'params=7.5B fp16 adam gpus=64 zero=2',
  'bert-base seq=512 batch=32 adamw recompute=full',
  '{"hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "intermediate_size": 11008, "vocab_size": 32000, "model_type": "llama"}',
];

const WEIRD_NUMBERS = [
  '0',
  '-1',
  '1e308',
  'NaN',
  '2^1024',
  '9'.repeat(400),
  '1e-308',
  '0.5',
  '-0',
  'Infinity',
  '1_000_000_000_000',
];

/** Drop, duplicate, swap tokens or replace a number with an extreme one. */
export const mutatedSpec = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.array(fc.tuple(fc.nat(4), fc.nat(50), fc.nat(50), fc.constantFrom(...WEIRD_NUMBERS)), { maxLength: 4 }),
  )
  .map(([spec, ops]) => {
    const tokens = spec.split(/(\s+)/).filter((t) => t.trim());
    for (const [op, i, j, n] of ops) {
      if (tokens.length === 0) break;
      const a = i % tokens.length;
      const b = j % tokens.length;
      if (op === 0) tokens.splice(a, 1);
      else if (op === 1) tokens.splice(a, 0, tokens[a]);
      else if (op === 2) [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
      else tokens[a] = tokens[a].replace(/\d[\d._]*[kKmMbBgGtT]?/, n);
    }
    return tokens.join(' ');
  });

const ODD = [
  '\u200b',
  '\u200f',
  '\u202e',
  '\u0000',
  '\u001b[31m',
  '🦙',
  '💥',
  '\ud800',
  'ǅ',
  '\r\n',
  '\t',
  '@everyone',
  '<@123>',
  '`',
  '*',
  '=',
  '?',
  'vs',
  'x',
  '%',
];
export const arbitraryText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...ODD), fc.constantFrom(...VALID), fc.string({ maxLength: 8 })), { maxLength: 30 })
    .map((a) => a.join(' ')),
  fc.constantFrom('x'.repeat(6000), 'llama-2-7b '.repeat(545), 'L=1'.repeat(2000), '{'.repeat(6000), '('.repeat(7000)),
);

/** Every number in an estimate must be finite; sizes must not be negative (headroom may be). */
export function badNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return [`${path} = ${value}`];
    if (value < 0 && !/headroom|delta/.test(path)) return [`${path} = ${value}`];
    return [];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'spec' ? [] : badNumbers(v, `${path}.${k}`)));
  }
  return [];
}

/** Run one input through parse → resolve → estimate; returns a problem description or null. */
export function check(text: string): string | null {
  const inside = (e: { offset: number; length: number }) =>
    Number.isInteger(e.offset) &&
    Number.isInteger(e.length) &&
    e.offset >= 0 &&
    e.length >= 0 &&
    e.offset + e.length <= text.length;
  const parsed = parse(text);
  if (!parsed.ok) return inside(parsed.error) ? null : `parse error outside input: ${JSON.stringify(parsed.error)}`;
  const patches = parsed.value.kind === 'single' ? [parsed.value.patch] : [parsed.value.a, parsed.value.b];
  for (const patch of patches) {
    const spec = resolve(patch, text);
    if (!spec.ok) {
      if (!inside(spec.error)) return `resolve error outside input: ${JSON.stringify(spec.error)}`;
      continue;
    }
    const bad = badNumbers(estimate(spec.value));
    if (bad.length) return `bad numbers for ${JSON.stringify(text)}: ${bad.join(', ')}`;
  }
  return null;
}
