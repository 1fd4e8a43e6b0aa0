// What every front end hands the conversation, and what it gets back. An adapter translates its
// platform's event into a Message and renders the Outcome through its Output; nothing else about a
// request differs between Discord, Slack and the console.
import type { Reply } from '../model/reply.js';

/** Where a message was said: a channel, and the thread inside it when there is one. */
export interface Place {
  channel: string;
  /** Set when the message is inside a thread (Slack: thread_ts; Discord: the thread's id). */
  thread?: string;
}

export interface Message {
  /** `discord`, `slack`, `console`, …: free text, the store keeps it as it is. */
  platform: string;
  place: Place;
  user: string;
  /** What the user typed, platform markup already removed. */
  text: string;
  /** The platform's id for this delivery (Slack's event_id): a redelivery is answered only once. */
  eventId?: string;
  /**
   * When the thread's first message was posted (ms since the epoch: Slack's thread_ts, a Discord snowflake),
   * for a reply under a message napkin may have posted; lets a base kept before a crash be found.
   */
  threadAt?: number;
  /** The thread is being opened from an answer to this spec (Discord's Compare… form): it becomes the base first. */
  opensFrom?: string;
}

export interface Outcome {
  /** The answer; null when the message was a redelivery of one already answered (nothing is sent). */
  reply: Reply | null;
  /** Only the asker sees it: errors, rate-limit and busy notices. */
  private: boolean;
  /** A memory chart follows the text (drawn after it is posted). */
  chart: boolean;
  /** A top-level estimate: the spec a thread under the posted answer starts from. */
  startsThread: string | null;
}

/** A drawn chart, ready to upload or attach. */
export interface ChartImage {
  png: Uint8Array;
  /** The models on it, `Llama-2-7B vs Llama-2-13B`, for the file's title and alt text. */
  names: string;
}

/** How an adapter delivers an outcome. */
export interface Output {
  /**
   * The answer needs a moment (a thread's rows are read first): called before that work starts, only for
   * requests that passed the quick checks (Discord defers here; a defer fixes the reply as public).
   */
  wait?(): Promise<void>;
  /** Post the text; resolves to the posted message's id when the platform names one (Slack's ts). */
  text(outcome: Outcome): Promise<string | null>;
  /** Attach the chart after the text: an upload beside it, or an edit of the posted message. */
  chart?(image: ChartImage, posted: string | null, outcome: Outcome): Promise<void>;
}
