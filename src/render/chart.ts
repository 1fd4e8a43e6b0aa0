// The memory chart attached to estimates and comparisons: a hand-written SVG turned into a PNG by
// resvg (no browser, nothing downloaded), with the DejaVu Sans shipped in assets/fonts so every
// machine draws the same pixels, and no system font is looked for.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type { ChartData } from '../model/chart.js';
import { drawBars } from './chart-bars.js';
import { textWidth } from './chart-metrics.js';
import { clip, svgDocument, THEME, text } from './chart-svg.js';
import { drawSweep } from './chart-sweep-panel.js';

/**
 * Pixels per CSS pixel. 1×, because most of resvg's cost (rasterising and PNG-encoding the canvas) grows
 * with the pixel count: a chart takes ~30 ms of CPU at 800×450 on the 2-core machine, so 2× (four times
 * the pixels) would break the 50 ms budget. The CLI may ask for more.
 */
export const SCALE = 1;

export function chartSvg(data: ChartData): string {
  const names = data.bars.map((b) => (b.tag ? `${b.tag}: ${b.name}` : b.name)).join('  vs  ');
  const sub = data.subtitle ?? '';
  const title = clip(`Memory per GPU · ${names}`, 750 - textWidth(sub), 16, true);
  const body = [
    text(20, 30, title, { size: 16, bold: true }),
    text(780, 30, sub, { anchor: 'end', fill: THEME.muted }),
  ];
  body.push(...drawBars(data.bars), ...drawSweep(data));
  const top = data.height - 16 * data.notes.length;
  for (const [i, n] of data.notes.entries()) body.push(text(20, top + 16 * i, n, { fill: THEME.muted }));
  return svgDocument(data.width, data.height, body);
}

// Source runs from src/render/, the bundle from dist/: look for the fonts relative to either.
function fontFiles(): string[] {
  for (const up of ['../../assets/fonts/', '../assets/fonts/']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(dir + 'DejaVuSans.ttf')) return [dir + 'DejaVuSans.ttf', dir + 'DejaVuSans-Bold.ttf'];
  }
  throw new Error('assets/fonts/DejaVuSans.ttf not found next to the napkin package');
}

let fonts: string[] | null = null;

export function svgToPng(svg: string, scale = SCALE): Buffer {
  fonts ??= fontFiles();
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
  });
  return resvg.render().asPng();
}

/** A chart's numbers (src/commands/chart/) drawn as a PNG; `width`/`height` are its pixels. */
export function renderChart(data: ChartData, scale = SCALE): { png: Buffer; width: number; height: number } {
  const png = svgToPng(chartSvg(data), scale);
  return { png, width: data.width * scale, height: data.height * scale };
}
