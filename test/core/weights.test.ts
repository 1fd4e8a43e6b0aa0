// Stored weights through the estimate, against published files: llama.cpp's GGUF files of Llama-3-8B and
// the gpt-oss safetensors checkpoints, to the byte; which tensors each format leaves alone; and properties
// a sizing must keep (a lower-bit format or a coarser group never costs more).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import { findPreset } from '../../src/core/presets.js';
import type { Spec, TransformerModel, WeightFormat } from '../../src/core/spec.js';
import { formatDtype, storedWeights } from '../../src/core/weights.js';
import { modelTensors } from '../../src/core/tensors.js';
import { gptOss } from './gpt-oss-model.js';
import { llamaStyle, specOf } from './spec-fixtures.js';

const gguf = (recipe: string): WeightFormat => ({ kind: 'gguf', recipe: recipe as never });
const llama3 = findPreset('llama-3-8b')!.model;
const fx = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/gguf-llama-3-8b.json'), 'utf8'));
// The bf16 GGUF minus its tensors (bf16 matrices, f32 norms) is the header: tokenizer and metadata.
const header = fx.bf16File - (8_030_261_248 - 65 * 4096) * 2 - 65 * 4096 * 4;

describe('Llama-3-8B GGUF through the estimate, against the published files', () => {
  const weightsOf = (recipe: string) =>
    estimate(specOf(llama3, { weights: gguf(recipe), dtype: 'int4' })).memory.weights;
  it('the header of the bf16 file is 7,835,936 B', () => {
    expect(header).toBe(7_835_936);
  });
  it.each(Object.entries(fx.files) as [string, number][])('%s: weights + header = the file, %i B', (recipe, bytes) => {
    expect(weightsOf(recipe) + header).toBe(bytes);
  });
  it('Q4_K_M: 4,912,898,048 B of tensors, within 3% of the 4,920,733,984-byte file (0.16%)', () => {
    const w = weightsOf('Q4_K_M');
    expect(w).toBe(4_912_898_048);
    expect(Math.abs(w - 4_920_733_984) / 4_920_733_984).toBeLessThan(0.03);
  });
  it('Q8_0: every matrix 34 B per 32 weights, norms F32 = 8,532,… B, within 3% of the published 8.54 GB', () => {
    // 8,029,995,008 matrix weights (all rows of 4,096 or 14,336: whole blocks) · 34/32 + 266,240 norms · 4.
    const w = weightsOf('Q8_0');
    expect(w).toBe((8_029_995_008 * 34) / 32 + 266_240 * 4);
    expect(Math.abs((w + header) / 1e9 - fx.roundedGB.Q8_0)).toBeLessThan(0.01);
    expect(Math.abs(w / 1e9 - 8.54) / 8.54).toBeLessThan(0.03);
  });
  it('the assumptions name the mix and its shares by type', () => {
    const a = estimate(specOf(llama3, { weights: gguf('Q4_K_M'), dtype: 'int4' })).assumptions.join('\n');
    expect(a).toMatch(/Q4_K_M: llama\.cpp's mix, each tensor typed as llama-quantize types it/);
    expect(a).toMatch(/Q6_K [^:]*: \d+ params = \d+ B/);
    expect(a).toMatch(/F32 norms, biases and routers: 266240 params = 1064960 B/);
  });
});

// openai/gpt-oss-120b and -20b model.safetensors.index.json metadata.total_size (the tensors' bytes); the
// model card (arXiv:2508.10925) Table 1 rounds them to 60.8 GiB and 12.8 GiB.
const OSS = { '120b': [36, 128, 65_248_815_744], '20b': [24, 32, 13_761_264_768] } as const;
const MXFP4_EXPERTS: WeightFormat = { kind: 'format', id: 'mxfp4', scope: 'experts' };

describe('gpt-oss: MXFP4 experts, bf16 elsewhere, as the checkpoints store them', () => {
  it.each(Object.entries(OSS))('gpt-oss-%s: the checkpoint to the byte', (_size, [layers, experts, bytes]) => {
    const m = gptOss(layers, experts);
    const e = estimate(specOf(m, { weights: MXFP4_EXPERTS }));
    // Experts: L · E · (2880·5760 gate_up + 2880·2880 down) at 4.25 bits (16 B of E2M1 + 1 B of E8M0 per 32);
    // the rest (attention, router, embeddings, unembedding, norms, biases, sinks) at 2 B.
    const expertParams = layers * experts * 3 * 2880 * 2880;
    expect(e.memory.weights).toBe((expertParams * 17) / 32 + (e.params.total - expertParams) * 2);
    expect(e.memory.weights).toBe(bytes);
  });
  it('gpt-oss-120b: 116,829,156,672 params, 60.77 GiB of weights (model card: 116.83B, 60.8 GiB)', () => {
    const e = estimate(specOf(gptOss(36, 128), { weights: MXFP4_EXPERTS }));
    expect(e.params.total).toBe(116_829_156_672);
    expect(e.memory.weights / 2 ** 30).toBeCloseTo(60.8, 1);
  });
  it('gpt-oss-120b fits one 80 GB H100 for inference at its 131,072-token context', () => {
    const e = estimate(specOf(gptOss(36, 128), { weights: MXFP4_EXPERTS, gpu: 'h100', seq: 131072 }));
    expect(e.memory.fits).toBe(true);
    // Counted in bf16 it would not: 233.7 GB of weights alone.
    const bf16 = estimate(specOf(gptOss(36, 128), { gpu: 'h100', seq: 131072 }));
    expect(bf16.memory.weights).toBe(116_829_156_672 * 2);
    expect(bf16.memory.fits).toBe(false);
  });
  it('the experts are what expert parallelism spreads and decode may skip: their MXFP4 bytes (biases bf16)', () => {
    const m = gptOss(24, 32);
    const stored = storedWeights(specOf(m, { weights: MXFP4_EXPERTS }), modelTensors(m));
    expect(stored.expertBytes).toBe((24 * 32 * 3 * 2880 * 2880 * 17) / 32 + 24 * 32 * (5760 + 2880) * 2);
    expect(stored.shares.map((s) => s.format)).toEqual(['bf16', 'MXFP4']);
  });
});

describe('what each format leaves alone', () => {
  const m = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });
  // Llama-2-7B: 6,476,005,376 weights in the blocks' matrices (224 of them, 7 a layer), 262,410,240 elsewhere.
  const blocks = 6_476_005_376;
  const rest = 262_410_240;
  const w = (weights: WeightFormat) => estimate(specOf(m, { weights, dtype: formatDtype(weights) })).memory.weights;
  it('AWQ int4 g128: 4 + (16 + 4)/128 bits in the blocks (AutoAWQ: fp16 scale, packed 4-bit zero), the rest bf16', () => {
    expect(w({ kind: 'format', id: 'awq', scope: 'linears' })).toBe((blocks * 4.15625) / 8 + rest * 2);
  });
  it('GPTQ int4 g64: scales twice as often, and an int32 g_idx per input channel', () => {
    // Σ input channels over the 224 matrices: 32 · (6 · 4096 + 11008) = 1,138,688.
    expect(w({ kind: 'format', id: 'gptq', group: 64, scope: 'linears' })).toBe(
      (blocks * (4 + 20 / 64)) / 8 + 1_138_688 * 4 + rest * 2,
    );
  });
  it('NVFP4: an E4M3 scale per 16 and an fp32 scale per tensor; the LM head stays bf16', () => {
    expect(w({ kind: 'format', id: 'nvfp4', scope: 'linears' })).toBe((blocks * 4.5) / 8 + 224 * 4 + rest * 2);
  });
  it('EXL2 at 4.65 bpw: the LM head at -hb 6 (6.33125 bpw), a q_invperm int32 per input channel', () => {
    const head = 4096 * 32000;
    const embedAndNorms = rest - head;
    expect(w({ kind: 'format', id: 'exl2', bpw: 4.65, scope: 'linears' })).toBe(
      (blocks * 4.65) / 8 + 1_138_688 * 4 + (head * 6.33125) / 8 + 4096 * 4 + embedAndNorms * 2,
    );
  });
});

describe('properties', () => {
  const shape = fc.record({
    d: fc.integer({ min: 4, max: 32 }).map((k) => 256 * k),
    layers: fc.integer({ min: 1, max: 48 }),
    ffnK: fc.integer({ min: 4, max: 112 }),
    vocab: fc.integer({ min: 1000, max: 260000 }),
    gqa: fc.constantFrom(1, 4, 8),
    experts: fc.constantFrom(1, 8, 32),
  });
  const model = (s: { d: number; layers: number; ffnK: number; vocab: number; gqa: number; experts: number }) =>
    llamaStyle({
      d: s.d,
      layers: s.layers,
      heads: s.d / 128,
      kvHeads: Math.max(1, s.d / 128 / s.gqa),
      ffn: 256 * s.ffnK,
      vocab: s.vocab,
      experts: s.experts,
      topk: s.experts > 1 ? 2 : 1,
    });
  const bytes = (m: TransformerModel, weights: WeightFormat | null, dtype: Spec['dtype'] = 'bf16') =>
    storedWeights(specOf(m, { weights, dtype }), modelTensors(m)).bytes;
  const linear = (id: string, o: Partial<{ group: number; bits: number; bpw: number }> = {}): WeightFormat => ({
    kind: 'format',
    id,
    scope: 'linears',
    ...o,
  });

  // Dense models: with 8 experts llama-quant.cpp bumps attn_output to Q5_K for Q3_K_M but not for Q3_K_L, so
  // an 8-expert model with a narrow expert MLP can come out larger in Q3_K_M, as llama-quantize writes it.
  it("llama.cpp's mixes in order of size never grow on a dense model: Q8_0 ≥ Q6_K ≥ Q5_K_M ≥ … ≥ Q2_K", () => {
    const ladder = ['Q8_0', 'Q6_K', 'Q5_K_M', 'Q5_K_S', 'Q4_K_M', 'Q4_K_S', 'Q3_K_L', 'Q3_K_M', 'Q3_K_S', 'Q2_K'];
    fc.assert(
      fc.property(shape, (s) => {
        const m = model({ ...s, experts: 1 });
        const sizes = ladder.map((r) => bytes(m, gguf(r)));
        for (let i = 1; i < sizes.length; i++) expect(sizes[i], ladder[i]).toBeLessThanOrEqual(sizes[i - 1]);
      }),
      { numRuns: 60 },
    );
  });
  it('fewer bits, coarser groups or a lower bpw never add bytes; any quantized format is under bf16', () => {
    fc.assert(
      fc.property(
        shape,
        fc.constantFrom(32, 64, 128, 256),
        fc.double({ min: 2, max: 7.9, noNaN: true }),
        (s, g, bpw) => {
          const m = model(s);
          const bf16 = bytes(m, null);
          expect(bytes(m, null, 'fp32')).toBeGreaterThanOrEqual(bf16);
          const chain = [
            bf16,
            bytes(m, linear('gptq', { bits: 8, group: g })),
            bytes(m, linear('gptq', { bits: 4, group: g })),
            bytes(m, linear('gptq', { bits: 3, group: g })),
            bytes(m, linear('gptq', { bits: 2, group: g })),
          ];
          for (let i = 1; i < chain.length; i++) expect(chain[i]).toBeLessThanOrEqual(chain[i - 1]);
          if (g < 256) expect(bytes(m, linear('gptq', { group: 2 * g }))).toBeLessThanOrEqual(chain[2]);
          expect(bytes(m, linear('exl2', { bpw }))).toBeLessThanOrEqual(bytes(m, linear('exl2', { bpw: bpw + 0.1 })));
          expect(bytes(m, linear('fp8'))).toBeLessThanOrEqual(bf16);
          expect(bytes(m, linear('nvfp4'))).toBeLessThanOrEqual(bytes(m, linear('fp8')));
          expect(bytes(m, linear('mxfp4'))).toBeLessThanOrEqual(bytes(m, linear('nvfp4')));
          for (const id of ['int8', 'nf4', 'nf4-dq', 'awq', 'mxfp4', 'nvfp4'])
            expect(bytes(m, linear(id)), id).toBeLessThan(bf16);
        },
      ),
      { numRuns: 60 },
    );
  });
});
