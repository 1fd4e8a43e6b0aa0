// One chart drawn: the estimates' memory chart (numbers from src/commands/chart/, pixels from
// src/render/chart.ts) as PNG bytes. The same function runs in a renderer thread (./chart-worker.ts), in
// the app's thread without one, and for the CLI's --chart; resvg and its font load with the first chart.
import { chartData } from '../commands/chart/data.js';
import type { Estimate } from '../core/estimate-types.js';
import type { ChartImage } from './message.js';

/** The PNG and its size in pixels; `scale` is pixels per CSS pixel (the CLI may ask for more). */
export async function memoryChart(estimates: Estimate[], scale?: number) {
  const { renderChart } = await import('../render/chart.js');
  return renderChart(chartData(estimates), scale);
}

export async function drawChart(estimates: Estimate[]): Promise<ChartImage> {
  const { png } = await memoryChart(estimates);
  return { png, names: estimates.map((e) => e.name).join(' vs ') };
}
