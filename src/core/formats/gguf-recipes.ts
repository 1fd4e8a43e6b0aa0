// llama.cpp's quantization mixes (llama-quantize Q4_K_M, Q5_K_M, Q3_K_L …): the GGUF type each weight
// tensor gets. Read from src/llama-quant.cpp (ggml-org/llama.cpp @ 007dbbf): llama_ftype_get_default_type
// (the base type), llama_tensor_get_type_impl (the per-tensor rules) and tensor_type_fallback (shapes).
// Modelled as `llama-quantize` runs without an importance matrix, --pure or tensor-type overrides. Not
// modelled: the IQ1/IQ2/IQ3 mixes, Q2_K_S, TQ*, and per-architecture exceptions other than Falcon and
// Llama-70B (BailingMoE3, DeepSeek's MLA names): a tensor those rules would move keeps its base type.
// Tensors llama-quantize leaves alone (1-D norms and biases, MoE routers ffn_gate_inp, position and
// token-type embeddings, conv1d) stay in the source's type (F32 for 1-D) and are the caller's to count.

/** The mixes modelled here, as llama-quantize names them. */
export const GGUF_RECIPES = [
  'Q2_K',
  'Q3_K_S',
  'Q3_K_M',
  'Q3_K_L',
  'Q4_0',
  'Q4_1',
  'Q5_0',
  'Q5_1',
  'Q8_0',
  'Q4_K_S',
  'Q4_K_M',
  'Q5_K_S',
  'Q5_K_M',
  'Q6_K',
  'IQ4_NL',
  'IQ4_XS',
  'MXFP4_MOE',
] as const;
export type GgufRecipe = (typeof GGUF_RECIPES)[number];

/** llama_ftype_get_default_type: the type every quantizable tensor starts from. */
export const BASE: Record<GgufRecipe, string> = {
  Q2_K: 'q2_k',
  Q3_K_S: 'q3_k',
  Q3_K_M: 'q3_k',
  Q3_K_L: 'q3_k',
  Q4_0: 'q4_0',
  Q4_1: 'q4_1',
  Q5_0: 'q5_0',
  Q5_1: 'q5_1',
  Q8_0: 'q8_0',
  Q4_K_S: 'q4_k',
  Q4_K_M: 'q4_k',
  Q5_K_S: 'q5_k',
  Q5_K_M: 'q5_k',
  Q6_K: 'q6_k',
  IQ4_NL: 'iq4_nl',
  IQ4_XS: 'iq4_xs',
  MXFP4_MOE: 'mxfp4',
};

/** A weight tensor as llama.cpp names it (tensor_get_category), in layer `layer` of `layers`. */
export interface GgufTensor {
  role:
    | 'token_embd'
    | 'output'
    | 'attn_q'
    | 'attn_k'
    | 'attn_v'
    | 'attn_qkv'
    | 'attn_kv_b'
    | 'attn_output'
    | 'ffn_up'
    | 'ffn_gate'
    | 'ffn_down'
    | 'other';
  layer: number;
  /** A 3-D expert tensor (ffn_*_exps): MXFP4_MOE quantizes only these. */
  expert?: boolean;
  /** ne[0], the input features: blocks of 32/256 must divide it or the type falls back. */
  cols: number;
}

/** What the rules read from the model's hyper-parameters. */
export interface GgufModel {
  layers: number;
  /** n_head / n_head_kv. */
  gqa: number;
  /** Routed experts (0 or 1 for dense). */
  experts: number;
  /** token_embd doubles as the output layer (no output.weight). */
  tiedEmbeddings: boolean;
  falcon?: boolean;
  /** llama.cpp's LLM_TYPE_70B (Llama-2/3-70B class): attn_v gets one step more. */
  is70B?: boolean;
}

/** use_more_bits: the first and last eighth of the layers and every third one between. */
export const useMoreBits = (i: number, n: number): boolean =>
  i < Math.floor(n / 8) || i >= Math.floor((7 * n) / 8) || (i - Math.floor(n / 8)) % 3 === 2;

const BLOCK: Record<string, number> = { q4_0: 32, q4_1: 32, q5_0: 32, q5_1: 32, q8_0: 32, iq4_nl: 32, mxfp4: 32 };
const block = (type: string) => BLOCK[type] ?? 256;
/** tensor_type_fallback: a type whose block does not divide the row falls back to a 32-wide one, else f16. */
const FALLBACK: Record<string, string> = {
  iq4_xs: 'iq4_nl',
  q2_k: 'q4_0',
  q3_k: 'q4_0',
  q4_k: 'q5_0',
  q5_k: 'q5_1',
  q6_k: 'q8_0',
};

function fallback(type: string, cols: number): string {
  if (cols % block(type) === 0) return type;
  const next = FALLBACK[type] ?? 'f16';
  return cols % block(next) === 0 ? next : 'f16';
}

const attnV = (r: GgufTensor['role']) => r === 'attn_v' || r === 'attn_qkv' || r === 'attn_kv_b';

/** The GGUF type (a format id of formats/gguf.ts) llama-quantize gives a weight tensor under a mix. */
export function ggufTensorType(recipe: GgufRecipe, t: GgufTensor, m: GgufModel): string {
  return fallback(chosen(recipe, t, m), t.cols);
}

/** llama_tensor_get_type_impl's choice, before the shape fallback. */
function chosen(recipe: GgufRecipe, t: GgufTensor, m: GgufModel): string {
  const base = BASE[recipe];
  if (t.role === 'output' || (m.tiedEmbeddings && t.role === 'token_embd')) {
    if (recipe === 'MXFP4_MOE' || m.falcon || t.cols % block(base) !== 0) return 'q8_0';
    return base === 'q8_0' ? base : 'q6_k';
  }
  if (recipe === 'MXFP4_MOE') return t.expert ? 'mxfp4' : 'q8_0';
  return rule(recipe, base, t, m);
}

function rule(recipe: GgufRecipe, base: string, t: GgufTensor, m: GgufModel): string {
  const { layer: i } = t;
  const n = m.layers;
  const moe8 = m.experts === 8;
  if (attnV(t.role)) {
    let type = base;
    if (recipe === 'Q2_K') type = m.gqa >= 4 ? 'q4_k' : 'q3_k';
    else if (recipe === 'Q3_K_M') type = i < 2 ? 'q5_k' : 'q4_k';
    else if (recipe === 'Q3_K_L') type = 'q5_k';
    else if ((recipe === 'IQ4_NL' || recipe === 'IQ4_XS') && m.gqa >= 4) type = 'q5_k';
    else if ((recipe === 'Q4_K_M' || recipe === 'Q5_K_M') && useMoreBits(i, n)) type = 'q6_k';
    else if (recipe === 'Q4_K_S' && i < 4) type = 'q5_k';
    if (m.is70B && (type === 'q3_k' || type === 'q4_k')) type = 'q5_k';
    return moe8 ? 'q8_0' : type;
  }
  if (t.role === 'attn_k') return moe8 ? 'q8_0' : base;
  if (t.role === 'ffn_down') {
    if (recipe === 'Q2_K') return 'q3_k';
    if (recipe === 'Q3_K_M') return i < Math.floor(n / 16) ? 'q5_k' : !m.falcon || useMoreBits(i, n) ? 'q4_k' : 'q3_k';
    if (recipe === 'Q3_K_L') return m.falcon ? 'q4_k' : 'q5_k';
    if (recipe === 'Q4_K_M') {
      if (m.falcon) return i < Math.floor(n / 16) ? 'q6_k' : useMoreBits(i, n) ? 'q5_k' : 'q4_k';
      return useMoreBits(i, n) ? 'q6_k' : base;
    }
    if ((recipe === 'IQ4_NL' || recipe === 'IQ4_XS') && i < Math.floor(n / 8)) return 'q5_k';
    if (recipe === 'Q5_K_M' && useMoreBits(i, n)) return 'q6_k';
    if (recipe === 'Q4_K_S' && !m.falcon && i < Math.floor(n / 8)) return 'q5_k';
    return base;
  }
  if (t.role === 'attn_output') {
    if (m.falcon) return recipe === 'Q3_K_L' ? 'q4_k' : base;
    if (moe8) {
      const bumped: GgufRecipe[] = ['Q2_K', 'Q3_K_S', 'Q3_K_M', 'IQ4_NL', 'Q4_K_S', 'Q4_K_M', 'IQ4_XS'];
      return bumped.includes(recipe) ? 'q5_k' : base;
    }
    if (recipe === 'Q2_K') return 'q3_k';
    if (recipe === 'Q3_K_M') return 'q4_k';
    if (recipe === 'Q3_K_L') return 'q5_k';
    return base;
  }
  return base;
}
