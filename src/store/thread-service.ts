// The seam between the chat front ends and thread state (issue 7): a front end that sees a message in
// a thread hands it here; the service keeps the base spec and variants in SQLite and answers with a
// comparison against the base. Implemented by openThreadService in ./threads.ts.
import type { Reply } from '../model/reply.js';

export interface ThreadKey {
  platform: 'discord' | 'slack';
  channel: string;
  /** Discord: the thread channel id; Slack: the parent message's thread_ts. */
  thread: string;
}

export interface ThreadService {
  /** Answer `text` inside a thread: the first spec sets the base, later ones compare against it; also `history`, `base <spec>`, `base #N`. */
  answer(key: ThreadKey, text: string, user: string): Promise<Reply>;
  /** Make `input` the base of a thread (the estimate a thread is started from). */
  setBase(key: ThreadKey, input: string, user: string): Promise<void>;
  /** Whether napkin already keeps this thread. */
  has(key: ThreadKey): boolean;
  close(): void;
}
