// The fast recogniser (fast-parse.ts) is a twin of Chevrotain's parser: on every input it must either
// give exactly what the parser and visitor give (sides, or the same error), or decline one the parser
// rejects too. Checked on the bench's varied specs and on seeded word soup of every spelling napkin knows.
import { describe, expect, it } from 'vitest';
import type { PatchBuilder } from '../../grammar/builder.js';
import { classify } from '../../grammar/classify.js';
import { type FastParse, fastParse } from '../../grammar/fast-parse.js';
import { slowParse } from '../../grammar/index.js';
import { ENTRIES } from '../../grammar/keys.js';
import { lexer } from '../../grammar/tokens.js';
import { specs } from '../../scripts/bench-specs.js';

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 4294967296;
  };
}

const PIECES = [
  ...ENTRIES.flatMap((e) => [e.name, ...e.aliases]),
  ...'llama-2-7b gpt2 mixtral-8x7b bert-base resnet50 H100 A100 80GB 8x 64xH100 x + = : ? vs'.split(' '),
  ...'8 32 4k 1e9 7B 40% 3x3 1024x4096 784-512-10 -5 0 2^20 top2 top-4 hedas'.split(' '),
  // Phrases whose parts rarely meet by chance.
  ...['8 x H100', '8 H100s', 'recompute full', 'kv_cache fp8', 'dense in=4 out=8', 'conv k=3x3 cin=3 cout=8 nobias'],
  ...['lstm in=2 hidden=4 bidirectional', 'gru in=2 hidden=4 L=2', 'embedding 100x8', 'batchnorm c=4', 'lora r=8'],
];

function soup(n: number, seed: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const words = Array.from({ length: 1 + Math.floor(r() * 8) }, () => PIECES[Math.floor(r() * PIECES.length)]);
    return words.join(r() < 0.8 ? ' ' : '=');
  });
}

const side = (b: PatchBuilder) => [b.patch, b.error, b.loraRank];
const shape = (p: FastParse | ReturnType<typeof slowParse>) =>
  'ok' in p ? p : [side(p.first), p.second && [...side(p.second.builder), p.second.empty], p.vs?.startOffset ?? null];

describe('fast recogniser', () => {
  it('agrees with the Chevrotain parser and visitor, declining only what it rejects', () => {
    let accepted = 0;
    let errors = 0;
    for (const text of [...specs(3000, 11), ...soup(6000, 5)]) {
      const lexed = lexer.tokenize(text);
      if (lexed.errors.length || /^\s*[{[]/.test(text)) continue;
      const tokens = classify(lexed.tokens, text);
      if (tokens.length === 0) continue;
      const fast = fastParse(tokens, text);
      const slow = slowParse(tokens, text);
      if (fast && 'ok' in fast) errors++;
      else if (fast) accepted++;
      expect(fast ? shape(fast) : 'declined', text).toEqual(fast ? shape(slow) : 'declined');
      if (!fast) expect('ok' in slow, `declined a spec the parser accepts: ${text}`).toBe(true);
    }
    expect(accepted).toBeGreaterThan(3000);
    expect(errors).toBeGreaterThan(500);
  });
});
