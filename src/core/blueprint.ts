// A uniform transformer written as one flat record (the sizes of its one kind of layer) — how families,
// most presets and shorthand describe a model — built into stacks of layers; and the same flat view read
// back from any model (`outline`), for names, messages and overrides.
import type {
  Activation,
  Attention,
  ChannelMixer,
  Layer,
  Mla,
  Norm,
  Position,
  TransformerModel,
} from './layers/types.js';

/** Which linear layers carry a bias: all (GPT-2, BERT), none (Llama), only Q/K/V (Qwen2), Q/K/V and O (Llama's attention_bias). */
export type Biases = 'all' | 'none' | 'qkv' | 'attn';

export interface Blueprint {
  /** A label ('transformer', 'llama', 'encoder', …): names and messages only. */
  family: string;
  d: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  vocab: number;
  /** Rows of the learned position table (only used when position = learned); else the context. */
  maxSeq: number;
  activation: Activation;
  norm: Norm;
  position: Position;
  biases: Biases;
  tied: boolean;
  /** 1 = dense MLP; >1 = mixture of experts with `topk` experts active per token. */
  experts: number;
  topk: number;
  /** Norms per block: 2 (sequential) or 1 (parallel block: Falcon, Phi-2). */
  normsPerLayer: 1 | 2;
  finalNorm: boolean;
  embedNorm: boolean;
  typeVocab: number;
  pooler: boolean;
  lmHeadBias: boolean;
  /** LayerNorm bias; when unset, present unless biases = 'none' (nanoGPT bias=False). */
  normBias?: boolean;
  /** Gemma 2/3 "sandwich": norms after attention and after the MLP too (Gemma Team 2024, §2). */
  postNorms?: boolean;
  /** Qwen3, Gemma 3: RMSNorm over head_dim on queries and keys. */
  qkNorm?: boolean;
  /** Sliding-window layers: layer i is global when (i + 1) % globalEvery = 0 (Gemma 2: 2, Gemma 3: 6), else local. */
  window?: { size: number; globalEvery: number };
  /** A bidirectional encoder without an LM head (BERT). */
  encoder?: boolean;
  /** Dropout during training (GPT/BERT); Llama-style models train without. */
  dropout: boolean;
  vision?: TransformerModel['vision'];
}

/** Whether layer i of a window pattern is a sliding-window layer: all but every `globalEvery`-th (HF Gemma 2/3 layer_types). */
export const isLocal = (i: number, globalEvery: number): boolean => globalEvery <= 0 || (i + 1) % globalEvery !== 0;

export function attentionOf(b: Blueprint, window: number | null): Attention {
  return {
    kind: 'attn',
    heads: b.heads,
    kvHeads: b.kvHeads,
    headDim: b.headDim,
    qkvBias: b.biases !== 'none',
    outBias: b.biases === 'all' || b.biases === 'attn',
    qkNorm: b.qkNorm ? 'head' : 'none',
    sinks: false,
    window,
    chunked: false,
    relBuckets: 0,
  };
}

export function channelOf(b: Blueprint): ChannelMixer {
  const bias = b.biases === 'all';
  if (b.experts <= 1) return { kind: 'mlp', ffn: b.ffn, activation: b.activation, bias };
  return {
    kind: 'moe',
    experts: b.experts,
    topk: b.topk,
    ffn: b.ffn,
    activation: b.activation,
    bias,
    routerBias: false,
    shared: 0,
    sharedFfn: 0,
    sharedGate: false,
  };
}

export function build(b: Blueprint): TransformerModel {
  const ffn = channelOf(b);
  const norms = b.normsPerLayer + (b.postNorms ? 2 : 0);
  const parallel = b.normsPerLayer === 1;
  const global: Layer = { mixer: attentionOf(b, null), cross: null, ffn, norms, parallel };
  const w = b.window;
  const local: Layer = w ? { ...global, mixer: attentionOf(b, w.size) } : global;
  const layers = Array.from({ length: b.layers }, (_, i) => (w && isLocal(i, w.globalEvery) ? local : global));
  const learned = b.position === 'learned' && !b.vision;
  return {
    kind: 'transformer',
    family: b.family,
    d: b.d,
    vocab: b.vocab,
    maxSeq: b.maxSeq,
    position: b.position,
    norm: b.norm,
    normBias: b.normBias ?? b.biases !== 'none',
    typeVocab: b.typeVocab,
    stacks: [
      {
        role: b.encoder ? 'encoder' : 'decoder',
        layers,
        positions: learned ? b.maxSeq : 0,
        embedNorm: b.embedNorm,
        finalNorm: b.finalNorm,
      },
    ],
    head: b.vision ? 'classifier' : b.encoder ? (b.pooler ? 'pooler' : 'none') : 'lm',
    tied: b.tied,
    headBias: b.lmHeadBias,
    dropout: b.dropout,
    ...(b.vision ? { vision: b.vision } : {}),
  };
}

/** The flat view of a model: the sizes of its main layers, as a Blueprint holds them, and its windowed layers. */
export type Outline = Omit<Blueprint, 'window'> & { slidingWindow?: { size: number; layers: number } };

/** The attention-like mixer and channel mixer that describe a model: the first of each in its last stack. */
function mainLayers(m: TransformerModel) {
  const stack = m.stacks[m.stacks.length - 1];
  let attn: Attention | Mla | undefined;
  for (const l of stack.layers) if (!attn && (l.mixer?.kind === 'attn' || l.mixer?.kind === 'mla')) attn = l.mixer;
  const dense = stack.layers.find((l) => l.ffn?.kind === 'mlp')?.ffn;
  const moe = stack.layers.find((l) => l.ffn?.kind === 'moe')?.ffn;
  return { stack, attn, dense, moe, first: stack.layers[0] };
}

function biasesOf(attn: Attention | undefined, mlpBias: boolean): Biases {
  if (!attn) return mlpBias ? 'all' : 'none';
  if (attn.qkvBias && attn.outBias) return mlpBias ? 'all' : 'attn';
  return attn.qkvBias ? 'qkv' : 'none';
}

export function outline(m: TransformerModel): Outline {
  const { stack, attn, dense, moe, first } = mainLayers(m);
  const a = attn?.kind === 'attn' ? attn : undefined;
  const channel = dense ?? moe;
  const heads = attn ? attn.heads : 0;
  const windowed = stack.layers.filter((l) => l.mixer?.kind === 'attn' && l.mixer.window !== null);
  const out: Outline = {
    family: m.family,
    d: m.d,
    layers: stack.layers.length,
    heads,
    kvHeads: a ? a.kvHeads : heads,
    headDim: a ? a.headDim : attn?.kind === 'mla' ? attn.nopeDim + attn.ropeDim : 0,
    ffn: channel ? channel.ffn : 0,
    vocab: m.vocab,
    maxSeq: m.maxSeq,
    activation: channel ? channel.activation : 'swiglu',
    norm: m.norm,
    position: m.position,
    biases: biasesOf(a, channel?.bias ?? false),
    tied: m.tied,
    experts: moe?.kind === 'moe' ? moe.experts : 1,
    topk: moe?.kind === 'moe' ? moe.topk : 1,
    normsPerLayer: first?.parallel ? 1 : 2,
    finalNorm: stack.finalNorm,
    embedNorm: m.stacks[0].embedNorm,
    typeVocab: m.typeVocab,
    pooler: m.head === 'pooler',
    lmHeadBias: m.headBias,
    normBias: m.normBias,
    postNorms: (first?.norms ?? 0) >= 4,
    qkNorm: a ? a.qkNorm !== 'none' : false,
    encoder: m.head !== 'lm',
    dropout: m.dropout,
  };
  if (m.vision) out.vision = m.vision;
  const w = windowed[0]?.mixer;
  if (w?.kind === 'attn' && w.window !== null) out.slidingWindow = { size: w.window, layers: windowed.length };
  return out;
}
