// Opens napkin's SQLite database and brings its schema up to date. Pragmas and migrations live here so
// every process that opens the file (the bot, each Discord shard, tests) gets the same guarantees.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  migrations?: Migration[];
}

// Discord shards are separate processes writing the same file; their transactions take milliseconds,
// so two seconds of waiting covers contention while still bounding how long the (synchronous) driver
// can stall the event loop when something external holds the lock.
const DEFAULT_BUSY_TIMEOUT_MS = 2000;

export function openDb(path: string, options: OpenDbOptions = {}): Db {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // Set first, so that the pragmas and migrations below also wait for a lock instead of failing.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    // WAL: readers never block the writer, and a commit is one append to the -wal file, which is what
    // makes a kill -9 at any instant safe: an interrupted append is ignored on the next open.
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL survives kill -9 (a commit's write() has reached the OS before it returns).
    // FULL would also fsync each commit on the event loop: 1.5–3.5 ms per thread base on Bolt's thread,
    // a third of the Slack app's throughput. The thread store syncs the WAL from the thread pool shortly
    // after its commits instead (wal-sync.ts), so a power cut loses at most the last fraction of a second.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Versions recorded as applied, ascending. */
export function appliedVersions(db: Db): number[] {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return [];
  return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
}

/**
 * Apply every migration not yet recorded, each in the same transaction as its record, so a crash leaves
 * a step either fully applied and recorded or not at all. Does not write when nothing is pending, so a
 * read-only database that is already current still opens.
 */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS): number[] {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...appliedVersions(db));
  if (newest > known) {
    throw new Error(
      `the database has schema version ${newest}, newer than this napkin knows (${known}); upgrade napkin`,
    );
  }
  if (migrations.every((m) => m.version <= newest)) return [];
  // IMMEDIATE takes the write lock before reading, so two processes starting together cannot both
  // decide that the same step is pending.
  const run = db.transaction((): number[] => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    const done = new Set(appliedVersions(db));
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      applied.push(m.version);
    }
    return applied;
  });
  return run.immediate();
}
