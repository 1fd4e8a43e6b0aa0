// Input lines with a bound: what `--json -` and the console read. A line longer than MAX_LINE_BYTES is
// not kept (only its first characters, to name it): the rest of it is read and dropped up to its newline,
// so memory stays bounded for any line length (readline would build the whole line, and a 600 MB one ended
// in "Invalid string length"). Chunks are read only as fast as the caller takes lines (back-pressure).
import { StringDecoder } from 'node:string_decoder';

/** The longest input line napkin reads: 1 MiB (a spec, even a pasted config.json, is a few KB). */
export const MAX_LINE_BYTES = 1 << 20;
/** How much of a refused line is shown, to say which one it was. */
const HEAD = 40;

export type Line = { text: string } | { tooLong: number; head: string };

const bytes = (s: string) => (s.length * 3 <= MAX_LINE_BYTES ? s.length : Buffer.byteLength(s));

/** The lines of `input` (without their \n or \r\n), each chunk's worth at a time. */
export async function* boundedLines(
  input: AsyncIterable<Buffer | string>,
  max = MAX_LINE_BYTES,
): AsyncGenerator<Line[]> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let partialBytes = 0;
  // Bytes of the line being dropped (over the bound), or -1 while reading normally.
  let dropped = -1;
  let head = '';
  const finish = (rest: string, out: Line[]) => {
    if (dropped >= 0) {
      out.push({ tooLong: dropped + bytes(rest), head });
      dropped = -1;
      return;
    }
    const text = partial + rest;
    const size = partialBytes + bytes(rest);
    partial = '';
    partialBytes = 0;
    out.push(size > max ? { tooLong: size, head: text.slice(0, HEAD) } : { text: text.replace(/\r$/, '') });
  };
  const carry = (piece: string) => {
    if (dropped >= 0) {
      dropped += bytes(piece);
      return;
    }
    partial += piece;
    partialBytes += bytes(piece);
    if (partialBytes > max) {
      dropped = partialBytes;
      head = partial.slice(0, HEAD);
      partial = '';
      partialBytes = 0;
    }
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const out: Line[] = [];
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      finish(text.slice(at, nl), out);
      at = nl + 1;
    }
    carry(text.slice(at));
    if (out.length) yield out;
  }
  const last = decoder.end();
  if (last) carry(last);
  if (partial || dropped >= 0) {
    const out: Line[] = [];
    finish('', out);
    yield out;
  }
}

/** What a refused line is answered with: its size and its first characters, never the whole of it. */
export function tooLongMessage(line: { tooLong: number; head: string }): string {
  const mb = (line.tooLong / (1 << 20)).toFixed(1);
  return `napkin reads lines of at most 1 MB; this one (${mb} MB, starting "${line.head}…") was skipped`;
}
