// One chart drawn: the estimates' memory chart as PNG bytes. The same function runs in a renderer thread
// (./chart-worker.ts) or, without one, in the app's thread; resvg and its font load with the first chart.
import type { Estimate } from '../core/estimate-types.js';
import type { ChartImage } from './message.js';

export async function drawChart(estimates: Estimate[]): Promise<ChartImage> {
  const { renderMemoryChart } = await import('../render/chart.js');
  const { png } = renderMemoryChart(estimates);
  return { png, names: estimates.map((e) => e.name).join(' vs ') };
}
