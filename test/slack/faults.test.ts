// Slack misbehaving and users flooding: 429 with Retry-After and 500 are retried with backoff until the
// answer lands or the asker is told plainly; the per-user limit answers the excess ephemerally; a broken
// handler answers with an error and the app keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startSlack } from '../../src/adapters/slack/app.js';
import type { ThreadRepository } from '../../src/store/repository.js';
import { FakeSlack } from './fake-slack.js';
import { offLoopback, type Started, startAgainstFake } from './harness.js';
import { mention, slashCommand } from './payloads.js';
import { SIGNING_SECRET } from './secrets.js';
import { postForm, postJson } from './signed.js';

let real: Started;
let fragile: Started;

// A thread store whose every call fails: stands in for a database gone away.
const exploded = () => Promise.reject(new Error('store exploded'));
const broken: ThreadRepository = {
  name: 'broken',
  thread: exploded,
  turn: exploded,
  applyTurn: exploded,
  startThread: exploded,
  bindThread: exploded,
  adoptPending: exploded,
  prune: exploded,
  describeFailure: () => 'the store is broken',
  close: async () => {},
};
const fragileLogs: string[] = [];

beforeAll(async () => {
  // The production retry policy, and a limit of 3 requests per window to keep the flood small.
  real = await startAgainstFake('http', { NAPKIN_RATE_LIMIT: '3', NAPKIN_RATE_WINDOW_SECONDS: '60' });
  // Quick retries so giving up takes milliseconds, not the production ~15 s.
  fragile = await startAgainstFake(
    'http',
    {},
    {
      repository: broken,
      retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 5 },
      log: (line, err) => fragileLogs.push(err === undefined ? line : `${line}: ${(err as Error).message}`),
    },
  );
});
afterAll(async () => {
  await Promise.all([real.close(), fragile.close()]);
  expect(offLoopback).toEqual([]);
  // Nothing went wrong that an operator would read about.
  expect(real.logs).toEqual([]);
});

const help = (s: Started, user: string, channel: string) =>
  postForm(s.events, slashCommand('help', { responseOrigin: s.fake.origin, user_id: user, channel_id: channel }));
const statuses = (s: Started, channel: string) =>
  s.fake
    .callsOf('chat.postMessage')
    .filter((c) => c.body.channel === channel)
    .map((c) => c.status);

describe('Slack faults', () => {
  it('waits out a 429 with Retry-After, then posts the answer', async () => {
    real.fake.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const t0 = Date.now();
    await help(real, 'U0R1', 'C0RATE');
    const post = await real.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0RATE');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(post.body.blocks[0].text.text).toBe('napkin help');
    expect(statuses(real, 'C0RATE')).toEqual([429, 200]);
  });

  it('retries a 500 with backoff, then posts the answer', async () => {
    real.fake.fail('chat.postMessage', { status: 500 });
    await help(real, 'U0R2', 'C0FIVE');
    await real.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0FIVE');
    expect(statuses(real, 'C0FIVE')).toEqual([500, 200]);
  });

  it('tells the asker plainly when Slack keeps failing', async () => {
    fragile.fake.fail('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    await help(fragile, 'U0F1', 'C0DOWN');
    const told = await fragile.fake.waitFor('response_url', (b) => JSON.stringify(b).includes('could not post'));
    expect(told.body.response_type).toBe('ephemeral');
    expect(told.body.text).toContain('(Slack answered HTTP 500, after several tries)');
    expect(statuses(fragile, 'C0DOWN')).toEqual([500, 500, 500]);
    expect(fragileLogs).toContain(
      'slack: /napkin from U0F1 in C0DOWN failed: An HTTP protocol error occurred: statusCode = 500',
    );
  });

  it('answers a flood from one user up to the limit, then an ephemeral try-again', async () => {
    const sent = await Promise.all([1, 2, 3, 4].map(() => help(real, 'U0FLOOD', 'C0FLOOD')));
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const notice = await real.fake.waitFor('response_url', (b) => JSON.stringify(b).includes('try again in'));
    expect(notice.body.response_type).toBe('ephemeral');
    await help(real, 'U0OTHER', 'C0FLOOD');
    await expect.poll(() => statuses(real, 'C0FLOOD').length).toBe(4);
  });

  it('says plainly when a thread cannot be read, logs why, and keeps answering', async () => {
    await postJson(fragile.events, mention('llama-2-7b', { channel: 'C0BUG', user: 'U0BUG' }));
    const apology = await fragile.fake.waitFor('chat.postEphemeral', (b) => b.channel === 'C0BUG');
    expect(apology.body.user).toBe('U0BUG');
    expect(apology.body.text).toBe(
      'napkin cannot read this thread right now (the store is broken). Please ask again in a moment.',
    );
    expect(fragileLogs).toContain('napkin: thread store: store exploded');
    await help(fragile, 'U0BUG', 'C0AFTER');
    await fragile.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0AFTER');
  });

  it('refuses to start with a token Slack rejects, naming the variable but not its value', async () => {
    const fake = await FakeSlack.start();
    const token = 'xoxb-revoked-token-not-real';
    fake.revoked.add(token);
    const config = loadConfig({
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    const started = config.ok ? startSlack({ ...config.value, db: ':memory:' }, { signals: false }) : null;
    const err: Error = await started!.then(
      () => new Error('started'),
      (e: Error) => e,
    );
    await fake.close();
    expect(err.message).toBe('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
    expect(err.message).not.toContain(token);
  });
});
