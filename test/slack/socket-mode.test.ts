// The real Bolt app in Socket Mode: apps.connections.open and the WebSocket both come from the fake, so
// the app token never leaves the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offLoopback, type Started, startAgainstFake } from './harness.js';
import { APP_TOKEN, BOT_TOKEN } from './secrets.js';
import { mention, slashCommand } from './payloads.js';

let s: Started;
beforeAll(async () => {
  s = await startAgainstFake('socket');
});
afterAll(async () => {
  await s.close();
  expect(offLoopback).toEqual([]);
  // Nothing went wrong that an operator would read about.
  expect(s.logs).toEqual([]);
});

describe('Slack Socket Mode', () => {
  it('opens its connection through the configured API with the app token, and listens on no port', () => {
    const open = s.fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0].authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(s.fake.connections).toBe(1);
    expect(s.slack.port).toBeNull();
  });

  it('acks a slash-command envelope and posts the answer in the channel', async () => {
    const payload = slashCommand('llama-2-7b', { responseOrigin: s.fake.origin, channel_id: 'C0SOCKET' });
    const ack = await s.fake.send('slash_commands', payload);
    expect(ack.envelope_id).toMatch(/^env-/);
    const post = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0SOCKET');
    expect(post.body.text).toContain('6.74B');
    expect(post.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('acks an app_mention envelope and answers in the thread', async () => {
    const event = mention('llama-2-7b', { channel: 'C0SOCKMENTION' });
    const ack = await s.fake.send('events_api', event);
    expect(ack.envelope_id).toMatch(/^env-/);
    const post = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0SOCKMENTION');
    expect(post.body.thread_ts).toBe(event.event.ts);
  });
});
