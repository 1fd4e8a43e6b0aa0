// The memory chart: real specs through the grammar and the estimator, rendered to PNG. Checks the file
// (signature, IHDR size, byte size) and the numbers behind the drawing: segments are the estimate's
// memory parts, and the sweep's fit limit agrees with a plain scan of the estimator.
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/commands/pipeline.js';
import { estimate } from '../../src/core/estimate.js';
import type { Estimate } from '../../src/core/estimate-types.js';
import { chartData } from '../../src/commands/chart/data.js';
import type { SweepLine } from '../../src/model/chart.js';
import { chartSvg, renderChart, SCALE } from '../../src/render/chart.js';

/** The chart of `estimates` as the front ends draw it: numbers, then pixels. */
function renderMemoryChart(estimates: Estimate[]) {
  const data = chartData(estimates);
  return { ...renderChart(data), data };
}

const FITS = 'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=2';
const TOO_BIG = 'llama-2-70b bf16 adamw A100-80GB';
const PARTS = ['weights', 'gradients', 'optimizer', 'activations', 'kvCache', 'overhead'] as const;

function estimates(text: string): Estimate[] {
  const r = answer(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.value.kind === 'single' ? [r.value.est] : [r.value.a, r.value.b];
}

/** Width and height from the IHDR chunk, after checking the 8-byte PNG signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The largest x whose estimate fits, by stepping one at a time: what the sweep's bisection must find. */
function scanLastFit(est: Estimate, line: SweepLine): number | null {
  let last: number | null = null;
  for (let x = line.points[0].x; x <= (line.firstMiss ?? 0); x++) {
    if (!estimate({ ...est.spec, solve: null, [line.axis]: x }).memory.fits) break;
    last = x;
  }
  return last;
}

function expectSegmentsMatch(ests: Estimate[]) {
  const data = chartData(ests);
  expect(data.bars).toHaveLength(ests.length);
  data.bars.forEach((bar, i) => {
    const m = ests[i].memory;
    expect(bar.segments.map((s) => s.key)).toEqual([...PARTS]);
    for (const s of bar.segments) expect(s.bytes).toBe(m[s.key]);
    const sum = bar.segments.reduce((a, s) => a + s.bytes, 0);
    expect(sum).toBeCloseTo(m.perDevice, -3);
    expect(bar.perDevice).toBe(m.perDevice);
    expect(bar.capacity).toBe(m.capacity);
  });
  return data;
}

describe('renderMemoryChart', () => {
  it('renders a fitting training config with its headroom and the micro-batch limit', () => {
    const [est] = estimates(FITS);
    expect(est.memory.fits).toBe(true);
    const chart = renderMemoryChart([est]);
    expect(pngSize(chart.png)).toEqual({ width: 800 * SCALE, height: 450 * SCALE });
    expect({ width: chart.width, height: chart.height }).toEqual({ width: 800 * SCALE, height: 450 * SCALE });
    expect(chart.png.length).toBeGreaterThan(15_000);
    expect(chart.png.length).toBeLessThan(400_000);

    const data = expectSegmentsMatch([est]);
    expect(data.bars[0].gpu).toBe('A100 80GB');
    expect(data.bars[0].headroom).toBeGreaterThan(0);
    const sweep = data.sweep.lines[0];
    expect(data.sweep.axis).toBe('batch');
    expect(sweep.current).toBe(2);
    expect(sweep.points.find((p) => p.x === 2)?.bytes).toBe(est.memory.perDevice);
    expect(sweep.lastFit).not.toBeNull();
    expect(sweep.lastFit).toBe(scanLastFit(est, sweep));
    expect(sweep.firstMiss).toBe((sweep.lastFit ?? 0) + 1);
    expect(chartSvg(data)).toContain(`fits up to batch ${sweep.lastFit}`);
  });

  it('renders a config that does not fit with its shortfall and no fitting batch', () => {
    const [est] = estimates(TOO_BIG);
    expect(est.memory.fits).toBe(false);
    const chart = renderMemoryChart([est]);
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    const data = expectSegmentsMatch([est]);
    expect(data.bars[0].headroom).toBeLessThan(0);
    expect(data.sweep.lines[0].lastFit).toBeNull();
    expect(data.sweep.lines[0].firstMiss).toBe(1);
    const svg = chartSvg(data);
    expect(svg).toContain('GiB short');
    expect(svg).toContain('over capacity even at batch 1');
  });

  it('draws a comparison as two bars side by side and two sweep lines', () => {
    const ests = estimates(`${FITS} vs ${TOO_BIG}`);
    const chart = renderMemoryChart(ests);
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    const data = expectSegmentsMatch(ests);
    expect(data.bars.map((b) => b.tag)).toEqual(['A', 'B']);
    expect(data.sweep.lines.map((l) => l.lastFit)).toEqual([chartData([ests[0]]).sweep.lines[0].lastFit, null]);
  });

  it('sweeps sequence length for inference, and says so when no GPU is named', () => {
    const [est] = estimates('llama-2-7b infer seq=4096');
    const data = expectSegmentsMatch([est]);
    expect(data.sweep.axis).toBe('seq');
    expect(data.bars[0].capacity).toBeNull();
    expect(data.sweep.lines[0].lastFit).toBeNull();
    // Memory never shrinks as the context grows.
    const bytes = data.sweep.lines[0].points.map((p) => p.bytes);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(data.notes.join(' ')).toContain('No GPU named');
    const svg = chartSvg(data);
    expect(svg).toContain('no GPU named');
    // No capacity, so no verdict: neither a limit nor a fits/over key.
    expect(svg).not.toMatch(/fits up to|over capacity|>fits<|>over</);
    // The capacity line is the only 2 px <line>; without a GPU there is none.
    expect(svg).not.toMatch(/<line[^>]*stroke-width="2"/);
    expect(chartSvg(chartData(estimates(FITS)))).toMatch(/<line[^>]*stroke-width="2"/);
    expect(pngSize(renderMemoryChart([est]).png)).toEqual({ width: 800 * SCALE, height: 450 * SCALE });
  });
});
