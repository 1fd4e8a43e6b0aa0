// The real Bolt app in HTTP mode against the fake Slack: signed slash commands and events in, Web API
// calls out, and Bolt's signature checks on the way in.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/spawn.js';
import { offLoopback, type Started, startAgainstFake } from './harness.js';
import { mention, message, slashCommand } from './payloads.js';
import { BOT_TOKEN } from './secrets.js';
import { postForm, postJson } from './signed.js';

ensureBuilt();
// Every case runs twice: charts drawn in the app's own thread, and by the built renderer threads.
const WHERE: [string, URL | null][] = [
  ['app thread', null],
  ['chart renderer', pathToFileURL(`${ROOT}/dist/chart-worker.js`)],
];

let s: Started;

const command = (text: string, over: Record<string, string> = {}) =>
  postForm(s.events, slashCommand(text, { responseOrigin: s.fake.origin, ...over }));
const json = (x: unknown) => JSON.stringify(x);

describe.each(WHERE)('Slack HTTP mode, charts drawn in the %s', (_where, chartWorker) => {
  beforeAll(async () => {
    s = await startAgainstFake('http', {}, { chartWorker });
  });
  afterAll(async () => {
    await s.close();
    expect(offLoopback).toEqual([]);
    // Nothing went wrong that an operator would read about.
    expect(s.logs).toEqual([]);
  });

  it('answers /napkin llama-2-7b in the channel with Block Kit and a text fallback', async () => {
    const res = await command('llama-2-7b', { channel_id: 'C0SIZE' });
    expect(res.status).toBe(200);
    const post = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0SIZE');
    expect(post.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post.body.thread_ts).toBeUndefined();
    expect(post.body.text).toContain('6.74B');
    expect(post.body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(post.body.blocks[0].text.text).toBe('Llama-2-7B');
    expect(json(post.body.blocks[1])).toContain('6.74B');
    expect(post.body.blocks.at(-1).type).toBe('context');
    // Then the memory chart, uploaded into the same channel.
    const done = await s.fake.waitFor('files.completeUploadExternal', (b) => b.channel_id === 'C0SIZE');
    expect(done.body.files[0].title).toBe('Memory per GPU: Llama-2-7B');
    expect(done.body.thread_ts).toBeUndefined();
    const before = s.fake.calls.slice(0, s.fake.calls.indexOf(done));
    const upload = before.filter((c) => c.method === 'upload').at(-1)!;
    expect(upload.body.png).toBe(true);
    expect(upload.body.bytes).toBeGreaterThan(10_000);
  });

  it('explains with the numbers of the asker’s last spec', async () => {
    await command('llama-2-7b', { channel_id: 'C0EXPLAIN', user_id: 'U0EXPLAIN' });
    await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0EXPLAIN');
    await command('explain params', { channel_id: 'C0EXPLAIN', user_id: 'U0EXPLAIN' });
    const post = await s.fake.waitFor(
      'chat.postMessage',
      (b) => b.channel === 'C0EXPLAIN' && json(b).includes('formula'),
    );
    const worked = post.body.blocks.find((b: any) => b.text?.text === '*For Llama-2-7B*');
    expect(worked.fields).toContainEqual({ type: 'mrkdwn', text: 'embeddings: 131,072,000' });
  });

  it('answers through the response URL in a channel napkin is not a member of', async () => {
    s.fake.outside.add('C0OUTSIDE');
    await command('help', { channel_id: 'C0OUTSIDE' });
    const answer = await s.fake.waitFor('response_url', (b) => b.response_type === 'in_channel');
    expect(answer.body.blocks[0].text.text).toBe('napkin help');
  });

  it('answers a mention in a thread under it', async () => {
    const event = mention('llama-2-7b', { channel: 'C0MENTION' });
    const res = await postJson(s.events, event);
    expect(res.status).toBe(200);
    const post = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0MENTION');
    expect(post.body.thread_ts).toBe(event.event.ts);
    expect(post.body.text).toContain('6.74B');
    const chart = await s.fake.waitFor('files.completeUploadExternal', (b) => b.channel_id === 'C0MENTION');
    expect(chart.body.thread_ts).toBe(event.event.ts);
  });

  it('answers a direct message without a mention, and ignores channel chatter', async () => {
    await postJson(s.events, message('llama-2-7b', 'channel', { channel: 'C0CHATTER' }));
    const dm = message('mistral-7b', 'im', { channel: 'D0DIRECT' });
    await postJson(s.events, dm);
    const post = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'D0DIRECT');
    expect(post.body.thread_ts).toBe(dm.event.ts);
    expect(post.body.blocks[0].text.text).toBe('Mistral-7B-v0.1');
    expect(s.fake.calls.some((c) => c.body.channel === 'C0CHATTER')).toBe(false);
  });

  it('compares a mention inside the thread of an answer against that answer', async () => {
    await command('llama-2-7b', { channel_id: 'C0THREAD' });
    const answer = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0THREAD');
    const thread_ts = answer.response!.ts;
    // The chart goes up after the answer became the thread's base: once it is there, the base is kept.
    await s.fake.waitFor('files.completeUploadExternal', (b) => b.channel_id === 'C0THREAD');
    await postJson(s.events, mention('L=40', { channel: 'C0THREAD', thread_ts }));
    const reply = await s.fake.waitFor(
      'chat.postMessage',
      (b) => b.channel === 'C0THREAD' && b.thread_ts === thread_ts,
    );
    expect(reply.body.blocks[0].text.text).toBe('L=40 vs base #1');
    expect(json(reply.body.blocks)).toContain('✱ *params*: 6.74B → *8.36B* (+1.62B, ×1.24)');
    expect(json(reply.body.blocks.at(-1))).toContain("Compared against the thread's base: #1 (llama-2-7b)");
  });

  it('shows a bad spec only to the asker, with the caret and the hint', async () => {
    await command('llama-2-7b hedas=32', { channel_id: 'C0ERR' });
    const eph = await s.fake.waitFor('response_url', (b) => json(b).includes('hedas'));
    expect(eph.body.response_type).toBe('ephemeral');
    const code = eph.body.blocks.find((b: any) => b.text?.text?.startsWith('```')).text.text;
    expect(code).toBe('```llama-2-7b hedas=32\n           ^^^^^```\ndid you mean `heads` or `head`?');
    expect(code).toMatch(/heads/);
    expect(s.fake.callsOf('chat.postMessage').some((c) => c.body.channel === 'C0ERR')).toBe(false);
  });

  it('escapes <!channel> and <@U123> injections wherever they are echoed', async () => {
    await command('<!channel> <@U123> llama-2-7b', { channel_id: 'C0INJECT' });
    await postJson(s.events, mention('<!here> <@U123|bob> hedas=32 &', { channel: 'C0INJECT' }));
    const eph = await s.fake.waitFor('response_url', (b) => json(b).includes('U123'));
    const inThread = await s.fake.waitFor('chat.postEphemeral', (b) => b.channel === 'C0INJECT');
    for (const out of [json(eph.body), json(inThread.body)]) {
      expect(out).not.toMatch(/<[!@]/);
      expect(out).not.toMatch(/@(here|channel|everyone)/);
      expect(out).toMatch(/&lt;[!@]/);
    }
    expect(json(eph.body)).toContain('&lt;!channel&gt;');
    expect(json(inThread.body)).toContain('&lt;@U123|bob&gt;');
  });

  it('rejects a wrong signature and a stale timestamp with 401, and answers url_verification', async () => {
    const forged = await postForm(s.events, slashCommand('llama-2-7b', { responseOrigin: s.fake.origin }), {
      secret: 'not-the-secret',
    });
    expect(forged.status).toBe(401);
    const stale = await postJson(s.events, mention('llama-2-7b', { channel: 'C0STALE' }), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    const challenge = await postJson(s.events, { token: 't', challenge: 'c-42', type: 'url_verification' });
    expect(challenge.status).toBe(200);
    expect(await challenge.json()).toEqual({ challenge: 'c-42' });
    expect(s.fake.callsOf('chat.postMessage').some((c) => c.body.channel === 'C0STALE')).toBe(false);
  });
});
