// The Discord bot as `npm start` runs it, against the fake Discord, with a fake token and a real SQLite
// file: it answers, survives an error and a bad spec, and on SIGTERM in the middle of an answer refuses
// newcomers, finishes that answer, closes the database (WAL checkpointed) and exits 0. Nothing it prints
// contains its token.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/spawn.js';
import { aboutToken, FakeDiscord, type Recorded } from '../discord/fake-discord.js';
import { isCallback, isEdit, isFollowUp } from '../discord/harness.js';
import { type Built, slash } from '../discord/payloads.js';
import { type Bot, reap, startBot, workDir } from './bot-process.js';
import { Gate } from './gate.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.hardening.discord-token-zq71';
// Longer than a button id can carry, so the answer ends with a read of the posted message (for its id)
// and a write to the thread store.
const LONG =
  'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4 tokens=2T mfu=0.4 flash checkpointing gpus=8 nochart';

let fake: FakeDiscord;
let gate: Gate;
let bot: Bot;
const db = join(workDir(), 'napkin.db');

const send = (b: Built) => {
  fake.gateway.dispatch('INTERACTION_CREATE', b.payload, 0);
  return b.token;
};
const next = (token: string, pred: (r: Recorded) => boolean) => fake.waitFor((r) => aboutToken(r, token) && pred(r));

beforeAll(async () => {
  ensureBuilt();
  fake = await new FakeDiscord().start();
  // Only the read of a posted answer (whose id keys a long spec's thread) is held, until the test says so.
  gate = await Gate.start(`http://127.0.0.1:${fake.port}`, (m, p) => m === 'GET' && p.endsWith('/@original'));
  bot = startBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${gate.origin}/api`, NAPKIN_DB: db });
  await bot.printed('napkin: started Discord');
});

afterAll(async () => {
  reap([bot]);
  await gate.close();
  await fake.close();
});

it('answers, apologises for a failed request, shows a bad spec privately, and keeps answering', async () => {
  expect((await next(send(slash('help')), isCallback)).body.type).toBe(4);
  // Discord refuses the first reply: the user gets an apology, the operator one line.
  fake.failNext('POST', /\/callback$/, 400, { code: 50035, message: 'Invalid Form Body' });
  const failed = send(slash('presets'));
  const apology = await next(failed, (r) => isCallback(r) && r.status === 204);
  expect(apology.body.data).toMatchObject({ content: expect.stringMatching(/^Sorry/), flags: 64 });
  await bot.printed('napkin: discord: /napkin presets failed: Invalid Form Body');
  const bad = await next(send(slash('estimate', { spec: 'llama-2-7b bf17' })), isCallback);
  expect(bad.body.data.flags).toBe(64);
});

it('on SIGTERM mid-answer: refuses newcomers, finishes the answer, closes the database, exits 0', async () => {
  const token = send(slash('estimate', { spec: LONG }));
  const answer = await next(token, isCallback);
  expect(answer.body.type).toBe(4);
  expect(answer.body.data.embeds[0].title).toBe('Llama-2-7B');
  await gate.held();
  bot.child.kill('SIGTERM');
  // The signal lands between two gateway events: ask until a newcomer is told, privately, to ask again.
  const restarting = 'napkin is restarting — please ask again in a minute.';
  let late: Recorded | undefined;
  for (let i = 0; i < 200 && late?.body.data.content !== restarting; i++) {
    late = await next(send(slash('help')), isCallback);
  }
  expect(late?.body.data).toMatchObject({ content: restarting, flags: 64, allowed_mentions: { parse: [] } });

  gate.release();
  expect(await bot.exited).toEqual({ code: 0, signal: null });
  expect(fake.requests.filter((r) => aboutToken(r, token)).map((r) => r.method)).toEqual(['POST', 'GET']);
  expect(fake.requests.some((r) => aboutToken(r, token) && (isEdit(r) || isFollowUp(r)))).toBe(false);

  // Closed cleanly: the last connection's close checkpointed the WAL into the file and removed it.
  expect(existsSync(`${db}-wal`)).toBe(false);
  const file = new Database(db, { readonly: true });
  try {
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    const rows = file.prepare("SELECT base FROM threads WHERE platform = 'discord'").pluck().all();
    expect(rows).toEqual([LONG]);
  } finally {
    file.close();
  }
});

it('never printed its token, whatever happened', () => {
  expect(bot.output()).toContain('napkin: started Discord');
  expect(bot.output()).not.toContain(TOKEN);
  expect(bot.output()).not.toContain(TOKEN.split('.')[2]);
});
