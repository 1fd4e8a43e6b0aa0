// Bytes per element of each dtype, and what training and activations keep in it. What a stored weight
// costs with its block scales is the formats module's (formats/), applied tensor by tensor in weights.ts.
import type { Dtype } from './spec.js';

/** Storage bytes per element (IEEE 754 / OCP FP8 widths; fp4, int4 and nf4 pack two values per byte), scales not included. */
export const BYTES: Record<Dtype, number> = {
  fp32: 4,
  tf32: 4,
  fp16: 2,
  bf16: 2,
  fp8: 1,
  fp4: 0.5,
  int8: 1,
  int4: 0.5,
  nf4: 0.5,
};

/** Integer / NormalFloat weight formats: compute happens in bf16, trainable tensors are kept in bf16. */
export const isQuantized = (d: Dtype): boolean => d === 'int8' || d === 'int4' || d === 'nf4';

/**
 * Bytes of a trainable weight and of its gradient: quantized bases train bf16 tensors (LoRA adapters), and
 * fp8 training keeps bf16 weights and gradients, casting to fp8 only inside the matmuls (Transformer Engine).
 */
export const trainableBytes = (d: Dtype): number => (isQuantized(d) || d === 'fp8' || d === 'fp4' ? 2 : BYTES[d]);

/** Activation bytes: 4 for fp32/tf32 training, else 2 (fp8 and integer formats compute and store bf16). */
export const activationBytes = (d: Dtype): number => (d === 'fp32' || d === 'tf32' ? 4 : 2);

const DTYPE_NOTES: Partial<Record<Dtype, readonly string[]>> = {
  fp32: ['fp32 weights: 4 B/param'],
  tf32: ['tf32 weights: 4 B/param'],
  fp16: ['fp16 weights: 2 B/param'],
  bf16: ['bf16 weights: 2 B/param'],
};

// Micikevicius et al. 2022 (FP8 Formats for Deep Learning) §4: fp8 GEMM inputs, higher-precision weights and master copy;
// NVFP4 pretraining (NVIDIA 2025, arXiv:2509.25149) keeps the same bf16 weights with fp4 GEMM inputs.
const LOW_PRECISION_TRAINING = (d: 'fp8' | 'fp4') =>
  `${d} training: weights and gradients in bf16 (2 B/param each), ${d} only inside the matmuls, as Transformer Engine trains (Micikevicius et al. 2022)`;
const FP8_TRAINING = [LOW_PRECISION_TRAINING('fp8')] as const;
const FP4_TRAINING = [LOW_PRECISION_TRAINING('fp4')] as const;

/**
 * Words for a plain float dtype's weights and for fp8/fp4 training (one list per dtype, shared: read it, do not
 * change it); null for a stored format, which weights.ts words from its layout.
 */
export function dtypeNotes(d: Dtype, fullTraining = false): readonly string[] | null {
  if (fullTraining && d === 'fp8') return FP8_TRAINING;
  if (fullTraining && d === 'fp4') return FP4_TRAINING;
  return DTYPE_NOTES[d] ?? null;
}
