// No arguments: start the chat front ends the configuration names (DISCORD_TOKEN, SLACK_BOT_TOKEN),
// or the console when there are none. Chat SDKs are imported only here, lazily, so a CLI answer
// never loads them.
import { type Config, loadConfig } from './config.js';
import { runConsole } from './adapters/console.js';
import { describeShards, parseShards, type ShardList } from './adapters/discord/shard-list.js';

/** The front ends' 5 s drain at shutdown, and a second for them to close their stores and connections. */
const EXIT_AFTER_MS = 6000;

export interface StartOptions {
  /** `--shards N|auto|0,1/4`: run Discord under discord.js's ShardingManager (a list: this host's shards). */
  shards: number | 'auto' | ShardList | null;
  /** `--discord-register`: register the slash commands from the command table, then exit. */
  register: boolean;
}

function options(argv: string[]): StartOptions | string {
  const opts: StartOptions = { shards: null, register: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--discord-register') {
      opts.register = true;
      continue;
    }
    if (argv[i] !== '--shards') return `unknown option ${argv[i]} (try --help)`;
    const shards = parseShards(argv[++i]);
    if (typeof shards === 'string' && shards !== 'auto') return shards;
    opts.shards = shards;
  }
  return opts;
}

async function startChat(config: Config, opts: StartOptions): Promise<string[]> {
  const started: string[] = [];
  const stores = new Set<string>();
  if (config.discord) {
    const { startDiscord } = await import('./adapters/discord/bot.js');
    const discord = await startDiscord(config, { shards: opts.shards });
    started.push(opts.shards ? `Discord (${describeShards(opts.shards)})` : 'Discord');
    if (discord.store) stores.add(discord.store);
  }
  if (config.slack) {
    const { startSlack } = await import('./adapters/slack/app.js');
    const slack = await startSlack(config);
    started.push(config.slack.appToken ? 'Slack (Socket Mode)' : `Slack (HTTP on port ${config.slack.port})`);
    stores.add(slack.store);
  }
  // Where threads are kept, never with a password (the store names itself without one).
  return stores.size ? [`${started.join(' and ')}; threads in ${[...stores].join(', ')}`] : started;
}

async function register(config: Config): Promise<number> {
  if (!config.discord) {
    process.stderr.write('napkin: DISCORD_TOKEN is missing: registering slash commands needs the bot token\n');
    return 1;
  }
  const { describeRegistration, registerDiscord } = await import('./adapters/discord/register.js');
  process.stdout.write(`${describeRegistration(await registerDiscord(config))}\n`);
  return 0;
}

/** Resolves to an exit status for the console; chat front ends keep the process alive themselves. */
export async function main(argv: string[]): Promise<number> {
  const opts = options(argv);
  if (typeof opts === 'string') {
    process.stderr.write(`napkin: ${opts}\n`);
    return 2;
  }
  const config = loadConfig();
  if (!config.ok) {
    for (const e of config.error) process.stderr.write(`napkin: ${e}\n`);
    process.stderr.write('napkin: see .env.example for every variable and its format\n');
    return 1;
  }
  if (opts.register) return register(config.value);
  if (!config.value.discord && !config.value.slack) {
    await runConsole(process.stdin, process.stdout);
    return 0;
  }
  let started: string[];
  try {
    started = await startChat(config.value, opts);
  } catch (err) {
    // A rejected token or an unreachable API is a setup problem, not a bug: one line, and nothing of
    // the other front end left running.
    process.stderr.write(`napkin: could not start: ${(err as Error)?.message ?? String(err)}`.split('\n')[0] + '\n');
    process.exit(1);
  }
  process.stdout.write(`napkin: started ${started.join(' and ')}\n`);
  // On SIGTERM/SIGINT each front end drains its answers for up to 5 s, then closes its store. A request
  // still hanging on the platform's API after that would keep the process alive for minutes: end it.
  const exitSoon = () => setTimeout(() => process.exit(0), EXIT_AFTER_MS).unref();
  process.once('SIGTERM', exitSoon).once('SIGINT', exitSoon);
  return 0;
}
