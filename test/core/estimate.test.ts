// estimate(spec): the assembly — published figures end to end, the stated conventions, and solving.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import type { Estimate } from '../../src/core/estimate-types.js';
import { findGpu } from '../../src/core/gpus.js';
import type { Spec } from '../../src/core/spec.js';
import { gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

const zeroSpec = (zero: 0 | 1 | 2 | 3): Spec =>
  specOf({ kind: 'bare', params: 7.5e9 }, { mode: 'train', optimizer: 'adam', dtype: 'fp16', gpus: 64, zero });
const states = (e: Estimate) => e.memory.weights + e.memory.gradients + e.memory.optimizer;
const llama7 = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });

describe('estimate: published figures end to end', () => {
  it('ZeRO Figure 1 (7.5B, 64 GPUs): 120 → 31.4 → 16.6 → 1.875 GB of model states per device', () => {
    expect(states(estimate(zeroSpec(0)))).toBe(120e9);
    expect(states(estimate(zeroSpec(1)))).toBeCloseTo(31.4e9, -8);
    expect(states(estimate(zeroSpec(2)))).toBeCloseTo(16.6e9, -8);
    expect(states(estimate(zeroSpec(3)))).toBe(1.875e9);
  });
  it('Chinchilla: params=70B → 1.4e12 tokens', () => {
    expect(estimate(specOf({ kind: 'bare', params: 70e9 })).budget.optimalTokens).toBe(1.4e12);
  });
  it('GPT-3 175B, 300B tokens: training FLOPs ≈ 3.14e23 (Brown et al. 2020 Table D.1)', () => {
    const gpt3 = gpt2Style({ d: 12288, layers: 96, heads: 96, maxSeq: 2048 });
    const e = estimate(specOf(gpt3, { mode: 'train', optimizer: 'adam', seq: 2048, tokens: 300e9 }));
    expect(e.flops.train! / 3.14e23).toBeGreaterThan(0.995);
    expect(e.flops.train! / 3.14e23).toBeLessThan(1.05);
    expect(e.budget.tokensPerParam).toBeCloseTo(300e9 / e.params.total, 9);
  });
  it('Llama-2-7B inference in fp16 at 4096 tokens: 2·6,738,415,616 B of weights and a 2 GiB KV cache', () => {
    const e = estimate(specOf(llama7, { seq: 4096, dtype: 'fp16', kvDtype: 'fp16' }));
    expect(e.memory.weights).toBe(13_476_831_232);
    expect(e.memory.kvCache).toBe(2 ** 31);
    expect(e.memory.gradients + e.memory.optimizer + e.memory.overhead).toBe(0);
    expect(e.memory.perDevice).toBe(13_476_831_232 + 2 ** 31 + e.memory.activations);
  });
});

describe('estimate: assumptions', () => {
  it('keeps the spec’s own defaults first, then the conventions used', () => {
    const e = estimate({ ...zeroSpec(1), assumptions: ['optimizer: adam (default)'] });
    expect(e.assumptions[0]).toBe('optimizer: adam (default)');
    const all = e.assumptions.join('\n');
    expect(all).toMatch(/fp32 master copy/);
    expect(all).toMatch(/ZeRO-1 shards optimizer states over the data-parallel degree dp = gpus\/\(tp·pp\) = 64/);
    expect(all).toMatch(/no GPU named/);
    expect(all).toMatch(/activations not modelled for a bare parameter count/);
  });
  it('states the quantization convention', () => {
    const all = estimate(specOf(llama7, { dtype: 'nf4' })).assumptions.join('\n');
    expect(all).toMatch(/0\.5625 B\/param/);
    expect(all).toMatch(/embeddings, norms, biases and the LM head stay bf16/);
  });
});

describe('estimate: every model kind gives finite, non-negative numbers', () => {
  const models = [
    llama7,
    gpt2Style({ d: 768, layers: 12, heads: 12, family: 'encoder', encoder: true, pooler: true, typeVocab: 2 }),
    { kind: 'network' as const, components: [{ kind: 'dense' as const, in: 784, out: 10, bias: true }], steps: 1 },
    { kind: 'bare' as const, params: 1e9 },
  ];
  it.each(models.flatMap((m) => (['train', 'infer'] as const).map((mode) => [m.kind, mode, m] as const)))(
    '%s %s',
    (_k, mode, m) => {
      const e = estimate(specOf(m, { mode, optimizer: mode === 'train' ? 'adafactor' : null, tokens: 1e9 }));
      for (const [k, v] of Object.entries(e.memory)) if (typeof v === 'number') expect(v, k).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(e.memory.perDevice)).toBe(true);
      expect(e.solved).toBeNull();
    },
  );
});

const a100 = findGpu('a100-80gb');
describe.skipIf(!a100)('estimate with a catalogue GPU', () => {
  it('batch=? returns the estimate at the solved batch, which fits', () => {
    const e = estimate(specOf(llama7, { gpu: 'a100-80gb', seq: 4096, solve: 'batch' }));
    expect(e.solved?.value).toBe(e.spec.batch);
    expect(e.memory.fits).toBe(true);
    const next = estimate({ ...e.spec, batch: e.spec.batch + 1, solve: null });
    expect(next.memory.fits).toBe(false);
  });
  it('without a fit, a suggestion in words', () => {
    const e = estimate(
      specOf({ kind: 'bare', params: 70e9 }, { gpu: 'a100-80gb', mode: 'train', optimizer: 'adamw', gpus: 8 }),
    );
    expect(e.memory.fits).toBe(false);
    expect(e.memory.suggestion).toMatch(/^fits with zero/);
  });
});
