import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, CWD, cleanEnv, ensureBuilt, napkin } from './spawn.js';

beforeAll(ensureBuilt);

const lines = (s: string) => s.split('\n').filter((l) => l.trim());

describe('napkin CLI, one shot', () => {
  it('`napkin llama-2-7b` answers once with 6.74B params', async () => {
    const r = await napkin(['llama-2-7b']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Llama-2-7B/i);
    expect(r.stdout).toContain('params 6.74B');
    expect(r.stderr).toBe('');
  });

  it('`napkin compare A vs B` answers once with both columns', async () => {
    const r = await napkin(['compare', 'llama-2-7b', 'vs', 'llama-2-13b']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\* params\s+6\.74B\s+13B/);
  });

  it('a bad spec prints the input with a caret and the hint, and exits 2', async () => {
    const r = await napkin(['llama-2-7b', 'hedas=32']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ {2}llama-2-7b hedas=32\n {13}\^+\n/);
    expect(r.stderr).toMatch(/heads/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('--help lists the commands; an unknown option is one line and exit 2', async () => {
    expect((await napkin(['--help'])).stdout).toContain('napkin compare <A> vs <B>');
    const r = await napkin(['--bogus']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe('napkin --json', () => {
  it('prints the estimate as one line of JSON', async () => {
    const r = await napkin(['--json', 'llama-2-7b']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    const obj = JSON.parse(r.stdout);
    expect(obj).toMatchObject({ input: 'llama-2-7b', ok: true, params: { total: 6738415616 } });
    for (const k of ['flops', 'memory', 'budget', 'assumptions']) expect(obj).toHaveProperty(k);
  });

  it('prints a comparison as a and b', async () => {
    const obj = JSON.parse((await napkin(['--json', 'llama-2-7b vs llama-2-13b'])).stdout);
    expect(obj.a.params.total).toBe(6738415616);
    expect(obj.b.params.total).toBe(13015864320);
  });

  it('prints a bad spec as an error and exits 2', async () => {
    const r = await napkin(['--json', 'llama-2-7b hedas=32']);
    expect(r.code).toBe(2);
    const obj = JSON.parse(r.stdout);
    expect(obj.ok).toBe(false);
    expect(Object.keys(obj.error)).toEqual(expect.arrayContaining(['message', 'offset', 'length', 'hint']));
    expect(obj.error.offset).toBe(11);
  });

  it('--json - answers every line, a bad one too, then exits 2', async () => {
    const r = await napkin(['--json', '-'], 'gpt2\nllama-2-7b hedas=32\n\nbert-base\n');
    expect(r.code).toBe(2);
    const rows = lines(r.stdout).map((l) => JSON.parse(l));
    expect(rows.map((x) => x.ok)).toEqual([true, false, true]);
    expect(rows[0].params.total).toBe(124439808);
  });

  it('--json - exits 0 when every line is good, and answers thousands of lines', async () => {
    const specs = Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'gpt2' : `llama-2-7b batch=${(i % 8) + 1}`));
    const r = await napkin(['--json', '-'], `${specs.join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(3000);
  });

  it('--json - streams: a line is answered before stdin ends', async () => {
    const child = spawn('node', [BIN, '--json', '-'], { cwd: CWD, env: cleanEnv() });
    child.stdin.write('gpt2\n');
    const first = await new Promise<string>((done) => child.stdout.once('data', (d) => done(String(d))));
    expect(JSON.parse(first.split('\n')[0]).params.total).toBe(124439808);
    child.stdin.end('bert-base\n');
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(0);
  });
});
