// Where `--json -` puts its answer bytes: a stream (in process, tests), or stdout's file descriptor written
// directly. Direct blocking writes because process.stdout on a pipe makes the descriptor non-blocking and
// hands libuv the bytes to write in pieces of at most a pipe's 64 KB, one event-loop turn each: over 100,000
// answers (216 MB) that cost the answering thread ~0.35 s more CPU than write(2) in a loop. A blocking write
// waits only while the reader is behind, which is the back-pressure `--json -` needs anyway.
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

/** Takes one batch's bytes, which are only lent (the next batch reuses them); a promise means "wait before writing more". */
export type BatchSink = (bytes: Buffer) => void | Promise<void>;

/**
 * Output buffered in a stream before the batch waits. Waiting for 'drain' after every write (once 16 KB are
 * queued) left the process idle while a socket reader caught up, about a third of the time on a 2-core machine.
 */
export const MAX_BUFFERED = 8 << 20;

/** Writes a copy to `stream`, waiting for it to drain once more than MAX_BUFFERED bytes are queued. */
export function streamSink(stream: Writable): BatchSink {
  return (bytes) => {
    stream.write(Buffer.from(bytes));
    if (stream.writableLength > MAX_BUFFERED) return new Promise((r) => stream.once('drain', r));
  };
}

/**
 * Blocking writes to `fd`. A descriptor that turns out to be non-blocking (EAGAIN: shared with a process
 * that made it so) hands the rest of the output, from the first unwritten byte, to `fallback()`'s stream.
 * Any other error (EPIPE when the reader has gone) is thrown to the caller.
 */
export function fdSink(fd: number, fallback: () => Writable): BatchSink {
  let stream: BatchSink | null = null;
  return (bytes) => {
    if (stream) return stream(bytes);
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        stream = streamSink(fallback());
        return stream(bytes.subarray(at));
      }
    }
  };
}
