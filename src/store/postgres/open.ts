// Opening PostgreSQL as napkin's store (NAPKIN_DATABASE_URL): a pool, the schema brought up to date under
// the migration lock, the thread repository, and the state replicas share (rate windows, event claims,
// last specs) with a sweep of expired rows every minute. A server that cannot be reached at start is a
// setup problem: the error names the variable and the server, never the password.
import type { ThreadRepository } from '../repository.js';
import { migratePg } from './migrate.js';
import { describeUrl, openPool, pgFailure } from './pool.js';
import { type PgShared, pgShared } from './shared.js';
import { pgThreads } from './threads.js';

/** How often expired rate windows, event claims and old last specs are deleted. */
export const SWEEP_MS = 60_000;

export interface PgStore {
  repository: ThreadRepository;
  shared: PgShared;
}

export interface OpenPgOptions {
  url: string;
  retentionDays: number;
  report: (err: unknown) => void;
  now?: () => number;
}

export async function openPostgres(options: OpenPgOptions): Promise<PgStore> {
  const pool = openPool(options.url, { report: options.report });
  try {
    await migratePg(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    const detail = (err as Error)?.message?.split('\n')[0] ?? String(err);
    throw new Error(
      `could not open NAPKIN_DATABASE_URL (${describeUrl(options.url)}): ${pgFailure(err)} (${scrubUrl(detail, options.url)})`,
    );
  }
  const now = options.now ?? Date.now;
  const shared = pgShared(pool, now);
  const threads = pgThreads(pool, options.url);
  const sweep = () => {
    shared.sweep(now() - options.retentionDays * 86_400_000).catch(options.report);
  };
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  return {
    shared,
    repository: {
      ...threads,
      async close() {
        clearInterval(timer);
        await threads.close();
      },
    },
  };
}

/** An error message with the URL's password (if it were ever echoed) blanked out. */
function scrubUrl(text: string, url: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? text.split(password).join('***') : text;
  } catch {
    return text;
  }
}
