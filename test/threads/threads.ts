// The conversation over a thread store, as the chat adapters drive it, with the calls the thread tests
// need: a message in a thread, an estimate posted at the top level that starts a thread under it (as a
// slash command's answer does), and the stored rows.
import { type Conversation, createConversation } from '../../src/conversation/answer.js';
import type { Reply } from '../../src/model/reply.js';
import type { ThreadKey, ThreadState } from '../../src/model/thread.js';
import { type OpenStoreOptions, openStore } from '../../src/store/open.js';
import type { ThreadRepository } from '../../src/store/repository.js';

export interface Threads {
  conversation: Conversation;
  repository: ThreadRepository;
  /** Lines the conversation logged for operators. */
  logs: string[];
  /** A message inside the thread at `key`; resolves with the reply. */
  answer(key: ThreadKey, text: string, user: string): Promise<Reply>;
  /** `input` answered at the top level of key's channel, posted as the message that names the thread `key`. */
  setBase(key: ThreadKey, input: string, user: string): Promise<Reply>;
  state(key: ThreadKey): Promise<ThreadState | undefined>;
  close(): Promise<void>;
}

export function threadsOver(repository: ThreadRepository, storeProblem: string | null = null, now?: () => number) {
  const logs: string[] = [];
  const conversation = createConversation({ repository, storeProblem, now, log: (l) => logs.push(l) });
  const threads: Threads = {
    conversation,
    repository,
    logs,
    async answer(key, text, user) {
      const place = { channel: key.channel, thread: key.thread };
      return (await conversation.answer({ platform: key.platform, place, user, text })).reply!;
    },
    async setBase(key, input, user) {
      const message = { platform: key.platform, place: { channel: key.channel }, user, text: input };
      return (await conversation.answer(message, { text: async () => key.thread })).reply!;
    },
    state: (key) => repository.thread(key),
    close: () => conversation.close(),
  };
  return threads;
}

/** The store napkin opens from NAPKIN_DB (SQLite, or memory when it cannot), under the conversation. */
export function openThreads(options: Omit<OpenStoreOptions, 'report'> & { report?: (err: unknown) => void }) {
  const errors: unknown[] = [];
  const opened = openStore({ report: (err) => errors.push(err), ...options });
  return { ...threadsOver(opened.repository, opened.problem, options.now), errors, problem: opened.problem };
}
