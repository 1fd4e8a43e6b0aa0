// End to end on Discord: the real discord.js client against the fake Discord, with the thread store in
// a real file. Compare… on an estimate starts the thread (its base is the estimate); /napkin estimate
// inside it adds variants, lists the history and changes the base; then the bot restarts and the
// thread continues where it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GUILD_ID, type Recorded } from '../discord/fake-discord.js';
import { type Harness, isCallback, isEdit, startHarness } from '../discord/harness.js';
import { modalSubmit, slash } from '../discord/payloads.js';

const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';
let dir: string;
let h: Harness;
const start = () => startHarness({ NAPKIN_DB: join(dir, 'napkin.db'), NAPKIN_RATE_LIMIT: '1000' });
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-discord-thread-'));
  h = await start();
});
afterAll(async () => {
  await h?.close();
  expect(h.logs).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

const embedText = (r: Recorded) => {
  const e = r.body.data?.embeds?.[0] ?? r.body.embeds?.[0];
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].join(
    '\n',
  );
};

/** `/napkin estimate spec:<text>` typed inside the thread; resolves with the answer's text. */
async function inThread(thread: string, spec: string): Promise<string> {
  const token = h.send(slash('estimate', { spec }, { thread }));
  expect((await h.next(token, isCallback)).body.type).toBe(5);
  return embedText(await h.next(token, isEdit));
}

it('keeps a thread of variants around the estimate it started from, across a restart', async () => {
  const est = h.send(slash('estimate', { spec: BASE }));
  const msg = (await h.next(est, isEdit)).response;
  const submit = h.send(modalSubmit(msg, `cmpm:${BASE}`, { spec: 'L=40' }));
  await h.next(submit, isEdit);
  const posted = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${msg.id}/messages`);
  const layers = embedText(posted);
  expect(layers).toContain('L=40 vs base #1');
  expect(layers).toMatch(/6\.74B → \*\*8\.36B\*\*/);
  expect(layers).toContain('32 → 40');
  expect(layers).toContain(`Compared against the thread's base: #1 (${BASE}).`);

  const thread = msg.id as string;
  const zero = await inThread(thread, 'zero3 16xH100');
  expect(zero).toContain('zero3 16xH100 vs base #1');
  expect(zero).toContain('0 → 3');
  expect(await inThread(thread, 'seq=8192')).toContain('4,096 → 8,192');

  const history = await inThread(thread, 'history');
  expect(history).toContain('Thread history: 4 variants, base #1');
  for (const line of [`#1 (base) ${BASE}`, '#2 #1 + L=40', '#3 #1 + zero3 16xH100', '#4 #1 + seq=8192']) {
    expect(history).toContain(line);
  }
  expect(history).toContain('8.36B');

  expect(await inThread(thread, 'base #2')).toContain("#2 (#1 + L=40) is now this thread's base.");

  // The bot restarts between two messages of the thread. On connecting, Discord lists the guild's
  // active threads (GUILD_CREATE `threads`); the fake's list is empty, so the test sends the thread as
  // Discord would make it known, before the next message in it.
  const known = h.fake.threads.get(thread);
  await h.close();
  h = await start();
  h.fake.gateway.dispatch('THREAD_CREATE', known, h.fake.gateway.shardOf(GUILD_ID));
  const after = await inThread(thread, 'seq=8192');
  expect(after).toContain('seq=8192 vs base #2');
  expect(after).toContain("Compared against the thread's base: #2 (#1 + L=40).");
  expect(after).toMatch(/8\.36B/);
  expect(await inThread(thread, 'history')).toContain('#5 #2 + seq=8192');
});
