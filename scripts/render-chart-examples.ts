// `npm run chart:examples`: renders the README's example charts into docs/ from real specs, and prints
// how long one chart takes (median of several renders, after one warm-up), against the 50 ms budget:
// wall-clock time, and the process's CPU time, which stays honest when other jobs share the machine.
import { writeFileSync } from 'node:fs';
import { answer } from '../src/commands/pipeline.js';
import type { Estimate } from '../src/core/estimate-types.js';
import { chartData } from '../src/commands/chart/data.js';
import { renderChart } from '../src/render/chart.js';

const renderMemoryChart = (ests: Parameters<typeof chartData>[0]) => renderChart(chartData(ests));

const EXAMPLES: Record<string, string> = {
  fit: 'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=2',
  'no-fit': 'llama-2-70b bf16 adamw A100-80GB',
  compare:
    'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=2 vs llama-2-13b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=2',
  inference: 'llama-2-13b infer RTX-4090 int4 seq=8192',
};
const RUNS = 15;

function estimates(text: string): Estimate[] {
  const r = answer(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.value.kind === 'single' ? [r.value.est] : [r.value.a, r.value.b];
}

for (const [name, text] of Object.entries(EXAMPLES)) {
  const ests = estimates(text);
  const chart = renderMemoryChart(ests);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    renderMemoryChart(ests);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - t);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)].toFixed(1);
  const file = `docs/chart-${name}.png`;
  writeFileSync(file, chart.png);
  const size = `${chart.width}×${chart.height}  ${(chart.png.length / 1024).toFixed(0)} KiB`;
  console.log(`${file}  ${size}  ${median(times)} ms (CPU ${median(cpu)} ms)  ← ${text}`);
}
