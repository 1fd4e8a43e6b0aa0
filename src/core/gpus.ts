// GPU and accelerator catalogue: typed data, one entry each, with sources. Capacities are what the
// driver reports (nvidia-smi / rocm-smi total memory), in bytes.
//
// Conventions, so that every number here means the same thing:
// - memory: nvidia-smi `memory.total` (MiB × 2^20) or rocm-smi `VRAM Total Memory (B)`; where no driver
//   figure was found the entry says how it is derived from the marketing figure.
// - bandwidth: the datasheet's peak HBM/GDDR bandwidth in bytes/s (decimal: 3.35 TB/s = 3.35e12).
// - flops: peak DENSE FLOP/s (TOPS for int8). Datasheets print the 2:4-sparsity figure first for many
//   tensor dtypes; those are halved here. GeForce cards are listed at their FP32-accumulate tensor rate,
//   which is what mixed-precision training uses (their FP16-accumulate rate is twice that).
// - aliases: 'a100' means the A100 80GB SXM (the common cloud part today); 'h100' the H100 SXM; 'v100' the
//   16GB SXM2. 'a100-40gb', 'a100-80gb', 'h100-pcie', 'v100-32gb' name the others. nvidia-smi product
//   names ('NVIDIA A100-SXM4-80GB') are aliases too, so pasted output resolves.
import { lookup } from './lookup.js';
import type { Dtype } from './spec.js';

export interface Gpu {
  id: string;
  name: string;
  /** Other spellings users type: 'a100', 'a100-80gb', 'h100-sxm'. Matched case- and separator-insensitively. */
  aliases: string[];
  /** Device memory as the driver reports it, bytes. */
  memory: number;
  /** HBM/GDDR bandwidth, bytes per second. */
  bandwidth: number;
  /** Peak dense (no sparsity) FLOP/s per dtype; a missing dtype is not supported natively. */
  flops: Partial<Record<Dtype, number>>;
  source: string;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const T = 1e12;

/** Ampere GA100 tensor rates (A100 datasheet; fp16/bf16/tf32/int8 dense = half the sparse figures). */
const A100_FLOPS = { fp32: 19.5 * T, tf32: 156 * T, fp16: 312 * T, bf16: 312 * T, int8: 624 * T };
/** Hopper SXM5 (H100 whitepaper Table 1, dense): also the H200, which has the same GH100 silicon and clocks. */
const H100_SXM_FLOPS = {
  fp32: 66.9 * T,
  tf32: 494.7 * T,
  fp16: 989.4 * T,
  bf16: 989.4 * T,
  fp8: 1978.9 * T,
  int8: 1978.9 * T,
};
const V100_FLOPS = { fp32: 15.7 * T, fp16: 125 * T }; // SXM2; no bf16/tf32 on Volta, int8 only via DP4A
const SMI = 'nvidia-smi memory.total';

export const GPUS: Gpu[] = [
  {
    id: 'a100-40gb',
    name: 'NVIDIA A100 40GB SXM4',
    aliases: ['a100-40g', 'a100-sxm4-40gb', 'NVIDIA A100-SXM4-40GB'],
    memory: 40960 * MiB,
    bandwidth: 1555e9,
    flops: A100_FLOPS,
    source: `NVIDIA A100 datasheet (1,555 GB/s; 312 TF bf16 dense); ${SMI} 40960 MiB (modal-labs/modal-client#2797)`,
  },
  {
    id: 'a100-80gb',
    name: 'NVIDIA A100 80GB SXM4',
    aliases: ['a100', 'a100-80g', 'a100-sxm4-80gb', 'a100-sxm', 'NVIDIA A100-SXM4-80GB'],
    memory: 81920 * MiB,
    bandwidth: 2039e9,
    flops: A100_FLOPS,
    source: `NVIDIA A100 datasheet (80GB SXM 2,039 GB/s; 312 TF bf16 dense); ${SMI} 81920 MiB (modal-labs/modal-client#2797)`,
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 80GB SXM5',
    aliases: ['h100', 'h100-sxm5', 'h100-80gb', 'h100-80gb-hbm3', 'NVIDIA H100 80GB HBM3'],
    memory: 81559 * MiB,
    bandwidth: 3.35e12,
    flops: H100_SXM_FLOPS,
    source: `NVIDIA H100 datasheet (3.35 TB/s) and Hopper whitepaper Table 1 (989.4 TF bf16 dense); ${SMI} 81559 MiB (NVIDIA/nccl#1264, modal-labs/modal-client#2797)`,
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 80GB PCIe',
    aliases: ['h100-pci', 'NVIDIA H100 PCIe'],
    memory: 81559 * MiB,
    bandwidth: 2.0e12,
    flops: { fp32: 51.2 * T, tf32: 378 * T, fp16: 756.5 * T, bf16: 756.5 * T, fp8: 1513 * T, int8: 1513 * T },
    source: `NVIDIA H100 datasheet (PCIe 2 TB/s; 1,513 TF bf16 is with sparsity) and Hopper whitepaper Table 1 (756.5 dense); ${SMI} 81559 MiB`,
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 141GB SXM',
    aliases: ['h200-sxm', 'h200-141gb', 'NVIDIA H200'],
    memory: 143771 * MiB,
    bandwidth: 4.8e12,
    flops: H100_SXM_FLOPS,
    source: `NVIDIA H200 datasheet (141 GB HBM3e, 4.8 TB/s; same tensor rates as H100 SXM); ${SMI} 143771 MiB`,
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 SXM',
    aliases: ['b200-sxm', 'b200-180gb', 'NVIDIA B200', 'dgx-b200', 'hgx-b200'],
    memory: 183359 * MiB,
    bandwidth: 8e12,
    flops: { fp32: 75 * T, tf32: 1125 * T, fp16: 2250 * T, bf16: 2250 * T, fp8: 4500 * T, int8: 4500 * T },
    source: `NVIDIA HGX/DGX B200 datasheet per GPU (8 TB/s; 4.5 PF bf16 and 9 PF fp8 with sparsity → 2.25 / 4.5 dense; pytorch/ao roofline 2.25e15 bf16; the driver's 7,680-bit bus implies 7.67 TB/s, pytorch/ao#4002); ${SMI} 183359 MiB (NVIDIA/TensorRT-LLM#10278)`,
  },
  {
    id: 'l4',
    name: 'NVIDIA L4',
    aliases: ['l4-24gb', 'NVIDIA L4'],
    memory: 23034 * MiB,
    bandwidth: 300e9,
    flops: { fp32: 30.3 * T, tf32: 60 * T, fp16: 121 * T, bf16: 121 * T, fp8: 242.5 * T, int8: 242.5 * T },
    source: `NVIDIA L4 datasheet (300 GB/s; 242 TF bf16 / 485 TF fp8 with sparsity → half dense); ${SMI} 23034 MiB (modal-labs/modal-client#2797)`,
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    aliases: ['l40s-48gb', 'NVIDIA L40S'],
    memory: 46068 * MiB,
    bandwidth: 864e9,
    flops: { fp32: 91.6 * T, tf32: 183 * T, fp16: 362.05 * T, bf16: 362.05 * T, fp8: 733 * T, int8: 733 * T },
    source: `NVIDIA L40S datasheet (864 GB/s; bf16 362.05 | 733 sparse, fp8 733 | 1,466 sparse); ${SMI} 46068 MiB (modal-labs/modal-client#2797)`,
  },
  {
    id: 'a10g',
    name: 'NVIDIA A10G (AWS)',
    aliases: ['a10g-24gb', 'NVIDIA A10G'],
    memory: 23028 * MiB,
    bandwidth: 600e9,
    flops: { fp32: 35 * T, tf32: 35 * T, fp16: 70 * T, bf16: 70 * T, int8: 140 * T },
    source: `AWS-only GA102 variant; no NVIDIA datasheet: Baseten "NVIDIA A10 vs A10G" spec table (600 GB/s; 70 TF bf16 tensor, 35 TF fp32); ${SMI} 23028 MiB (NVIDIA/DCGM#232)`,
  },
  {
    id: 'a10',
    name: 'NVIDIA A10',
    aliases: ['a10-24gb', 'NVIDIA A10'],
    memory: 23028 * MiB,
    bandwidth: 600e9,
    flops: { fp32: 31.2 * T, tf32: 62.5 * T, fp16: 125 * T, bf16: 125 * T, int8: 250 * T },
    source: `NVIDIA A10 datasheet (600 GB/s; bf16 125 | 250 sparse); ${SMI} 23028 MiB (modal-labs/modal-client#2797)`,
  },
  {
    id: 't4',
    name: 'NVIDIA T4',
    aliases: ['t4-16gb', 'tesla-t4', 'Tesla T4'],
    memory: 15360 * MiB,
    bandwidth: 320e9,
    flops: { fp32: 8.1 * T, fp16: 65 * T, int8: 130 * T },
    source: `NVIDIA T4 datasheet (320 GB/s; 65 TF fp16 mixed precision, 130 TOPS int8; no bf16/tf32 on Turing); ${SMI} 15360 MiB (modal-labs/modal-client#2797)`,
  },
  {
    id: 'v100-16gb',
    name: 'NVIDIA V100 16GB SXM2',
    aliases: ['v100', 'v100-16g', 'v100-sxm2-16gb', 'Tesla V100-SXM2-16GB'],
    memory: 16384 * MiB,
    bandwidth: 900e9,
    flops: V100_FLOPS,
    source: `NVIDIA V100 datasheet (SXM2: 900 GB/s, 15.7 TF fp32, 125 TF fp16 tensor); ${SMI} 16384 MiB with R570 drivers (1CatAI/1Cat-vLLM#85; drivers before ~R450 printed 16160 MiB)`,
  },
  {
    id: 'v100-32gb',
    name: 'NVIDIA V100 32GB SXM2',
    aliases: ['v100-32g', 'v100-sxm2-32gb', 'Tesla V100-SXM2-32GB'],
    memory: 32768 * MiB,
    bandwidth: 900e9,
    flops: V100_FLOPS,
    source: `NVIDIA V100 datasheet (SXM2: 900 GB/s, 125 TF fp16 tensor); ${SMI} 32768 MiB with R525 drivers (Wan-Video/Wan2.1#5; older drivers printed 32510 MiB)`,
  },
  {
    id: 'rtx-3090',
    name: 'NVIDIA GeForce RTX 3090',
    aliases: ['rtx3090', 'NVIDIA GeForce RTX 3090'],
    memory: 24576 * MiB,
    bandwidth: 936e9,
    flops: { fp32: 35.6 * T, tf32: 35.6 * T, fp16: 71 * T, bf16: 71 * T, int8: 284 * T },
    source: `NVIDIA Ampere GA102 whitepaper Appendix A (936 GB/s; fp16/bf16 tensor with FP32 accumulate 71 TF dense, 142 with FP16 accumulate); ${SMI} 24576 MiB (noonghunna/club-3090#390)`,
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: ['rtx4090', 'NVIDIA GeForce RTX 4090'],
    memory: 24564 * MiB,
    bandwidth: 1008e9,
    flops: { fp32: 82.6 * T, tf32: 82.6 * T, fp16: 165.2 * T, bf16: 165.2 * T, fp8: 330.3 * T, int8: 660.6 * T },
    source: `NVIDIA Ada AD102 whitepaper Appendix A (1,008 GB/s; fp16/bf16 tensor with FP32 accumulate 165.2 TF dense, fp8 330.3); ${SMI} 24564 MiB (vllm-project/vllm#7553)`,
  },
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
    flops: { fp32: 163.4 * T, tf32: 653.7 * T, fp16: 1307.4 * T, bf16: 1307.4 * T, fp8: 2614.9 * T, int8: 2614.9 * T },
    source:
      'AMD Instinct MI300X datasheet (192 GB HBM3, 5.3 TB/s; 1,307.4 TF bf16 and 2,614.9 TF fp8 dense, twice that with sparsity); rocm-smi VRAM Total Memory 205,822,885,888 B',
  },
  {
    // TPU capacities: no driver figure found; HBM stacks are binary-sized, so Google's "32 GiB" / "16 GB" /
    // "95 GB" are taken as GiB (× 2^30).
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
];

const key = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
/** Look a GPU up by id or alias, ignoring case and separators. */
export const findGpu = lookup(GPUS, key);
