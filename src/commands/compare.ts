// `compare <A> vs <B>`: both columns, the difference and the ratio per row, changed rows marked.
import type { Command } from './command.js';
import { answerReply } from './estimate.js';
import { errorReply } from './replies/notices.js';
import type { Reply } from '../model/reply.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Two specs side by side: each number, the difference and the ratio',
  usage: 'compare <A> vs <B>',
  examples: ['compare llama-2-7b vs llama-2-13b', 'compare llama-2-7b vs L=40', 'compare gpt2 vs gpt2-xl'],
  options: [
    { name: 'a', description: 'The first spec, e.g. llama-2-7b', required: true, autocomplete: true },
    {
      name: 'b',
      description: 'The second spec, or only overrides of the first (L=40)',
      required: true,
      autocomplete: true,
    },
  ],
  run(text: string): Reply {
    const reply = text.trim() ? answerReply(text) : null;
    if (reply && reply.kind !== 'estimate') return reply;
    const at = Math.max(text.length, 1);
    return errorReply(text, {
      code: 'need-two',
      message: 'compare needs two specs joined by `vs`',
      offset: Math.max(text.length - 1, 0),
      length: Math.min(1, at),
      hint: 'e.g. `compare llama-2-7b vs llama-2-13b` or `compare llama-2-7b vs L=40`',
    });
  },
};
