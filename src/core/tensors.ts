// The weight tensors a standard PyTorch / Hugging Face implementation holds, grouped: Σ rows·cols·times
// is the parameter count (buffers such as rotary inv_freq, causal masks and BatchNorm running stats are
// not parameters). Parameter counts, Adafactor's factored states and LoRA shapes all read this one list.
import type { Component, Model, TransformerModel } from './spec.js';

export interface Tensor {
  /** Breakdown part: 'embeddings', 'attention', 'mlp', 'experts', 'router', 'norms', 'lm head', … */
  part: string;
  rows: number;
  /** 1 for vectors (biases, norm weights). */
  cols: number;
  /** How many copies (layers × experts). */
  times: number;
  /** Per-token cost: false for lookups (embeddings, positions), which do no matmul. */
  matmul: boolean;
}

const t = (part: string, rows: number, cols: number, times = 1, matmul = true): Tensor => ({
  part,
  rows,
  cols,
  times,
  matmul,
});

/** LayerNorm holds a weight and a bias (2·d); RMSNorm only a weight (d) — torch.nn.LayerNorm / LlamaRMSNorm. */
export function normSize(m: TransformerModel, d = m.d): number {
  const bias = m.normBias ?? m.biases !== 'none';
  return m.norm === 'layernorm' && bias ? 2 * d : d;
}

/** MLP matrices of one expert (or the dense MLP): 2 for GELU/ReLU, 3 for gated (SwiGLU/GeGLU, Shazeer 2020). */
export function mlpTensors(m: TransformerModel, part: string, times: number, out: Tensor[] = []): Tensor[] {
  const gated = m.activation === 'swiglu' || m.activation === 'geglu';
  out.push(t(part, m.d, m.ffn, gated ? times * 2 : times), t(part, m.ffn, m.d, times));
  if (m.biases === 'all') out.push(t(part, m.ffn, 1, times * (gated ? 2 : 1)), t(part, m.d, 1, times));
  return out;
}

function transformerTensors(m: TransformerModel): Tensor[] {
  const L = m.layers;
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  const out: Tensor[] = [];
  if (m.vision) {
    const v = m.vision;
    const patches = (v.image / v.patch) ** 2;
    // ViT (Dosovitskiy et al. 2021 §3.1): a patch-embedding conv, a class token, learned positions for patches + 1.
    out.push(t('embeddings', m.d, v.channels * v.patch * v.patch), t('embeddings', m.d, 1));
    out.push(t('embeddings', m.d, 1, 1, false), t('positions', patches + 1, m.d, 1, false));
  } else {
    out.push(t('embeddings', m.vocab, m.d, 1, false));
    if (m.position === 'learned') out.push(t('positions', m.maxSeq, m.d, 1, false));
    if (m.typeVocab > 0) out.push(t('embeddings', m.typeVocab, m.d, 1, false));
  }
  if (m.embedNorm) out.push(t('norms', normSize(m), 1));
  out.push(t('attention', m.d, q, L), t('attention', m.d, kv, L * 2), t('attention', q, m.d, L));
  if (m.biases !== 'none') out.push(t('attention', q + 2 * kv, 1, L));
  if (m.biases === 'all' || m.biases === 'attn') out.push(t('attention', m.d, 1, L));
  // Gemma 2/3 add post-attention and post-MLP norms (Gemma Team 2024, arXiv:2408.00118 §2.2).
  out.push(t('norms', normSize(m), 1, L * (m.normsPerLayer + (m.postNorms ? 2 : 0))));
  // QK-norm: one head_dim-wide RMSNorm weight each for queries and keys (Qwen3Attention.q_norm/k_norm).
  if (m.qkNorm) out.push(t('norms', m.headDim, 1, L * 2));
  if (m.experts > 1) {
    // Mixtral-style MoE (Jiang et al. 2024): a bias-free router d×E and E expert MLPs per layer.
    out.push(t('router', m.d, m.experts, L));
    mlpTensors(m, 'experts', L * m.experts, out);
  } else {
    mlpTensors(m, 'mlp', L, out);
  }
  if (m.finalNorm) out.push(t('norms', normSize(m), 1));
  if (m.vision) {
    out.push(t('head', m.d, m.vision.classes), t('head', m.vision.classes, 1));
  } else if (m.family === 'encoder') {
    // BertModel: no LM head; the pooler is a dense d×d with bias on the [CLS] token.
    if (m.pooler) out.push(t('pooler', m.d, m.d), t('pooler', m.d, 1));
  } else {
    // A tied head reuses the embedding matrix: counted once (as embeddings) but it does a matmul per token.
    if (!m.tied) out.push(t('lm head', m.d, m.vocab));
    if (m.lmHeadBias) out.push(t('lm head', m.vocab, 1));
  }
  return out;
}

const RNN_GATES = { lstm: 4, gru: 3, rnn: 1 } as const;

function componentTensors(c: Component): Tensor[] {
  switch (c.kind) {
    case 'dense':
      return c.bias ? [t('dense', c.in, c.out), t('dense', c.out, 1)] : [t('dense', c.in, c.out)];
    case 'conv': {
      const w = t('conv', c.cout, (c.cin / c.groups) * c.kh * c.kw);
      return c.bias ? [w, t('conv', c.cout, 1)] : [w];
    }
    case 'batchnorm':
      return [t('batchnorm', c.c, 1, 2)];
    case 'embedding':
      return [t('embedding', c.vocab, c.d, 1, false)];
    case 'rnn': {
      // torch.nn.LSTM: weight_ih (g·h × in), weight_hh (g·h × h), bias_ih + bias_hh (2 · g·h) per layer and
      // direction; layers after the first take h (or 2h bidirectional) inputs. Keras keeps one bias vector,
      // except GRU (reset_after=True, the Keras 2+ default) which keeps two.
      const g = RNN_GATES[c.cell];
      const dirs = c.bidirectional ? 2 : 1;
      const biases = c.biasConvention === 'pytorch' || c.cell === 'gru' ? 2 : 1;
      const out: Tensor[] = [];
      for (let l = 0; l < c.layers; l++) {
        const inSize = l === 0 ? c.in : c.hidden * dirs;
        out.push(t(c.cell, g * c.hidden, inSize + c.hidden, dirs), t(c.cell, g * c.hidden, 1, dirs * biases));
      }
      return out;
    }
  }
}

export function modelTensors(model: Model): Tensor[] {
  if (model.kind === 'transformer') return transformerTensors(model);
  if (model.kind === 'network') {
    const out: Tensor[] = [];
    for (const c of model.components) for (const x of componentTensors(c)) out.push(x);
    return out;
  }
  return [t('parameters', model.params, 1)];
}

export const tensorCount = (ts: Tensor[]) => ts.reduce((s, x) => s + x.rows * x.cols * x.times, 0);
