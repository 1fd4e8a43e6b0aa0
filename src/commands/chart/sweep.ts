// The numbers behind the chart's second panel: per-GPU memory as the micro-batch (training) or the
// sequence length (inference) grows, found by running the real estimator on the spec with that one
// value changed, so the curve and the answer's bar can never disagree.
import type { Estimate } from '../../core/estimate-types.js';
import type { Spec } from '../../core/spec.js';
import type { SweepAxis, SweepLine, SweepPoint } from '../../model/chart.js';

export type Run = (spec: Spec) => Estimate;

// Where the powers of two start, the least range shown, and where to stop looking for a limit.
const RANGE: Record<SweepAxis, { start: number; least: number; most: number }> = {
  batch: { start: 1, least: 8, most: 4096 },
  seq: { start: 512, least: 8192, most: 2 ** 20 },
};

/** Inference memory grows with context (the KV cache); training memory is sized by the micro-batch. */
export function sweepAxis(spec: Spec): SweepAxis {
  return spec.mode === 'infer' && spec.model.kind === 'transformer' ? 'seq' : 'batch';
}

function currentValue(est: Estimate, axis: SweepAxis): number {
  // A solved batch or seq is the value the answer shows; the spec may still hold a placeholder.
  const solved = est.solved?.what === axis ? est.solved.value : null;
  return Math.max(1, Math.round(solved ?? est.spec[axis]));
}

export function sweep(
  est: Estimate,
  run: Run,
  axis: SweepAxis = sweepAxis(est.spec),
  tag: string | null = null,
): SweepLine {
  const at = (x: number): SweepPoint => {
    const m = run({ ...est.spec, solve: null, [axis]: x }).memory;
    return { x, bytes: m.perDevice, fits: m.fits };
  };
  const current = currentValue(est, axis);
  const { start, least, most } = RANGE[axis];
  const end = Math.max(least, current * 2);
  const points: SweepPoint[] = [];
  // Keep doubling past the least range while it still fits, so the limit is on the chart.
  for (let x = Math.min(start, 2 ** Math.floor(Math.log2(current))); x <= most; x *= 2) {
    const p = at(x);
    points.push(p);
    if (x >= end && p.fits !== true) break;
  }
  if (!points.some((p) => p.x === current)) points.push(at(current));
  points.sort((a, b) => a.x - b.x);

  const capacity = est.memory.capacity;
  const result = (lastFit: number | null, firstMiss: number | null): SweepLine => ({
    name: est.name,
    tag,
    axis,
    current,
    capacity,
    points,
    lastFit,
    firstMiss,
  });
  const miss = points.findIndex((p) => p.fits === false);
  if (capacity === null || points[0].fits === null) return result(null, null);
  if (miss === 0) return result(null, points[0].x);
  if (miss < 0) return result(points[points.length - 1].x, null);
  // Memory grows with x, so bisect between the last fitting point and the first that does not.
  let lo = points[miss - 1].x;
  let hi = points[miss].x;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid).fits) lo = mid;
    else hi = mid;
  }
  return result(lo, hi);
}
