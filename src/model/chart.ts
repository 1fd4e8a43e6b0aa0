// What a memory chart shows, as numbers and labels: built from estimates in src/commands/chart/, drawn
// by src/render/chart.ts. Types only, so the renderer depends on no command code.

export type PartKey = 'weights' | 'gradients' | 'optimizer' | 'activations' | 'kvCache' | 'overhead';

export interface Segment {
  key: PartKey;
  label: string;
  color: string;
  bytes: number;
}

export interface Bar {
  /** 'A' / 'B' in a comparison, null for a single answer. */
  tag: string | null;
  name: string;
  /** The GPU's display name, or null when none was named. */
  gpu: string | null;
  gpus: number;
  capacity: number | null;
  perDevice: number;
  headroom: number | null;
  fits: boolean | null;
  /** All six parts in stacking order, zero-sized ones included. */
  segments: Segment[];
}

export type SweepAxis = 'batch' | 'seq';

export interface SweepPoint {
  x: number;
  /** Per-device bytes at this x. */
  bytes: number;
  /** null without a GPU. */
  fits: boolean | null;
}

export interface SweepLine {
  name: string;
  /** The bar this line belongs to ('A' / 'B' in a comparison, null alone). */
  tag: string | null;
  axis: SweepAxis;
  /** The spec's own value (the answer's bar). */
  current: number;
  capacity: number | null;
  /** Powers of two covering the current value and the fit limit, plus the current value itself. */
  points: SweepPoint[];
  /** The largest whole x that fits (searched exactly, not just among the points); null if none does or no GPU. */
  lastFit: number | null;
  /** lastFit + 1 when it lies inside the swept range; null when everything swept fits. */
  firstMiss: number | null;
}

export interface ChartData {
  /** Size in CSS pixels (the PNG is rendered at a scale of this). */
  width: number;
  height: number;
  bars: Bar[];
  /** The second panel: one line per estimate that shares the first one's axis. */
  sweep: { axis: SweepAxis; lines: SweepLine[] };
  /** Under the title for a single estimate: the mode and the shape of one step. */
  subtitle: string | null;
  notes: string[];
}
