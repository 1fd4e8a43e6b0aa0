// Shutdown while answering: the app stops taking requests at once, but an answer already in flight is
// still posted before stop() resolves.
import { expect, it } from 'vitest';
import { memoryRepository } from '../../src/store/memory.js';
import type { ThreadRepository } from '../../src/store/repository.js';
import { startAgainstFake } from './harness.js';
import { mention } from './payloads.js';
import { postJson } from './signed.js';

it('finishes the answer in flight, then stops', async () => {
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // A thread store that holds the thread's read until the test lets it go.
  const rows = memoryRepository();
  const slow: ThreadRepository = {
    ...rows,
    async thread(key) {
      entered();
      await gate;
      return rows.thread(key);
    },
  };
  const s = await startAgainstFake('http', {}, { repository: slow, signals: false });
  await postJson(s.events, mention('history', { channel: 'C0LATE' }));
  await inside;

  let stopped = false;
  const stopping = s.slack.stop().then(() => {
    stopped = true;
  });
  // Closed to new requests while the answer is still held.
  await expect(postJson(s.events, mention('help', { channel: 'C0TOOLATE' }))).rejects.toThrow();
  expect(stopped).toBe(false);

  release();
  await stopping;
  const posted = s.fake.callsOf('chat.postMessage').map((c) => c.body.channel);
  expect(posted).toEqual(['C0LATE']);
  await s.fake.close();
});
