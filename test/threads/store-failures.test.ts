// When the thread store cannot be written, the user still gets the answer, with a note that the
// thread's history could not be saved; nothing throws and nothing half-written remains.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unsavedNote } from '../../src/conversation/notes.js';
import { openDb } from '../../src/store/db.js';
import { sqliteFailure, sqliteRepository } from '../../src/store/sqlite.js';
import { buildChild, runToEnd } from '../store/child.js';
import { openThreads, threadsOver } from './threads.js';

const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';
const key = { platform: 'slack' as const, channel: 'C1', thread: 'T1' };
const READ_ONLY = unsavedNote(sqliteFailure({ code: 'SQLITE_READONLY' }));
const quiet = { retentionDays: 90 };
/** The conversation over an SQLite database opened by the test; store errors are collected. */
const over = (db: Database.Database) => {
  const errors: unknown[] = [];
  return { errors, ...threadsOver(sqliteRepository(db, { report: (e) => errors.push(e) })) };
};
let dir: string;
let path: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-fail-'));
  path = join(dir, 'napkin.db');
  const s = openThreads({ path, ...quiet });
  await s.answer(key, BASE, 'U1');
  await s.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const variantsIn = (p: string) => {
  const db = new Database(p, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM variants').pluck().get();
  db.close();
  return n;
};

describe('in process', () => {
  it('corrupt file: the thread carries on in memory, every turn with the note', async () => {
    // A second thread fills pages past the first ones; then everything after the schema page is overwritten.
    const setup = openThreads({ path, ...quiet });
    for (let i = 0; i < 40; i++) await setup.answer({ ...key, thread: `F${i}` }, `${BASE} seq=${1024 + i}`, 'U1');
    await setup.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, pageSize), Buffer.alloc(bytes.length - pageSize, 0xa5)]));
    const s = openThreads({ path, ...quiet });
    const replies = [];
    for (const text of [BASE, 'L=40', 'history']) replies.push(await s.answer({ ...key, thread: 'T9' }, text, 'U2'));
    await s.close();
    expect(replies.map((r) => r.kind)).toEqual(['estimate', 'compare', 'history']);
    expect(replies[1].title).toBe('L=40 vs base #1');
    const note = (why: string) =>
      `This thread's history could not be saved (${why}); napkin keeps it only until it restarts.`;
    for (const r of replies) expect(r.notes.at(-1)).toBe(note('the database file is damaged'));
  });

  it('read-only database: the comparison is answered from the stored base, with the note', async () => {
    const s = over(new Database(path, { readonly: true }));
    const r = await s.answer(key, 'L=40', 'U2');
    await s.close();
    expect(r.kind).toBe('compare');
    expect(r.estimates!.map((e) => e.params.total)).toEqual([6_738_415_616, 8_357_482_496]);
    expect(r.notes.at(-1)).toBe(READ_ONLY);
    // The operator's log names the failure once; the user reads the note.
    expect(s.logs).toEqual([expect.stringMatching(/^napkin: thread store: attempt to write a readonly database/)]);
    expect(variantsIn(path)).toBe(1);
  });

  it('full disk: the answer goes out with the note, and the failed transaction leaves nothing', async () => {
    const db = openDb(path);
    const s = over(db);
    // Cap the file at its current size and fill the free space where the next variant goes (after this
    // thread's last one), as a full disk would: any write that needs a new page fails.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const fill = db.prepare("INSERT INTO variants (thread_id, n, at, input, user) VALUES (1, ?, 0, ?, 'U')");
    let n = 1000;
    for (const size of [1000, 100, 10, 1]) {
      expect(() => {
        for (;;) fill.run(n++, 'x'.repeat(size));
      }).toThrow(/full/);
    }
    const before = (await s.state(key))!.variants.length;
    const r = await s.answer(key, 'zero3 16xH100', 'U2');
    expect(r.kind).toBe('compare');
    expect(r.notes.at(-1)).toBe(unsavedNote('the disk is full'));
    expect((await s.state(key))!.variants).toHaveLength(before);
    expect(s.logs).toEqual([expect.stringMatching(/^napkin: thread store: database or disk is full/)]);
    await s.close();
  });

  it('locked database: the answer goes out with the note after the busy timeout', async () => {
    const s = openThreads({ path, busyTimeoutMs: 50, ...quiet });
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    const r = await s.answer(key, 'seq=8192', 'U2');
    holder.exec('ROLLBACK');
    holder.close();
    expect(r.kind).toBe('compare');
    expect(r.notes.at(-1)).toBe(unsavedNote('the database is locked'));
    expect(s.logs).toEqual(['napkin: thread store: database is locked']);
    await s.close();
  });
});

// Root ignores file modes, so the bot process runs as another user (nobody) when the tests run as root.
describe('as a process that may not write the file', () => {
  let child: string;
  let runnable = false;
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  beforeAll(async () => {
    child = await buildChild('readonly');
    // A checkout inside a directory only root may enter (e.g. /root) cannot be run by nobody at all.
    const url = JSON.stringify(pathToFileURL(child).href);
    const probe = `process.argv = ['node', 'child', 'probe']; import(${url}).catch(() => process.exit(3));`;
    runnable = spawnSync(process.execPath, ['-e', probe], asUser).status === 0;
  });
  afterAll(() => rmSync(child, { force: true }));

  const askIn = async (thread: string, ...texts: string[]) => {
    const { out, err, code } = await runToEnd(child, ['answer', path, thread, ...texts], asUser);
    expect({ err, code }).toEqual({ err: '', code: 0 });
    return out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; title: string; notes: string[] });
  };
  const ask = (...texts: string[]) => askIn(key.thread, ...texts);
  const KEPT =
    "This thread's history could not be saved (the database is read-only); napkin keeps it only until it restarts.";

  it('read-only file: still answers against the stored base, with the note', async (ctx) => {
    if (!runnable) ctx.skip();
    chmodSync(dir, 0o777);
    chmodSync(path, 0o444);
    const [r, again] = await ask('L=40', 'L=48');
    expect(r.kind).toBe('compare');
    expect(r.title).toBe('L=40 vs base #1');
    expect(r.notes.at(-1)).toBe(KEPT);
    expect(again.title).toBe('L=48 vs base #1');
    expect(again.notes.at(-1)).toBe(KEPT);
    expect(variantsIn(path)).toBe(1);
  });

  it('read-only file: a new thread carries on in memory, every turn against its base and with the note', async (ctx) => {
    if (!runnable) ctx.skip();
    chmodSync(dir, 0o777);
    chmodSync(path, 0o444);
    // Before: the base was lost with the first failed write, and `L=40` had no spec to change.
    const [base, change, history] = await askIn('T2', BASE, 'L=40', 'history');
    expect([base.kind, change.kind, history.kind]).toEqual(['estimate', 'compare', 'history']);
    expect(change.title).toBe('L=40 vs base #1');
    for (const r of [base, change, history]) expect(r.notes.at(-1)).toBe(KEPT);
    expect(variantsIn(path)).toBe(1);
  });

  it('read-only directory: the thread lives in memory for this run, every answer says so', async (ctx) => {
    if (!runnable) ctx.skip();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const [first, second] = await ask(BASE, 'L=40');
    const note =
      "This thread's history could not be saved (the database is read-only); napkin keeps it only until it restarts.";
    expect(first.kind).toBe('estimate');
    expect(first.notes.at(-1)).toBe(note);
    expect(second.kind).toBe('compare');
    expect(second.notes.at(-1)).toBe(note);
    chmodSync(dir, 0o755);
  });
});
