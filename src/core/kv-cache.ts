// The inference KV cache: keys and values of every layer for every cached token (GQA/MQA-aware).
import { BYTES, isQuantized } from './dtypes.js';
import type { Explainer } from './explainer.js';
import type { Spec, TransformerModel } from './spec.js';

/** Autoregressive models keep a KV cache; encoders (BERT) and ViT do not. */
const cachesKv = (m: TransformerModel): boolean => m.family !== 'encoder' && !m.vision;

/** Sliding-window layers in a stack where every `globalEvery`-th layer is global (Gemma 2: 2, Gemma 3: 6). */
export const slidingLayersOf = (layers: number, globalEvery: number): number =>
  layers - Math.floor(layers / globalEvery);

/** The model's sliding window when `seq` outgrows it (shorter sequences fit in every layer's cache). */
export function windowAt(m: TransformerModel, seq: number): TransformerModel['slidingWindow'] {
  const w = m.slidingWindow;
  return w && seq > w.size ? w : undefined;
}

/** Cached tokens summed over the layers: a sliding-window layer keeps only its last `size` tokens. */
// (L − n)·seq + n·min(seq, w) for n local layers of window w (Gemma Team 2024, arXiv:2408.00118 §2.2).
export function cachedTokens(m: TransformerModel, seq: number): number {
  const w = windowAt(m, seq);
  return w ? (m.layers - w.layers) * seq + w.layers * w.size : m.layers * seq;
}

/** Whole-model KV cache, bytes. */
// 2 · L · kv_heads · head_dim · seq · batch · bytes (K and V per layer; Ainslie et al. 2023 GQA shares K/V across query heads).
export function kvCacheBytes(m: TransformerModel, seq: number, batch: number, bytes: number): number {
  return 2 * cachedTokens(m, seq) * m.kvHeads * m.headDim * batch * bytes;
}

/** KV-cache bytes one device holds: PP splits layers, TP splits KV heads (replicated beyond kv_heads ranks). */
export function kvCachePerDevice(spec: Spec): number {
  const m = spec.model;
  if (spec.mode !== 'infer' || m.kind !== 'transformer' || !cachesKv(m)) return 0;
  const whole = kvCacheBytes(m, spec.seq, spec.batch, BYTES[spec.kvDtype]);
  return whole / spec.pp / Math.min(spec.tp, m.kvHeads);
}

/** Words for Estimate.assumptions. */
export function kvCacheNotes(spec: Spec): string[] {
  const m = spec.model;
  if (spec.mode !== 'infer') return [];
  if (m.kind !== 'transformer') return ['KV cache not modelled without a transformer architecture (counted as 0)'];
  if (!cachesKv(m)) return ['encoder / vision model: no KV cache'];
  const notes = [
    `KV cache: ${spec.seq} tokens × batch ${spec.batch} in ${spec.kvDtype} (${BYTES[spec.kvDtype]} B), ${m.kvHeads} KV heads of ${m.headDim}`,
  ];
  const w = windowAt(m, spec.seq);
  if (w) notes.push(`sliding window: ${w.layers} of ${m.layers} layers cache only the last ${w.size} tokens`);
  if (isQuantized(spec.kvDtype)) notes.push('quantized KV cache: scales neglected');
  if (spec.tp > m.kvHeads)
    notes.push(`tp = ${spec.tp} > ${m.kvHeads} KV heads: KV heads are replicated, the cache divides by ${m.kvHeads}`);
  return notes;
}

export const KV_CACHE_EXPLAINER: Explainer = {
  topic: 'kv-cache',
  aliases: ['kv', 'kvcache', 'cache'],
  title: 'KV cache',
  formula:
    'KV = 2 · L · kv_heads · head_dim · seq · batch · bytes (a sliding-window layer counts min(seq, window) tokens); per device ÷ pp ÷ min(tp, kv_heads)',
  source:
    'K and V per layer and token (Vaswani et al. 2017); grouped-query attention: Ainslie et al. 2023 (arXiv:2305.13245)',
  substitute(spec, est) {
    const m = spec.model;
    if (m.kind !== 'transformer' || !cachesKv(m) || spec.mode !== 'infer') return ['no KV cache for this spec: 0'];
    const b = BYTES[spec.kvDtype];
    const whole = kvCacheBytes(m, spec.seq, spec.batch, b);
    const w = windowAt(m, spec.seq);
    const sum = w
      ? `KV = 2 · (${m.layers - w.layers} · ${spec.seq} + ${w.layers} · ${w.size}) · ${m.kvHeads} · ${m.headDim} · ${spec.batch} · ${b}`
      : `KV = 2 · ${m.layers} · ${m.kvHeads} · ${m.headDim} · ${spec.seq} · ${spec.batch} · ${b}`;
    return [
      `${sum} = ${whole} B`,
      `per device = ${whole} ÷ ${spec.pp} ÷ ${Math.min(spec.tp, m.kvHeads)} = ${est.memory.kvCache} B`,
    ];
  },
};
