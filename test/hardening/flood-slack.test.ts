// Issue 9, load: 1,000 signed slash commands from 200 users against the real Bolt app in HTTP mode and the
// fake Slack. Every one is acknowledged and answered exactly once (counted at the fake), a user flooding
// past the per-user limit is answered privately to try again, and a normal request still gets through.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { offLoopback, type Started, startAgainstFake } from '../slack/harness.js';
import { slashCommand } from '../slack/payloads.js';
import { postForm } from '../slack/signed.js';
import { flood, inWaves, PER_USER, text, USERS } from './flood.js';

let s: Started;
beforeAll(async () => {
  // The default limit: 10 requests per user per 10 seconds.
  s = await startAgainstFake('http');
});
afterAll(async () => {
  await s.close();
  expect(offLoopback).toEqual([]);
  // Nothing went wrong that an operator would read about.
  expect(s.logs).toEqual([]);
});

const ask = (text: string, user: string, channel: string) =>
  postForm(s.events, slashCommand(text, { responseOrigin: s.fake.origin, user_id: user, channel_id: channel }));
const channelOf = (n: number) => `C0F${n}`;

it('answers 1,000 requests from 200 users, each exactly once', async () => {
  const requests = flood();
  expect(requests).toHaveLength(USERS * PER_USER);
  const t0 = Date.now();
  // 200 in flight at once (one per user): a burst far above what Slack delivers to one app, and within
  // the 1,024 open files a CI machine allows (each request is a socket at both ends).
  const statuses = await inWaves(
    requests,
    100,
    async (r) => (await ask(text(r), `U0F${r.user}`, channelOf(r.n))).status,
  );
  expect(statuses.filter((x) => x !== 200)).toEqual([]);

  const publicOnes = requests.filter((r) => r.kind !== 'error');
  const privateOnes = requests.filter((r) => r.kind === 'error');
  await expect
    .poll(() => s.fake.callsOf('chat.postMessage').filter((c) => c.status === 200).length, { timeout: 20_000 })
    .toBe(publicOnes.length);
  await expect.poll(() => s.fake.callsOf('response_url').length, { timeout: 20_000 }).toBe(privateOnes.length);
  const elapsed = Date.now() - t0;

  // Exactly one answer in each asker's channel, and one private error per bad spec, naming its own key.
  const posted = s.fake.callsOf('chat.postMessage').map((c) => c.body.channel as string);
  expect(new Set(posted).size).toBe(posted.length);
  expect(new Set(posted)).toEqual(new Set(publicOnes.map((r) => channelOf(r.n))));
  const errors = s.fake.callsOf('response_url').map((c) => c.body);
  expect(errors.every((b) => b.response_type === 'ephemeral')).toBe(true);
  const keys = errors.map((b) => /zq(\d+)=1/.exec(JSON.stringify(b))?.[1]);
  expect(new Set(keys)).toEqual(new Set(privateOnes.map((r) => String(r.n))));
  expect(JSON.stringify(errors)).not.toContain('try again in');
  // About 4 s on a 2-core machine.
  expect(elapsed).toBeLessThan(30_000);
});

it('answers a flooding user up to the limit, then privately, and still answers others', async () => {
  const before = s.fake.callsOf('response_url').length;
  const statuses = await Promise.all(Array.from({ length: 15 }, (_, i) => ask('help', 'U0FLOODER', `C0FLOOD${i}`)));
  expect(statuses.map((r) => r.status)).toEqual(Array(15).fill(200));
  await expect.poll(() => s.fake.callsOf('response_url').length - before).toBe(5);
  const notices = s.fake.callsOf('response_url').slice(before);
  for (const n of notices) {
    expect(n.body.response_type).toBe('ephemeral');
    expect(n.body.text).toMatch(/^You're asking napkin a lot at once — try again in \d+ s\.$/);
  }
  await expect
    .poll(() => s.fake.callsOf('chat.postMessage').filter((c) => /^C0FLOOD/.test(c.body.channel)).length)
    .toBe(10);

  await ask('llama-2-7b nochart', 'U0AFTER', 'C0AFTER');
  const after = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0AFTER');
  expect(after.body.text).toContain('6.74B');
});
