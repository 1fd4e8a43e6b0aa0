// The rows of a comparison: the same figure for A and B, the difference and the ratio, and whether it
// changed. The thread service builds its comparisons from these too.
import type { Cell, ComparisonRow, Unit } from '../../model/reply.js';
import type { Estimate } from '../../core/estimate-types.js';
import { gpuName } from './gpu-name.js';

type Pick = (e: Estimate) => number | null;

const FIGURES: [string, Pick, Unit][] = [
  ['params', (e) => e.params.total, 'count'],
  ['active params', (e) => e.params.active, 'count'],
  ['trainable params', (e) => e.params.trainable, 'count'],
  ['forward FLOPs / token', (e) => e.flops.forwardPerToken, 'flops-per-token'],
  ['forward FLOPs / sample', (e) => e.flops.forwardPerSample, 'flops'],
  ['training FLOPs', (e) => e.flops.train, 'flops'],
  ['weights / device', (e) => e.memory.weights, 'bytes'],
  ['gradients / device', (e) => e.memory.gradients, 'bytes'],
  ['optimizer / device', (e) => e.memory.optimizer, 'bytes'],
  ['activations / device', (e) => e.memory.activations, 'bytes'],
  ['KV cache / device', (e) => e.memory.kvCache, 'bytes'],
  ['memory / device', (e) => e.memory.perDevice, 'bytes'],
  ['memory, whole job', (e) => e.memory.total, 'bytes'],
  ['Chinchilla-optimal tokens', (e) => e.budget.optimalTokens, 'count'],
  ['training time', (e) => e.budget.trainSeconds, 'seconds'],
  ['GPU-hours', (e) => e.budget.gpuHours, 'hours'],
  ['decode bound', (e) => e.budget.decodeTokensPerSecond, 'per-second'],
];

const fitText = (e: Estimate) => (e.memory.fits === null ? '—' : e.memory.fits ? 'fits' : "doesn't fit");

/** Equal within floating-point noise: a recomputed figure is not a change. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function numberRow(label: string, a: number | null, b: number | null, unit: Unit): ComparisonRow {
  const both = a !== null && b !== null;
  return {
    label,
    a: { n: a, unit },
    b: { n: b, unit },
    delta: both ? b - a : null,
    ratio: both && a !== 0 ? b / a : null,
    changed: both ? !same(a, b) : a !== b,
  };
}

function textRow(label: string, a: string, b: string): ComparisonRow {
  const cell = (text: string): Cell => ({ text });
  return { label, a: cell(a), b: cell(b), delta: null, ratio: null, changed: a !== b };
}

/** Rows for A vs B; figures that neither side has (both null) are left out. */
export function comparisonRows(a: Estimate, b: Estimate): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const [label, pick, unit] of FIGURES) {
    const x = pick(a);
    const y = pick(b);
    if ((x !== null || y !== null) && (x !== 0 || y !== 0)) rows.push(numberRow(label, x, y, unit));
  }
  if (!a.spec.gpu && !b.spec.gpu) return rows;
  const gpus = textRow('GPU', a.spec.gpu ? gpuName(a.spec.gpu) : 'none', b.spec.gpu ? gpuName(b.spec.gpu) : 'none');
  rows.push(gpus, textRow('fit', fitText(a), fitText(b)));
  return rows;
}
