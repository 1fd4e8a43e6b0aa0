// One Slack request as a message for the conversation, and its outcome back as Slack messages. Slash
// commands answer in the channel (the answer is for the discussion) and become the base of the thread
// under that answer; mentions and direct messages answer in a thread and take part in its comparison.
// Errors and notices are ephemeral. Whatever fails, the asker hears about it and the app keeps running.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { internalErrorReply } from '../../commands/replies/notices.js';
import type { Conversation } from '../../conversation/answer.js';
import type { Output } from '../../conversation/message.js';
import type { Reply } from '../../model/reply.js';
import { renderSlack } from '../../render/slack.js';
import { uploadChart } from './chart.js';
import { redact } from '../../redact.js';
import { tsMillis } from './shape.js';
import { slackToPlain } from './text.js';

export interface AnswerDeps {
  conversation: Conversation;
  /** Operator log: never user-facing, never given a token. */
  log: (message: string, err?: unknown) => void;
}

export interface SlashRequest {
  client: WebClient;
  respond: RespondFn;
  text: string;
  user: string;
  channel: string;
  /** The invocation's trigger_id: a replay of the same command is answered once. */
  eventId?: string;
}

export interface MentionRequest {
  client: WebClient;
  text: string;
  user: string;
  channel: string;
  ts: string;
  /** Set when the message is a reply inside a thread. */
  thread_ts?: string;
  /** The Events API's id of this event: a retry of it is answered once. */
  eventId?: string;
}

// Posted messages never unfurl (no link previews) and never link bare names.
const QUIET = { unfurl_links: false, unfurl_media: false, link_names: false } as const;

/**
 * What the asker reads when something failed: Slack refusing the answer even after the retries (the Web
 * API's errors carry a `slack_…` code), or else a bug, which gets the usual one-line apology.
 */
function failure(err: unknown, text: string): Reply {
  const e = err as { code?: unknown; data?: { error?: string }; statusCode?: number };
  if (!String(e?.code ?? '').startsWith('slack_')) return internalErrorReply(text, err);
  const why = e.data?.error
    ? `Slack said ${redact(e.data.error)}`
    : e.statusCode
      ? `Slack answered HTTP ${e.statusCode}`
      : 'Slack could not be reached';
  return {
    kind: 'error',
    title: `napkin could not post its answer (${why}, after several tries). Please try again in a minute.`,
    summary: [],
    sections: [],
    notes: [],
    ephemeral: true,
  };
}

const notInChannel = (err: unknown) =>
  ['not_in_channel', 'channel_not_found'].includes((err as { data?: { error?: string } })?.data?.error ?? '');

export async function answerSlash(deps: AnswerDeps, req: SlashRequest): Promise<void> {
  const { client, respond, user, channel } = req;
  const text = slackToPlain(req.text);
  const privately = (reply: Reply) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(reply) });
  const out: Output = {
    async text({ reply, private: only }) {
      const message = renderSlack(reply!);
      if (only) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        return null;
      }
      try {
        return (await client.chat.postMessage({ channel, ...message, ...QUIET })).ts ?? null;
      } catch (err) {
        // A channel napkin is not a member of (or a DM): the command's response_url can still answer there.
        if (!notInChannel(err)) throw err;
        await respond({ response_type: 'in_channel', replace_original: false, ...message });
        return null;
      }
    },
    chart: (image) => uploadChart(client, image, { channel }),
  };
  try {
    await deps.conversation.answer({ platform: 'slack', place: { channel }, user, text, eventId: req.eventId }, out);
  } catch (err) {
    deps.log(`slack: /napkin from ${user} in ${channel} failed`, err);
    await privately(failure(err, text)).catch((again) => deps.log('slack: could not tell the user either', again));
  }
}

export async function answerMention(deps: AnswerDeps, req: MentionRequest, botUserId?: string): Promise<void> {
  const { client, user, channel } = req;
  // A mention outside a thread is answered in a thread under it, which it starts.
  const thread_ts = req.thread_ts ?? req.ts;
  const text = slackToPlain(req.text, botUserId);
  const out: Output = {
    async text({ reply, private: only }) {
      const message = renderSlack(reply!);
      if (only) {
        await client.chat.postEphemeral({ channel, user, thread_ts, ...message });
        return null;
      }
      return (await client.chat.postMessage({ channel, thread_ts, ...message, ...QUIET })).ts ?? null;
    },
    chart: (image) => uploadChart(client, image, { channel, thread_ts }),
  };
  // A reply under an earlier message (napkin's answer, perhaps): its time lets a base kept before a crash be found.
  const threadAt = req.thread_ts && req.thread_ts !== req.ts ? tsMillis(req.thread_ts) : undefined;
  const message = {
    platform: 'slack',
    place: { channel, thread: thread_ts },
    user,
    text,
    eventId: req.eventId,
    threadAt,
  };
  try {
    await deps.conversation.answer(message, out);
  } catch (err) {
    deps.log(`slack: mention from ${user} in ${channel} failed`, err);
    await client.chat
      .postEphemeral({ channel, user, thread_ts, ...renderSlack(failure(err, text)) })
      .catch((again) => deps.log('slack: could not tell the user either', again));
  }
}
