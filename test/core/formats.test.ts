// Formats as data: each bits-per-weight figure checked against its block layout by hand (the struct in
// ggml-common.h, the OCP MX spec, the AutoGPTQ/AutoAWQ buffers), and llama.cpp's mixes against the
// exact sizes of published Llama-3-8B GGUF files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GgufRecipe, type GgufTensor, ggufTensorType, useMoreBits } from '../../src/core/formats/gguf-recipes.js';
import { EXL_HEAD_BITS, format, kvFormat, tensorBits } from '../../src/core/formats/index.js';

describe('GGUF block types (ggml-common.h): sizeof(block) per QK weights', () => {
  // [id, bytes per block from the struct's static_assert, weights per block, ggml's "bits per weight" figure]
  it.each([
    ['q4_0', 2 + 32 / 2, 32, 4.5],
    ['q4_1', 2 * 2 + 32 / 2, 32, 5],
    ['q5_0', 2 + 4 + 32 / 2, 32, 5.5],
    ['q5_1', 2 * 2 + 4 + 32 / 2, 32, 6],
    ['q8_0', 2 + 32, 32, 8.5],
    ['q2_k', 2 * 2 + 256 / 16 + 256 / 4, 256, 2.625], // "Effectively 2.625 bits per weight"
    ['q3_k', 2 + 256 / 4 + 256 / 8 + 12, 256, 3.4375], // "Effectively 3.4375 bits per weight"
    ['q4_k', 2 * 2 + 12 + 256 / 2, 256, 4.5], // "Effectively 4.5 bits per weight"
    ['q5_k', 2 * 2 + 12 + 256 / 2 + 256 / 8, 256, 5.5], // "Effectively 5.5 bits per weight"
    ['q6_k', 2 + 256 / 16 + (3 * 256) / 4, 256, 6.5625], // "Effectively 6.5625 bits per weight"
    ['q8_k', 4 + 256 + (256 / 16) * 2, 256, 9.125],
    ['iq2_xxs', 2 + (256 / 8) * 2, 256, 2.0625], // "2.0625 bpw"
    ['iq2_xs', 2 + (256 / 8) * 2 + 256 / 32, 256, 2.3125], // "2.3125 bpw quants"
    ['iq2_s', 2 + 256 / 4 + 256 / 16, 256, 2.5625], // "2.5625 bpw quants"
    ['iq3_xxs', 2 + 3 * (256 / 8), 256, 3.0625], // "3.0625 bpw"
    ['iq3_s', 2 + 13 * (256 / 32) + 256 / 64, 256, 3.4375], // "3.4375 bpw"
    ['iq1_s', 2 + 256 / 8 + 256 / 16, 256, 1.5625], // "1.5625 bpw"
    ['iq1_m', 256 / 8 + 256 / 16 + 256 / 32, 256, 1.75], // "1.75 bpw"
    ['iq4_nl', 2 + 32 / 2, 32, 4.5],
    ['iq4_xs', 2 + 2 + 256 / 64 + 256 / 2, 256, 4.25],
  ] as const)('%s: %i B per %i weights = %d bits/weight', (id, bytes, qk, bpw) => {
    const f = format(id)!;
    expect(f.blockBits).toBe(bytes * 8);
    expect(f.blockSize).toBe(qk);
    expect(f.bitsPerWeight).toBe(bpw);
    expect(f.source).toMatch(/ggml-common\.h/);
  });

  it('the layout text shows the arithmetic, for explain', () => {
    expect(format('Q4_K')!.layout).toBe(
      'Q4_K: d 2 B (fp16 super-block scale) + dmin 2 B (fp16 super-block min scale) + scales 12 B (6-bit scales and mins of 8 sub-blocks) + qs 128 B (4-bit quants) = 1152 bits per block of 256 = 4.5 bits/weight',
    );
  });
});

describe('microscaling and floats', () => {
  it('MXFP4: 32 E2M1 values + one E8M0 scale = 136 bits per 32 = 4.25 bits (OCP MX v1.0 §5)', () => {
    const f = format('mxfp4')!;
    expect([f.blockSize, f.blockBits, f.bitsPerWeight]).toEqual([32, 32 * 4 + 8, 4.25]);
    expect(f.compute).toBe('fp4');
  });
  it('NVFP4: 16 E2M1 + one E4M3 scale = 4.5 bits, plus one fp32 scale per tensor', () => {
    const f = format('NVFP4')!;
    expect(f.bitsPerWeight).toBe((16 * 4 + 8) / 16);
    expect(f.perTensorBits).toBe(32);
    // A 4096 × 4096 matrix: 4096 rows × 256 blocks × 72 bits + 32.
    expect(tensorBits(f, 4096, 4096)).toBe(4096 * 256 * 72 + 32);
  });
  it('fp8 is one byte with a per-tensor scale; bf16/fp16/fp32 are 16/16/32 bits', () => {
    expect(format('fp8')!.bitsPerWeight).toBe(8);
    expect(format('fp8')!.perTensorBits).toBe(32);
    expect([format('bf16')!.bitsPerWeight, format('fp16')!.bitsPerWeight, format('fp32')!.bitsPerWeight]).toEqual([
      16, 16, 32,
    ]);
  });
});

describe('group quantization: scales and zeros per group', () => {
  it('AWQ int4 g128 (AutoAWQ GEMM): 4 bits + (fp16 scale + 4-bit zero) / 128 = 4.15625', () => {
    expect(format('awq')!.bitsPerWeight).toBe(4 + (16 + 4) / 128);
    expect(format('awq', { group: 64 })!.bitsPerWeight).toBe(4 + 20 / 64);
    expect(format('awq')!.id).toBe('awq-int4-g128');
  });
  it('GPTQ int4 g128 (AutoGPTQ): the same per group, plus an int32 g_idx per input channel', () => {
    const f = format('gptq')!;
    expect(f.bitsPerWeight).toBe(4 + 20 / 128);
    // 4096 × 4096: 4096 rows × 32 groups × (128·4 + 16 + 4) bits + 4096 × 32 bits of g_idx.
    expect(tensorBits(f, 4096, 4096)).toBe(4096 * 32 * 532 + 4096 * 32);
    expect(format('gptq', { bits: 8 })!.bitsPerWeight).toBe(8 + (16 + 8) / 128);
    expect(format('int4')!.id).toBe('gptq-int4-g128');
  });
  it('bitsandbytes: LLM.int8() 8 bits + an fp32 scale per output row; NF4 4 + 32/64; double quant 4 + 8/64 + 32/(64·256)', () => {
    const int8 = format('int8')!;
    expect(int8.bitsPerWeight).toBe(8);
    expect(tensorBits(int8, 4096, 11008)).toBe(4096 * 11008 * 8 + 4096 * 32);
    expect(format('nf4')!.bitsPerWeight).toBe(4.5);
    expect(format('nf4-dq')!.bitsPerWeight).toBe(4 + 8 / 64 + 32 / (64 * 256)); // QLoRA §3: 0.127 bits of scales
    // bitsandbytes blocks run over the flattened tensor: 100 weights = 2 blocks of 64.
    expect(tensorBits(format('nf4')!, 10, 10)).toBe(2 * (64 * 4 + 32));
  });
  it('EXL2/EXL3 at the stated bpw; their heads at -hb 6', () => {
    expect(format('exl2', { bpw: 4.65 })!.bitsPerWeight).toBe(4.65);
    expect(format('exl3', { bpw: 3 })!.bitsPerWeight).toBe(3);
    expect(EXL_HEAD_BITS.exl2).toBeCloseTo(6.33125, 12); // 15% 8-bit + 85% 6-bit rows + 4-bit scales per 128
    expect(EXL_HEAD_BITS.exl3).toBe(6);
  });
  it('knobs out of range or missing: undefined, for the caller to explain', () => {
    expect(format('exl2')).toBeUndefined();
    expect(format('exl2', { bpw: 9 })).toBeUndefined();
    expect(format('gptq', { bits: 5 })).toBeUndefined();
    expect(format('awq', { group: 0 })).toBeUndefined();
    expect(format('awq', { bits: 8 })).toBeUndefined(); // AutoAWQ is 4-bit only
    expect(format('q4_k_m')).toBeUndefined(); // a mix, not a type: see gguf-recipes
  });
});

describe('KV-cache element formats', () => {
  it('fp8 1 B (vLLM); q8_0 34 B per 32; q4_0 18 B per 32 (llama.cpp -ctk/-ctv)', () => {
    expect(kvFormat('fp8')!.bitsPerWeight / 8).toBe(1);
    expect(kvFormat('q8_0')!.blockBits / 8).toBe(34);
    expect(kvFormat('q8_0')!.bitsPerWeight / 8).toBe(34 / 32);
    expect(kvFormat('Q4_0')!.bitsPerWeight / 8).toBe(18 / 32);
    expect(kvFormat('f16')!.bitsPerWeight).toBe(16);
    expect(kvFormat('q4_k')).toBeUndefined(); // not a cache type in llama.cpp
  });
});

describe("llama.cpp's mixes (llama-quant.cpp)", () => {
  it('use_more_bits over 32 layers: the first and last four, and every third between', () => {
    const picked = Array.from({ length: 32 }, (_, i) => i).filter((i) => useMoreBits(i, 32));
    expect(picked).toEqual([0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31]);
  });

  const fx = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/gguf-llama-3-8b.json'), 'utf8'));
  const { layers, d, kvDim, ffn, vocab, gqa } = fx.shape;
  const model = { layers, gqa, experts: 0, tiedEmbeddings: false };
  const bytesOf = (type: string, rows: number, cols: number) => tensorBits(format(type)!, rows, cols) / 8;
  /** Every tensor of Llama-3-8B as [role, layer, rows (out), cols (in)]; the 65 1-D norms stay f32. */
  function fileBytes(recipe: GgufRecipe): number {
    const t = (role: GgufTensor['role'], layer: number, rows: number, cols: number) =>
      bytesOf(ggufTensorType(recipe, { role, layer, cols }, model), rows, cols);
    let sum = t('token_embd', 0, vocab, d) + t('output', 0, vocab, d) + (2 * layers + 1) * d * 4;
    for (let i = 0; i < layers; i++)
      sum +=
        t('attn_q', i, d, d) +
        t('attn_k', i, kvDim, d) +
        t('attn_v', i, kvDim, d) +
        t('attn_output', i, d, d) +
        t('ffn_gate', i, ffn, d) +
        t('ffn_up', i, ffn, d) +
        t('ffn_down', i, d, ffn);
    return sum;
  }
  const bf16Tensors =
    (vocab * d * 2 + layers * (2 * d * d + 2 * kvDim * d + 3 * ffn * d)) * 2 + (2 * layers + 1) * d * 4;
  const header = fx.bf16File - bf16Tensors;

  it('the header (tokenizer, metadata) of the bf16 file is a few MB', () => {
    expect(header).toBe(7_835_936);
  });
  it.each(Object.entries(fx.files) as [GgufRecipe, number][])(
    'Llama-3-8B %s: the published file to the byte',
    (recipe, bytes) => {
      expect(fileBytes(recipe) + header).toBe(bytes);
    },
  );
  it.each(Object.entries(fx.roundedGB) as [GgufRecipe, number][])(
    'Llama-3-8B %s: the published %d GB',
    (recipe, gb) => {
      expect(Math.abs((fileBytes(recipe) + header) / 1e9 - gb)).toBeLessThan(0.01);
    },
  );

  it('Q4_K_M: attn_v and ffn_down in Q6_K on use_more_bits layers, output Q6_K, the rest Q4_K', () => {
    const at = (role: GgufTensor['role'], layer: number) =>
      ggufTensorType('Q4_K_M', { role, layer, cols: 4096 }, model);
    expect([at('attn_v', 0), at('attn_v', 4), at('attn_v', 6), at('ffn_down', 31), at('ffn_down', 5)]).toEqual([
      'q6_k',
      'q4_k',
      'q6_k',
      'q6_k',
      'q4_k',
    ]);
    expect([at('output', 0), at('token_embd', 0), at('attn_q', 6), at('ffn_up', 0)]).toEqual([
      'q6_k',
      'q4_k',
      'q4_k',
      'q4_k',
    ]);
  });
  it('8 experts (Mixtral): attn_v and attn_k in Q8_0, attn_output Q5_K', () => {
    const mixtral = { layers: 32, gqa: 4, experts: 8, tiedEmbeddings: false };
    const at = (role: GgufTensor['role']) => ggufTensorType('Q4_K_M', { role, layer: 5, cols: 4096 }, mixtral);
    expect([at('attn_v'), at('attn_k'), at('attn_output'), at('attn_q')]).toEqual(['q8_0', 'q8_0', 'q5_k', 'q4_k']);
  });
  it('MXFP4_MOE: expert tensors MXFP4, everything else (output included) Q8_0', () => {
    const moe = { layers: 24, gqa: 8, experts: 32, tiedEmbeddings: false };
    expect(ggufTensorType('MXFP4_MOE', { role: 'ffn_up', layer: 0, expert: true, cols: 2880 }, moe)).toBe('mxfp4');
    expect(ggufTensorType('MXFP4_MOE', { role: 'attn_q', layer: 0, cols: 2880 }, moe)).toBe('q8_0');
    expect(ggufTensorType('MXFP4_MOE', { role: 'output', layer: 0, cols: 2880 }, moe)).toBe('q8_0');
  });
  it('a row 256 does not divide falls back (2880 = 11.25 × 256): Q4_K → Q5_0, Q6_K → Q8_0, output Q8_0', () => {
    const m = { layers: 24, gqa: 8, experts: 0, tiedEmbeddings: false };
    expect(ggufTensorType('Q4_K_M', { role: 'attn_q', layer: 4, cols: 2880 }, m)).toBe('q5_0');
    expect(ggufTensorType('Q4_K_M', { role: 'attn_v', layer: 0, cols: 2880 }, m)).toBe('q8_0');
    expect(ggufTensorType('Q4_K_M', { role: 'output', layer: 0, cols: 2880 }, m)).toBe('q8_0');
  });
  it('Llama-70B (is70B): Q4_K_M attn_v one step up on the layers use_more_bits skips', () => {
    const m = { layers: 80, gqa: 8, experts: 0, tiedEmbeddings: false, is70B: true };
    expect(ggufTensorType('Q4_K_M', { role: 'attn_v', layer: 11, cols: 8192 }, m)).toBe('q5_k');
    expect(ggufTensorType('Q4_K_M', { role: 'attn_v', layer: 12, cols: 8192 }, m)).toBe('q6_k');
  });
});
