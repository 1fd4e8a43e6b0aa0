// The seam between the conversation and wherever threads are kept: rows in, rows out, nothing about
// commands or replies. Every method returns a promise, so a database server (PostgreSQL, shared by
// replicas) fits behind it as well as the embedded SQLite file (./sqlite.ts) and the in-memory map the
// console uses (./memory.ts). Methods reject when the backend fails; the conversation decides what the
// user reads then (describeFailure gives the words).
import type { ThreadChange, ThreadKey, ThreadState, Variant } from '../model/thread.js';

/** Threads written before their answer is posted are named so until bound to the posted message's id. */
export const PENDING = 'pending:';
/** How far after its thread's first message a pending row may have been written (two hosts' clocks). */
export const ADOPT_SKEW_MS = 5000;

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
  /**
   * Give the thread at `from` (a pending key, written before its answer was posted) its real name `to`, the
   * posted message's id; `to` null deletes it (the answer was not posted where a thread can follow). False
   * when there was nothing to rename, or a thread at `to` already exists (the pending one is then dropped).
   */
  bindThread(from: ThreadKey, to: string | null): Promise<boolean>;
  /**
   * The first turn in a thread napkin does not know: a pending thread in the same channel, written within
   * `windowMs` before `at` (the thread's first message time), whose process stopped before it could bind it,
   * becomes the thread at `key`. Resolves to whether one did.
   */
  adoptPending(key: ThreadKey, at: number, windowMs: number): Promise<boolean>;
  /** Delete threads (and their variants) last updated before `cutoff`; resolves to how many. */
  prune(cutoff: number): Promise<number>;
  /** Why an operation failed, in the words a user reads ("the database is read-only"). */
  describeFailure(err: unknown): string;
  /** Whether a failure will last (read-only, corrupt): the thread then carries on in memory (./spill.ts). */
  lasting?(err: unknown): boolean;
  /** Why the thread at `key` lives only in this process's memory, or null when it is stored. */
  keptInMemory?(key: ThreadKey): string | null;
  /** Idempotent. */
  close(): Promise<void>;
}
