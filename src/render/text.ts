// Reply → plain text for the console and the CLI: the summary first, then the sections, then notes.
// Errors show the input with a caret under the offending part, then the hint.
import type { Cell, Comparison, Reply, Row, Section } from '../commands/reply.js';
import type { NapkinError } from '../result.js';
import { formatCell, formatDelta, formatNumber } from './units.js';
import { caretLines } from './caret.js';

const line = (cells: Cell[]) => cells.map(formatCell).join(' ');

function sectionText(s: Section): string[] {
  const width = Math.min(32, Math.max(0, ...s.rows.map((r) => r.label.length)));
  const row = (r: Row) => {
    const value = formatCell(r.value);
    const body = r.label ? `${r.label.padEnd(width)}  ${value}` : value;
    return `  ${body}${r.detail ? `  (${r.detail})` : ''}`.trimEnd();
  };
  return [s.title, ...s.rows.map(row)];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

function comparisonText(c: Comparison): string[] {
  const head = ['', c.a, c.b, 'difference', 'ratio'];
  const rows = c.rows.map((r) => {
    const unit = 'unit' in r.a ? r.a.unit : null;
    const delta = r.delta !== null && unit ? formatDelta(r.delta, unit) : '';
    const ratio = r.ratio !== null ? formatNumber(r.ratio, 'ratio') : '';
    return [
      `${r.changed ? '*' : ' '} ${r.label}`,
      formatCell(r.a),
      formatCell(r.b),
      r.changed ? delta : '',
      r.changed ? ratio : '',
    ];
  });
  return table([head, ...rows]);
}

/** The input line holding the error, a caret line under it, the message and the hint. */
export function caretText(input: string, e: NapkinError): string[] {
  const { shown, marks } = caretLines(input, e);
  const out = input.length ? [`  ${shown}`, `  ${marks}`] : [];
  out.push(`error: ${e.message}`);
  if (e.hint) out.push(`hint: ${e.hint}`);
  return out;
}

export function renderText(reply: Reply): string {
  if (reply.error) return caretText(reply.error.input, reply.error.error).join('\n');
  const out: string[] = [reply.title];
  for (const cells of reply.summary) out.push(`  ${line(cells)}`);
  if (reply.comparison) out.push('', ...comparisonText(reply.comparison));
  for (const s of reply.sections) out.push('', ...sectionText(s));
  if (reply.notes.length) out.push('', ...reply.notes);
  return out.join('\n');
}
