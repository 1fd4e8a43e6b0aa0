// Starting napkin wrong: a token the platform rejects, a missing or malformed variable (in the
// environment or in .env). Each ends at once with a non-zero status and a message that names the
// variable, with no stack trace and without the secret's value. And .env itself never reaches git.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/spawn.js';
import { FakeDiscord } from '../discord/fake-discord.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { type Bot, startBot, workDir } from './bot-process.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.hardening.rejected-token-zq74';
const SLACK_TOKEN = 'xoxb-hardening-rejected-token-zq75';
const SLACK_SIGNING_SECRET = 'hardening-signing-secret-zq76';
const STACK = /^\s+at .+:\d+/m;

let discord: FakeDiscord;
let slack: FakeSlack;
beforeAll(async () => {
  ensureBuilt();
  [discord, slack] = await Promise.all([new FakeDiscord().start(), FakeSlack.start()]);
});
afterAll(async () => {
  await Promise.all([discord.close(), slack.close()]);
});

async function finished(bot: Bot) {
  const { code } = await bot.exited;
  return { code, output: bot.output() };
}

describe('a token the platform rejects', () => {
  it('Discord: exits 1 naming DISCORD_TOKEN, without its value or a stack trace', async () => {
    discord.failNext('GET', /^\/gateway\/bot$/, 401, { message: '401: Unauthorized', code: 0 });
    const run = await finished(startBot({ DISCORD_TOKEN, DISCORD_API_URL: discord.api, NAPKIN_DB: ':memory:' }));
    expect(run.code).toBe(1);
    expect(run.output).toBe('napkin: could not start: Discord rejected DISCORD_TOKEN (401 Unauthorized)\n');
    expect(run.output).not.toMatch(STACK);
    expect(run.output).not.toContain('zq74');
  });

  it('Slack: exits 1 naming SLACK_BOT_TOKEN, without its value or a stack trace', async () => {
    slack.revoked.add(SLACK_TOKEN);
    const env = {
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      NAPKIN_DB: ':memory:',
    };
    const run = await finished(startBot(env));
    expect(run.code).toBe(1);
    expect(run.output).toBe('napkin: could not start: Slack rejected SLACK_BOT_TOKEN (invalid_auth)\n');
    expect(run.output).not.toMatch(STACK);
    for (const secret of ['zq75', 'zq76']) expect(run.output).not.toContain(secret);
  });
});

describe('a missing or malformed variable', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['no signing secret in HTTP mode', { SLACK_BOT_TOKEN: SLACK_TOKEN }, /SLACK_SIGNING_SECRET is missing/],
    [
      'a user token where the bot token goes',
      { SLACK_BOT_TOKEN: 'xoxp-user-zq77', SLACK_SIGNING_SECRET },
      /SLACK_BOT_TOKEN is malformed/,
    ],
    ['a Discord token with a space', { DISCORD_TOKEN: 'abc def-zq78' }, /DISCORD_TOKEN is malformed/],
    ['a port that is not a number', { DISCORD_TOKEN, PORT: 'eighty' }, /PORT must be a whole number/],
    [
      'a server id that is not an id',
      { DISCORD_TOKEN, DISCORD_GUILD_ID: 'my-server' },
      /DISCORD_GUILD_ID must be a numeric/,
    ],
    [
      'an API base that is not a URL',
      { DISCORD_TOKEN, DISCORD_API_URL: 'localhost:3999' },
      /DISCORD_API_URL must be an http\(s\) URL/,
    ],
    ['a rate limit of zero', { DISCORD_TOKEN, NAPKIN_RATE_LIMIT: '0' }, /NAPKIN_RATE_LIMIT must be a whole number/],
  ];

  it.each(cases)('%s: named, exit 1, no stack trace, no secret', async (_name, env, message) => {
    const run = await finished(startBot(env));
    expect(run.code).toBe(1);
    expect(run.output).toMatch(message);
    expect(run.output).toContain('see .env.example');
    expect(run.output).not.toMatch(STACK);
    for (const v of Object.values(env).filter((x) => /zq\d/.test(x))) expect(run.output).not.toContain(v.slice(-4));
  });

  it('read from .env the same way, the environment winning over the file', async () => {
    const dir = workDir();
    writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=${DISCORD_TOKEN}\nPORT=eighty\nNAPKIN_RATE_LIMIT=0\n`);
    const run = await finished(startBot({ NAPKIN_RATE_LIMIT: '5' }, dir));
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/PORT must be a whole number/);
    expect(run.output).not.toMatch(/NAPKIN_RATE_LIMIT/);
    expect(run.output).not.toContain('zq74');
  });
});

it('.env is ignored by git and not in the repository', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  expect(git('check-ignore', '.env').trim()).toBe('.env');
  expect(git('check-ignore', 'test/some/dir/.env').trim()).toBe('test/some/dir/.env');
  expect(git('ls-files', '--', '.env', '**/.env').trim()).toBe('');
});
