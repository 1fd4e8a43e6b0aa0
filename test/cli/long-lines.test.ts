// An input line over 1 MB is refused, named by its size and first characters and never echoed whole, and
// reading one costs bounded memory whatever its length (issue 21). The process runs with a 64 MB heap:
// a 200 MB line kept whole (as readline kept it) would not fit, let alone the 600 MB one that ended in
// "Invalid string length". The lines around it are answered as usual.
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundedLines, MAX_LINE_BYTES } from '../../src/adapters/cli/lines.js';
import { BIN, cleanEnv, ensureBuilt, ROOT } from './spawn.js';

beforeAll(ensureBuilt);

/** `napkin <args>` with a 64 MB heap, stdin fed from `chunks`; resolves with its output and status. */
function run(args: string[], chunks: Iterable<string | Buffer>) {
  const child = spawn(process.execPath, ['--max-old-space-size=64', BIN, ...args], { cwd: ROOT, env: cleanEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.on('error', () => {});
  Readable.from(chunks).pipe(child.stdin);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr })),
  );
}

/** `size` MB of one line, in 1 MB chunks (never held whole by the test either). */
function* hugeLine(before: string, size: number, after: string): Generator<string> {
  yield `${before}\n`;
  const mb = 'x'.repeat(1 << 20);
  for (let i = 0; i < size; i++) yield mb;
  yield `\n${after}\n`;
}

describe('lines over 1 MB', () => {
  it('--json -: a 200 MB line is refused by size, the lines around it answered, memory bounded', async () => {
    const { code, stdout, stderr } = await run(['--json', '-'], hugeLine('gpt2', 200, 'llama-2-7b'));
    expect(stderr).toBe('');
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(stdout.length).toBeLessThan(20_000);
    const [first, refused, last] = lines.map((l) => JSON.parse(l));
    expect([first.input, first.ok, last.input, last.ok]).toEqual(['gpt2', true, 'llama-2-7b', true]);
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('too-long');
    expect(refused.error.message).toBe(
      `napkin reads lines of at most 1 MB; this one (200.0 MB, starting "${'x'.repeat(40)}…") was skipped`,
    );
  }, 120_000);

  it('the console: a 50 MB line is refused in one line of output, then the next spec is answered', async () => {
    const { code, stdout } = await run([], hugeLine('help', 50, 'gpt2'));
    expect(code).toBe(0);
    expect(stdout.length).toBeLessThan(50_000);
    expect(stdout).toContain('napkin reads lines of at most 1 MB; this one (50.0 MB, starting "xxxx');
    expect(stdout).toContain('GPT-2');
  }, 120_000);

  it('splits chunks into lines exactly, across chunk and UTF-8 boundaries, up to the bound', async () => {
    const euro = Buffer.from('€');
    const chunks = [Buffer.from('a\r\nb'), euro.subarray(0, 1), Buffer.concat([euro.subarray(1), Buffer.from('\n')])];
    const got = [];
    for await (const lines of boundedLines(Readable.from(chunks))) got.push(...lines);
    expect(got).toEqual([{ text: 'a' }, { text: 'b€' }]);
    const atBound = 'y'.repeat(MAX_LINE_BYTES);
    const over: unknown[] = [];
    for await (const lines of boundedLines(Readable.from([`${atBound}\n${atBound}y\nz`]))) over.push(...lines);
    expect(over).toEqual([{ text: atBound }, { tooLong: MAX_LINE_BYTES + 1, head: 'y'.repeat(40) }, { text: 'z' }]);
  });
});
