// A slow-header flood cannot exhaust the Slack app's file descriptors (issue 21: it also made the WAL's
// fsyncs fail with EMFILE): connections past the cap are closed as they arrive, and a client that has not
// sent its headers in time is cut off. The app answers a real request throughout.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Started, startAgainstFake } from './harness.js';
import { slashCommand } from './payloads.js';
import { postForm } from './signed.js';

let s: Started;
beforeAll(async () => {
  s = await startAgainstFake('http', {}, { httpLimits: { maxConnections: 20, headersTimeoutMs: 1000 } });
});
afterAll(() => s.close());

/** A client that starts a request and never finishes its headers; `closed` is set when the server hangs up. */
function slowClient(port: number) {
  const socket: Socket & { closedAt?: number } = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.resume();
  socket.on('close', () => {
    socket.closedAt = Date.now();
  });
  socket.write('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
  return socket;
}

it('closes connections past the cap at once, and the rest once their header time is up', async () => {
  const t0 = Date.now();
  const clients = Array.from({ length: 50 }, () => slowClient(s.slack.port!));
  await new Promise((r) => setTimeout(r, 500));
  const early = clients.filter((c) => c.closedAt !== undefined).length;
  expect(early).toBeGreaterThanOrEqual(30);
  await expect.poll(() => clients.filter((c) => c.closedAt === undefined).length, { timeout: 5000 }).toBe(0);
  expect(Math.max(...clients.map((c) => c.closedAt! - t0))).toBeLessThan(4000);
  const res = await postForm(s.events, slashCommand('help', { responseOrigin: s.fake.origin, channel_id: 'C0CAP' }));
  expect(res.status).toBe(200);
  await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0CAP');
  for (const c of clients) c.destroy();
});
