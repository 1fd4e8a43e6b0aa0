// The answer worker is an optimisation, never a point of failure: when it dies, the commands it held and
// every later one are answered in the app's own thread, chart included.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/spawn.js';
import { type Started, startAgainstFake } from './harness.js';
import { slashCommand } from './payloads.js';
import { postForm } from './signed.js';

let s: Started;
beforeAll(async () => {
  s = await startAgainstFake('http', {}, { answerWorker: pathToFileURL(`${ROOT}/test/fixtures/dying-worker.mjs`) });
});
afterAll(() => s.close());

const command = (text: string, channel_id: string) =>
  postForm(s.events, slashCommand(text, { responseOrigin: s.fake.origin, channel_id }));

describe('a dying answer worker', () => {
  it('loses no command: the one it held and the next are answered in the app thread', async () => {
    expect((await command('llama-2-7b', 'C0DIE1')).status).toBe(200);
    const first = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0DIE1');
    expect(first.body.text).toContain('6.74B');
    const chart = await s.fake.waitFor('files.completeUploadExternal', (b) => b.channel_id === 'C0DIE1');
    expect(chart.body.files[0].title).toBe('Memory per GPU: Llama-2-7B');
    await command('mistral-7b', 'C0DIE2');
    const second = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0DIE2');
    expect(second.body.blocks[0].text.text).toBe('Mistral-7B-v0.1');
  });
});
