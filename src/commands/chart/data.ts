// The numbers a memory chart draws, apart from the drawing (src/render/chart.ts), so tests can check
// that every segment is exactly the estimate's memory part it claims to be.
import type { Estimate, Memory } from '../../core/estimate-types.js';
import { estimate } from '../../core/estimate.js';
import { findGpu } from '../../core/gpus.js';
import type { Bar, ChartData, PartKey } from '../../model/chart.js';
import { type Run, sweep, sweepAxis } from './sweep.js';

/** Paul Tol's "bright" scheme (colour-blind safe), in stacking order; grey for overhead, the least telling part. */
export const PARTS: { key: PartKey; label: string; color: string }[] = [
  { key: 'weights', label: 'Weights', color: '#4477aa' },
  { key: 'gradients', label: 'Gradients', color: '#ee6677' },
  { key: 'optimizer', label: 'Optimizer', color: '#228833' },
  { key: 'activations', label: 'Activations', color: '#ccbb44' },
  { key: 'kvCache', label: 'KV cache', color: '#66ccee' },
  { key: 'overhead', label: 'Overhead', color: '#bbbbbb' },
];

export const WIDTH = 800;
export const HEIGHT = 450;

/** 'NVIDIA GeForce RTX 4090' → 'RTX 4090', 'NVIDIA A100 80GB SXM4' → 'A100 80GB': what fits under a bar. */
export function shortGpuName(name: string): string {
  return name
    .replace(/\s*\(.*\)$/, '')
    .replace(/\s+SXM\d*$/, '')
    .replace(/^(NVIDIA|AMD|Google)\s+/, '')
    .replace(/^GeForce\s+/, '');
}

function bar(est: Estimate, tag: string | null): Bar {
  const m: Memory = est.memory;
  const gpu = est.spec.gpu === null ? null : shortGpuName(findGpu(est.spec.gpu)?.name ?? est.spec.gpu);
  return {
    tag,
    name: est.name,
    gpu,
    gpus: est.spec.gpus,
    capacity: m.capacity,
    perDevice: m.perDevice,
    headroom: m.headroom,
    fits: m.fits,
    segments: PARTS.map((p) => ({ ...p, bytes: m[p.key] })),
  };
}

/** What the memory chart draws for one estimate (a stacked bar) or two (side by side); `run` re-estimates the sweep's points. */
export function chartData(estimates: Estimate[], run: Run = estimate): ChartData {
  if (estimates.length < 1 || estimates.length > 2)
    throw new Error(`a memory chart takes 1 or 2 estimates, not ${estimates.length}`);
  const tags = estimates.length === 2 ? ['A', 'B'] : [null];
  const bars = estimates.map((e, i) => bar(e, tags[i]));
  const axis = sweepAxis(estimates[0].spec);
  // A comparison of training against inference has no common x axis: sweep only what shares A's.
  const lines = estimates.flatMap((e, i) => (sweepAxis(e.spec) === axis ? [sweep(e, run, axis, tags[i])] : []));
  const notes: string[] = [];
  if (bars.some((b) => b.capacity === null)) {
    notes.push('No GPU named, so no capacity line: add one (e.g. A100-80GB) to see the fit.');
  }
  const s = estimates[0].spec;
  const shape = `${s.mode === 'train' ? 'training' : 'inference'}, ${s.dtype}, batch ${s.batch} × seq ${s.seq.toLocaleString('en-US')}`;
  const subtitle = estimates.length === 1 ? shape : null;
  return { width: WIDTH, height: HEIGHT, bars, sweep: { axis, lines }, subtitle, notes };
}
