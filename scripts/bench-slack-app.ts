// Child process of the Slack rows: `napkin` starts napkin's real Slack front end in HTTP mode (its options
// as JSON in the third argument), `bare` a
// Bolt app that acks and posts a constant message the size of a typical napkin answer (the same Slack
// traffic, none of napkin's work), and `bare-fetch` the same bare app posting through napkin's fetch
// (src/adapters/slack/fetch.ts), which isolates what napkin's own work costs. Each posts to the fake at
// the given API URL, prints {"port"} and runs until its stdin closes. Each app gets its own process so
// none shares an event loop with autocannon or with another.
import dns from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { App, LogLevel } from '@slack/bolt';
import { BOT_TOKEN, SIGNING_SECRET } from './bench-fake-slack.js';

/** Any host name would need DNS first: refuse them all, so the bench cannot reach past 127.0.0.1. */
function loopbackOnly(): void {
  const refuse = (host: string) => new Error(`bench guard: refused to look up ${host}`);
  const lookup = dns.lookup;
  dns.lookup = ((host: string, ...rest: unknown[]) => {
    if (host === 'localhost') return (lookup as (...a: unknown[]) => void)(host, ...rest);
    const done = rest[rest.length - 1] as (err: Error) => void;
    process.nextTick(() => done(refuse(host)));
  }) as typeof dns.lookup;
}

/** `constant`: {text, blocks} with the blocks as JSON text, posted as napkin posts its answers. */
async function bare(apiUrl: string, constant: string, leanFetch: boolean): Promise<number> {
  const { text, blocks } = JSON.parse(constant) as { text: string; blocks: string };
  const fetch = leanFetch ? (await import('../src/adapters/slack/fetch.js')).slackFetch : undefined;
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl, fetch },
  });
  app.command('/napkin', async ({ ack, command, client }) => {
    await ack();
    await client.chat.postMessage({ channel: command.channel_id, text, blocks: blocks as unknown as [] });
  });
  const server = await app.start(0);
  return (server.address() as AddressInfo).port;
}

/** How the napkin app is run: its fetch, where charts are drawn, the rate limit. */
interface NapkinOptions {
  fetch?: 'napkin' | 'bolt';
  charts?: 'threads' | 'app' | 'off';
  rateLimit?: string;
  /** NAPKIN_DB: a file (default, as napkin runs) or ':memory:'. */
  db?: 'file' | 'memory';
}

async function napkin(apiUrl: string, options: NapkinOptions): Promise<number> {
  // Imported here so the bare app never evaluates napkin's modules.
  const [{ loadConfig }, { startSlack }] = await Promise.all([
    import('../src/config.js'),
    import('../src/adapters/slack/app.js'),
  ]);
  dbDir = mkdtempSync(join(tmpdir(), 'napkin-bench-slack-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    // A database file, as napkin runs by default (./data/napkin.db), so its commits are measured too.
    NAPKIN_DB: options.db === 'memory' ? ':memory:' : join(dbDir, 'napkin.db'),
    // The load comes from a few hundred users at thousands of requests a second; the per-user limit
    // would otherwise turn most of it into "slow down" notices.
    NAPKIN_RATE_LIMIT: options.rateLimit ?? '1000000',
  });
  if (!config.ok) throw new Error(config.error.join('; '));
  const over = {
    signals: false,
    napkinFetch: options.fetch !== 'bolt',
    ...(options.charts === 'app' ? { chartWorker: null } : {}),
    ...(options.charts === 'off' ? { charts: false } : {}),
  };
  const handle = await startSlack({ ...config.value, slack: { ...config.value.slack!, port: 0 } }, over);
  return handle.port!;
}

/** napkin's database directory, removed when the app stops (the bare apps have none). */
let dbDir: string | undefined;
const [mode, apiUrl, constant] = process.argv.slice(2);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
loopbackOnly();
const port = await (mode === 'napkin'
  ? napkin(apiUrl, JSON.parse(constant ?? '{}'))
  : bare(apiUrl, constant, mode === 'bare-fetch'));
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  // The peak resident set of this process over its life (maxRSS is in KiB), and how long its event loop stalled.
  const stalls = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ maxRss, stalls })}\n`, () => process.exit(0));
});
