// The thread store (issue 7): SQLite rows behind the ThreadService seam. The conversation itself
// (what an answer says, what it changes) is src/commands/thread.ts; this file only reads a thread's
// state before a turn and writes the turn's change after it, one transaction per write. A store that
// cannot be written never costs the user the answer: the turn's reply goes out with a note instead.
import type { CommandContext, ThreadState } from '../commands/command.js';
import type { Reply } from '../model/reply.js';
import { type ThreadChange, threadTurn } from '../commands/thread.js';
import { type Db, openDb } from './db.js';
import { threadRows } from './thread-rows.js';
import { walSync } from './wal-sync.js';
import type { ThreadKey, ThreadService } from './thread-service.js';

export interface ThreadServiceOptions {
  /** NAPKIN_DB: a file path, or ':memory:' for tests. */
  path: string;
  /** NAPKIN_RETENTION_DAYS: threads idle longer than this are deleted. */
  retentionDays: number;
  /** Clock in ms since the epoch (tests move it). */
  now?: () => number;
  busyTimeoutMs?: number;
  /** Where store failures are reported for operators (users get a note on the answer instead). */
  onError?: (err: unknown) => void;
  /** How the WAL file is forced to disk after commits (tests watch it); default fsync from the thread pool. */
  syncWal?: (path: string) => Promise<void>;
}

export interface ThreadStore extends ThreadService {
  /** Delete threads idle for longer than the retention; returns how many went. Runs at start and daily. */
  prune(): number;
  /** The thread's stored state, or undefined when napkin does not keep it. */
  state(key: ThreadKey): ThreadState | undefined;
}

const DAY_MS = 86_400_000;

/** Why a write failed, in the words a user reads, from SQLite's error code. */
function why(err: unknown): string {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_READONLY')) return 'the database is read-only';
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the database is locked';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the database file cannot be opened';
  return 'the database could not be written';
}

export const unsavedNote = (err: unknown): string =>
  `This thread's history could not be saved (${why(err)}); the answer above is still right.`;

/**
 * The thread store at `options.path`. A database that cannot be opened at all (unwritable directory,
 * newer schema) is replaced by an in-memory one, so threads still work until a restart, and every
 * thread answer then says its history could not be saved.
 */
export function openThreadService(options: ThreadServiceOptions): ThreadStore {
  let db: Db | undefined;
  try {
    db = openDb(options.path, { busyTimeoutMs: options.busyTimeoutMs });
    return createThreadService(db, options);
  } catch (err) {
    db?.close();
    reporter(options)(err);
    const unsaved = `This thread's history could not be saved (${why(err)}); napkin keeps it only until it restarts.`;
    return createThreadService(openDb(':memory:'), options, unsaved);
  }
}

const reporter = (options: Pick<ThreadServiceOptions, 'onError'>) =>
  options.onError ?? ((err: unknown) => console.error(`napkin: thread store: ${(err as Error)?.message ?? err}`));

/** The store over an open, migrated database (openDb); `unsaved` is a note for every saved turn. */
export function createThreadService(
  db: Db,
  options: Omit<ThreadServiceOptions, 'path'>,
  unsaved: string | null = null,
): ThreadStore {
  const now = options.now ?? Date.now;
  const report = reporter(options);
  const rows = threadRows(db);
  const durable = walSync(db, report, options.syncWal);

  /** Apply a change; on failure report it and return the note for the user. */
  function save(key: ThreadKey, change: ThreadChange | null, user: string): string | null {
    if (!change) return null;
    try {
      rows.write(key, change, user, now());
      durable.soon();
      return null;
    } catch (err) {
      report(err);
      return unsavedNote(err);
    }
  }

  function prune(): number {
    const gone = rows.prune(now() - options.retentionDays * DAY_MS);
    if (gone) durable.soon();
    return gone;
  }

  function safely<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (err) {
      report(err);
      return fallback;
    }
  }

  safely(prune, 0);
  const daily = setInterval(() => safely(prune, 0), DAY_MS);
  // The timer must not keep a CLI or a test process alive on its own.
  daily.unref();

  return {
    async answer(key: ThreadKey, text: string, user: string): Promise<Reply> {
      const ctx: CommandContext = { platform: key.platform, user, thread: safely(() => rows.state(key), undefined) };
      const turn = await threadTurn(text, ctx);
      const note = save(key, turn.change, user) ?? (turn.change ? unsaved : null);
      return note ? { ...turn.reply, notes: [...turn.reply.notes, note] } : turn.reply;
    },
    async setBase(key: ThreadKey, input: string, user: string): Promise<void> {
      // Most bases start a new thread (a slash command's answer): one insert, no read first.
      if (safely(() => rows.start(key, input, user, now()), false)) {
        durable.soon();
        return;
      }
      const current = safely(() => rows.state(key), undefined);
      if (current?.base === input) return;
      // A spec the thread already has (the estimate a thread started from, clicked again) is not a new variant.
      const known = current?.variants.some((v) => v.input === input);
      save(key, known ? { base: input } : { base: input, variant: input }, user);
    },
    has: (key) => safely(() => rows.state(key) !== undefined, false),
    state: (key) => rows.state(key),
    prune,
    close() {
      clearInterval(daily);
      durable.close();
      if (db.open) db.close();
    },
  };
}
