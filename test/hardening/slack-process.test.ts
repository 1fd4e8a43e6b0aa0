// The Slack app (HTTP mode) as `npm start` runs it, configured only by a .env file in its working
// directory, against the fake Slack: it answers, rides out a 500, a forged request, a bad spec and a
// failed chart upload, and on SIGTERM in the middle of an answer stops listening, finishes that answer,
// closes the database (WAL checkpointed) and exits 0. Nothing it prints contains a secret.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/spawn.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { slashCommand } from '../slack/payloads.js';
import { postForm } from '../slack/signed.js';
import { type Bot, freePort, reap, startBot, workDir } from './bot-process.js';
import { Gate } from './gate.js';

const BOT_TOKEN = 'xoxb-hardening-bot-token-zq72';
const SIGNING_SECRET = 'hardening-signing-secret-zq73';

let fake: FakeSlack;
let gate: Gate;
let bot: Bot;
let events: string;
let holdPosts = false;
const dir = workDir();
const db = join(dir, 'napkin.db');

const ask = (text: string, channel: string, secret = SIGNING_SECRET) =>
  postForm(events, slashCommand(text, { responseOrigin: fake.origin, channel_id: channel }), { secret });

beforeAll(async () => {
  ensureBuilt();
  fake = await FakeSlack.start();
  gate = await Gate.start(fake.origin, (_m, p) => holdPosts && p === '/api/chat.postMessage');
  const port = await freePort();
  events = `http://127.0.0.1:${port}/slack/events`;
  const env = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${gate.origin}/api/`,
  };
  const lines = Object.entries({ ...env, PORT: String(port), NAPKIN_DB: db }).map(([k, v]) => `${k}=${v}`);
  writeFileSync(join(dir, '.env'), `${lines.join('\n')}\n`);
  bot = startBot({}, dir);
  await bot.printed(`napkin: started Slack (HTTP on port ${port})`);
});

afterAll(async () => {
  reap([bot]);
  await gate.close();
  await fake.close();
});

it('answers, retries a 500, refuses a forged request, shows a bad spec privately, logs a lost answer', async () => {
  fake.fail('chat.postMessage', { status: 500 });
  expect((await ask('help', 'C0HELP')).status).toBe(200);
  const help = await fake.waitFor('chat.postMessage', (b) => b.channel === 'C0HELP');
  expect(help.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  expect((await ask('help', 'C0FORGED', 'not-the-secret')).status).toBe(401);
  await ask('llama-2-7b bf17', 'C0BAD');
  expect((await fake.waitFor('response_url', (b) => JSON.stringify(b).includes('bf17'))).body.response_type).toBe(
    'ephemeral',
  );
  // Slack refuses the response URL twice: the error path logs both failures (the client's errors carry
  // the request, token included, so only their message may be printed).
  fake.fail('response_url', { status: 500 }, { status: 500 });
  await ask('llama-2-7b hedas=32', 'C0LOST');
  await bot.printed('slack: could not tell the user either');
  expect(bot.output()).toContain('slack: /napkin from U0ALICE in C0LOST failed');
  expect(fake.calls.some((c) => c.body.channel === 'C0FORGED')).toBe(false);
});

it('on SIGTERM mid-answer: stops listening, finishes the answer, closes the database, exits 0', async () => {
  holdPosts = true;
  await ask('llama-2-7b nochart', 'C0TERM');
  await gate.held();
  bot.child.kill('SIGTERM');
  // Stopping closes the listener first: a (forged, so answerless) probe is refused once it has.
  await expect
    .poll(
      () =>
        ask('help', 'C0PROBE', 'x').then(
          () => 'open',
          () => 'closed',
        ),
      { timeout: 5000 },
    )
    .toBe('closed');
  expect(fake.callsOf('chat.postMessage').some((c) => c.body.channel === 'C0TERM')).toBe(false);

  gate.release();
  const post = await fake.waitFor('chat.postMessage', (b) => b.channel === 'C0TERM');
  expect(post.body.blocks[0].text.text).toBe('Llama-2-7B');
  expect(await bot.exited).toEqual({ code: 0, signal: null });

  // Closed cleanly: the WAL was checkpointed into the file and removed; the answer's thread base is in it.
  expect(existsSync(`${db}-wal`)).toBe(false);
  const file = new Database(db, { readonly: true });
  try {
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = file.prepare("SELECT channel, thread, base FROM threads WHERE platform = 'slack'").all();
    expect(rows).toContainEqual({ channel: 'C0TERM', thread: post.response!.ts, base: 'llama-2-7b nochart' });
  } finally {
    file.close();
  }
});

it('never printed a secret, whatever happened', () => {
  expect(bot.output()).toContain('napkin: started Slack');
  for (const secret of [BOT_TOKEN, SIGNING_SECRET, 'zq72', 'zq73']) expect(bot.output()).not.toContain(secret);
});
