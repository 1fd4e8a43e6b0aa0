// `npm start -- --shards N|auto`: the bot under discord.js's ShardingManager, one child process per
// shard, each running this same program without `--shards` (discord.js hands the child its shard id
// through the environment). The shard count for `auto` and the identify concurrency are asked of the
// configured REST base, because discord.js's own `auto` would always call discord.com.
import { REST, type RESTGetAPIGatewayBotResult, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Config } from '../../config.js';
import type { DiscordHandle, DiscordOptions } from './bot.js';
import type { ShardList } from './shard-list.js';

/** Discord allows one IDENTIFY per 5 s per concurrency bucket; the spacing discord.js uses by default. */
const IDENTIFY_SPACING_MS = 5500;
/** How long a shard process may take to connect and report ready. */
const SPAWN_TIMEOUT_MS = 30_000;
/** A child gets the same 5 s to finish its answers as a single bot, and a second more to exit. */
const EXIT_GRACE_MS = 6000;

export interface ShardOptions extends DiscordOptions {
  /** The script each shard runs (default: the one running now, i.e. bin/napkin.js). */
  file?: string;
}

/** What Discord recommends: the shard count and how many shards may identify at once. */
export async function gatewayBot(config: Config): Promise<{ shards: number; maxConcurrency: number }> {
  const discord = config.discord!;
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    const data = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return { shards: data.shards, maxConcurrency: data.session_start_limit.max_concurrency };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

function exited(shard: Shard): Promise<void> {
  return shard.process ? new Promise((resolve) => shard.once('death', () => resolve())) : Promise.resolve();
}

export async function startShards(
  config: Config,
  shards: number | 'auto' | ShardList,
  opts: ShardOptions = {},
): Promise<DiscordHandle> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const info = await gatewayBot(config);
  const total = shards === 'auto' ? info.shards : typeof shards === 'object' ? shards.total : shards;
  const mine = typeof shards === 'object' ? shards.ids : Array.from({ length: total }, (_, id) => id);
  const manager = new ShardingManager(opts.file ?? process.argv[1], {
    totalShards: total,
    shardList: mine,
    token: config.discord!.token,
    shardArgs: [],
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    shard.on('death', () => log(`napkin: discord: shard ${shard.id} exited`));
    shard.on('error', (err) => log(`napkin: discord: shard ${shard.id}: ${err.message}`));
  });
  let stopping: Promise<void> | undefined;
  const onSignal = () => void stop();
  const stop = () => {
    stopping ??= (async () => {
      manager.respawn = false;
      const shardsNow = [...manager.shards.values()];
      const deaths = Promise.all(shardsNow.map(exited));
      // Each child drains its own in-flight answers on SIGTERM, then exits.
      for (const s of shardsNow) s.process?.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, EXIT_GRACE_MS);
      });
      await Promise.race([deaths, late]);
      clearTimeout(timer);
      for (const s of shardsNow) if (s.process) s.kill();
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    })();
    return stopping;
  };
  // Kept until the end of stop(): a second signal (Ctrl-C reaches every shard and the manager forwards
  // SIGTERM too) must not kill a process that is still finishing its answers.
  if (opts.signals !== false) process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  // Signals are heard from before the first spawn: a stop while shards start kills the started ones,
  // and the spawn that then fails is the expected end, not an error.
  try {
    if (info.maxConcurrency >= total) {
      // Every shard has its own identify bucket (shard id % max_concurrency): start them all at once.
      await Promise.all(mine.map((id) => manager.createShard(id).spawn(SPAWN_TIMEOUT_MS)));
    } else {
      // One identify per 5 s: this host's shards one after another (as manager.spawn would, for a list too).
      for (const [n, id] of mine.entries()) {
        if (n) await new Promise((r) => setTimeout(r, IDENTIFY_SPACING_MS));
        await manager.createShard(id).spawn(SPAWN_TIMEOUT_MS);
      }
    }
  } catch (err) {
    if (!stopping) {
      await stop();
      throw err;
    }
  }
  return { client: null, store: null, stop };
}
