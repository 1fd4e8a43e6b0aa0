import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, ensureBuilt, napkin, ROOT } from './spawn.js';

beforeAll(ensureBuilt);

describe('napkin with no arguments', () => {
  it('opens the console without chat tokens: help, a spec, explain of it, then Ctrl-D quits', async () => {
    const r = await napkin([], 'help\nllama-2-7b\nexplain params\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('napkin> ');
    expect(r.stdout).toContain('napkin compare <A> vs <B>');
    expect(r.stdout).toContain('params 6.74B');
    expect(r.stdout).toContain('6,738,415,616');
    expect(r.stderr).toBe('');
  });

  it('names a malformed variable, never echoes its value, and exits 1', async () => {
    const r = await napkin([], '', cleanEnv({ SLACK_BOT_TOKEN: 'not-a-bot-token-s3cret', PORT: 'eighty' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr).toContain('PORT');
    expect(r.stderr + r.stdout).not.toContain('s3cret');
  });
});

/** The modules a built file imports statically, followed through the chunks esbuild split out. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(ROOT, 'dist', file), 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)) {
    const spec = m[1] ?? m[2];
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(spec.slice(2), seen);
  }
  return seen;
}

describe('start-up cost', () => {
  it('a CLI answer loads no chat SDK, store or chart renderer', () => {
    const loaded = [...staticImports('cli.js')].filter((s) => !s.startsWith('./') && !s.startsWith('node:'));
    expect(loaded.filter((s) => /discord|slack|sqlite|resvg|ws$/.test(s))).toEqual([]);
  });
});
