// Durability without stalling the chat thread. The database runs WAL with synchronous = NORMAL: a commit
// is one write() to the -wal file, on the OS's side before it returns, so kill -9 at any instant loses
// nothing (issue 7). A power cut could still lose what the OS had not yet put on disk; rather than fsync
// each commit on the event loop (FULL: 1.5–3.5 ms of Bolt's thread per thread base, which cost the Slack
// app a third of its throughput), the -wal file is fsynced from libuv's thread pool shortly after each
// burst of commits.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Db } from './db.js';

/** How long after a commit its WAL frames are forced to disk, at most (plus the fsync itself). */
export const WAL_SYNC_MS = 200;

export interface WalSync {
  /** A commit just happened: sync the WAL within WAL_SYNC_MS (one sync covers every commit before it). */
  soon(): void;
  /** Before the database closes: a sync still pending runs now, so nothing waits on a timer. */
  close(): void;
}

/** fsync a file by path, from the thread pool. */
export async function fsyncPath(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

export function walSync(
  db: Db,
  report: (err: unknown) => void,
  sync: (path: string) => Promise<void> = fsyncPath,
  delayMs = WAL_SYNC_MS,
): WalSync {
  if (db.memory) return { soon() {}, close() {} };
  const wal = `${db.name}-wal`;
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    timer = null;
    // No -wal file: the last connection closed and checkpointed it into the database, already synced.
    sync(wal).catch((err: NodeJS.ErrnoException) => err?.code !== 'ENOENT' && report(err));
  };
  return {
    soon() {
      if (timer) return;
      timer = setTimeout(run, delayMs);
      // A pending sync must not keep a finished CLI or test alive; shutdown closes the database instead.
      timer.unref();
    },
    close() {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
      try {
        const fd = openSync(wal, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') report(err);
      }
    },
  };
}
