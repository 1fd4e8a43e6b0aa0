// No answered thread base is lost to a kill -9 between chat.postMessage (whose ts names the thread) and
// the write (issue 21; about 1 in 300 under load before). The base is written first, under a pending
// name, and bound to the ts after the post, or, when the process died in between, on the thread's first
// reply. Here the fake Slack kills napkin the moment the post arrives, on both backends.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/spawn.js';
import { reap } from '../hardening/bot-process.js';
import { freshDatabase, type TestDatabase } from '../pg/database.js';
import { type Replica, replica } from '../e2e/slack-replica.js';
import { FakeSlack } from './fake-slack.js';
import { mention, slashCommand } from './payloads.js';
import { postForm, postJson } from './signed.js';

let fake: FakeSlack;
let pgdb: TestDatabase;
const running: Replica[] = [];
beforeAll(async () => {
  ensureBuilt();
  fake = await FakeSlack.start();
  pgdb = await freshDatabase();
});
afterEach(() => reap(running.splice(0).map((r) => r.bot)));
afterAll(async () => {
  await fake.close();
  await pgdb.drop();
});

describe.each([
  ['SQLite', () => null],
  ['PostgreSQL', () => pgdb.url],
])('%s', (_name, url) => {
  it('keeps the base of an answer whose process was SIGKILLed as it was posted', async () => {
    const channel = `C0KILL${_name.length}`;
    const napkin = await replica('A', fake, url());
    running.push(napkin);
    await napkin.start();
    let killed = false;
    fake.onCall((call) => {
      if (call.method !== 'chat.postMessage' || call.body.channel !== channel || killed) return;
      killed = true;
      // Before the fake answers: napkin never learns the ts of the message it posted.
      napkin.bot.child.kill('SIGKILL');
    });
    await postForm(
      napkin.events,
      slashCommand('llama-2-7b bf16', { responseOrigin: fake.origin, channel_id: channel }),
    );
    const post = await fake.waitFor('chat.postMessage', (b) => b.channel === channel);
    expect(await napkin.bot.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const ts = post.response!.ts as string;

    await napkin.start();
    await postJson(napkin.events, mention('L=40', { channel, thread_ts: ts }));
    const reply = await fake.waitFor('chat.postMessage', (b) => b.thread_ts === ts);
    expect(reply.body.blocks[0].text.text).toBe('L=40 vs base #1');
    expect(JSON.stringify(reply.body)).toContain("Compared against the thread's base: #1 (llama-2-7b bf16)");
    if (url()) {
      const rows = await pgdb.query("SELECT thread FROM threads WHERE channel = $1 AND thread LIKE 'pending:%'", [
        channel,
      ]);
      expect(rows.rows).toEqual([]);
    }
  }, 120_000);
});
