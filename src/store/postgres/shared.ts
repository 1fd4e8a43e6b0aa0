// What replicas and shards share besides threads, in PostgreSQL: per-user rate-limit windows, claims on
// delivered events, and each user's last spec. Rows expire: a rate window with its window, an event claim
// after an hour, a last spec with the threads' retention (sweep()).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Reply } from '../../model/reply.js';
import type { Pool } from './pool.js';

/** How long an event stays claimed by a replica that has not finished answering it. */
export const EVENT_LEASE_MS = 30_000;
/** How long a delivered event's id is remembered (Slack retries within minutes). */
export const EVENT_TTL_MS = 3_600_000;

/** This process, as an event claim's owner. */
export const processId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

// Shaped as the conversation's RateLimiter, EventLedger and LastSpecs (src/conversation/), which the
// store does not import.
type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface PgShared {
  limiter(limit: number, windowMs: number): { take(user: string): Promise<RateDecision> };
  events: { claim(id: string): Promise<boolean>; done(id: string): Promise<void> };
  lastSpecs: {
    get(user: string): Promise<string | undefined>;
    remember(user: string, reply: Pick<Reply, 'kind' | 'input'>): Promise<void>;
  };
  /** Delete expired rate windows and event claims, and last specs older than `lastSpecCutoff`. */
  sweep(lastSpecCutoff: number): Promise<number>;
}

export function pgShared(pool: Pool, now: () => number = Date.now, owner = processId()): PgShared {
  return {
    limiter: (limit, windowMs) => ({
      async take(user) {
        const r = await pool.query('SELECT napkin_rate_take($1, $2, $3, $4) AS wait', [user, now(), windowMs, limit]);
        const wait = r.rows[0].wait as number;
        return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
      },
    }),
    events: {
      async claim(id) {
        const t = now();
        const r = await pool.query(
          `INSERT INTO event_claims (id, owner, lease_until, expires_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
           WHERE NOT event_claims.done AND event_claims.lease_until < $5`,
          [id, owner, t + EVENT_LEASE_MS, t + EVENT_TTL_MS, t],
        );
        return r.rowCount === 1;
      },
      async done(id) {
        await pool.query('UPDATE event_claims SET done = true WHERE id = $1 AND owner = $2', [id, owner]);
      },
    },
    lastSpecs: {
      async get(user) {
        const r = await pool.query('SELECT input FROM last_specs WHERE user_key = $1', [user]);
        return r.rows[0]?.input as string | undefined;
      },
      async remember(user, reply) {
        if (!reply.input || (reply.kind !== 'estimate' && reply.kind !== 'compare')) return;
        await pool.query(
          `INSERT INTO last_specs (user_key, input, at) VALUES ($1, $2, $3)
           ON CONFLICT (user_key) DO UPDATE SET input = EXCLUDED.input, at = EXCLUDED.at`,
          [user, reply.input, now()],
        );
      },
    },
    async sweep(lastSpecCutoff) {
      const t = now();
      const counts = await Promise.all([
        pool.query('DELETE FROM rate_windows WHERE expires_at < $1', [t]),
        pool.query('DELETE FROM event_claims WHERE expires_at < $1', [t]),
        pool.query('DELETE FROM last_specs WHERE at < $1', [lastSpecCutoff]),
      ]);
      return counts.reduce((n, r) => n + (r.rowCount ?? 0), 0);
    },
  };
}
