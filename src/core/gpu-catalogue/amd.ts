// AMD Instinct accelerators. Conventions in ../gpus.ts. Where no rocm-smi figure was found, memory is
// the ROCm GPU-specifications table's VRAM in GiB × 2^30 (HBM stacks are binary-sized).
import type { Gpu } from '../gpus.js';

const GiB = 2 ** 30;
const T = 1e12;

/** CDNA3 (MI300X and MI325X share the compute dies and clocks): dense matrix rates, half the sparse ones. */
const CDNA3_FLOPS = {
  fp32: 163.4 * T,
  tf32: 653.7 * T,
  fp16: 1307.4 * T,
  bf16: 1307.4 * T,
  fp8: 2614.9 * T,
  int8: 2614.9 * T,
};

export const AMD: Gpu[] = [
  {
    // An MI250X module is two GCDs that software sees as two devices of 64 GiB each; one entry = one GCD,
    // so `gpus` counts GCDs (a Frontier/LUMI node = 4 modules = 8 devices). Per-GCD rates = module / 2.
    id: 'mi250x',
    name: 'AMD Instinct MI250X (one GCD; a module has two)',
    aliases: ['mi250x-gcd', 'amd-mi250x', 'AMD Instinct MI250X'],
    memory: 68_702_699_520,
    bandwidth: 1.6384e12,
    flops: { fp32: 47.85 * T, fp16: 191.5 * T, bf16: 191.5 * T, int8: 191.5 * T },
    source:
      'AMD Instinct MI250X datasheet per module (128 GB, 3.2768 TB/s, 95.7 TF fp32 matrix, 383 TF fp16/bf16, 383 TOPS int8), halved per GCD; HIP total memory 68,702,699,520 B per GCD (Cray ACC runtime log)',
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    aliases: ['mi300', 'amd-mi300x', 'AMD Instinct MI300X'],
    memory: 205_822_885_888,
    bandwidth: 5.3e12,
    flops: CDNA3_FLOPS,
    source:
      'AMD Instinct MI300X datasheet (192 GB HBM3, 5.3 TB/s; 1,307.4 TF bf16 and 2,614.9 TF fp8 dense, twice that with sparsity); rocm-smi VRAM Total Memory 205,822,885,888 B',
  },
  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X',
    aliases: ['amd-mi325x', 'AMD Instinct MI325X'],
    memory: 256 * GiB,
    bandwidth: 6e12,
    flops: CDNA3_FLOPS,
    source:
      'AMD Instinct MI325X datasheet (256 GB HBM3E, 6 TB/s; MI300X compute: 1,307.4 TF bf16, 2,614.9 TF fp8 dense, 5,229.8 with sparsity); memory derived as 256 × 2^30 (ROCm GPU specifications: 256 GiB VRAM; no driver figure found)',
  },
  {
    // CDNA4 has no TF32 matrix path (ROCm Compute Profiler data-type table), so fp32 training runs at the
    // FP32 matrix rate here.
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    aliases: ['amd-mi355x', 'AMD Instinct MI355X'],
    memory: 288 * GiB,
    bandwidth: 8e12,
    flops: { fp32: 157.3 * T, fp16: 2516.6 * T, bf16: 2516.6 * T, fp8: 5033.2 * T, int8: 5033.2 * T, fp4: 10066.3 * T },
    source:
      'AMD Instinct MI355X datasheet (288 GB HBM3E, 8 TB/s; dense: fp16/bf16 2.5 PF, fp8 and int8 5 PF, MXFP4/MXFP6 10 PF, fp32 matrix 157.3 TF = 256 CUs × 4,096 / 8,192 / 16,384 / 256 FLOP per clock × 2.4 GHz, ISSCC 2026); memory derived as 288 × 2^30 (ROCm GPU specifications: 288 GiB VRAM; no driver figure found)',
  },
];
