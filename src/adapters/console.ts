// The interactive console: the same commands and answers as the chat bot, in a terminal.
// `help` lists the commands, ↑/↓ recall earlier lines, Ctrl-D (or `exit`) quits. A spec answered on its own
// starts a conversation, as under a chat answer: later changes (`L=40`) are compared with it.
import { createInterface } from 'node:readline';
import { isPartial, parse } from '../../grammar/index.js';
import { asked } from '../commands/asked.js';
import type { CommandContext, ThreadState } from '../commands/command.js';
import { dispatch } from '../commands/index.js';
import { infoReply } from '../commands/replies/notices.js';
import type { Reply } from '../model/reply.js';
import { type ThreadChange, threadTurn } from '../commands/thread.js';
import { renderText } from '../render/text.js';

const GREETING =
  'napkin — size a model: type a spec (llama-2-7b bf16 adamw 8xA100-80GB), then changes to it (L=40, what if zero3 16xH100?), `help`, or Ctrl-D to quit.';

/**
 * How a line relates to the conversation about the last spec, as a message in the thread under a chat
 * answer does: `change` (`L=40`, `L=40 vs L=48`, or any question: `what if …?`), `command` (`vs <spec>`, `history`,
 * `base …`), or `new` (a full spec or another command, answered on its own).
 */
function lineKind(text: string): 'change' | 'command' | 'new' {
  const q = asked(text);
  if (/^(history|base\b|vs\s)/i.test(q)) return 'command';
  if (q !== text) return 'change';
  const parsed = parse(q);
  if (!parsed.ok) return 'new';
  const v = parsed.value;
  return isPartial(v.kind === 'single' ? v.patch : v.a) ? 'change' : 'new';
}

const NO_SPEC_YET = infoReply(
  'No spec yet',
  [],
  ['Start with a spec, e.g. `llama-2-7b`; then `L=40` or `what if zero3?` changes it.'],
);

/** The thread after a turn's change, as the thread store records it (src/store/thread-rows.ts). */
function applied(state: ThreadState, change: ThreadChange | null, at: number): ThreadState {
  if (!change) return state;
  const n = Math.max(0, ...state.variants.map((v) => v.n)) + 1;
  return {
    base: change.base ?? state.base,
    variants: change.variant ? [...state.variants, { n, input: change.variant, at, user: 'console' }] : state.variants,
  };
}

export async function runConsole(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const terminal = Boolean((output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal, historySize: 1000, prompt: 'napkin> ' });
  const ctx: CommandContext = { platform: 'console' };
  let thread: ThreadState | undefined;
  output.write(`${GREETING}\n`);
  rl.prompt();
  // Lines are answered one at a time, in order, even when pasted or piped in faster than that.
  for await (const raw of rl) {
    const text = raw.trim();
    if (/^(exit|quit)$/i.test(text)) break;
    if (text) {
      let reply: Reply;
      const kind = lineKind(text);
      if (kind === 'change' && !thread) reply = NO_SPEC_YET;
      else if (kind !== 'new') {
        const turn = await threadTurn(text, { ...ctx, thread });
        const start = turn.change?.base ?? turn.change?.variant;
        if (turn.change) thread = applied(thread ?? { base: start ?? '', variants: [] }, turn.change, Date.now());
        reply = turn.reply;
      } else {
        reply = await dispatch(text, ctx);
        // A spec answered on its own is the base of the conversation that follows, as a chat answer's thread.
        if (reply.kind === 'estimate' && reply.input) {
          thread = { base: reply.input, variants: [{ n: 1, input: reply.input, at: Date.now(), user: 'console' }] };
        }
      }
      // `explain` substitutes the numbers of the last spec that was answered.
      if (reply.input && (reply.kind === 'estimate' || reply.kind === 'compare')) ctx.lastSpec = reply.input;
      output.write(`${renderText(reply)}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
  output.write('\n');
}
