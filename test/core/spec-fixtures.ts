// Builders for resolved specs in core tests, independent of the grammar: a GPT-2-style or Llama-style
// model from a Blueprint with explicit fields, and a Spec around any model with every run setting at its default.
import { type Blueprint, build } from '../../src/core/blueprint.js';
import type { Model, Spec, TransformerModel } from '../../src/core/spec.js';

type Shape = Partial<Blueprint> & { d: number; layers: number; heads: number };

/** The Blueprint of a GPT-2-style model with these fields. */
export function gpt2Blueprint(o: Shape): Blueprint {
  return {
    family: 'transformer',
    kvHeads: o.heads,
    headDim: o.d / o.heads,
    ffn: 4 * o.d,
    vocab: 50257,
    maxSeq: 1024,
    activation: 'gelu',
    norm: 'layernorm',
    position: 'learned',
    biases: 'all',
    tied: true,
    experts: 1,
    topk: 1,
    normsPerLayer: 2,
    finalNorm: true,
    embedNorm: false,
    typeVocab: 0,
    pooler: false,
    lmHeadBias: false,
    dropout: true,
    ...o,
  };
}

export const gpt2Style = (o: Shape): TransformerModel => build(gpt2Blueprint(o));

/** The Blueprint of a Llama-style model with these fields. */
export function llamaBlueprint(o: Shape & { ffn: number }): Blueprint {
  return gpt2Blueprint({
    family: 'llama',
    vocab: 32000,
    maxSeq: 4096,
    activation: 'swiglu',
    norm: 'rmsnorm',
    position: 'rope',
    biases: 'none',
    tied: false,
    dropout: false,
    ...o,
  });
}

export const llamaStyle = (o: Shape & { ffn: number }): TransformerModel => build(llamaBlueprint(o));

/** The first layer of a model's first stack. */
export const firstLayer = (m: Model) => {
  if (m.kind !== 'transformer') throw new Error('expected a transformer');
  return m.stacks[0].layers[0];
};

export function specOf(model: Model, o: Partial<Spec> = {}): Spec {
  return {
    name: 'test',
    preset: null,
    model,
    dtype: 'bf16',
    weights: null,
    kvDtype: 'bf16',
    mode: 'infer',
    optimizer: null,
    lora: null,
    recompute: 'none',
    flash: true,
    causal: false,
    fp32Grads: false,
    gpu: null,
    gpus: 1,
    tp: 1,
    pp: 1,
    ep: 1,
    zero: 0,
    sp: false,
    offload: null,
    seq: 2048,
    batch: 1,
    tokens: null,
    mfu: 0.4,
    flopsBudget: null,
    solve: null,
    chart: true,
    assumptions: [],
    ...o,
  };
}

/** A 3×3 convolution 64 → 128 channels on a 56×56 input, padding 1 (ResNet's stage-2 shape). */
export const CONV3X3 = {
  kind: 'conv',
  kh: 3,
  kw: 3,
  cin: 64,
  cout: 128,
  hw: 56,
  stride: 1,
  pad: 1,
  groups: 1,
  bias: true,
} as const;
