// Parameter counts against what Hugging Face / PyTorch hold (sources in test/fixtures or beside each row).
import { describe, expect, it } from 'vitest';
import { countParams } from '../../src/core/params.js';
import type { Component } from '../../src/core/spec.js';
import { CONV3X3, gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

const count = (m: Parameters<typeof specOf>[0]) => countParams(specOf(m));

describe('transformer parameter counts', () => {
  it.each([
    // openai-community/gpt2*, sum of parameter sizes (GPT-2 paper's 117M/345M were wrong counts)
    ['GPT-2 small', gpt2Style({ d: 768, layers: 12, heads: 12 }), 124_439_808],
    ['GPT-2 medium', gpt2Style({ d: 1024, layers: 24, heads: 16 }), 354_823_168],
    ['GPT-2 xl', gpt2Style({ d: 1600, layers: 48, heads: 25 }), 1_557_611_200],
    // meta-llama/Llama-2-7b-hf and -70b-hf (70B: GQA with 8 KV heads)
    ['Llama-2-7B', llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 }), 6_738_415_616],
    ['Llama-2-70B', llamaStyle({ d: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 }), 68_976_648_192],
    // mistralai/Mistral-7B-v0.1 (Jiang et al. 2023 Table 1)
    ['Mistral-7B', llamaStyle({ d: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336 }), 7_241_732_096],
  ])('%s', (_name, model, expected) => {
    expect(count(model).total).toBe(expected);
  });

  it('Mixtral-8x7B: 46,702,792,704 total, top-2 active 12,879,925,248 (Jiang et al. 2024)', () => {
    const p = count(llamaStyle({ d: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336, experts: 8, topk: 2 }));
    expect(p.total).toBe(46_702_792_704);
    expect(p.active).toBe(12_879_925_248);
    expect(p.breakdown.find((x) => x.name === 'router')?.count).toBe(32 * 4096 * 8);
  });

  it('GPT-3 175B with tied 50,257-token embeddings and 2,048 positions: 174,604,259,328 (Table D.1: 174,600M)', () => {
    expect(count(gpt2Style({ d: 12288, layers: 96, heads: 96, maxSeq: 2048 })).total).toBe(174_604_259_328);
  });

  const bertShape = {
    family: 'encoder',
    d: 768,
    layers: 12,
    heads: 12,
    vocab: 30522,
    maxSeq: 512,
    typeVocab: 2,
    embedNorm: true,
    finalNorm: false,
    pooler: true,
    encoder: true,
  };
  const bert = gpt2Style(bertShape);
  it('bert-base-uncased BertModel: 109,482,240 with pooler, 108,891,648 without', () => {
    expect(count(bert).total).toBe(109_482_240);
    expect(count(gpt2Style({ ...bertShape, pooler: false })).total).toBe(108_891_648);
  });

  it('tied never exceeds untied, by exactly V·d', () => {
    const tied = count(gpt2Style({ d: 768, layers: 12, heads: 12 })).total;
    const untied = count(gpt2Style({ d: 768, layers: 12, heads: 12, tied: false })).total;
    expect(untied - tied).toBe(50257 * 768);
  });

  it('LoRA r=16 on q and v of Llama-2-7B: 32 · 16 · ((4096+4096) + (4096+4096)) = 8,388,608 trainable', () => {
    const spec = specOf(llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 }), {
      lora: { r: 16, quantized: false, targets: ['q', 'v'] },
    });
    const p = countParams(spec);
    expect(p.trainable).toBe(8_388_608);
    expect(p.total).toBe(6_738_415_616 + 8_388_608);
  });
});

describe('classic layer counts', () => {
  const net = (...components: Component[]) => count({ kind: 'network', components, steps: 1 });
  const lstm = (o: Partial<Extract<Component, { kind: 'rnn' }>>): Component => ({
    kind: 'rnn',
    cell: 'lstm',
    in: 64,
    hidden: 128,
    layers: 1,
    bidirectional: false,
    biasConvention: 'pytorch',
    ...o,
  });
  it('torch.nn.LSTM(64, 128) = 4·(128·(64+128) + 2·128) = 99,328', () => expect(net(lstm({})).total).toBe(99_328));
  it('torch.nn.LSTM(64, 128, num_layers=2, bidirectional=True) = 593,920', () =>
    expect(net(lstm({ layers: 2, bidirectional: true })).total).toBe(593_920));
  it('Keras LSTM(128) on 64 inputs, one bias = 98,816', () =>
    expect(net(lstm({ biasConvention: 'keras' })).total).toBe(98_816));
  // 3·(h·(in+h) + 2h) = 247,296, as the Keras RNN guide's summary prints (the groundtruth note's 246,528 is
  // the reset_after=False count, 3·(h·(in+h) + h)).
  it('Keras GRU(256) on 64 inputs, reset_after (two biases) = 247,296', () =>
    expect(net(lstm({ cell: 'gru', hidden: 256, biasConvention: 'keras' })).total).toBe(247_296));
  it('dense 128→10 with bias = 1,290; Embedding(1000, 64) = 64,000 (Keras guide)', () => {
    expect(net({ kind: 'dense', in: 128, out: 10, bias: true }).total).toBe(1_290);
    expect(net({ kind: 'embedding', vocab: 1000, d: 64 }).total).toBe(64_000);
  });
  it('conv 3×3, 64→128, bias: 3·3·64·128 + 128 = 73,856; depthwise groups divide cin', () => {
    const conv = CONV3X3;
    expect(net(conv).total).toBe(73_856);
    expect(net({ ...conv, cout: 64, groups: 64, bias: false }).total).toBe(3 * 3 * 64);
  });
});
