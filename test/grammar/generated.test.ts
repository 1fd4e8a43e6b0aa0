// The grammar passes Chevrotain's own checks (run here, skipped at start-up), the lexer's first-character
// optimisation holds for every pattern, and the committed diagram is the parser's and opens offline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specParser, validatingParser } from '../../grammar/parser.js';
import { makeLexer } from '../../grammar/tokens.js';

describe('the grammar', () => {
  it('passes Chevrotain’s grammar validations (no ambiguity, no left recursion)', () => {
    expect(() => validatingParser()).not.toThrow();
  });

  it('the lexer passes its validations and keeps the first-character optimisation', () => {
    expect(() => makeLexer(true)).not.toThrow();
  });

  it('grammar/diagram.html holds every rule and loads nothing from the network', () => {
    const html = readFileSync('grammar/diagram.html', 'utf8');
    expect(html).not.toMatch(/(?:src|href)=['"]?https?:/i);
    for (const rule of Object.keys(specParser().getGAstProductions())) expect(html).toContain(`"name": "${rule}"`);
    // The inlined railroad library and chevrotain's diagram builder.
    expect(html).toContain('drawDiagramsFromSerializedGrammar');
    expect(html).toContain('railroad-diagram');
  });

  it('grammar/diagram.html is current (run `npm run grammar:diagram` after changing a rule)', () => {
    const html = readFileSync('grammar/diagram.html', 'utf8');
    const committed = /window\.serializedGrammar = ([\s\S]*?);\n/.exec(html)?.[1] ?? 'null';
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(specParser().getSerializedGastProductions())));
  });
});
