// A transformer-like model as groups of identical layers (GenZ's effective key, vLLM's KV-cache spec
// groups): every total is a sum over the groups × their counts, so its cost grows with the kinds of layer,
// not the layers. The weight tensors of the whole model are read from here.
import { byIdentity } from './memo.js';
import { isPresetModel } from './presets.js';
import { kindOf } from './layers/index.js';
import { type NormStyle, normElements, type Tensor, tensor } from './layers/kind.js';
import type { ChannelMixer, Layer, Stack, TokenMixer, TransformerModel } from './layers/types.js';

export interface Group {
  stack: Stack;
  layer: Layer;
  /** How many layers of the stack are this layer. */
  count: number;
}

export const normStyle = (m: TransformerModel): NormStyle => ({
  rms: m.norm === 'rmsnorm',
  bias: m.normBias,
  affine: m.norm !== 'nonparametric',
});

/** The mixers of one layer, token mixers first: attention (or SSM), cross-attention, MLP (or MoE). */
export function mixersOf(layer: Layer): (TokenMixer | ChannelMixer)[] {
  const out: (TokenMixer | ChannelMixer)[] = [];
  if (layer.mixer) out.push(layer.mixer);
  if (layer.cross) out.push(layer.cross);
  if (layer.ffn) out.push(layer.ffn);
  return out;
}

/** Identical layers (by value, whatever object holds them) with their counts, stack by stack, in order of first use. */
function groupsOf(m: TransformerModel): Group[] {
  const out: Group[] = [];
  for (const stack of m.stacks) {
    const byObject = new Map<Layer, Group>();
    const byValue = new Map<string, Group>();
    for (const layer of stack.layers) {
      let g = byObject.get(layer);
      if (!g) {
        const key = JSON.stringify(layer);
        g = byValue.get(key);
        if (!g) {
          g = { stack, layer, count: 0 };
          byValue.set(key, g);
          out.push(g);
        }
        byObject.set(layer, g);
      }
      g.count++;
    }
  }
  return out;
}

/** The groups of a model, remembered for the last model and for the presets' own. */
export const layerGroups: (m: TransformerModel) => Group[] = byIdentity(groupsOf, isPresetModel);

/** Layers in all stacks. */
export const layerCount = (m: TransformerModel): number => m.stacks.reduce((n, s) => n + s.layers.length, 0);

/** One layer's tensors × `times`: its token mixer, cross-attention, norms, then channel mixer. */
export function layerTensors(layer: Layer, d: number, norm: NormStyle, times: number, out: Tensor[] = []): Tensor[] {
  if (layer.mixer) for (const x of kindOf(layer.mixer).tensors(layer.mixer, d, norm, times)) out.push(x);
  if (layer.cross) for (const x of kindOf(layer.cross).tensors(layer.cross, d, norm, times)) out.push(x);
  if (layer.norms > 0) out.push(tensor('norms', normElements(norm, d), 1, times * layer.norms, 'rep'));
  if (layer.ffn) for (const x of kindOf(layer.ffn).tensors(layer.ffn, d, norm, times)) out.push(x);
  return out;
}

/** Forward matmul FLOPs of one layer per token: 2 per multiply-add of every weight matrix a token uses. */
export function matmulFlops(ts: Tensor[]): number {
  let n = 0;
  for (const x of ts) if (x.matmul && x.cols > 1) n += x.rows * x.cols * x.active;
  return 2 * n;
}

/**
 * The weight tensors a standard PyTorch / Hugging Face implementation holds: Σ rows·cols·times is the
 * parameter count (buffers such as rotary inv_freq and causal masks are not parameters).
 */
export function transformerTensors(m: TransformerModel): Tensor[] {
  const norm = normStyle(m);
  const out: Tensor[] = [];
  if (m.vision) {
    const v = m.vision;
    const patches = (v.image / v.patch) ** 2;
    // ViT (Dosovitskiy et al. 2021 §3.1): a patch-embedding conv, a class token, learned positions for patches + 1.
    out.push(
      tensor('embeddings', m.d, v.channels * v.patch * v.patch, 1, 'col'),
      tensor('embeddings', m.d, 1, 1, 'col'),
    );
    out.push(tensor('embeddings', m.d, 1, 1, 'rep', false), tensor('positions', patches + 1, m.d, 1, 'rep', false));
  } else out.push(tensor('embeddings', m.vocab, m.d, 1, 'vocab', false));
  let types = m.typeVocab;
  const groups = layerGroups(m);
  for (const stack of m.stacks) {
    if (stack.positions > 0) out.push(tensor('positions', stack.positions, m.d, 1, 'rep', false));
    if (types > 0) out.push(tensor('embeddings', types, m.d, 1, 'rep', false));
    types = 0;
    if (stack.embedNorm) out.push(tensor('norms', normElements(norm, m.d), 1, 1, 'rep'));
    for (const g of groups) if (g.stack === stack) layerTensors(g.layer, m.d, norm, g.count, out);
    if (stack.finalNorm) out.push(tensor('norms', normElements(norm, m.d), 1, 1, 'rep'));
  }
  if (m.head === 'classifier' && m.vision)
    out.push(tensor('head', m.d, m.vision.classes, 1, 'col'), tensor('head', m.vision.classes, 1, 1, 'col'));
  // BertModel's pooler: a dense d×d with bias on the [CLS] token (once per sequence, not per token).
  else if (m.head === 'pooler') out.push(tensor('pooler', m.d, m.d, 1, 'rep'), tensor('pooler', m.d, 1, 1, 'rep'));
  else if (m.head === 'lm') {
    // A tied head reuses the embedding matrix: counted once (as embeddings) but it does a matmul per token.
    if (!m.tied) out.push(tensor('lm head', m.d, m.vocab, 1, 'vocab'));
    if (m.headBias) out.push(tensor('lm head', m.vocab, 1, 1, 'vocab'));
  }
  return out;
}

/** One layer in words: its mixers' labels joined ('MLA 128h kv_rank 512 + MoE 256 top-8 + 1 shared (gated 2048)'). */
export const layerLabel = (layer: Layer): string =>
  mixersOf(layer)
    .map((x) => kindOf(x).label(x as never))
    .join(' + ') || 'norms only';

/** The model as its groups of identical layers: '3 × MLA … + gated MLP 18432; 58 × MLA … + MoE 256 top-8 + 1 shared'. */
export function describeGroups(m: TransformerModel): string {
  const many = m.stacks.length > 1;
  return m.stacks
    .map((stack) => {
      const groups = layerGroups(m).filter((g) => g.stack === stack);
      const text = groups.map((g) => `${g.count} × ${layerLabel(g.layer)}`).join('; ');
      return many ? `${stack.role}: ${text}` : text;
    })
    .join(' | ');
}

/** Whether tensor parallelism of degree t splits every layer evenly (whole heads, KV heads or their replicas per rank). */
export const tpSplits = (m: TransformerModel, t: number): boolean =>
  layerGroups(m).every((g) => mixersOf(g.layer).every((x) => kindOf(x).splits(x as never, t)));
