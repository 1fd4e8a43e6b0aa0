// The Discord front end: one discord.js client with the Guilds intent only (slash commands need no
// privileged intent, and DMs arrive as interactions), mentions disabled for every message it sends,
// each interaction handled in ./handlers.ts, and a clean shutdown on SIGINT/SIGTERM.
import { Client, GatewayIntentBits, type Interaction, Partials } from 'discord.js';
import type { Config } from '../../config.js';
import { openConversation } from '../../conversation/open.js';
import type { ThreadRepository } from '../../store/repository.js';
import { type HandlerDeps, handleInteraction } from './handlers.js';
import { redact } from '../../redact.js';
import { apologise } from './respond.js';
import type { ShardList } from './shard-list.js';

/** In-flight answers get this long to finish at shutdown. */
const DRAIN_MS = 5000;

export interface DiscordOptions {
  /** `--shards N|auto|0,1/4`: run under discord.js's ShardingManager instead of one client. */
  shards?: number | 'auto' | ShardList | null;
  /** A thread store to use instead of opening config.db (the caller then closes it). */
  repository?: ThreadRepository;
  /** Listen for SIGINT/SIGTERM (default true). */
  signals?: boolean;
  /** Attach memory charts (default true). */
  chart?: boolean;
  /** Where operator messages go (one line each; default stderr). */
  log?: (line: string) => void;
}

export interface DiscordHandle {
  /** The client; null for a sharding manager (each shard's client lives in its own process). */
  client: Client | null;
  /** Where threads are kept; null for a sharding manager (each shard process opens its own). */
  store: string | null;
  /** Stop taking interactions, let in-flight answers finish (up to 5 s), disconnect. Idempotent. */
  stop(): Promise<void>;
}

const RESTARTING = 'napkin is restarting — please ask again in a minute.';

/** During shutdown: a private word instead of Discord's "interaction failed". */
async function refuse(i: Interaction): Promise<void> {
  if (i.isRepliable()) await i.reply({ content: RESTARTING, flags: 64 });
}

/** A token Discord refuses names the variable to fix, never its value; other failures pass as they are. */
function loginProblem(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (code === 'TokenInvalid') return new Error('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
  // The gateway's close 4004 reaches login as this message (@discordjs/ws).
  if ((err as Error)?.message === 'Authentication failed') return new Error(GATEWAY_4004);
  return err;
}

/** Close code 4004: the token is wrong; discord.js does not reconnect, so napkin stops and says why. */
const GATEWAY_4004 = 'Discord closed the gateway with 4004 (Authentication failed): check DISCORD_TOKEN';

const describe = (i: Interaction) =>
  i.isChatInputCommand() ? `/napkin ${i.options.getSubcommand(false) ?? ''}` : i.isButton() ? 'button' : 'interaction';

export async function startDiscord(config: Config, opts: DiscordOptions = {}): Promise<DiscordHandle> {
  const discord = config.discord;
  if (!discord) throw new Error('DISCORD_TOKEN is not set');
  if (opts.shards) {
    const { startShards } = await import('./shard.js');
    return startShards(config, opts.shards, opts);
  }
  // Errors from Discord's API can quote a request: anything token-like is blanked before it is printed.
  const log = opts.log ?? ((line: string) => console.error(redact(line)));
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // A channel the client has not cached (an archived thread after a restart, a DM) is still built
    // from the interaction's own channel data, so napkin can tell a thread and its parent.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(discord.apiUrl ? { rest: { api: discord.apiUrl } } : {}),
  });
  const conversation = await openConversation(config, {
    repository: opts.repository,
    charts: opts.chart !== false,
    log,
  });
  const deps: HandlerDeps = { client, conversation };

  const inFlight = new Set<Promise<void>>();
  let closing = false;
  let connected = false;
  client.on('interactionCreate', (i) => {
    const work = (closing ? refuse(i) : handleInteraction(deps, i)).catch(async (err: unknown) => {
      // One line for the operator (no token, no stack); a short apology for the user.
      log(`napkin: discord: ${describe(i)} failed: ${(err as Error)?.message ?? String(err)}`.split('\n')[0]);
      if (i.isRepliable()) await apologise(i).catch(() => undefined);
      else if (i.isAutocomplete() && !i.responded) await i.respond([]).catch(() => undefined);
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  // An unheard 'error' event would throw; the gateway reconnects by itself, so a line is enough.
  client.on('error', (err) => log(`napkin: discord: ${err.message}`));
  client.on('shardError', (err, id) => log(`napkin: discord: shard ${id}: ${redact(err.message)}`));
  // A token revoked while running: without a connection napkin answers nothing, so it exits non-zero
  // (a process manager restarts it, and the operator reads why) instead of living on silently.
  client.on('shardDisconnect', (event, id) => {
    // Before ready, login fails with the same words (loginProblem).
    if (event.code !== 4004 || closing || !connected) return;
    log(`napkin: discord: shard ${id}: ${GATEWAY_4004}`);
    void stop().finally(() => process.exit(1));
  });

  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  try {
    await client.login(discord.token);
    await ready;
    connected = true;
  } catch (err) {
    await client.destroy();
    await conversation.close();
    throw loginProblem(err);
  }

  let stopping: Promise<void> | undefined;
  const onSignal = () => void stop();
  const stop = () => {
    stopping ??= (async () => {
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DRAIN_MS);
      });
      await Promise.race([Promise.allSettled([...inFlight]), late]);
      clearTimeout(timer);
      await client.destroy();
      await conversation.close();
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('disconnect', onSignal);
      // A shard process's IPC channel to its manager would keep it alive after everything else closed.
      if (client.shard && process.connected) process.disconnect();
    })();
    return stopping;
  };
  // Kept until the end of stop(): a second signal (Ctrl-C reaches every shard and the manager forwards
  // SIGTERM too) must not kill a process that is still finishing its answers.
  if (opts.signals !== false) process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  // A shard process whose manager is gone (its IPC channel closed) would otherwise live on unmanaged.
  if (client.shard) process.once('disconnect', onSignal);
  return { client, store: conversation.store, stop };
}
