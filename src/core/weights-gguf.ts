// A transformer stored as llama-quantize writes it under a mix (Q4_K_M, Q8_0, MXFP4_MOE …): each weight
// matrix named as llama.cpp names it (attn_q/k/v/output, ffn_gate/up/down, their _exps when routed,
// token_embd, output), its GGUF type from formats/gguf-recipes.ts, and everything llama-quantize leaves
// alone in F32: 1-D tensors, norms, biases, MoE routers (ffn_gate_inp), position and token-type tables,
// Mamba's conv1d and A/D (convert_hf_to_gguf.py keeps these F32; llama-quant.cpp tensor_allows_quantization).
import { format, tensorBits } from './formats/index.js';
import { type GgufModel, type GgufRecipe, type GgufTensor, ggufTensorType } from './formats/gguf-recipes.js';
import { kindOf } from './layers/index.js';
import type { ChannelMixer, TokenMixer, TransformerModel } from './layers/types.js';
import { mixersOf } from './stacks.js';
import { modelTensors } from './tensors.js';
import { Shares, type StoredWeights } from './weights.js';

type Mixer = TokenMixer | ChannelMixer;
const F32 = format('f32')!;
type Role = GgufTensor['role'];

/** One weight matrix of a mixer: its llama.cpp role, shape and copies per layer. */
interface Matrix {
  role: Role;
  part: string;
  /** Output features (rows of the GGUF matrix) and input features (ne[0], the blocks' axis). */
  out: number;
  in: number;
  copies: number;
  /** A routed expert's matrix (a 3-D ffn_*_exps tensor). */
  expert: boolean;
}

/** PEFT target names (each kind's lora()) → llama.cpp's names, by kind; names not listed are OTHER (base type). */
const ROLES: Partial<Record<Mixer['kind'], Record<string, Role>>> = {
  attn: { q: 'attn_q', k: 'attn_k', v: 'attn_v', o: 'attn_output' },
  // DeepSeek's MLA: attn_q_a/attn_q_b/attn_kv_a_mqa are OTHER; a full-rank q is attn_q.
  mla: { kv_b: 'attn_kv_b', o: 'attn_output' },
  mlp: { gate: 'ffn_gate', up: 'ffn_up', down: 'ffn_down' },
  moe: { gate: 'ffn_gate', up: 'ffn_up', down: 'ffn_down' },
};

const PART: Record<Mixer['kind'], string> = {
  attn: 'attention',
  cross: 'cross-attention',
  mla: 'attention',
  mamba1: 'mamba',
  mamba2: 'mamba',
  mlp: 'mlp',
  moe: 'experts',
};

/** The quantizable matrices of one mixer of one layer. */
function matricesOf(x: Mixer, d: number): Matrix[] {
  const kind = kindOf(x);
  const names = ROLES[x.kind];
  const lora = kind.lora(x as never, d);
  if (lora.length === 0) {
    // A kind that lists no adaptable matrices (cross-attention): its 2-D weights at the base type.
    return kind
      .tensors(x as never, d, { rms: true, bias: false, affine: true }, 1)
      .filter((t) => t.matmul && t.cols > 1 && t.part !== 'norms')
      .map((t) => ({ role: 'other', part: t.part, out: t.cols, in: t.rows, copies: t.times, expert: false }));
  }
  const routed = x.kind === 'moe' ? x.experts : 0;
  return lora.map(([name, dIn, dOut, copies]) => {
    const expert = routed > 1 && copies === routed;
    const role = x.kind === 'mla' && name === 'q' && x.qRank === 0 ? 'attn_q' : (names?.[name] ?? 'other');
    const part = x.kind === 'moe' ? (expert ? 'experts' : 'shared experts') : PART[x.kind];
    return { role, part, out: dOut, in: dIn, copies, expert };
  });
}

const attnVLike = (r: Role) => r === 'attn_v' || r === 'attn_qkv' || r === 'attn_kv_b';

/** What llama.cpp's rules read from the hyper-parameters (llama-quant.cpp, llama-model.cpp LLM_TYPE_70B). */
function ggufModel(m: TransformerModel, preset: string | null): GgufModel {
  let gqa = 1;
  let experts = 0;
  let layers = 0;
  for (const s of m.stacks)
    for (const l of s.layers) {
      layers++;
      if (l.mixer?.kind === 'attn' && gqa === 1) gqa = l.mixer.heads / l.mixer.kvHeads;
      if (l.ffn?.kind === 'moe' && experts === 0) experts = l.ffn.experts;
    }
  return {
    layers,
    gqa,
    experts,
    tiedEmbeddings: m.tied,
    falcon: preset?.startsWith('falcon') ?? false,
    // LLM_TYPE_70B: an 80-layer llama-architecture model with grouped KV heads.
    is70B: m.family === 'llama' && layers === 80 && gqa > 1,
  };
}

/** The stored bytes of a transformer under a llama.cpp mix, tensor by tensor as llama-quantize types them. */
export function ggufWeights(m: TransformerModel, recipe: GgufRecipe, preset: string | null): StoredWeights {
  const model = ggufModel(m, preset);
  const s = new Shares();
  const put = (type: string, part: string, out: number, inp: number, copies: number, expert: boolean) => {
    const f = format(type)!;
    s.add(f, part, out * inp * copies, tensorBits(f, out, inp) * copies, expert);
  };
  // Mixers repeat layer after layer: their matrices are listed once per mixer object.
  const cache = new Map<Mixer, Matrix[]>();
  const matrices = (x: Mixer) => {
    let list = cache.get(x);
    if (!list) {
      list = matricesOf(x, m.d);
      cache.set(x, list);
    }
    return list;
  };
  let nAttnV = 0;
  for (const st of m.stacks)
    for (const l of st.layers)
      for (const x of mixersOf(l)) for (const mx of matrices(x)) if (attnVLike(mx.role)) nAttnV += 1;
  let quantized = 0;
  let iAttnV = 0;
  for (const st of m.stacks) {
    const n = st.layers.length;
    st.layers.forEach((l, i) => {
      for (const x of mixersOf(l))
        for (const mx of matrices(x)) {
          // attn_v-like tensors count among themselves (i_attention_wv); the rest by block index (blk.N).
          const v = attnVLike(mx.role);
          const at = v ? { ...model, layers: nAttnV } : { ...model, layers: n };
          const t: GgufTensor = { role: mx.role, layer: v ? iAttnV++ : i, expert: mx.expert, cols: mx.in };
          put(ggufTensorType(recipe, t, at), mx.part, mx.out, mx.in, mx.copies, mx.expert);
          quantized += mx.out * mx.in * mx.copies;
        }
    });
  }
  // Outside the layers: the token embedding (token_embd), the untied output, a pooler or classifier.
  let total = 0;
  for (const t of modelTensors(m)) {
    total += t.rows * t.cols * t.times;
    if (t.cols === 1) continue;
    const role: Role | null =
      t.part === 'embeddings' && !t.matmul && t.rows === m.vocab
        ? 'token_embd'
        : t.part === 'lm head'
          ? 'output'
          : t.part === 'pooler' || t.part === 'head'
            ? 'other'
            : null;
    if (!role) continue;
    // token_embd is [vocab, d] with d along the blocks; output and heads (in, out) in napkin's list.
    const [out, inp] = role === 'token_embd' ? [t.rows, t.cols] : [t.cols, t.rows];
    put(ggufTensorType(recipe, { role, layer: 0, cols: inp }, model), t.part, out, inp, t.times, false);
    quantized += t.rows * t.cols * t.times;
  }
  // Everything else (norms, biases, routers, positions, conv1d, sinks) is F32.
  const rest = total - quantized;
  if (rest > 0) s.add(F32, 'norms, biases and routers', rest, rest * 32, false);
  return s.result();
}
