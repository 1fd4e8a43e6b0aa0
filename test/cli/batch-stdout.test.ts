// `--json -` writes its answers straight to stdout's descriptor. These check the cases around that: a
// reader that leaves early, a descriptor another process made non-blocking, and the sinks themselves.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { fdSink, MAX_BUFFERED, streamSink } from '../../src/adapters/cli/batch-sink.js';
import { BIN, cleanEnv, ensureBuilt, ROOT } from './spawn.js';

beforeAll(ensureBuilt);

const specs = (n: number) => Array.from({ length: n }, (_, i) => `llama-2-7b batch=${i + 1}`);

describe('--json - on stdout', () => {
  it('exits 0, quietly, when the reader goes away (`napkin --json - | head -1`)', async () => {
    const child = spawn('node', [BIN, '--json', '-'], { cwd: ROOT, env: cleanEnv() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {});
    child.stdin.end(`${specs(20_000).join('\n')}\n`);
    const first = await new Promise<string>((done) => child.stdout.once('data', (d) => done(String(d))));
    expect(JSON.parse(first.split('\n')[0]).input).toBe('llama-2-7b batch=1');
    child.stdout.destroy();
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('answers every line, in order, on a pipe another process made non-blocking, with a slow reader', async () => {
    const fixture = join(ROOT, 'test/fixtures/nonblocking-stdout.mjs');
    const child = spawn('node', [fixture, BIN], { cwd: ROOT, env: cleanEnv() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // 3,000 answers of ~2 KB: far more than a pipe holds, so the writer meets EAGAIN while nobody reads.
    child.stdin.end(`${specs(3000).join('\n')}\n`);
    child.stdout.pause();
    await sleep(800);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('O_NONBLOCK true\n');
    expect(code).toBe(0);
    const rows = Buffer.concat(chunks)
      .toString()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.input)).toEqual(specs(3000));
    // Llama-2-7B's 6,738,415,616 parameters, the same in the last answer as in the first.
    expect(rows[2999].params.total).toBe(6_738_415_616);
  });
});

describe('batch sinks', () => {
  it('fdSink writes every byte of every batch to the descriptor, in order', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'napkin-sink-')), 'out');
    const fd = openSync(file, 'w');
    const sink = fdSink(fd, () => {
      throw new Error('a file never needs the fallback');
    });
    const big = Buffer.alloc(3 << 20, 'x');
    expect(sink(Buffer.from('first ×\n'))).toBeUndefined();
    expect(sink(big)).toBeUndefined();
    sink(Buffer.from('last\n'));
    closeSync(fd);
    const out = readFileSync(file);
    expect(out.length).toBe(Buffer.byteLength('first ×\n') + (3 << 20) + 5);
    expect(out.subarray(0, 9).toString()).toBe('first ×\n');
    expect(out.subarray(-5).toString()).toBe('last\n');
  });

  it('fdSink throws what the descriptor reports (EBADF), for the caller to handle', () => {
    const fd = openSync(join(mkdtempSync(join(tmpdir(), 'napkin-sink-')), 'out'), 'w');
    closeSync(fd);
    expect(() => fdSink(fd, () => new PassThrough())(Buffer.from('x'))).toThrow(/EBADF/);
  });

  it('streamSink keeps its own copy: the lent bytes are reused by the next batch', async () => {
    const stream = new PassThrough();
    const lent = Buffer.from('{"input":"gpt2"}\n');
    streamSink(stream)(lent);
    lent.fill(0x20);
    stream.end();
    const got: Buffer[] = [];
    for await (const chunk of stream) got.push(chunk as Buffer);
    expect(Buffer.concat(got).toString()).toBe('{"input":"gpt2"}\n');
  });

  it('streamSink asks the caller to wait only past 8 MB queued, until the stream drains', async () => {
    const stream = new PassThrough({ highWaterMark: 1 });
    const sink = streamSink(stream);
    expect(sink(Buffer.alloc(MAX_BUFFERED))).toBeUndefined();
    const wait = sink(Buffer.alloc(1));
    expect(wait).toBeInstanceOf(Promise);
    let drained = false;
    void wait!.then(() => (drained = true));
    await sleep(10);
    expect(drained).toBe(false);
    stream.resume();
    await wait;
    expect(drained).toBe(true);
  });
});

describe('start-up cost', () => {
  it('answers specs of every kind without starting ICU (toLocaleString costs ~30 ms on its first call)', async () => {
    const specs = [
      'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096',
      'qwen2.5-7b',
      '{"hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "model_type": "llama"}',
      'gpt2 vs L=24',
      'compute 1e23',
      'llama-3-8b H100 batch=?',
      'llama-2-7b hedas=32',
    ];
    const child = spawn('node', ['--import', join(ROOT, 'test/fixtures/count-locale.mjs'), BIN, '--json', '-'], {
      cwd: ROOT,
      env: cleanEnv(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(`${specs.join('\n')}\n`);
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(2);
    const rows = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.ok)).toEqual([true, true, true, true, true, true, false]);
    // The compute-budget note still groups its digits: N = √(1e23 / 120) = 28,867,513,459.
    expect(rows[4].assumptions).toContain(
      "no model named: sized at Chinchilla's compute-optimal N = √(C/120) = 28,867,513,459 params",
    );
    expect(stderr).toBe('locale formatting calls: 0\n');
  });
});
