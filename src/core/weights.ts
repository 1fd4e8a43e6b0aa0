// Which format each stored weight tensor is in, and its exact bytes: the one place weight memory is
// counted. A format (formats/) says what a weight costs with its block scales; a scheme here says which
// tensors take it and what stays behind: gpt-oss checkpoints quantize only the routed experts; GPTQ,
// AWQ, bitsandbytes, FP8/NVFP4 checkpoints the decoder blocks' linear layers; llama.cpp's mixes pick a
// GGUF type per tensor (weights-gguf.ts).
import { EXL_HEAD_BITS, type Format, format, tensorBits } from './formats/index.js';
import { BASE, type GgufRecipe } from './formats/gguf-recipes.js';
import { dtypeNotes } from './dtypes.js';
import type { Explainer } from './explainer.js';
import type { Dtype, Spec } from './spec.js';
import { modelTensors, type Tensor } from './tensors.js';
import { ggufWeights } from './weights-gguf.js';

/** Which tensors a format covers: every one, the blocks' linear layers, or the routed experts' matrices. */
export type WeightScope = 'all' | 'linears' | 'experts';

/** How a spec's weights are stored: a format over a scope, or one of llama.cpp's mixes. */
export type WeightFormat =
  | { kind: 'format'; id: string; group?: number; bits?: number; bpw?: number; scope: WeightScope }
  | { kind: 'gguf'; recipe: GgufRecipe };

/** The format a dtype stores weights in when no other is written. */
// fp8/nvfp4: llm-compressor and TensorRT Model Optimizer checkpoints quantize the Linear layers and ignore
// lm_head (vLLM's Fp8LinearMethod likewise); int8/nf4: bitsandbytes; int4: GPTQ int4 g128 (AutoGPTQ).
const DTYPE_FORMAT: Record<Dtype, WeightFormat> = {
  fp32: { kind: 'format', id: 'fp32', scope: 'all' },
  tf32: { kind: 'format', id: 'fp32', scope: 'all' },
  fp16: { kind: 'format', id: 'fp16', scope: 'all' },
  bf16: { kind: 'format', id: 'bf16', scope: 'all' },
  fp8: { kind: 'format', id: 'fp8', scope: 'linears' },
  fp4: { kind: 'format', id: 'nvfp4', scope: 'linears' },
  int8: { kind: 'format', id: 'int8', scope: 'linears' },
  int4: { kind: 'format', id: 'int4', scope: 'linears' },
  nf4: { kind: 'format', id: 'nf4', scope: 'linears' },
};

/** The weight format in effect: the one written (or the preset's checkpoint), else the dtype's. */
export const weightFormatOf = (spec: Pick<Spec, 'dtype' | 'weights'>): WeightFormat =>
  spec.weights ?? DTYPE_FORMAT[spec.dtype];

/** The Format a scheme stores its quantized tensors in (a mix: its base type, formats/gguf-recipes.ts). */
export function formatOf(w: WeightFormat): Format {
  if (w.kind === 'gguf') return format(BASE[w.recipe])!;
  return format(w.id, { group: w.group, bits: w.bits, bpw: w.bpw })!;
}

/** The scheme's name as people write it: 'Q4_K_M', 'MXFP4 experts', 'GPTQ int4 g128', 'bf16'. */
export function weightFormatName(w: WeightFormat): string {
  if (w.kind === 'gguf') return w.recipe;
  const f = formatOf(w);
  return w.scope === 'experts' ? `${f.name} experts` : f.name;
}

/** One format's share of the stored weights. */
export interface WeightShare {
  /** The format as people write it: 'MXFP4', 'Q6_K', 'bf16', 'F32'. */
  format: string;
  /** Its block layout in words (formats/ makeFormat), for explain. */
  layout: string;
  /** The parts stored in it, in order of first appearance ('experts', 'attention', 'norms', …). */
  parts: string[];
  params: number;
  /** Exact bytes, block scales and per-row/column/tensor extras included. */
  bytes: number;
}

export interface StoredWeights {
  bytes: number;
  params: number;
  /** Bytes of the routed experts' tensors: what expert parallelism spreads and a decode step may skip. */
  expertBytes: number;
  shares: WeightShare[];
  /** Where the figure is an approximation, why (a mix on a model without tensor shapes); else null. */
  approximate: string | null;
}

/** A running sum of shares by format. */
export class Shares {
  readonly list: WeightShare[] = [];
  bits = 0;
  expertBits = 0;
  add(f: Format, part: string, params: number, bits: number, expert: boolean): void {
    let s = this.list.find((x) => x.format === f.name);
    if (!s) {
      s = { format: f.name, layout: f.layout, parts: [], params: 0, bytes: 0 };
      this.list.push(s);
    }
    if (!s.parts.includes(part)) s.parts.push(part);
    s.params += params;
    s.bytes += bits / 8;
    this.bits += bits;
    if (expert) this.expertBits += bits;
  }
  result(approximate: string | null = null): StoredWeights {
    const params = this.list.reduce((n, s) => n + s.params, 0);
    return { bytes: this.bits / 8, params, expertBytes: this.expertBits / 8, shares: this.list, approximate };
  }
}

const isLora = (part: string) => /lora/i.test(part);
/** Parts made of the decoder blocks' linear layers (GPTQ/AWQ `inside_layer_modules`, bitsandbytes' nn.Linear). */
const LINEAR_PARTS = new Set(['attention', 'cross-attention', 'mamba', 'mlp', 'experts', 'shared experts']);
/** Stored (out, in) in napkin's tensor list: convolutions and recurrent gates as PyTorch holds them, and lookups. */
const OUT_IN_PARTS = new Set(['conv', 'lstm', 'gru', 'rnn', 'embeddings', 'positions']);

/** [output features, input features] of a matrix: blocks of every format run along the input features. */
export function outIn(t: Tensor): [number, number] {
  return !t.matmul || OUT_IN_PARTS.has(t.part) ? [t.rows, t.cols] : [t.cols, t.rows];
}

/**
 * Whether a tensor takes the format under a scope. Vectors (norms, biases) never do. `linears`: the
 * matrices of the blocks (attention, MLP, experts, Mamba projections), not embeddings, LM head or MoE routers
 * (AutoGPTQ/AutoAWQ/llm-compressor leave routers; bitsandbytes would quantize these few), and not a
 * depthwise conv kernel narrower than 16 (Mamba's conv1d is nn.Conv1d, not a linear layer); in a network
 * of classic layers every weight matrix.
 */
function takesFormat(t: Tensor, scope: WeightScope, network: boolean): boolean {
  if (scope === 'all') return true;
  if (t.cols === 1 || !t.matmul) return false;
  if (scope === 'experts') return t.part === 'experts';
  if (network) return true;
  return LINEAR_PARTS.has(t.part) && Math.min(t.rows, t.cols) >= 16;
}

const HALF = format('bf16')!;

/**
 * The stored weights of a spec's base model (LoRA adapters are the caller's): each tensor in its format
 * with block scales, the rest in 16 bits. A bare parameter count has no shapes: all of it in the format.
 */
export function storedWeights(
  spec: Pick<Spec, 'dtype' | 'weights' | 'model' | 'preset'>,
  tensors: Tensor[],
): StoredWeights {
  const w = weightFormatOf(spec);
  const m = spec.model;
  if (w.kind === 'gguf') {
    if (m.kind === 'transformer') return ggufWeights(m, w.recipe, spec.preset);
    return flat(tensors, formatOf(w), 'linears', m.kind === 'network', null).result(
      `${w.recipe} on a model without transformer layers: every weight matrix at its base type ${formatOf(w).name} (llama.cpp's per-tensor rules need the layers)`,
    );
  }
  const f = formatOf(w);
  if (m.kind === 'bare') {
    const s = new Shares();
    s.add(f, 'parameters', m.params, m.params * f.bitsPerWeight, false);
    return s.result();
  }
  const head = w.id === 'exl2' || w.id === 'exl3' ? format(w.id, { bpw: EXL_HEAD_BITS[w.id] })! : null;
  return flat(tensors, f, w.scope, m.kind === 'network', head).result();
}

function flat(tensors: Tensor[], f: Format, scope: WeightScope, network: boolean, head: Format | null): Shares {
  const s = new Shares();
  for (const t of tensors) {
    if (isLora(t.part)) continue;
    const n = t.rows * t.cols * t.times;
    const [out, inp] = outIn(t);
    const expert = t.shard === 'expert';
    if (head && t.part === 'lm head' && t.cols > 1) s.add(head, t.part, n, tensorBits(head, out, inp) * t.times, false);
    else if (takesFormat(t, scope, network)) s.add(f, t.part, n, tensorBits(f, out, inp) * t.times, expert);
    else s.add(HALF, t.part, n, n * 16, expert);
  }
  return s;
}

const LINEARS_NOTE =
  'quantized: the weight matrices of the blocks (or of a network); embeddings, norms, biases and the LM head stay bf16 (MoE routers too), as GPTQ, AWQ, bitsandbytes and llm-compressor leave them';

/** The bytes a weight costs on average in a format, block scales included (per-row/column/tensor extras aside). */
export const bytesPerWeight = (f: Format): number => f.bitsPerWeight / 8;

/** The shares in words: 'Q4_K 6,979,321,856 params = 3,925,868,544 B; Q6_K …'. */
const sharesText = (w: StoredWeights) =>
  w.shares.map((s) => `${s.format} ${s.parts.join(', ')}: ${s.params} params = ${s.bytes} B`).join('; ');

/**
 * Words for Estimate.assumptions about how the weights are stored: the layout behind the figure (from the
 * formats module, the one source of both) and what the format leaves in 16 bits.
 */
export function weightNotes(spec: Spec, stored: StoredWeights): string[] {
  const full = spec.mode === 'train' && !spec.lora;
  const plain = spec.weights === null ? dtypeNotes(spec.dtype, full) : null;
  if (plain) return [...plain];
  const w = weightFormatOf(spec);
  const f = formatOf(w);
  const out: string[] = [];
  if (w.kind === 'gguf') {
    out.push(
      `${w.recipe}: llama.cpp's mix, each tensor typed as llama-quantize types it without an importance matrix (src/llama-quant.cpp; norms, biases and MoE routers F32): ${sharesText(stored)}`,
    );
  } else {
    const label = spec.weights === null ? `${spec.dtype} weights` : 'weights';
    out.push(`${label}: ${+bytesPerWeight(f).toFixed(6)} B/param, as ${f.layout}`);
    if (spec.model.kind === 'bare') out.push(`${f.name} on a bare parameter count (no shapes): every parameter in it`);
    else if (w.scope === 'experts')
      out.push(
        `${f.name} on the routed experts' matrices only${spec.preset && spec.weights !== null ? `, as ${spec.name.split(' (')[0]}'s checkpoint stores them` : ''}; attention, routers, embeddings, LM head, norms and biases stay bf16 (write a dtype such as \`bf16\` to count it otherwise)`,
      );
    else if (w.scope === 'linears') out.push(LINEARS_NOTE);
    if (w.kind === 'format' && (w.id === 'exl2' || w.id === 'exl3'))
      out.push(`${w.id.toUpperCase()}: the LM head at ${+EXL_HEAD_BITS[w.id].toFixed(4)} bpw (-hb default)`);
  }
  if (stored.approximate) out.push(stored.approximate);
  return out;
}

export const DTYPES_EXPLAINER: Explainer = {
  topic: 'dtypes',
  aliases: ['bytes', 'precision', 'quantization', 'dtype', 'formats', 'format', 'weights-format'],
  title: 'Bytes per weight, block scales included',
  formula:
    'weight bytes = Σ over tensors of its format’s bits (rows · ⌈cols / block⌉ blocks · bits per block + per-row, per-column and per-tensor extras) / 8; tensors a format leaves alone at 16 bits (F32 in GGUF)',
  source:
    'formats/: ggml-common.h block structs (GGUF), OCP MX v1.0 (MXFP4), NVIDIA NVFP4, AutoGPTQ/AutoAWQ QuantLinear buffers, bitsandbytes (LLM.int8(), NF4, QLoRA §3 double quant), ExLlamaV2/V3; mixes: llama.cpp src/llama-quant.cpp',
  substitute(spec, est) {
    const lines: string[] = [];
    const base = spec.mode === 'train' && !spec.lora && (spec.dtype === 'fp8' || spec.dtype === 'fp4');
    if (base) lines.push(`${spec.dtype} training keeps bf16 weights: 2 B/param`);
    else {
      const stored = storedWeights(spec, modelTensors(spec.model));
      for (const s of stored.shares) lines.push(s.layout);
      for (const s of stored.shares)
        lines.push(`${s.format} (${s.parts.join(', ')}): ${s.params} params → ${s.bytes} B`);
      lines.push(`stored weights: ${stored.bytes} B${stored.approximate ? ` (${stored.approximate})` : ''}`);
    }
    lines.push(`per device: ${est.memory.weights} B`);
    return lines;
  },
};

/** The dtype a stored format counts as (what training, activations and the KV cache default read). */
export function formatDtype(w: WeightFormat): Dtype {
  if (w.kind === 'gguf') return w.recipe === 'Q8_0' ? 'int8' : 'int4';
  const f = formatOf(w);
  if (f.family === 'float') return w.id === 'fp32' ? 'fp32' : (f.id as Dtype);
  if (f.family === 'microscaling') return 'fp4';
  if (f.id.startsWith('nf4')) return 'nf4';
  return f.bitsPerWeight >= 8 ? 'int8' : 'int4';
}
