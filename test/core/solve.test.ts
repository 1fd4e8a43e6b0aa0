// batch=?, seq=?, gpus=? against closed forms worked by hand, and the 1 ms budget.
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../../src/core/estimate.js';
import type { Gpu } from '../../src/core/gpus.js';
import { solve } from '../../src/core/solve.js';
import type { Spec } from '../../src/core/spec.js';
import { llamaStyle, specOf } from './spec-fixtures.js';

const gpu = (memory: number): Gpu => ({
  id: 'g',
  name: 'G',
  aliases: [],
  memory,
  bandwidth: 2e12,
  flops: { bf16: 1e15 },
  source: 'test',
});
const A100_80 = gpu(85_899_345_920); // 81,920 MiB, as nvidia-smi reports
const llama7 = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
const run = (s: Spec, g: Gpu | null = A100_80) => solve(s, memoryContext(s, g));

// Llama-2-7B inference in fp16, flash: weights 2·6,738,415,616 + 1 GiB overhead = 14,550,573,056 B fixed.
// Per token of context: KV 2·32·32·128·2 = 524,288 B + the MLP working set 2·2·4096 + 3·2·11008 = 82,432 B.
const free = 85_899_345_920 - 14_550_573_056;

describe('solve', () => {
  it('batch=?: largest batch at seq 4096 = ⌊free / (4096 · 606,720)⌋ = 28', () => {
    const r = run(specOf(llama7, { seq: 4096, dtype: 'fp16', kvDtype: 'fp16', solve: 'batch' }));
    expect(Math.floor(free / (4096 * 606_720))).toBe(28);
    expect(r.solved?.value).toBe(28);
    expect(r.spec.batch).toBe(28);
  });
  it('seq=?: longest context at batch 1, to the token = ⌊free / 606,720⌋ = 117,597', () => {
    const r = run(specOf(llama7, { dtype: 'fp16', kvDtype: 'fp16', solve: 'seq' }));
    expect(r.solved?.value).toBe(117_597);
    expect(r.solved?.note).toMatch(/to the token: 117597 \(117504 as a multiple of 256\)/);
  });
  it('gpus=?: fewest multiple of tp·pp with ZeRO sharding by dp', () => {
    const bare = { kind: 'bare' as const, params: 7.5e9 };
    const s = specOf(bare, { mode: 'train', optimizer: 'adam', dtype: 'fp16', zero: 3, solve: 'gpus' });
    // 120e9 / dp + 1 GiB ≤ 24e9 → dp ≥ 5.23
    expect(run(s, gpu(24e9)).solved?.value).toBe(6);
    // tp = 2: 60e9 / dp + 1 GiB ≤ 24e9 → dp ≥ 2.62 → 3 → 6 GPUs
    expect(run({ ...s, tp: 2 }, gpu(24e9)).solved?.value).toBe(6);
    // zero 0: more data-parallel GPUs do not help
    const z0 = run({ ...s, zero: 0 }, gpu(24e9)).solved;
    expect(z0?.value).toBeNull();
    expect(z0?.note).toMatch(/zero=0/);
  });
  it('gpus=? for inference: the fewest tensor-parallel GPUs', () => {
    const s = specOf(llamaStyle({ d: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 }), { solve: 'gpus' });
    const r = run(s);
    expect(r.solved?.value).toBe(2); // 138 GB of bf16 weights: 2 × 80 GB
    expect(r.spec.tp).toBe(2);
  });
  it('no GPU, nothing fits, or memory independent of the unknown: null with a note', () => {
    expect(run(specOf(llama7, { solve: 'batch' }), null).solved).toMatchObject({ value: null });
    const tooBig = run(specOf(llama7, { seq: 1e6, solve: 'batch' }));
    expect(tooBig.solved?.value).toBeNull();
    expect(tooBig.solved?.note).toMatch(/even batch=1 does not fit/);
    expect(run(specOf({ kind: 'bare', params: 7e9 }, { solve: 'batch' })).solved?.value).toBeNull();
  });
});
