// GGUF (ggml) block types, each the struct in ggml/src/ggml-common.h (ggml-org/llama.cpp @ 01243c5):
// a block of QK weights with its scales; sizeof(block) × 8 / QK = bits per weight.
import { type Field, type Format, makeFormat } from './types.js';

const SRC = 'ggml-org/llama.cpp ggml/src/ggml-common.h @ 01243c5';
const QK_K = 256;
const B = (bytes: number) => bytes * 8;
const f16 = (name: string, what: string): Field => ({ name, bits: 16, what: `fp16 ${what}` });
const bytes = (name: string, n: number, what: string): Field => ({ name, bits: B(n), what });

function gguf(id: string, struct: string, blockSize: number, fields: Field[]): Format {
  return makeFormat({
    id,
    name: id.toUpperCase(),
    family: 'gguf',
    blockSize,
    fields,
    compute: 'fp16', // llama.cpp dequantizes to fp16 for its GEMMs (its int8 MMQ path is not modelled)
    source: `${SRC}, struct ${struct}`,
  });
}

/** llama.cpp's types, by their ggml names in lower case. */
export const GGUF_TYPES: Format[] = [
  gguf('q4_0', 'block_q4_0', 32, [f16('d', 'delta'), bytes('qs', 16, '32 4-bit quants')]),
  gguf('q4_1', 'block_q4_1', 32, [f16('d', 'delta'), f16('m', 'min'), bytes('qs', 16, '32 4-bit quants')]),
  gguf('q5_0', 'block_q5_0', 32, [f16('d', 'delta'), bytes('qh', 4, '5th bits'), bytes('qs', 16, 'low 4 bits')]),
  gguf('q5_1', 'block_q5_1', 32, [
    f16('d', 'delta'),
    f16('m', 'min'),
    bytes('qh', 4, '5th bits'),
    bytes('qs', 16, 'low 4 bits'),
  ]),
  gguf('q8_0', 'block_q8_0', 32, [f16('d', 'delta'), bytes('qs', 32, '32 int8 quants')]),
  gguf('q2_k', 'block_q2_K', QK_K, [
    bytes('scales', QK_K / 16, '4-bit scales and mins of 16 sub-blocks'),
    bytes('qs', QK_K / 4, '2-bit quants'),
    f16('d', 'super-block scale'),
    f16('dmin', 'super-block min scale'),
  ]),
  gguf('q3_k', 'block_q3_K', QK_K, [
    bytes('hmask', QK_K / 8, 'high bits'),
    bytes('qs', QK_K / 4, 'low 2 bits'),
    bytes('scales', 12, '6-bit scales of 16 sub-blocks'),
    f16('d', 'super-block scale'),
  ]),
  gguf('q4_k', 'block_q4_K', QK_K, [
    f16('d', 'super-block scale'),
    f16('dmin', 'super-block min scale'),
    bytes('scales', 12, '6-bit scales and mins of 8 sub-blocks'),
    bytes('qs', QK_K / 2, '4-bit quants'),
  ]),
  gguf('q5_k', 'block_q5_K', QK_K, [
    f16('d', 'super-block scale'),
    f16('dmin', 'super-block min scale'),
    bytes('scales', 12, '6-bit scales and mins of 8 sub-blocks'),
    bytes('qh', QK_K / 8, 'high bits'),
    bytes('qs', QK_K / 2, 'low 4 bits'),
  ]),
  gguf('q6_k', 'block_q6_K', QK_K, [
    bytes('ql', QK_K / 2, 'low 4 bits'),
    bytes('qh', QK_K / 4, 'high 2 bits'),
    bytes('scales', QK_K / 16, '8-bit scales of 16 sub-blocks'),
    f16('d', 'super-block scale'),
  ]),
  gguf('q8_k', 'block_q8_K', QK_K, [
    { name: 'd', bits: 32, what: 'fp32 delta' },
    bytes('qs', QK_K, 'int8 quants'),
    bytes('bsums', (QK_K / 16) * 2, 'int16 sums of 16 groups'),
  ]),
  gguf('iq2_xxs', 'block_iq2_xxs', QK_K, [
    f16('d', 'scale'),
    bytes('qs', (QK_K / 8) * 2, 'grid indices, signs, scales'),
  ]),
  gguf('iq2_xs', 'block_iq2_xs', QK_K, [
    f16('d', 'scale'),
    bytes('qs', (QK_K / 8) * 2, 'grid indices and signs'),
    bytes('scales', QK_K / 32, '4-bit sub-block scales'),
  ]),
  gguf('iq2_s', 'block_iq2_s', QK_K, [
    f16('d', 'scale'),
    bytes('qs', QK_K / 4, 'grid indices and signs'),
    bytes('qh', QK_K / 32, 'high index bits'),
    bytes('scales', QK_K / 32, '4-bit sub-block scales'),
  ]),
  gguf('iq3_xxs', 'block_iq3_xxs', QK_K, [
    f16('d', 'scale'),
    bytes('qs', (3 * QK_K) / 8, 'grid indices, signs, scales'),
  ]),
  gguf('iq3_s', 'block_iq3_s', QK_K, [
    f16('d', 'scale'),
    bytes('qs', QK_K / 4, 'grid indices'),
    bytes('qh', QK_K / 32, 'high index bits'),
    bytes('signs', QK_K / 8, 'signs'),
    bytes('scales', QK_K / 64, '4-bit sub-block scales'),
  ]),
  gguf('iq1_s', 'block_iq1_s', QK_K, [
    f16('d', 'scale'),
    bytes('qs', QK_K / 8, 'grid index low bits'),
    bytes('qh', (QK_K / 32) * 2, 'grid index high bits, scales, shift'),
  ]),
  gguf('iq1_m', 'block_iq1_m', QK_K, [
    bytes('qs', QK_K / 8, 'grid index low bits'),
    bytes('qh', QK_K / 16, 'grid index high bits and shift'),
    bytes('scales', QK_K / 32, '3-bit scales with the fp16 super-scale packed in'),
  ]),
  gguf('iq4_nl', 'block_iq4_nl', 32, [f16('d', 'scale'), bytes('qs', 16, '4-bit non-linear quants')]),
  gguf('iq4_xs', 'block_iq4_xs', QK_K, [
    f16('d', 'super-block scale'),
    bytes('scales_h', 2, 'high scale bits'),
    bytes('scales_l', QK_K / 64, 'low scale bits'),
    bytes('qs', QK_K / 2, '4-bit non-linear quants'),
  ]),
  gguf('f16', 'ggml_fp16_t', 1, [f16('x', 'value')]),
  gguf('bf16', 'ggml_bf16_t', 1, [{ name: 'x', bits: 16, what: 'bf16 value' }]),
  gguf('f32', 'float', 1, [{ name: 'x', bits: 32, what: 'fp32 value' }]),
];
