// The whole-process rows: `--json -` throughput, the one-shot CLI against `node -e 0`, and memory after
// 100,000 requests. Each spawns the built bin/napkin.js (or bench-memory.js) as a user's shell would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Row, summary, thousands } from './bench-stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'napkin.js');
const MEMORY = fileURLToPath(new URL('./bench-memory.js', import.meta.url));

type Io = number | 'ignore' | 'pipe';

/** Milliseconds from spawn to exit, and the exit code. */
function timed(
  args: string[],
  stdin: Io = 'ignore',
  stdout: Io = 'ignore',
): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: [stdin, stdout, 'inherit'], cwd: ROOT });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code }));
  });
}

/**
 * One `napkin --json - < specs | wc -l`, as a user would type it, timed from spawn to exit. The reader is
 * wc, not this process: after the other rows this process holds a large heap, and reading 216 MB of answers
 * in it took CPU from napkin (6% of the rate with a fresh Node reader, more with this one).
 */
function batchRun(input: string): Promise<{ ms: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('sh', ['-c', '"$0" "$1" --json - < "$2" | wc -l', process.execPath, BIN, input], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: ROOT,
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk));
    child.on('error', reject);
    child.on('close', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, lines: Number(out.trim()) }));
  });
}

/** Three runs of `napkin --json -` over the same specs; the median run is the figure. */
export async function batchRow(specs: string[]): Promise<Row> {
  const dir = mkdtempSync(join(os.tmpdir(), 'napkin-bench-'));
  try {
    const input = join(dir, 'specs.txt');
    writeFileSync(input, `${specs.join('\n')}\n`);
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { ms, lines } = await batchRun(input);
      if (lines !== specs.length) throw new Error(`--json - answered ${lines} of ${specs.length} specs`);
      rates.push(specs.length / (ms / 1000));
    }
    const { median } = summary(rates);
    return {
      what: `batch throughput, --json - over ${thousands(specs.length)} specs, whole process`,
      median: `${thousands(median)} specs/s`,
      p99: `slowest run ${thousands(Math.min(...rates))}/s`,
      target: '≥ 20,000 specs/s',
      pass: median >= 20_000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ONE_SHOT = 'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4';

/** Interleaved runs of `napkin <spec>` and `node -e 0`, so both see the same machine state. */
export async function cliRow(runs = 15): Promise<Row> {
  const napkin: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const a = await timed([BIN, ONE_SHOT]);
    if (a.code !== 0) throw new Error(`napkin one-shot exited with ${a.code}`);
    const b = await timed(['-e', '0']);
    // The first two of each warm the file cache and are not counted.
    if (i < 2) continue;
    napkin.push(a.ms);
    node.push(b.ms);
  }
  const n = summary(napkin);
  const base = summary(node).median;
  const ratio = n.median / base;
  return {
    what: `CLI one-shot answer, whole process, ${runs} runs`,
    median: `${n.median.toFixed(1)} ms = ${ratio.toFixed(2)}× node -e 0 (${base.toFixed(1)} ms)`,
    p99: `${n.p99.toFixed(1)} ms`,
    target: '≤ 2.5× node -e 0',
    pass: ratio <= 2.5,
  };
}

/** RSS of a fresh process after 100,000 requests, and how much it grew over the last 50,000. */
export async function memoryRow(): Promise<Row> {
  const child = spawn(process.execPath, ['--expose-gc', MEMORY], { stdio: ['ignore', 'pipe', 'inherit'], cwd: ROOT });
  let out = '';
  for await (const chunk of child.stdout) out += chunk;
  const { rss50k, rss100k, requests } = JSON.parse(out) as { rss50k: number; rss100k: number; requests: number };
  const mb = (b: number) => b / 2 ** 20;
  const growth = mb(rss100k - rss50k);
  return {
    what: `memory: RSS after ${thousands(requests)} in-process requests`,
    median: `${mb(rss100k).toFixed(1)} MB, ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB over the last 50,000`,
    p99: '–',
    target: '≤ 150 MB; growth ≤ 5 MB',
    pass: mb(rss100k) <= 150 && growth <= 5,
  };
}
