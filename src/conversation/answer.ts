// The one place a message is answered, for every front end: a redelivery is dropped, the user's rate
// limit and napkin's back-pressure are checked, the message is answered on its own or as a turn of its
// thread (rows read before, the change written after), the user's last spec is kept for `explain`, and
// the text goes out first, the chart after it from the bounded renderer pool.
import { parse } from '../../grammar/index.js';
import { dispatch, route } from '../commands/index.js';
import { errorReply, internalErrorReply } from '../commands/replies/notices.js';
import { redact } from '../redact.js';
import type { CommandContext } from '../commands/command.js';
import type { Reply } from '../model/reply.js';
import type { ThreadChange, ThreadKey } from '../model/thread.js';
import { randomUUID } from 'node:crypto';
import { PENDING, type ThreadRepository } from '../store/repository.js';
import { type Admission, admission, busyReply } from './busy.js';
import type { ChartPool, ChartTicket } from './charts.js';
import { type EventLedger, eventLedger } from './events.js';
import { type LastSpecs, lastSpecs } from './last-spec.js';
import type { Message, Outcome, Output } from './message.js';
import { inMemoryNote, NO_CHART_NOTE, unkeptBaseNote, unreadableReply, unsavedNote, withNote } from './notes.js';
import { type RateLimiter, rateLimitReply } from './rate-limit.js';
import { planTurn } from './thread-turn.js';
import { turns } from './turns.js';
import { wantsChart } from './wants-chart.js';

export interface ConversationDeps {
  repository: ThreadRepository;
  /** Why threads are kept only in memory (the configured store could not be opened), else null. */
  storeProblem?: string | null;
  /** Per-user limit; none for the console's one local user. */
  limiter?: RateLimiter | null;
  lastSpecs?: LastSpecs;
  events?: EventLedger;
  admission?: Admission;
  /** Where charts are drawn; none: answers go without charts. */
  charts?: ChartPool | null;
  now?: () => number;
  /** A request that would wait longer than this for its turn is deferred first (default 1,000 ms). */
  deferAfterMs?: number;
  /** Operator log: one line, never shown to users. */
  log?: (line: string) => void;
}

export interface Conversation {
  /** Where threads are kept, as napkin says at start (`SQLite ./data/napkin.db`; never a password). */
  readonly store: string;
  /** Answer one message and deliver it through `out`; resolves once the text (and any chart) is out. */
  answer(message: Message, out?: Output): Promise<Outcome>;
  /** Whether napkin keeps a thread at `key` (`at`: its first message's time, to find a base kept before a crash). */
  knows(key: ThreadKey, at?: number): Promise<boolean>;
  /** Let answers in flight finish, for up to `ms`. */
  drain(ms: number): Promise<void>;
  /** Close the store and the renderers. Idempotent. */
  close(): Promise<void>;
}

/** How long before its thread's first message a pending base may have been written (Slack's retries take ~15 s). */
const ADOPT_WINDOW_MS = 60_000;
const QUIET: Output = { text: async () => null };
/** By default a request that would wait longer than this for its turn is deferred (Discord allows 3 s for a first reply). */
const DEFER_AFTER_MS = 1000;

/** The error reply for an estimate or comparison that does not parse, else null: the parser's work only. */
function misspelt(text: string): Reply | null {
  const { command, rest } = route(text);
  if ((command.name !== 'estimate' && command.name !== 'compare') || !rest) return null;
  const parsed = parse(rest);
  return parsed.ok ? null : errorReply(rest, parsed.error);
}
/** Charts being uploaded or attached at once: enough to keep a connection busy, few enough to leave the rest to texts. */
const CHARTS_SENT_AT_ONCE = 2;

/** At most `n` of the functions given to run() at a time; the rest wait their turn in order. */
function limit(n: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
      active++;
      try {
        return await fn();
      } finally {
        active--;
        queue.shift()?.();
      }
    },
  };
}
const DUPLICATE: Outcome = { reply: null, private: true, chart: false, startsThread: null };
const why = (err: unknown) => redact((err instanceof Error ? err.message : String(err)).split('\n')[0]);

export function createConversation(deps: ConversationDeps): Conversation {
  const repo = deps.repository;
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((line: string) => console.error(line));
  const specs = deps.lastSpecs ?? lastSpecs();
  const events = deps.events ?? eventLedger();
  const gate = deps.admission ?? admission();
  const inFlight = new Set<Promise<unknown>>();
  const sending = limit(CHARTS_SENT_AT_ONCE);
  const queue = turns();
  let closing: Promise<void> | undefined;

  /** Store a turn's change; the note for the user when it could not be stored. */
  async function save(key: ThreadKey, change: ThreadChange | null, user: string): Promise<string | null> {
    if (!change) return null;
    try {
      await repo.applyTurn(key, change, user, now());
      const kept = repo.keptInMemory?.(key) ?? deps.storeProblem;
      return kept ? inMemoryNote(kept) : null;
    } catch (err) {
      log(`napkin: thread store: ${why(err)}`);
      return unsavedNote(repo.describeFailure(err));
    }
  }

  /** Keep `input` as the base of the thread at `key` (the estimate a thread is started from). */
  async function startThread(key: ThreadKey, input: string, user: string): Promise<void> {
    // Most bases start a new thread (a slash command's answer): one insert, no read first.
    if (await repo.startThread(key, input, user, now())) return;
    const current = await repo.thread(key);
    if (current?.base === input) return;
    // A spec the thread already has (its estimate, clicked again) moves the base without a new variant.
    const known = current?.variants.some((v) => v.input === input);
    await repo.applyTurn(key, known ? { base: input } : { base: input, variant: input }, user, now());
  }

  /** Name the pending thread base after the posted message (null: drop it); the answer is out either way. */
  async function bind(pending: ThreadKey, posted: string | null, input?: string, user = ''): Promise<void> {
    try {
      if ((await repo.bindThread(pending, posted)) || posted === null || input === undefined) return;
      // A thread already kept under that message (its estimate, posted again): the base moves there.
      await startThread({ ...pending, thread: posted }, input, user);
    } catch (err) {
      log(`napkin: thread store: could not keep ${pending.channel}/${posted} as a thread base: ${why(err)}`);
    }
  }

  async function inThread(msg: Message, key: ThreadKey, ctx: CommandContext, out: Output): Promise<Reply> {
    const plan = planTurn(msg.text, ctx);
    if ('now' in plan) return plan.now;
    await out.wait?.();
    if (msg.opensFrom) {
      await startThread(key, msg.opensFrom, msg.user).catch((err) => log(`napkin: thread store: ${why(err)}`));
    }
    let state: Awaited<ReturnType<ThreadRepository['thread']>>;
    try {
      state = await repo.thread(key);
      // A base written before its answer was posted, by a process that stopped before naming it.
      if (!state && msg.threadAt !== undefined && (await repo.adoptPending(key, msg.threadAt, ADOPT_WINDOW_MS))) {
        state = await repo.thread(key);
      }
    } catch (err) {
      log(`napkin: thread store: ${why(err)}`);
      return unreadableReply(repo.describeFailure(err));
    }
    const turn = await computed(() => plan.run(state));
    const note = await save(key, turn.change, msg.user);
    // A thread kept only in memory says so on every turn, those that write nothing (`history`) too.
    const kept = repo.keptInMemory?.(key) ?? deps.storeProblem;
    const said = note ?? (kept ? inMemoryNote(kept) : null);
    return said ? withNote(turn.reply, said) : turn.reply;
  }

  /** `work` in its turn: one answer computed per turn of the event loop (./turns.ts). */
  async function computed<T>(work: () => Promise<T>): Promise<T> {
    const done = await queue.take();
    try {
      return await work();
    } finally {
      done();
    }
  }

  /**
   * A message outside a thread. With a backlog, parse first: a mistake is answered at once (privately),
   * and a valid request is deferred (Output.wait) before it joins the queue, so no first reply is late.
   */
  async function onItsOwn(msg: Message, ctx: CommandContext, out: Output): Promise<Reply> {
    if (queue.waitMs() > (deps.deferAfterMs ?? DEFER_AFTER_MS)) {
      const mistake = misspelt(msg.text);
      if (mistake) return mistake;
      await out.wait?.();
    }
    return computed(() => dispatch(msg.text, ctx));
  }

  async function compose(msg: Message, out: Output): Promise<Reply> {
    const who = `${msg.platform}:${msg.user}`;
    try {
      const ctx: CommandContext = { platform: msg.platform, user: msg.user, lastSpec: await specs.get(who) };
      const { thread } = msg.place;
      const reply = thread
        ? await inThread(msg, { platform: msg.platform, channel: msg.place.channel, thread }, ctx, out)
        : await onItsOwn(msg, ctx, out);
      await specs.remember(who, reply);
      return reply;
    } catch (err) {
      log(`napkin: ${msg.platform}: answering ${who} failed: ${why(err)}`);
      return internalErrorReply(msg.text, err);
    }
  }

  async function deliver(msg: Message, out: Output): Promise<Outcome> {
    let ticket: ChartTicket | null = null;
    let outcome: Outcome;
    let posted: string | null;
    let pending: ThreadKey | null = null;
    try {
      const reply = await compose(msg, out);
      let text = reply;
      const startsThread = !msg.place.thread && reply.kind === 'estimate' && reply.input ? reply.input : null;
      if (startsThread) {
        // Kept before it is posted, under a pending name bound to the posted message's id after: a process
        // killed between the post and a write after it would lose the thread's base.
        pending = { platform: msg.platform, channel: msg.place.channel, thread: PENDING + randomUUID() };
        try {
          await repo.startThread(pending, startsThread, msg.user, now());
        } catch (err) {
          log(`napkin: thread store: could not keep a thread base: ${why(err)}`);
          pending = null;
          text = withNote(text, unkeptBaseNote(repo.describeFailure(err)));
        }
      }
      if (deps.charts && wantsChart(reply)) {
        ticket = deps.charts.take();
        if (!ticket) text = withNote(reply, NO_CHART_NOTE);
      }
      outcome = {
        reply: text,
        private: reply.ephemeral === true,
        chart: ticket !== null,
        startsThread,
      };
      posted = await out.text(outcome);
    } catch (err) {
      ticket?.cancel();
      if (pending) await bind(pending, null);
      throw err;
    } finally {
      gate.leave();
    }
    if (pending) await bind(pending, posted, outcome.startsThread!, msg.user);
    if (ticket) {
      try {
        // Text first: a chart is drawn and sent only while no text answer is waiting, a few at a time, so
        // in a burst the texts have the CPU and the platform's connections to themselves.
        await gate.idle();
        const image = await ticket.draw(outcome.reply!.estimates!);
        await sending.run(async () => {
          await gate.idle();
          await out.chart?.(image, posted, outcome);
        });
      } catch (err) {
        log(`napkin: ${msg.platform}: chart for ${msg.place.channel} not attached: ${why(err)}`);
      }
    }
    return outcome;
  }

  async function answer(msg: Message, out: Output = QUIET): Promise<Outcome> {
    const event = msg.eventId ? `${msg.platform}:${msg.eventId}` : null;
    if (event && !(await events.claim(event))) return DUPLICATE;
    try {
      return await respond(msg, out);
    } finally {
      // Answered (or failed for good): a shared ledger stops holding the claim open for a retry.
      if (event) await Promise.resolve(events.done?.(event)).catch((err) => log(`napkin: events: ${why(err)}`));
    }
  }

  async function respond(msg: Message, out: Output): Promise<Outcome> {
    const privately = async (reply: Reply) => {
      const outcome: Outcome = { reply, private: true, chart: false, startsThread: null };
      await out.text(outcome);
      return outcome;
    };
    if (deps.limiter) {
      const d = await deps.limiter.take(`${msg.platform}:${msg.user}`);
      if (!d.ok) return privately(rateLimitReply(d.retryAfterMs));
    }
    const admitted = gate.enter();
    if (!admitted.ok) return privately(busyReply(admitted.retryAfterMs));
    const work = deliver(msg, out);
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  }

  return {
    store: repo.name,
    answer,
    async knows(key, at) {
      try {
        if ((await repo.thread(key)) !== undefined) return true;
        return at !== undefined && (await repo.adoptPending(key, at, ADOPT_WINDOW_MS));
      } catch (err) {
        log(`napkin: thread store: ${why(err)}`);
        return false;
      }
    },
    async drain(ms) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      await Promise.race([Promise.allSettled([...inFlight]), late]);
      clearTimeout(timer);
    },
    close() {
      closing ??= (async () => {
        await deps.charts?.close();
        await repo.close();
      })();
      return closing;
    },
  };
}
