// JSON output for the CLI: `--json <spec>` (one line) and `--json -` (one spec per stdin line, one JSON
// line per spec, written as it goes so thousands of lines stream instead of buffering).
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { route } from '../commands/index.js';
import { answer } from '../commands/pipeline.js';
import { internalErrorReply } from '../commands/replies.js';
import { errorJson, jsonLine } from '../render/json.js';

const SPEC_COMMANDS = new Set(['estimate', 'compare']);

/** One input → one JSON line and whether it succeeded. A bug in one line fails that line only. */
export async function jsonAnswer(input: string): Promise<{ line: string; ok: boolean }> {
  try {
    const { command, rest } = route(input);
    if (!SPEC_COMMANDS.has(command.name)) {
      const reply = await command.run(rest, { platform: 'cli' });
      return { line: JSON.stringify({ input, ok: reply.kind !== 'error', reply }), ok: reply.kind !== 'error' };
    }
    const r = answer(rest);
    return { line: jsonLine(input, r), ok: r.ok };
  } catch (err) {
    const e = internalErrorReply(input, err).error!.error;
    return { line: JSON.stringify(errorJson(input, e)), ok: false };
  }
}

/** Answer stdin line by line; resolves to the exit status (2 when any line failed). */
export async function runBatch(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let failed = false;
  for await (const raw of rl) {
    const text = raw.trim();
    if (!text) continue;
    const { line, ok } = await jsonAnswer(text);
    if (!ok) failed = true;
    // Respect back-pressure so a slow reader never makes napkin hold the whole answer in memory.
    if (!output.write(`${line}\n`)) await once(output, 'drain');
  }
  return failed ? 2 : 0;
}
