// The inference cache, layer kind by layer kind (layers/*.ts `cache`): keys and values per token for
// attention (GQA-aware, capped by a sliding window), the latent per token for MLA, the encoder's K/V for
// cross-attention, and a fixed state per sequence for Mamba. The total is the sum over the layers.
import { BYTES } from './dtypes.js';
import { kvFormat } from './formats/index.js';
import type { Explainer } from './explainer.js';
import { kindOf } from './layers/index.js';
import type { Cache } from './layers/kind.js';
import type { Dtype, KvDtype, Layer, Spec, TransformerModel } from './spec.js';
import { type Group, layerGroups, layerCount, mixersOf } from './stacks.js';

/** Bytes per cached element: a dtype's width, or a block type's bits with its scales (llama.cpp q8_0: 34 B per 32). */
export function kvBytes(k: KvDtype): number {
  const f = kvFormat(k);
  return f ? f.bitsPerWeight / 8 : BYTES[k as Dtype];
}

/** The cache's element type in words: 'bf16 (2 B)', 'q8_0 (34 B per 32 = 1.0625 B, block scales included)'. */
function kvWords(k: KvDtype): string {
  const f = kvFormat(k);
  if (!f || f.blockSize === 1) return `${k} (${kvBytes(k)} B)`;
  return `${k} (${f.blockBits / 8} B per ${f.blockSize} = ${kvBytes(k)} B, block scales included)`;
}

/** The caches of one layer's mixers: none in an encoder, which runs once over its input. */
function cachesOf(g: Group): Cache[] {
  if (g.stack.role !== 'decoder') return [];
  const out: Cache[] = [];
  for (const x of mixersOf(g.layer)) {
    const c = kindOf(x).cache(x as never);
    if (c) out.push(c);
  }
  return out;
}

/** Elements one layer caches per sequence at length `seq` (the encoder's output is `seq` tokens too). */
function cacheElements(c: Cache, seq: number): number {
  if (c.per === 'sequence') return c.elements;
  if (c.per === 'encoder') return c.elements * seq;
  return c.elements * (c.window !== null && c.window < seq ? c.window : seq);
}

/** Whether any layer of the model caches anything for decoding (encoders and ViT do not). */
export const hasCache = (m: TransformerModel): boolean => layerGroups(m).some((g) => cachesOf(g).length > 0);

/** Sliding-window layers whose window `seq` outgrows (shorter sequences fit in every layer's cache). */
export function windowAt(
  m: TransformerModel,
  seq: number,
): { size: number; layers: number; chunked: boolean } | undefined {
  let size = 0;
  let layers = 0;
  let chunked = false;
  for (const g of layerGroups(m)) {
    const x = g.layer.mixer;
    if (x?.kind === 'attn' && x.window !== null && x.window < seq) {
      size = x.window;
      chunked = x.chunked;
      layers += g.count;
    }
  }
  return layers ? { size, layers, chunked } : undefined;
}

/** Whole-model cache, bytes: Σ over layers of what each caches × batch × bytes per element. */
// K and V: 2 · L · kv_heads · head_dim · seq · batch · bytes (Ainslie et al. 2023 GQA shares K/V across query heads);
// a window of w caches min(seq, w) tokens (Gemma Team 2024, arXiv:2408.00118 §2.2); MLA kv_rank + rope_dim per token.
export function kvCacheBytes(m: TransformerModel, seq: number, batch: number, bytes: number): number {
  let sum = 0;
  for (const g of layerGroups(m)) for (const c of cachesOf(g)) sum += g.count * cacheElements(c, seq) * batch * bytes;
  return sum;
}

/** Cache bytes one device holds: PP splits layers, TP splits what each kind splits (KV heads up to kv_heads ranks; MLA's latent not at all). */
export function kvCachePerDevice(spec: Spec): number {
  const m = spec.model;
  if (spec.mode !== 'infer' || m.kind !== 'transformer') return 0;
  const bytes = kvBytes(spec.kvDtype);
  let sum = 0;
  for (const g of layerGroups(m))
    for (const c of cachesOf(g))
      sum += (g.count * cacheElements(c, spec.seq) * spec.batch * bytes) / spec.pp / c.tpDiv(spec.tp);
  return sum;
}

const attentionOf = (layer: Layer) => (layer.mixer?.kind === 'attn' ? layer.mixer : null);

/** Words for Estimate.assumptions. */
export function kvCacheNotes(spec: Spec): string[] {
  const m = spec.model;
  if (spec.mode !== 'infer') return [];
  if (m.kind !== 'transformer') return ['KV cache not modelled without a transformer architecture (counted as 0)'];
  if (!hasCache(m)) return ['encoder / vision model: no KV cache'];
  const groups = layerGroups(m).filter((g) => cachesOf(g).length > 0);
  const kinds = new Set(groups.flatMap((g) => mixersOf(g.layer).map((x) => x.kind)));
  const attn = groups.map((g) => attentionOf(g.layer)).find((x) => x !== null);
  const dtype = `in ${kvWords(spec.kvDtype)}`;
  const notes: string[] = [];
  if (attn)
    notes.push(
      `KV cache: ${spec.seq} tokens × batch ${spec.batch} ${dtype}, ${attn.kvHeads} KV heads of ${attn.headDim}`,
    );
  const latent = groups.map((g) => g.layer.mixer).find((x) => x?.kind === 'mla');
  if (latent?.kind === 'mla')
    notes.push(
      `latent attention cache: kv_rank ${latent.kvRank} + rope_dim ${latent.ropeDim} = ${latent.kvRank + latent.ropeDim} elements per token per layer ${dtype}, as vLLM and SGLang store it; every TP rank holds the whole latent`,
    );
  if (kinds.has('cross'))
    notes.push(
      `cross-attention: each decoder layer caches K and V of the ${spec.seq}-token encoder output (the encoder runs once per input; its length taken = seq)`,
    );
  if (kinds.has('mamba1') || kinds.has('mamba2'))
    notes.push(
      `state-space layers keep a fixed conv + SSM state per sequence ${dtype} (vLLM's Mamba state shapes), whatever the length`,
    );
  const w = windowAt(m, spec.seq);
  if (w)
    notes.push(
      w.chunked
        ? `chunked attention: ${w.layers} of ${layerCount(m)} layers cache at most their current ${w.size}-token chunk`
        : `sliding window: ${w.layers} of ${layerCount(m)} layers cache only the last ${w.size} tokens`,
    );
  const k = spec.kvDtype;
  if (k === 'int8' || k === 'int4' || k === 'nf4' || k === 'fp4') notes.push('quantized KV cache: scales neglected');
  else if (kvFormat(k)?.family === 'gguf' && k !== 'bf16')
    notes.push(
      `${k} KV cache as llama.cpp stores it (-ctk/-ctv ${k}): blocks of ${kvFormat(k)!.blockSize} along each token's K and V rows; a quantized V cache needs flash attention (-fa)`,
    );
  if (attn && spec.tp > attn.kvHeads)
    notes.push(
      `tp = ${spec.tp} > ${attn.kvHeads} KV heads: KV heads are replicated, the cache divides by ${attn.kvHeads}`,
    );
  return notes;
}

export const KV_CACHE_EXPLAINER: Explainer = {
  topic: 'kv-cache',
  aliases: ['kv', 'kvcache', 'cache'],
  title: 'KV cache',
  formula:
    'KV = Σ over layers · seq · batch · bytes of: attention 2 · kv_heads · head_dim (a sliding-window layer counts min(seq, window) tokens); MLA kv_rank + rope_dim; cross-attention 2 · kv_heads · head_dim per encoder token; Mamba a fixed (conv−1)·channels + inner·state per sequence; per device ÷ pp ÷ min(tp, kv_heads) (MLA: not split)',
  source:
    'K and V per layer and token (Vaswani et al. 2017); grouped-query attention: Ainslie et al. 2023 (arXiv:2305.13245); MLA latent cache: DeepSeek-V2 (arXiv:2405.04434) §2.1.3 and vLLM MLAAttentionSpec; Mamba state: vLLM MambaSpec',
  substitute(spec, est) {
    const m = spec.model;
    if (m.kind !== 'transformer' || !hasCache(m) || spec.mode !== 'infer') return ['no KV cache for this spec: 0'];
    const b = kvBytes(spec.kvDtype);
    const whole = kvCacheBytes(m, spec.seq, spec.batch, b);
    const groups = layerGroups(m).filter((g) => cachesOf(g).length > 0);
    const attn = groups.length === 1 || groups.length === 2 ? groups.map((g) => attentionOf(g.layer)) : [];
    const uniform =
      attn.length > 0 && attn.every((x) => x && x.kvHeads === attn[0]?.kvHeads && x.headDim === attn[0]?.headDim);
    const a = attn[0];
    if (uniform && a && groups.every((g) => cachesOf(g).length === 1)) {
      const w = windowAt(m, spec.seq);
      const L = layerCount(m);
      const sum = w
        ? `KV = 2 · (${L - w.layers} · ${spec.seq} + ${w.layers} · ${w.size}) · ${a.kvHeads} · ${a.headDim} · ${spec.batch} · ${b}`
        : `KV = 2 · ${L} · ${a.kvHeads} · ${a.headDim} · ${spec.seq} · ${spec.batch} · ${b}`;
      return [
        `${sum} = ${whole} B`,
        `per device = ${whole} ÷ ${spec.pp} ÷ ${Math.min(spec.tp, a.kvHeads)} = ${est.memory.kvCache} B`,
      ];
    }
    const lines = groups.map((g) => {
      const each = cachesOf(g).map((c) => {
        const n = cacheElements(c, spec.seq);
        return c.per === 'sequence' ? `${n} (fixed state)` : `${c.elements} · ${n / c.elements} tokens`;
      });
      return `${g.count} layers × (${each.join(' + ')}) · ${spec.batch} · ${b}`;
    });
    return [
      ...lines,
      `KV = ${whole} B`,
      `per device (÷ ${spec.pp} pipeline stages, TP as each kind splits) = ${est.memory.kvCache} B`,
    ];
  },
};
