// Activation memory against Korthikanti et al. 2022 (arXiv:2205.05198) Table 2 and hand-derived terms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferenceActivations, layerTerms, trainingActivations } from '../../src/core/activations.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { firstLayer, gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

/** One layer's terms of a uniform model (the first layer stands for all). */
const layerTermsOf = (m: TransformerModel, s: number, b: number, A: number, dropout: boolean) =>
  layerTerms(firstLayer(m), m.d, s, b, A, dropout);

const gpt3 = gpt2Style({ d: 12288, layers: 96, heads: 96, maxSeq: 2048 });
const train = { mode: 'train' as const, optimizer: 'adamw' as const, flash: false };

describe('Korthikanti per-layer terms', () => {
  it('GPT-3 175B, s=2048, b=1, 16-bit: sbh(34 + 5as/h) = 2,868,903,936 B per layer (published.json)', () => {
    const t = layerTermsOf(gpt3, 2048, 1, 2, true);
    expect(t.replicated + t.split).toBe(855_638_016); // 34sbh
    expect(t.quadratic).toBe(2_013_265_920); // 5as²b
    expect(t.replicated + t.split + t.quadratic).toBe(2_868_903_936);
  });

  it('GPT-2 shapes reduce exactly to 10sbh + 24sbh + 5as²b', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 128 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 16 }),
        (heads, headDim, s, b) => {
          const d = heads * headDim;
          const t = layerTermsOf(gpt2Style({ d, layers: 1, heads }), s, b, 2, true);
          expect(t.replicated).toBe(10 * s * b * d);
          expect(t.split).toBe(24 * s * b * d);
          expect(t.quadratic).toBe(5 * heads * s * s * b);
        },
      ),
    );
  });

  it('Llama-2-70B layer (GQA, SwiGLU, RMSNorm, no dropout), s=4096, b=1', () => {
    const m = llamaStyle({ d: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 });
    const sb = 4096;
    const t = layerTermsOf(m, 4096, 1, 2, false);
    expect(t.replicated).toBe(2 * 2 * sb * 8192 + 2 * sb * 8192 + 2 * sb * 8192); // 2 norm inputs, QKV in, MLP in
    // Q 8192 + K,V 1024 each; attention output 8192; gate, up, product 28672 each
    expect(t.split).toBe(2 * sb * (8192 + 2 * 1024) + 2 * sb * 8192 + 3 * 2 * sb * 28672);
    expect(t.quadratic).toBe(2 * 64 * 4096 * 4096); // softmax output only
  });

  it('parallel block (1 norm) stores the shared normed input once', () => {
    const seq = layerTermsOf(gpt2Style({ d: 64, layers: 1, heads: 4 }), 8, 1, 2, true);
    const par = layerTermsOf(gpt2Style({ d: 64, layers: 1, heads: 4, normsPerLayer: 1 }), 8, 1, 2, true);
    expect(seq.replicated - par.replicated).toBe(2 * (2 * 8 * 64)); // one norm input and the MLP input
  });

  it('Gemma 2 sandwich norms keep two more layer inputs; QK-norm keeps q and k before their norms', () => {
    const shape = { d: 2304, layers: 1, heads: 8, kvHeads: 4, headDim: 256, ffn: 9216 };
    const plain = layerTermsOf(llamaStyle(shape), 16, 2, 2, false);
    const sandwich = layerTermsOf(llamaStyle({ ...shape, postNorms: true }), 16, 2, 2, false);
    expect(sandwich.replicated - plain.replicated).toBe(2 * 2 * 16 * 2 * 2304);
    expect(sandwich.split).toBe(plain.split);
    const qk = layerTermsOf(llamaStyle({ ...shape, qkNorm: true }), 16, 2, 2, false);
    expect(qk.split - plain.split).toBe(2 * 16 * 2 * (8 * 256 + 4 * 256));
    expect(qk.replicated).toBe(plain.replicated);
  });

  it('MoE: dispatched copies and expert intermediates × top-k, plus router logits', () => {
    const shape = { d: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336 };
    const m = llamaStyle({ ...shape, experts: 8, topk: 2 });
    const dense = layerTermsOf(llamaStyle(shape), 10, 1, 2, false);
    const moe = layerTermsOf(m, 10, 1, 2, false);
    expect(moe.replicated - dense.replicated).toBe(2 * 2 * 10 * 4096 + 2 * 10 * 8);
    expect(moe.split - dense.split).toBe(3 * 2 * 10 * 14336);
  });
});

describe('training activations per device', () => {
  const sbh = 2048 * 12288;
  it('GPT-3, t=8 (no SP), pp=8: L·sbh(10 + 24/t + 5as/(ht)) on the first stage', () => {
    const s = specOf(gpt3, { ...train, seq: 2048, tp: 8, pp: 8, gpus: 64 });
    expect(trainingActivations(s)).toBe(96 * sbh * (10 + 3 + 10));
  });
  it('GPT-3, t=8 with SP, pp=8: everything / t', () => {
    const s = specOf(gpt3, { ...train, seq: 2048, tp: 8, pp: 8, gpus: 64, sp: true });
    expect(trainingActivations(s)).toBe(96 * sbh * (34 / 8 + 80 / 8));
  });
  it('selective recompute, SP: 34sbhL/t plus one layer’s s² terms while recomputed', () => {
    const s = specOf(gpt3, { ...train, seq: 2048, tp: 8, pp: 8, gpus: 64, sp: true, recompute: 'selective' });
    expect(trainingActivations(s)).toBe((96 * 34 * sbh) / 8 + (80 * sbh) / 8);
  });
  it('full recompute: 2sbh per layer plus one layer rebuilt', () => {
    const s = specOf(gpt3, { ...train, seq: 2048, tp: 1, pp: 8, gpus: 8, recompute: 'full' });
    expect(trainingActivations(s)).toBe(96 * 2 * sbh + 2_868_903_936);
  });
  it('GPT-2 small, flash, pp=1: 34sbhL + embedding mask + final norm and head inputs + fp32 logits', () => {
    const s = specOf(gpt2Style({ d: 768, layers: 12, heads: 12 }), { ...train, flash: true, seq: 1024 });
    const h = 1024 * 768;
    expect(trainingActivations(s)).toBe(12 * 34 * h + h + 4 * h + 4 * 1024 * 50257);
    expect(trainingActivations(s)).toBe(530_649_088);
  });
  it('fp32 training doubles the 16-bit terms, masks stay 1 B: 66sbh + 9as²b per layer', () => {
    const m = gpt2Style({ d: 768, layers: 12, heads: 12 });
    const t = layerTermsOf(m, 1024, 1, 4, true);
    expect(t.replicated + t.split).toBe(66 * 1024 * 768);
    expect(t.quadratic).toBe(9 * 12 * 1024 * 1024);
  });
  it('linear in the micro-batch', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    const one = trainingActivations(specOf(m, { ...train, seq: 4096, batch: 1 }));
    expect(trainingActivations(specOf(m, { ...train, seq: 4096, batch: 6 }))).toBe(6 * one);
  });
  it('classic networks and bare counts are not modelled: 0', () => {
    expect(trainingActivations(specOf({ kind: 'bare', params: 7e9 }, train))).toBe(0);
  });
});

describe('inference working set', () => {
  it('Llama-2-7B prefill, flash: the MLP phase 2·2sbh + 3·2·sb·ffn', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    expect(inferenceActivations(specOf(m, { seq: 4096 }))).toBe(4096 * (4 * 4096 + 6 * 11008));
  });
  it('without flash the s² scores count: attention phase', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    const sb = 4096;
    expect(inferenceActivations(specOf(m, { seq: 4096, flash: false }))).toBe(
      4 * sb * 4096 + 2 * sb * (2 * 4096 + 2 * 4096) + 2 * 32 * 4096 * sb,
    );
  });
});
