// Google TPUs (per chip) and Intel Gaudi. Conventions in ../gpus.ts.
import type { Gpu } from '../gpus.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const T = 1e12;

// TPU capacities: no driver figure found; HBM stacks are binary-sized, so Google's "32 GiB" / "16 GB" /
// "95 GB" / "32 GB" are taken as GiB (× 2^30).
export const TPU_GAUDI: Gpu[] = [
  {
    id: 'tpu-v4',
    name: 'Google TPU v4 (per chip)',
    aliases: ['tpuv4'],
    memory: 32 * GiB,
    bandwidth: 1200e9,
    flops: { bf16: 275 * T, int8: 275 * T },
    source: 'Cloud TPU v4 docs (32 GiB HBM2, 1,200 GB/s, 275 TF bf16/int8 per chip); memory derived as 32 × 2^30',
  },
  {
    id: 'tpu-v5e',
    name: 'Google TPU v5e (per chip)',
    aliases: ['tpuv5e', 'v5e', 'v5litepod', 'tpu-v5-lite'],
    memory: 16 * GiB,
    bandwidth: 819e9,
    flops: { bf16: 197 * T, int8: 393 * T },
    source:
      'Cloud TPU v5e docs (16 GB HBM2, 819 GB/s, 197 TF bf16, 393 TOPS int8 per chip); memory derived as 16 × 2^30',
  },
  {
    id: 'tpu-v5p',
    name: 'Google TPU v5p (per chip)',
    aliases: ['tpuv5p', 'v5p'],
    memory: 95 * GiB,
    bandwidth: 2765e9,
    flops: { bf16: 459 * T, int8: 918 * T },
    source:
      'Cloud TPU v5p docs (95 GB HBM2e, 2,765 GB/s, 459 TF bf16 per chip; int8 918 TOPS); memory derived as 95 × 2^30',
  },
  {
    id: 'tpu-v6e',
    name: 'Google TPU v6e Trillium (per chip)',
    aliases: ['tpuv6e', 'v6e', 'trillium', 'tpu-trillium'],
    memory: 32 * GiB,
    bandwidth: 1638e9,
    flops: { bf16: 918 * T, int8: 1836 * T },
    source:
      'Cloud TPU v6e docs, system architecture table (32 GB HBM, 1,638 GBps, 918 TF bf16, 1,836 TOPS int8 per chip); memory derived as 32 × 2^30',
  },
  {
    // The MME runs bf16 and fp8 at one rate; no fp16/fp32 figure is published, so those fall back to bf16.
    id: 'gaudi-3',
    name: 'Intel Gaudi 3 (HL-325L OAM)',
    aliases: ['gaudi3', 'intel-gaudi-3', 'hl-325l', 'HL-325L'],
    memory: 131072 * MiB,
    bandwidth: 3.7e12,
    flops: { bf16: 1835 * T, fp8: 1835 * T },
    source:
      'Intel Gaudi 3 white paper and Hot Chips 2024 spec table (128 GB HBM2e, 3.7 TB/s, 3.67 at Hot Chips; 1,835 TF bf16 and fp8 matrix, dense); hl-smi memory.total 131072 MiB (public hl-smi output)',
  },
];
