// The only reader of the environment: process.env, with a `.env` file in the working directory
// underneath it (the environment wins). Every variable the bot reads is typed here; a missing or
// malformed one is named in the error, and its value is never echoed (tokens are secrets).
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { ok, type Result } from './result.js';

export interface DiscordConfig {
  token: string;
  /** Register commands for this one server (instant) instead of globally. */
  guildId: string | null;
  /** REST base, e.g. http://127.0.0.1:3999/api, for a REST proxy or a test double. */
  apiUrl: string | null;
}

export interface SlackConfig {
  botToken: string;
  /** xapp-… token: Socket Mode; without it, HTTP mode on `port` with signature checks. */
  appToken: string | null;
  signingSecret: string | null;
  /** Web API base, e.g. http://127.0.0.1:3998/api/, for a proxy or a test double. */
  apiUrl: string | null;
  port: number;
}

export interface Config {
  discord: DiscordConfig | null;
  slack: SlackConfig | null;
  /** NAPKIN_DB: SQLite file of thread state, or ':memory:'. */
  db: string;
  /** NAPKIN_DATABASE_URL: a PostgreSQL server replicas share (wins over `db`), or null. */
  databaseUrl: string | null;
  retentionDays: number;
  rateLimit: { limit: number; windowMs: number };
}

export type Env = Record<string, string | undefined>;

/** `.env` under the process environment; a missing file is fine. */
export function readEnv(path = '.env'): Env {
  const fromFile = existsSync(path) ? parseDotenv(readFileSync(path)) : {};
  return { ...fromFile, ...process.env };
}

export function loadConfig(env: Env = readEnv()): Result<Config, string[]> {
  const errors: string[] = [];
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const int = (name: string, dflt: number, min: number, max: number) => {
    const v = get(name);
    if (v === null) return dflt;
    const n = Number(v);
    if (/^\d+$/.test(v) && n >= min && n <= max) return n;
    errors.push(`${name} must be a whole number from ${min} to ${max}`);
    return dflt;
  };
  const url = (name: string) => {
    const v = get(name);
    if (v !== null && !/^https?:\/\/[^\s/]+/.test(v)) errors.push(`${name} must be an http(s) URL`);
    return v;
  };
  const token = (name: string, prefix = '') => {
    const v = get(name);
    if (v !== null && (/[\s"']/.test(v) || !v.startsWith(prefix))) {
      errors.push(`${name} is malformed${prefix ? ` (it starts with ${prefix})` : ' (no spaces or quotes)'}`);
    }
    return v;
  };

  const discordToken = token('DISCORD_TOKEN');
  const guildId = get('DISCORD_GUILD_ID');
  if (guildId !== null && !/^\d{5,25}$/.test(guildId)) errors.push('DISCORD_GUILD_ID must be a numeric server id');
  const discordApi = url('DISCORD_API_URL');
  const botToken = token('SLACK_BOT_TOKEN', 'xoxb-');
  const appToken = token('SLACK_APP_TOKEN', 'xapp-');
  const signingSecret = token('SLACK_SIGNING_SECRET');
  const slackApi = url('SLACK_API_URL');
  const port = int('PORT', 3000, 1, 65535);
  const databaseUrl = get('NAPKIN_DATABASE_URL');
  // Checked for shape only; its value (a password inside) is never echoed.
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    errors.push(
      'NAPKIN_DATABASE_URL must be a postgres:// or postgresql:// URL (postgres://user:password@host:5432/db)',
    );
  }
  if (botToken !== null && appToken === null && signingSecret === null) {
    errors.push('SLACK_SIGNING_SECRET is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (botToken === null && (appToken !== null || signingSecret !== null)) {
    errors.push(
      'SLACK_BOT_TOKEN is missing: the Slack front end needs it with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
    );
  }
  const config: Config = {
    discord: discordToken ? { token: discordToken, guildId, apiUrl: discordApi } : null,
    slack: botToken ? { botToken, appToken, signingSecret, apiUrl: slackApi, port } : null,
    db: get('NAPKIN_DB') ?? './data/napkin.db',
    databaseUrl,
    retentionDays: int('NAPKIN_RETENTION_DAYS', 90, 1, 36500),
    rateLimit: {
      limit: int('NAPKIN_RATE_LIMIT', 10, 1, 1_000_000),
      windowMs: int('NAPKIN_RATE_WINDOW_SECONDS', 10, 1, 86_400) * 1000,
    },
  };
  return errors.length ? { ok: false, error: errors } : ok(config);
}
