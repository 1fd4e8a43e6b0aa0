// The last spec each user estimated, so `explain <topic>` substitutes its numbers wherever it is asked
// (a channel, a thread, the console). Bounded: past `max` users the one heard from least recently is
// forgotten, so a busy workspace cannot grow it forever. Kept in the process's memory; the interface
// allows a shared store to implement it with promises.
import type { Reply } from '../model/reply.js';

export interface LastSpecs {
  get(user: string): string | undefined | Promise<string | undefined>;
  /** Keep the reply's input when it answered a spec (an estimate or a comparison). */
  remember(user: string, reply: Pick<Reply, 'kind' | 'input'>): void | Promise<void>;
}

export function lastSpecs(max = 10_000): { get(user: string): string | undefined; remember: LastSpecs['remember'] } {
  const seen = new Map<string, string>();
  return {
    get: (user) => seen.get(user),
    remember(user, reply) {
      if (!reply.input || (reply.kind !== 'estimate' && reply.kind !== 'compare')) return;
      // Re-inserting moves the user to the end, so the first key is always the least recent.
      seen.delete(user);
      seen.set(user, reply.input);
      if (seen.size > max) seen.delete(seen.keys().next().value as string);
    },
  };
}
