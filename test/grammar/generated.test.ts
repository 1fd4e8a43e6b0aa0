// The generated files are current and the diagram opens offline; the visitor covers every rule.
import { readFileSync } from 'node:fs';
import { generateCstDts } from '@chevrotain/cst-dts-gen';
import { describe, expect, it } from 'vitest';
import { specParser } from '../../grammar/parser.js';
import { toSpec } from '../../grammar/to-spec.js';

// Formatting (quotes, parentheses, semicolons, line breaks, the header comment) is biome's, not the grammar's.
const normal = (s: string) =>
  s
    .replace(/^\/\/.*$/gm, '')
    .replace(/["'();]/g, '')
    .replace(/\s+/g, '');

describe('generated files', () => {
  it('grammar/cst.d.ts matches the parser (run `npm run grammar:diagram` after changing a rule)', () => {
    const committed = readFileSync('grammar/cst.d.ts', 'utf8');
    expect(normal(committed)).toBe(normal(generateCstDts(specParser().getGAstProductions())));
  });

  it('grammar/diagram.html holds every rule and loads nothing from the network', () => {
    const html = readFileSync('grammar/diagram.html', 'utf8');
    expect(html).not.toMatch(/(?:src|href)=['"]?https?:/i);
    for (const rule of Object.keys(specParser().getGAstProductions())) expect(html).toContain(`"name": "${rule}"`);
    // The inlined railroad library and chevrotain's diagram builder.
    expect(html).toContain('drawDiagramsFromSerializedGrammar');
    expect(html).toContain('railroad-diagram');
  });

  it('the visitor has a method for every rule', () => {
    expect(() => toSpec().validateVisitor()).not.toThrow();
  });
});
