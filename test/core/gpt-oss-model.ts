// gpt-oss as its config.json describes it (openai/gpt-oss-120b and -20b: hidden_size 2880, 64 heads of 64,
// 8 KV heads, attention_bias true, sinks, num_local_experts 128 / 32 top-4 of intermediate_size 2880 with
// biases, router bias, vocab 201,088 untied, layer_types alternating sliding_attention (128) and full),
// built from the layer kinds directly: the core tests need it before and apart from the presets.
import type { Attention, Layer, Moe, TransformerModel } from '../../src/core/spec.js';

export function gptOss(layers: number, experts: number): TransformerModel {
  const attn = (window: number | null): Attention => ({
    kind: 'attn',
    heads: 64,
    kvHeads: 8,
    headDim: 64,
    qkvBias: true,
    outBias: true,
    qkNorm: 'none',
    sinks: true,
    window,
    chunked: false,
    relBuckets: 0,
  });
  const moe: Moe = {
    kind: 'moe',
    experts,
    topk: 4,
    ffn: 2880,
    activation: 'swiglu',
    bias: true,
    routerBias: true,
    shared: 0,
    sharedFfn: 0,
    sharedGate: false,
  };
  const sliding: Layer = { mixer: attn(128), cross: null, ffn: moe, norms: 2, parallel: false };
  const full: Layer = { mixer: attn(null), cross: null, ffn: moe, norms: 2, parallel: false };
  return {
    kind: 'transformer',
    family: 'gpt-oss',
    d: 2880,
    vocab: 201088,
    maxSeq: 131072,
    position: 'rope',
    norm: 'rmsnorm',
    normBias: false,
    typeVocab: 0,
    stacks: [
      {
        role: 'decoder',
        layers: Array.from({ length: layers }, (_, i) => (i % 2 === 0 ? sliding : full)),
        positions: 0,
        embedNorm: false,
        finalNorm: true,
      },
    ],
    head: 'lm',
    tied: false,
    headBias: false,
    dropout: false,
  };
}
