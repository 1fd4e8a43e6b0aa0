// What Slack delivers for a slash command and for an app mention, trimmed to the fields Bolt and napkin
// read. Shapes follow Slack's published payload examples.
import { BOT_USER_ID } from './fake-slack.js';

let seq = 0;

export function slashCommand(text: string, over: Record<string, string> & { responseOrigin: string }) {
  const { responseOrigin, ...rest } = over;
  seq++;
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'napkin-test',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/napkin',
    text,
    api_app_id: 'A0NAPKIN',
    response_url: `${responseOrigin}/respond/${seq}`,
    trigger_id: `trigger-${seq}`,
    ...rest,
  };
}

export interface MentionOptions {
  channel?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
}

/** An `app_mention` event callback; `text` is what follows the mention. */
export function mention(text: string, opts: MentionOptions = {}) {
  seq++;
  const ts = opts.ts ?? `1700001${String(seq).padStart(3, '0')}.000100`;
  const event: Record<string, string> = {
    type: 'app_mention',
    user: opts.user ?? 'U0ALICE',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel: opts.channel ?? 'C0GENERAL',
    event_ts: ts,
  };
  if (opts.thread_ts) event.thread_ts = opts.thread_ts;
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    api_app_id: 'A0NAPKIN',
    event,
    type: 'event_callback',
    event_id: `Ev${seq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEAM', user_id: BOT_USER_ID, is_bot: true }],
  };
}

/** A `message` event: `channel_type` 'im' is a direct message to napkin, 'channel' a plain channel message. */
export function message(text: string, channel_type: 'im' | 'channel', opts: MentionOptions = {}) {
  const body = mention(text, opts);
  body.event.type = 'message';
  body.event.text = text;
  body.event.channel_type = channel_type;
  return body;
}
