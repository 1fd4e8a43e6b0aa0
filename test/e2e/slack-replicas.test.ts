// Two Slack replicas behind a round robin, as on two hosts: each `node bin/napkin.js` with its own SQLite
// file, both on one PostgreSQL server (NAPKIN_DATABASE_URL wins). They start together on an empty database,
// carry one thread between them, answer a retry sent to the other replica once, lose no answered turn when
// one is SIGKILLed mid-burst, and ride out a restart of the database server.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/spawn.js';
import { reap } from '../hardening/bot-process.js';
import { PG_PASSWORD, type PgServer, startPgServer } from '../pg/server.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { mention, slashCommand } from '../slack/payloads.js';
import { postJson } from '../slack/signed.js';
import { form, type Replica, replica, signedPost } from './slack-replica.js';

let server: PgServer;
let fake: FakeSlack;
let db: pg.Pool;
let a: Replica;
let b: Replica;
const FORM = 'application/x-www-form-urlencoded';
const json = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  ensureBuilt();
  // A server of this file's own, which it stops and starts again.
  server = await startPgServer();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE napkin');
  await admin.end();
  db = new pg.Pool({ connectionString: server.url('napkin'), max: 2 });
  db.on('error', () => undefined);
  fake = await FakeSlack.start();
  [a, b] = await Promise.all([replica('A', fake, server.url('napkin')), replica('B', fake, server.url('napkin'))]);
}, 120_000);

afterAll(async () => {
  reap([a?.bot, b?.bot].filter(Boolean));
  await db?.end();
  await fake?.close();
  await server?.destroy();
}, 60_000);

const slash = (r: Replica, text: string, channel: string, over: Record<string, string> = {}) =>
  signedPost(r.events, form(slashCommand(text, { responseOrigin: fake.origin, channel_id: channel, ...over })), FORM);
const say = (r: Replica, text: string, channel: string, thread_ts?: string, user?: string) =>
  postJson(r.events, mention(text, { channel, thread_ts, user }));
const topLevel = async (channel: string) =>
  (await fake.waitFor('chat.postMessage', (x) => x.channel === channel && !x.thread_ts, 30_000)).response!.ts as string;
const inThread = (ts: string, text: string) =>
  fake.waitFor('chat.postMessage', (x) => x.thread_ts === ts && json(x).includes(text), 30_000);
const variants = async (channel: string, thread: string) =>
  (
    await db.query(
      'SELECT v.n, v.input FROM variants v JOIN threads t ON t.id = v.thread_id WHERE t.channel = $1 AND t.thread = $2 ORDER BY v.n',
      [channel, thread],
    )
  ).rows as { n: number; input: string }[];

describe('two Slack replicas on one PostgreSQL', { timeout: 90_000 }, () => {
  it('start together on an empty database: the schema is applied once, each says where threads live', async () => {
    await Promise.all([a.start(), b.start()]);
    const versions = await db.query('SELECT version FROM schema_migrations');
    expect(versions.rows).toEqual([{ version: 1 }]);
    for (const r of [a, b]) {
      expect(r.bot.output()).toContain(`; threads in PostgreSQL napkin@127.0.0.1:${server.port}/napkin`);
      expect(r.bot.output()).not.toContain(PG_PASSWORD);
    }
  });

  it('carry one thread between them: base on A, a variant on B, explain on A, history on B', async () => {
    await slash(a, 'llama-2-7b bf16', 'C0RR', { user_id: 'U0ANA' });
    const ts = await topLevel('C0RR');
    await say(b, 'L=40', 'C0RR', ts);
    await inThread(ts, 'L=40 vs base #1');
    // A answered the base itself; only the shared last spec knows that B's variant came after it.
    await postJson(a.events, mention('explain params', { channel: 'C0RR', thread_ts: ts }));
    const explained = await inThread(ts, 'explain params');
    expect(json(explained.body)).toContain('Numbers from the last spec');
    expect(json(explained.body)).toContain('L=40');
    await say(b, 'history', 'C0RR', ts);
    const history = await inThread(ts, 'Thread history');
    expect(json(history.body)).toContain('#2 #1 + L=40');
    expect((await variants('C0RR', ts)).map((v) => v.n)).toEqual([1, 2]);
  });

  it('answer a retry sent to the other replica once, and a slash command replayed to both once', async () => {
    const event = mention('help', { channel: 'C0RETRY' });
    const body = json(event);
    await signedPost(a.events, body, 'application/json');
    await signedPost(b.events, body, 'application/json', {
      'X-Slack-Retry-Num': '1',
      'X-Slack-Retry-Reason': 'http_timeout',
    });
    const command = form(slashCommand('help', { responseOrigin: fake.origin, channel_id: 'C0REPLAY' }));
    await signedPost(a.events, command, FORM);
    await signedPost(b.events, command, FORM);
    await fake.waitFor('chat.postMessage', (x) => x.channel === 'C0RETRY');
    await fake.waitFor('chat.postMessage', (x) => x.channel === 'C0REPLAY');
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0RETRY')).toHaveLength(1);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0REPLAY')).toHaveLength(1);
  });

  it('lose no answered turn when one replica is SIGKILLed mid-burst', async () => {
    await slash(b, 'llama-2-7b bf16', 'C0BURST');
    const ts = await topLevel('C0BURST');
    const answered = () =>
      fake
        .callsOf('chat.postMessage')
        .filter((c) => c.status === 200 && c.body.thread_ts === ts)
        .map((c) => /seq=(\d+) vs base #1/.exec(json(c.body))?.[1])
        .filter((x): x is string => x !== undefined);
    const sends: Promise<unknown>[] = [];
    const burst = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const text = `seq=${1024 + i}`;
        // The load balancer sends to the other replica when one does not take the request.
        const first = i % 2 ? b : a;
        // One user each: the shared rate limit (10 per 10 s per user) is not what this test is about.
        const user = `U0BURST${i}`;
        sends.push(
          say(first, text, 'C0BURST', ts, user).catch(() => say(first === a ? b : a, text, 'C0BURST', ts, user)),
        );
      }
    };
    burst(0, 16);
    // A dies with answers of the burst still in its hands.
    await expect.poll(() => answered().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    a.bot.child.kill('SIGKILL');
    burst(16, 24);
    await Promise.allSettled(sends);
    // B answers everything sent to it; what A took and died with is lost with A (Slack does not resend an
    // acknowledged event), never half-stored.
    await expect.poll(() => answered().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
    await new Promise((r) => setTimeout(r, 2000));
    const stored = await variants('C0BURST', ts);
    const storedSeqs = new Set(stored.map((v) => /seq=(\d+)$/.exec(v.input)?.[1]));
    expect(answered().length).toBeGreaterThan(6);
    // Every answer posted is in the database, and the numbers have no gaps or repeats.
    expect(answered().filter((s) => !storedSeqs.has(s))).toEqual([]);
    expect(stored.map((v) => v.n)).toEqual(stored.map((_, i) => i + 1));
    await a.start();
  }, 150_000);

  it('ride out a database restart: say so plainly meanwhile, then reconnect and store again', async () => {
    await slash(a, 'llama-2-7b bf16', 'C0PGR');
    const ts = await topLevel('C0PGR');
    await server.stop();
    await say(b, 'L=48', 'C0PGR', ts);
    const told = await fake.waitFor('chat.postEphemeral', (x) => x.channel === 'C0PGR', 30_000);
    expect(told.body.text).toBe(
      'napkin cannot read this thread right now (the database server cannot be reached). Please ask again in a moment.',
    );
    await slash(a, 'gpt2', 'C0PGR2');
    const unkept = await fake.waitFor('chat.postMessage', (x) => x.channel === 'C0PGR2', 30_000);
    expect(json(unkept.body)).toContain(
      "This answer could not be kept as a thread's base (the database server cannot be reached)",
    );
    await b.bot.printed('napkin: shared store unreachable');
    await server.start();
    await say(a, 'L=48', 'C0PGR', ts);
    await inThread(ts, 'L=48 vs base #1');
    expect((await variants('C0PGR', ts)).map((v) => v.input.split('\u001f').at(-1))).toEqual([
      'llama-2-7b bf16',
      'L=48',
    ]);
  });
});
