// Per-user rate limit for the chat platforms: at most `limit` requests per user in any sliding window of
// `windowMs`. The excess is refused (answered privately), never queued, so a flood from one user cannot
// delay anyone else's answers. This one counts in the process's memory; a store shared by replicas can
// implement RateLimiter with its windows in the database (take may return a promise).
import type { Reply } from '../model/reply.js';

export interface RateLimitOptions {
  /** Requests allowed per user per window (default 10). */
  limit?: number;
  /** Window length in milliseconds (default 10,000). */
  windowMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Count one request by `user` (a platform-qualified id) and say whether it may be answered. */
  take(user: string): RateDecision | Promise<RateDecision>;
}

export function createRateLimiter({ limit = 10, windowMs = 10_000, now = Date.now }: RateLimitOptions = {}): {
  take(user: string): RateDecision;
} {
  const seen = new Map<string, number[]>();
  let lastSweep = now();

  // Users who went quiet are dropped once per window, so the map stays as small as the active crowd.
  function sweep(t: number): void {
    if (t - lastSweep < windowMs) return;
    lastSweep = t;
    for (const [user, times] of seen) {
      if (times[times.length - 1] <= t - windowMs) seen.delete(user);
    }
  }

  return {
    take(user) {
      const t = now();
      sweep(t);
      const times = (seen.get(user) ?? []).filter((x) => x > t - windowMs);
      if (times.length >= limit) {
        seen.set(user, times);
        return { ok: false, retryAfterMs: times[0] + windowMs - t };
      }
      times.push(t);
      seen.set(user, times);
      return { ok: true };
    },
  };
}

/** The friendly notice for a refused request; ephemeral, so only the asker sees it. */
export function rateLimitReply(retryAfterMs: number): Reply {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    kind: 'info',
    title: `You're asking napkin a lot at once — try again in ${s} s.`,
    summary: [],
    sections: [],
    notes: [],
    ephemeral: true,
  };
}
