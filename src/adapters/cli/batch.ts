// JSON output for the CLI: `--json -` answers one spec per stdin line with one JSON line per spec, in
// input order. Lines are answered as they arrive and written 256 at a time as one buffer each:
// thousands of lines stream at full speed, and a single line is answered at once. (Worker threads were
// tried: on a 2-core machine a worker answered at about two thirds of the main thread's speed and the whole
// stream was no faster, for 50% more CPU.)
import { answerLines } from './batch-lines.js';
import type { BatchSink } from './batch-sink.js';
import { boundedLines, tooLongMessage } from './lines.js';

/**
 * Lines answered per write. Small enough that a batch's answer strings die young: a whole read chunk's
 * worth (thousands) outlived the young generation, and batch throughput nearly halved in GC.
 */
const BATCH = 256;

/** The JSON line for an input line over the bound: its size and first characters, never the line. */
function refusedLine(line: { tooLong: number; head: string }): Buffer {
  const error = {
    code: 'too-long',
    message: tooLongMessage(line),
    offset: 0,
    length: 0,
    hint: 'send one spec per line',
  };
  return Buffer.from(`${JSON.stringify({ input: `${line.head}…`, ok: false, error })}\n`);
}

/**
 * Answer stdin line by line into `sink`; resolves to the exit status (2 when any line failed), rejects with
 * a write error. A chunk is read only once the lines before it are answered and written (back-pressure).
 */
export async function runBatch(input: NodeJS.ReadableStream, sink: BatchSink): Promise<number> {
  let anyFailed = false;
  for await (const lines of boundedLines(input as AsyncIterable<Buffer>)) {
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const { bytes, failed } = await answerLines(batch);
      batch = [];
      if (failed) anyFailed = true;
      await sink(bytes);
    };
    for (const line of lines) {
      if ('tooLong' in line) {
        await flush();
        anyFailed = true;
        await sink(refusedLine(line));
        continue;
      }
      const text = line.text.trim();
      if (!text) continue;
      batch.push(text);
      if (batch.length === BATCH) await flush();
    }
    await flush();
  }
  return anyFailed ? 2 : 0;
}
