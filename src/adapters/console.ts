// The interactive console: the same conversation as the chat bot, in a terminal, with its threads kept
// in memory. `help` lists the commands, ↑/↓ recall earlier lines, Ctrl-D (or `exit`) quits. A spec
// answered on its own starts a conversation, as a chat answer starts a thread: later changes (`L=40`)
// are compared with it.
import { createInterface } from 'node:readline';
import { type Conversation, createConversation } from '../conversation/answer.js';
import { followsUp } from '../conversation/follows-up.js';
import type { Output } from '../conversation/message.js';
import { renderText } from '../render/text.js';
import { memoryRepository } from '../store/memory.js';
import { boundedLines, type Line, tooLongMessage } from './cli/lines.js';

async function* typed(rl: AsyncIterable<string>): AsyncGenerator<Line> {
  for await (const text of rl) yield { text };
}

async function* piped(input: NodeJS.ReadableStream): AsyncGenerator<Line> {
  for await (const lines of boundedLines(input as AsyncIterable<Buffer>)) yield* lines;
}

const GREETING =
  'napkin — size a model: type a spec (llama-2-7b bf16 adamw 8xA100-80GB), then changes to it (L=40, what if zero3 16xH100?), `help`, or Ctrl-D to quit.';

/** The console's conversation: one local user, no rate limit, no charts, threads in memory. */
export const consoleConversation = (): Conversation => createConversation({ repository: memoryRepository() });

export async function runConsole(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  conversation: Conversation = consoleConversation(),
): Promise<void> {
  const terminal = Boolean((output as { isTTY?: boolean }).isTTY);
  // A terminal gets line editing and history; piped input is read with a bound on each line's length.
  const rl = terminal ? createInterface({ input, output, terminal, historySize: 1000, prompt: 'napkin> ' }) : null;
  const prompt = () => (rl ? rl.prompt() : output.write('napkin> '));
  // The conversation about the last spec answered on its own; none yet before the first.
  let conversations = 0;
  const out: Output = {
    async text({ reply, startsThread }) {
      output.write(`${renderText(reply!)}\n\n`);
      return startsThread ? String(++conversations) : null;
    },
  };
  output.write(`${GREETING}\n`);
  prompt();
  // Lines are answered one at a time, in order, even when pasted or piped in faster than that.
  for await (const line of rl ? typed(rl) : piped(input)) {
    if ('tooLong' in line) {
      output.write(`${tooLongMessage(line)}\n\n`);
      prompt();
      continue;
    }
    const text = line.text.trim();
    if (/^(exit|quit)$/i.test(text)) break;
    if (text) {
      const place = followsUp(text) ? { channel: 'console', thread: String(conversations) } : { channel: 'console' };
      await conversation.answer({ platform: 'console', place, user: 'console', text }, out);
    }
    prompt();
  }
  rl?.close();
  await conversation.close();
  output.write('\n');
}
