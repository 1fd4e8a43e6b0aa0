// KV cache: 2 · L · kv_heads · head_dim · seq · batch · bytes, GQA-aware, and its split across devices.
import { describe, expect, it } from 'vitest';
import { kvCacheBytes, kvCachePerDevice } from '../../src/core/kv-cache.js';
import { reshape } from '../../src/core/reshape.js';
import { gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

const llama70 = llamaStyle({ d: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 });

describe('KV cache', () => {
  it('Llama-2-70B (8 KV heads), seq 4096, batch 1, fp16: 2·80·8·128·4096·2 = 1,342,177,280 B', () => {
    expect(kvCacheBytes(llama70, 4096, 1, 2)).toBe(1_342_177_280);
    expect(kvCachePerDevice(specOf(llama70, { seq: 4096, kvDtype: 'fp16' }))).toBe(1_342_177_280);
  });
  it('sliding window (Gemma 2-9B: 21 of 42 layers keep 4,096 tokens): 2·(21·8192 + 21·4096)·8·256·2 B at 8k', () => {
    const shape = {
      d: 3584,
      layers: 42,
      heads: 16,
      kvHeads: 8,
      headDim: 256,
      ffn: 14336,
    };
    const gemma2 = llamaStyle({ ...shape, window: { size: 4096, globalEvery: 2 } });
    const full = llamaStyle(shape);
    expect(kvCacheBytes(gemma2, 8192, 1, 2)).toBe(2_113_929_216);
    // Three quarters of what all 42 layers would hold at 8k; no saving while seq fits the window.
    expect(kvCacheBytes(gemma2, 8192, 1, 2)).toBe(0.75 * kvCacheBytes(full, 8192, 1, 2));
    expect(kvCacheBytes(gemma2, 4096, 1, 2)).toBe(kvCacheBytes(full, 4096, 1, 2));
  });
  it('GQA matters: with 64 KV heads it would be 8× larger', () => {
    expect(kvCacheBytes(reshape(llama70, { kvHeads: 64 }), 4096, 1, 2)).toBe(8 * 1_342_177_280);
  });
  it('Llama-2-7B (MHA), seq 4096: 2 GiB per sequence', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    expect(kvCachePerDevice(specOf(m, { seq: 4096, batch: 3 }))).toBe(3 * 2 ** 31);
  });
  it('per device: ÷ pp, ÷ min(tp, kv_heads)', () => {
    const whole = 1_342_177_280 * 4;
    const at = (tp: number, pp: number) =>
      kvCachePerDevice(specOf(llama70, { seq: 4096, batch: 4, tp, pp, gpus: tp * pp }));
    expect(at(1, 1)).toBe(whole);
    expect(at(4, 1)).toBe(whole / 4);
    expect(at(8, 1)).toBe(whole / 8);
    expect(at(16, 1)).toBe(whole / 8); // KV heads replicated beyond 8 ranks
    expect(at(8, 2)).toBe(whole / 16);
  });
  it('dtype: fp8/int8 KV halves it', () => {
    expect(kvCachePerDevice(specOf(llama70, { seq: 4096, kvDtype: 'fp8' }))).toBe(1_342_177_280 / 2);
  });
  it('no KV cache when training, for encoders, or for a bare count', () => {
    expect(kvCachePerDevice(specOf(llama70, { mode: 'train', optimizer: 'adamw' }))).toBe(0);
    expect(
      kvCachePerDevice(specOf(gpt2Style({ d: 768, layers: 12, heads: 12, family: 'encoder', encoder: true }))),
    ).toBe(0);
    expect(kvCachePerDevice(specOf({ kind: 'bare', params: 7e9 }))).toBe(0);
  });
});
