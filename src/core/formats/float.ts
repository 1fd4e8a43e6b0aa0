// Plain floating-point weights and the OCP microscaling / NVIDIA block-scaled 4-bit formats.
import { makeFormat } from './types.js';

const plain = (id: string, name: string, bits: number, compute: 'fp32' | 'bf16' | 'fp16', source: string) =>
  makeFormat({
    id,
    name,
    family: 'float',
    blockSize: 1,
    fields: [{ name: 'x', bits, what: `${name} value` }],
    compute,
    source,
  });

export const FLOAT_FORMATS = [
  plain('fp32', 'fp32', 32, 'fp32', 'IEEE 754 binary32'),
  plain('bf16', 'bf16', 16, 'bf16', 'bfloat16: binary32 with 16 mantissa bits dropped'),
  plain('fp16', 'fp16', 16, 'fp16', 'IEEE 754 binary16'),
  makeFormat({
    id: 'fp8',
    name: 'FP8',
    family: 'float',
    blockSize: 1,
    fields: [{ name: 'x', bits: 8, what: 'E4M3 value' }],
    perTensorBits: 32,
    compute: 'fp8',
    note: 'one fp32 scale per tensor',
    source:
      'OCP 8-bit Floating Point Specification (OFP8) E4M3; per-tensor fp32 scale as vLLM and Transformer Engine store it',
  }),
  makeFormat({
    id: 'mxfp4',
    name: 'MXFP4',
    family: 'microscaling',
    blockSize: 32,
    fields: [
      { name: 'elements', bits: 32 * 4, what: '32 FP4 E2M1 values' },
      { name: 'scale', bits: 8, what: 'shared E8M0 power-of-two scale' },
    ],
    compute: 'fp4',
    source:
      'OCP Microscaling Formats (MX) Specification v1.0 §5: k = 32, E2M1 elements, E8M0 scale; ggml block_mxfp4 (1 + 16 B per 32) in ggml-common.h @ 01243c5',
  }),
  makeFormat({
    id: 'nvfp4',
    name: 'NVFP4',
    family: 'microscaling',
    blockSize: 16,
    fields: [
      { name: 'elements', bits: 16 * 4, what: '16 FP4 E2M1 values' },
      { name: 'scale', bits: 8, what: 'FP8 E4M3 block scale' },
    ],
    perTensorBits: 32,
    compute: 'fp4',
    note: 'plus one fp32 second-level scale per tensor',
    source:
      'NVIDIA NVFP4 (Blackwell; TensorRT Model Optimizer): E2M1 values, one E4M3 scale per 16, one fp32 per-tensor scale; ggml block_nvfp4 (4 E4M3 scales + 32 B per 64) in ggml-common.h @ 01243c5',
  }),
];
