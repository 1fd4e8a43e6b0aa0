// The chart's first panel: each estimate's per-GPU memory as one stacked bar, the GPU's capacity as
// a line across it, the headroom or shortfall spelled out (✓/✗ as well as colour), and a legend table
// with the figures, so nothing depends on telling colours apart.
import type { Bar } from '../model/chart.js';
import { clip, GIB, gib, gibValue, line, niceTicks, rect, THEME, type TextStyle, text } from './chart-svg.js';

export const PLOT_TOP = 72;
export const PLOT_BOTTOM = 350;
const AXIS_X = 56;
const PLOT_X = 62;
const LEGEND_RIGHT = 480;
const ROW = 20;

/** A y scale in bytes over round GiB ticks, with ~15% above the tallest thing left for labels. */
export function yScale(maxBytes: number) {
  const ticks = niceTicks(((maxBytes || GIB) / GIB) * 1.15);
  const top = ticks[ticks.length - 1];
  const y = (bytes: number) => PLOT_BOTTOM - (bytes / GIB / top) * (PLOT_BOTTOM - PLOT_TOP);
  return { ticks, y };
}

/** Horizontal grid lines with their GiB values, right-aligned at `axisX`; `unit` heads the axis. */
export function yAxis(
  ticks: number[],
  y: (bytes: number) => number,
  axisX: number,
  x0: number,
  x1: number,
  unit = true,
) {
  const out = ticks.map((t) => line(x0, y(t * GIB), x1, y(t * GIB), THEME.grid));
  for (const t of ticks) out.push(text(axisX, y(t * GIB) + 4, String(t), { anchor: 'end', fill: THEME.muted }));
  if (unit) out.push(text(axisX, PLOT_TOP - 14, 'GiB', { anchor: 'end', fill: THEME.muted }));
  out.push(line(x0, PLOT_BOTTOM, x1, PLOT_BOTTOM, THEME.muted));
  return out;
}

function headroomLabel(b: Bar): { s: string; fill: string } | null {
  if (b.headroom === null) return null;
  return b.headroom >= 0
    ? { s: `✓ ${gib(b.headroom)} free`, fill: THEME.good }
    : { s: `✗ ${gib(-b.headroom)} short`, fill: THEME.bad };
}

function drawBar(b: Bar, cx: number, slot: number, width: number, y: (bytes: number) => number): string[] {
  const out: string[] = [];
  let base = 0;
  for (const s of b.segments) {
    if (s.bytes <= 0) continue;
    const y0 = y(base);
    const y1 = y(base + s.bytes);
    // A thin card-coloured edge keeps neighbouring segments apart for readers who cannot tell the hues.
    out.push(rect(cx - width / 2, y1, width, y0 - y1, s.color, { stroke: THEME.card, 'stroke-width': 0.75 }));
    base += s.bytes;
  }
  let labelY = y(b.perDevice);
  if (b.capacity !== null) {
    const cy = y(b.capacity);
    out.push(line(cx - slot / 2 + 6, cy, cx + slot / 2 - 6, cy, THEME.text, { 'stroke-width': 2 }));
    out.push(text(cx, cy - 5, clip(b.gpu ?? '', slot - 8), { anchor: 'middle', halo: true }));
    labelY = Math.min(labelY, cy - 19);
  }
  const h = headroomLabel(b);
  if (h) out.push(text(cx, labelY - 6, clip(h.s, slot + 8, 12, true), { anchor: 'middle', bold: true, fill: h.fill }));
  const name = (b.tag ? `${b.tag}: ` : '') + b.name;
  out.push(text(cx, PLOT_BOTTOM + 18, clip(name, slot - 4, 12, true), { anchor: 'middle', bold: true }));
  const gpu = b.gpu === null ? 'no GPU named' : b.gpus > 1 ? `${b.gpus} × ${b.gpu}` : b.gpu;
  out.push(text(cx, PLOT_BOTTOM + 34, clip(gpu, slot - 4), { anchor: 'middle', fill: THEME.muted }));
  return out;
}

function legend(bars: Bar[], x0: number): string[] {
  const out: string[] = [];
  const value = bars.length === 1 ? gib : gibValue;
  // One right-aligned figure per bar, in columns 46 px apart ending at the panel's edge.
  const cells = (y: number, figures: string[], st: TextStyle = {}) =>
    figures.map((f, i) => text(LEGEND_RIGHT - (figures.length - 1 - i) * 46, y, f, { anchor: 'end', ...st }));
  let y = PLOT_TOP + 6;
  if (bars.length > 1) {
    out.push(
      text(x0, y, 'GiB per GPU', { fill: THEME.muted }),
      ...cells(
        y,
        bars.map((b) => b.tag ?? ''),
        { bold: true },
      ),
    );
    y += ROW;
  }
  for (const [k, seg] of bars[0].segments.entries()) {
    if (bars.every((b) => b.segments[k].bytes <= 0)) continue;
    out.push(rect(x0, y - 10, 12, 12, seg.color), text(x0 + 18, y, seg.label));
    out.push(
      ...cells(
        y,
        bars.map((b) => value(b.segments[k].bytes)),
      ),
    );
    y += ROW;
  }
  out.push(line(x0, y - 12, LEGEND_RIGHT, y - 12, THEME.border), text(x0, y + 2, 'Total', { bold: true }));
  out.push(
    ...cells(
      y + 2,
      bars.map((b) => value(b.perDevice)),
      { bold: true },
    ),
  );
  y += ROW;
  const capacities = bars.map((b) => (b.capacity === null ? '–' : value(b.capacity)));
  out.push(text(x0, y + 2, 'GPU capacity', { fill: THEME.muted }), ...cells(y + 2, capacities, { fill: THEME.muted }));
  return out;
}

/** The bar panel, left of x = 480: one bar alone, two side by side sharing one y scale. */
export function drawBars(bars: Bar[]): string[] {
  const plotW = bars.length === 1 ? 160 : 230;
  const { ticks, y } = yScale(Math.max(...bars.map((b) => Math.max(b.perDevice, b.capacity ?? 0))));
  const out = yAxis(ticks, y, AXIS_X, PLOT_X, PLOT_X + plotW);
  const slot = plotW / bars.length;
  const width = Math.min(84, slot * 0.62);
  for (const [i, b] of bars.entries()) out.push(...drawBar(b, PLOT_X + slot * (i + 0.5), slot, width, y));
  out.push(...legend(bars, PLOT_X + plotW + 20));
  return out;
}
