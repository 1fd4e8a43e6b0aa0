// The thread repository's contract, run against every implementation (the in-memory map, the SQLite file
// and a real PostgreSQL server): threads keyed by platform, channel and thread, variants numbered per
// thread, a turn's details kept, a base kept before its answer is posted and named after, retention. Then
// what only a file can show: two connections numbering one thread, a reopen, a schema migrated in place,
// and the fallback when it cannot be opened.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThreadKey } from '../../src/model/thread.js';
import { appliedVersions, migrate, openDb } from '../../src/store/db.js';
import { memoryRepository } from '../../src/store/memory.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open.js';
import type { ThreadRepository } from '../../src/store/repository.js';
import { sqliteFailure, sqliteRepository } from '../../src/store/sqlite.js';
import { migratePg } from '../../src/store/postgres/migrate.js';
import { openPool } from '../../src/store/postgres/pool.js';
import { pgThreads } from '../../src/store/postgres/threads.js';
import { freshDatabase, type TestDatabase } from '../pg/database.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const key: ThreadKey = { platform: 'discord', channel: 'c1', thread: 't1' };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-repo-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const fail = (err: unknown) => {
  throw err;
};
let pgdb: TestDatabase;
beforeAll(async () => {
  pgdb = await freshDatabase();
  const pool = openPool(pgdb.url);
  await migratePg(pool);
  await pool.end();
});
afterAll(() => pgdb.drop());

const IMPLEMENTATIONS: [string, () => Promise<ThreadRepository>][] = [
  ['memory', async () => memoryRepository()],
  ['SQLite', async () => sqliteRepository(openDb(join(dir, 'napkin.db')), { report: fail })],
  [
    'PostgreSQL',
    async () => {
      await pgdb.query('TRUNCATE threads CASCADE');
      return pgThreads(openPool(pgdb.url), pgdb.url);
    },
  ],
];

describe.each(IMPLEMENTATIONS)('%s repository', (_name, make) => {
  let r: ThreadRepository;
  beforeEach(async () => {
    r = await make();
  });
  afterEach(() => r.close());

  it('starts a thread once, with its base as variant #1, keyed by platform, channel and thread', async () => {
    expect(await r.startThread(key, 'llama-2-7b bf16', 'U1', T0)).toBe(true);
    expect(await r.startThread(key, 'gpt2', 'U2', T0 + 1)).toBe(false);
    expect(await r.thread(key)).toEqual({
      base: 'llama-2-7b bf16',
      variants: [{ n: 1, input: 'llama-2-7b bf16', at: T0, user: 'U1' }],
    });
    expect(await r.thread({ ...key, platform: 'slack' })).toBeUndefined();
    expect(await r.thread({ ...key, channel: 'c2' })).toBeUndefined();
    expect(await r.thread({ ...key, thread: 't2' })).toBeUndefined();
  });

  it('keeps any platform name: a new chat platform needs no migration', async () => {
    const matrix = { ...key, platform: 'matrix' };
    await r.startThread(matrix, 'gpt2', '@ana:example.org', T0);
    expect((await r.thread(matrix))?.variants[0].user).toBe('@ana:example.org');
  });

  it('numbers variants 1, 2, 3 in order; a base change alone adds none', async () => {
    expect(await r.applyTurn(key, { base: 'gpt2', variant: 'gpt2' }, 'U1', T0)).toBe(1);
    expect(await r.applyTurn(key, { variant: 'gpt2\u001fL=24' }, 'U2', T0 + 1)).toBe(2);
    expect(await r.applyTurn(key, { base: 'gpt2\u001fL=24' }, 'U3', T0 + 2)).toBeNull();
    expect(await r.applyTurn(key, { variant: 'gpt2\u001fL=24\u001fseq=2048' }, 'U3', T0 + 3)).toBe(3);
    const t = await r.thread(key);
    expect(t?.base).toBe('gpt2\u001fL=24');
    expect(t?.variants.map((v) => [v.n, v.user])).toEqual([
      [1, 'U1'],
      [2, 'U2'],
      [3, 'U3'],
    ]);
    expect(await r.applyTurn(key, {}, 'U4', T0 + 4)).toBeNull();
  });

  it('keeps what a turn answered with its variant, for a Details button', async () => {
    await r.startThread(key, 'gpt2', 'U1', T0);
    const n = await r.applyTurn(key, { variant: 'gpt2\u001fL=24', details: '{"kind":"compare"}' }, 'U2', T0 + 1);
    expect(await r.turn(key, n!)).toEqual({
      n: 2,
      input: 'gpt2\u001fL=24',
      at: T0 + 1,
      user: 'U2',
      details: '{"kind":"compare"}',
    });
    expect((await r.turn(key, 1))?.details).toBeNull();
    expect(await r.turn(key, 3)).toBeUndefined();
  });

  it('keeps a base under a pending name before its answer is posted, then names it after the posted message', async () => {
    const pending = { ...key, thread: 'pending:aa' };
    await r.startThread(pending, 'gpt2', 'U1', T0);
    expect(await r.bindThread(pending, 't9')).toBe(true);
    expect(await r.thread(pending)).toBeUndefined();
    expect(await r.thread({ ...key, thread: 't9' })).toEqual({
      base: 'gpt2',
      variants: [{ n: 1, input: 'gpt2', at: T0, user: 'U1' }],
    });
    // Not posted where a thread can follow (an ephemeral answer): the pending row goes.
    await r.startThread({ ...key, thread: 'pending:bb' }, 'gpt2', 'U1', T0);
    expect(await r.bindThread({ ...key, thread: 'pending:bb' }, null)).toBe(false);
    expect(await r.thread({ ...key, thread: 'pending:bb' })).toBeUndefined();
    // A thread already kept under that message stays as it is; the pending one goes.
    await r.startThread({ ...key, thread: 'pending:cc' }, 'llama-2-7b', 'U2', T0);
    expect(await r.bindThread({ ...key, thread: 'pending:cc' }, 't9')).toBe(false);
    expect((await r.thread({ ...key, thread: 't9' }))?.base).toBe('gpt2');
    expect(await r.thread({ ...key, thread: 'pending:cc' })).toBeUndefined();
  });

  it('adopts, on the first reply, the newest pending base of that channel written up to a minute before the thread', async () => {
    await r.startThread({ ...key, thread: 'pending:old' }, 'gpt2', 'U1', T0 - 120_000);
    await r.startThread({ ...key, thread: 'pending:near' }, 'llama-2-7b', 'U1', T0 - 2000);
    await r.startThread({ ...key, channel: 'c2', thread: 'pending:other' }, 'gpt2-xl', 'U1', T0 - 1000);
    const t = { ...key, thread: '1767225600.000100' };
    expect(await r.adoptPending(t, T0, 60_000)).toBe(true);
    expect((await r.thread(t))?.base).toBe('llama-2-7b');
    // Once the thread exists nothing more is adopted; one written too long before is never taken.
    expect(await r.adoptPending(t, T0, 60_000)).toBe(false);
    expect(await r.adoptPending({ ...key, thread: 'x' }, T0, 60_000)).toBe(false);
    expect((await r.thread({ ...key, thread: 'pending:old' }))?.base).toBe('gpt2');
  });

  it('prunes threads idle since before the cutoff, counting from their last activity', async () => {
    await r.startThread(key, 'gpt2', 'U1', T0);
    await r.startThread({ ...key, thread: 't2' }, 'gpt2', 'U1', T0);
    await r.applyTurn({ ...key, thread: 't2' }, { variant: 'gpt2\u001fL=24' }, 'U1', T0 + 2 * DAY);
    expect(await r.prune(T0 + DAY)).toBe(1);
    expect(await r.thread(key)).toBeUndefined();
    expect((await r.thread({ ...key, thread: 't2' }))?.variants).toHaveLength(2);
  });
});

describe('SQLite file', () => {
  it('numbers without gaps or clashes when two connections (shards) write one thread', async () => {
    const path = join(dir, 'napkin.db');
    const [a, b] = [openDb(path), openDb(path)].map((db) => sqliteRepository(db, { report: fail }));
    for (let i = 0; i < 10; i++) await (i % 2 ? b : a).applyTurn(key, { variant: `gpt2 seq=${1000 + i}` }, 'U', T0);
    expect((await a.thread(key))?.variants.map((v) => v.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await a.close();
    await b.close();
  });

  it('keeps everything across close and reopen; a second close is a no-op', async () => {
    const path = join(dir, 'napkin.db');
    const s = sqliteRepository(openDb(path), { report: fail });
    await s.startThread(key, 'gpt2', 'U1', T0);
    await s.applyTurn(key, { base: 'gpt2-medium', variant: 'gpt2-medium' }, 'U2', T0);
    const before = await s.thread(key);
    await s.close();
    await s.close();
    const again = sqliteRepository(openDb(path), { report: fail });
    expect(await again.thread(key)).toEqual(before);
    expect(again.name).toBe(`SQLite ${path}`);
    await again.close();
  });

  it('migrates a version-1 file in place: rows kept, any platform name accepted after', async () => {
    const path = join(dir, 'napkin.db');
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 1));
    expect(() => old.prepare("INSERT INTO threads VALUES (9, 'matrix', 'c', 't', 'gpt2', 0, 0)").run()).toThrow(
      /CHECK constraint failed/,
    );
    old.prepare("INSERT INTO threads VALUES (1, 'slack', 'C1', '1.0001', 'gpt2', ?, ?)").run(T0, T0);
    old.prepare("INSERT INTO variants VALUES (1, 1, 'gpt2', ?, 'U1')").run(T0);
    old.close();
    const db = openDb(path);
    expect(appliedVersions(db)).toEqual([1, 2]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const s = sqliteRepository(db, { report: fail });
    const slack = { platform: 'slack', channel: 'C1', thread: '1.0001' };
    expect(await s.thread(slack)).toEqual({ base: 'gpt2', variants: [{ n: 1, input: 'gpt2', at: T0, user: 'U1' }] });
    expect(await s.startThread({ ...slack, platform: 'matrix' }, 'gpt2', 'U2', T0)).toBe(true);
    // Deleting a thread still takes its variants with it (the foreign key survived the rebuild).
    expect(await s.prune(T0 + 1)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM variants').pluck().get()).toBe(0);
    await s.close();
  });

  it('names the cause a user can act on, from SQLite error codes', () => {
    const why = (code: string) => sqliteFailure(Object.assign(new Error('x'), { code }));
    expect(why('SQLITE_READONLY')).toBe('the database is read-only');
    expect(why('SQLITE_READONLY_DIRECTORY')).toBe('the database is read-only');
    expect(why('SQLITE_FULL')).toBe('the disk is full');
    expect(why('SQLITE_BUSY')).toBe('the database is locked');
    expect(why('SQLITE_IOERR_WRITE')).toBe('the database could not be written');
  });
});

describe('opening the configured store', () => {
  it('prunes threads idle longer than the retention at start and then daily', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const path = join(dir, 'napkin.db');
    let now = T0;
    const first = openStore({ path, retentionDays: 2, now: () => now, report: fail }).repository;
    await first.startThread(key, 'gpt2', 'U1', T0);
    await first.startThread({ ...key, thread: 't2' }, 'gpt2', 'U1', T0 + 2 * DAY);
    await first.close();
    now = T0 + 2.5 * DAY;
    const s = openStore({ path, retentionDays: 2, now: () => now, report: fail }).repository;
    expect(await s.thread(key)).toBeUndefined();
    expect(await s.thread({ ...key, thread: 't2' })).toBeDefined();
    now = T0 + 4.5 * DAY;
    vi.advanceTimersByTime(DAY);
    expect(await s.thread({ ...key, thread: 't2' })).toBeUndefined();
    await s.close();
  });

  it('a path that cannot be opened falls back to memory, says why, and reports it once', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const errors: unknown[] = [];
    const opened = openStore({
      path: join(dir, 'a-file', 'napkin.db'),
      retentionDays: 90,
      report: (e) => errors.push(e),
    });
    expect(errors).toHaveLength(1);
    expect((errors[0] as { code: string }).code).toBe('EEXIST');
    expect(opened.problem).toBe('the database could not be written');
    expect(opened.repository.name).toBe('memory');
    await opened.repository.startThread(key, 'gpt2', 'U1', T0);
    expect((await opened.repository.thread(key))?.base).toBe('gpt2');
    await opened.repository.close();
  });
});
