// A Slack replica as a host runs it: `node bin/napkin.js` in HTTP mode on its own port, with its own
// local SQLite file (NAPKIN_DB) and, when given, the PostgreSQL server every replica shares
// (NAPKIN_DATABASE_URL, which wins). Requests reach it signed, as Slack sends them.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { type Bot, freePort, startBot, workDir } from '../hardening/bot-process.js';
import type { FakeSlack } from '../slack/fake-slack.js';
import { SIGNING_SECRET } from '../slack/secrets.js';

export const BOT_TOKEN = 'xoxb-replica-bot-token-zq81';

export interface Replica {
  name: string;
  bot: Bot;
  port: number;
  events: string;
  /** The replica's own SQLite file (unused when the shared database is set). */
  db: string;
  /** Start (again, after a kill) with the same port, file and environment. */
  start(): Promise<void>;
}

export async function replica(name: string, fake: FakeSlack, databaseUrl: string | null): Promise<Replica> {
  const port = await freePort();
  const dir = workDir();
  const r: Replica = {
    name,
    bot: undefined as unknown as Bot,
    port,
    events: `http://127.0.0.1:${port}/slack/events`,
    db: join(dir, 'napkin.db'),
    async start() {
      r.bot = startBot(
        {
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          PORT: String(port),
          NAPKIN_DB: r.db,
          ...(databaseUrl ? { NAPKIN_DATABASE_URL: databaseUrl } : {}),
        },
        dir,
      );
      await r.bot.printed(`napkin: started Slack (HTTP on port ${port})`, 60_000);
    },
  };
  return r;
}

/** POST a signed body with extra headers (X-Slack-Retry-Num), as Slack's retries arrive. */
export function signedPost(
  url: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature,
      ...headers,
    },
    body,
  });
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
