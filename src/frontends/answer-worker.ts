// The Slack app's answer thread: dispatches and renders slash commands (and draws their charts) off the
// thread that runs Bolt, so napkin's own work never queues behind Slack's traffic or holds it up.
// Messages in: {id, job}. Out: {id, answer} at once, then {id, chart} when the answer has one, or
// {id, error} when the job failed.
import { parentPort } from 'node:worker_threads';
import { drawChart } from './slack-chart.js';
import { slashAnswer } from './slack-job.js';
import type { WorkerIn, WorkerOut } from './answer-pool.js';

const post = (m: WorkerOut, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

parentPort?.on('message', async ({ id, job }: WorkerIn) => {
  let answered = false;
  try {
    const { answer, reply } = await slashAnswer(job);
    post({ id, answer });
    answered = true;
    if (!answer.chart) return;
    const chart = await drawChart(reply);
    // A copy with its own memory, so transferring it cannot detach a buffer something else shares.
    const png = chart ? new Uint8Array(chart.png) : null;
    post({ id, chart: chart && png ? { png, names: chart.names } : null }, png ? [png.buffer as ArrayBuffer] : []);
  } catch (err) {
    post(answered ? { id, chart: null, error: why(err) } : { id, error: why(err) });
  }
});
