// The conversation a chat front end runs, from the configuration: the thread store (NAPKIN_DB), the
// per-user rate limit, and the chart renderers. Tests and benches hand in their own parts.
import type { Config } from '../config.js';
import { openStore } from '../store/open.js';
import type { ThreadRepository } from '../store/repository.js';
import { type Conversation, createConversation } from './answer.js';
import { admission } from './busy.js';
import { type ChartPool, chartPool } from './charts.js';
import { createRateLimiter } from './rate-limit.js';

export interface ConversationOptions {
  /** A store to use instead of opening config.db (the caller closes it). */
  repository?: ThreadRepository;
  /** Draw charts (default true). */
  charts?: boolean;
  /** Renderer threads' script; null draws in the app's thread (see ./charts.ts). */
  chartWorker?: URL | null;
  /** Requests between being taken and their text being posted, at most (default 1,000). */
  maxInFlight?: number;
  log?: (line: string) => void;
}

export function openConversation(config: Config, options: ConversationOptions = {}): Conversation {
  const log = options.log ?? ((line: string) => console.error(line));
  const report = (err: unknown) => log(`napkin: thread store: ${(err as Error)?.message ?? String(err)}`);
  const opened = options.repository
    ? { repository: options.repository, problem: null }
    : openStore({ path: config.db, retentionDays: config.retentionDays, report });
  const charts: ChartPool | null =
    options.charts === false ? null : chartPool({ worker: options.chartWorker, log: (line) => log(line) });
  const conversation = createConversation({
    repository: opened.repository,
    storeProblem: opened.problem,
    limiter: createRateLimiter(config.rateLimit),
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
