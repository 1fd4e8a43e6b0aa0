// A renderer thread of the chart pool (./charts.ts): draws one chart at a time, off the thread that
// answers, so a 30–80 ms resvg render never holds up a text answer. In: {id, estimates}; out: {id, png}
// (its buffer transferred) or {id, error}.
import { parentPort } from 'node:worker_threads';
import { drawChart } from './chart-draw.js';
import type { ChartJob, ChartDone } from './charts.js';

parentPort?.on('message', async ({ id, estimates }: ChartJob) => {
  let done: ChartDone;
  try {
    const image = await drawChart(estimates);
    // A copy with its own memory, so transferring it cannot detach a buffer something else shares.
    done = { id, png: new Uint8Array(image.png), names: image.names };
  } catch (err) {
    done = { id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(done, 'png' in done ? [done.png.buffer as ArrayBuffer] : []);
});
