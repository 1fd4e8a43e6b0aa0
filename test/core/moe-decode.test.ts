// MoE decode bound: a step reads the non-expert weights, the experts its tokens route to, and the KV cache.
import { describe, expect, it } from 'vitest';
import { BUDGET_EXPLAINER, budget, decodeBytes, expertsTouched } from '../../src/core/budget.js';
import { estimate } from '../../src/core/estimate.js';
import type { Flops, Memory } from '../../src/core/estimate-types.js';
import { findGpu } from '../../src/core/gpus.js';
import { findPreset } from '../../src/core/presets.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { specOf } from './spec-fixtures.js';

const mixtral = findPreset('mixtral-8x7b')!.model as TransformerModel;
const H100 = 'H100';
const at = (o: Parameters<typeof specOf>[1] = {}) => estimate(specOf(mixtral, { gpu: H100, seq: 32768, ...o }));

// Mixtral-8x7B: 46,702,792,704 params, of which experts 45,097,156,608 (32 layers × 8 × 3·4096·14336);
// KV at s = 32,768: 2 (K, V) · 32 layers · 8 kv heads · 128 · 32,768 · 2 B = 4,294,967,296 B. H100 SXM: 3.35e12 B/s.
const EXPERT_BYTES = 45_097_156_608 * 2; // 90,194,313,216
const KV = 4_294_967_296;

describe('expected fraction of experts touched, 1 − (1 − k/E)^b', () => {
  it('top-2 of 8: 1/4 at b = 1, 1 − (3/4)^4 = 175/256 at b = 4, → 1 with large b', () => {
    expect(expertsTouched(2, 8, 1)).toBe(0.25);
    expect(expertsTouched(2, 8, 4)).toBe(175 / 256);
    expect(expertsTouched(2, 8, 1000)).toBeCloseTo(1, 12);
  });
});

describe('Mixtral-8x7B decode on an H100 (bf16)', () => {
  it('batch 1 reads exactly the active params: 3.35e12 / (12,879,925,248·2 + 4,294,967,296) ≈ 111.46 tok/s', () => {
    const e = at();
    expect(e.memory.weights).toBe(93_405_585_408);
    expect(e.memory.kvCache).toBe(KV);
    // unread = 90,194,313,216 × 3/4 = 67,645,734,912; read = 93,405,585,408 − 67,645,734,912 = 25,759,850,496 = 2 × active
    const d = decodeBytes(e.spec, e.params, e.memory);
    expect(d.unread).toBe(EXPERT_BYTES * 0.75);
    expect(d.unread).toBe(67_645_734_912);
    expect(d.bytes).toBe(2 * 12_879_925_248 + KV); // 30,054,817,792
    expect(e.budget.decodeTokensPerSecond).toBeCloseTo(3.35e12 / 30_054_817_792, 9); // 111.4633…
    expect(e.budget.decodeTokensPerSecond).toBeCloseTo(111.46, 2);
    expect(e.assumptions).toContain(
      'MoE decode: a step reads the experts its tokens route to: 1 − (1 − 2/8)^1 = 25% of expert weights at batch 1 (uniform routing)',
    );
  });

  it('batch 4: f = 175/256, KV × 4 → 4 · 3.35e12 / 82,047,410,176 ≈ 163.32 tok/s', () => {
    const e = at({ batch: 4 });
    // unread = 90,194,313,216 × 81/256 = 28,538,044,416; KV = 4 × 4,294,967,296 = 17,179,869,184
    // bytes = 93,405,585,408 − 28,538,044,416 + 17,179,869,184 = 82,047,410,176
    expect(decodeBytes(e.spec, e.params, e.memory).bytes).toBe(82_047_410_176);
    expect(e.budget.decodeTokensPerSecond).toBeCloseTo((4 * 3.35e12) / 82_047_410_176, 9);
    expect(e.assumptions.join('\n')).toMatch(/1 − \(1 − 2\/8\)\^4 = 68\.36% of expert weights at batch 4/);
  });

  it('tp = 2 halves every read, experts included: twice the batch-1 rate', () => {
    const e = at({ tp: 2, gpus: 2 });
    // (25,759,850,496 + 4,294,967,296) / 2 = 15,027,408,896
    expect(decodeBytes(e.spec, e.params, e.memory).bytes).toBe(15_027_408_896);
    expect(e.budget.decodeTokensPerSecond).toBeCloseTo(3.35e12 / 15_027_408_896, 9);
  });

  it('int4 weights: the unread expert share is counted as stored (GPTQ int4 g128)', () => {
    const e = estimate(specOf(mixtral, { gpu: H100, seq: 32768, dtype: 'int4' }));
    // GPTQ int4 g128 (AutoGPTQ): 4 + (16 + 4)/128 = 4.15625 bits per weight, plus an int32 g_idx per input
    // channel: 45,097,156,608 × 4.15625/8 + 32 layers × 8 experts × (4096 + 4096 + 14336) × 4 B
    // = 23,429,382,144 + 23,068,672 = 23,452,450,816 B of experts; unread = × 3/4 = 17,589,338,112
    const d = decodeBytes(e.spec, e.params, e.memory);
    expect(d.unread).toBe(17_589_338_112);
    expect(d.bytes).toBe(e.memory.weights - 17_589_338_112 + e.memory.kvCache);
  });

  it('the explainer shows the unread expert bytes', () => {
    const e = at();
    const lines = BUDGET_EXPLAINER.substitute(e.spec, e).join('\n');
    expect(lines).toContain(
      'decode ≤ 1 · 3350000000000 / (93405585408 − 67645734912 (experts no token routes to) + 4294967296)',
    );
  });
});

describe('dense models are unchanged', () => {
  it('Llama-2-7B: bandwidth / (weights + KV), no MoE note', () => {
    const llama = findPreset('llama-2-7b')!.model as TransformerModel;
    const e = estimate(specOf(llama, { gpu: H100, seq: 4096 }));
    const gpu = findGpu(H100)!;
    expect(e.budget.decodeTokensPerSecond).toBe(gpu.bandwidth! / (e.memory.weights + e.memory.kvCache));
    expect(e.assumptions.join('\n')).not.toMatch(/MoE decode/);
    const flops = { train: null } as Flops;
    const mem = { weights: 14e9, kvCache: 2e9 } as Memory;
    const b = budget(specOf(llama, { batch: 8 }), e.params, flops, mem, gpu).budget;
    expect(b.decodeTokensPerSecond).toBe((8 * gpu.bandwidth!) / 16e9);
  });
});
