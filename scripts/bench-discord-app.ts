// Child process of the Discord burst row: napkin's real Discord front end (discord.js) against the fake
// Discord at the given REST base, with its thread store in a temporary file. Prints {"ready"} once the
// gateway session is up, runs until its stdin closes, then prints its peak RSS and event-loop stalls.
import dns from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startDiscord } from '../src/adapters/discord/bot.js';
import { loadConfig } from '../src/config.js';

// Any host name would need DNS first: refuse them all, so the bench cannot reach past 127.0.0.1.
const lookup = dns.lookup;
dns.lookup = ((host: string, ...rest: unknown[]) => {
  if (host === 'localhost') return (lookup as (...a: unknown[]) => void)(host, ...rest);
  const done = rest[rest.length - 1] as (err: Error) => void;
  process.nextTick(() => done(new Error(`bench guard: refused to look up ${host}`)));
}) as typeof dns.lookup;

const [apiUrl, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}') as { charts?: boolean };
const loop = monitorEventLoopDelay({ resolution: 10 });
const dir = mkdtempSync(join(tmpdir(), 'napkin-bench-discord-'));
const config = loadConfig({
  DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.bench.napkin-bench-token',
  DISCORD_API_URL: apiUrl,
  NAPKIN_DB: join(dir, 'napkin.db'),
  // A burst from a hundred users: the per-user limit would otherwise answer most of it with notices.
  NAPKIN_RATE_LIMIT: '1000000',
});
if (!config.ok) throw new Error(config.error.join('; '));
const bot = await startDiscord(config.value, { signals: false, chart: options.charts !== false });
// Stalls are counted from here: start-up (loading discord.js) is not the burst's.
loop.enable();
// Stalls are counted from here: start-up (loading discord.js) is not the burst's.
loop.enable();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
  const stalls = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ maxRss, stalls })}\n`, () => process.exit(0));
});
