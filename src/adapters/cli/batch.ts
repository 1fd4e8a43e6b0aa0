// JSON output for the CLI: `--json -` answers one spec per stdin line with one JSON line per spec, in
// input order. Lines are answered as they arrive and written 256 at a time as one buffer each:
// thousands of lines stream at full speed, and a single line is answered at once. (Worker threads were
// tried: on a 2-core machine a worker answered at about two thirds of the main thread's speed and the whole
// stream was no faster, for 50% more CPU.)
import { createInterface } from 'node:readline';
import { answerLines } from './batch-lines.js';
import type { BatchSink } from './batch-sink.js';

/**
 * Lines answered per write. Small enough that a batch's answer strings die young: a whole read chunk's
 * worth (thousands) outlived the young generation, and batch throughput nearly halved in GC.
 */
const BATCH = 256;

/** Answer stdin line by line into `sink`; resolves to the exit status (2 when any line failed), rejects with a write error. */
export function runBatch(input: NodeJS.ReadableStream, sink: BatchSink): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const queue: string[] = [];
  let anyFailed = false;
  let closed = false;
  let draining = false;
  return new Promise((done, fail) => {
    async function drain(): Promise<void> {
      draining = true;
      while (queue.length) {
        const { bytes, failed } = await answerLines(queue.splice(0, BATCH));
        if (failed) anyFailed = true;
        // Back-pressure: stop reading while a slow consumer catches up, so memory stays bounded.
        const wait = sink(bytes);
        if (wait) {
          rl.pause();
          await wait;
          rl.resume();
        }
      }
      draining = false;
      if (closed) done(anyFailed ? 2 : 0);
    }
    const start = () => {
      drain().catch((err) => {
        rl.close();
        fail(err);
      });
    };
    rl.on('line', (raw) => {
      const text = raw.trim();
      if (!text) return;
      queue.push(text);
      if (!draining) {
        draining = true;
        setImmediate(start);
      }
    });
    rl.on('close', () => {
      closed = true;
      if (!draining) done(anyFailed ? 2 : 0);
    });
  });
}
