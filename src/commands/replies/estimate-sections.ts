// The breakdown of one estimate: params, FLOPs, memory parts and budget, as label/value rows.
// Rows whose value is unknown (null) are left out rather than shown empty.
import type { Row, Section, Unit } from '../../model/reply.js';
import type { Estimate } from '../../core/estimate-types.js';
import { exactInteger } from '../../core/grouped.js';
import { generic, gpuName } from './gpu-name.js';

function row(label: string, n: number | null, unit: Unit, detail?: string): Row | null {
  if (n === null) return null;
  // Written out, not spread: a spread that adds a key costs about a microsecond on Node 20.
  return detail ? { label, value: { n, unit }, detail } : { label, value: { n, unit } };
}

const section = (title: string, rows: (Row | null)[]): Section => ({
  title,
  rows: rows.filter((r): r is Row => r !== null),
});

const exact = (n: number) => `${exactInteger(Math.round(n))} exactly`;

function paramsSection(e: Estimate): Section {
  const p = e.params;
  return section('Parameters', [
    row('total', p.total, 'count', exact(p.total)),
    p.active !== p.total ? row('active per token', p.active, 'count', exact(p.active)) : null,
    p.trainable !== p.total ? row('trainable', p.trainable, 'count', exact(p.trainable)) : null,
    ...p.breakdown.map((part) => row(part.name, part.count, 'count', exact(part.count))),
  ]);
}

function flopsSection(e: Estimate): Section {
  const f = e.flops;
  const hw = f.hardwarePerToken !== null && f.hardwarePerToken !== f.trainPerToken;
  return section('FLOPs', [
    row('forward / token', f.forwardPerToken, 'flops-per-token', '2 FLOPs per multiply-add, every matmul'),
    row(
      'training / token',
      f.trainPerToken,
      'flops-per-token',
      e.spec.lora ? 'LoRA: 2 × frozen forward + 3 × adapters' : '3 × forward: backward = 2 × forward',
    ),
    hw ? row('hardware / token (recompute)', f.hardwarePerToken, 'flops-per-token') : null,
    row(e.flops.forwardPerToken === null ? 'forward / sample' : 'forward / sequence', f.forwardPerSample, 'flops'),
    row(
      '6N approximation',
      f.approx6N,
      'flops-per-token',
      'Kaplan et al. 2020; N = params in matmuls: all but embedding lookups',
    ),
    row('PaLM approximation', f.approxPaLM, 'flops-per-token', '6N + 12·L·H·Q·T, Chowdhery et al. 2022 App. B'),
    row('training run', f.train, 'flops'),
    row('same, in PFLOP-days', f.train, 'pflop-days'),
  ]);
}

/** Parts a setup does not have (gradients when serving, KV cache when training) are left out. */
const nz = (n: number) => (n === 0 ? null : n);

function memorySection(e: Estimate): Section {
  const m = e.memory;
  const gap =
    m.headroom === null
      ? null
      : m.headroom >= 0
        ? row('headroom', m.headroom, 'bytes')
        : row('shortfall', -m.headroom, 'bytes');
  return section('Memory per device', [
    row('weights', m.weights, 'bytes'),
    row('gradients', nz(m.gradients), 'bytes'),
    row('optimizer states', nz(m.optimizer), 'bytes'),
    row('activations', nz(m.activations), 'bytes'),
    row('KV cache', nz(m.kvCache), 'bytes'),
    row('overhead', m.overhead, 'bytes', 'CUDA context and allocator'),
    row('per device', m.perDevice, 'bytes'),
    row('whole job, all devices', m.total, 'bytes'),
    row(
      `capacity${e.spec.gpu ? ` (${gpuName(e.spec.gpu)})` : ''}`,
      m.capacity,
      'bytes',
      generic(e.spec.gpu) ? 'as GPU memory is sized' : 'as the driver reports it',
    ),
    gap,
    m.suggestion ? { label: 'to fit', value: { text: m.suggestion } } : null,
  ]);
}

function budgetSection(e: Estimate): Section {
  const b = e.budget;
  // Chinchilla's law is about language models; for CNNs, MLPs, RNNs and ViTs it is left out.
  const lm = e.spec.model.kind === 'bare' || (e.spec.model.kind === 'transformer' && !e.spec.model.vision);
  return section('Budget', [
    row(
      'Chinchilla-optimal tokens',
      lm ? b.optimalTokens : null,
      'count',
      b.optimalParams === null ? '20 tokens per parameter' : 'D_opt = 20·N_opt',
    ),
    row('Chinchilla-optimal params', lm ? b.optimalParams : null, 'count', 'N_opt = √(C/120)'),
    row(
      'tokens per parameter',
      b.tokensPerParam,
      'count',
      b.tokensPerParam === null
        ? undefined
        : b.tokensPerParam < 20
          ? 'under-trained: Chinchilla-optimal is 20'
          : 'over-trained: Chinchilla-optimal is 20',
    ),
    row('training time', b.trainSeconds, 'seconds'),
    row('GPU-hours', b.gpuHours, 'hours'),
    row(
      'decode speed bound',
      lm ? b.decodeTokensPerSecond : null,
      'per-second',
      'tokens/s summed over the batch: batch × HBM bandwidth ÷ bytes read per decode step',
    ),
  ]);
}

export function estimateSections(e: Estimate): Section[] {
  return [paramsSection(e), flopsSection(e), memorySection(e), budgetSection(e)].filter((s) => s.rows.length > 0);
}
