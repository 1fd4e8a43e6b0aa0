// Estimate → the neutral Reply: the lines that answer at a glance first, then the breakdown
// sections, then one line of assumptions.
import type { Cell, Reply } from '../../model/reply.js';
import type { Estimate } from '../../core/estimate-types.js';
import { exactInteger } from '../../core/grouped.js';
import { estimateSections } from './estimate-sections.js';
import { gpuName } from './gpu-name.js';

const t = (text: string): Cell => ({ text });

/** Chinchilla's law is about language models trained on tokens; for CNNs, MLPs, RNNs and ViTs it says nothing. */
export const tokenModel = (e: Estimate): boolean =>
  e.spec.model.kind === 'bare' || (e.spec.model.kind === 'transformer' && !e.spec.model.vision);

function memoryLine(e: Estimate): Cell[] {
  const m = e.memory;
  const per: Cell = { n: m.perDevice, unit: 'bytes' };
  if (m.capacity === null || m.headroom === null)
    return [t('memory per device'), per, t('(name a GPU to check the fit)')];
  const gpu = gpuName(e.spec.gpu);
  const head: Cell[] = [t('per-GPU memory'), per, t('of'), { n: m.capacity, unit: 'bytes' }, t(`(${gpu}) —`)];
  if (m.fits) return [...head, t('fits,'), { n: m.headroom, unit: 'bytes' }, t('free')];
  const fix = m.suggestion ? [t(`— ${m.suggestion}`)] : [];
  return [...head, t("doesn't fit, short by"), { n: -m.headroom, unit: 'bytes' }, ...fix];
}

function budgetLines(e: Estimate): Cell[][] {
  const b = e.budget;
  const lines: Cell[][] = [];
  if (b.optimalTokens !== null && tokenModel(e)) {
    const what = b.optimalParams !== null ? 'Chinchilla-optimal for this budget:' : 'Chinchilla-optimal tokens';
    const params: Cell[] = b.optimalParams !== null ? [{ n: b.optimalParams, unit: 'count' }, t('params,')] : [];
    lines.push([t(what), ...params, { n: b.optimalTokens, unit: 'count' }, ...(params.length ? [t('tokens')] : [])]);
  }
  if (e.flops.train !== null) {
    const run: Cell[] = [
      t('training'),
      { n: e.flops.train, unit: 'flops' },
      t('='),
      { n: e.flops.train, unit: 'pflop-days' },
    ];
    if (b.trainSeconds !== null) {
      const where = `on ${exactInteger(e.spec.gpus)}× ${gpuName(e.spec.gpu)} at ${Math.round(e.spec.mfu * 100)}% MFU`;
      run.push(t('≈'), { n: b.trainSeconds, unit: 'seconds' }, t(where));
    }
    lines.push(run);
  }
  // A generic GPU (named by its memory alone) has no peak or bandwidth: say what it would take instead.
  if (b.unavailable !== null && (e.spec.mode === 'train' || tokenModel(e))) lines.push([t(b.unavailable)]);
  if (b.decodeTokensPerSecond !== null && tokenModel(e)) {
    lines.push([
      t('decode ≤'),
      { n: b.decodeTokensPerSecond, unit: 'count' },
      // decodeBound is batch × bandwidth ÷ bytes per step: the whole batch's tokens, not one sequence's.
      t(e.spec.batch > 1 ? `tokens/s for the batch of ${e.spec.batch} (memory-bound)` : 'tokens/s (memory-bound)'),
    ]);
  }
  return lines;
}

function summary(e: Estimate): Cell[][] {
  const p = e.params;
  const params: Cell[] = [t('params'), { n: p.total, unit: 'count' }];
  if (p.active !== p.total) params.push(t('·'), { n: p.active, unit: 'count' }, t('active per token'));
  if (p.trainable !== p.total) params.push(t('·'), { n: p.trainable, unit: 'count' }, t('trainable'));
  const lines: Cell[][] = [params];
  const f = e.flops;
  const vision = e.spec.model.kind === 'transformer' && e.spec.model.vision;
  if (f.forwardPerToken !== null && !vision)
    lines.push([{ n: f.forwardPerToken, unit: 'flops-per-token' }, t('forward')]);
  else if (f.forwardPerSample !== null) {
    lines.push([{ n: f.forwardPerSample, unit: 'flops' }, t(vision ? 'forward per image' : 'forward per sample')]);
  }
  lines.push(memoryLine(e), ...budgetLines(e));
  if (e.solved) lines.push([t(`${e.solved.what}=? → ${e.solved.note}`)]);
  return lines;
}

/** The full answer for one estimate; `input` is the text the user typed. */
export function estimateReply(e: Estimate, input: string): Reply {
  return {
    kind: 'estimate',
    title: e.name,
    summary: summary(e),
    sections: estimateSections(e),
    notes: [],
    assumptions: e.assumptions,
    estimates: [e],
    input,
  };
}
