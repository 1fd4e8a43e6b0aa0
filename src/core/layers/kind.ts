// What every layer kind states about itself, in one place per kind (layers/<kind>.ts): its tensors, the
// forward FLOPs it does beyond its matmuls, the activations it keeps for backward, its inference working
// set, its cache, and how tensor parallelism splits it. index.ts holds the table of kinds.

/** How tensor and expert parallelism split a tensor (Megatron ColumnParallel / RowParallel / replicated; HF tp_plan). */
export type Shard = 'col' | 'row' | 'rep' | 'expert' | 'vocab';

/**
 * A group of identical weight tensors. `part` names what the tensor is for (the breakdown's rows and the
 * role a weight format can target): 'embeddings', 'positions', 'attention', 'cross-attention', 'mamba',
 * 'mlp', 'experts', 'shared experts', 'router', 'norms', 'lm head', 'pooler', 'head'.
 */
export interface Tensor {
  part: string;
  rows: number;
  /** 1 for vectors (biases, norm weights). */
  cols: number;
  /** How many copies (layers × experts). */
  times: number;
  /** Copies one token uses: `times` for all but routed experts (layers × top-k). */
  active: number;
  /** Per-token cost: false for lookups (embeddings, positions) and parameters no matmul reads. */
  matmul: boolean;
  shard: Shard;
}

export const tensor = (
  part: string,
  rows: number,
  cols: number,
  times: number,
  shard: Shard,
  matmul = true,
  active = times,
): Tensor => ({ part, rows, cols, times, active, matmul, shard });

/** The model-wide norm style a kind's own norms follow. */
export interface NormStyle {
  rms: boolean;
  bias: boolean;
  /** false: no weights at all (OLMo's non-parametric LayerNorm). */
  affine: boolean;
}

/** Elements of one norm's weights (LayerNorm: weight + bias; RMSNorm: weight). torch.nn.LayerNorm / LlamaRMSNorm. */
export const normElements = (n: NormStyle, width: number): number =>
  !n.affine ? 0 : !n.rms && n.bias ? 2 * width : width;

/** What a kind's FLOPs depend on besides itself. */
export interface Run {
  /** Tokens this stack attends over (the sequence). */
  seq: number;
  /** A decoder's causal mask: token i sees i keys (mean (s+1)/2). */
  causal: boolean;
  /** Tokens of the encoder output a cross-attention reads. */
  encoderSeq: number;
  /** Count every position, windows and chunks aside (PaLM's 12·L·H·Q·T, which knows no windows). */
  full?: boolean;
}

/** Activation bytes of one layer for one micro-batch, before tensor parallelism. */
export interface Terms {
  /** Not split by TP: norm and layer inputs, dropout masks, router. */
  replicated: number;
  /** Split by TP: the heads' Q/K/V and outputs, MLP intermediates. */
  split: number;
  /** The s² terms (softmax output, its dropout mask and output), gone with flash attention. */
  quadratic: number;
}

/** What the activation facets need: tokens, widths and byte sizes. */
export interface Act {
  s: number;
  b: number;
  d: number;
  /** Bytes per stored activation (2 for 16-bit, 4 for fp32). */
  A: number;
  /** Dropout-mask bytes per element: 1 with dropout, else 0. */
  M: number;
  dropout: boolean;
  /** The MLP reads the attention's normed input (a parallel block): not stored twice. */
  sharedInput: boolean;
  flash: boolean;
  /** Tensor-parallel degree (the inference working set divides by it). */
  tp: number;
}

/** What a mixer caches for decoding, per sequence. */
export type Cache =
  /** Elements per cached token per layer; a window caps the tokens; `tpDiv` ranks share it. */
  | { per: 'token'; elements: number; window: number | null; tpDiv: (tp: number) => number }
  /** Elements per encoder token (cross-attention K/V, computed once from the encoder output). */
  | { per: 'encoder'; elements: number; tpDiv: (tp: number) => number }
  /** A fixed state per sequence, whatever its length (Mamba's conv and SSM state). */
  | { per: 'sequence'; elements: number; tpDiv: (tp: number) => number };

/** A matrix LoRA can adapt: its PEFT target name (q, k, v, o, gate, up, down, …), d_in, d_out and copies per layer. */
export type Adaptable = [name: string, dIn: number, dOut: number, copies: number];

/** The facets of one kind of token or channel mixer. */
export interface Kind<M> {
  /** A short label for explain's groups of identical layers: 'attention 64h/8kv', 'MLA', 'MoE 256 top-8 + 1 shared'. */
  label(m: M): string;
  /** The weight tensors of one layer's mixer, × `times` layers. */
  tensors(m: M, d: number, norm: NormStyle, times: number): Tensor[];
  /** Forward FLOPs per token beyond the matmuls of its tensors (attention scores and sums, the scan). */
  flops(m: M, run: Run): number;
  /** Training activations kept for the backward pass. */
  saved(m: M, a: Act): Terms;
  /** Inference: the working set of this phase at prefill, bytes on one TP rank (freed after the layer). */
  working(m: M, a: Act): number;
  cache(m: M): Cache | null;
  /** Whether tensor parallelism of degree t splits it evenly (whole heads per rank). */
  splits(m: M, t: number): boolean;
  /** Matrices LoRA can adapt: [PEFT target name, d_in, d_out, copies per layer]. */
  lora(m: M, d: number): Adaptable[];
}

/**
 * Keys per token, averaged over a sequence of `seq`: (s+1)/2 under a causal mask, s without. A sliding
 * window of w caps them (token i sees min(i, w)); a chunk of c (Llama 4) keeps each token inside its own
 * aligned chunk (token i sees (i mod c) + 1 causally, its whole chunk otherwise).
 */
// Sliding: mean over i = 1..s of min(i, w) = (w(w+1)/2 + (s − w)·w)/s (Beltagy et al. 2020 §3.1, Longformer).
export function context(seq: number, causal: boolean, window: number | null, chunked = false): number {
  if (window === null || window >= seq) return causal ? (seq + 1) / 2 : seq;
  if (chunked) {
    const full = Math.floor(seq / window);
    const r = seq - full * window;
    return causal
      ? ((full * (window * (window + 1))) / 2 + (r * (r + 1)) / 2) / seq
      : (full * window * window + r * r) / seq;
  }
  return causal ? (window * (window + 1)) / 2 / seq + ((seq - window) * window) / seq : window;
}
