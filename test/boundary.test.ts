// The layering the design promises (adapters → conversation → commands → grammar and core; replies →
// renderers; a store of rows): each rule over the real tree, and each rule shown to fire on a
// deliberately bad import in test/fixtures/boundary/. Also: only src/config.ts reads process.env.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, RULES, tsFiles, violations } from './boundary/imports.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'boundary');
const ROOT = join(import.meta.dirname, '..');
const rule = (start: string) => RULES.find((r) => r.name.startsWith(start))!.name;

describe('layer boundaries', () => {
  it('the real tree breaks none of the rules', () => {
    expect(violations(ROOT)).toEqual([]);
  });

  // Each bad file breaks exactly the rule named beside it, and nothing else in it does.
  it.each([
    ['grammar/imports-commands.ts', 'grammar imports only'],
    ['src/core/imports-render.ts', 'core imports nothing'],
    ['src/commands/imports-render.ts', 'commands never import'],
    ['src/commands/imports-discord.ts', 'only the front ends import a chat library'],
    ['src/render/imports-commands.ts', 'render imports only types'],
    ['src/render/value-from-model.ts', 'render imports only types'],
    ['src/render/imports-sqlite.ts', 'only the store imports better-sqlite3'],
    ['src/store/imports-commands.ts', 'the store imports only types'],
    ['src/model/imports-value.ts', 'the model holds types only'],
    ['src/conversation/imports-adapter.ts', 'the conversation never imports'],
  ])('%s breaks "%s"', (file, start) => {
    const found = violations(FIXTURES).filter((v) => v.file === file);
    expect(found.map((v) => v.rule)).toEqual([rule(start)]);
  });

  it('every fixture is checked above, and every rule fires on one', () => {
    const files = [...tsFiles(FIXTURES, 'grammar'), ...tsFiles(FIXTURES, 'src')];
    const fired = new Set(violations(FIXTURES).map((v) => v.rule));
    expect(files).toHaveLength(10);
    expect([...fired].sort()).toEqual(RULES.map((r) => r.name).sort());
  });

  it('reads imports as written: type-only clauses, several lines, dynamic imports', () => {
    const imports = importsOf(FIXTURES, 'src/render/imports-commands.ts');
    expect(imports.map((i) => [i.target, i.typeOnly])).toEqual([
      ['src/model/reply.ts', true],
      ['src/commands/index.ts', false],
    ]);
    expect(importsOf(FIXTURES, 'src/render/value-from-model.ts')[0].typeOnly).toBe(false);
    expect(importsOf(ROOT, 'src/main.ts').filter((i) => i.spec.includes('adapters'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ spec: './adapters/discord/bot.js', typeOnly: false })]),
    );
  });

  it('only src/config.ts reads process.env in src/ and grammar/', () => {
    const readers = [...tsFiles(ROOT, 'src'), ...tsFiles(ROOT, 'grammar')].filter((f) =>
      /process\.env/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(readers).toEqual(['src/config.ts']);
  });
});
