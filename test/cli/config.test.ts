import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('config', () => {
  it('has no chat front end and sensible defaults without variables', () => {
    const c = loadConfig({});
    expect(c).toEqual({
      ok: true,
      value: {
        discord: null,
        slack: null,
        db: './data/napkin.db',
        databaseUrl: null,
        retentionDays: 90,
        rateLimit: { limit: 10, windowMs: 10000 },
      },
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:3999/api',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'sec',
      SLACK_API_URL: 'http://127.0.0.1:3998/api/',
      PORT: '4000',
      NAPKIN_DB: ':memory:',
      NAPKIN_DATABASE_URL: 'postgres://napkin:pw@db.internal:5432/napkin',
      NAPKIN_RETENTION_DAYS: '7',
      NAPKIN_RATE_LIMIT: '3',
      NAPKIN_RATE_WINDOW_SECONDS: '60',
    });
    expect(c.ok && c.value).toEqual({
      discord: { token: 'abc.def.ghi', guildId: '123456789012345678', apiUrl: 'http://127.0.0.1:3999/api' },
      slack: {
        botToken: 'xoxb-1',
        appToken: null,
        signingSecret: 'sec',
        apiUrl: 'http://127.0.0.1:3998/api/',
        port: 4000,
      },
      db: ':memory:',
      databaseUrl: 'postgres://napkin:pw@db.internal:5432/napkin',
      retentionDays: 7,
      rateLimit: { limit: 3, windowMs: 60000 },
    });
  });

  it('names every missing or malformed variable and none of the secret values', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxp-secret',
      PORT: '0',
      DISCORD_GUILD_ID: 'abc',
      NAPKIN_RETENTION_DAYS: '-1',
      NAPKIN_DATABASE_URL: 'mysql://root:secret@db/napkin',
    });
    expect(c.ok).toBe(false);
    const errors = c.ok ? [] : c.error;
    const all = errors.join('\n');
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'PORT',
      'DISCORD_GUILD_ID',
      'NAPKIN_RETENTION_DAYS',
      'NAPKIN_DATABASE_URL',
    ]) {
      expect(all).toContain(name);
    }
    expect(all).not.toContain('secret');
  });

  it('Socket Mode needs no signing secret', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(c.ok && c.value.slack?.appToken).toBe('xapp-1');
  });
});
