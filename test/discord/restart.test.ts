// A thread outlives the bot: a comparison thread started before a restart still compares against its
// base afterwards, because the base lives in the SQLite store (NAPKIN_DB), not in the process. The new
// client has never seen the thread (the fake lists no threads in GUILD_CREATE, as for an archived one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';
import { isCallback, isEdit, startHarness } from './harness.js';
import { modalSubmit, slash } from './payloads.js';

const dir = mkdtempSync(join(tmpdir(), 'napkin-discord-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('continues a thread after the bot restarts', async () => {
  const fake = await new FakeDiscord().start();
  const env = { NAPKIN_DB: join(dir, 'napkin.db') };
  try {
    const first = await startHarness(env, fake);
    const estimate = first.send(slash('estimate', { spec: 'llama-2-13b' }));
    const msg = (await first.next(estimate, isEdit)).response;
    await first.next(first.send(modalSubmit(msg, 'cmpm:llama-2-13b', { spec: 'L=48' })), isEdit);
    await first.close();

    const second = await startHarness(env, fake);
    const token = second.send(slash('estimate', { spec: 'seq=8192' }, { thread: msg.id }));
    expect((await second.next(token, isCallback)).body.type).toBe(5);
    const e = (await second.next(token, isEdit)).body.embeds[0];
    expect(e.footer.text).toMatch(/^Compared against the thread's base: .*llama-2-13b/);
    expect(e.description).toMatch(/^\*\*Llama-2-13B.*\*\* → \*\*Llama-2-13B.*\*\*$/m);
    expect(e.description).toMatch(/^\\\* \*\*KV cache \/ device\*\*: 3\.13 GiB → \*\*6\.25 GiB\*\*/m);
    await second.close();
  } finally {
    await fake.close();
  }
});
