// The conversation a chat front end runs, from the configuration: the thread store (PostgreSQL when
// NAPKIN_DATABASE_URL is set, else the SQLite file NAPKIN_DB), the per-user rate limit, redelivery claims
// and last specs (shared through PostgreSQL, with this process's memory to fall back on; in memory with
// SQLite), and the chart renderers. Tests and benches hand in their own parts.
import type { Config } from '../config.js';
import { openConfiguredStore } from '../store/open.js';
import type { ThreadRepository } from '../store/repository.js';
import { type Conversation, createConversation } from './answer.js';
import { admission } from './busy.js';
import { type ChartPool, chartPool } from './charts.js';
import { withFallback } from './fallback.js';
import { createRateLimiter } from './rate-limit.js';

export interface ConversationOptions {
  /** A store to use instead of opening the configured one (the caller closes it). */
  repository?: ThreadRepository;
  /** Draw charts (default true). */
  charts?: boolean;
  /** Renderer threads' script; null draws in the app's thread (see ./charts.ts). */
  chartWorker?: URL | null;
  /** Requests between being taken and their text being posted, at most (default 1,000). */
  maxInFlight?: number;
  log?: (line: string) => void;
}

/** Rejects when the configured PostgreSQL cannot be reached or migrated (a setup problem). */
export async function openConversation(config: Config, options: ConversationOptions = {}): Promise<Conversation> {
  const log = options.log ?? ((line: string) => console.error(line));
  const report = (err: unknown) => log(`napkin: thread store: ${(err as Error)?.message ?? String(err)}`);
  const opened = options.repository
    ? { repository: options.repository, problem: null, shared: null }
    : await openConfiguredStore(config, { report });
  const shared = opened.shared
    ? withFallback(
        {
          limiter: opened.shared.limiter(config.rateLimit.limit, config.rateLimit.windowMs),
          events: opened.shared.events,
          lastSpecs: opened.shared.lastSpecs,
        },
        { rateLimit: config.rateLimit, log },
      )
    : null;
  const charts: ChartPool | null =
    options.charts === false ? null : chartPool({ worker: options.chartWorker, log: (line) => log(line) });
  const conversation = createConversation({
    repository: opened.repository,
    storeProblem: opened.problem,
    limiter: shared?.limiter ?? createRateLimiter(config.rateLimit),
    events: shared?.events,
    lastSpecs: shared?.lastSpecs,
    admission: admission(options.maxInFlight),
    charts,
    log,
  });
  if (!options.repository) return conversation;
  // A store handed in stays open: the caller closes it.
  return {
    ...conversation,
    async close() {
      await charts?.close();
    },
  };
}
