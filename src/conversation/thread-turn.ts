// The conversation in a napkin thread (issue 7). The first spec sets the thread's base; a full spec is
// compared side by side with the base; a partial one (`L=40`, `zero3 16xH100`) is applied to the base
// and the answer shows what changed. `history`, `base <spec>` and `base #N` manage the thread. This
// file decides the reply and the change to store; ./answer.ts reads and writes the rows around it.
import { isPartial, parse } from '../../grammar/index.js';
import { compareReply } from '../commands/replies/compare-reply.js';
import { estimateReply } from '../commands/replies/estimate-reply.js';
import { asked } from '../commands/asked.js';
import type { CommandContext } from '../commands/command.js';
import { dispatch, route } from '../commands/index.js';
import { errorReply, infoReply } from '../commands/replies/notices.js';
import type { Reply } from '../model/reply.js';
import type { ThreadChange, ThreadState } from '../model/thread.js';
import { clean, describe, estimateChain, extend } from '../commands/thread-chain.js';
import { specChanges } from '../commands/thread-diff.js';
import { baseNumber, chainLabel, historyReply } from '../commands/thread-history.js';

export interface ThreadTurn {
  reply: Reply;
  change: ThreadChange | null;
}

const nextNumber = (state: ThreadState | undefined) => Math.max(0, ...(state?.variants.map((v) => v.n) ?? [])) + 1;
const withNote = (reply: Reply, note: string): Reply => ({ ...reply, notes: [note, ...reply.notes] });
const only = (reply: Reply): ThreadTurn => ({ reply, change: null });

/** A change (`L=40`, `what if zero3?`) where there is no spec yet to change. */
export const NO_SPEC_YET = infoReply(
  'No spec yet',
  [],
  ['Start with a spec, e.g. `llama-2-7b`; then `L=40` or `what if zero3?` changes it.'],
);

/** A chain that becomes the base (and a variant): its estimate, saying so. */
function newBase(chain: string, state: ThreadState | undefined, how: string): ThreadTurn {
  const est = estimateChain(chain);
  if (!est.ok) return only(errorReply(describe(chain), est.error));
  const note = `${how} (#${nextNumber(state)}): specs posted in this thread are compared with it.`;
  return { reply: withNote(estimateReply(est.value, describe(chain)), note), change: { base: chain, variant: chain } };
}

function baseByNumber(n: number, state: ThreadState | undefined): ThreadTurn {
  const v = state?.variants.find((x) => x.n === n);
  if (!state || !v) {
    const known = state?.variants.length ? `#1 … #${nextNumber(state) - 1}` : 'none yet';
    return only(infoReply(`No variant #${n} in this thread`, [], [`Variants: ${known}; \`history\` lists them.`]));
  }
  const est = estimateChain(v.input);
  if (!est.ok) return only(errorReply(describe(v.input), est.error));
  const note = `#${n} (${chainLabel(v.input, state.variants)}) is now this thread's base.`;
  return { reply: withNote(estimateReply(est.value, describe(v.input)), note), change: { base: v.input } };
}

function changeBase(arg: string, state: ThreadState | undefined): ThreadTurn {
  const byNumber = /^#(\d+)$/.exec(arg);
  if (byNumber) return baseByNumber(Number(byNumber[1]), state);
  if (!arg) {
    const now = state ? `The base is ${chainLabel(state.base, state.variants)}.` : 'This thread has no base yet.';
    return only(infoReply('Thread base', [], [now, '`base <spec>` sets a new base; `base #N` picks variant N.']));
  }
  const parsed = parse(arg);
  if (!parsed.ok) return only(errorReply(arg, parsed.error));
  const partial = parsed.value.kind === 'single' && isPartial(parsed.value.patch);
  return newBase(state && partial ? extend(state.base, arg) : arg, state, "This is now the thread's base");
}

/** `L=40 vs L=48` in a thread: the base with each change, side by side (B's changes on top of A's, as in `A vs B`). */
function changesCompared(spec: string, state: ThreadState): ThreadTurn {
  const [aText, bText] = spec.split(/\s+vs\s+/i);
  const chainA = extend(state.base, aText);
  const bParsed = parse(bText);
  const bPartial = bParsed.ok && bParsed.value.kind === 'single' && isPartial(bParsed.value.patch);
  const chainB = extend(bPartial ? chainA : state.base, bText);
  const a = estimateChain(chainA);
  if (!a.ok) return only(errorReply(describe(chainA), a.error));
  const b = estimateChain(chainB);
  if (!b.ok) return only(errorReply(describe(chainB), b.error));
  const k = `#${baseNumber(state) ?? '?'}`;
  const compared = compareReply(a.value, b.value, spec, `${k} (${chainLabel(state.base, state.variants)})`);
  return only({ ...compared, title: `${aText} vs ${bText}, each on base ${k}` });
}

/** A spec posted in the thread: the base if there is none yet, else compared with the base. */
async function specTurn(spec: string, ctx: CommandContext): Promise<ThreadTurn> {
  const state = ctx.thread;
  const parsed = parse(spec);
  if (!parsed.ok) return only(errorReply(spec, parsed.error));
  if (parsed.value.kind === 'compare') {
    // Two changes (`L=40 vs L=48`) are two variants of the base, compared with each other.
    if (state && isPartial(parsed.value.a)) return changesCompared(spec, state);
    if (isPartial(parsed.value.a)) return only(NO_SPEC_YET);
    // `A vs B` naming both sides itself: an ordinary comparison, not a variant of the thread.
    return only(await dispatch(`compare ${spec}`, ctx));
  }
  if (!state && isPartial(parsed.value.patch)) return only(NO_SPEC_YET);
  if (!state) return newBase(spec, state, "This is the thread's base");
  const base = estimateChain(state.base);
  if (!base.ok) {
    const message = `the thread's base no longer works: ${base.error.message}`;
    return only(
      errorReply(describe(state.base), { ...base.error, message, hint: 'set a new base with `base <spec>`' }),
    );
  }
  // A full spec replaces the model and keeps the base's settings (dtype, GPUs, batch…) it does not set,
  // as `A vs B` does, so `llama-3-8b` is compared under the thread's conditions.
  const partial = isPartial(parsed.value.patch);
  const chain = extend(state.base, spec);
  const variant = estimateChain(chain);
  if (!variant.ok) return only(errorReply(describe(chain), variant.error));
  const k = `#${baseNumber(state) ?? '?'}`;
  const compared = compareReply(base.value, variant.value, spec, `${k} (${chainLabel(state.base, state.variants)})`);
  const reply: Reply = {
    ...compared,
    // The variant as a chain: `explain` after this turn substitutes the variant's numbers (explain.ts).
    input: chain,
    title: `${partial ? spec : variant.value.name} vs base ${k}`,
    sections: partial ? [specChanges(base.value.spec, variant.value.spec), ...compared.sections] : compared.sections,
  };
  return { reply, change: { variant: chain } };
}

/**
 * How a message in a thread is answered: `now`, without the thread's rows (another command, a spec that
 * does not parse, a comparison of two full specs), or by `run` once its state has been read.
 */
export type TurnPlan = { now: Promise<Reply> } | { run(state: ThreadState | undefined): Promise<ThreadTurn> };

export function planTurn(text: string, ctx: CommandContext): TurnPlan {
  const input = asked(clean(text));
  const at = (thread: ThreadState | undefined) => ({ ...ctx, thread });
  if (/^history$/i.test(input)) return { run: async (state) => only(historyReply(state)) };
  const base = /^base(?:\s+([\s\S]*))?$/i.exec(input);
  if (base) return { run: async (state) => changeBase((base[1] ?? '').trim(), state) };
  const { command, rest } = route(input);
  if (command.name !== 'estimate' && command.name !== 'compare') return { now: dispatch(input, ctx) };
  // `vs llama-3-8b` and `compare llama-3-8b` in a thread mean: compare it with the base.
  const spec = rest.replace(/^vs\s+/i, '').trim();
  if (!spec) return { now: dispatch(input, ctx) };
  const parsed = parse(spec);
  if (!parsed.ok) return { now: Promise.resolve(errorReply(spec, parsed.error)) };
  // `A vs B` naming both sides itself: an ordinary comparison, whatever the thread holds.
  if (parsed.value.kind === 'compare' && !isPartial(parsed.value.a)) return { now: dispatch(`compare ${spec}`, ctx) };
  return { run: (state) => specTurn(spec, at(state)) };
}

/** One message in a thread whose stored state is `ctx.thread` (undefined for a new thread). */
export async function threadTurn(text: string, ctx: CommandContext): Promise<ThreadTurn> {
  const plan = planTurn(text, ctx);
  return 'now' in plan ? only(await plan.now) : plan.run(ctx.thread);
}
