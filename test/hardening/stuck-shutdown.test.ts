// SIGTERM while an answer hangs on the platform's API (the request never returns): the bot waits the 5 s
// its answers are given, closes its database, and exits 0 soon after, instead of living on for as long
// as the hung request does. Both platforms at once, since each mostly waits.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/spawn.js';
import { FakeDiscord } from '../discord/fake-discord.js';
import { slash } from '../discord/payloads.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { slashCommand } from '../slack/payloads.js';
import { postForm } from '../slack/signed.js';
import { type Bot, freePort, reap, startBot, workDir } from './bot-process.js';
import { Gate } from './gate.js';

const bots: Bot[] = [];
const closers: (() => Promise<void>)[] = [];
beforeAll(ensureBuilt);
afterAll(async () => {
  reap(bots);
  await Promise.all(closers.map((c) => c()));
});

/** SIGTERM now: the bot must exit 0 after its 5 s drain but well before the hung request ends, database closed. */
async function expectDrainedExit(bot: Bot, db: string): Promise<void> {
  const t0 = Date.now();
  bot.child.kill('SIGTERM');
  const exit = await bot.exited;
  const ms = Date.now() - t0;
  expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  expect(ms).toBeGreaterThanOrEqual(5000);
  expect(ms).toBeLessThan(9000);
  expect(existsSync(db)).toBe(true);
  expect(existsSync(`${db}-wal`)).toBe(false);
}

describe.concurrent('an answer stuck on the platform at SIGTERM', () => {
  it('Discord: exits 0 within seconds of the 5 s drain, database closed', async () => {
    const fake = await new FakeDiscord().start();
    // Never released: the callback that would deliver the answer hangs for good.
    const gate = await Gate.start(`http://127.0.0.1:${fake.port}`, (m, p) => m === 'POST' && p.endsWith('/callback'));
    closers.push(
      () => gate.close(),
      () => fake.close(),
    );
    const db = join(workDir(), 'napkin.db');
    const bot = startBot({
      DISCORD_TOKEN: 'stuck.discord.token',
      DISCORD_API_URL: `${gate.origin}/api`,
      NAPKIN_DB: db,
    });
    bots.push(bot);
    await bot.printed('napkin: started Discord');
    fake.gateway.dispatch('INTERACTION_CREATE', slash('estimate', { spec: 'gpt2 nochart' }).payload, 0);
    await gate.held();

    await expectDrainedExit(bot, db);
  });

  it('Slack: exits 0 within seconds of the 5 s drain, database closed', async () => {
    const fake = await FakeSlack.start();
    const gate = await Gate.start(fake.origin, (_m, p) => p === '/api/chat.postMessage');
    closers.push(
      () => gate.close(),
      () => fake.close(),
    );
    const port = await freePort();
    const db = join(workDir(), 'napkin.db');
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-stuck',
      SLACK_SIGNING_SECRET: 'stuck-secret',
      SLACK_API_URL: `${gate.origin}/api/`,
    };
    const bot = startBot({ ...env, PORT: String(port), NAPKIN_DB: db });
    bots.push(bot);
    await bot.printed('napkin: started Slack');
    const command = slashCommand('help', { responseOrigin: fake.origin });
    await postForm(`http://127.0.0.1:${port}/slack/events`, command, { secret: 'stuck-secret' });
    await gate.held();

    await expectDrainedExit(bot, db);
  });
});
