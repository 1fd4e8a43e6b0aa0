// `estimate <spec>` (the default command): the breakdown of one spec, or a comparison for `A vs B`.
import { compareReply } from './replies/compare-reply.js';
import { estimateReply } from './replies/estimate-reply.js';
import type { Command } from './command.js';
import { answer } from './pipeline.js';
import { errorReply, infoReply } from './replies/notices.js';
import type { Reply } from '../model/reply.js';

/** Estimate or compare `text`; shared by `estimate` and `compare`. */
export function answerReply(text: string): Reply {
  const result = answer(text);
  if (!result.ok) return errorReply(text, result.error);
  const r = result.value;
  return r.kind === 'single' ? estimateReply(r.est, text) : compareReply(r.a, r.b, text);
}

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'Params, FLOPs, memory per GPU and token budget for a model spec',
  usage: 'estimate <spec>',
  examples: [
    'llama-2-7b',
    'estimate llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4',
    'estimate transformer d=768 L=12 heads=12 vocab=50257 seq=1024',
    'estimate llama-3-70b infer bf16 H100 gpus=?',
    'estimate mlp 784-512-10',
  ],
  options: [
    {
      name: 'spec',
      description: 'A model spec, e.g. llama-2-7b bf16 adamw 8xH100',
      required: true,
      autocomplete: true,
    },
  ],
  run(text: string): Reply {
    if (!text.trim()) {
      return infoReply(
        'estimate',
        [],
        ['Give a spec, e.g. `napkin llama-2-7b bf16 adamw 8xA100-80GB`; `napkin help` lists the commands.'],
      );
    }
    return answerReply(text);
  },
};
