// scan.ts cuts text as Chevrotain's lexer does: the same tokens (type, image, offset) wherever the lexer
// finds no error, and null wherever it does. Checked for every ASCII character in many contexts, and on
// the bench's varied specs and long inputs.
import { describe, expect, it } from 'vitest';
import { scan } from '../../grammar/scan.js';
import { lexer } from '../../grammar/tokens.js';
import { longSpecs, specs } from '../../scripts/bench-specs.js';

function agree(text: string): void {
  const lexed = lexer.tokenize(text);
  const mine = scan(text);
  if (lexed.errors.length) {
    expect(mine, text).toBeNull();
    return;
  }
  const cut = (ts: { image: string; startOffset: number; tokenType: { name: string } }[]) =>
    ts.map((t) => [t.tokenType.name, t.image, t.startOffset]);
  expect(mine && cut(mine), text).toEqual(cut(lexed.tokens));
}

describe('scan', () => {
  it('agrees with the lexer on every ASCII character, alone and in context', () => {
    const contexts = ['', '1', 'a', '.5', '-2', 'x3', '×3', '-4-5', 'e9', ' ', '.', 'k', '^2'];
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      for (const after of contexts) for (const before of ['', '8', 'a ', '1.']) agree(before + ch + after);
    }
  });

  it('agrees on non-ASCII text', () => {
    for (const t of ['8×H100', '3×3', 'ｄ=4', 'bf16\u00a0adam', 'L\u2003=\u300032', 'é', 'llama\u2028fp8', '７B'])
      agree(t);
  });

  it('agrees on varied and long specs', () => {
    for (const t of specs(2000, 3)) agree(t);
    for (const [, t] of longSpecs()) agree(t);
  });
});
