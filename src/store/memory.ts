// Threads in a Map: the console's store (one local user, nothing to keep across runs), and the stand-in
// when the database cannot be opened at all. Same contract as the SQLite rows (test/store/repository.test.ts).
import type { ThreadChange, ThreadKey } from '../model/thread.js';
import { ADOPT_SKEW_MS, PENDING, type StoredTurn, type ThreadRepository } from './repository.js';

interface Row {
  key: ThreadKey;
  base: string;
  created: number;
  updated: number;
  turns: StoredTurn[];
}

const id = (k: ThreadKey) => JSON.stringify([k.platform, k.channel, k.thread]);

export function memoryRepository(name = 'memory'): ThreadRepository {
  const rows = new Map<string, Row>();
  const add = (row: Row, input: string, user: string, at: number, details: string | null) => {
    const n = Math.max(0, ...row.turns.map((t) => t.n)) + 1;
    row.turns.push({ n, input, at, user, details });
    return n;
  };
  const bind = (from: ThreadKey, to: string | null) => {
    const row = rows.get(id(from));
    rows.delete(id(from));
    if (!row || to === null || rows.has(id({ ...from, thread: to }))) return false;
    row.key = { ...from, thread: to };
    rows.set(id(row.key), row);
    return true;
  };
  return {
    name,
    async thread(key) {
      const row = rows.get(id(key));
      return row && { base: row.base, variants: row.turns.map(({ details: _, ...v }) => v) };
    },
    async turn(key, n) {
      const t = rows.get(id(key))?.turns.find((x) => x.n === n);
      return t && { ...t };
    },
    async applyTurn(key: ThreadKey, change: ThreadChange, user: string, at: number) {
      const first = change.base ?? change.variant;
      if (first === undefined) return null;
      const row = rows.get(id(key)) ?? { key, base: first, created: at, updated: at, turns: [] };
      rows.set(id(key), row);
      if (change.base !== undefined) row.base = change.base;
      row.updated = at;
      return change.variant === undefined ? null : add(row, change.variant, user, at, change.details ?? null);
    },
    async startThread(key, input, user, at) {
      if (rows.has(id(key))) return false;
      const row: Row = { key, base: input, created: at, updated: at, turns: [] };
      add(row, input, user, at, null);
      rows.set(id(key), row);
      return true;
    },
    bindThread: async (from, to) => bind(from, to),
    async adoptPending(key, at, windowMs) {
      if (rows.has(id(key))) return false;
      const near = [...rows.values()].filter(
        (r) =>
          r.key.platform === key.platform &&
          r.key.channel === key.channel &&
          r.key.thread.startsWith(PENDING) &&
          r.created >= at - windowMs &&
          r.created <= at + ADOPT_SKEW_MS,
      );
      const row = near.sort((a, b) => b.created - a.created)[0];
      return row ? bind(row.key, key.thread) : false;
    },
    async prune(cutoff) {
      let gone = 0;
      for (const [k, row] of rows) {
        if (row.updated < cutoff) {
          rows.delete(k);
          gone++;
        }
      }
      return gone;
    },
    describeFailure: () => 'napkin could not keep it',
    async close() {},
  };
}
