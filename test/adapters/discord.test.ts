// The contract through the real discord.js client against the fake Discord: the estimate as
// /napkin estimate in a channel, the change through its Compare… form (which opens the thread), then
// /napkin commands inside that thread. Private answers carry the ephemeral flag (64).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Recorded } from '../discord/fake-discord.js';
import { type Harness, isCallback, isEdit, isFollowUp, startHarness } from '../discord/harness.js';
import { modalSubmit, slash } from '../discord/payloads.js';
import { BASE, conversationContract, type Driver, type Seen } from './contract.js';

const LIMIT = 12;
let h: Harness;
let msg: any;
let asked = 0;

const embedText = (e: any) =>
  [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text]
    .filter(Boolean)
    .join('\n');
const seen = (r: Recorded, data = r.body.data ?? r.body): Seen => ({
  text: [data.content, ...(data.embeds ?? []).map(embedText)].filter(Boolean).join('\n'),
  private: ((data.flags ?? 0) & 64) === 64,
});

/** An interaction's answer: the callback itself, or after a defer its edit or private follow-up. */
async function answer(token: string): Promise<Seen> {
  asked++;
  const callback = await h.next(token, isCallback);
  if (callback.body.type === 4) return seen(callback);
  return seen(await h.next(token, (r) => isEdit(r) || isFollowUp(r)));
}

const inThread = () => ({ thread: msg.id as string });
const driver: Driver = {
  chat: true,
  limit: LIMIT,
  async estimate(spec) {
    const token = h.send(slash('estimate', { spec }));
    const r = await answer(token);
    // The message the Compare… button sits under, as the chart's edit returns it.
    msg = (await h.next(token, isEdit)).response;
    return r;
  },
  async change(spec) {
    asked++;
    const token = h.send(modalSubmit(msg, `cmpm:${BASE}`, { spec }));
    const post = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${msg.id}/messages`);
    expect((await h.next(token, isEdit)).body.content).toBe(`Comparison posted in <#${msg.id}>.`);
    return seen(post, post.body);
  },
  explain: (topic) => answer(h.send(slash('explain', { topic }, inThread()))),
  inThread: (spec) => answer(h.send(slash('estimate', { spec }, inThread()))),
  compare: (a, b) => answer(h.send(slash('compare', { a, b }, inThread()))),
  quick: () => answer(h.send(slash('help', {}, inThread()))),
  get asked() {
    return asked;
  },
};

beforeAll(async () => {
  h = await startHarness({ NAPKIN_RATE_LIMIT: String(LIMIT), NAPKIN_RATE_WINDOW_SECONDS: '600' });
});
afterAll(async () => {
  await h?.close();
  expect(h.logs).toEqual([]);
});

describe('Discord adapter', () => conversationContract(() => driver));
