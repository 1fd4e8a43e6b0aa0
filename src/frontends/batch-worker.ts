// A `--json -` worker thread: answers batches of lines the main thread sends, and hands back the
// encoded bytes without copying them (the buffer's memory is transferred).
import { parentPort } from 'node:worker_threads';
import { answerLines } from './batch-lines.js';

export interface BatchJob {
  seq: number;
  inputs: string[];
}

export interface BatchDone {
  seq: number;
  bytes: ArrayBuffer;
  length: number;
  failed: boolean;
}

parentPort?.on('message', async ({ seq, inputs }: BatchJob) => {
  const { bytes, failed } = await answerLines(inputs);
  const done: BatchDone = { seq, bytes: bytes.buffer as ArrayBuffer, length: bytes.length, failed };
  parentPort!.postMessage(done, [done.bytes]);
});
