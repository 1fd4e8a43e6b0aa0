// A store that loses nothing it can keep: when the database fails in a way that will not pass by itself
// (read-only, corrupt), the thread it failed on carries on in this process's memory, seeded with what
// could still be read, and every later turn there says so (keptInMemory). Passing failures (a locked
// file, a server restarting) are left to the caller: that turn is answered with a note, the next one
// tries the database again.
import type { ThreadKey } from '../model/thread.js';
import { memoryRepository } from './memory.js';
import type { ThreadRepository } from './repository.js';

const id = (k: ThreadKey) => JSON.stringify([k.platform, k.channel, k.thread]);

export function spillover(primary: ThreadRepository, report: (err: unknown) => void): ThreadRepository {
  const memory = memoryRepository();
  const spilled = new Map<string, string>();
  const lasting = (err: unknown) => primary.lasting?.(err) === true;

  /** Move the thread at `key` to memory (with what can still be read of it) after a lasting failure. */
  async function spill(key: ThreadKey, err: unknown): Promise<void> {
    report(err);
    spilled.set(id(key), primary.describeFailure(err));
    const state = await primary.thread(key).catch(() => undefined);
    if (!state || (await memory.thread(key))) return;
    for (const v of state.variants) await memory.applyTurn(key, { base: v.input, variant: v.input }, v.user, v.at);
    await memory.applyTurn(
      key,
      { base: state.base },
      state.variants.at(-1)?.user ?? '',
      state.variants.at(-1)?.at ?? 0,
    );
  }

  /** `op` on the database, or on memory once the thread lives there. */
  async function either<T>(key: ThreadKey, op: (r: ThreadRepository) => Promise<T>): Promise<T> {
    if (spilled.has(id(key))) return op(memory);
    try {
      return await op(primary);
    } catch (err) {
      if (!lasting(err)) throw err;
      await spill(key, err);
      return op(memory);
    }
  }

  return {
    ...primary,
    thread: (key) => either(key, (r) => r.thread(key)),
    turn: (key, n) => either(key, (r) => r.turn(key, n)),
    applyTurn: (key, change, user, at) => either(key, (r) => r.applyTurn(key, change, user, at)),
    startThread: (key, input, user, at) => either(key, (r) => r.startThread(key, input, user, at)),
    async bindThread(from, to) {
      const reason = spilled.get(id(from));
      const bound = await either(from, (r) => r.bindThread(from, to));
      if (reason && to !== null) spilled.set(id({ ...from, thread: to }), reason);
      return bound;
    },
    adoptPending: (key, at, windowMs) => either(key, (r) => r.adoptPending(key, at, windowMs)),
    async prune(cutoff) {
      const [stored, kept] = await Promise.all([primary.prune(cutoff), memory.prune(cutoff)]);
      return stored + kept;
    },
    keptInMemory: (key) => spilled.get(id(key)) ?? null,
    async close() {
      await memory.close();
      await primary.close();
    },
  };
}
