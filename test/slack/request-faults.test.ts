// Signed requests napkin must not be fooled or broken by (issue 21): a request stamped more than five
// minutes in the future is refused as a stale one is; a replayed slash command (the same signed body,
// the same trigger_id) is answered once; payloads of the wrong shape get a 400 or a clear reply, never a
// 500 or a post to channel `undefined`; an upstream API error is shown and logged without its tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offLoopback, type Started, startAgainstFake } from './harness.js';
import { mention, slashCommand } from './payloads.js';
import { BOT_TOKEN } from './secrets.js';
import { postForm, postJson } from './signed.js';

let s: Started;
const logs: string[] = [];
beforeAll(async () => {
  s = await startAgainstFake(
    'http',
    { NAPKIN_RATE_LIMIT: '1000' },
    { log: (line, err) => logs.push(err === undefined ? line : `${line}: ${(err as Error)?.message ?? String(err)}`) },
  );
});
afterAll(async () => {
  await s.close();
  expect(offLoopback).toEqual([]);
});

const now = () => Math.floor(Date.now() / 1000);
const postsTo = (channel: string) => s.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === channel);
let afters = 0;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('timestamps and replays', () => {
  it('refuses a request stamped more than five minutes in the future, as Bolt refuses a stale one', async () => {
    const form = slashCommand('help', { responseOrigin: s.fake.origin, channel_id: 'C0FUTURE' });
    const future = await postForm(s.events, form, { timestamp: now() + 5 * 60 + 30 });
    const past = await postForm(s.events, form, { timestamp: now() - 5 * 60 - 30 });
    expect([future.status, past.status]).toEqual([401, 401]);
    // Within the window either way is fine (clocks differ by seconds).
    const soon = await postForm(s.events, { ...form, trigger_id: 'trigger-soon' }, { timestamp: now() + 60 });
    expect(soon.status).toBe(200);
    await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0FUTURE');
    await settle();
    expect(postsTo('C0FUTURE')).toHaveLength(1);
  });

  it('answers a replayed slash command (the same signed body again) once', async () => {
    const form = slashCommand('help', { responseOrigin: s.fake.origin, channel_id: 'C0REPLAY' });
    const first = await postForm(s.events, form);
    const again = await postForm(s.events, form);
    expect([first.status, again.status]).toEqual([200, 200]);
    await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0REPLAY');
    await settle();
    expect(postsTo('C0REPLAY')).toHaveLength(1);
  });
});

describe('signed payloads of the wrong shape', () => {
  const slash = (over: Record<string, unknown>) => ({
    ...slashCommand('help', { responseOrigin: s.fake.origin, channel_id: 'C0SHAPE' }),
    ...over,
  });

  it.each([
    ['a numeric text', { text: 42 }],
    ['a null text', { text: null }],
    ['a null user', { user_id: null }],
    ['a missing channel_id', { channel_id: undefined }],
    ['a numeric channel_id', { channel_id: 7 }],
  ])('slash command with %s: a clear reply, no 500, no post to channel undefined', async (_what, over) => {
    const before = s.fake.calls.length;
    const res = await postJson(s.events, slash(over));
    expect(res.status).toBeLessThan(500);
    const body = await res.text();
    if (res.status === 200) expect(body).toContain('napkin could not read this request');
    else expect(res.status).toBe(400);
    await settle();
    const posted = s.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posted.filter((c) => typeof c.body.channel !== 'string' || c.body.channel === 'undefined')).toEqual([]);
  });

  it.each([
    ['a numeric text', { text: 42 }],
    ['a null text', { text: null }],
    ['a missing channel', { channel: undefined }],
    ['a null ts', { ts: null }],
  ])('app_mention with %s: acknowledged, nothing posted anywhere, the app keeps answering', async (_what, over) => {
    const body = mention('help', { channel: 'C0EVENT' });
    const before = s.fake.calls.length;
    const res = await postJson(s.events, { ...body, event: { ...body.event, ...over } });
    expect(res.status).toBeLessThan(500);
    await settle();
    const posts = s.fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'));
    expect(posts.filter((c) => c.body.channel === 'C0EVENT' || typeof c.body.channel !== 'string')).toEqual([]);
    const after = `C0AFTER${++afters}`;
    await postJson(s.events, mention('help', { channel: after }));
    await s.fake.waitFor('chat.postMessage', (b) => b.channel === after);
  });
});

describe('upstream errors', () => {
  it("shows and logs Slack's error without anything that looks like a token", async () => {
    const leaked = `${BOT_TOKEN} Authorization: Bearer ${BOT_TOKEN}`;
    s.fake.refuse('chat.postMessage', leaked);
    await postForm(s.events, slashCommand('help', { responseOrigin: s.fake.origin, channel_id: 'C0LEAK' }));
    const told = await s.fake.waitFor('response_url', (b) => JSON.stringify(b).includes('could not post'));
    expect(JSON.stringify(told.body)).not.toContain(BOT_TOKEN);
    expect(told.body.text).toContain('Slack said [redacted token]');
    await expect.poll(() => logs.some((l) => l.includes('/napkin from'))).toBe(true);
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
    expect(logs.join('\n')).toContain('[redacted token]');
  });
});
