// The embedded store: thread rows in an SQLite file (better-sqlite3), behind the repository interface.
// Each write is one transaction; the WAL is synced from the thread pool shortly after (./wal-sync.ts).
import type { Db } from './db.js';
import { ADOPT_SKEW_MS, type ThreadRepository } from './repository.js';
import { sqliteRows } from './sqlite-rows.js';
import { walSync } from './wal-sync.js';

export interface SqliteOptions {
  /** Where sync failures are reported for operators. */
  report: (err: unknown) => void;
  /** How the WAL file is forced to disk after commits (tests watch it); default fsync from the thread pool. */
  syncWal?: (path: string) => Promise<void>;
}

/** Why an SQLite operation failed, in the words a user reads, from its error code. */
export function sqliteFailure(err: unknown): string {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_READONLY')) return 'the database is read-only';
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the database is locked';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the database file cannot be opened';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'the database file is damaged';
  return 'the database could not be written';
}

/** Failures that stay until someone mends the file: the conversation carries on in memory. */
export function sqliteLasting(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** The repository over an open, migrated database (openDb). */
export function sqliteRepository(db: Db, options: SqliteOptions): ThreadRepository {
  const rows = sqliteRows(db);
  const durable = walSync(db, options.report, options.syncWal);
  // better-sqlite3 answers synchronously; an async function turns a throw into a rejection.
  const wrote = <T>(result: T, changed: boolean): T => {
    if (changed) durable.soon();
    return result;
  };
  return {
    name: `SQLite ${db.memory ? ':memory:' : db.name}`,
    thread: async (key) => rows.thread(key),
    turn: async (key, n) => rows.turn(key, n),
    applyTurn: async (key, change, user, at) => wrote(rows.applyTurn(key, change, user, at), true),
    startThread: async (key, input, user, at) => {
      const started = rows.startThread(key, input, user, at);
      return wrote(started, started);
    },
    bindThread: async (from, to) => wrote(rows.bindThread(from, to), true),
    adoptPending: async (key, at, windowMs) => {
      const adopted = rows.adoptPending(key, at - windowMs, at + ADOPT_SKEW_MS);
      return wrote(adopted, adopted);
    },
    prune: async (cutoff) => {
      const gone = rows.prune(cutoff);
      return wrote(gone, gone > 0);
    },
    describeFailure: sqliteFailure,
    lasting: sqliteLasting,
    async close() {
      durable.close();
      if (db.open) db.close();
    },
  };
}
