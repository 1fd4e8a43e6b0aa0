// Token budget (Chinchilla), training time from peak FLOP/s and MFU, and the decode-speed bound from
// memory bandwidth.
import type { Budget, Flops, Memory, Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { findGpu, type Gpu, isGeneric, type Precision } from './gpus.js';
import { memoText } from './memo.js';
import { baseWeights, parallelism, splitParams } from './model-states.js';
import { modelSums, paramTensors } from './params.js';
import { formatOf } from './weights.js';
import type { Dtype, Moe, Spec } from './spec.js';
import { layerGroups } from './stacks.js';

/** Chinchilla's compute-optimal ratio, tokens per parameter. */
export const TOKENS_PER_PARAM = 20;

/** Compute-optimal (N, D) for a budget C with C = 6·N·D and D = 20·N, so N = √(C/120). */
// Hoffmann et al. 2022 (arXiv:2203.15556) §3 and Table 3 (≈20 tokens per parameter); C ≈ 6ND (Kaplan et al. 2020).
export function chinchilla(params: number, flopsBudget: number | null): { tokens: number; params: number | null } {
  if (flopsBudget === null) return { tokens: TOKENS_PER_PARAM * params, params: null };
  const n = Math.sqrt(flopsBudget / (6 * TOKENS_PER_PARAM));
  return { tokens: TOKENS_PER_PARAM * n, params: n };
}

/** What a computation runs in: a spec dtype, or fp4 (NVFP4/MXFP4 matmuls). */
export type ComputeDtype = Dtype | 'fp4';

/**
 * Which peak to use for a compute dtype, in order: fp32 runs matmuls on TF32 tensor cores; weight-only
 * formats (int8/int4/nf4) dequantize to bf16 and multiply there; fp4 without fp4 tensor cores does the same
 * (as vLLM's Marlin MXFP4 kernels on Hopper); others fall back to the nearest supported.
 */
const LADDER: Record<ComputeDtype, Precision[]> = {
  fp32: ['tf32', 'fp32'],
  tf32: ['tf32', 'fp32'],
  bf16: ['bf16', 'fp16', 'tf32', 'fp32'],
  fp16: ['fp16', 'bf16', 'tf32', 'fp32'],
  fp8: ['fp8', 'bf16', 'fp16', 'tf32', 'fp32'],
  fp4: ['fp4', 'bf16', 'fp16', 'tf32', 'fp32'],
  int8: ['bf16', 'fp16', 'tf32', 'fp32'],
  int4: ['bf16', 'fp16', 'tf32', 'fp32'],
  nf4: ['bf16', 'fp16', 'tf32', 'fp32'],
};

/** Peak dense FLOP/s of the GPU for a compute dtype, and the precision whose peak it is; null if none is listed. */
export function peakFlops(gpu: Gpu, dtype: ComputeDtype): { flops: number; used: Precision } | null {
  for (const d of LADDER[dtype]) {
    const f = gpu.flops[d];
    if (f) return { flops: f, used: d };
  }
  return null;
}

/** The peak a spec's matmuls run at on a GPU, which precision's it is, and why when not the obvious one. */
export interface ComputePeak {
  flops: number;
  /** The precision whose peak it is ('fp4', 'bf16'), or a mix in words ('fp4 (experts, 70% of the FLOPs) + bf16'). */
  used: string;
  /** Why this peak, when it is not the dtype's own (a fallback, a weight-only format, a mix); else null. */
  note: string | null;
}

/** Forward matmul FLOPs per token of the routed experts, and of every weight matrix. */
function expertShare(spec: Spec, forwardPerToken: number): number {
  let experts = 0;
  for (const t of modelSums(spec.model).tensors)
    if (t.part === 'experts' && t.matmul && t.cols > 1) experts += 2 * t.rows * t.cols * t.active;
  return forwardPerToken > 0 ? Math.min(1, experts / forwardPerToken) : 0;
}

/**
 * The peak FLOP/s for a spec on a GPU: training computes in its dtype (fp8/fp4 inside the matmuls, bf16 under a
 * quantized base); inference in its weights' format (formats/ `compute`: MXFP4/NVFP4 on fp4 tensor cores
 * where the GPU has them, GGUF and integer formats dequantized to 16-bit). A format on the routed experts only
 * (gpt-oss) runs the experts' FLOPs at its peak and the rest at the dtype's: the times add, so the peaks combine
 * harmonically by FLOP share. The one source for training time and time-to-first-token.
 */
export function computePeak(spec: Spec, gpu: Gpu, forwardPerToken: number | null): ComputePeak | null {
  const w = spec.mode === 'train' ? null : spec.weights;
  const compute: ComputeDtype = w ? formatOf(w).compute : spec.dtype;
  const p = peakFlops(gpu, compute);
  if (!p) return null;
  const note = p.used !== compute ? peakNote(compute, p.used, gpu) : null;
  const expertsOnly = w?.kind === 'format' && w.scope === 'experts';
  if (!w || !expertsOnly || forwardPerToken === null) return { flops: p.flops, used: p.used, note };
  const rest = peakFlops(gpu, spec.dtype);
  if (!rest || rest.used === p.used) return { flops: p.flops, used: p.used, note };
  const share = expertShare(spec, forwardPerToken);
  const flops = 1 / (share / p.flops + (1 - share) / rest.flops);
  const pct = +(100 * share).toPrecision(3);
  return {
    flops,
    used: `${p.used} for the experts (${pct}% of the FLOPs) + ${rest.used} for the rest`,
    note: `${formatOf(w).name} experts at the ${p.used} peak ${p.flops} FLOP/s, the other ${+(100 - pct).toPrecision(3)}% of the FLOPs at ${rest.used} ${rest.flops}: 1 / (${+share.toPrecision(4)}/${p.flops} + ${+(1 - share).toPrecision(4)}/${rest.flops}) = ${+flops.toPrecision(6)} FLOP/s${note ? `; ${note}` : ''}`,
  };
}

/** Why a figure that needs a GPU's peak or bandwidth is missing though a GPU was named. */
export function needsNamedGpu(gpu: Gpu, what: string, lacks: 'peak FLOP/s' | 'bandwidth'): string {
  if (isGeneric(gpu))
    return `${what} needs a named GPU: the ${gpu.name} is known by its memory alone (no peak FLOP/s or bandwidth)`;
  return `${gpu.name} has no ${lacks} listed: no ${what}`;
}

/** Training time: model FLOPs over the cluster's sustained rate. */
// T = C / (gpus · peak · MFU); MFU as defined by Chowdhery et al. 2022 (PaLM) App. B.
export const trainSeconds = (flops: number, gpus: number, peak: number, mfu: number): number =>
  flops / (gpus * peak * mfu);

/** Decode bound: every step reads the device's weights (MoE: the routed experts') and KV cache from HBM once; the batch shares that read. */
// tokens/s ≤ batch · bandwidth / (weights + KV per device) — the memory-bound roofline (Williams et al. 2009).
export const decodeBound = (batch: number, bandwidth: number, bytesPerDevice: number): number =>
  (batch * bandwidth) / bytesPerDevice;

/** Expected fraction of a layer's E experts that b tokens, each routed to k of them, touch: 1 − (1 − k/E)^b. */
// Uniform, independent routing: an expert is missed by one token with probability 1 − k/E.
export const expertsTouched = (k: number, experts: number, b: number): number => 1 - (1 - k / experts) ** b;

/** The routing of a model's MoE layers (the first one's; they share it in every preset), or null when dense. */
export function routing(spec: Spec): Moe | null {
  const m = spec.model;
  if (m.kind !== 'transformer') return null;
  for (const g of layerGroups(m)) if (g.layer.ffn?.kind === 'moe') return g.layer.ffn;
  return null;
}

/** Bytes one decode step reads per device: the weights, less the routed-expert weights no token routes to, plus the KV cache. */
export function decodeBytes(spec: Spec, params: Params, memory: Memory): { bytes: number; unread: number; f: number } {
  const moe = routing(spec);
  if (!moe) return { bytes: memory.weights + memory.kvCache, unread: 0, f: 1 };
  const f = expertsTouched(moe.topk, moe.experts, spec.batch);
  // Shared experts and everything else are read every step; only the routed experts may be skipped. Their
  // stored bytes (weights.ts, in their format), split over tp·pp (and ep) like the rest of the weights.
  const stored = baseWeights(spec, splitParams(spec, params).base, () => paramTensors(spec));
  const unread = (stored.expertBytes / parallelism(spec).mp / Math.max(1, spec.ep)) * (1 - f);
  return { bytes: memory.weights - unread + memory.kvCache, unread, f };
}

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
  let unavailable: string | null = null;
  if (!gpu) notes.push('no GPU named: no training time, GPU-hours or decode speed');
  else if (spec.mode === 'train') {
    const peak = computePeak(spec, gpu, flops.forwardPerToken);
    if (!peak) unavailable = needsNamedGpu(gpu, 'training time', 'peak FLOP/s');
    else if (flops.train === null) notes.push('no token count given (tokens=…): no training time');
    else {
      seconds = trainSeconds(flops.train, spec.gpus, peak.flops, spec.mfu);
      hours = (seconds * spec.gpus) / 3600;
      notes.push(
        `training time = model FLOPs / (${spec.gpus} GPU${spec.gpus === 1 ? '' : 's'} × ${peak.used} dense peak ${peak.flops} FLOP/s × MFU ${spec.mfu})`,
      );
      if (peak.note) notes.push(peak.note);
    }
  } else if (gpu.bandwidth === null) unavailable = needsNamedGpu(gpu, 'decode speed', 'bandwidth');
  else {
    const { bytes, f } = decodeBytes(spec, params, memory);
    decode = bytes > 0 ? decodeBound(spec.batch, gpu.bandwidth, bytes) : null;
    const moe = routing(spec);
    notes.push(
      `decode bound: ${spec.batch} × ${gpu.bandwidth} B/s ÷ (weights${moe ? ' read' : ''} + KV cache per device); TP ranks read in parallel${spec.pp > 1 ? `; assumes ${spec.pp} micro-batches keep the pipeline full` : ''}; KV cache at its full length`,
    );
    if (moe)
      notes.push(
        `MoE decode: a step reads the experts its tokens route to: 1 − (1 − ${moe.topk}/${moe.experts})^${spec.batch} = ${+(100 * f).toPrecision(4)}% of expert weights at batch ${spec.batch} (uniform routing)${moe.shared ? '; shared experts are read every step' : ''}`,
      );
  }
  if (unavailable) notes.push(unavailable);
  return {
    budget: {
      optimalTokens: opt.tokens,
      optimalParams: opt.params,
      tokensPerParam,
      trainSeconds: seconds,
      gpuHours: hours,
      decodeTokensPerSecond: decode,
      unavailable,
    },
    notes,
  };
}

function peakNote(d: ComputeDtype, used: Precision, gpu: Gpu): string {
  if (d === 'fp32' && used === 'tf32') return 'fp32 training: matmuls on TF32 tensor cores, the TF32 peak used';
  if (d === 'int8' || d === 'int4' || d === 'nf4') return `${d} weights compute in ${used}: the ${used} peak used`;
  if (d === 'fp4')
    return `${gpu.name} has no fp4 tensor cores: fp4 weights dequantize to ${used}, the ${used} peak used`;
  return `${gpu.name} has no ${d} peak listed: the nearest supported, ${used}, used`;
}

export const BUDGET_EXPLAINER: Explainer = {
  topic: 'budget',
  aliases: ['chinchilla', 'tokens', 'time', 'training-time', 'decode'],
  title: 'Token budget, training time and decode speed',
  formula:
    'D_opt = 20·N (budget C: N_opt = √(C/120)); time = FLOPs / (gpus · peak · MFU); decode ≤ batch · bandwidth / (weights read + KV per device), MoE weights read = non-expert + experts · (1 − (1 − k/E)^batch)',
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
    const peak = gpu ? computePeak(spec, gpu, est.flops.forwardPerToken) : null;
    if (b.trainSeconds !== null && peak)
      lines.push(
        `time = ${est.flops.train} / (${spec.gpus} · ${peak.flops} (${peak.used}) · ${spec.mfu}) = ${b.trainSeconds} s; GPU-hours = ${b.trainSeconds} · ${spec.gpus} / 3600 = ${b.gpuHours}`,
      );
    if (b.decodeTokensPerSecond !== null) {
      const { unread } = decodeBytes(spec, est.params, est.memory);
      const skipped = unread > 0 ? ` − ${unread} (experts no token routes to)` : '';
      lines.push(
        `decode ≤ ${spec.batch} · ${gpu?.bandwidth} / (${est.memory.weights}${skipped} + ${est.memory.kvCache}) = ${b.decodeTokensPerSecond} tokens/s`,
      );
    }
    return lines;
  },
};
