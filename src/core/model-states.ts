// Model states (weights, gradients, optimizer states) of the whole model, and what one device holds
// after tensor, pipeline and ZeRO data-parallel sharding.
import { isQuantized, trainableBytes } from './dtypes.js';
import type { Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { memoText } from './memo.js';
import type { Optimizer, Spec } from './spec.js';
import { modelTensors, type Tensor as ParamTensor } from './tensors.js';
import { type StoredWeights, storedWeights } from './weights.js';

/** A weight tensor group (tensors.ts): Σ rows·cols·times = total; vectors have cols = 1. */
export type { ParamTensor };

/** Bytes of model states, either for the whole model or for one device. */
export type States = { weights: number; gradients: number; optimizer: number };

/** Optimizer state bytes per trainable parameter, not counting the fp32 master copy; null = factored. */
// Adam/AdamW m+v fp32 (Kingma & Ba 2015); adam8bit: bitsandbytes 8-bit blockwise (Dettmers et al. 2021); Lion one fp32 moment (Chen et al. 2023).
const OPT_BYTES = { adam: 8, adamw: 8, adam8bit: 2, sgd: 0, momentum: 4, lion: 4, adafactor: null };
export const optimizerBytesPerParam = (opt: Optimizer): number | null => OPT_BYTES[opt];

const isLoraPart = (name: string) => /lora/i.test(name);

/** Adafactor factored second moment, fp32: a row and a column vector per matrix, the full vector for 1-D tensors. */
// Shazeer & Stern 2018 (Adafactor) §3 Algorithm 4; beta1 = None (no first moment) as in the reference and HF defaults.
export function adafactorBytes(tensors: ParamTensor[]): number {
  let sum = 0;
  for (const t of tensors) {
    // params.ts groups a LoRA pair as r × (d_in + d_out): A (r × d_in) and B (d_out × r) factor to 2r + d_in + d_out.
    const rc = isLoraPart(t.part) ? 2 * t.rows + t.cols : t.rows + t.cols;
    sum += 4 * (t.cols === 1 ? t.rows : rc) * t.times;
  }
  return sum;
}

/** Split the count into the frozen base and the trainable adapters (LoRA), or all-trainable. */
export function splitParams(spec: Spec, params: Params): { base: number; adapters: number } {
  if (!spec.lora) return { base: params.total, adapters: 0 };
  const inTotal = params.breakdown.some((p) => isLoraPart(p.name));
  return { base: params.total - (inTotal ? params.trainable : 0), adapters: params.trainable };
}

/** fp8/fp4 training updates bf16 weights (trainableBytes): the low precision is the matmuls' input, not what is stored. */
const lowPrecisionTrained = (spec: Spec) =>
  spec.mode === 'train' && !spec.lora && (spec.dtype === 'fp8' || spec.dtype === 'fp4');

/**
 * The base model's stored weights (weights.ts: each tensor in its format, block scales included), or for
 * fp8/fp4 training the bf16 weights Transformer Engine updates.
 */
export function baseWeights(spec: Spec, base: number, tensors: () => ParamTensor[]): StoredWeights {
  if (!lowPrecisionTrained(spec)) return storedWeights(spec, tensors());
  const tb = trainableBytes(spec.dtype);
  const experts = tensors().reduce((n, t) => n + (t.shard === 'expert' ? t.rows * t.cols * t.times : 0), 0);
  return {
    bytes: base * tb,
    params: base,
    expertBytes: experts * tb,
    shares: [{ format: 'bf16', layout: 'bf16 master weights', parts: ['all'], params: base, bytes: base * tb }],
    approximate: null,
  };
}

/** Weights, gradients and optimizer states of the whole model (unsharded), bytes. */
// Mixed precision: 2Ψ + 2Ψ + KΨ with K = 12 for Adam (Rajbhandari et al. 2019, ZeRO §3.1).
export function modelStates(spec: Spec, params: Params, tensors: () => ParamTensor[], stored?: StoredWeights): States {
  const { base, adapters } = splitParams(spec, params);
  const tb = trainableBytes(spec.dtype);
  let weights = (stored ?? baseWeights(spec, base, tensors)).bytes;
  if (spec.lora) weights += adapters * tb;
  if (spec.mode === 'infer') return { weights, gradients: 0, optimizer: 0 };
  const trainable = params.trainable;
  const gradients = trainable * (spec.fp32Grads ? 4 : tb);
  const master = tb < 4 ? 4 * trainable : 0;
  if (!spec.optimizer) return { weights, gradients, optimizer: 0 };
  const per = optimizerBytesPerParam(spec.optimizer);
  const factored = () => adafactorBytes(spec.lora ? tensors().filter((t) => isLoraPart(t.part)) : tensors());
  const states = per !== null ? per * trainable : factored();
  return { weights, gradients, optimizer: states + master };
}

/**
 * The routed experts' share of the model states: what expert parallelism spreads. Their weights are
 * matrices (held quantized when the format quantizes), and unless LoRA freezes them they train like the rest.
 */
export function expertStates(spec: Spec, tensors: () => ParamTensor[], stored: StoredWeights): States {
  const experts = tensors().filter((t) => t.shard === 'expert');
  const n = experts.reduce((s, t) => s + t.rows * t.cols * t.times, 0);
  const tb = trainableBytes(spec.dtype);
  const weights = stored.expertBytes;
  if (spec.mode === 'infer' || spec.lora) return { weights, gradients: 0, optimizer: 0 };
  const gradients = n * (spec.fp32Grads ? 4 : tb);
  const master = tb < 4 ? 4 * n : 0;
  const per = spec.optimizer ? optimizerBytesPerParam(spec.optimizer) : 0;
  const states = per !== null ? per * n : adafactorBytes(experts);
  return { weights, gradients, optimizer: spec.optimizer ? states + master : 0 };
}

export { splitsHeads } from './layers/attention.js';

/** Model-parallel size tp·pp and the data-parallel degree dp = gpus / (tp·pp). */
export function parallelism(spec: Spec): { mp: number; dp: number } {
  const mp = spec.tp * spec.pp;
  return { mp, dp: Math.max(1, Math.floor(spec.gpus / mp)) };
}

/** What one device holds: TP and PP divide everything; ZeRO 1/2/3 also shard optimizer / +gradients / +weights by dp. */
// Rajbhandari et al. 2019 (ZeRO) §5 and Figure 1: P_os, P_os+g, P_os+g+p.
export function shardStates(spec: Spec, s: States, experts?: States): States {
  const { mp, dp } = parallelism(spec);
  const z = spec.mode === 'train' ? spec.zero : 0;
  if (spec.ep <= 1 || !experts)
    return {
      weights: s.weights / mp / (z >= 3 ? dp : 1),
      gradients: s.gradients / mp / (z >= 2 ? dp : 1),
      optimizer: s.optimizer / mp / (z >= 1 ? dp : 1),
    };
  // Expert parallelism (Megatron-Core): ep ranks carved out of the dp data-parallel ranks each hold E/ep
  // experts, whose states ZeRO then shards over the remaining dp/ep expert-data-parallel ranks; the dense
  // rest follows dp as without ep. In inference the same ep ranks spread the experts.
  const edp = Math.max(1, Math.floor(dp / spec.ep));
  const part = (whole: number, ex: number, sharded: boolean) =>
    (whole - ex) / mp / (sharded ? dp : 1) + ex / mp / spec.ep / (sharded ? edp : 1);
  return {
    weights: part(s.weights, experts.weights, z >= 3),
    gradients: part(s.gradients, experts.gradients, z >= 2),
    optimizer: part(s.optimizer, experts.optimizer, z >= 1),
  };
}

const SHARDED = ['', 'optimizer states', 'optimizer states and gradients', 'optimizer states, gradients and weights'];
/** The ZeRO note for each stage, by data-parallel degree. */
const zeroNote = [0, 1, 2, 3].map((z) =>
  memoText((dp: number) => `ZeRO-${z} shards ${SHARDED[z]} over the data-parallel degree dp = gpus/(tp·pp) = ${dp}`),
);
const optimizerNote = memoText(
  (opt: Optimizer) =>
    `${opt}: ${optimizerBytesPerParam(opt)} B of optimizer state per trainable param${opt === 'adam8bit' ? ' (block scales negligible)' : ''}`,
);

/** Words for Estimate.assumptions. */
export function statesNotes(spec: Spec): string[] {
  const { mp, dp } = parallelism(spec);
  const out: string[] = [];
  if (spec.gpus % mp) out.push(`${spec.gpus} GPUs is not a multiple of tp·pp = ${mp}: data-parallel degree ${dp}`);
  const tpPp = mp > 1 ? `tensor and pipeline parallelism divide the model states evenly by tp·pp = ${mp}` : '';
  if (spec.mode === 'infer') {
    out.push('inference: no gradients, no optimizer states');
    if (spec.zero) out.push('ZeRO applies to training only: ignored');
    if (tpPp) out.push(tpPp);
    return out;
  }
  const tb = trainableBytes(spec.dtype);
  const per = spec.optimizer ? optimizerBytesPerParam(spec.optimizer) : 0;
  if (spec.lora && isQuantized(spec.dtype)) out.push('LoRA on quantized weights: adapters and their gradients in bf16');
  if (spec.fp32Grads) out.push('gradients in fp32 (4 B per trainable param)');
  out.push(
    !spec.optimizer
      ? 'no optimizer named: no optimizer states counted'
      : per !== null
        ? optimizerNote(spec.optimizer)
        : spec.model.kind === 'bare'
          ? 'adafactor on a bare parameter count: no tensor shapes, counted unfactored at 4 B/param (an upper bound)'
          : 'adafactor: factored fp32 second moment, 4·(rows+cols) B per matrix and 4 B per vector entry; no first moment (beta1=None)',
  );
  if (tb < 4)
    out.push('mixed precision: a 4-byte fp32 master copy of the trainable weights counted with the optimizer states');
  // At dp = 1 the grammar's note says ZeRO shards nothing (and what would); this one would only repeat dp.
  if (spec.zero && (dp > 1 || spec.solve === 'gpus')) out.push(zeroNote[spec.zero](dp));
  if (tpPp) out.push(tpPp);
  return out;
}

export const ZERO_EXPLAINER: Explainer = {
  topic: 'zero',
  aliases: ['model-states', 'optimizer', 'sharding', 'gradients', 'weights'],
  title: 'Model states per device (weights, gradients, optimizer) and ZeRO',
  formula:
    'per device = W/(tp·pp)/[dp if zero3] + G/(tp·pp)/[dp if zero≥2] + O/(tp·pp)/[dp if zero≥1], dp = gpus/(tp·pp)',
  source: 'Rajbhandari et al. 2019, ZeRO (arXiv:1910.02054) §3.1 (K = 12) and §5, Figure 1',
  substitute(spec, est) {
    const { mp, dp } = parallelism(spec);
    const z = spec.mode === 'train' ? spec.zero : 0;
    const m = est.memory;
    const { base, adapters } = splitParams(spec, est.params);
    const tb = trainableBytes(spec.dtype);
    const div = (sharded: boolean) => ` ÷ ${mp}${sharded ? ` ÷ ${dp}` : ''}`;
    const frozen = baseWeights(spec, base, () => modelTensors(spec.model))
      .shares.map((s) => `${s.params} · ${s.bytes / s.params}`)
      .join(' + ');
    const lines = [
      `tp·pp = ${mp}, dp = ${spec.gpus}/${mp} = ${dp}, zero = ${z}`,
      `weights: (${frozen}${adapters ? ` + ${adapters} · ${tb}` : ''})${div(z >= 3)} = ${m.weights} B`,
    ];
    if (spec.mode === 'train') {
      const per = spec.optimizer ? optimizerBytesPerParam(spec.optimizer) : 0;
      const states = per === null ? 'factored' : `${est.params.trainable} · (${per}${tb < 4 ? ' + 4 master' : ''})`;
      lines.push(
        `gradients: ${est.params.trainable} · ${spec.fp32Grads ? 4 : tb}${div(z >= 2)} = ${m.gradients} B`,
        `optimizer (${spec.optimizer ?? 'none'}): ${states}${div(z >= 1)} = ${m.optimizer} B`,
      );
    }
    lines.push(`model states = ${m.weights + m.gradients + m.optimizer} B per device`);
    return lines;
  },
};
