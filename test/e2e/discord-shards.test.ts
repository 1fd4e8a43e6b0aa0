// A Discord bot whose shards run on two hosts (`npm start -- --shards 0/2` on one, `--shards 1/2` on the
// other), both on one PostgreSQL: a thread started on one host continues on the other. Each host is its
// own process tree with its own SQLite file, as on two machines; the guild's interactions are sent to
// either shard, as after a reshard moves it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, cleanEnv, ensureBuilt } from '../cli/spawn.js';
import { FakeDiscord, GUILD_ID, type Recorded } from '../discord/fake-discord.js';
import { guildPayload } from '../discord/fake-gateway.js';
import { isCallback, isEdit, TOKEN } from '../discord/harness.js';
import { modalSubmit, slash } from '../discord/payloads.js';
import { freshDatabase, type TestDatabase } from '../pg/database.js';

const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';
let fake: FakeDiscord;
let db: TestDatabase;
const hosts: ChildProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  [fake, db] = await Promise.all([new FakeDiscord().start(), freshDatabase()]);
});
afterAll(async () => {
  for (const h of hosts) if (h.exitCode === null) h.kill('SIGKILL');
  await fake?.close();
  await db?.drop();
});

/** One host: `napkin --shards <list>` with its own working directory and SQLite file, the shared database. */
function host(shards: string) {
  const dir = mkdtempSync(join(tmpdir(), 'napkin-shard-host-'));
  const env = cleanEnv({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.api,
    NAPKIN_DB: join(dir, 'napkin.db'),
    NAPKIN_DATABASE_URL: db.url,
  });
  const child = spawn(process.execPath, [BIN, '--shards', shards], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  hosts.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

const embedText = (r: Recorded) => {
  const e = r.body.data?.embeds?.[0] ?? r.body.embeds?.[0];
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].join(
    '\n',
  );
};
const send = (built: { payload: unknown; token: string }, shard: number) => {
  fake.gateway.dispatch('INTERACTION_CREATE', built.payload, shard);
  return built.token;
};
const reply = (token: string, pred: (r: Recorded) => boolean) =>
  fake.waitFor((r) => r.path.includes(token) && pred(r), 30_000);

it('continues a thread across two hosts, each running one of two shards, on one PostgreSQL', async () => {
  const [a, b] = [host('0/2'), host('1/2')];
  const identified = await Promise.all(
    [0, 1].map((id) => fake.gateway.waitFor((g) => g.op === 'identify' && g.d.shard?.[0] === id, 60_000)),
  );
  expect(identified.map((g) => g.d.shard)).toEqual([
    [0, 2],
    [1, 2],
  ]);
  await expect.poll(() => a.output() + b.output(), { timeout: 60_000 }).toContain('started Discord (shards 1 of 2)');
  await expect.poll(() => a.output(), { timeout: 60_000 }).toContain('started Discord (shards 0 of 2)');

  // Host A (shard 0) answers the estimate; host B (shard 1) the Compare… form that starts its thread.
  const est = send(slash('estimate', { spec: BASE }), 0);
  const msg = (await reply(est, isEdit)).response;
  const submit = send(modalSubmit(msg, `cmpm:${BASE}`, { spec: 'L=40' }), 1);
  await reply(submit, isEdit);
  const posted = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${msg.id}/messages`, 30_000);
  expect(embedText(posted)).toContain('L=40 vs base #1');

  // The guild moves to shard 0 (a reshard, a host taking over): back on host A, inside the thread B
  // started, A reads the base and B's variant from the database.
  if (fake.gateway.shardOf(GUILD_ID) !== 0) fake.gateway.dispatch('GUILD_CREATE', guildPayload(GUILD_ID), 0);
  fake.gateway.dispatch('THREAD_CREATE', fake.threads.get(msg.id), 0);
  const seq = send(slash('estimate', { spec: 'seq=8192' }, { thread: msg.id }), 0);
  expect((await reply(seq, isCallback)).body.type).toBe(5);
  expect(embedText(await reply(seq, isEdit))).toContain('seq=8192 vs base #1');
  fake.gateway.dispatch('THREAD_CREATE', fake.threads.get(msg.id), 1);
  const history = send(slash('estimate', { spec: 'history' }, { thread: msg.id }), 1);
  const listed = embedText(await reply(history, isEdit));
  for (const line of [`#1 (base) ${BASE}`, '#2 #1 + L=40', '#3 #1 + seq=8192']) expect(listed).toContain(line);
  const rows = await db.query('SELECT n FROM variants ORDER BY n');
  expect(rows.rows.map((r) => r.n)).toEqual([1, 2, 3]);
}, 150_000);
