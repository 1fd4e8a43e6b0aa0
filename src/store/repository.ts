// The seam between the conversation and wherever threads are kept: rows in, rows out, nothing about
// commands or replies. Every method returns a promise, so a database server (PostgreSQL, shared by
// replicas) fits behind it as well as the embedded SQLite file (./sqlite.ts) and the in-memory map the
// console uses (./memory.ts). Methods reject when the backend fails; the conversation decides what the
// user reads then (describeFailure gives the words).
import type { ThreadChange, ThreadKey, ThreadState, Variant } from '../model/thread.js';

/** A stored variant with what its turn answered (ThreadChange.details), for a Details button. */
export interface StoredTurn extends Variant {
  details: string | null;
}

export interface ThreadRepository {
  /** What napkin says it opened, e.g. `SQLite ./data/napkin.db` (never a password). */
  readonly name: string;
  /** The thread's base and variants in order, or undefined when napkin keeps no thread there. */
  thread(key: ThreadKey): Promise<ThreadState | undefined>;
  /** One variant with its stored details, or undefined. */
  turn(key: ThreadKey, n: number): Promise<StoredTurn | undefined>;
  /**
   * One transaction: create the thread if new (its base is the change's base, else its variant), set the
   * base, add the variant under the next free number, stamp the time. Resolves to the variant's number,
   * or null when the change added none.
   */
  applyTurn(key: ThreadKey, change: ThreadChange, user: string, at: number): Promise<number | null>;
  /**
   * One transaction: a thread that does not exist yet is created with `input` as its base and variant #1;
   * resolves to false, changing nothing, when it exists.
   */
  startThread(key: ThreadKey, input: string, user: string, at: number): Promise<boolean>;
  /** Delete threads (and their variants) last updated before `cutoff`; resolves to how many. */
  prune(cutoff: number): Promise<number>;
  /** Why an operation failed, in the words a user reads ("the database is read-only"). */
  describeFailure(err: unknown): string;
  /** Idempotent. */
  close(): Promise<void>;
}
