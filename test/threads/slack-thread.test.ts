// End to end on Slack: the real Bolt app (HTTP mode) against the fake Slack, with the thread store in a
// real file. A thread under a /napkin answer: three partial variants, history, a change of base, then
// the bot restarts and the thread continues where it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { offLoopback, type Started, startAgainstFake } from '../slack/harness.js';
import { mention, slashCommand } from '../slack/payloads.js';
import { postForm, postJson } from '../slack/signed.js';

const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';
const CHANNEL = 'C0THREADS';
let dir: string;
let s: Started;
const start = () => startAgainstFake('http', { NAPKIN_DB: join(dir, 'napkin.db'), NAPKIN_RATE_LIMIT: '1000' });
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-slack-thread-'));
  s = await start();
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
  expect(offLoopback).toEqual([]);
  // Nothing went wrong that an operator would read about.
  expect(s.logs).toEqual([]);
});

const all = (body: Record<string, any>) => JSON.stringify(body);

/** Mention napkin in the thread and wait for its next answer there. */
async function say(thread_ts: string, text: string) {
  const posts = () =>
    s.fake
      .callsOf('chat.postMessage')
      .filter((c) => c.status === 200 && c.body.channel === CHANNEL && c.body.thread_ts === thread_ts);
  const before = posts().length;
  expect((await postJson(s.events, mention(text, { channel: CHANNEL, thread_ts }))).status).toBe(200);
  for (let waited = 0; waited < 10_000; waited += 20) {
    const now = posts();
    if (now.length > before) return now[before];
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer to "${text}" in thread ${thread_ts}`);
}

it('keeps a thread of variants around a base across a restart', async () => {
  await postForm(s.events, slashCommand(BASE, { responseOrigin: s.fake.origin, channel_id: CHANNEL }));
  const answer = await s.fake.waitFor('chat.postMessage', (b) => b.channel === CHANNEL && !b.thread_ts);
  expect(answer.body.text).toContain('6.74B');
  const thread = answer.response!.ts as string;

  const layers = await say(thread, 'L=40');
  expect(layers.body.text).toContain('L=40 vs base #1');
  expect(all(layers.body)).toContain('8.36B');
  expect(all(layers.body)).toContain(`Compared against the thread's base: #1 (${BASE}).`);
  expect(all(layers.body)).toContain('32 → 40');

  const zero = await say(thread, 'zero3 16xH100');
  expect(all(zero.body)).toContain('0 → 3');
  expect(all(zero.body)).toContain('8 → 16');
  const seq = await say(thread, 'seq=8192');
  expect(all(seq.body)).toContain('4,096 → 8,192');

  const history = await say(thread, 'history');
  const h = all(history.body);
  expect(history.body.text).toContain('Thread history: 4 variants, base #1');
  for (const line of [`#1 (base) ${BASE}`, '#2 #1 + L=40', '#3 #1 + zero3 16xH100', '#4 #1 + seq=8192']) {
    expect(h).toContain(line);
  }
  expect(h).toContain('8.36B params');

  const base = await say(thread, 'base #2');
  expect(all(base.body)).toContain("#2 (#1 + L=40) is now this thread's base.");
  expect(all(base.body)).toContain('8.36B');

  // The bot restarts between two messages of the thread: the base and the variants are still there.
  await s.close();
  s = await start();
  const after = await say(thread, 'seq=8192');
  expect(after.body.text).toContain('seq=8192 vs base #2');
  expect(all(after.body)).toContain("Compared against the thread's base: #2 (#1 + L=40).");
  expect(all(after.body)).toContain('8.36B');
  const again = all((await say(thread, 'history')).body);
  expect(again).toContain('Thread history: 5 variants, base #2');
  expect(again).toContain('#5 #2 + seq=8192');
});

it('a mention in a channel starts a thread whose first spec is the base', async () => {
  const first = mention('gpt2', { channel: CHANNEL });
  await postJson(s.events, first);
  const thread = first.event.ts;
  const base = await s.fake.waitFor('chat.postMessage', (b) => b.thread_ts === thread);
  expect(all(base.body)).toContain("This is the thread's base (#1)");
  expect(all(base.body)).toContain('124M');
  const xl = await say(thread, 'vs gpt2-xl');
  expect(all(xl.body)).toContain('124M');
  expect(all(xl.body)).toContain('1.56B');
});
