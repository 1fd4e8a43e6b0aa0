// Shared state with a way down: rate limits, redelivery claims and last specs kept in a database that
// replicas share, each backed by this process's own memory. When the database cannot answer, the process
// counts, claims and remembers locally (one log line when that starts, one when it ends) instead of
// refusing or failing the request; after a failure the database is left alone for a few seconds, so an
// outage costs each request nothing.
import { type EventLedger, eventLedger } from './events.js';
import { type LastSpecs, lastSpecs } from './last-spec.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';

/** How long after a failure the shared store is not asked again. */
export const RETRY_SHARED_MS = 5000;

export interface Shared {
  limiter: RateLimiter;
  events: EventLedger;
  lastSpecs: LastSpecs;
}

export interface FallbackOptions {
  rateLimit: { limit: number; windowMs: number };
  log: (line: string) => void;
  now?: () => number;
}

const why = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

/** `shared`, falling back per call to process-memory equivalents while it fails. */
export function withFallback(shared: Shared, options: FallbackOptions): Shared {
  const now = options.now ?? Date.now;
  const local = {
    limiter: createRateLimiter({ ...options.rateLimit, now }),
    events: eventLedger(undefined, undefined, now),
    lastSpecs: lastSpecs(),
  };
  let downUntil = 0;
  let down = false;
  async function either<T>(remote: () => T | Promise<T>, mine: () => T | Promise<T>): Promise<T> {
    if (down && now() < downUntil) return mine();
    try {
      const value = await remote();
      if (down) {
        down = false;
        options.log('napkin: shared store reachable again: rate limits and de-duplication are shared again');
      }
      return value;
    } catch (err) {
      if (!down) {
        options.log(
          `napkin: shared store unreachable (${why(err)}): rate limits and de-duplication use this process's memory until it returns`,
        );
      }
      down = true;
      downUntil = now() + RETRY_SHARED_MS;
      return mine();
    }
  }
  return {
    limiter: {
      take: (user) =>
        either(
          () => shared.limiter.take(user),
          () => local.limiter.take(user),
        ),
    },
    events: {
      // Claimed in memory too, so a redelivery to this process during an outage is still answered once.
      claim: (id) =>
        either(
          async () => (await shared.events.claim(id)) && local.events.claim(id),
          () => local.events.claim(id),
        ),
      done: (id) =>
        either(
          async () => void (await shared.events.done?.(id)),
          () => undefined,
        ),
    },
    lastSpecs: {
      get: (user) =>
        either(
          () => shared.lastSpecs.get(user),
          () => local.lastSpecs.get(user),
        ),
      remember: (user, reply) => {
        local.lastSpecs.remember(user, reply);
        return either(
          () => shared.lastSpecs.remember(user, reply),
          () => undefined,
        );
      },
    },
  };
}
