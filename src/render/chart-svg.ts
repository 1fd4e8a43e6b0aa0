// A small hand-written SVG builder for the memory chart. The chart needs only rectangles, lines, text
// and polylines; writing the string directly keeps describing a chart well under a millisecond and adds
// no dependency (a charting library would cost more than the PNG rendering itself).
import { textWidth } from './chart-metrics.js';

export const GIB = 2 ** 30;

/** Colours: an opaque light card, so the chart reads the same on Discord's and Slack's dark and light themes. */
export const THEME = {
  card: '#ffffff',
  border: '#d0d7de',
  text: '#1f2328',
  muted: '#57606a',
  grid: '#eaeef2',
  good: '#1a7f37',
  bad: '#cf222e',
} as const;

type Attrs = Record<string, string | number | undefined>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);
// Two decimals are far below a pixel at 2× and keep the SVG short.
const num = (v: number) => String(Math.round(v * 100) / 100);

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

export const el = (tag: string, a: Attrs, body?: string) =>
  body === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${body}</${tag}>`;

export const rect = (x: number, y: number, width: number, height: number, fill: string, extra: Attrs = {}) =>
  el('rect', { x, y, width, height, fill, ...extra });

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, extra: Attrs = {}) =>
  el('line', { x1, y1, x2, y2, stroke, 'stroke-width': 1, ...extra });

export const polyline = (pts: [number, number][], stroke: string, extra: Attrs = {}) =>
  el('polyline', { points: pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' '), fill: 'none', stroke, ...extra });

export const circle = (cx: number, cy: number, r: number, fill: string, extra: Attrs = {}) =>
  el('circle', { cx, cy, r, fill, ...extra });

export interface TextStyle {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  fill?: string;
  /** A card-coloured outline behind the glyphs, for labels that may cross a bar or a line. */
  halo?: boolean;
}

export function text(x: number, y: number, s: string, st: TextStyle = {}): string {
  const halo = st.halo ? { stroke: THEME.card, 'stroke-width': 3, 'paint-order': 'stroke' } : {};
  return el(
    'text',
    {
      x,
      y,
      'font-size': st.size ?? 12,
      'text-anchor': st.anchor === 'start' ? undefined : st.anchor,
      'font-weight': st.bold ? 'bold' : undefined,
      fill: st.fill ?? THEME.text,
      ...halo,
    },
    escapeXml(s),
  );
}

/** Shorten `s` with an ellipsis so that it fits in `width` pixels. */
export function clip(s: string, width: number, size = 12, bold = false): string {
  if (textWidth(s, size, bold) <= width) return s;
  let out = s;
  while (out.length > 1 && textWidth(out + '…', size, bold) > width) out = out.slice(0, -1);
  return out + '…';
}

/** Bytes → "12.3" in GiB (binary, as GPUs report memory), three significant figures. */
export function gibValue(bytes: number): string {
  const g = bytes / GIB;
  const a = Math.abs(g);
  return g.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

/** Bytes → "12.3 GiB", or "512 MiB" below one GiB so a near miss never reads "0.00 GiB short". */
export function gib(bytes: number): string {
  const mib = Math.abs(bytes) / 2 ** 20;
  if (mib >= 1000 || bytes === 0) return `${gibValue(bytes)} GiB`;
  return `${Math.sign(bytes) * Number(mib.toPrecision(3))} MiB`;
}

/** A round axis maximum and step (1, 2, 2.5 or 5 × 10^k) giving about `count` ticks up to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export function svgDocument(width: number, height: number, body: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` font-family="DejaVu Sans">` +
    rect(0.5, 0.5, width - 1, height - 1, THEME.card, { rx: 10, stroke: THEME.border }) +
    body.join('') +
    '</svg>'
  );
}
