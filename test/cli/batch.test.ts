// `--json -` in process: the answers are the same lines in the same order whether batches go to worker
// threads or stay on the main thread, and a worker that dies loses nothing.
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BatchOptions, runBatch } from '../../src/frontends/batch.js';
import { VALID } from '../hardening/fuzz-cases.js';
import { ensureBuilt, ROOT } from './spawn.js';

ensureBuilt();
const WORKER = pathToFileURL(`${ROOT}/dist/batch-worker.js`);
const DYING = pathToFileURL(`${ROOT}/test/fixtures/dying-worker.mjs`);

// Good specs, mistakes (with carets), non-spec commands that answer asynchronously, and blank lines.
const MIXED = [
  ...VALID,
  'llama-2-7b hedas=32',
  'help',
  'presets',
  'explain kv cache',
  '',
  'gpt2 L=0',
  'compare gpt2 vs bert-base',
];
const lines = (n: number) => Array.from({ length: n }, (_, i) => MIXED[i % MIXED.length]);

async function batch(input: string[], opts: BatchOptions): Promise<{ code: number; out: string[] }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = runBatch(stdin, stdout, opts);
  stdin.end(`${input.join('\n')}\n`);
  const status = await code;
  return { code: status, out: Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1) };
}

describe('--json - batches', () => {
  const input = lines(3000);
  const asked = input.filter((l) => l.trim() !== '');

  it('answers every line in input order on the main thread alone', async () => {
    const { code, out } = await batch(input, { workers: 0 });
    expect(code).toBe(2);
    expect(out.map((l) => JSON.parse(l).input)).toEqual(asked);
    const llama = out.map((l) => JSON.parse(l)).find((x) => x.input === 'llama-2-7b');
    expect(llama?.params?.total).toBe(6738415616);
  });

  it('gives byte-identical output when worker threads share the work', async () => {
    const alone = await batch(input, { workers: 0 });
    const shared = await batch(input, { workers: 2, workerUrl: WORKER });
    expect(shared.code).toBe(alone.code);
    expect(shared.out).toEqual(alone.out);
  });

  it('answers everything on the main thread when a worker dies', async () => {
    const alone = await batch(input, { workers: 0 });
    const dying = await batch(input, { workers: 1, workerUrl: DYING });
    expect(dying.code).toBe(alone.code);
    expect(dying.out).toEqual(alone.out);
  });

  it('exits 0 when every line answers', async () => {
    const { code, out } = await batch(lines(VALID.length), { workers: 1, workerUrl: WORKER });
    expect(code).toBe(0);
    expect(out).toHaveLength(VALID.length);
  });
});
