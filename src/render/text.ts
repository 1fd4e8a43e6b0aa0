// Reply → plain text for the console and the CLI: the summary first, then the sections, then notes.
// Errors show the input with a caret under the offending part, then the hint.
import type { Cell, Comparison, Reply, Row, Section } from '../model/reply.js';
import type { NapkinError } from '../result.js';
import { formatCell, formatDelta, formatNumber, shownNotes } from './units.js';
import { caretLines } from './caret.js';

function line(cells: Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += i ? ` ${formatCell(cells[i])}` : formatCell(cells[i]);
  return out;
}

/** Whether s ends in white space (what trimEnd removes), checked without flattening s for a regex. */
function endsInSpace(s: string): boolean {
  if (!s.length) return true;
  const c = s.charCodeAt(s.length - 1);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(s[s.length - 1]));
}

function rowText(r: Row, width: number): string {
  const value = formatCell(r.value);
  const body = r.label ? `${r.label.padEnd(width)}  ${value}` : value;
  if (r.detail) return `  ${body}  (${r.detail})`;
  // Only a value ending in spaces (or an empty one) leaves anything to trim.
  return endsInSpace(value) ? `  ${body}`.trimEnd() : `  ${body}`;
}

function sectionText(s: Section, out: string[]): void {
  let width = 0;
  for (const r of s.rows) if (r.label.length > width) width = r.label.length;
  width = Math.min(32, width);
  out.push(s.title);
  for (const r of s.rows) out.push(rowText(r, width));
}

function table(rows: string[][], out: string[]): void {
  const widths = rows[0].map(() => 0);
  for (const r of rows) for (let i = 0; i < widths.length; i++) if (r[i].length > widths[i]) widths[i] = r[i].length;
  for (const r of rows) {
    let text = '';
    for (let i = 0; i < r.length; i++) {
      const c = i === 0 ? r[i].padEnd(widths[i]) : r[i].padStart(widths[i]);
      text += i ? `  ${c}` : c;
    }
    out.push(text.trimEnd());
  }
}

function comparisonText(c: Comparison, out: string[]): void {
  const head = ['', c.a, c.b, 'difference', 'ratio'];
  const rows = c.rows.map((r) => {
    const unit = 'unit' in r.a ? r.a.unit : null;
    const delta = r.changed && r.delta !== null && unit ? formatDelta(r.delta, unit) : '';
    const ratio = r.changed && r.ratio !== null ? formatNumber(r.ratio, 'ratio') : '';
    return [`${r.changed ? '*' : ' '} ${r.label}`, formatCell(r.a), formatCell(r.b), delta, ratio];
  });
  table([head, ...rows], out);
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
  if (reply.comparison) {
    out.push('');
    comparisonText(reply.comparison, out);
  }
  for (const s of reply.sections) {
    out.push('');
    sectionText(s, out);
  }
  const notes = shownNotes(reply);
  if (notes.length) out.push('', ...notes);
  return out.join('\n');
}
