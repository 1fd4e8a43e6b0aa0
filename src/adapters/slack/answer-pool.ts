// Where the Slack app's slash commands are answered: in a worker thread when the built worker is there
// (dist/answer-worker.js), else in the app's own thread (running from sources, as the tests do). Both
// give the same SlashAnswer; a worker that dies hands its jobs back to the app's thread, which then
// answers everything itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { type ChartFile, drawChart } from './chart.js';
import { type SlashAnswer, type SlashJob, slashAnswer } from './job.js';

export interface Answered {
  answer: SlashAnswer;
  /** The chart, drawn after the answer (null when it gets none). */
  chart(): Promise<ChartFile | null>;
}

export interface Answerer {
  slash(job: SlashJob): Promise<Answered>;
  close(): Promise<void>;
}

export type WorkerIn = { id: number; job: SlashJob };
export type WorkerOut =
  | { id: number; answer: SlashAnswer }
  | { id: number; chart: ChartFile | null; error?: string }
  | { id: number; error: string };

export const defaultWorkerUrl = () => new URL('./answer-worker.js', import.meta.url);

/** Answers in the calling thread. */
function inThread(): Answerer {
  return {
    async slash(job) {
      const { answer, reply } = await slashAnswer(job);
      return { answer, chart: () => drawChart(reply) };
    },
    async close() {},
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Job {
  job: SlashJob;
  answer: Deferred<Answered>;
  chart: Deferred<ChartFile | null>;
  answered: boolean;
}

/** The worker at `url` when it exists, else the calling thread. */
export async function answerer(url: URL | null, log: (message: string, err?: unknown) => void): Promise<Answerer> {
  if (!url || !existsSync(fileURLToPath(url))) return inThread();
  const { Worker } = await import('node:worker_threads');
  const local = inThread();
  const jobs = new Map<number, Job>();
  let worker: Worker | null = new Worker(url);
  let nextId = 0;

  // An idle worker must not keep the process alive; one holding jobs must.
  const settle = (j: Job, id: number, chart: ChartFile | null) => {
    j.chart.resolve(chart);
    jobs.delete(id);
    if (!jobs.size) worker?.unref();
  };

  // Jobs taken in one turn of the event loop go to the worker as one message: a message costs the
  // sending thread tens of microseconds, about a tenth of what Bolt spends on a command.
  let outbox: WorkerIn[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    worker?.postMessage(batch);
  };

  // Answers that come back together are posted as fast as commands come in: per turn of the event loop,
  // as many as were taken since the last turn (at least one). All at once held up the acks of new
  // requests (p99 +5 ms); one per turn let a queue of answers grow under load.
  const inbox: WorkerOut[] = [];
  let taken = 0;
  const next = () => {
    let n = Math.max(1, taken);
    taken = 0;
    while (inbox.length && n-- > 0) receive(inbox.shift()!);
    if (inbox.length) setImmediate(next);
  };
  worker.on('message', (batch: WorkerOut[]) => {
    const idle = inbox.length === 0;
    inbox.push(...batch);
    if (idle) next();
  });
  function receive(m: WorkerOut): void {
    const j = jobs.get(m.id);
    if (!j) return;
    if ('answer' in m) {
      j.answered = true;
      j.answer.resolve({ answer: m.answer, chart: () => j.chart.promise });
      if (!m.answer.chart) settle(j, m.id, null);
    } else if ('chart' in m) {
      if (m.error) log('slack: chart not drawn', new Error(m.error));
      settle(j, m.id, m.chart);
    } else {
      j.answer.reject(new Error(m.error));
      settle(j, m.id, null);
    }
  }

  // Whatever the worker still held is answered here instead, and so is everything after.
  const lost = (err?: unknown) => {
    if (!worker) return;
    worker = null;
    if (err !== undefined) log('slack: answer worker stopped; answering in the main thread', err);
    for (const [id, j] of jobs) {
      if (j.answered) settle(j, id, null);
      else
        local.slash(j.job).then((a) => {
          j.answer.resolve(a);
          a.chart().then(
            (c) => settle(j, id, c),
            () => settle(j, id, null),
          );
        }, j.answer.reject);
    }
  };
  worker.on('error', lost).on('exit', (code) => lost(code === 0 ? undefined : new Error(`exit code ${code}`)));
  worker.unref();

  return {
    slash(job) {
      if (!worker) return local.slash(job);
      const id = nextId++;
      const j: Job = { job, answer: deferred(), chart: deferred(), answered: false };
      jobs.set(id, j);
      if (jobs.size === 1) worker.ref();
      taken++;
      outbox.push({ id, job });
      if (outbox.length === 1) setImmediate(flush);
      return j.answer.promise;
    },
    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
