// One Slack request, from what the user typed to the message in the channel. Slash commands answer in
// the channel (the answer is for the discussion) and become the base of the thread under that answer;
// mentions and direct messages answer in a thread and take part in its comparison. Errors and
// rate-limit notices are ephemeral. Whatever fails, the asker hears about it and the app keeps running.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { internalErrorReply } from '../../commands/replies/notices.js';
import type { Reply } from '../../model/reply.js';
import { renderSlack } from '../../render/slack.js';
import type { ThreadKey, ThreadService } from '../../store/thread-service.js';
import type { LastSpecs } from '../../conversation/last-spec.js';
import { type RateLimiter, rateLimitReply } from '../../conversation/rate-limit.js';
import type { Answerer } from './answer-pool.js';
import { type ChartFile, type ChartTarget, drawChart, uploadChart } from './chart.js';
import { slackToPlain } from './text.js';

export interface AnswerDeps {
  threads: ThreadService;
  limiter: RateLimiter;
  lastSpec: LastSpecs;
  /** Answers slash commands (in a worker thread when there is one). */
  answerer: Answerer;
  /** Operator log: never user-facing, never given a token. */
  log: (message: string, err?: unknown) => void;
}

export interface SlashRequest {
  client: WebClient;
  respond: RespondFn;
  text: string;
  user: string;
  channel: string;
}

export interface MentionRequest {
  client: WebClient;
  text: string;
  user: string;
  channel: string;
  ts: string;
  /** Set when the message is a reply inside a thread. */
  thread_ts?: string;
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
    ? `Slack said ${e.data.error}`
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

const chartAfter = (deps: AnswerDeps, client: WebClient, chart: () => Promise<ChartFile | null>, where: ChartTarget) =>
  chart()
    .then((c) => c && uploadChart(client, c, where))
    .catch((err) => deps.log(`slack: chart for ${where.channel} not uploaded`, err));

const asked = (deps: AnswerDeps, user: string, run: () => Promise<Reply>): Promise<Reply> => {
  const gate = deps.limiter.take(user);
  return gate.ok ? run() : Promise.resolve(rateLimitReply(gate.retryAfterMs));
};

export async function answerSlash(deps: AnswerDeps, req: SlashRequest): Promise<void> {
  const { client, respond, user, channel } = req;
  const text = slackToPlain(req.text);
  const privately = (reply: Reply) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(reply) });
  try {
    const gate = deps.limiter.take(user);
    if (!gate.ok) {
      await privately(rateLimitReply(gate.retryAfterMs));
      return;
    }
    const { answer, chart } = await deps.answerer.slash({ text, user, lastSpec: deps.lastSpec.get(user) });
    deps.lastSpec.remember(user, answer);
    if (answer.ephemeral) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: answer.text,
        blocks: JSON.parse(answer.blocks),
      });
      return;
    }
    let ts: string | undefined;
    try {
      // The blocks are already JSON: the client puts a string into the form body as it is.
      const blocks = answer.blocks as unknown as [];
      ts = (await client.chat.postMessage({ channel, text: answer.text, blocks, ...QUIET })).ts;
    } catch (err) {
      // A channel napkin is not a member of (or a DM): the command's response_url can still answer there.
      if (!notInChannel(err)) throw err;
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        text: answer.text,
        blocks: JSON.parse(answer.blocks),
      });
      return;
    }
    // The answer is out; a store that cannot remember it as a thread base must not un-answer it.
    if (ts && answer.kind === 'estimate' && answer.input) {
      await deps.threads
        .setBase({ platform: 'slack', channel, thread: ts }, answer.input, user)
        .catch((err) => deps.log(`slack: could not keep ${channel}/${ts} as a thread base`, err));
    }
    await chartAfter(deps, client, chart, { channel });
  } catch (err) {
    deps.log(`slack: /napkin from ${user} in ${channel} failed`, err);
    await privately(failure(err, text)).catch((again) => deps.log('slack: could not tell the user either', again));
  }
}

export async function answerMention(deps: AnswerDeps, req: MentionRequest, botUserId?: string): Promise<void> {
  const { client, user, channel } = req;
  const thread_ts = req.thread_ts ?? req.ts;
  const key: ThreadKey = { platform: 'slack', channel, thread: thread_ts };
  const text = slackToPlain(req.text, botUserId);
  try {
    const reply = await asked(deps, user, () =>
      deps.threads.answer(key, text, user).catch((err) => {
        deps.log(`slack: thread turn failed in ${channel}/${thread_ts}`, err);
        return internalErrorReply(text, err);
      }),
    );
    const msg = renderSlack(reply);
    if (reply.ephemeral) await client.chat.postEphemeral({ channel, user, thread_ts, ...msg });
    else {
      await client.chat.postMessage({ channel, thread_ts, ...msg, ...QUIET });
      await chartAfter(deps, client, () => drawChart(reply), { channel, thread_ts });
    }
  } catch (err) {
    deps.log(`slack: mention from ${user} in ${channel} failed`, err);
    const msg = renderSlack(failure(err, text));
    await client.chat
      .postEphemeral({ channel, user, thread_ts, ...msg })
      .catch((again) => deps.log('slack: could not tell the user either', again));
  }
}
