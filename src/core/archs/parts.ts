// Constructors for the parts of a layered model, with the defaults most checkpoints share, and the
// assembly of layers into a model. Architecture builders (archs/*.ts) — used by presets and by the
// config.json readers alike — are these parts put together by each family's rule.
import type {
  Activation,
  Attention,
  ChannelMixer,
  CrossAttention,
  Layer,
  Mla,
  Mlp,
  Moe,
  Norm,
  Position,
  Stack,
  StackRole,
  TokenMixer,
  TransformerModel,
} from '../layers/types.js';

export function attention(o: Partial<Attention> & { heads: number; headDim: number }): Attention {
  return {
    kind: 'attn',
    kvHeads: o.heads,
    qkvBias: false,
    outBias: false,
    qkNorm: 'none',
    sinks: false,
    window: null,
    chunked: false,
    relBuckets: 0,
    ...o,
  };
}

export const cross = (o: Partial<CrossAttention> & { heads: number; headDim: number }): CrossAttention => ({
  kind: 'cross',
  kvHeads: o.heads,
  qkvBias: false,
  outBias: false,
  ...o,
});

export const mla = (o: Omit<Mla, 'kind'>): Mla => ({ kind: 'mla', ...o });

export const mlp = (ffn: number, activation: Activation = 'swiglu', bias = false): Mlp => ({
  kind: 'mlp',
  ffn,
  activation,
  bias,
});

export function moe(o: Partial<Moe> & { experts: number; topk: number; ffn: number }): Moe {
  return {
    kind: 'moe',
    activation: 'swiglu',
    bias: false,
    routerBias: false,
    shared: 0,
    sharedFfn: 0,
    sharedGate: false,
    ...o,
  };
}

/** A layer: a token mixer, a channel mixer, and its d-wide norms (2 = before each; a null mixer or MLP drops one). */
export const layer = (
  mixer: TokenMixer | null,
  ffn: ChannelMixer | null,
  norms = (mixer ? 1 : 0) + (ffn ? 1 : 0),
  extra: Partial<Layer> = {},
): Layer => ({ mixer, cross: null, ffn, norms, parallel: false, ...extra });

/** L layers from a rule, identical layers made one object (so groups and resizes see them as one). */
export function perLayer(L: number, at: (i: number) => Layer): Layer[] {
  const seen = new Map<string, Layer>();
  const out: Layer[] = [];
  for (let i = 0; i < L; i++) {
    const l = at(i);
    const key = JSON.stringify(l);
    let kept = seen.get(key);
    if (!kept) {
      kept = l;
      seen.set(key, l);
    }
    out.push(kept);
  }
  return out;
}

export interface ModelOptions {
  family: string;
  d: number;
  vocab: number;
  maxSeq: number;
  position: Position;
  norm?: Norm;
  normBias?: boolean;
  tied: boolean;
  headBias?: boolean;
  dropout?: boolean;
  typeVocab?: number;
}

export const stack = (role: StackRole, layers: Layer[], o: Partial<Omit<Stack, 'role' | 'layers'>> = {}): Stack => ({
  role,
  layers,
  positions: 0,
  embedNorm: false,
  finalNorm: true,
  ...o,
});

/** A model of the given stacks, an LM head on the last (tied or not). */
export function model(o: ModelOptions, stacks: Stack[]): TransformerModel {
  return {
    kind: 'transformer',
    family: o.family,
    d: o.d,
    vocab: o.vocab,
    maxSeq: o.maxSeq,
    position: o.position,
    norm: o.norm ?? 'rmsnorm',
    normBias: o.normBias ?? false,
    typeVocab: o.typeVocab ?? 0,
    stacks,
    head: 'lm',
    tied: o.tied,
    headBias: o.headBias ?? false,
    dropout: o.dropout ?? false,
  };
}

/** A decoder-only model: embeddings, one stack of layers with a final norm, an LM head. */
export const decoder = (o: ModelOptions, layers: Layer[]): TransformerModel => model(o, [stack('decoder', layers)]);
