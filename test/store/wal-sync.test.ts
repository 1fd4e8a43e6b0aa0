// The thread store's commits reach the disk off the event loop: with synchronous = NORMAL each commit is
// on the OS's side at once (kill -9 safe, see crash.test.ts), and the -wal file is fsynced from the
// thread pool within WAL_SYNC_MS of a burst of commits, once per burst.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsyncPath, WAL_SYNC_MS } from '../../src/store/wal-sync.js';
import { openThreads } from '../threads/threads.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-wal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const key = (thread: string) => ({ platform: 'slack', channel: 'C1', thread });

/** A store on a file whose WAL syncs are recorded (and really done). */
function store(path: string, errors: unknown[] = []) {
  const synced: string[] = [];
  const s = openThreads({
    path,
    retentionDays: 90,
    report: (err) => errors.push(err),
    syncWal: async (p) => {
      synced.push(p);
      await fsyncPath(p);
    },
  });
  return { s, synced };
}

describe('WAL sync after commits', () => {
  it('syncs the -wal file once per burst of commits, after the commits and not during them', async () => {
    const path = join(dir, 'napkin.db');
    const errors: unknown[] = [];
    const { s, synced } = store(path, errors);
    await s.setBase(key('1.0001'), 'llama-2-7b', 'U1');
    await s.setBase(key('1.0002'), 'gpt2', 'U1');
    await s.answer(key('1.0001'), 'L=40', 'U2');
    expect(synced).toEqual([]);
    await sleep(WAL_SYNC_MS + 150);
    expect(synced).toEqual([`${path}-wal`]);
    expect(existsSync(`${path}-wal`)).toBe(true);
    // A later commit is a new burst.
    await s.setBase(key('1.0003'), 'mistral-7b', 'U3');
    await sleep(WAL_SYNC_MS + 150);
    expect(synced).toHaveLength(2);
    expect(errors).toEqual([]);
    await s.close();
  });

  it('does not sync after a turn that changed nothing', async () => {
    const { s, synced } = store(join(dir, 'napkin.db'));
    await s.setBase(key('2.0001'), 'llama-2-7b', 'U1');
    await sleep(WAL_SYNC_MS + 150);
    expect(synced).toHaveLength(1);
    // `history` writes nothing.
    await s.answer(key('2.0001'), 'history', 'U1');
    await sleep(WAL_SYNC_MS + 150);
    expect(synced).toHaveLength(1);
    await s.close();
  });

  it('runs a pending sync at close instead of leaving it on a timer, and keeps every thread', async () => {
    const path = join(dir, 'napkin.db');
    const { s, synced } = store(path);
    await s.setBase(key('3.0001'), 'llama-2-7b', 'U1');
    await s.close();
    await sleep(WAL_SYNC_MS + 150);
    // Closed before the timer: the async sync never ran (close synced in place), and nothing was lost.
    expect(synced).toEqual([]);
    const again = store(path).s;
    expect(await again.state(key('3.0001'))).toBeDefined();
    await again.close();
  });

  it('never syncs an in-memory store', async () => {
    const synced: string[] = [];
    const s = openThreads({
      path: ':memory:',
      retentionDays: 90,
      syncWal: async (p) => {
        synced.push(p);
      },
    });
    await s.setBase(key('4.0001'), 'gpt2', 'U1');
    await sleep(WAL_SYNC_MS + 150);
    expect(synced).toEqual([]);
    await s.close();
  });

  it('fsyncs a real file, and reports a missing one as ENOENT', async () => {
    const { s } = store(join(dir, 'napkin.db'));
    await s.setBase(key('5.0001'), 'gpt2', 'U1');
    await expect(fsyncPath(join(dir, 'napkin.db-wal'))).resolves.toBeUndefined();
    await expect(fsyncPath(join(dir, 'absent-wal'))).rejects.toMatchObject({ code: 'ENOENT' });
    await s.close();
  });
});
