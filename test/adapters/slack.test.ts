// The contract through the real Bolt app (HTTP mode) against the fake Slack: the estimate as a slash
// command in a channel, everything after it as @napkin mentions in the thread under that answer. Private
// answers are response_url ephemerals (slash) or chat.postEphemeral (mentions).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { ApiCall } from '../slack/fake-slack.js';
import { offLoopback, type Started, startAgainstFake } from '../slack/harness.js';
import { mention, slashCommand } from '../slack/payloads.js';
import { postForm, postJson } from '../slack/signed.js';
import { conversationContract, type Driver, type Seen } from './contract.js';

const CHANNEL = 'C0CONTRACT';
const USER = 'U0CONTRACT';
const LIMIT = 12;
let s: Started;
let thread: string | undefined;
let asked = 0;

/** Every string a reader sees in a message: the fallback text and each text in its blocks. */
function texts(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(texts);
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => (k === 'text' ? texts(v) : texts(v)));
  return [];
}
const seen = (c: ApiCall): Seen => ({
  text: [c.body.text, ...texts(c.body.blocks ?? [])].join('\n'),
  private: c.method === 'response_url' ? c.body.response_type === 'ephemeral' : c.method === 'chat.postEphemeral',
});

/** The first answer to arrive after `from` calls, in the channel (and thread, when given). */
async function answerAfter(from: number, inThread: boolean): Promise<Seen> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    const call = s.fake.calls.slice(from).find((c) => {
      if (c.method === 'response_url') return !inThread;
      if (c.method !== 'chat.postMessage' && c.method !== 'chat.postEphemeral') return false;
      return (
        c.status === 200 && c.body.channel === CHANNEL && (c.body.thread_ts ?? null) === (inThread ? thread : null)
      );
    });
    if (call) return seen(call);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no answer from napkin');
}

async function slash(text: string): Promise<Seen> {
  const from = s.fake.calls.length;
  asked++;
  const body = slashCommand(text, { responseOrigin: s.fake.origin, channel_id: CHANNEL, user_id: USER });
  expect((await postForm(s.events, body)).status).toBe(200);
  return answerAfter(from, false);
}

async function say(text: string): Promise<Seen> {
  const from = s.fake.calls.length;
  asked++;
  expect((await postJson(s.events, mention(text, { channel: CHANNEL, user: USER, thread_ts: thread }))).status).toBe(
    200,
  );
  return answerAfter(from, true);
}

const driver: Driver = {
  chat: true,
  limit: LIMIT,
  async estimate(spec) {
    const from = s.fake.calls.length;
    const r = await slash(spec);
    thread = s.fake.calls.slice(from).find((c) => c.method === 'chat.postMessage')!.response!.ts;
    return r;
  },
  change: say,
  explain: (topic) => say(`explain ${topic}`),
  inThread: say,
  compare: (a, b) => say(`compare ${a} vs ${b}`),
  quick: () => slash('help'),
  get asked() {
    return asked;
  },
};

beforeAll(async () => {
  s = await startAgainstFake('http', { NAPKIN_RATE_LIMIT: String(LIMIT), NAPKIN_RATE_WINDOW_SECONDS: '600' });
});
afterAll(async () => {
  await s.close();
  expect(offLoopback).toEqual([]);
  // Nothing went wrong that an operator would read about.
  expect(s.logs).toEqual([]);
});

describe('Slack adapter', () => conversationContract(() => driver));
