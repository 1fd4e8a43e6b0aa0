// Opening the store a chat front end uses (NAPKIN_DB): the SQLite file, or, when it cannot be opened at
// all (an unwritable directory, a newer schema), an in-memory one so threads still work until a restart,
// with the reason for the note every thread answer then carries. Retention runs at start and daily.
// With NAPKIN_DATABASE_URL, PostgreSQL instead (./postgres/), shared by replicas.
import { openDb } from './db.js';
import { memoryRepository } from './memory.js';
import type { PgShared } from './postgres/shared.js';
import type { ThreadRepository } from './repository.js';
import { spillover } from './spill.js';
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
    opened = { repository: spillover(sqliteRepository(db, options), options.report), problem: null };
  } catch (err) {
    options.report(err);
    opened = { repository: memoryRepository(), problem: sqliteFailure(err) };
  }
  return { ...opened, repository: pruned(opened.repository, options) };
}

export interface ConfiguredStore extends OpenedStore {
  /** State replicas share (PostgreSQL): rate windows, event claims, last specs; null keeps them in memory. */
  shared: PgShared | null;
}

/**
 * The store the configuration names: PostgreSQL when NAPKIN_DATABASE_URL is set (it wins over NAPKIN_DB),
 * else the SQLite file. Rejects when the server cannot be reached or migrated at start.
 */
export async function openConfiguredStore(
  config: { databaseUrl: string | null; db: string; retentionDays: number },
  options: Pick<OpenStoreOptions, 'report' | 'now'>,
): Promise<ConfiguredStore> {
  if (!config.databaseUrl) {
    return { ...openStore({ path: config.db, retentionDays: config.retentionDays, ...options }), shared: null };
  }
  // Loaded only here, so SQLite users never load pg.
  const { openPostgres } = await import('./postgres/open.js');
  const pg = await openPostgres({ url: config.databaseUrl, retentionDays: config.retentionDays, ...options });
  const repository = pruned(spillover(pg.repository, options.report), { ...options, path: '', ...config });
  return { repository, problem: null, shared: pg.shared };
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
