// Token budget (Chinchilla), training time from peak FLOP/s and MFU, and the decode-speed bound from
// memory bandwidth.
import type { Budget, Flops, Memory, Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { findGpu, type Gpu } from './gpus.js';
import { memoText } from './memo.js';
import type { Dtype, Spec } from './spec.js';

/** Chinchilla's compute-optimal ratio, tokens per parameter. */
export const TOKENS_PER_PARAM = 20;

/** Compute-optimal (N, D) for a budget C with C = 6·N·D and D = 20·N, so N = √(C/120). */
// Hoffmann et al. 2022 (arXiv:2203.15556) §3 and Table 3 (≈20 tokens per parameter); C ≈ 6ND (Kaplan et al. 2020).
export function chinchilla(params: number, flopsBudget: number | null): { tokens: number; params: number | null } {
  if (flopsBudget === null) return { tokens: TOKENS_PER_PARAM * params, params: null };
  const n = Math.sqrt(flopsBudget / (6 * TOKENS_PER_PARAM));
  return { tokens: TOKENS_PER_PARAM * n, params: n };
}

/** Which peak to use for a training dtype: fp32 runs matmuls on TF32 tensor cores; others fall back to the nearest supported. */
const LADDER: Record<Dtype, Dtype[]> = {
  fp32: ['tf32', 'fp32'],
  tf32: ['tf32', 'fp32'],
  bf16: ['bf16', 'fp16', 'tf32', 'fp32'],
  fp16: ['fp16', 'bf16', 'tf32', 'fp32'],
  fp8: ['fp8', 'bf16', 'fp16', 'tf32', 'fp32'],
  int8: ['bf16', 'fp16', 'tf32', 'fp32'],
  int4: ['bf16', 'fp16', 'tf32', 'fp32'],
  nf4: ['bf16', 'fp16', 'tf32', 'fp32'],
};

/** Peak dense FLOP/s of the GPU for the spec's compute dtype, and the dtype actually used. */
export function peakFlops(gpu: Gpu, dtype: Dtype): { flops: number; used: Dtype } | null {
  for (const d of LADDER[dtype]) {
    const f = gpu.flops[d];
    if (f) return { flops: f, used: d };
  }
  return null;
}

/** Training time: model FLOPs over the cluster's sustained rate. */
// T = C / (gpus · peak · MFU); MFU as defined by Chowdhery et al. 2022 (PaLM) App. B.
export const trainSeconds = (flops: number, gpus: number, peak: number, mfu: number): number =>
  flops / (gpus * peak * mfu);

/** Decode bound: every generated token reads the device's weights and KV cache from HBM once; the batch shares that read. */
// tokens/s ≤ batch · bandwidth / (weights + KV per device) — the memory-bound roofline (Williams et al. 2009).
export const decodeBound = (batch: number, bandwidth: number, bytesPerDevice: number): number =>
  (batch * bandwidth) / bytesPerDevice;

const chinchillaNote = memoText((total: number) => `Chinchilla: compute-optimal tokens = 20 × ${total} total params`);
const chinchillaMoeNote = memoText(
  (total: number) =>
    `Chinchilla: compute-optimal tokens = 20 × ${total} total params (total, not active: the law was fitted on dense models)`,
);

/** The Budget block and the conventions it used. */
export function budget(
  spec: Spec,
  params: Params,
  flops: Flops,
  memory: Memory,
  gpu: Gpu | null,
): { budget: Budget; notes: string[] } {
  const notes: string[] = [];
  const opt = chinchilla(params.total, spec.flopsBudget);
  notes.push(
    spec.flopsBudget === null
      ? params.active < params.total
        ? chinchillaMoeNote(params.total)
        : chinchillaNote(params.total)
      : `Chinchilla for a budget of ${spec.flopsBudget} FLOPs: N_opt = √(C/120), D_opt = 20·N_opt`,
  );
  let tokensPerParam: number | null = null;
  if (spec.tokens !== null) {
    tokensPerParam = spec.tokens / params.total;
    const verdict =
      tokensPerParam < 18 ? 'under-trained' : tokensPerParam > 22 ? 'over-trained' : 'about compute-optimal';
    notes.push(
      `${spec.tokens} tokens = ${tokensPerParam.toPrecision(3)} tokens per param: ${verdict} against Chinchilla's 20`,
    );
  }
  let seconds: number | null = null;
  let hours: number | null = null;
  let decode: number | null = null;
  if (!gpu) notes.push('no GPU named: no training time, GPU-hours or decode speed');
  else if (spec.mode === 'train') {
    const peak = peakFlops(gpu, spec.dtype);
    if (!peak) notes.push(`${gpu.name} has no peak FLOP/s listed: no training time`);
    else if (flops.train === null) notes.push('no token count given (tokens=…): no training time');
    else {
      seconds = trainSeconds(flops.train, spec.gpus, peak.flops, spec.mfu);
      hours = (seconds * spec.gpus) / 3600;
      notes.push(
        `training time = model FLOPs / (${spec.gpus} GPUs × ${peak.used} dense peak ${peak.flops} FLOP/s × MFU ${spec.mfu})`,
      );
      if (peak.used !== spec.dtype) notes.push(peakNote(spec.dtype, peak.used, gpu));
    }
  } else {
    const bytes = memory.weights + memory.kvCache;
    decode = bytes > 0 ? decodeBound(spec.batch, gpu.bandwidth, bytes) : null;
    notes.push(
      `decode bound: ${spec.batch} × ${gpu.bandwidth} B/s ÷ (weights + KV cache per device); TP ranks read in parallel${spec.pp > 1 ? `; assumes ${spec.pp} micro-batches keep the pipeline full` : ''}; KV cache at its full length`,
    );
  }
  return {
    budget: {
      optimalTokens: opt.tokens,
      optimalParams: opt.params,
      tokensPerParam,
      trainSeconds: seconds,
      gpuHours: hours,
      decodeTokensPerSecond: decode,
    },
    notes,
  };
}

function peakNote(d: Dtype, used: Dtype, gpu: Gpu): string {
  if (d === 'fp32' && used === 'tf32') return 'fp32 training: matmuls on TF32 tensor cores, the TF32 peak used';
  if (d === 'int8' || d === 'int4' || d === 'nf4') return `${d} weights compute in ${used}: the ${used} peak used`;
  return `${gpu.name} has no ${d} peak listed: the nearest supported, ${used}, used`;
}

export const BUDGET_EXPLAINER: Explainer = {
  topic: 'budget',
  aliases: ['chinchilla', 'tokens', 'time', 'training-time', 'decode'],
  title: 'Token budget, training time and decode speed',
  formula:
    'D_opt = 20·N (budget C: N_opt = √(C/120)); time = FLOPs / (gpus · peak · MFU); decode ≤ batch · bandwidth / (weights + KV per device)',
  source: 'Hoffmann et al. 2022 Chinchilla (arXiv:2203.15556); MFU: Chowdhery et al. 2022 PaLM App. B',
  substitute(spec, est) {
    const b = est.budget;
    const lines = [
      spec.flopsBudget === null
        ? `D_opt = 20 · ${est.params.total} = ${b.optimalTokens}`
        : `N_opt = √(${spec.flopsBudget}/120) = ${b.optimalParams}, D_opt = 20 · N_opt = ${b.optimalTokens}`,
    ];
    if (b.tokensPerParam !== null)
      lines.push(`${spec.tokens} / ${est.params.total} = ${b.tokensPerParam} tokens per param`);
    const gpu = spec.gpu ? findGpu(spec.gpu) : undefined;
    const peak = gpu ? peakFlops(gpu, spec.dtype) : null;
    if (b.trainSeconds !== null && peak)
      lines.push(
        `time = ${est.flops.train} / (${spec.gpus} · ${peak.flops} (${peak.used}) · ${spec.mfu}) = ${b.trainSeconds} s; GPU-hours = ${b.trainSeconds} · ${spec.gpus} / 3600 = ${b.gpuHours}`,
      );
    if (b.decodeTokensPerSecond !== null)
      lines.push(
        `decode ≤ ${spec.batch} · ${gpu?.bandwidth} / (${est.memory.weights} + ${est.memory.kvCache}) = ${b.decodeTokensPerSecond} tokens/s`,
      );
    return lines;
  },
};
