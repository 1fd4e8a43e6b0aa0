// The gateway closing with 4004 (Authentication failed: the token is wrong) is a setup problem, like a
// 401 from REST: napkin exits non-zero at once, naming DISCORD_TOKEN without its value, instead of
// living on without a connection (issue 21).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/spawn.js';
import { startBot } from '../hardening/bot-process.js';
import { FakeDiscord } from './fake-discord.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.gateway.closed-token-zq91';
let fake: FakeDiscord;
beforeAll(async () => {
  ensureBuilt();
  fake = await new FakeDiscord().start();
});
afterAll(() => fake.close());

const STACK = /^\s+at .+:\d+/m;

it('exits 1 naming DISCORD_TOKEN when the gateway closes with 4004, without the token or a stack trace', async () => {
  fake.gateway.refuseIdentify = 4004;
  const bot = startBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api, NAPKIN_DB: ':memory:' });
  const timer = setTimeout(() => bot.child.kill('SIGKILL'), 25_000);
  const { code, signal } = await bot.exited;
  clearTimeout(timer);
  expect({ code, signal }).toEqual({ code: 1, signal: null });
  expect(bot.output()).toContain(
    'napkin: could not start: Discord closed the gateway with 4004 (Authentication failed): check DISCORD_TOKEN',
  );
  expect(bot.output()).not.toContain('zq91');
  expect(bot.output()).not.toMatch(STACK);
}, 40_000);

it('exits 1 naming DISCORD_TOKEN when the gateway closes with 4004 while running', async () => {
  fake.gateway.refuseIdentify = null;
  const bot = startBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api, NAPKIN_DB: ':memory:' });
  await bot.printed('napkin: started Discord');
  fake.gateway.drop(0, 4004);
  const timer = setTimeout(() => bot.child.kill('SIGKILL'), 25_000);
  const { code, signal } = await bot.exited;
  clearTimeout(timer);
  expect({ code, signal }).toEqual({ code: 1, signal: null });
  expect(bot.output()).toContain(
    'napkin: discord: shard 0: Discord closed the gateway with 4004 (Authentication failed): check DISCORD_TOKEN',
  );
  expect(bot.output()).not.toContain('zq91');
  expect(bot.output()).not.toMatch(STACK);
}, 40_000);
