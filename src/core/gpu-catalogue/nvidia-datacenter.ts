// NVIDIA data-centre GPUs: Ampere, Hopper, Blackwell and Ada data-centre cards. Conventions in ../gpus.ts.
import type { Gpu } from '../gpus.js';

const MiB = 2 ** 20;
const T = 1e12;
const SMI = 'nvidia-smi memory.total';

/** Ampere GA100 tensor rates (A100 datasheet; fp16/bf16/tf32/int8 dense = half the sparse figures). */
const A100_FLOPS = { fp32: 19.5 * T, tf32: 156 * T, fp16: 312 * T, bf16: 312 * T, int8: 624 * T };
/** Hopper SXM5 (H100 whitepaper Table 1, dense): also the H200 and GH200, which have the same GH100 silicon and clocks. */
const H100_SXM_FLOPS = {
  fp32: 66.9 * T,
  tf32: 494.7 * T,
  fp16: 989.4 * T,
  bf16: 989.4 * T,
  fp8: 1978.9 * T,
  int8: 1978.9 * T,
};
const V100_FLOPS = { fp32: 15.7 * T, fp16: 125 * T }; // SXM2; no bf16/tf32 on Volta, int8 only via DP4A

export const NVIDIA_DATACENTER: Gpu[] = [
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
    source: `NVIDIA H100 datasheet (3.35 TB/s) and Hopper whitepaper Table 1 (989.4 TF bf16, 1,978.9 TF fp8/int8 dense); ${SMI} 81559 MiB (NVIDIA/nccl#1264, modal-labs/modal-client#2797)`,
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
    // The export-compliant Hopper: 78 of GH100's SMs, so ~15% of H100's tensor rate, but H100-class HBM.
    id: 'h20',
    name: 'NVIDIA H20 96GB',
    aliases: ['h20-96gb', 'NVIDIA H20'],
    memory: 97871 * MiB,
    bandwidth: 4.0e12,
    flops: { fp32: 44 * T, tf32: 74 * T, fp16: 148 * T, bf16: 148 * T, fp8: 296 * T, int8: 296 * T },
    source: `NVIDIA H20 spec sheet (96 GB HBM3, 4.0 TB/s; fp8 296 TF, bf16 148 TF, tf32 74 TF, fp32 44 TF, int8 296 TOPS, dense); ${SMI} 97871 MiB (public nvidia-smi output)`,
  },
  {
    // One GPU of a Grace Hopper superchip; the Grace CPU's LPDDR5X is not GPU memory here.
    id: 'gh200-96gb',
    name: 'NVIDIA GH200 96GB HBM3 (GPU of the superchip)',
    aliases: ['gh200', 'gh200-96g', 'gh200-480gb', 'gh200-120gb', 'NVIDIA GH200 480GB', 'NVIDIA GH200 120GB'],
    memory: 97871 * MiB,
    bandwidth: 4.0e12,
    flops: H100_SXM_FLOPS,
    source: `NVIDIA GH200 datasheet (96 GB HBM3, 4 TB/s; fp8 3,958 TF and bf16 1,979 TF with sparsity → H100 SXM dense rates); ${SMI} 97871 MiB ("NVIDIA GH200 480GB", public nvidia-smi output)`,
  },
  {
    id: 'gh200-144gb',
    name: 'NVIDIA GH200 144GB HBM3e (GPU of the superchip)',
    aliases: ['gh200-144g', 'gh200-hbm3e', 'NVIDIA GH200 144G HBM3e'],
    memory: 146831 * MiB,
    bandwidth: 4.9e12,
    flops: H100_SXM_FLOPS,
    source: `NVIDIA GH200 datasheet (144 GB HBM3e, 4.9 TB/s; H100 SXM tensor rates); ${SMI} 146831 MiB ("NVIDIA GH200 144G HBM3e", public nvidia-smi output)`,
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 SXM',
    aliases: ['b200-sxm', 'b200-180gb', 'NVIDIA B200', 'dgx-b200', 'hgx-b200'],
    memory: 183359 * MiB,
    bandwidth: 8e12,
    flops: {
      fp32: 75 * T,
      tf32: 1125 * T,
      fp16: 2250 * T,
      bf16: 2250 * T,
      fp8: 4500 * T,
      int8: 4500 * T,
      fp4: 9000 * T,
    },
    source: `NVIDIA HGX/DGX B200 datasheet per GPU (8 TB/s; 8 GPUs: fp4 144 PF sparse | 72 PF dense → 9 PF, fp8 72 PF and bf16 36 PF with sparsity → 4.5 / 2.25 dense; pytorch/ao roofline 2.25e15 bf16; the driver's 7,680-bit bus implies 7.67 TB/s, pytorch/ao#4002); ${SMI} 183359 MiB (NVIDIA/TensorRT-LLM#10278)`,
  },
  {
    // Blackwell Ultra: more fp4 and HBM than B200, the same fp8/bf16 rates; INT8 and FP64 cut back (the HGX
    // page lists 2 POPS int8 for 8 GPUs), so no int8 entry here.
    id: 'b300',
    name: 'NVIDIA B300 SXM (Blackwell Ultra)',
    aliases: ['b300-sxm', 'b300-288gb', 'hgx-b300', 'dgx-b300', 'NVIDIA B300 SXM6 AC'],
    memory: 275040 * MiB,
    bandwidth: 8e12,
    flops: { fp32: 75 * T, tf32: 1125 * T, fp16: 2250 * T, bf16: 2250 * T, fp8: 4500 * T, fp4: 13500 * T },
    source: `NVIDIA HGX page, HGX B300 per 8 GPUs (fp4 144 PF sparse | 108 PF dense → 13.5 PF; fp8 72 PF, bf16 36 PF, tf32 18 PF with sparsity → 4.5 / 2.25 / 1.125 dense; fp32 600 TF → 75); 8 TB/s HBM3e per GPU; ${SMI} 275040 MiB ("NVIDIA B300 SXM6 AC", public nvidia-smi output)`,
  },
  {
    // A GB200 superchip is one Grace CPU and TWO Blackwell GPUs; one entry = one GPU, so `gpus` counts GPUs
    // (an NVL72 rack = 36 superchips = 72 GPUs), as nvidia-smi lists them.
    id: 'gb200',
    name: 'NVIDIA GB200 (one GPU; a superchip has two)',
    aliases: ['gb200-gpu', 'gb200-186gb', 'NVIDIA GB200'],
    memory: 189471 * MiB,
    bandwidth: 8e12,
    flops: {
      fp32: 80 * T,
      tf32: 1250 * T,
      fp16: 2500 * T,
      bf16: 2500 * T,
      fp8: 5000 * T,
      int8: 5000 * T,
      fp4: 10000 * T,
    },
    source: `NVIDIA GB200 NVL72 datasheet ÷ 72 GPUs (fp4 1,440 PF sparse | 720 PF dense → 10 PF; fp8 720 PF, bf16 360 PF, tf32 180 PF, int8 720 POPS with sparsity → 5 / 2.5 / 1.25 / 5 dense; fp32 5,760 TF → 80; 576 TB/s HBM3e → 8 TB/s); ${SMI} 189471 MiB ("NVIDIA GB200", public nvidia-smi output)`,
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
    id: 'l40',
    name: 'NVIDIA L40',
    aliases: ['l40-48gb', 'NVIDIA L40'],
    memory: 46068 * MiB,
    bandwidth: 864e9,
    flops: { fp32: 90.5 * T, tf32: 90.5 * T, fp16: 181.05 * T, bf16: 181.05 * T, fp8: 362 * T, int8: 362 * T },
    source: `NVIDIA L40 datasheet (864 GB/s; tf32 90.5 | 181 sparse, bf16 181.05 | 362.1 sparse, fp8 and int8 362 | 724 sparse); ${SMI} 46068 MiB with ECC on, the data-centre default (public nvidia-smi output)`,
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
    id: 'a40',
    name: 'NVIDIA A40',
    aliases: ['a40-48gb', 'NVIDIA A40'],
    memory: 46068 * MiB,
    bandwidth: 696e9,
    flops: { fp32: 37.4 * T, tf32: 74.8 * T, fp16: 149.7 * T, bf16: 149.7 * T, int8: 299.3 * T },
    source: `NVIDIA A40 datasheet (48 GB GDDR6 with ECC, 696 GB/s; tf32 74.8 | 149.6 sparse, bf16 149.7 | 299.4 sparse, int8 299.3 | 598.6 sparse); ${SMI} 46068 MiB with ECC on, the data-centre default (public nvidia-smi output)`,
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
];
