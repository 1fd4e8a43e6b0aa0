// Start napkin's Discord front end the way `npm start` does (config from the environment → startDiscord)
// against a fresh fake Discord, and helpers to send an interaction and wait for what the bot sends back.
import { loadConfig } from '../../src/config.js';
import { type DiscordHandle, startDiscord } from '../../src/adapters/discord/bot.js';
import { aboutToken, FakeDiscord, type Recorded } from './fake-discord.js';
import type { Built } from './payloads.js';

/** A token of the right shape; the fake accepts anything and nothing real is ever contacted. */
export const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.napkin-test-token';

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordHandle;
  /** Operator log lines the bot wrote. */
  logs: string[];
  /** Dispatch an interaction on the gateway; resolves with its token. */
  send(built: Built, shard?: number): string;
  /** The first request about this interaction that matches (callback, webhook edit or follow-up). */
  next(token: string, pred: (r: Recorded) => boolean): Promise<Recorded>;
  close(): Promise<void>;
}

export const isCallback = (r: Recorded) => r.method === 'POST' && r.path.endsWith('/callback');
export const isEdit = (r: Recorded) => r.method === 'PATCH' && r.path.endsWith('/messages/@original');
export const isFollowUp = (r: Recorded) => r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path);

/**
 * napkin against a fake Discord: a new one, or `shared` (kept open at close(), so a second bot can
 * follow the first against the same Discord, e.g. across a restart).
 */
export async function startHarness(env: Record<string, string> = {}, shared?: FakeDiscord): Promise<Harness> {
  const fake = shared ?? (await new FakeDiscord().start());
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api, NAPKIN_DB: ':memory:', ...env });
  if (!config.ok) throw new Error(config.error.join('; '));
  const logs: string[] = [];
  const bot = await startDiscord(config.value, { shards: null, signals: false, log: (l) => logs.push(l) });
  return {
    fake,
    bot,
    logs,
    send(built, shard = 0) {
      fake.gateway.dispatch('INTERACTION_CREATE', built.payload, shard);
      return built.token;
    },
    next(token, pred) {
      return fake.waitFor((r) => aboutToken(r, token) && pred(r));
    },
    async close() {
      await bot.stop();
      if (!shared) await fake.close();
    },
  };
}
