// The SQL behind the thread store: read one thread's state, apply one turn's change in one
// transaction, prune idle threads. Only src/store/threads.ts uses it.
import type { ThreadState } from '../commands/command.js';
import type { ThreadChange } from '../commands/thread.js';
import type { Db } from './db.js';
import type { ThreadKey } from './thread-service.js';

export interface ThreadRows {
  state(key: ThreadKey): ThreadState | undefined;
  /** One transaction: create the thread if new, set its base, add the variant, stamp the time. */
  write(key: ThreadKey, change: ThreadChange, user: string, at: number): void;
  /**
   * One transaction: a thread that does not exist yet is created with `input` as its base and first
   * variant; returns false, changing nothing, when the thread exists.
   */
  start(key: ThreadKey, input: string, user: string, at: number): boolean;
  /** Delete threads (and, by cascade, their variants) last updated before `cutoff`; returns how many. */
  prune(cutoff: number): number;
}

export function threadRows(db: Db): ThreadRows {
  const sql = {
    thread: db.prepare('SELECT id, base FROM threads WHERE platform = ? AND channel = ? AND thread = ?'),
    variants: db.prepare('SELECT n, input, at, user FROM variants WHERE thread_id = ? ORDER BY n'),
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
      'INSERT INTO variants (thread_id, n, input, at, user) SELECT ?, coalesce(max(n), 0) + 1, ?, ?, ? FROM variants WHERE thread_id = ?',
    ),
    prune: db.prepare('DELETE FROM threads WHERE updated_at < ?'),
  };
  const where = (k: ThreadKey) => [k.platform, k.channel, k.thread] as const;
  const find = (k: ThreadKey) => sql.thread.get(...where(k)) as { id: number; base: string } | undefined;

  const write = db.transaction((key: ThreadKey, change: ThreadChange, user: string, at: number) => {
    const first = change.base ?? change.variant;
    if (first === undefined) return;
    sql.create.run(...where(key), first, at, at);
    const { id } = find(key)!;
    if (change.base !== undefined) sql.setBase.run(change.base, at, id);
    else sql.touch.run(at, id);
    if (change.variant !== undefined) sql.addVariant.run(id, change.variant, at, user, id);
  });

  const start = db.transaction((key: ThreadKey, input: string, user: string, at: number) => {
    const row = sql.start.get(...where(key), input, at, at) as { id: number } | undefined;
    if (row) sql.firstVariant.run(row.id, input, at, user);
    return row !== undefined;
  });

  return {
    state(key) {
      const row = find(key);
      return row && { base: row.base, variants: sql.variants.all(row.id) as ThreadState['variants'] };
    },
    // IMMEDIATE: take the write lock up front, so a busy database fails (or waits) before any work.
    write: (key, change, user, at) => write.immediate(key, change, user, at),
    start: (key, input, user, at) => start.immediate(key, input, user, at),
    prune: (cutoff) => sql.prune.run(cutoff).changes,
  };
}
