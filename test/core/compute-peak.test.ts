// Compute in the format: the peak a spec's matmuls run at, from the weights' format (formats/ `compute`) and
// the GPU catalogue's dense peaks (B200: fp4 9 PF, fp8 4.5 PF, bf16 2.25 PF; H100 SXM: bf16 989.4 TF, no fp4).
import { describe, expect, it } from 'vitest';
import { computePeak } from '../../src/core/budget.js';
import { estimate } from '../../src/core/estimate.js';
import { countFlops } from '../../src/core/flops.js';
import { findGpu } from '../../src/core/gpus.js';
import { countParams } from '../../src/core/params.js';
import type { Spec, WeightFormat } from '../../src/core/spec.js';
import { gptOss } from './gpt-oss-model.js';
import { llamaStyle, specOf } from './spec-fixtures.js';

const B200 = findGpu('b200')!;
const H100 = findGpu('h100')!;
const forward = (s: Spec) => countFlops(s, countParams(s)).forwardPerToken;
const MXFP4_EXPERTS: WeightFormat = { kind: 'format', id: 'mxfp4', scope: 'experts' };
const llama = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });

describe('peak by the format the weights are in', () => {
  it('NVFP4 linears serve at the fp4 peak on a B200 (9 PF dense)', () => {
    const s = specOf(llama, { dtype: 'fp4', weights: { kind: 'format', id: 'nvfp4', scope: 'linears' } });
    expect(computePeak(s, B200, forward(s))).toEqual({ flops: 9000e12, used: 'fp4', note: null });
  });
  it('on an H100 fp4 weights dequantize to bf16, and the answer says so', () => {
    const s = specOf(llama, { dtype: 'fp4' });
    const p = computePeak(s, H100, forward(s))!;
    expect([p.flops, p.used]).toEqual([989.4e12, 'bf16']);
    expect(p.note).toMatch(/has no fp4 tensor cores: fp4 weights dequantize to bf16/);
  });
  it('GGUF and GPTQ weights dequantize to 16-bit for the GEMMs', () => {
    const q = specOf(llama, { dtype: 'int4', weights: { kind: 'gguf', recipe: 'Q4_K_M' } });
    expect(computePeak(q, H100, forward(q))).toMatchObject({ flops: 989.4e12, used: 'fp16' });
    const g = specOf(llama, { dtype: 'int4' });
    expect(computePeak(g, H100, forward(g))).toMatchObject({ flops: 989.4e12, used: 'bf16' });
  });
  it('gpt-oss-120b on a B200: the experts’ FLOPs at fp4, the rest at bf16, combined by FLOP share', () => {
    const s = specOf(gptOss(36, 128), { weights: MXFP4_EXPERTS, seq: 4096 });
    const f = forward(s)!;
    // Routed experts a token runs: 36 layers × top-4 × 3 · 2880² = 3,583,180,800 weights, 2 FLOPs each.
    const share = (2 * 3_583_180_800) / f;
    const p = computePeak(s, B200, f)!;
    expect(p.flops).toBeCloseTo(1 / (share / 9000e12 + (1 - share) / 2250e12), 0);
    expect(p.used).toMatch(/^fp4 for the experts \(\d+(\.\d+)?% of the FLOPs\) \+ bf16 for the rest$/);
    // On an H100 both run at bf16: one peak.
    expect(computePeak(s, H100, f)).toMatchObject({ flops: 989.4e12, used: 'bf16' });
  });
  it('training computes in the dtype whatever the stored format: NVFP4 pretraining on B200s at the fp4 peak', () => {
    const s = specOf(llama, { mode: 'train', optimizer: 'adamw', dtype: 'fp4', gpu: 'b200', gpus: 8, tokens: 1e12 });
    const e = estimate(s);
    expect(e.budget.trainSeconds).toBeCloseTo(e.flops.train! / (8 * 9000e12 * 0.4), 3);
    expect(e.assumptions.join('\n')).toMatch(/fp4 dense peak 9000000000000000 FLOP\/s/);
  });
});
