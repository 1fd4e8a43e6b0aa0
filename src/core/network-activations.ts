// Activations of classic networks (dense, conv, BatchNorm, RNN, embedding stacks such as ResNet, VGG or
// `mlp 784-512-10`): what PyTorch keeps for the backward pass, walked layer by layer as torchvision's
// modules run them, checked against torch.autograd.graph.saved_tensors_hooks (test/fixtures/pytorch-saved.json).
//
// The component list names only the layers with parameters, so the walk reads the rest from the shapes:
// - every conv and dense layer is followed by an in-place ReLU (torchvision's inplace=True), which keeps its
//   output; that output is the next layer's input, one storage;
// - a conv or BatchNorm keeps its input; BatchNorm also keeps four per-channel fp32 vectors (save_mean,
//   save_invstd, running_mean, running_var);
// - a conv reading fewer pixels of the same channels follows a max-pool: the pooled tensor and its int64
//   indices are kept; a dense layer as wide as the channels follows a global average pool (its output kept);
// - a conv reading other channels than the previous layer made is a residual projection (ResNet's
//   downsample): it reads the block input, already kept, and its BatchNorm output goes into the in-place add
//   unkept;
// - the last layer's output is the logits: the loss's copy is not counted here;
// - RNN layers keep, per time step, their input and 7 hidden-sized tensors (LSTM, GRU: gates and states) or
//   one (tanh RNN, plus the initial state), as PyTorch's CPU kernels do; the other layers run per step.
import { activationBytes } from './dtypes.js';
import type { Component, NetworkModel, Spec } from './spec.js';

/** Output size of a conv or pool: floor((hw + 2·pad − k)/stride) + 1 (PyTorch Conv2d docs). */
const outSize = (hw: number, k: number, stride: number, pad: number) => Math.floor((hw + 2 * pad - k) / stride) + 1;

/** What one sample keeps, split by element type; `fixed` does not grow with the batch. */
export interface NetworkSaved {
  /** Activation elements kept, in the training dtype. */
  elements: number;
  /** int64 max-pool indices and embedding token ids, bytes. */
  int64Bytes: number;
  /** BatchNorm's per-channel fp32 vectors, bytes, independent of the batch. */
  fixedBytes: number;
  /** Largest input + output of one layer (elements): the inference working set. */
  peakElements: number;
  /** A conv's input size was never given (no hw= on it or before it): the walk could not size the maps. */
  unsized: boolean;
}

interface Tensor {
  c: number;
  /** Spatial side of a feature map; null for a flat vector of `c` features. */
  hw: number | null;
  kept: boolean;
}

const size = (t: Tensor) => (t.hw === null ? t.c : t.c * t.hw * t.hw);
const RNN_KEPT = { lstm: 7, gru: 7, rnn: 1 } as const;

/** Per sample (per time step for the non-recurrent layers of a recurrent network, × steps by the caller). */
export function networkSaved(m: NetworkModel): NetworkSaved {
  const r: NetworkSaved = { elements: 0, int64Bytes: 0, fixedBytes: 0, peakElements: 0, unsized: false };
  const steps = m.steps;
  const recurrent = m.components.some((c) => c.kind === 'rnn');
  // Non-recurrent layers of a recurrent network run once per time step.
  const per = recurrent ? steps : 1;
  let cur: Tensor | null = null;
  let main: Tensor | null = null; // the main path's output while a residual projection runs
  const keep = (t: Tensor, times = per) => {
    if (!t.kept) r.elements += size(t) * times;
    t.kept = true;
  };
  const peak = (a: number, b: number) => {
    r.peakElements = Math.max(r.peakElements, a + b);
  };
  const n = m.components.length;
  m.components.forEach((c: Component, i) => {
    const last = i === n - 1;
    switch (c.kind) {
      case 'conv': {
        const hw = c.hw ?? cur?.hw ?? null;
        if (hw === null) {
          r.unsized = true;
          return;
        }
        let input: Tensor;
        if (cur === null || cur.hw === null) input = { c: c.cin, hw, kept: false };
        else if (c.cin === cur.c && hw === cur.hw) input = cur;
        else if (c.cin === cur.c && hw < cur.hw) {
          // A max-pool ran between: it keeps its input (cur, kept) and int64 indices; its output is new.
          r.int64Bytes += 8 * c.cin * hw * hw * per;
          input = { c: c.cin, hw, kept: false };
        } else {
          // A residual projection reads the block input, kept when the block's first conv read it.
          main = cur;
          input = { c: c.cin, hw, kept: true };
        }
        keep(input);
        const out: Tensor = { c: c.cout, hw: outSize(hw, c.kh, c.stride, c.pad), kept: false };
        peak(size(input), size(out));
        if (!last) keep(out); // kept by the BatchNorm or the in-place ReLU after it
        cur = out;
        return;
      }
      case 'batchnorm': {
        r.fixedBytes += 4 * 4 * c.c;
        if (cur === null) cur = { c: c.c, hw: null, kept: false };
        keep(cur);
        const out: Tensor = { c: cur.c, hw: cur.hw, kept: false };
        peak(size(cur), size(out));
        if (main !== null) {
          // The projection's BatchNorm output is added in place to the main path, which the ReLU then keeps.
          cur = main;
          main = null;
          return;
        }
        if (!last) keep(out);
        cur = out;
        return;
      }
      case 'dense': {
        let input: Tensor;
        if (cur === null) input = { c: c.in, hw: null, kept: false };
        else if (cur.hw === null || c.in === size(cur))
          input = cur; // a flatten: the same storage
        else if (c.in === cur.c)
          input = { c: c.in, hw: null, kept: false }; // after a global average pool
        else {
          // A max-pool to h' with c·h'² = in, then flatten (VGG's last 'M').
          const side = Math.sqrt(c.in / cur.c);
          if (Number.isInteger(side) && side < cur.hw) r.int64Bytes += 8 * c.in * per;
          input = { c: c.in, hw: null, kept: false };
        }
        keep(input);
        peak(size(input), c.out);
        const out: Tensor = { c: c.out, hw: null, kept: false };
        if (!last) keep(out);
        cur = out;
        return;
      }
      case 'embedding': {
        r.int64Bytes += 8 * per; // the token id (nn.Embedding keeps its indices)
        peak(0, c.d);
        cur = { c: c.d, hw: null, kept: false };
        return;
      }
      case 'rnn': {
        const dirs = c.bidirectional ? 2 : 1;
        for (let l = 0; l < c.layers; l++) {
          const inSize = l === 0 ? c.in : c.hidden * dirs;
          // PyTorch (CPU kernels, torch 1.13): LSTM/GRU keep x_t and 7·h per step; tanh RNN x_t and h_t, plus h_0.
          r.elements += dirs * (steps * (inSize + RNN_KEPT[c.cell] * c.hidden) + (c.cell === 'rnn' ? c.hidden : 0));
          peak(inSize, (c.cell === 'lstm' ? 4 : c.cell === 'gru' ? 3 : 1) * c.hidden * dirs);
        }
        cur = { c: c.hidden * dirs, hw: null, kept: false };
        return;
      }
    }
  });
  return r;
}

/** Training: what a micro-batch keeps for the backward pass, bytes per device. */
export function networkTrainingActivations(spec: Spec, m: NetworkModel): number {
  const s = networkSaved(m);
  return spec.batch * (s.elements * activationBytes(spec.dtype) + s.int64Bytes) + s.fixedBytes;
}

/** Inference: the largest layer's input and output, for the batch, bytes. */
export function networkInferenceActivations(spec: Spec, m: NetworkModel): number {
  return spec.batch * networkSaved(m).peakElements * activationBytes(spec.dtype);
}

/** Words for Estimate.assumptions. */
export function networkActivationNotes(spec: Spec, m: NetworkModel): string[] {
  const s = networkSaved(m);
  if (s.unsized) return ['activations of convolutions without an input size (hw=) not counted'];
  if (spec.mode === 'infer') return ["inference activations: the largest layer's input and output for the batch"];
  const bits = activationBytes(spec.dtype) * 8;
  return [
    `training activations as PyTorch keeps them for backward, ${bits}-bit, per micro-batch of ${spec.batch}: conv, dense and BatchNorm inputs, in-place ReLU outputs, max-pool indices (int64)${m.components.some((c) => c.kind === 'rnn') ? ', RNN gates and states per time step' : ''}; the loss's copy of the logits and any dropout masks not counted`,
  ];
}

/** `explain activations` for a network: the walk's totals substituted into the formula. */
export function networkActivationLines(spec: Spec, m: NetworkModel, total: number): string[] {
  const s = networkSaved(m);
  const A = activationBytes(spec.dtype);
  if (spec.mode === 'infer') return [`largest layer: ${spec.batch} · ${s.peakElements} values · ${A} B = ${total} B`];
  return [
    'per sample: values kept (layer inputs, in-place ReLU outputs, BatchNorm inputs, RNN gates) · bytes + int64 max-pool indices; BatchNorm statistics once',
    `${spec.batch} · (${s.elements} · ${A} + ${s.int64Bytes}) + ${s.fixedBytes} = ${total} B`,
  ];
}
