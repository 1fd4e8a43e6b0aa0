import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { manifestYaml, slackManifest, toYaml } from '../../src/adapters/slack/manifest.js';

describe('Slack app manifest', () => {
  it('is generated from the command table, and manifest.yml is up to date (npm run slack:manifest)', () => {
    expect(readFileSync('manifest.yml', 'utf8')).toBe(manifestYaml(COMMANDS));
  });

  it('declares /napkin with every command in its usage hint, the bot events and the minimum scopes', () => {
    const m = slackManifest(COMMANDS) as any;
    const [command] = m.features.slash_commands;
    expect(command.command).toBe('/napkin');
    for (const c of COMMANDS) expect(command.usage_hint).toContain(c.usage);
    expect(command.url).toBeUndefined();
    expect(m.settings.event_subscriptions).toEqual({ bot_events: ['app_mention', 'message.im'] });
    expect(m.oauth_config.scopes.bot).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'files:write',
      'im:history',
    ]);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });

  it('points the command and the events at /slack/events for HTTP mode', () => {
    const m = slackManifest(COMMANDS, 'https://napkin.example.org/') as any;
    expect(m.features.slash_commands[0].url).toBe('https://napkin.example.org/slack/events');
    expect(m.settings.event_subscriptions.request_url).toBe('https://napkin.example.org/slack/events');
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('writes YAML with every string quoted, nested by two spaces', () => {
    expect(toYaml({ a: { b: ['x: y', true] }, c: [{ d: '#1', e: 'é' }] })).toBe(
      'a:\n  b:\n    - "x: y"\n    - true\nc:\n  - d: "#1"\n    e: "é"',
    );
  });
});
