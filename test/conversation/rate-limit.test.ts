import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitReply } from '../../src/conversation/rate-limit.js';

describe('per-user rate limit', () => {
  it('allows `limit` requests per sliding window, per user', () => {
    let t = 0;
    const rl = createRateLimiter({ limit: 3, windowMs: 1000, now: () => t });
    expect([rl.take('a'), rl.take('a'), rl.take('a')].every((d) => d.ok)).toBe(true);
    t = 400;
    expect(rl.take('a')).toEqual({ ok: false, retryAfterMs: 600 });
    expect(rl.take('b')).toEqual({ ok: true });
    t = 1001;
    expect(rl.take('a')).toEqual({ ok: true });
  });

  it('says when to try again, in whole seconds, ephemerally', () => {
    const r = rateLimitReply(2300);
    expect(r.title).toContain('try again in 3 s');
    expect(r.ephemeral).toBe(true);
  });
});
