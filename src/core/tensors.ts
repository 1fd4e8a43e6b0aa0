// The weight tensors a standard PyTorch / Hugging Face implementation holds, grouped: Σ rows·cols·times
// is the parameter count (buffers such as rotary inv_freq, causal masks and BatchNorm running stats are
// not parameters). Parameter counts, Adafactor's factored states and LoRA shapes all read this one list.
// Transformers list theirs layer kind by layer kind (stacks.ts, layers/); classic networks here.
import { type Tensor, tensor } from './layers/kind.js';
import type { Component, Model } from './spec.js';
import { transformerTensors } from './stacks.js';

export type { Tensor };

const t = (part: string, rows: number, cols: number, times = 1, matmul = true): Tensor =>
  tensor(part, rows, cols, times, 'rep', matmul);

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
