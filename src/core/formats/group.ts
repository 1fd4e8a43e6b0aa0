// Group-quantized integer weights (GPTQ, AWQ), bitsandbytes (LLM.int8(), NF4) and ExLlama's EXL2/EXL3,
// each as its reference implementation stores the tensors.
import { type Format, makeFormat } from './types.js';

/** GPTQ as AutoGPTQ stores it: b-bit weights packed in int32, per group of g input channels an fp16 scale and a b-bit zero, a g_idx per input channel. */
// AutoGPTQ QuantLinear buffers: qweight int32 [in·b/32, out], qzeros int32 [in/g, out·b/32], scales fp16 [in/g, out], g_idx int32 [in].
export function gptq(bits: number, group: number): Format {
  return makeFormat({
    id: `gptq-int${bits}-g${group}`,
    name: `GPTQ int${bits} g${group}`,
    family: 'group',
    blockSize: group,
    fields: [
      { name: 'qweight', bits: group * bits, what: `${group} ${bits}-bit weights packed in int32` },
      { name: 'scales', bits: 16, what: 'fp16 group scale' },
      { name: 'qzeros', bits, what: `${bits}-bit zero point packed in int32` },
    ],
    perColumnBits: 32,
    compute: 'bf16',
    note: 'plus g_idx, one int32 per input channel (act-order)',
    source:
      'AutoGPTQ (AutoGPTQ/AutoGPTQ) QuantLinear: qweight int32 [in·b/32, out], qzeros int32 [in/g, out·b/32], scales fp16 [in/g, out], g_idx int32 [in]; group 128 is the default of GPTQ (Frantar et al. 2022) releases',
  });
}

/** AWQ as AutoAWQ's GEMM kernels store it: 4-bit weights, per group an fp16 scale and a packed 4-bit zero. */
export function awq(group: number): Format {
  return makeFormat({
    id: `awq-int4-g${group}`,
    name: `AWQ int4 g${group}`,
    family: 'group',
    blockSize: group,
    fields: [
      { name: 'qweight', bits: group * 4, what: `${group} 4-bit weights packed in int32` },
      { name: 'scales', bits: 16, what: 'fp16 group scale' },
      { name: 'qzeros', bits: 4, what: '4-bit zero point packed in int32' },
    ],
    compute: 'bf16',
    source:
      'AutoAWQ (casper-hansen/AutoAWQ) WQLinear_GEMM: qweight int32 [in, out/8], qzeros int32 [in/g, out/8], scales fp16 [in/g, out]; 4-bit only; q_group_size 128 in AWQ (Lin et al. 2023) releases',
  });
}

export const BNB_INT8 = makeFormat({
  id: 'int8',
  name: 'int8 (LLM.int8())',
  family: 'bitsandbytes',
  blockSize: 1,
  fields: [{ name: 'CB', bits: 8, what: 'int8 weight' }],
  perRowBits: 32,
  compute: 'bf16',
  note: 'plus SCB, one fp32 absmax per output row',
  source:
    'bitsandbytes Int8Params (load_in_8bit): CB int8 [out, in] and SCB fp32 [out]; LLM.int8() (Dettmers et al. 2022) vector-wise quantization',
});

/** bitsandbytes NF4 (blocksize 64, fp32 absmax), with QLoRA's double quantization: 8-bit absmax, an fp32 scale per 256 of them. */
export function nf4(doubleQuant: boolean): Format {
  if (!doubleQuant)
    return makeFormat({
      id: 'nf4',
      name: 'NF4',
      family: 'bitsandbytes',
      blockAxis: 'flat',
      blockSize: 64,
      fields: [
        { name: 'data', bits: 64 * 4, what: '64 NF4 values' },
        { name: 'absmax', bits: 32, what: 'fp32 block absmax' },
      ],
      compute: 'bf16',
      source:
        'bitsandbytes Params4bit (quant_type nf4, blocksize 64); QLoRA (Dettmers et al. 2023) §3: 32/64 = 0.5 bits of scales',
    });
  return makeFormat({
    id: 'nf4-dq',
    name: 'NF4 + double quant',
    family: 'bitsandbytes',
    blockAxis: 'flat',
    blockSize: 64 * 256,
    fields: [
      { name: 'data', bits: 64 * 256 * 4, what: '256 blocks of 64 NF4 values' },
      { name: 'absmax', bits: 256 * 8, what: '256 8-bit block absmaxes' },
      { name: 'absmax scale', bits: 32, what: 'fp32 scale of those 256' },
    ],
    compute: 'bf16',
    source:
      'QLoRA (Dettmers et al. 2023) §3 Double Quantization: 8/64 + 32/(64·256) = 0.127 bits of scales; bitsandbytes bnb_4bit_use_double_quant',
  });
}

const EXL2_HEAD_BPW = 0.15 * 8 + 0.85 * 6 + 4 / 128; // -hb 6: QParams(128, [8, 6], [0.15, 0.85], 4) → ≈ 6.33

/** EXL2 at a stated average bpw: ExLlamaV2's quantizer mixes 2–8-bit groups to hit it, scales counted. */
export function exl2(bpw: number): Format {
  return makeFormat({
    id: `exl2-${bpw}`,
    name: `EXL2 ${bpw} bpw`,
    family: 'exllama',
    blockSize: 1,
    fields: [{ name: 'q', bits: bpw, what: 'mixed 2–8-bit groups with 4-bit scales, averaged' }],
    perColumnBits: 32,
    compute: 'fp16',
    note: `lm_head at ${+EXL2_HEAD_BPW.toFixed(4)} bpw (-hb 6); plus q_invperm, one int32 per input channel`,
    source:
      'turboderp/exllamav2 conversion/qparams.py QParams.total_bits (q_weight + q_scale 4 bits per group and column + q_scale_max + q_groups + q_invperm 32 bits per input row) and doc/convert.md (-b average bits per weight, -hb 6 ≈ 6.3 for the head)',
  });
}

/** EXL3 at a stated average bpw: QTIP-style trellis codes of 1–8 bits per weight, mixed across layers. */
export function exl3(bpw: number): Format {
  return makeFormat({
    id: `exl3-${bpw}`,
    name: `EXL3 ${bpw} bpw`,
    family: 'exllama',
    blockSize: 1,
    fields: [{ name: 'trellis', bits: bpw, what: '1–8-bit trellis codes, layers mixed to the average' }],
    perRowBits: 16,
    perColumnBits: 16,
    compute: 'fp16',
    note: 'lm_head at 6 bpw (-hb default); plus fp16 sign vectors per input and output channel',
    source:
      'turboderp-org/exllamav3 doc/exl3.md (QTIP variant) and conversion/convert_model.py (-b bits per weight, head_bits default 6); LinearEXL3 stores trellis, suh/svh per channel',
  });
}

/** Bits of the output layer (lm_head) that EXL2/EXL3 quantize separately at their -hb default. */
export const EXL_HEAD_BITS = { exl2: EXL2_HEAD_BPW, exl3: 6 } as const;
