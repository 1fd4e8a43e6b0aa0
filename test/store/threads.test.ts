// The thread store's rows: creation, base changes, variant numbering across connections, retention,
// reopening, and writes that fail without throwing. The conversation itself is in test/threads/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThreadKey } from '../../src/store/thread-service.js';
import { openThreadService, unsavedNote } from '../../src/store/threads.js';

const DAY = 86_400_000;
const key: ThreadKey = { platform: 'discord', channel: 'c1', thread: 't1' };
const T0 = Date.UTC(2026, 0, 1);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-threads-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('thread rows', () => {
  it('setBase creates the thread with the base as variant #1, keyed by platform, channel and thread', async () => {
    const s = openThreadService({ path: ':memory:', retentionDays: 90, now: () => T0 });
    await s.setBase(key, 'llama-2-7b bf16', 'U1');
    expect(s.state(key)).toEqual({
      base: 'llama-2-7b bf16',
      variants: [{ n: 1, input: 'llama-2-7b bf16', at: T0, user: 'U1' }],
    });
    expect(s.has(key)).toBe(true);
    expect(s.has({ ...key, platform: 'slack' })).toBe(false);
    expect(s.has({ ...key, channel: 'c2' })).toBe(false);
    s.close();
  });

  it('setBase: the current base adds nothing, a new spec becomes base and variant, a known one only base', async () => {
    const s = openThreadService({ path: ':memory:', retentionDays: 90 });
    await s.setBase(key, 'gpt2', 'U1');
    await s.setBase(key, 'gpt2', 'U2');
    await s.setBase(key, 'gpt2-xl', 'U2');
    const st = s.state(key)!;
    expect(st.base).toBe('gpt2-xl');
    expect(st.variants.map((v) => [v.n, v.input, v.user])).toEqual([
      [1, 'gpt2', 'U1'],
      [2, 'gpt2-xl', 'U2'],
    ]);
    await s.setBase(key, 'gpt2', 'U3'); // back to #1: the base moves, no duplicate variant
    expect(s.state(key)!.base).toBe('gpt2');
    expect(s.state(key)!.variants).toHaveLength(2);
    s.close();
  });

  it('numbers variants without gaps or clashes when two processes (shards) write one thread', async () => {
    const path = join(dir, 'napkin.db');
    const a = openThreadService({ path, retentionDays: 90 });
    const b = openThreadService({ path, retentionDays: 90 });
    for (let i = 0; i < 10; i++) await (i % 2 ? b : a).setBase(key, `gpt2 seq=${1000 + i}`, `U${i}`);
    expect(a.state(key)!.variants.map((v) => v.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(b.state(key)!.base).toBe('gpt2 seq=1009');
    a.close();
    b.close();
  });

  it('keeps everything across close and reopen', async () => {
    const path = join(dir, 'napkin.db');
    const s = openThreadService({ path, retentionDays: 90, now: () => T0 });
    await s.setBase(key, 'gpt2', 'U1');
    await s.setBase(key, 'gpt2-medium', 'U2');
    const before = s.state(key);
    s.close();
    s.close(); // SIGTERM and the process exit may both close: the second is a no-op
    const again = openThreadService({ path, retentionDays: 90, now: () => T0 + DAY });
    expect(again.state(key)).toEqual(before);
    again.close();
  });
});

describe('retention', () => {
  it('deletes threads idle longer than the retention at start, with their variants', async () => {
    const path = join(dir, 'napkin.db');
    let now = T0;
    const s = openThreadService({ path, retentionDays: 90, now: () => now });
    await s.setBase(key, 'gpt2', 'U1');
    now = T0 + 60 * DAY;
    await s.setBase({ ...key, thread: 't2' }, 'gpt2', 'U1');
    s.close();
    now = T0 + 91 * DAY;
    const later = openThreadService({ path, retentionDays: 90, now: () => now });
    expect(later.has(key)).toBe(false);
    expect(later.has({ ...key, thread: 't2' })).toBe(true);
    later.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM variants').pluck().get()).toBe(1);
    db.close();
  });

  it('prunes again every day while running, counting from the last activity', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = T0;
    const s = openThreadService({ path: ':memory:', retentionDays: 2, now: () => now });
    await s.setBase(key, 'gpt2', 'U1');
    now = T0 + DAY;
    await s.setBase(key, 'gpt2-xl', 'U1'); // activity: the thread's clock restarts
    now = T0 + 2.5 * DAY;
    vi.advanceTimersByTime(DAY);
    expect(s.has(key)).toBe(true);
    now = T0 + 3.5 * DAY;
    vi.advanceTimersByTime(DAY);
    expect(s.has(key)).toBe(false);
    s.close();
  });
});

describe('failures', () => {
  it('a locked database: setBase waits briefly, reports SQLITE_BUSY and does not throw', async () => {
    const path = join(dir, 'napkin.db');
    const errors: unknown[] = [];
    const s = openThreadService({ path, retentionDays: 90, busyTimeoutMs: 50, onError: (e) => errors.push(e) });
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    await expect(s.setBase(key, 'gpt2', 'U1')).resolves.toBeUndefined();
    expect((errors[0] as { code: string }).code).toBe('SQLITE_BUSY');
    holder.exec('ROLLBACK');
    holder.close();
    expect(s.has(key)).toBe(false);
    s.close();
  });

  it('a path that cannot be opened falls back to memory, so the thread still works until a restart', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const errors: unknown[] = [];
    const s = openThreadService({
      path: join(dir, 'a-file', 'napkin.db'),
      retentionDays: 90,
      onError: (e) => errors.push(e),
    });
    expect(errors).toHaveLength(1);
    await s.setBase(key, 'gpt2', 'U1');
    expect(s.state(key)?.base).toBe('gpt2');
    s.close();
  });

  it('names the cause a user can act on', () => {
    const note = (code: string) => unsavedNote(Object.assign(new Error('x'), { code }));
    expect(note('SQLITE_READONLY')).toBe(
      "This thread's history could not be saved (the database is read-only); the answer above is still right.",
    );
    expect(note('SQLITE_READONLY_DIRECTORY')).toContain('(the database is read-only)');
    expect(note('SQLITE_FULL')).toContain('(the disk is full)');
    expect(note('SQLITE_BUSY')).toContain('(the database is locked)');
    expect(note('SQLITE_IOERR_WRITE')).toContain('(the database could not be written)');
  });
});
