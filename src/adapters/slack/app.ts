// The Slack front end: a Bolt app in Socket Mode when an app token is configured (no public URL needed),
// otherwise in HTTP mode on PORT at /slack/events with Slack's request signatures always verified
// (Bolt also rejects timestamps more than five minutes off). It only translates Slack events into
// requests for the command table (./answer.ts) and shuts down cleanly on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import type { RetryOptions, WebClient } from '@slack/web-api';
import { redact } from '../../redact.js';
import { DEFAULT_LIMITS, guard, type HttpLimits, serverOptions } from './http-guard.js';
import { eventFields, slashFields } from './shape.js';
import type { Config } from '../../config.js';
import { openConversation } from '../../conversation/open.js';
import type { ThreadRepository } from '../../store/repository.js';
import { slackFetch } from './fetch.js';
import { type AnswerDeps, answerMention, answerSlash } from './answer.js';
import { EVENTS_PATH, SLASH_COMMAND } from './manifest.js';

// Slack answers 429 (with Retry-After, which the WebClient waits out) or 5xx when busy: retry five
// times with randomised exponential backoff from 0.5 s to 8 s (about 15 s in all), then tell the user.
export const RETRY_POLICY: RetryOptions = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 8000, randomize: true };

/** In-flight answers get this long to finish at shutdown. */
const DRAIN_MS = 5000;

export interface SlackOverrides {
  /** A thread store to use instead of opening config.db (the caller then closes it). */
  repository?: ThreadRepository;
  retryConfig?: RetryOptions;
  /** Listen for SIGINT/SIGTERM (default true). */
  signals?: boolean;
  /** Attach memory charts (default true). */
  charts?: boolean;
  /** The chart renderers' script, or null to draw in the app's thread (default: the built one, if any). */
  chartWorker?: URL | null;
  /** Where operator lines go (default stderr). */
  log?: (message: string, err?: unknown) => void;
  /** Post through napkin's own fetch (default true); false leaves Bolt's WebClient its default (the bench compares). */
  napkinFetch?: boolean;
  /** HTTP mode: connection cap and header/request timeouts (./http-guard.ts). */
  httpLimits?: Partial<HttpLimits>;
}

export interface SlackHandle {
  app: App;
  /** HTTP mode: the port listened on; Socket Mode: null. */
  port: number | null;
  /** Where threads are kept (the conversation's store). */
  store: string;
  /** Stop taking requests, let in-flight answers finish (up to 5 s), close the store. Idempotent. */
  stop(): Promise<void>;
}

/** Why auth.test failed, in words that name the variable to fix (never its value). */
function tokenProblem(err: unknown, apiUrl: string | null): string {
  const e = err as { code?: string; data?: { error?: string }; original?: Error; message?: string };
  if (e?.data?.error) return `Slack rejected SLACK_BOT_TOKEN (${e.data.error})`;
  const where = apiUrl ? `SLACK_API_URL ${apiUrl}` : 'the Slack Web API';
  return `could not reach ${where}: ${e?.original?.message ?? e?.message ?? String(err)}`;
}

// Errors from the Web API can quote a request: anything token-like is blanked before it is printed.
const stderr = (message: string, err?: unknown) =>
  console.error(redact(err === undefined ? message : `${message}: ${(err as Error)?.message ?? String(err)}`));

/** `log` with anything token-like blanked out of the line and the error's message. */
function redacting(log: (message: string, err?: unknown) => void) {
  return (message: string, err?: unknown) =>
    log(redact(message), err === undefined ? undefined : new Error(redact((err as Error)?.message ?? String(err))));
}

export async function startSlack(config: Config, over: SlackOverrides = {}): Promise<SlackHandle> {
  const slack = config.slack;
  if (!slack) throw new Error('SLACK_BOT_TOKEN is not set');
  const log = redacting(over.log ?? stderr);
  const socketMode = slack.appToken !== null;
  if (!socketMode && !slack.signingSecret) throw new Error('SLACK_SIGNING_SECRET is missing: HTTP mode needs it');

  const app = new App({
    token: slack.botToken,
    ...(socketMode
      ? { socketMode: true, appToken: slack.appToken! }
      : { signingSecret: slack.signingSecret!, endpoints: EVENTS_PATH, signatureVerification: true }),
    logLevel: LogLevel.ERROR,
    // napkin keeps its own thread store; Bolt's conversation store would only add work to every request.
    convoStore: false,
    // Shared by the app's WebClient and Socket Mode's apps.connections.open, so neither reaches past apiUrl.
    clientOptions: {
      slackApiUrl: slack.apiUrl ?? undefined,
      retryConfig: over.retryConfig ?? RETRY_POLICY,
      // Posts answers over kept-alive node:http; undici's fetch cost Bolt's thread more than napkin's answer.
      fetch: over.napkinFetch === false ? undefined : slackFetch,
    },
    // Bolt would otherwise check the token in the background and crash the process later if it fails.
    deferInitialization: true,
  });
  await app.init().catch((err: unknown) => {
    throw new Error(tokenProblem(err, slack.apiUrl));
  });

  const conversation = await openConversation(config, {
    repository: over.repository,
    charts: over.charts,
    chartWorker: over.chartWorker,
    log: (line) => log(line),
  });
  const deps: AnswerDeps = { conversation, log };
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  };

  app.error(async (err) => log('slack: unhandled error', err));
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const fields = slashFields(command as unknown as Record<string, unknown>);
    if (typeof fields === 'string') {
      log(`slack: refused a /napkin request: ${fields}`);
      await ack(`napkin could not read this request: ${fields}.`);
      return;
    }
    await ack();
    const { text, user, channel, trigger } = fields;
    // trigger_id is unique per invocation: the same signed command sent again is answered once.
    await track(answerSlash(deps, { client, respond, text, user, channel, eventId: trigger ?? undefined }));
  });
  /** An event's fields checked, then answered as a mention. */
  const mentioned = (event: Record<string, unknown>, eventId: unknown, client: WebClient, bot?: string) => {
    const fields = eventFields(event);
    if (typeof fields === 'string') {
      log(`slack: ignored a ${String(event.type)} event: ${fields}`);
      return Promise.resolve();
    }
    const id = typeof eventId === 'string' ? eventId : undefined;
    return track(answerMention(deps, { client, ...fields, eventId: id }, bot));
  };
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (!event.user) return;
    await mentioned(event as unknown as Record<string, unknown>, body.event_id, client, context.botUserId);
  });
  // Direct messages need no mention; channel messages without one are none of napkin's business.
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
    await mentioned(event as unknown as Record<string, unknown>, body.event_id, client, context.botUserId);
  });

  // Socket Mode resolves once Slack's hello arrives; HTTP mode with the listening server.
  const limits = { ...DEFAULT_LIMITS, ...over.httpLimits };
  const started = socketMode ? await app.start() : await app.start(slack.port, serverOptions(limits));
  if (!socketMode) guard(started as Server, limits);
  const port = socketMode ? null : (started.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  const onSignal = () => void stop();
  const stop = () => {
    stopping ??= (async () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      await app.stop().catch((err: unknown) => log('slack: stopping', err));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DRAIN_MS);
      });
      await Promise.race([Promise.allSettled([...inFlight]), late]);
      clearTimeout(timer);
      await conversation.close();
    })();
    return stopping;
  };
  if (over.signals !== false) process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  return { app, port, store: conversation.store, stop };
}
