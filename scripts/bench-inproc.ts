// The in-process rows: parse only, the full request per platform, solving and chart rendering. These run
// the bundled sources directly, so they measure napkin's own work with no process or network around it.
import { parse } from '../grammar/index.js';
import { dispatch } from '../src/commands/index.js';
import type { Reply } from '../src/model/reply.js';
import { renderDiscord } from '../src/render/discord.js';
import { renderSlack } from '../src/render/slack.js';
import { renderText } from '../src/render/text.js';
import { longSpecs, solvingSpecs } from './bench-specs.js';
import { type Row, summary, timeEach, timeEachAsync, us } from './bench-stats.js';

const RENDERERS: [string, (r: Reply) => unknown][] = [
  ['text', renderText],
  ['Discord', (r) => renderDiscord(r)],
  ['Slack', renderSlack],
];

export function parseRow(specs: string[]): Row {
  const { median, p99 } = summary(timeEach(specs, parse, 3, 2));
  return {
    what: `parse only, ${specs.length.toLocaleString('en-US')} varied specs`,
    median: us(median),
    p99: us(p99),
    target: 'median ≤ 15 µs',
    pass: median <= 15,
  };
}

/** The largest input napkin reads (6,000 characters, issue 2: "well under a millisecond"), four shapes. */
export function longParseRow(): Row {
  const inputs = longSpecs().map(([, s]) => s);
  const repeated = Array.from({ length: 50 }, () => inputs).flat();
  const { median, p99 } = summary(timeEach(repeated, parse, 2, 1));
  return {
    what: `parse a 6,000-character input (${inputs.length} shapes)`,
    median: us(median),
    p99: us(p99),
    target: '≤ 1 ms (p99)',
    pass: p99 <= 1000,
  };
}

export async function fullRequestRows(specs: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, render] of RENDERERS) {
    const ctx = { platform: name === 'text' ? ('cli' as const) : (name.toLowerCase() as 'discord' | 'slack') };
    const samples = await timeEachAsync(specs, async (s) => render(await dispatch(s, ctx)), 2, 1);
    const { median, p99 } = summary(samples);
    rows.push({
      what: `full request (parse + estimate + render), ${name}`,
      median: us(median),
      p99: us(p99),
      target: 'median ≤ 50 µs, p99 ≤ 250 µs',
      pass: median <= 50 && p99 <= 250,
    });
  }
  return rows;
}

export async function solveRow(): Promise<Row> {
  const specs = solvingSpecs(600);
  const { median, p99 } = summary(
    await timeEachAsync(specs, async (s) => renderText(await dispatch(s, { platform: 'cli' }))),
  );
  return {
    what: 'solving batch=? / seq=? / gpus=? (full request)',
    median: us(median),
    p99: us(p99),
    target: 'median ≤ 1 ms',
    pass: median <= 1000,
  };
}

/** Charts of the first answers that have one: single estimates and comparisons alike. */
export async function chartRow(specs: string[]): Promise<Row> {
  // Loaded here, as the front ends do, so resvg is not in the process for the rows above.
  const [{ renderChart }, { chartData }] = await Promise.all([
    import('../src/render/chart.js'),
    import('../src/commands/chart/data.js'),
  ]);
  const sets: Reply['estimates'][] = [];
  for (const s of specs) {
    const reply = await dispatch(s, { platform: 'cli' });
    if (reply.estimates?.length && reply.estimates.every((e) => e.spec.chart !== false)) sets.push(reply.estimates);
    if (sets.length === 30) break;
  }
  const { median, p99 } = summary(timeEach(sets, (e) => renderChart(chartData(e!)), 2, 1));
  return {
    what: `chart rendering (${sets.length} charts, PNG)`,
    median: us(median),
    p99: us(p99),
    target: '≤ 50 ms per chart (p99)',
    pass: p99 <= 50_000,
  };
}
