// The one way napkin points at a mistake: the input line that holds it (a window around it when the
// line is long, with … where it was cut) and a line of carets under the offending characters.

export interface CaretLines {
  /** The input line, or the window of it, with tabs and CRs shown as spaces so the caret lines up. */
  shown: string;
  /** Spaces up to the offending part, then one caret per character of it (at least one). */
  marks: string;
}

export function caretLines(input: string, e: { offset: number; length: number }, around = 60): CaretLines {
  const offset = Math.min(Math.max(0, e.offset), input.length);
  const start = input.lastIndexOf('\n', offset - 1) + 1;
  const endAt = input.indexOf('\n', offset);
  const end = endAt === -1 ? input.length : endAt;
  const from = Math.max(start, offset - around);
  const to = Math.min(end, offset + Math.max(e.length, 1) + around);
  const head = from > start ? '…' : '';
  const shown = `${head}${input.slice(from, to)}${to < end ? '…' : ''}`.replace(/[\t\r]/g, ' ');
  const marks = ' '.repeat(offset - from + head.length) + '^'.repeat(Math.max(1, Math.min(e.length, to - offset)));
  return { shown, marks };
}
