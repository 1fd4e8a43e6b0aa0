// Starts the real Bolt app the way `npm start` does (loadConfig → startSlack) against a FakeSlack, and
// makes sure nothing in the process reaches past 127.0.0.1: every fetch is checked before it goes out.
import { type Env, loadConfig } from '../../src/config.js';
import { type SlackHandle, type SlackOverrides, startSlack } from '../../src/adapters/slack/app.js';
import { FakeSlack } from './fake-slack.js';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './secrets.js';

/** Addresses the process tried to reach that are not on this machine (must stay empty). */
export const offLoopback: string[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') {
    offLoopback.push(url.href);
    return Promise.reject(new Error(`test guard: refused to contact ${url.host}`));
  }
  return realFetch(input, init);
};

export interface Started {
  fake: FakeSlack;
  slack: SlackHandle;
  /** Operator lines the app wrote (captured, not printed, unless the test passed its own log). */
  logs: string[];
  /** HTTP mode: the app's events URL. */
  events: string;
  close(): Promise<void>;
}

export async function startAgainstFake(
  mode: 'http' | 'socket',
  env: Env = {},
  over: SlackOverrides = {},
): Promise<Started> {
  const fake = await FakeSlack.start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    NAPKIN_DB: ':memory:',
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    ...env,
  });
  if (!config.ok) throw new Error(config.error.join('; '));
  const logs: string[] = [];
  const log = (line: string, err?: unknown) =>
    logs.push(err === undefined ? line : `${line}: ${(err as Error)?.message}`);
  // Port 0: the OS picks a free port, so test files can run side by side.
  const slack = await startSlack({ ...config.value, slack: { ...config.value.slack!, port: 0 } }, { log, ...over });
  return {
    fake,
    slack,
    logs,
    events: `http://127.0.0.1:${slack.port}/slack/events`,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}
