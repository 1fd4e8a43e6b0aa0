// The chart renderers are an optimisation, never a point of failure: when one dies, the chart it held
// and every later one are drawn in the app's own thread, and the operator is told once.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/spawn.js';
import { type Started, startAgainstFake } from './harness.js';
import { slashCommand } from './payloads.js';
import { postForm } from './signed.js';

let s: Started;
const logs: string[] = [];
beforeAll(async () => {
  const chartWorker = pathToFileURL(`${ROOT}/test/fixtures/dying-worker.mjs`);
  s = await startAgainstFake('http', {}, { chartWorker, log: (line) => logs.push(line) });
});
afterAll(() => s.close());

const command = (text: string, channel_id: string) =>
  postForm(s.events, slashCommand(text, { responseOrigin: s.fake.origin, channel_id }));

describe('a dying chart renderer', () => {
  it('loses no chart: the one it held and the next are drawn in the app thread', async () => {
    expect((await command('llama-2-7b', 'C0DIE1')).status).toBe(200);
    const first = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0DIE1');
    expect(first.body.text).toContain('6.74B');
    const chart = await s.fake.waitFor('files.completeUploadExternal', (b) => b.channel_id === 'C0DIE1');
    expect(chart.body.files[0].title).toBe('Memory per GPU: Llama-2-7B');
    await command('mistral-7b', 'C0DIE2');
    const second = await s.fake.waitFor('chat.postMessage', (b) => b.channel === 'C0DIE2');
    expect(second.body.blocks[0].text.text).toBe('Mistral-7B-v0.1');
    await s.fake.waitFor('files.completeUploadExternal', (b) => b.channel_id === 'C0DIE2');
    // One renderer thread per spare core, each dying on its first chart: one line each, nothing else.
    expect(logs.length).toBeGreaterThan(0);
    expect(new Set(logs)).toEqual(new Set(['napkin: chart renderer stopped; drawing in the main thread']));
  });
});
