// Timing and the one table the bench prints. Each call is timed on its own with hrtime.bigint (about
// 50 ns of overhead, small against the microseconds measured), so p99 shows the slow calls, GC included.
import os from 'node:os';

export interface Row {
  what: string;
  median: string;
  p99: string;
  target: string;
  /** null: nothing to judge (the row failed to run). */
  pass: boolean | null;
}

/** Microseconds per call of `fn` over `items`, `passes` times, after `warm` untimed passes. */
export function timeEach<T>(items: T[], fn: (x: T) => unknown, passes = 2, warm = 1): Float64Array {
  for (let w = 0; w < warm; w++) for (const x of items) fn(x);
  const out = new Float64Array(items.length * passes);
  let k = 0;
  for (let p = 0; p < passes; p++) {
    for (const x of items) {
      const t0 = process.hrtime.bigint();
      fn(x);
      out[k++] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  return out;
}

/** The same for async work (a dispatch), awaited one at a time as a front end does. */
export async function timeEachAsync<T>(items: T[], fn: (x: T) => Promise<unknown>, passes = 2, warm = 1) {
  for (let w = 0; w < warm; w++) for (const x of items) await fn(x);
  const out = new Float64Array(items.length * passes);
  let k = 0;
  for (let p = 0; p < passes; p++) {
    for (const x of items) {
      const t0 = process.hrtime.bigint();
      await fn(x);
      out[k++] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  return out;
}

/** Median and p99 (nearest rank) of samples in any unit. */
export function summary(samples: ArrayLike<number>): { median: number; p99: number } {
  const s = Float64Array.from(samples).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p99: at(0.99) };
}

/** A duration in µs, in the unit that keeps three significant digits readable. */
export function us(x: number): string {
  if (x < 1000) return `${x.toPrecision(3)} µs`;
  if (x < 1e6) return `${(x / 1000).toPrecision(3)} ms`;
  return `${(x / 1e6).toPrecision(3)} s`;
}

export const thousands = (x: number) => Math.round(x).toLocaleString('en-US');

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/**
 * The 1-minute load average; with `warn`, a note when other work was already competing for the cores
 * (taken before the bench starts: its own processes raise the figure afterwards).
 */
export function load(warn = false): string {
  const [one] = os.loadavg();
  const busy = warn && one > os.cpus().length - 0.5;
  return `load average ${one.toFixed(1)}${busy ? ' (busy: other processes competed for the cores; latencies and rates suffer)' : ''}`;
}

/** The table, Markdown-shaped so it can be pasted into the README as it is. */
export function table(rows: Row[]): string {
  const head = ['what', 'median', 'p99', 'target', 'result'];
  const cells = rows.map((r) => [
    r.what,
    r.median,
    r.p99,
    r.target,
    r.pass === null ? 'NOT RUN' : r.pass ? 'ok' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
