// Opening the store a chat front end uses (NAPKIN_DB): the SQLite file, or, when it cannot be opened at
// all (an unwritable directory, a newer schema), an in-memory one so threads still work until a restart,
// with the reason for the note every thread answer then carries. Retention runs at start and daily.
import { openDb } from './db.js';
import { memoryRepository } from './memory.js';
import type { ThreadRepository } from './repository.js';
import { sqliteFailure, sqliteRepository } from './sqlite.js';

const DAY_MS = 86_400_000;

export interface OpenStoreOptions {
  /** NAPKIN_DB: a file path, or ':memory:'. */
  path: string;
  /** NAPKIN_RETENTION_DAYS: threads idle longer than this are deleted. */
  retentionDays: number;
  busyTimeoutMs?: number;
  /** Clock in ms since the epoch (tests move it). */
  now?: () => number;
  /** Operator log for store failures (users get a note on the answer instead). */
  report: (err: unknown) => void;
  syncWal?: (path: string) => Promise<void>;
}

export interface OpenedStore {
  repository: ThreadRepository;
  /** Why nothing will be kept across a restart, or null when the store is the configured one. */
  problem: string | null;
}

export function openStore(options: OpenStoreOptions): OpenedStore {
  let opened: OpenedStore;
  try {
    const db = openDb(options.path, { busyTimeoutMs: options.busyTimeoutMs });
    opened = { repository: sqliteRepository(db, options), problem: null };
  } catch (err) {
    options.report(err);
    opened = { repository: memoryRepository(), problem: sqliteFailure(err) };
  }
  return { ...opened, repository: pruned(opened.repository, options) };
}

/** The repository with retention applied at start and once a day; the timer stops at close. */
function pruned(repo: ThreadRepository, options: OpenStoreOptions): ThreadRepository {
  const now = options.now ?? Date.now;
  const prune = () =>
    repo.prune(now() - options.retentionDays * DAY_MS).catch((err) => {
      options.report(err);
      return 0;
    });
  void prune();
  const daily = setInterval(prune, DAY_MS);
  // The timer must not keep a CLI or a test process alive on its own.
  daily.unref();
  return {
    ...repo,
    name: repo.name,
    async close() {
      clearInterval(daily);
      await repo.close();
    },
  };
}
