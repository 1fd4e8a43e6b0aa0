// Memory per device as a sum of named parts, the fit verdict against the named GPU, and the smallest
// change that would make it fit.
import { activations } from './activations.js';
import { BYTES } from './dtypes.js';
import type { Memory, Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { type Gpu, isGeneric } from './gpus.js';
import { kvCachePerDevice } from './kv-cache.js';
import { memoText } from './memo.js';
import { lastTrue, lastTrueFrom } from './search.js';
import {
  baseWeights,
  expertStates,
  modelStates,
  type ParamTensor,
  parallelism,
  type States,
  shardStates,
  splitParams,
} from './model-states.js';
import type { StoredWeights } from './weights.js';
import { tpSplits } from './stacks.js';
import type { Dtype, Spec } from './spec.js';

/** What the memory functions need besides the spec; built once per estimate so searches stay O(1) per step. */
export interface MemoryContext {
  params: Params;
  /** Weight tensors (params.ts paramTensors), memoised: only Adafactor reads them. */
  tensors: () => ParamTensor[];
  gpu: Gpu | null;
  /** The last whole-model states worked out with this context, and the settings they depend on. */
  states?: StatesMemo;
}

type StatesMemo = Pick<Spec, 'dtype' | 'weights' | 'mode' | 'optimizer' | 'fp32Grads' | 'lora'> & {
  value: States;
  /** The base model's stored weights, tensor by tensor. */
  stored: StoredWeights;
  /** The routed experts' share, worked out once expert parallelism asks for it. */
  experts?: States;
};

/** Whole-model states: the same for every batch, sequence, GPU count and ZeRO stage a search tries. */
function memoOf(spec: Spec, ctx: MemoryContext): StatesMemo {
  const c = ctx.states;
  if (
    c !== undefined &&
    c.dtype === spec.dtype &&
    c.weights === spec.weights &&
    c.mode === spec.mode &&
    c.optimizer === spec.optimizer &&
    c.fp32Grads === spec.fp32Grads &&
    c.lora === spec.lora
  )
    return c;
  const stored = baseWeights(spec, splitParams(spec, ctx.params).base, ctx.tensors);
  const value = modelStates(spec, ctx.params, ctx.tensors, stored);
  const { dtype, weights, mode, optimizer, fp32Grads, lora } = spec;
  ctx.states = { dtype, weights, mode, optimizer, fp32Grads, lora, value, stored };
  return ctx.states;
}

/** The base model's stored weights as this context last worked them out (weights.ts). */
export const storedOf = (spec: Spec, ctx: MemoryContext): StoredWeights => memoOf(spec, ctx).stored;

/** What one device holds of the model states, expert parallelism included. */
function deviceStates(spec: Spec, ctx: MemoryContext): States {
  const c = memoOf(spec, ctx);
  if (spec.ep <= 1) return shardStates(spec, c.value);
  c.experts ??= expertStates(spec, ctx.tensors, c.stored);
  return shardStates(spec, c.value, c.experts);
}

/** Per-GPU CUDA context + caching-allocator reserve, counted as its own part when a GPU is named. */
// Convention (stated): ~0.3–0.5 GiB CUDA context (PyTorch, CUDA 12) plus allocator reserve/fragmentation, rounded to 1 GiB.
export const OVERHEAD_BYTES = 2 ** 30;

const MAX_GPUS = 131072;

/** The parts, their sum and the fit verdict (no suggestion). */
export function memoryOf(spec: Spec, ctx: MemoryContext): Memory {
  const st = deviceStates(spec, ctx);
  const act = activations(spec);
  const kv = kvCachePerDevice(spec);
  const overhead = ctx.gpu ? OVERHEAD_BYTES : 0;
  const perDevice = sum(st, act, kv, overhead);
  const capacity = ctx.gpu ? ctx.gpu.memory : null;
  // Written out, not spread: on Node 20 new keys after a spread cost ~1 µs each (this object was ~15 µs).
  return {
    weights: st.weights,
    gradients: st.gradients,
    optimizer: st.optimizer,
    activations: act,
    kvCache: kv,
    overhead,
    perDevice,
    total: perDevice * spec.gpus,
    capacity,
    fits: capacity === null ? null : perDevice <= capacity,
    headroom: capacity === null ? null : capacity - perDevice,
    suggestion: null,
  };
}

const sum = (st: States, act: number, kv: number, overhead: number): number =>
  st.weights + st.gradients + st.optimizer + act + kv + overhead;

/** memoryOf(spec, ctx).perDevice without the rest: what the searches compare with the capacity. */
export const perDeviceBytes = (spec: Spec, ctx: MemoryContext): number =>
  sum(deviceStates(spec, ctx), activations(spec), kvCachePerDevice(spec), ctx.gpu ? OVERHEAD_BYTES : 0);

/** Memory with, when it does not fit, the smallest change that would. */
export function memory(spec: Spec, ctx: MemoryContext): Memory {
  const m = memoryOf(spec, ctx);
  if (m.fits === false) m.suggestion = suggest(spec, ctx);
  return m;
}

/** memoryOf(spec, ctx).fits === true. */
export const fitsIn = (spec: Spec, ctx: MemoryContext): boolean =>
  ctx.gpu !== null && perDeviceBytes(spec, ctx) <= ctx.gpu.memory;

/**
 * Where to start looking for the last data-parallel degree that does not fit: per device = c + s/dp (the
 * sharded states s over dp, the rest c), from the bytes at dp = 1 and 2. Only a start: the search checks.
 */
function missGuess(trial: Spec, ctx: MemoryContext, mp: number, maxDp: number): number {
  if (maxDp < 2 || !ctx.gpu) return 1;
  trial.gpus = mp;
  const one = perDeviceBytes(trial, ctx);
  trial.gpus = 2 * mp;
  const sharded = 2 * (one - perDeviceBytes(trial, ctx));
  const room = ctx.gpu.memory - (one - sharded);
  return room > 0 ? Math.ceil(sharded / room) - 1 : maxDp;
}

/** Fewest GPUs that fit. Training: a multiple of tp·pp, ZeRO sharding by dp. Inference: a larger tp dividing the heads. */
export function fewestGpus(spec: Spec, ctx: MemoryContext): Spec | null {
  const { mp } = parallelism(spec);
  // The candidates are tried on one copy changed in place; the answer is a fresh one.
  const trial = { ...spec };
  if (spec.mode === 'train') {
    const at = (dp: number): Spec => ({ ...spec, gpus: dp * mp });
    const fitsAt = (dp: number) => {
      trial.gpus = dp * mp;
      return fitsIn(trial, ctx);
    };
    if (spec.zero === 0) return fitsAt(1) ? at(1) : null;
    const maxDp = Math.floor(MAX_GPUS / mp);
    if (!fitsAt(maxDp)) return null;
    // memory falls with dp: the first dp that fits = one past the last that does not
    const miss = lastTrueFrom(missGuess(trial, ctx, mp, maxDp), 1, maxDp, (dp) => !fitsAt(dp));
    return at(miss === null ? 1 : miss + 1);
  }
  const m = spec.model;
  for (let t = spec.tp; t * spec.pp <= MAX_GPUS && t <= 1024; t += spec.tp) {
    if (m.kind === 'transformer' && !tpSplits(m, t)) continue;
    trial.tp = t;
    trial.gpus = t * spec.pp;
    if (fitsIn(trial, ctx)) return { ...spec, tp: t, gpus: t * spec.pp };
  }
  return null;
}

const LOWER: Dtype[] = ['bf16', 'fp8', 'int8', 'int4'];

/** First single change that fits, in order: more GPUs, higher ZeRO, full recompute, smaller batch, lower precision. */
export function suggest(spec: Spec, ctx: MemoryContext): string {
  const more = fewestGpus(spec, ctx);
  if (more && spec.mode === 'train' && more.gpus > spec.gpus) return `fits on ${more.gpus} GPUs`;
  // Inference: tensor parallelism over the GPUs already named comes before buying more.
  if (more && spec.mode === 'infer' && (more.tp > spec.tp || more.gpus > spec.gpus))
    return `fits with tp=${more.tp}${more.gpus > spec.gpus ? ` on ${more.gpus} GPUs` : ` on the ${spec.gpus} GPUs named`}`;
  // Each change is tried on one copy, set and then put back.
  const trial = { ...spec };
  if (spec.mode === 'train') {
    for (let z = spec.zero + 1; z <= 3; z++) {
      trial.zero = z as 1 | 2 | 3;
      if (fitsIn(trial, ctx)) return `fits with zero${z}`;
    }
    let best: Spec | null = null;
    for (let z = spec.zero + 1; z <= 3; z++) {
      trial.zero = z as 1 | 2 | 3;
      const s = fewestGpus(trial, ctx);
      if (s && (!best || s.gpus < best.gpus)) best = s;
    }
    trial.zero = spec.zero;
    if (best) return `fits with zero${best.zero} on ${best.gpus} GPUs`;
    trial.recompute = 'full';
    if (spec.recompute !== 'full' && fitsIn(trial, ctx)) return 'fits with recompute=full';
    // Both together: ZeRO on more GPUs shards the model states, full recompute drops the activations.
    if (spec.recompute !== 'full') {
      for (let z = Math.max(spec.zero, 1); z <= 3; z++) {
        trial.zero = z as 1 | 2 | 3;
        const s = fewestGpus(trial, ctx);
        if (s) return `fits with zero${z} + recompute=full on ${s.gpus} GPUs`;
      }
      trial.zero = spec.zero;
    }
    trial.recompute = spec.recompute;
  }
  if (spec.batch > 1) {
    const b = lastTrue(1, spec.batch - 1, (n) => {
      trial.batch = n;
      return fitsIn(trial, ctx);
    });
    if (b !== null) return `fits with batch=${b}`;
    trial.batch = spec.batch;
  }
  for (const d of LOWER) {
    if (BYTES[d] >= BYTES[spec.dtype] || (spec.mode === 'train' && d !== 'bf16')) continue;
    trial.dtype = d;
    if (fitsIn(trial, ctx)) return `fits with ${d} weights`;
  }
  return `does not fit even with more GPUs, ${spec.mode === 'train' ? 'zero3, recompute=full, ' : ''}batch=1 or lower precision: needs a GPU with more memory`;
}

/** Words for Estimate.assumptions. */
export function memoryNotes(spec: Spec, gpu: Gpu | null): string[] {
  if (!gpu) return ['no GPU named: no per-GPU overhead counted, no fit verdict'];
  return [isGeneric(gpu) ? gpu.source : capacityNote(gpu.name, gpu.memory), totalNote(spec.gpus)];
}

const capacityNotes = new Map<string, Map<number, string>>();
function capacityNote(name: string, bytes: number): string {
  let byBytes = capacityNotes.get(name);
  if (!byBytes) {
    if (capacityNotes.size >= 256) capacityNotes.clear();
    byBytes = new Map();
    capacityNotes.set(name, byBytes);
  }
  let text = byBytes.get(bytes);
  if (text === undefined) {
    text = `${name}: ${bytes} B as the driver reports it; 1 GiB per GPU counted for the CUDA context and allocator reserve`;
    byBytes.set(bytes, text);
  }
  return text;
}

const totalNote = memoText((gpus: number) => `total = per device × ${gpus} GPU${gpus === 1 ? '' : 's'}`);

export const MEMORY_EXPLAINER: Explainer = {
  topic: 'memory',
  aliases: ['vram', 'fit', 'fits', 'overhead'],
  title: 'Memory per device',
  formula: 'per device = weights + gradients + optimizer + activations + KV cache + overhead (1 GiB with a named GPU)',
  source: 'Sum of named parts: ZeRO (arXiv:1910.02054) model states, Korthikanti 2022 (arXiv:2205.05198) activations',
  substitute(spec, est) {
    const m = est.memory;
    const lines = [
      `${m.weights} + ${m.gradients} + ${m.optimizer} + ${m.activations} + ${m.kvCache} + ${m.overhead} = ${m.perDevice} B per device`,
      `total = ${m.perDevice} · ${spec.gpus} = ${m.total} B`,
    ];
    if (m.capacity !== null)
      lines.push(
        `capacity ${m.capacity} B − ${m.perDevice} B = headroom ${m.headroom} B (${m.fits ? 'fits' : 'does not fit'})`,
      );
    if (m.suggestion) lines.push(m.suggestion);
    return lines;
  },
};
