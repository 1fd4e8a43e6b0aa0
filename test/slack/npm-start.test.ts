// The whole process as `npm start` runs it (bin/napkin.js → dist/cli.js → main → startSlack), configured
// only through the environment: it answers a signed slash command through the fake Slack, never prints
// its secrets, and exits 0 on SIGTERM.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../hardening/bot-process.js';
import { FakeSlack } from './fake-slack.js';
import { slashCommand } from './payloads.js';
import { BOT_TOKEN, SIGNING_SECRET } from './secrets.js';
import { postForm } from './signed.js';

let fake: FakeSlack;
let child: ChildProcess;
let output = '';
let events: string;

beforeAll(async () => {
  // `npm test` builds first; a bare `vitest` run on a fresh clone builds here.
  if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/build.mjs']);
  fake = await FakeSlack.start();
  const port = await freePort();
  child = spawn(process.execPath, ['bin/napkin.js'], {
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      NAPKIN_DB: ':memory:',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  events = `http://127.0.0.1:${port}/slack/events`;
  // Resolves when main announces what it started (or fails with everything the process printed).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`napkin did not start:\n${output}`)), 15_000);
    const read = (d: Buffer) => {
      output += d;
      if (!output.includes(`Slack (HTTP on port ${port})`)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', () => reject(new Error(`napkin exited early:\n${output}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await fake.close();
});

it('answers through the fake Slack, keeps its secrets, and exits 0 on SIGTERM', async () => {
  const res = await postForm(events, slashCommand('help', { responseOrigin: fake.origin, channel_id: 'C0PROC' }));
  expect(res.status).toBe(200);
  const post = await fake.waitFor('chat.postMessage', (b) => b.channel === 'C0PROC');
  expect(post.body.blocks[0].text.text).toBe('napkin help');

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(output).not.toContain(BOT_TOKEN);
  expect(output).not.toContain(SIGNING_SECRET);
});
