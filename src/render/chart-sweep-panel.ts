// The chart's second panel: per-GPU memory against micro-batch or sequence length on a log₂ axis,
// the capacity as a line, and the largest value that still fits marked and written out.
import { PLOT_BOTTOM, PLOT_TOP, yAxis, yScale } from './chart-bars.js';
import type { Bar, ChartData, SweepLine } from '../model/chart.js';
import { circle, clip, line, polyline, THEME, text } from './chart-svg.js';
import { textWidth } from './chart-metrics.js';
import { freeSpot, type Point, type Spot } from './chart-place.js';

const LEFT = 510;
const AXIS_X = 546;
const X0 = 556;
const X1 = 770;
// Two lines told apart by dash as well as hue; Tol's purple is the bright scheme's colour the bars leave free.
const STYLES = [
  { stroke: THEME.text, dash: undefined },
  { stroke: '#aa3377', dash: '6 4' },
];

/** 1024 → 1K, 1048576 → 1M: sequence lengths are read in powers of two. */
export function shortNumber(x: number): string {
  if (x >= 2 ** 20 && x % 2 ** 20 === 0) return `${x / 2 ** 20}M`;
  if (x >= 1024 && x % 1024 === 0) return `${x / 1024}K`;
  return x.toLocaleString('en-US');
}

function limitLabel(l: SweepLine, unit: string): string {
  if (l.capacity === null) return '';
  if (l.lastFit === null) return `over capacity even at ${unit} ${shortNumber(l.points[0].x)}`;
  if (l.firstMiss === null) return `fits up to ${unit} ${shortNumber(l.lastFit)} and beyond`;
  return `fits up to ${unit} ${l.lastFit.toLocaleString('en-US')}`;
}

export function drawSweep(data: ChartData): string[] {
  const { axis, lines } = data.sweep;
  const unit = axis === 'batch' ? 'batch' : 'seq';
  const xs = lines.flatMap((l) => l.points.map((p) => p.x));
  const lo = Math.log2(Math.min(...xs));
  const span = Math.max(1, Math.log2(Math.max(...xs)) - lo);
  const x = (v: number) => X0 + ((Math.log2(v) - lo) / span) * (X1 - X0);
  const tall = lines.flatMap((l) => [...l.points.map((p) => p.bytes), l.capacity ?? 0]);
  const { ticks, y } = yScale(Math.max(...tall));

  const title = axis === 'batch' ? 'GiB per GPU vs micro-batch' : 'GiB per GPU vs sequence length';
  const out = [text(LEFT, PLOT_TOP - 14, title, { size: 13, bold: true }), ...yAxis(ticks, y, AXIS_X, X0, X1, false)];
  // Label powers of two only, thinned to about six (counting from the largest) so they never collide.
  const pows = [...new Set(xs)].filter((v) => Number.isInteger(Math.log2(v))).sort((a, b) => a - b);
  const every = Math.ceil(pows.length / 6);
  for (const [i, v] of pows.entries()) {
    if ((pows.length - 1 - i) % every !== 0) continue;
    out.push(text(x(v), PLOT_BOTTOM + 16, shortNumber(v), { anchor: 'middle', fill: THEME.muted }));
  }
  const what = axis === 'batch' ? 'micro-batch per GPU (log scale)' : 'sequence length, tokens (log scale)';
  out.push(text((X0 + X1) / 2, PLOT_BOTTOM + 34, what, { anchor: 'middle', fill: THEME.muted }));

  const curves = lines.map((l) => l.points.map((p): Point => [x(p.x), y(p.bytes)]));
  lines.forEach((l, i) => {
    const st = STYLES[i];
    const bar: Bar | undefined = data.bars.find((b) => b.tag === l.tag);
    const tag = data.bars.length > 1 ? `${bar?.tag ?? ''} ` : '';
    // Two specs on the same GPU share one capacity line, labelled once without a tag.
    const shared = i === 1 && l.capacity === lines[0].capacity && bar?.gpu === data.bars[0].gpu;
    if (l.capacity !== null && !shared) {
      const cy = y(l.capacity);
      out.push(line(X0, cy, X1, cy, st.stroke, { 'stroke-width': 1.5, 'stroke-dasharray': st.dash }));
      const same = lines.length === 2 && lines[1].capacity === l.capacity && data.bars[1]?.gpu === bar?.gpu;
      const cap = clip(`${same ? '' : tag}${bar?.gpu ?? 'capacity'}`, 140);
      // Slide along the line, above it and then below, to the first place inside the plot off the curves.
      const width = textWidth(cap);
      const spots: Spot[] = [];
      for (const sy of [cy - 5, cy + 15]) {
        if (sy - 11 <= PLOT_TOP || sy + 3 >= PLOT_BOTTOM) continue;
        for (let sx = X0 + 4; sx + width <= X1; sx += 8) spots.push({ x: sx, y: sy });
      }
      const spot = spots.length ? freeSpot(spots, width, curves) : { x: X0 + 4, y: cy - 5 };
      out.push(text(spot.x, spot.y, cap, { halo: true }));
    }
    if (l.lastFit !== null && l.firstMiss !== null) {
      const lx = x(l.lastFit);
      // Alone, the limit is green like "fits"; in a comparison it takes its line's colour to say whose it is.
      const ink = lines.length > 1 ? st.stroke : THEME.good;
      out.push(line(lx, PLOT_TOP, lx, PLOT_BOTTOM, ink, { 'stroke-width': 1.5, 'stroke-dasharray': '3 3' }));
    }
    if (l.capacity !== null) {
      const label = clip(tag + limitLabel(l, unit), X1 - X0);
      const fill = l.lastFit === null ? THEME.bad : THEME.good;
      out.push(text(X1, PLOT_TOP + 4 + i * 16, label, { anchor: 'end', bold: true, fill, halo: true }));
    }
    out.push(polyline(curves[i], st.stroke, { 'stroke-width': 2, 'stroke-dasharray': st.dash }));
    // Filled where it fits, hollow where it does not: shape, not colour, carries the answer.
    for (const p of l.points) {
      const fill = p.fits === false ? THEME.card : st.stroke;
      out.push(circle(x(p.x), y(p.bytes), 3.5, fill, { stroke: st.stroke, 'stroke-width': 1.5 }));
    }
    const here = l.points.find((p) => p.x === l.current);
    if (here) out.push(circle(x(here.x), y(here.bytes), 7, 'none', { stroke: st.stroke, 'stroke-width': 1.5 }));
  });
  const verdicts = lines.some((l) => l.capacity !== null);
  out.push(...key(data.bars.length > 1 ? data.bars.map((b) => b.tag ?? '') : [], verdicts));
  return out;
}

/** What the markers (and, in a comparison, the two line styles) mean, under the x axis title. */
function key(tags: string[], verdicts: boolean): string[] {
  const ky = PLOT_BOTTOM + 56;
  const out: string[] = [];
  // Without a GPU every marker is just a point: there is no fits/over to explain.
  if (verdicts) {
    out.push(circle(LEFT + 4, ky - 4, 3.5, THEME.text), text(LEFT + 12, ky, 'fits', { fill: THEME.muted }));
    out.push(circle(LEFT + 48, ky - 4, 3.5, THEME.card, { stroke: THEME.text, 'stroke-width': 1.5 }));
    out.push(text(LEFT + 56, ky, 'over', { fill: THEME.muted }));
  }
  const ring = verdicts ? LEFT + 100 : LEFT + 8;
  out.push(circle(ring, ky - 4, 7, 'none', { stroke: THEME.text, 'stroke-width': 1.5 }));
  out.push(text(ring + 12, ky, tags.length > 1 ? 'each spec' : 'this spec', { fill: THEME.muted }));
  for (const [i, tag] of tags.length > 1 ? tags.entries() : []) {
    const x = ring + 82 + i * 44;
    const st = STYLES[i];
    out.push(line(x, ky - 4, x + 22, ky - 4, st.stroke, { 'stroke-width': 2, 'stroke-dasharray': st.dash }));
    out.push(text(x + 26, ky, tag, { bold: true }));
  }
  return out;
}
