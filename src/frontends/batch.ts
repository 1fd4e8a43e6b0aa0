// JSON output for the CLI: `--json -` answers one spec per stdin line with one JSON line per spec, in
// input order. Lines are cut into batches; a long stream spreads the batches over worker threads (one
// per spare core) and the main thread, which takes a batch whenever no worker can. A short input never
// starts a worker: a single line is answered at once on the main thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { type Answered, answerLines } from './batch-lines.js';
import type { BatchDone, BatchJob } from './batch-worker.js';

export { jsonAnswer } from './batch-lines.js';

/** Lines per batch: large enough that a worker round trip costs little, small enough to stream. */
const BATCH = 256;
/** Batches a worker holds at once, so it never waits for the main thread between two. */
const PER_WORKER = 2;

export interface BatchOptions {
  /** Worker threads to use; default one per core beyond the first, at most 3. */
  workers?: number;
  /** The built worker script; default dist/batch-worker.js beside this module (absent when run from sources). */
  workerUrl?: URL;
}

const defaultWorkerUrl = () => new URL('./batch-worker.js', import.meta.url);

interface Lane {
  worker: Worker;
  jobs: Map<number, string[]>;
}

/** Answer stdin line by line; resolves to the exit status (2 when any line failed). */
export function runBatch(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: BatchOptions = {},
): Promise<number> {
  const workerUrl = opts.workerUrl ?? defaultWorkerUrl();
  const maxWorkers = existsSync(fileURLToPath(workerUrl))
    ? (opts.workers ?? Math.min(3, Math.max(0, availableParallelism() - 1)))
    : 0;
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const pending: string[] = [];
  const waiting: BatchJob[] = [];
  const done = new Map<number, Answered>();
  const lanes: Lane[] = [];
  let nextSeq = 0;
  let nextOut = 0;
  let seen = 0;
  let anyFailed = false;
  let closed = false;
  let blocked = false;
  let scheduled = false;
  let mainBusy = false;
  let finish: (code: number) => void;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };

  const write = () => {
    for (let d = done.get(nextOut); d; d = done.get(nextOut)) {
      done.delete(nextOut++);
      if (d.failed) anyFailed = true;
      // Back-pressure: stop reading while a slow consumer catches up, so memory stays bounded.
      if (!output.write(d.bytes) && !blocked) {
        blocked = true;
        rl.pause();
        output.once('drain', () => {
          blocked = false;
          rl.resume();
          schedule();
        });
      }
    }
    if (closed && nextOut === nextSeq && !pending.length) end();
  };

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const lane of lanes) void lane.worker.terminate();
    finish(anyFailed ? 2 : 0);
  };

  const cut = () => {
    while (pending.length >= BATCH || (pending.length && (closed || !mainBusy))) {
      waiting.push({ seq: nextSeq++, inputs: pending.splice(0, BATCH) });
    }
  };

  const free = () => lanes.find((l) => l.jobs.size < PER_WORKER);

  function pump(): void {
    scheduled = false;
    cut();
    for (let lane = free(); lane && waiting.length; lane = free()) {
      const job = waiting.shift()!;
      lane.jobs.set(job.seq, job.inputs);
      lane.worker.postMessage(job);
    }
    if (waiting.length && !mainBusy) {
      const job = waiting.shift()!;
      mainBusy = true;
      void answerLines(job.inputs).then((a) => {
        mainBusy = false;
        done.set(job.seq, a);
        write();
        if (waiting.length || pending.length) schedule();
      });
    }
  }

  async function startWorkers(): Promise<void> {
    const { Worker } = await import('node:worker_threads');
    for (let i = 0; i < maxWorkers; i++) {
      const lane: Lane = { worker: new Worker(workerUrl), jobs: new Map() };
      lane.worker.on('message', (m: BatchDone) => {
        lane.jobs.delete(m.seq);
        done.set(m.seq, { bytes: Buffer.from(m.bytes, 0, m.length), failed: m.failed });
        write();
        schedule();
      });
      // A worker that dies hands its batches back to be answered elsewhere.
      const lost = () => {
        const i = lanes.indexOf(lane);
        if (i === -1) return;
        lanes.splice(i, 1);
        waiting.unshift(...[...lane.jobs].map(([seq, inputs]) => ({ seq, inputs })));
        waiting.sort((a, b) => a.seq - b.seq);
        schedule();
      };
      lane.worker.on('error', lost).on('exit', lost);
      lanes.push(lane);
    }
    schedule();
  }

  return new Promise((resolve) => {
    finish = resolve;
    rl.on('line', (raw) => {
      const text = raw.trim();
      if (!text) return;
      pending.push(text);
      // Only a stream longer than a couple of batches is worth a worker's start-up.
      if (++seen === BATCH * 2 && maxWorkers > 0) void startWorkers();
      schedule();
    });
    rl.on('close', () => {
      closed = true;
      schedule();
      write();
    });
  });
}
