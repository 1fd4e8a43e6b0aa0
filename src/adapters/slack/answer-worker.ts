// The Slack app's answer thread: dispatches and renders slash commands (and draws their charts) off the
// thread that runs Bolt, so napkin's own work never queues behind Slack's traffic or holds it up.
// Messages in: [{id, job}…]. Out: [{id, answer} or {id, error}…] at once, then [{id, chart}] for each
// answer that has one.
import { parentPort } from 'node:worker_threads';
import type { Reply } from '../../model/reply.js';
import { drawChart } from './chart.js';
import { slashAnswer } from './job.js';
import type { WorkerIn, WorkerOut } from './answer-pool.js';

const post = (m: WorkerOut[], transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

// Jobs come in batches (those the app took in one turn of its event loop), and their answers go back
// as one message; charts follow one by one.
parentPort?.on('message', async (batch: WorkerIn[]) => {
  const answers: WorkerOut[] = [];
  const charts: { id: number; reply: Reply }[] = [];
  for (const { id, job } of batch) {
    try {
      const { answer, reply } = await slashAnswer(job);
      answers.push({ id, answer });
      if (answer.chart) charts.push({ id, reply });
    } catch (err) {
      answers.push({ id, error: why(err) });
    }
  }
  parentPort!.postMessage(answers);
  for (const { id, reply } of charts) {
    try {
      const chart = await drawChart(reply);
      // A copy with its own memory, so transferring it cannot detach a buffer something else shares.
      const png = chart ? new Uint8Array(chart.png) : null;
      post([{ id, chart: chart && png ? { png, names: chart.names } : null }], png ? [png.buffer as ArrayBuffer] : []);
    } catch (err) {
      post([{ id, chart: null, error: why(err) }]);
    }
  }
});
