// `explain <topic>`: the formula, its source, and the numbers substituted for the last spec, if any.
import type { Command, CommandContext } from './command.js';
import { EXPLAINERS, findExplainer } from './explainers.js';
import { answer } from './pipeline.js';
import { describe, estimateChain, isChain } from './thread-chain.js';
import { infoReply } from './replies/notices.js';
import type { Reply, Section } from '../model/reply.js';

const topics = () => EXPLAINERS.map((e) => e.topic).join(', ');

/** The formula with the numbers of `spec` (the A side of a comparison), or why there are none. */
function substituted(topic: string, spec: string | undefined): { section?: Section; note: string } {
  if (!spec) return { note: 'Estimate a spec first and `explain` will substitute its numbers.' };
  // A thread's variant is a chain of specs (`llama-2-7b` then `L=40`): estimated as the thread does.
  const chained = isChain(spec);
  const shown = chained ? describe(spec) : spec;
  const r = chained ? estimateChain(spec) : answer(spec);
  if (!r.ok) return { note: `The last spec (\`${shown}\`) did not parse, so no numbers are substituted.` };
  const est = 'kind' in r.value ? (r.value.kind === 'single' ? r.value.est : r.value.a) : r.value;
  const lines = findExplainer(topic)?.substitute(est.spec, est) ?? [];
  const rows = lines.map((l) => ({ label: '', value: { text: l, readable: true as const } }));
  return { section: { title: `For ${est.name}`, rows }, note: `Numbers from the last spec: \`${shown}\`.` };
}

/** `explain kv cache` is a topic; `explain memory llama-2-7b zero3` is a topic and a spec to substitute. */
function split(text: string, ctx: CommandContext): { topic: string; spec: string | undefined } {
  const t = text.trim();
  if (!t || findExplainer(t)) return { topic: t, spec: ctx.lastSpec };
  const [first, ...rest] = t.split(/\s+/);
  return { topic: first, spec: rest.length ? rest.join(' ') : ctx.lastSpec };
}

function run(text: string, ctx: CommandContext): Reply {
  const { topic, spec } = split(text, ctx);
  const ex = topic ? findExplainer(topic) : undefined;
  if (!ex) {
    const lead = topic ? `No topic \`${topic}\`.` : 'Which number?';
    return infoReply('explain', [], [`${lead} Topics: ${topics()}. Example: \`napkin explain kv-cache\`.`], 'explain');
  }
  const how: Section = {
    title: ex.title,
    rows: [
      { label: 'formula', value: { text: ex.formula } },
      { label: 'source', value: { text: ex.source } },
    ],
  };
  const sub = substituted(ex.topic, spec);
  return infoReply(`explain ${ex.topic}`, sub.section ? [how, sub.section] : [how], [sub.note], 'explain');
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'How a number is computed: the formula, its source, and your last spec substituted',
  usage: 'explain <topic> [spec]',
  examples: ['explain params', 'explain flops llama-2-7b'],
  options: [{ name: 'topic', description: 'What to explain', required: true, choices: EXPLAINERS.map((e) => e.topic) }],
  run,
};
