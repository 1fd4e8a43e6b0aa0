// Signed requests are Slack's, but their fields are still checked before use: a payload of the wrong shape
// (a numeric text, a null user, no channel) is refused with a clear reason instead of failing inside the
// answer or posting to channel `undefined`.

export interface SlashFields {
  text: string;
  user: string;
  channel: string;
  /** Unique per invocation: a replay of the same command carries the same one. */
  trigger: string | null;
}

export interface EventFields {
  text: string;
  user: string;
  channel: string;
  ts: string;
  thread_ts?: string;
}

const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 64;

/** The slash command's fields, or what is wrong with them. */
export function slashFields(c: Record<string, unknown>): SlashFields | string {
  if (typeof c.text !== 'string') return 'text is not a string';
  if (!id(c.user_id)) return 'user_id is missing';
  if (!id(c.channel_id)) return 'channel_id is missing';
  const trigger = typeof c.trigger_id === 'string' && c.trigger_id ? c.trigger_id : null;
  return { text: c.text, user: c.user_id as string, channel: c.channel_id as string, trigger };
}

/** An app_mention or message event's fields, or what is wrong with them. */
export function eventFields(e: Record<string, unknown>): EventFields | string {
  if (e.text !== undefined && typeof e.text !== 'string') return 'text is not a string';
  if (!id(e.user)) return 'user is missing';
  if (!id(e.channel)) return 'channel is missing';
  if (!id(e.ts)) return 'ts is missing';
  if (e.thread_ts !== undefined && !id(e.thread_ts)) return 'thread_ts is not a string';
  const fields: EventFields = {
    text: (e.text as string) ?? '',
    user: e.user as string,
    channel: e.channel as string,
    ts: e.ts as string,
  };
  if (e.thread_ts !== undefined) fields.thread_ts = e.thread_ts as string;
  return fields;
}

/** Slack's ts (`1767225600.000100`) as milliseconds since the epoch. */
export const tsMillis = (ts: string): number | undefined => {
  const s = Number(ts);
  return Number.isFinite(s) && s > 0 ? Math.floor(s * 1000) : undefined;
};
