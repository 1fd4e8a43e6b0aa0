// Chinchilla budgets, training time and the decode bound, checked by hand.
import { describe, expect, it } from 'vitest';
import { budget, chinchilla, peakFlops } from '../../src/core/budget.js';
import type { Flops, Memory, Params } from '../../src/core/estimate-types.js';
import type { Gpu } from '../../src/core/gpus.js';
import { specOf } from './spec-fixtures.js';

const gpu = (flops: Gpu['flops']): Gpu => ({
  id: 'g',
  name: 'G',
  aliases: [],
  memory: 80e9,
  bandwidth: 2e12,
  flops,
  source: 'test',
});
const a100ish = gpu({ fp32: 19.5e12, tf32: 156e12, bf16: 312e12, fp16: 312e12 });
const v100ish = gpu({ fp32: 15.7e12, fp16: 125e12 });
const params = (n: number): Params => ({ total: n, active: n, trainable: n, breakdown: [] });
const flops = (train: number | null): Flops => ({
  forwardPerToken: null,
  trainPerToken: null,
  hardwarePerToken: null,
  forwardPerSample: null,
  train,
  approx6N: null,
  approxPaLM: null,
});
const mem = (weights: number, kvCache: number) => ({ weights, kvCache }) as Memory;
const bare = { kind: 'bare' as const, params: 70e9 };

describe('Chinchilla (Hoffmann et al. 2022)', () => {
  it('70B params → 1.4e12 compute-optimal tokens', () => {
    expect(chinchilla(70e9, null)).toEqual({ tokens: 1.4e12, params: null });
  });
  it('budget C: N_opt = √(C/120), D_opt = 20·N_opt; C = 6·N·D holds', () => {
    const r = chinchilla(5.76e23, 5.76e23);
    expect(r.params).toBeCloseTo(Math.sqrt(4.8e21), 0);
    expect(r.tokens).toBeCloseTo(20 * Math.sqrt(4.8e21), -1);
    expect(6 * r.params! * r.tokens).toBeCloseTo(5.76e23, -10);
  });
  it('tokens per param and the verdict', () => {
    const under = budget(specOf(bare, { tokens: 300e9 }), params(70e9), flops(null), mem(0, 0), null);
    expect(under.budget.tokensPerParam).toBeCloseTo(300 / 70, 12);
    expect(under.notes.join('\n')).toMatch(/under-trained/);
    const over = budget(specOf(bare, { tokens: 2e12 }), params(7e9), flops(null), mem(0, 0), null);
    expect(over.notes.join('\n')).toMatch(/over-trained/);
  });
});

describe('training time', () => {
  it('GPT-3 3.14e23 FLOPs on 1024 bf16 GPUs at 312 TFLOP/s, MFU 0.4', () => {
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw', gpus: 1024, mfu: 0.4 });
    const b = budget(s, params(175e9), flops(3.14e23), mem(0, 0), a100ish).budget;
    expect(b.trainSeconds).toBeCloseTo(3.14e23 / (1024 * 312e12 * 0.4), 6);
    expect(b.gpuHours).toBeCloseTo((b.trainSeconds! * 1024) / 3600, 6);
    expect(b.decodeTokensPerSecond).toBeNull();
  });
  it('fp32 training uses the TF32 tensor-core peak, and says so', () => {
    expect(peakFlops(a100ish, 'fp32')).toEqual({ flops: 156e12, used: 'tf32' });
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw', dtype: 'fp32' });
    expect(budget(s, params(1e9), flops(1e21), mem(0, 0), a100ish).notes.join('\n')).toMatch(/TF32/);
  });
  it('a dtype the GPU lacks falls back to the nearest supported, stated', () => {
    expect(peakFlops(v100ish, 'bf16')).toEqual({ flops: 125e12, used: 'fp16' });
    expect(peakFlops(v100ish, 'fp32')).toEqual({ flops: 15.7e12, used: 'fp32' });
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw', dtype: 'bf16' });
    expect(budget(s, params(1e9), flops(1e21), mem(0, 0), v100ish).notes.join('\n')).toMatch(/nearest supported, fp16/);
  });
  it('no GPU or no tokens: null, with a note', () => {
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw' });
    const none = budget(s, params(1e9), flops(1e21), mem(0, 0), null);
    expect(none.budget.trainSeconds).toBeNull();
    expect(none.notes.join('\n')).toMatch(/no GPU/);
    expect(budget(s, params(1e9), flops(null), mem(0, 0), a100ish).budget.trainSeconds).toBeNull();
  });
});

describe('decode bound', () => {
  it('batch × bandwidth / (weights + KV per device): 7B fp16 at 2 TB/s ≈ 142.9 tokens/s', () => {
    const b = budget(specOf(bare, { batch: 1 }), params(7e9), flops(null), mem(14e9, 0), a100ish).budget;
    expect(b.decodeTokensPerSecond).toBeCloseTo(2e12 / 14e9, 9);
  });
  it('the batch shares the weight read; the KV cache adds to it', () => {
    const b = budget(specOf(bare, { batch: 8 }), params(7e9), flops(null), mem(14e9, 2e9), a100ish).budget;
    expect(b.decodeTokensPerSecond).toBeCloseTo((8 * 2e12) / 16e9, 9);
  });
});

describe('peak per compute dtype', () => {
  const b200ish = gpu({ fp32: 75e12, tf32: 1125e12, bf16: 2250e12, fp16: 2250e12, fp8: 4500e12, fp4: 9000e12 });
  const h100ish = gpu({ tf32: 494.7e12, bf16: 989.4e12, fp16: 989.4e12, fp8: 1978.9e12 });
  it('fp4 uses the fp4 tensor-core peak where there is one (B200: 9 PF dense)', () => {
    expect(peakFlops(b200ish, 'fp4')).toEqual({ flops: 9000e12, used: 'fp4' });
  });
  it('fp4 without fp4 tensor cores dequantizes to bf16 (Hopper), not fp8', () => {
    expect(peakFlops(h100ish, 'fp4')).toEqual({ flops: 989.4e12, used: 'bf16' });
  });
  it('fp8 training on H100: 1,978.9 TF, named in the time note', () => {
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw', dtype: 'fp8', gpus: 8 });
    const r = budget(s, params(7e9), flops(1e21), mem(0, 0), h100ish);
    expect(r.budget.trainSeconds).toBeCloseTo(1e21 / (8 * 1978.9e12 * s.mfu), 6);
    expect(r.notes.join('\n')).toMatch(/fp8 dense peak 1978900000000000 FLOP\/s/);
  });
  it('weight-only formats compute in bf16 and say so', () => {
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw', dtype: 'nf4' });
    const r = budget(s, params(7e9), flops(1e21), mem(0, 0), h100ish);
    expect(r.notes.join('\n')).toMatch(/nf4 weights compute in bf16: the bf16 peak used/);
  });
  it('a GPU with no peak at all: no time, and the reason', () => {
    const s = specOf(bare, { mode: 'train', optimizer: 'adamw', tokens: 1e9 });
    const r = budget(s, params(7e9), flops(1e21), mem(0, 0), gpu({}));
    expect(r.budget.trainSeconds).toBeNull();
    expect(r.budget.unavailable).toBe('G has no peak FLOP/s listed: no training time');
  });
});
