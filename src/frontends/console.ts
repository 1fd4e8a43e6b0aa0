// The interactive console: the same commands and answers as the chat bot, in a terminal.
// `help` lists the commands, ↑/↓ recall earlier lines, Ctrl-D (or `exit`) quits.
import { createInterface } from 'node:readline';
import type { CommandContext } from '../commands/command.js';
import { dispatch } from '../commands/index.js';
import { renderText } from '../render/text.js';

const GREETING = 'napkin — size a model: type a spec (llama-2-7b bf16 adamw 8xA100-80GB), `help`, or Ctrl-D to quit.';

export async function runConsole(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const terminal = Boolean((output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal, historySize: 1000, prompt: 'napkin> ' });
  const ctx: CommandContext = { platform: 'console' };
  output.write(`${GREETING}\n`);
  rl.prompt();
  // Lines are answered one at a time, in order, even when pasted or piped in faster than that.
  for await (const raw of rl) {
    const text = raw.trim();
    if (/^(exit|quit)$/i.test(text)) break;
    if (text) {
      const reply = await dispatch(text, ctx);
      // `explain` substitutes the numbers of the last spec that was answered.
      if (reply.input && (reply.kind === 'estimate' || reply.kind === 'compare')) ctx.lastSpec = reply.input;
      output.write(`${renderText(reply)}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
  output.write('\n');
}
