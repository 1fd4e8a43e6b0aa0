// kill -9 in the middle of a burst of thread writes, three times over: each time the database opens,
// passes SQLite's integrity check, and holds the variant of every answer the process had completed
// (at most one more: an answer whose commit landed just before the kill, before it said so).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { segments } from '../../src/commands/thread-chain.js';
import { openStore } from '../../src/store/open.js';
import { buildChild, runChild } from './child.js';

const VARIANTS = ['L=40', 'zero3 16xH100', 'seq=8192', 'batch=2', 'L=48', 'seq=2048'];
const key = { platform: 'slack', channel: 'C1', thread: 'T1' };
const open = (path: string) =>
  openStore({
    path,
    retentionDays: 90,
    report: (err) => {
      throw err;
    },
  }).repository;
let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-crash-'));
  child = await buildChild('crash');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(child, { force: true });
});

/** Run a burst and SIGKILL it after `after` completed answers; resolves with what it reported. */
function burstThenKill(path: string, after: number): Promise<{ done: string[]; signal: string | null }> {
  const proc = runChild(child, ['burst', path, key.thread, '100000']);
  const done: string[] = [];
  let rest = '';
  proc.stdout!.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    done.push(...lines.filter((l) => l.startsWith('done ')));
    if (done.length >= after) proc.kill('SIGKILL');
  });
  return new Promise((resolve) => proc.on('close', (_code, signal) => resolve({ done, signal })));
}

it('survives kill -9 during writes with every completed answer stored', async () => {
  const path = join(dir, 'napkin.db');
  for (let round = 0; round < 3; round++) {
    const before = await (async () => {
      const s = open(path);
      const n = (await s.thread(key))?.variants.length ?? 1; // the first round's child stores the base first
      await s.close();
      return n;
    })();
    const { done, signal } = await burstThenKill(path, 15 + Math.floor(Math.random() * 20));
    expect(signal).toBe('SIGKILL');
    expect(done.every((l) => l.endsWith(' saved'))).toBe(true);

    const raw = new Database(path);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();

    const s = open(path);
    const added = (await s.thread(key))!.variants.slice(before);
    await s.close();
    expect(added.length === done.length || added.length === done.length + 1).toBe(true);
    expect(added.map((v) => segments(v.input).at(-1))).toEqual(added.map((_, j) => VARIANTS[j % VARIANTS.length]));
  }
});
