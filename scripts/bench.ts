// `npm run bench`: how much napkin adds to a chat round trip (issue 10). Prints one table (the machine,
// then per row the median, p99, target and ok/MISSED) and exits 0 either way: it is a report, not a test.
// `node scripts/bench.mjs parse full` runs only the named rows (for profiling one of them).
import { batchRow, cliRow, memoryRow } from './bench-process.js';
import { chartRow, fullRequestRows, longParseRow, parseRow, solveRow } from './bench-inproc.js';
import { discordLoadRow } from './bench-load-discord.js';
import { slackLoadRow } from './bench-load-slack.js';
import { slackRow } from './bench-slack.js';
import { storeRows } from './bench-store.js';
import { MIX_TEXT, specs } from './bench-specs.js';
import { load, machine, type Row, table } from './bench-stats.js';

const started = Date.now();
const loadBefore = load(true);
const varied = specs(10_000);
const notes: string[] = [];

type Step = () => Row | Row[] | Promise<Row | Row[] | { row: Row; note: string } | { rows: Row[]; note: string }>;
const STEPS: [string, string, Step][] = [
  ['parse', 'parse only', () => parseRow(varied)],
  ['long', 'parse a 6,000-character input', longParseRow],
  ['full', 'full request', () => fullRequestRows(varied)],
  ['solve', 'solving', solveRow],
  ['chart', 'chart rendering', () => chartRow(varied)],
  ['batch', 'batch throughput', () => batchRow(specs(100_000, 99))],
  ['cli', 'CLI one-shot', () => cliRow()],
  ['slack', 'Slack HTTP endpoint', () => slackRow(varied)],
  ['slack-burst', 'Slack burst with charts', () => slackLoadRow(varied, { charts: 'threads' })],
  ['slack-burst-app', 'Slack burst, charts in the app thread', () => slackLoadRow(varied, { charts: 'app' })],
  ['slack-burst-off', 'Slack burst, charts off', () => slackLoadRow(varied, { charts: 'off' })],
  ['discord-burst', 'Discord burst with charts', () => discordLoadRow(varied)],
  ['discord-burst-off', 'Discord burst, charts off', () => discordLoadRow(varied, false)],
  ['store', 'thread turn on SQLite and PostgreSQL', storeRows],
  ['memory', 'memory', memoryRow],
];

const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [key, name, step] of STEPS) {
  if (only.length && !only.includes(key)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const got = await step();
    if ('note' in got) {
      rows.push(...('rows' in got ? got.rows : [got.row]));
      notes.push(got.note);
    } else rows.push(...(Array.isArray(got) ? got : [got]));
  } catch (err) {
    rows.push({ what: name, median: '–', p99: '–', target: '', pass: null });
    notes.push(`${name} did not run: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const missed = rows.filter((r) => r.pass !== true);
console.log(`\nnapkin bench · ${machine()}`);
console.log(`Before: ${loadBefore}. After: ${load()}.\n`);
console.log(table(rows));
console.log(`\nSpecs: ${varied.length.toLocaleString('en-US')} generated (${MIX_TEXT}), the same every run.`);
for (const n of notes) console.log(n);
console.log(
  missed.length
    ? `\nMISSED: ${missed.length} of ${rows.length} rows: ${missed.map((r) => r.what).join('; ')}`
    : `\nAll ${rows.length} rows within target.`,
);
console.log(`Bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
