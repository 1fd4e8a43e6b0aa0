// FLOPs with 1 multiply-add = 2 FLOPs, against nanoGPT's transformer_sizing notebook and hand checks.
import { describe, expect, it } from 'vitest';
import { countFlops, groupFlops } from '../../src/core/flops.js';
import { countParams } from '../../src/core/params.js';
import type { Spec } from '../../src/core/spec.js';
import { CONV3X3, gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

const flops = (spec: Spec) => countFlops(spec, countParams(spec));
const nanoGpt = gpt2Style({ d: 768, layers: 12, heads: 12, biases: 'none' });

describe('transformer FLOPs', () => {
  it('GPT-2 124M (nanoGPT bias=False), one 1024-token sequence: 291,648,307,200 forward FLOPs', () => {
    expect(flops(specOf(nanoGpt, { seq: 1024 })).forwardPerSample).toBe(291_648_307_200);
  });

  it('PaLM 6N + 12·L·H·Q·T for that model: 875,062,886,400 per sequence (nanoGPT notebook)', () => {
    expect(flops(specOf(nanoGpt, { seq: 1024 })).approxPaLM! * 1024).toBe(875_062_886_400);
  });

  it('training = 3 × forward; full recompute executes 4 × forward', () => {
    const f = flops(specOf(nanoGpt, { seq: 1024, recompute: 'full' }));
    expect(f.trainPerToken).toBe(3 * f.forwardPerToken!);
    expect(f.hardwarePerToken).toBe(4 * f.forwardPerToken!);
  });

  it('LoRA: frozen weights pass gradients back but compute none: 2 × base forward + 3 × the adapters’ 2·r·(d_in+d_out)', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    const full = flops(specOf(m, { mode: 'train', optimizer: 'adamw' }));
    const lora = flops(
      specOf(m, { mode: 'train', optimizer: 'adamw', lora: { r: 16, quantized: false, targets: ['q', 'v'] } }),
    );
    expect(lora.trainPerToken).toBe(2 * full.forwardPerToken! + 3 * 2 * 8_388_608);
  });

  it('causal halves the attention core to a mean context of (s+1)/2', () => {
    const full = groupFlops(nanoGpt, 1024, false)[0].attention;
    const causal = groupFlops(nanoGpt, 1024, true)[0].attention;
    expect(full).toBe(4 * 1024 * 768);
    expect(causal).toBe(4 * 512.5 * 768);
  });

  it('GPT-3 175B on 300B tokens lands within 5% above the paper’s 3.14e23 (which ignores attention)', () => {
    const spec = specOf(gpt2Style({ d: 12288, layers: 96, heads: 96, maxSeq: 2048 }), { tokens: 300e9, seq: 2048 });
    const ratio = flops(spec).train! / 3.14e23;
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.05);
  });

  it('Mixtral: router + top-2 of 8 SwiGLU experts per token', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336, experts: 8, topk: 2 });
    expect(groupFlops(m, 4096, false)[0].mlp).toBe(2 * 4096 * 8 + 2 * 6 * 4096 * 14336);
  });
});

describe('classic layer FLOPs', () => {
  it('conv 3×3 64→128 on 56×56, pad 1: 2·56·56·3·3·64·128 = 462,422,016 per image', () => {
    const conv = CONV3X3;
    expect(flops(specOf({ kind: 'network', components: [conv], steps: 1 })).forwardPerSample).toBe(462_422_016);
  });
  it('LSTM(64, 128): 2·4·128·(64+128) = 196,608 FLOPs per time step, × steps per sample', () => {
    const lstm = {
      kind: 'rnn',
      cell: 'lstm',
      in: 64,
      hidden: 128,
      layers: 1,
      bidirectional: false,
      biasConvention: 'pytorch',
    } as const;
    const f = flops(specOf({ kind: 'network', components: [lstm], steps: 100 }));
    expect(f.forwardPerToken).toBe(196_608);
    expect(f.forwardPerSample).toBe(19_660_800);
  });
});
