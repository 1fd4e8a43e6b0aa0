// Inputs → their JSON answer lines as one UTF-8 buffer, for `--json -`. No chat, no streams.
import { route } from '../../commands/index.js';
import { answer } from '../../commands/pipeline.js';
import { internalErrorReply } from '../../commands/replies/notices.js';
import type { Reply } from '../../model/reply.js';
import { errorJson, jsonLine } from '../../render/json.js';

const SPEC_COMMANDS = new Set(['estimate', 'compare']);

export type Line = { line: string; ok: boolean };

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

export interface Answered {
  /** The lines, each followed by a newline: valid until the next call (a sink that keeps them copies them). */
  bytes: Buffer;
  failed: boolean;
}

/**
 * Where lines are encoded, sized by the strings' lengths (UTF-8 needs at most 3 bytes per UTF-16 unit)
 * instead of by Buffer.byteLength, which on these lines (×, ≈ and · in the assumptions) cost more than the
 * encoding itself. Reused: stdout's blocking writes take the bytes from here, and a stream that keeps them
 * gets an exact-size copy, so output waiting in a pipe holds its own bytes and not three times as many.
 */
let scratch = Buffer.alloc(0);

/** The answers to `inputs`, one UTF-8 line each, in one buffer. */
export async function answerLines(inputs: string[]): Promise<Answered> {
  const lines: string[] = [];
  let anyFailed = false;
  let units = 0;
  for (const input of inputs) {
    const a = jsonAnswer(input);
    const { line, ok } = a instanceof Promise ? await a : a;
    if (!ok) anyFailed = true;
    lines.push(line);
    units += line.length + 1;
  }
  if (scratch.length < units * 3) scratch = Buffer.allocUnsafe(units * 3);
  let at = 0;
  for (const l of lines) {
    at += scratch.write(l, at);
    scratch[at++] = 10;
  }
  return { bytes: scratch.subarray(0, at), failed: anyFailed };
}
