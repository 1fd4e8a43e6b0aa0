// Bytes per element of each dtype, and the per-parameter cost of quantization scales.
import type { Explainer } from './explainer.js';
import type { Dtype } from './spec.js';

/** Storage bytes per element (IEEE 754 / OCP FP8 widths; int4 and nf4 pack two values per byte). */
export const BYTES: Record<Dtype, number> = {
  fp32: 4,
  tf32: 4,
  fp16: 2,
  bf16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
  nf4: 0.5,
};

/** Integer / NormalFloat weight formats: compute happens in bf16, trainable tensors are kept in bf16. */
export const isQuantized = (d: Dtype): boolean => d === 'int8' || d === 'int4' || d === 'nf4';

/** Scale bytes per parameter for a quantized weight format. */
// nf4: QLoRA (Dettmers et al. 2023) §3, blocksize 64 with an fp32 absmax → 4/64 B; int4: GPTQ/AWQ group 128, fp16 scale + zero → 4/128 B.
export function scaleBytes(d: Dtype): number {
  if (d === 'nf4') return 4 / 64;
  if (d === 'int4') return 4 / 128;
  return 0; // int8 per-channel and fp8 per-tensor scales: negligible
}

/** Bytes one stored weight costs, scales included. */
export const weightBytes = (d: Dtype): number => BYTES[d] + scaleBytes(d);

/**
 * Bytes of a trainable weight and of its gradient: quantized bases train bf16 tensors (LoRA adapters), and
 * fp8 training keeps bf16 weights and gradients, casting to fp8 only inside the matmuls (Transformer Engine).
 */
export const trainableBytes = (d: Dtype): number => (isQuantized(d) || d === 'fp8' ? 2 : BYTES[d]);

/** Activation bytes: 4 for fp32/tf32 training, else 2 (fp8 and integer formats compute and store bf16). */
export const activationBytes = (d: Dtype): number => (d === 'fp32' || d === 'tf32' ? 4 : 2);

const QUANTIZED_NOTE =
  'quantized: the weight matrices of the blocks (or of a network); embeddings, norms, biases and the LM head stay bf16, as bitsandbytes, GPTQ and AWQ leave them';

const DTYPE_NOTES: Record<Dtype, readonly string[]> = {
  nf4: [
    'nf4 weights: 0.5 B + an fp32 absmax per 64-weight block (bitsandbytes default, QLoRA §3) = 0.5625 B/param; double quantization would make the scales ~0.0159 B/param',
    QUANTIZED_NOTE,
  ],
  int4: ['int4 weights: 0.5 B + an fp16 scale and zero per group of 128 (GPTQ/AWQ) = 0.53125 B/param', QUANTIZED_NOTE],
  int8: ['int8 weights: 1 B/param (per-channel scales negligible)', QUANTIZED_NOTE],
  fp8: ['fp8 weights: 1 B/param (per-tensor scales negligible)'],
  fp32: ['fp32 weights: 4 B/param'],
  tf32: ['tf32 weights: 4 B/param'],
  fp16: ['fp16 weights: 2 B/param'],
  bf16: ['bf16 weights: 2 B/param'],
};

// Micikevicius et al. 2022 (FP8 Formats for Deep Learning) §4: fp8 GEMM inputs, higher-precision weights and master copy.
const FP8_TRAINING = [
  'fp8 training: weights and gradients in bf16 (2 B/param each), fp8 only inside the matmuls, as Transformer Engine trains (Micikevicius et al. 2022)',
] as const;

/** Words for Estimate.assumptions about the weight format (one list per dtype, shared: read it, do not change it). */
export const dtypeNotes = (d: Dtype, fullTraining = false): readonly string[] =>
  fullTraining && d === 'fp8' ? FP8_TRAINING : DTYPE_NOTES[d];

export const DTYPES_EXPLAINER: Explainer = {
  topic: 'dtypes',
  aliases: ['bytes', 'precision', 'quantization', 'dtype'],
  title: 'Bytes per parameter',
  formula: 'weight bytes = params · (bytes(dtype) + scale bytes)',
  source:
    'fp32/tf32 4, fp16/bf16 2, fp8/int8 1, int4/nf4 0.5; nf4 scales: QLoRA (Dettmers et al. 2023) §3 (fp32 absmax per 64); int4: GPTQ/AWQ group 128 (fp16 scale + zero)',
  substitute(spec, est) {
    const d = spec.dtype;
    const lines = [`${d}: ${BYTES[d]} + ${scaleBytes(d)} = ${weightBytes(d)} B/param`];
    const n = spec.lora ? est.params.total - est.params.trainable : est.params.total;
    lines.push(`${spec.lora ? 'frozen base' : 'whole model'}: ${n} · ${weightBytes(d)} = ${n * weightBytes(d)} B`);
    return lines;
  },
};
