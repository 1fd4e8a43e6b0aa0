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

  it('iterates on the last spec as a chat thread does: changes, questions, history, base, a new spec', async () => {
    const r = await napkin([], 'llama-2-7b\nwhat if L=40?\nzero3 16xH100\nhistory\nbase #2\nllama-3-8b\nL=40\n');
    expect(r.code).toBe(0);
    const titles = r.stdout.split('napkin> ').map((answer) => answer.split('\n')[0]);
    expect(titles.slice(1, 8)).toEqual([
      'Llama-2-7B',
      'L=40 vs base #1',
      'zero3 16xH100 vs base #1',
      'Thread history: 3 variants, base #1',
      'Llama-2-7B (L=40)',
      'Llama-3-8B',
      'L=40 vs base #1',
    ]);
    // Llama-2-7B at 40 layers: 40 × 202,383,360 per layer + 262,148,096 outside the blocks = 8,357,482,496.
    expect(r.stdout).toContain('8,357,482,496');
    expect(r.stdout).toContain('#2 (#1 + L=40) is now this thread');
    expect(r.stderr).toBe('');
  });

  it('before any spec, a change or a question says to start with a spec; explain follows a change', async () => {
    const r = await napkin([], 'L=40\nwhat if zero3?\nllama-2-7b\nwhat if banana?\nL=40\nexplain params\n');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/No spec yet/g)).toHaveLength(2);
    // The question's unknown word is pointed at itself, not at `what`.
    expect(r.stdout).toContain('error: unknown word `banana`');
    expect(r.stdout).toContain('For Llama-2-7B (L=40)');
    expect(r.stdout).toContain('total: 8,357,482,496');
    expect(r.stdout).toContain('Numbers from the last spec: `llama-2-7b + L=40`.');
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
