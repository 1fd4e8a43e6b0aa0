// Model states, sharding, overhead, fit and suggestion: the ZeRO paper's figures and hand-checked bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../../src/core/estimate.js';
import type { Gpu } from '../../src/core/gpus.js';
import { type MemoryContext, memory, memoryOf } from '../../src/core/memory.js';
import type { Spec } from '../../src/core/spec.js';
import { gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

const fakeGpu = (memory: number): Gpu => ({
  id: 'fake',
  name: 'Fake',
  aliases: [],
  memory,
  bandwidth: 2e12,
  flops: { bf16: 1e15 },
  source: 'test',
});
const ctxOf = (spec: Spec, gpu: Gpu | null = null): MemoryContext => memoryContext(spec, gpu);
const states = (spec: Spec) => {
  const m = memoryOf(spec, ctxOf(spec));
  return m.weights + m.gradients + m.optimizer;
};
const bare = (params: number, o: Partial<Spec> = {}) =>
  specOf({ kind: 'bare', params }, { mode: 'train', optimizer: 'adam', dtype: 'fp16', gpus: 64, ...o });

describe('model states (ZeRO, Rajbhandari et al. 2019 Figure 1: 7.5B, Nd = 64, K = 12)', () => {
  it.each([
    [0, 120e9],
    [1, 31.40625e9], // 2Ψ + 2Ψ + 12Ψ/64 — the paper's 31.4 GB
    [2, 16.640625e9], // 2Ψ + 14Ψ/64 — 16.6 GB
    [3, 1.875e9], // 16Ψ/64 — "1.9 GB"
  ] as const)('zero %i → %d B per device', (zero, bytes) => {
    expect(states(bare(7.5e9, { zero }))).toBeCloseTo(bytes, -1);
  });
  it('mixed-precision Adam is 16 B/param: 2 weights + 2 gradients + 12 optimizer (m, v, fp32 master)', () => {
    const m = memoryOf(bare(1e9, { gpus: 1 }), ctxOf(bare(1e9)));
    expect([m.weights, m.gradients, m.optimizer]).toEqual([2e9, 2e9, 12e9]);
  });
  it.each([
    ['sgd', 'bf16', 2 + 2 + 0 + 4],
    ['momentum', 'bf16', 2 + 2 + 4 + 4],
    ['lion', 'bf16', 2 + 2 + 4 + 4],
    ['adam8bit', 'bf16', 2 + 2 + 2 + 4],
    ['adamw', 'fp32', 4 + 4 + 8], // no master copy at fp32
  ] as const)('%s in %s: %i B/param', (optimizer, dtype, perParam) => {
    expect(states(bare(1e9, { optimizer, dtype, gpus: 1 }))).toBe(perParam * 1e9);
  });
  it('fp32 gradients: 4 B per trainable param', () => {
    expect(memoryOf(bare(1e9, { gpus: 1, fp32Grads: true }), ctxOf(bare(1e9))).gradients).toBe(4e9);
  });
  it('Adafactor: factored second moment 4·(rows + cols) per matrix, 4·n per vector, + master', () => {
    const s = specOf(
      { kind: 'network', components: [{ kind: 'dense', in: 784, out: 512, bias: true }], steps: 1 },
      { mode: 'train', optimizer: 'adafactor', dtype: 'bf16' },
    );
    expect(memoryOf(s, ctxOf(s)).optimizer).toBe(4 * (784 + 512) + 4 * 512 + 4 * (784 * 512 + 512));
  });
  it('inference: no gradients, no optimizer', () => {
    const m = memoryOf(bare(7e9, { mode: 'infer', gpus: 1 }), ctxOf(bare(7e9)));
    expect([m.weights, m.gradients, m.optimizer]).toEqual([14e9, 0, 0]);
  });
});

describe('quantized weights and QLoRA', () => {
  it.each([
    ['nf4', 0.5 + 4 / 64], // bitsandbytes blocksize 64, fp32 absmax (QLoRA §3)
    ['int4', (4 + (16 + 4) / 128) / 8], // GPTQ int4 g128 as AutoGPTQ packs it: fp16 scale + 4-bit zero per 128
    ['int8', 1],
    ['fp8', 1],
    ['fp4', (4 + 8 / 16) / 8], // NVFP4: an E4M3 scale per 16 E2M1 values
  ] as const)('a bare count in %s: %d B/param (no shapes: no per-row or per-tensor extras)', (dtype, b) => {
    const s = specOf({ kind: 'bare', params: 1e9 }, { dtype });
    expect(memoryOf(s, ctxOf(s)).weights).toBe(b * 1e9);
  });
  it('QLoRA on Llama-2-7B (nf4, r=16 on q and v, AdamW): bf16 adapters with grads and 12 B of states', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    const lora = { r: 16, quantized: true, targets: ['q', 'v'] };
    const s = specOf(m, { mode: 'train', optimizer: 'adamw', dtype: 'nf4', lora });
    const adapters = 32 * 2 * 16 * (4096 + 4096); // 8,388,608
    const mem = memoryOf(s, ctxOf(s));
    // The blocks' matrices in nf4: 32 × (4·4096² attention + 3·4096·11008 MLP) = 6,476,005,376 at 0.5625 B;
    // embeddings, LM head (2 × 32000·4096) and norms (65·4096) stay bf16: 262,410,240 × 2 B.
    expect(mem.weights).toBe(6_476_005_376 * 0.5625 + 262_410_240 * 2 + adapters * 2);
    expect(mem.weights).toBe(4_184_350_720);
    expect(mem.gradients).toBe(adapters * 2);
    expect(mem.optimizer).toBe(adapters * 12);
  });
});

describe('what a quantized format quantizes', () => {
  it('int8 on a network: weight matrices at 1 B plus an fp32 scale per output row (LLM.int8() SCB), biases at 2 B', () => {
    const s = specOf(
      {
        kind: 'network',
        steps: 1,
        components: [
          { kind: 'dense', in: 1024, out: 4096, bias: true },
          { kind: 'dense', in: 4096, out: 10, bias: true },
        ],
      },
      { dtype: 'int8' },
    );
    expect(memoryOf(s, ctxOf(s)).weights).toBe((1024 * 4096 + 4096 * 10) * 1 + (4096 + 10) * 4 + (4096 + 10) * 2);
  });
  it('int4 (GPTQ/AWQ) on a tied model: only the blocks are quantized, the shared embedding stays bf16', () => {
    const m = llamaStyle({ d: 2048, layers: 16, heads: 32, kvHeads: 8, ffn: 8192, vocab: 128256, tied: true });
    const s = specOf(m, { dtype: 'int4' });
    // Blocks: 16 × (2·2048² q,o + 2·2048·512 k,v + 3·2048·8192 MLP) = 16 × 60,817,408 = 973,078,528 in GPTQ
    // int4 g128: 4 + 20/128 bits each, plus an int32 g_idx per input channel, 16 × (6 · 2048 + 8192) = 327,680;
    // embeddings 128,256·2048 = 262,668,288 and norms 33·2048 = 67,584 at 2 B.
    expect(memoryOf(s, ctxOf(s)).weights).toBe(
      (973_078_528 * (4 + 20 / 128)) / 8 + 327_680 * 4 + (262_668_288 + 67_584) * 2,
    );
  });
});

describe('overhead, fit and suggestion', () => {
  it('1 GiB per GPU only when a GPU is named; total = per device × gpus', () => {
    const s = bare(7.5e9, { zero: 3 });
    expect(memoryOf(s, ctxOf(s)).overhead).toBe(0);
    const m = memoryOf(s, ctxOf(s, fakeGpu(80e9)));
    expect(m.overhead).toBe(2 ** 30);
    expect(m.perDevice).toBe(1.875e9 + 2 ** 30);
    expect(m.total).toBe(64 * m.perDevice);
    expect(m.fits).toBe(true);
    expect(m.headroom).toBe(80e9 - m.perDevice);
  });
  it('no GPU: fits and headroom are null', () => {
    const m = memory(bare(7.5e9), ctxOf(bare(7.5e9)));
    expect([m.capacity, m.fits, m.headroom, m.suggestion]).toEqual([null, null, null, null]);
  });
  it('suggests the first change that fits: a higher ZeRO stage, then ZeRO on more GPUs', () => {
    const gpu = fakeGpu(24e9);
    const at8 = bare(7.5e9, { gpus: 8 });
    expect(memory(at8, ctxOf(at8, gpu)).suggestion).toBe('fits with zero3'); // 15 GB + 1 GiB
    const at4 = bare(7.5e9, { gpus: 4 });
    // zero3: 120e9/dp + 1 GiB ≤ 24e9 → dp ≥ 5.23 → 6 GPUs
    expect(memory(at4, ctxOf(at4, gpu)).suggestion).toBe('fits with zero3 on 6 GPUs');
    const z1 = bare(7.5e9, { gpus: 4, zero: 3 });
    expect(memory(z1, ctxOf(z1, gpu)).suggestion).toBe('fits on 6 GPUs');
  });
  it('inference: more tensor-parallel GPUs, then lower precision', () => {
    const s = specOf({ kind: 'bare', params: 70e9 }, { dtype: 'bf16' });
    expect(memory(s, ctxOf(s, fakeGpu(80e9))).suggestion).toBe('fits with tp=2 on 2 GPUs');
  });
  it('training: smaller micro-batch when activations are the problem', () => {
    const m = gpt2Style({ d: 768, layers: 12, heads: 12 });
    const s = specOf(m, { mode: 'train', optimizer: 'adamw', seq: 1024, batch: 128, flash: true, recompute: 'full' });
    const mem = memory(s, ctxOf(s, fakeGpu(24e9)));
    expect(mem.fits).toBe(false);
    expect(mem.suggestion).toMatch(/^fits with batch=\d+$/);
  });
});

describe('sharding never increases per-device memory', () => {
  const models = [
    gpt2Style({ d: 768, layers: 12, heads: 12 }),
    llamaStyle({ d: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 }),
    llamaStyle({ d: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336, experts: 8, topk: 2 }),
  ];
  it('more tp, pp, zero or data-parallel GPUs: per device ≤ before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom('train' as const, 'infer' as const),
        fc.record({
          tp: fc.constantFrom(1, 2, 4),
          pp: fc.constantFrom(1, 2, 4),
          dp: fc.constantFrom(1, 2, 8),
          zero: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
          sp: fc.boolean(),
          flash: fc.boolean(),
          seq: fc.constantFrom(512, 2048, 8192),
          batch: fc.constantFrom(1, 4),
          recompute: fc.constantFrom('none' as const, 'selective' as const, 'full' as const),
        }),
        fc.constantFrom('tp', 'pp', 'zero', 'gpus'),
        (model, mode, o, what) => {
          const s = specOf(model, {
            ...o,
            mode,
            optimizer: mode === 'train' ? 'adamw' : null,
            gpus: o.tp * o.pp * o.dp,
          });
          const more: Spec =
            what === 'tp'
              ? { ...s, tp: s.tp * 2, gpus: s.gpus * 2 }
              : what === 'pp'
                ? { ...s, pp: s.pp * 2, gpus: s.gpus * 2 }
                : what === 'zero'
                  ? { ...s, zero: Math.min(3, s.zero + 1) as 0 | 1 | 2 | 3 }
                  : { ...s, gpus: s.gpus * 2 };
          const ctx = ctxOf(s);
          expect(memoryOf(more, ctx).perDevice).toBeLessThanOrEqual(memoryOf(s, ctx).perDevice);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fp8 training (Transformer Engine: bf16 weights and gradients, fp8 inside the matmuls)', () => {
  it('Llama-2-7B fp8 + AdamW: 2 + 2 + 12 = 16 B/param, as bf16 mixed precision; fp8 inference stores the linears in 1 B', () => {
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    const train = specOf(m, { mode: 'train', optimizer: 'adamw', dtype: 'fp8' });
    const mem = memoryOf(train, ctxOf(train));
    expect([mem.weights, mem.gradients, mem.optimizer]).toEqual([
      6_738_415_616 * 2,
      6_738_415_616 * 2,
      6_738_415_616 * 12,
    ]);
    // Inference (llm-compressor FP8 checkpoints, vLLM fp8): the 224 block matrices (6,476,005,376 weights) at
    // 1 B with one fp32 scale each; embeddings, LM head and norms (262,410,240) stay bf16.
    const infer = specOf(m, { dtype: 'fp8' });
    expect(memoryOf(infer, ctxOf(infer)).weights).toBe(6_476_005_376 + 224 * 4 + 262_410_240 * 2);
  });
});

describe('the zero explainer writes the weights as they are counted', () => {
  it('quantized: q · size + the rest · 2; fp8 training: · 2', async () => {
    const { ZERO_EXPLAINER } = await import('../../src/core/model-states.js');
    const { estimate } = await import('../../src/core/estimate.js');
    const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
    const nf4 = specOf(m, { dtype: 'nf4' });
    expect(ZERO_EXPLAINER.substitute(nf4, estimate(nf4))).toContain(
      'weights: (262410240 · 2 + 6476005376 · 0.5625) ÷ 1 = 4167573504 B',
    );
    const fp8 = specOf(m, { mode: 'train', optimizer: 'adamw', dtype: 'fp8' });
    expect(ZERO_EXPLAINER.substitute(fp8, estimate(fp8))).toContain('weights: (6738415616 · 2) ÷ 1 = 13476831232 B');
  });
});
