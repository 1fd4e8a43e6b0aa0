// What PostgreSQL adds beyond the repository contract (./repository.test.ts runs that against it): replicas
// starting together on an empty database (the migration lock), turns from two replicas numbered without
// clashes, rate limits, event claims and last specs shared between processes, expired rows swept, and
// the words used when the server is away. Everything runs against a real server (../pg/global-setup.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFallback } from '../../src/conversation/fallback.js';
import { openConfiguredStore } from '../../src/store/open.js';
import { appliedPgVersions, migratePg } from '../../src/store/postgres/migrate.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { describeUrl, openPool, type Pool, pgFailure } from '../../src/store/postgres/pool.js';
import { EVENT_LEASE_MS, pgShared } from '../../src/store/postgres/shared.js';
import { pgThreads } from '../../src/store/postgres/threads.js';
import { freePort } from '../pg/server.js';
import { freshDatabase, type TestDatabase } from '../pg/database.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const key = { platform: 'slack', channel: 'C1', thread: '1767225600.000100' };
let db: TestDatabase;
const pools: Pool[] = [];
const pool = () => {
  const p = openPool(db.url);
  pools.push(p);
  return p;
};
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end().catch(() => undefined)));
  await db.drop();
});

describe('migrations', () => {
  it('replicas starting together on an empty database apply each step once, under the advisory lock', async () => {
    const applied = await Promise.all([1, 2, 3, 4].map(() => migratePg(pool())));
    expect(applied.flat()).toEqual([1]);
    expect(applied.filter((a) => a.length === 0)).toHaveLength(3);
    expect(await appliedPgVersions(pool())).toEqual([1]);
    const tables = await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.rows.map((r) => r.tablename)).toEqual([
      'event_claims',
      'last_specs',
      'rate_windows',
      'schema_migrations',
      'threads',
      'variants',
    ]);
  });

  it('refuses a database migrated by a newer napkin, naming both versions', async () => {
    await migratePg(pool());
    await db.query("INSERT INTO schema_migrations VALUES (99, 'future', 0)");
    await expect(migratePg(pool(), PG_MIGRATIONS)).rejects.toThrow(
      'the database has schema version 99, newer than this napkin knows (1); upgrade napkin',
    );
  });
});

describe('two replicas on one database', () => {
  beforeEach(async () => {
    await migratePg(pool());
  });

  it('number 20 turns racing in one thread 1…20, each once', async () => {
    const [a, b] = [pgThreads(pool(), db.url), pgThreads(pool(), db.url)];
    const ns = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a).applyTurn(key, { variant: `gpt2 seq=${i}` }, 'U', T0 + i)),
    );
    expect([...ns].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const state = await a.thread(key);
    expect(state?.variants.map((v) => v.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Every variant's number matches the turn that wrote it.
    expect(state?.variants.every((v) => ns[Number(v.input.split('=')[1])] === v.n)).toBe(true);
  });

  it('share one rate limit per user: 3 per minute across both, then the wait until the first expires', async () => {
    let now = T0;
    const [a, b] = [pgShared(pool(), () => now, 'A'), pgShared(pool(), () => now, 'B')];
    const [la, lb] = [a.limiter(3, 60_000), b.limiter(3, 60_000)];
    const taken = [];
    for (let i = 0; i < 4; i++) {
      taken.push(await (i % 2 ? lb : la).take('slack:U1'));
      now += 1000;
    }
    expect(taken).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterMs: 57_000 }]);
    expect(await la.take('slack:U2')).toEqual({ ok: true });
    now = T0 + 60_001;
    expect(await lb.take('slack:U1')).toEqual({ ok: true });
  });

  it('answer an event once: a claim holds for a short lease, so a retry after the claimant died is answered', async () => {
    let now = T0;
    const [a, b] = [pgShared(pool(), () => now, 'A'), pgShared(pool(), () => now, 'B')];
    expect(await a.events.claim('slack:Ev1')).toBe(true);
    expect(await b.events.claim('slack:Ev1')).toBe(false);
    await a.events.done('slack:Ev1');
    now += EVENT_LEASE_MS + 1;
    expect(await b.events.claim('slack:Ev1')).toBe(false);
    // A claims Ev2 and dies before answering: within the lease B leaves it, after the lease B answers it.
    expect(await a.events.claim('slack:Ev2')).toBe(true);
    now += EVENT_LEASE_MS - 1;
    expect(await b.events.claim('slack:Ev2')).toBe(false);
    now += 2;
    expect(await b.events.claim('slack:Ev2')).toBe(true);
    await b.events.done('slack:Ev2');
    expect(await a.events.claim('slack:Ev2')).toBe(false);
  });

  it("share each user's last spec, so explain on one replica substitutes what was estimated on the other", async () => {
    const [a, b] = [pgShared(pool(), () => T0, 'A'), pgShared(pool(), () => T0, 'B')];
    await a.lastSpecs.remember('slack:U1', { kind: 'estimate', input: 'llama-2-7b bf16' });
    await a.lastSpecs.remember('slack:U1', { kind: 'error', input: 'nonsense' });
    expect(await b.lastSpecs.get('slack:U1')).toBe('llama-2-7b bf16');
    expect(await b.lastSpecs.get('slack:U2')).toBeUndefined();
  });

  it('sweeps expired rate windows, event claims after an hour, and last specs past the retention', async () => {
    let now = T0;
    const s = pgShared(pool(), () => now, 'A');
    await s.limiter(3, 10_000).take('slack:U1');
    await s.events.claim('slack:Ev1');
    await s.lastSpecs.remember('slack:U1', { kind: 'estimate', input: 'gpt2' });
    const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    now = T0 + 10_001;
    expect(await s.sweep(T0 - DAY)).toBe(1);
    expect([await count('rate_windows'), await count('event_claims'), await count('last_specs')]).toEqual([0, 1, 1]);
    now = T0 + 3_600_001;
    expect(await s.sweep(T0 + 1)).toBe(2);
    expect([await count('rate_windows'), await count('event_claims'), await count('last_specs')]).toEqual([0, 0, 0]);
  });
});

describe('opening the configured store', () => {
  const config = (url: string) => ({ databaseUrl: url, db: '/nonexistent/napkin.db', retentionDays: 2 });

  it('NAPKIN_DATABASE_URL wins over NAPKIN_DB; threads idle past the retention are pruned at start', async () => {
    const first = await openConfiguredStore(config(db.url), { report: (e) => expect.fail(String(e)), now: () => T0 });
    expect(first.repository.name).toBe(
      `PostgreSQL napkin@127.0.0.1:${new URL(db.url).port}${new URL(db.url).pathname}`,
    );
    expect(first.repository.name).not.toContain('napkin-test-password');
    await first.repository.startThread(key, 'gpt2', 'U1', T0);
    await first.repository.startThread({ ...key, thread: 't2' }, 'gpt2', 'U1', T0 + 2 * DAY);
    await first.repository.close();
    const again = await openConfiguredStore(config(db.url), {
      report: (e) => expect.fail(String(e)),
      now: () => T0 + 2.5 * DAY,
    });
    await expect.poll(() => again.repository.thread(key)).toBeUndefined();
    expect(await again.repository.thread({ ...key, thread: 't2' })).toBeDefined();
    await again.repository.close();
  });

  it('a server that cannot be reached at start is named, without its password', async () => {
    const url = `postgres://napkin:s3cret-pw@127.0.0.1:${await freePort()}/napkin`;
    const err = await openConfiguredStore(config(url), { report: () => undefined }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^could not open NAPKIN_DATABASE_URL \(PostgreSQL napkin@127\.0\.0\.1:\d+\/napkin\): the database server cannot be reached \(/,
    );
    expect((err as Error).message).not.toContain('s3cret-pw');
  });
});

describe('while the server is away', () => {
  it('thread operations fail with words a user can read', async () => {
    const url = `postgres://napkin:pw@127.0.0.1:${await freePort()}/napkin`;
    const r = pgThreads(openPool(url), url);
    const err = await r.thread(key).catch((e: unknown) => e);
    expect(r.describeFailure(err)).toBe('the database server cannot be reached');
    await r.close();
    expect(pgFailure(Object.assign(new Error('x'), { code: '25006' }))).toBe('the database is read-only');
    expect(describeUrl('postgresql://ana:pw@db.internal/napkin')).toBe('PostgreSQL ana@db.internal:5432/napkin');
  });

  it("rate limits and de-duplication fall back to the process's memory, logged once, and come back", async () => {
    const url = `postgres://napkin:pw@127.0.0.1:${await freePort()}/napkin`;
    let now = T0;
    const logs: string[] = [];
    const dead = pgShared(openPool(url), () => now, 'A');
    let target = dead;
    await migratePg(pool());
    const alive = pgShared(pool(), () => now, 'A');
    const shared = withFallback(
      {
        limiter: { take: (u) => target.limiter(2, 60_000).take(u) },
        events: { claim: (id) => target.events.claim(id), done: (id) => target.events.done(id) },
        lastSpecs: { get: (u) => target.lastSpecs.get(u), remember: (u, r) => target.lastSpecs.remember(u, r) },
      },
      { rateLimit: { limit: 2, windowMs: 60_000 }, log: (l) => logs.push(l), now: () => now },
    );
    const takes = [await shared.limiter.take('U1'), await shared.limiter.take('U1'), await shared.limiter.take('U1')];
    expect(takes.map((t) => t.ok)).toEqual([true, true, false]);
    expect([await shared.events.claim('Ev1'), await shared.events.claim('Ev1')]).toEqual([true, false]);
    expect(logs).toEqual([
      expect.stringMatching(
        /^napkin: shared store unreachable \(connect ECONNREFUSED 127\.0\.0\.1:\d+\): rate limits and de-duplication use this process's memory until it returns$/,
      ),
    ]);
    target = alive;
    now += 5001;
    expect(await shared.events.claim('Ev2')).toBe(true);
    expect(logs.at(-1)).toBe('napkin: shared store reachable again: rate limits and de-duplication are shared again');
    expect(Number((await db.query('SELECT count(*) AS n FROM event_claims')).rows[0].n)).toBe(1);
  });
});
