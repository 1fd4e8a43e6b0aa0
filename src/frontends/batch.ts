// JSON output for the CLI: `--json <spec>` (one line) and `--json -` (one spec per stdin line, one JSON
// line per spec). Lines are answered as they arrive and written in one chunk per turn of the event
// loop: thousands of lines stream at full speed, and a single line is answered at once.
import { createInterface } from 'node:readline';
import { route } from '../commands/index.js';
import { answer } from '../commands/pipeline.js';
import { internalErrorReply } from '../commands/replies.js';
import type { Reply } from '../commands/reply.js';
import { errorJson, jsonLine } from '../render/json.js';

const SPEC_COMMANDS = new Set(['estimate', 'compare']);

type Line = { line: string; ok: boolean };

const failed = (input: string, err: unknown): Line => {
  const e = internalErrorReply(input, err).error!.error;
  return { line: JSON.stringify(errorJson(input, e)), ok: false };
};

const replyLine = (input: string, reply: Reply): Line => {
  const ok = reply.kind !== 'error';
  return { line: JSON.stringify({ input, ok, reply }), ok };
};

/** One input → one JSON line, synchronously for specs (the common case), else a promise. A bug fails that line only. */
export function jsonAnswer(input: string): Line | Promise<Line> {
  try {
    const { command, rest } = route(input);
    if (SPEC_COMMANDS.has(command.name)) {
      const r = answer(rest);
      return { line: jsonLine(input, r), ok: r.ok };
    }
    const reply = command.run(rest, { platform: 'cli' });
    return reply instanceof Promise
      ? reply.then(
          (x) => replyLine(input, x),
          (err) => failed(input, err),
        )
      : replyLine(input, reply);
  } catch (err) {
    return failed(input, err);
  }
}

/**
 * The lines, each followed by a newline, as one UTF-8 buffer with every line encoded straight into it.
 * Writing them as one concatenated string cost about six times more: the chunk is thousands of joined
 * pieces with non-ASCII characters (×, ÷, ·), which the stream flattens and then encodes.
 */
function utf8Lines(lines: string[]): Buffer {
  let size = 0;
  for (const l of lines) size += Buffer.byteLength(l) + 1;
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  for (const l of lines) {
    at += buf.write(l, at);
    buf[at++] = 10;
  }
  return buf;
}

/** Answer stdin line by line; resolves to the exit status (2 when any line failed). */
export function runBatch(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const queue: string[] = [];
  let anyFailed = false;
  let closed = false;
  let draining = false;
  return new Promise((done) => {
    async function drain(): Promise<void> {
      draining = true;
      while (queue.length) {
        const lines: string[] = [];
        for (const text of queue.splice(0)) {
          const a = jsonAnswer(text);
          const { line, ok } = a instanceof Promise ? await a : a;
          if (!ok) anyFailed = true;
          lines.push(line);
        }
        // Back-pressure: stop reading while a slow consumer catches up, so memory stays bounded.
        if (!output.write(utf8Lines(lines))) {
          rl.pause();
          await new Promise((r) => output.once('drain', r));
          rl.resume();
        }
      }
      draining = false;
      if (closed) done(anyFailed ? 2 : 0);
    }
    rl.on('line', (raw) => {
      const text = raw.trim();
      if (!text) return;
      queue.push(text);
      if (!draining) {
        draining = true;
        setImmediate(drain);
      }
    });
    rl.on('close', () => {
      closed = true;
      if (!draining) done(anyFailed ? 2 : 0);
    });
  });
}
