// The bounded pool that draws memory charts after their text answers are out. A request takes a ticket
// while there is room in the queue (else its answer goes without a chart and says so); charts are drawn
// in order by renderer threads (the built ./chart-worker.js), or in the app's thread when there is none
// (running from sources). A renderer that dies hands its job, and all later ones, to the app's thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Estimate } from '../core/estimate-types.js';
import { drawChart } from './chart-draw.js';
import type { ChartImage } from './message.js';

export interface ChartJob {
  id: number;
  estimates: Estimate[];
}
export type ChartDone = { id: number; png: Uint8Array; names: string } | { id: number; error: string };

export interface ChartTicket {
  /** Queue the drawing; rejects when the chart cannot be drawn. */
  draw(estimates: Estimate[]): Promise<ChartImage>;
  /** The chart will not be wanted after all (its text failed): give the place back. */
  cancel(): void;
}

export interface ChartPool {
  /** A place in the queue, or null when it is full. */
  take(): ChartTicket | null;
  /** Tickets taken and not yet drawn or cancelled. */
  readonly pending: number;
  close(): Promise<void>;
}

export interface ChartPoolOptions {
  /** The renderer script; null draws in the app's thread. Default: the built one beside this file, if any. */
  worker?: URL | null;
  /** Renderer threads (default: one fewer than the cores, at least 1, at most 4). */
  threads?: number;
  /** Charts waiting or being drawn, at most (default 1,000 per thread: tens of seconds of drawing). */
  maxPending?: number;
  log?: (line: string, err?: unknown) => void;
}

export const defaultChartWorker = (): URL | null => {
  const url = new URL('./chart-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
};

interface Queued {
  job: ChartJob;
  resolve(image: ChartImage): void;
  reject(err: unknown): void;
}

export function chartPool(options: ChartPoolOptions = {}): ChartPool {
  const url = options.worker === undefined ? defaultChartWorker() : options.worker;
  const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const maxPending = options.maxPending ?? 1000 * threads;
  const log = options.log ?? ((line: string) => console.error(line));
  const queue: Queued[] = [];
  let pending = 0;
  let nextId = 0;
  let closed = false;

  /** A renderer: a worker thread with its one job in hand, or the app's thread. */
  interface Renderer {
    busy: Queued | null;
    worker: Worker | null;
  }
  const renderers: Renderer[] = [];
  let inThread: Renderer | null = null;

  function pump(): void {
    for (const r of [...renderers, ...(inThread ? [inThread] : [])]) {
      if (r.busy || !queue.length) continue;
      const q = queue.shift()!;
      r.busy = q;
      if (r.worker) {
        r.worker.ref();
        r.worker.postMessage(q.job);
      } else setImmediate(() => runHere(r, q));
    }
  }

  function finish(r: Renderer): void {
    r.busy = null;
    if (r.worker && !queue.length) r.worker.unref();
    pump();
  }

  function runHere(r: Renderer, q: Queued): void {
    drawChart(q.job.estimates)
      .then(q.resolve, q.reject)
      .finally(() => finish(r));
  }

  async function startWorkers(): Promise<void> {
    const { Worker } = await import('node:worker_threads');
    for (let i = 0; i < threads; i++) {
      const r: Renderer = { busy: null, worker: new Worker(url!) };
      r.worker!.unref();
      r.worker!.on('message', (m: ChartDone) => {
        const q = r.busy;
        if (!q || q.job.id !== m.id) return;
        if ('error' in m) q.reject(new Error(m.error));
        else q.resolve({ png: m.png, names: m.names });
        finish(r);
      });
      const lost = (err?: unknown) => {
        if (!r.worker) return;
        r.worker = null;
        renderers.splice(renderers.indexOf(r), 1);
        if (!closed) log('napkin: chart renderer stopped; drawing in the main thread', err);
        inThread ??= { busy: null, worker: null };
        if (r.busy) queue.unshift(r.busy);
        pump();
      };
      r.worker!.on('error', lost).on('exit', (code) => lost(new Error(`exit code ${code}`)));
      renderers.push(r);
    }
    pump();
  }

  if (url) void startWorkers();
  else inThread = { busy: null, worker: null };

  return {
    get pending() {
      return pending;
    },
    take() {
      if (closed || pending >= maxPending) return null;
      pending++;
      let settled = false;
      const release = () => {
        if (!settled) pending--;
        settled = true;
      };
      return {
        cancel: release,
        draw(estimates) {
          return new Promise<ChartImage>((resolve, reject) => {
            queue.push({
              job: { id: nextId++, estimates },
              resolve: (image) => {
                release();
                resolve(image);
              },
              reject: (err) => {
                release();
                reject(err);
              },
            });
            pump();
          });
        },
      };
    },
    async close() {
      closed = true;
      for (const q of queue.splice(0)) q.reject(new Error('napkin is shutting down'));
      await Promise.all(renderers.map((r) => r.worker?.terminate()));
    },
  };
}
