// `history` in a thread: every variant tried, one line each with its key numbers. Numbers stay cells
// (value + unit) so each renderer formats them like every other answer.
import type { Estimate } from '../core/estimate-types.js';
import type { ThreadState, Variant } from '../model/thread.js';
import { infoReply } from './replies/notices.js';
import type { Cell, Reply } from '../model/reply.js';
import { describe, estimateChain, prefix, segments } from './thread-chain.js';

const t = (text: string): Cell => ({ text });

/** The number of the variant that is the base (the latest one with the base's chain), if any. */
export function baseNumber(state: ThreadState): number | null {
  return [...state.variants].reverse().find((v) => v.input === state.base)?.n ?? null;
}

/** How a chain reads: `#1 + L=40` when it extends an earlier variant, else the spec itself. */
export function chainLabel(chain: string, variants: Variant[]): string {
  const parts = segments(chain);
  for (let cut = parts.length - 1; cut > 0; cut--) {
    const on = variants.find((v) => v.input === prefix(chain, cut));
    if (on) return `#${on.n} + ${parts.slice(cut).join(' + ')}`;
  }
  return describe(chain);
}

function keyNumbers(e: Estimate): Cell[] {
  const m = e.memory;
  const cells: Cell[] = [{ n: e.params.total, unit: 'count' }, t('params ·')];
  if (e.flops.forwardPerToken !== null) cells.push({ n: e.flops.forwardPerToken, unit: 'flops-per-token' }, t('·'));
  cells.push({ n: m.perDevice, unit: 'bytes' }, t('per GPU'));
  cells.push(t(m.fits === null ? '(no GPU named)' : m.fits ? `(fits ${e.spec.gpu})` : `(doesn't fit ${e.spec.gpu})`));
  if (e.budget.trainSeconds !== null) cells.push(t('·'), { n: e.budget.trainSeconds, unit: 'seconds' }, t('to train'));
  return cells;
}

export function historyReply(state: ThreadState | undefined): Reply {
  if (!state || state.variants.length === 0) {
    return infoReply('Thread history', [], ['No specs in this thread yet: the first one becomes its base.'], 'history');
  }
  const base = baseNumber(state);
  const estimates: Estimate[] = [];
  const summary = state.variants.map((v): Cell[] => {
    const head = t(`#${v.n}${v.n === base ? ' (base)' : ''} ${chainLabel(v.input, state.variants)} —`);
    const est = estimateChain(v.input);
    if (!est.ok) return [head, t(`no longer understood: ${est.error.message}`)];
    estimates.push(est.value);
    return [head, ...keyNumbers(est.value)];
  });
  const notes = base === null ? [`Base: ${describe(state.base)}.`] : [];
  notes.push('`base #N` makes variant N the base; `base <spec>` sets a new one.');
  const count = state.variants.length;
  return {
    kind: 'history',
    title: `Thread history: ${count} variant${count === 1 ? '' : 's'}${base === null ? '' : `, base #${base}`}`,
    summary,
    sections: [],
    notes,
    estimates,
  };
}
