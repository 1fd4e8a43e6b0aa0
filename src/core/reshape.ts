// A model with some of its sizes changed (`deepseek-v3 L=40`, `llama-2-7b heads=64 gelu`): each field goes
// to every layer part it describes, identical layers stay one object, and a stack of L layers becomes
// one of n by cutting it or continuing its pattern.
import type { Biases, Blueprint } from './blueprint.js';
import type {
  Attention,
  ChannelMixer,
  CrossAttention,
  Layer,
  Stack,
  TokenMixer,
  TransformerModel,
} from './layers/types.js';

/** The fields an override may change: a Blueprint's sizes and switches. */
export type Reshape = Partial<
  Pick<
    Blueprint,
    | 'd'
    | 'layers'
    | 'heads'
    | 'kvHeads'
    | 'headDim'
    | 'ffn'
    | 'vocab'
    | 'maxSeq'
    | 'experts'
    | 'topk'
    | 'activation'
    | 'norm'
    | 'position'
    | 'biases'
    | 'tied'
  >
>;

const qkvBias = (b: Biases) => b !== 'none';
const outBias = (b: Biases) => b === 'all' || b === 'attn';

function attention<A extends Attention | CrossAttention>(a: A, o: Reshape): A {
  const out = { ...a };
  if (o.heads !== undefined) out.heads = o.heads;
  if (o.kvHeads !== undefined) out.kvHeads = o.kvHeads;
  if (o.headDim !== undefined) out.headDim = o.headDim;
  if (o.biases !== undefined) {
    out.qkvBias = qkvBias(o.biases);
    out.outBias = outBias(o.biases);
  }
  return out;
}

function tokenMixer(x: TokenMixer, o: Reshape): TokenMixer {
  if (x.kind === 'attn' || x.kind === 'cross') return attention(x, o);
  if (x.kind === 'mla' && o.heads !== undefined) return { ...x, heads: o.heads };
  return x;
}

/** `ffn` sets the dense MLPs' width, or the experts' when the model has no dense MLP (Mixtral, Qwen3-MoE). */
function channelMixer(x: ChannelMixer, o: Reshape, expertsTakeFfn: boolean): ChannelMixer {
  const activation = o.activation ?? x.activation;
  const bias = o.biases !== undefined ? o.biases === 'all' : x.bias;
  if (x.kind === 'mlp') {
    const ffn = o.ffn ?? x.ffn;
    if ((o.experts ?? 1) <= 1) return { kind: 'mlp', ffn, activation, bias };
    return {
      kind: 'moe',
      experts: o.experts!,
      topk: o.topk ?? 1,
      ffn,
      activation,
      bias,
      routerBias: false,
      shared: 0,
      sharedFfn: 0,
      sharedGate: false,
    };
  }
  const ffn = expertsTakeFfn ? (o.ffn ?? x.ffn) : x.ffn;
  if (o.experts === 1) return { kind: 'mlp', ffn, activation, bias };
  return { ...x, experts: o.experts ?? x.experts, topk: o.topk ?? x.topk, ffn, activation, bias };
}

const same = (a: Layer, b: Layer) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * n layers from a stack's: the first n, or the pattern continued. The pattern is the shortest period p
 * after an offset o (smallest o + p) that the layers repeat: 3 dense then MoE (DeepSeek: o 3, p 1), five
 * local to one global (Gemma 3: o 0, p 6).
 */
export function resize(layers: Layer[], n: number): Layer[] {
  if (n <= layers.length) return layers.slice(0, n);
  const len = layers.length;
  let best = { o: len - 1, p: 1 };
  for (let p = 1; p <= len && p < best.o + best.p; p++) {
    let o = len - p;
    while (o > 0 && same(layers[o - 1 + p], layers[o - 1])) o--;
    if (o + p < best.o + best.p) best = { o, p };
  }
  const out = layers.slice();
  for (let i = len; i < n; i++) out.push(out[i - best.p]);
  return out;
}

export function reshape(m: TransformerModel, o: Reshape): TransformerModel {
  const expertsTakeFfn = !m.stacks.some((s) => s.layers.some((l) => l.ffn?.kind === 'mlp'));
  const mapped = new Map<Layer, Layer>();
  const layerOf = (l: Layer): Layer => {
    let out = mapped.get(l);
    if (!out) {
      out = {
        ...l,
        mixer: l.mixer && tokenMixer(l.mixer, o),
        cross: l.cross && (tokenMixer(l.cross, o) as CrossAttention),
        ffn: l.ffn && channelMixer(l.ffn, o, expertsTakeFfn),
      };
      mapped.set(l, out);
    }
    return out;
  };
  const position = o.position ?? m.position;
  const maxSeq = o.maxSeq ?? m.maxSeq;
  const stacks: Stack[] = m.stacks.map((s) => {
    const layers = s.layers.map(layerOf);
    // A learned table keeps its offset rows (OPT, BART: 2) when the context changes.
    const rows = s.positions > 0 ? s.positions - m.maxSeq + maxSeq : maxSeq;
    return {
      ...s,
      layers: o.layers !== undefined ? resize(layers, o.layers) : layers,
      positions: position === 'learned' && !m.vision ? rows : 0,
    };
  });
  const out: TransformerModel = { ...m, stacks, position, maxSeq };
  if (o.d !== undefined) out.d = o.d;
  if (o.vocab !== undefined) out.vocab = o.vocab;
  if (o.norm !== undefined) out.norm = o.norm;
  if (o.tied !== undefined) out.tied = o.tied;
  // A LayerNorm's bias follows the linear layers' unless the model fixes it (nanoGPT bias=False drops both).
  if (o.biases !== undefined && m.normBias === linearBiases(m)) out.normBias = o.biases !== 'none';
  return out;
}

/** Whether any linear layer of the model has a bias. */
function linearBiases(m: TransformerModel): boolean {
  return m.stacks.some((s) =>
    s.layers.some((l) => (l.mixer?.kind === 'attn' && (l.mixer.qkvBias || l.mixer.outBias)) || l.ffn?.bias === true),
  );
}
