// The neutral answer every command returns. Renderers (src/render/) turn it into plain text, a
// Discord embed, Slack Block Kit or JSON; values stay numbers with a unit until then.
import type { Estimate } from '../core/estimate-types.js';
import type { NapkinError } from '../result.js';

/** How a number is shown: the renderer picks the scale (K/M/B/T, GiB, GFLOP, …) and rounding. */
export type Unit =
  | 'count' // parameters, tokens: 6.74B
  | 'bytes' // binary: GiB (what GPUs report)
  | 'bytes-decimal' // decimal GB (the ZeRO paper's figures)
  | 'flops' // FLOP, GFLOP, … EFLOP
  | 'flops-per-token'
  | 'pflop-days'
  | 'seconds' // 3.2 h, 4.1 days
  | 'hours'
  | 'ratio' // ×1.25
  | 'percent'
  | 'per-second' // tokens/s
  | 'integer'; // exact integer with thousands separators: 6,738,415,616

/** A number with its unit, or text; `readable` text has plain numbers the renderer groups and rounds. */
export type Cell = { n: number | null; unit: Unit } | { text: string; readable?: true };

export interface Row {
  label: string;
  value: Cell;
  /** Optional second line, e.g. the formula or the exact count. */
  detail?: string;
}

export interface Section {
  title: string;
  rows: Row[];
}

export interface ComparisonRow {
  label: string;
  a: Cell;
  b: Cell;
  /** b − a and b / a, when both are numbers. */
  delta: number | null;
  ratio: number | null;
  changed: boolean;
}

export interface Comparison {
  a: string;
  b: string;
  rows: ComparisonRow[];
}

export type ReplyKind = 'estimate' | 'compare' | 'explain' | 'presets' | 'help' | 'history' | 'info' | 'error';

export interface Reply {
  kind: ReplyKind;
  title: string;
  /** The lines that answer at a glance, in order. Each a list of cells joined with spaces. */
  summary: Cell[][];
  sections: Section[];
  /** Notes shown after the answer (footer / context block). */
  notes: string[];
  /** What the estimates assumed, as core states them (raw numbers): renderers show them last, made readable. */
  assumptions?: string[];
  comparison?: Comparison;
  /** For kind 'error': the input and the error value (rendered with a caret). */
  error?: { input: string; error: NapkinError };
  /** The estimates behind the reply (JSON output, charts, thread history). */
  estimates?: Estimate[];
  /** Errors and rate-limit notices: only the asker should see them. */
  ephemeral?: boolean;
  /** The spec text an estimate or comparison answered (front ends keep it as the context's lastSpec). */
  input?: string;
}

/** Text → one estimate or a pair: what the JSON output prints. */
export type Answer = { kind: 'single'; est: Estimate } | { kind: 'compare'; a: Estimate; b: Estimate };
