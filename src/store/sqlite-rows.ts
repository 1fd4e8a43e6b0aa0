// The SQL behind the SQLite repository: read one thread, apply one turn's change in one transaction,
// start a thread, prune idle ones. Only ./sqlite.ts uses it. better-sqlite3 is synchronous; ./sqlite.ts
// wraps each call in a promise so the repository has the same shape as a database server's.
import type { ThreadChange, ThreadKey, ThreadState, Variant } from '../model/thread.js';
import type { Db } from './db.js';
import { PENDING, type StoredTurn } from './repository.js';

export interface SqliteRows {
  thread(key: ThreadKey): ThreadState | undefined;
  turn(key: ThreadKey, n: number): StoredTurn | undefined;
  applyTurn(key: ThreadKey, change: ThreadChange, user: string, at: number): number | null;
  startThread(key: ThreadKey, input: string, user: string, at: number): boolean;
  bindThread(from: ThreadKey, to: string | null): boolean;
  adoptPending(key: ThreadKey, from: number, to: number): boolean;
  prune(cutoff: number): number;
}

export function sqliteRows(db: Db): SqliteRows {
  const sql = {
    thread: db.prepare('SELECT id, base FROM threads WHERE platform = ? AND channel = ? AND thread = ?'),
    variants: db.prepare('SELECT n, input, at, user FROM variants WHERE thread_id = ? ORDER BY n'),
    turn: db.prepare('SELECT n, input, at, user, details FROM variants WHERE thread_id = ? AND n = ?'),
    // The first write of a thread creates it; a racing second first-write keeps the earlier base.
    create: db.prepare(
      'INSERT INTO threads (platform, channel, thread, base, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    start: db.prepare(
      'INSERT INTO threads (platform, channel, thread, base, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id',
    ),
    firstVariant: db.prepare('INSERT INTO variants (thread_id, n, input, at, user) VALUES (?, 1, ?, ?, ?)'),
    setBase: db.prepare('UPDATE threads SET base = ?, updated_at = ? WHERE id = ?'),
    touch: db.prepare('UPDATE threads SET updated_at = ? WHERE id = ?'),
    // n is computed inside the transaction, so two answers racing in one thread get distinct numbers.
    addVariant: db.prepare(
      'INSERT INTO variants (thread_id, n, input, at, user, details) SELECT ?, coalesce(max(n), 0) + 1, ?, ?, ?, ? FROM variants WHERE thread_id = ? RETURNING n',
    ),
    prune: db.prepare('DELETE FROM threads WHERE updated_at < ?'),
    drop: db.prepare('DELETE FROM threads WHERE platform = ? AND channel = ? AND thread = ?'),
    rename: db.prepare('UPDATE threads SET thread = ? WHERE platform = ? AND channel = ? AND thread = ?'),
    pending: db.prepare(
      `SELECT id FROM threads WHERE platform = ? AND channel = ? AND thread LIKE '${PENDING}%' AND created_at BETWEEN ? AND ? ORDER BY created_at DESC LIMIT 1`,
    ),
    renameId: db.prepare('UPDATE threads SET thread = ? WHERE id = ?'),
  };
  const where = (k: ThreadKey) => [k.platform, k.channel, k.thread] as const;
  const find = (k: ThreadKey) => sql.thread.get(...where(k)) as { id: number; base: string } | undefined;

  const apply = db.transaction((key: ThreadKey, change: ThreadChange, user: string, at: number) => {
    const first = change.base ?? change.variant;
    if (first === undefined) return null;
    sql.create.run(...where(key), first, at, at);
    const { id } = find(key)!;
    if (change.base !== undefined) sql.setBase.run(change.base, at, id);
    else sql.touch.run(at, id);
    if (change.variant === undefined) return null;
    const row = sql.addVariant.get(id, change.variant, at, user, change.details ?? null, id) as { n: number };
    return row.n;
  });

  const start = db.transaction((key: ThreadKey, input: string, user: string, at: number) => {
    const row = sql.start.get(...where(key), input, at, at) as { id: number } | undefined;
    if (row) sql.firstVariant.run(row.id, input, at, user);
    return row !== undefined;
  });

  const bind = db.transaction((from: ThreadKey, to: string | null) => {
    if (to !== null && !find({ ...from, thread: to })) return sql.rename.run(to, ...where(from)).changes === 1;
    sql.drop.run(...where(from));
    return false;
  });

  const adopt = db.transaction((key: ThreadKey, from: number, to: number) => {
    if (find(key)) return false;
    const row = sql.pending.get(key.platform, key.channel, from, to) as { id: number } | undefined;
    return row !== undefined && sql.renameId.run(key.thread, row.id).changes === 1;
  });

  return {
    thread(key) {
      const row = find(key);
      return row && { base: row.base, variants: sql.variants.all(row.id) as Variant[] };
    },
    turn(key, n) {
      const row = find(key);
      return row ? (sql.turn.get(row.id, n) as StoredTurn | undefined) : undefined;
    },
    // IMMEDIATE: take the write lock up front, so a busy database fails (or waits) before any work.
    applyTurn: (key, change, user, at) => apply.immediate(key, change, user, at),
    startThread: (key, input, user, at) => start.immediate(key, input, user, at),
    bindThread: (from, to) => bind.immediate(from, to),
    adoptPending: (key, from, to) => adopt.immediate(key, from, to),
    prune: (cutoff) => sql.prune.run(cutoff).changes,
  };
}
