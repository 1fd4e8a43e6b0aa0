// NVIDIA GeForce and workstation cards. Conventions in ../gpus.ts: GeForce tensor rates are the
// FP32-accumulate figures (half the FP16-accumulate ones); workstation cards run both at full rate.
import type { Gpu } from '../gpus.js';

const MiB = 2 ** 20;
const T = 1e12;
const SMI = 'nvidia-smi memory.total';

export const NVIDIA_WORKSTATION: Gpu[] = [
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
    // FP4 has only an FP32-accumulate rate, at full speed: 4× the FP32-accumulate fp8 rate on GeForce.
    id: 'rtx-5090',
    name: 'NVIDIA GeForce RTX 5090',
    aliases: ['rtx5090', 'NVIDIA GeForce RTX 5090'],
    memory: 32607 * MiB,
    bandwidth: 1792e9,
    flops: {
      fp32: 104.8 * T,
      tf32: 104.8 * T,
      fp16: 209.5 * T,
      bf16: 209.5 * T,
      fp8: 419 * T,
      int8: 838 * T,
      fp4: 1676 * T,
    },
    source: `NVIDIA RTX Blackwell GPU architecture whitepaper Appendix A, Table 3 (1,792 GB/s GDDR7; with FP32 accumulate, dense | sparse: bf16 209.5 | 419, fp8 419 | 838, fp4 1,676 | 3,352 = "3,352 AI TOPS"; int8 838 | 1,676); ${SMI} 32607 MiB (public nvidia-smi output)`,
  },
  {
    id: 'rtx-a6000',
    name: 'NVIDIA RTX A6000',
    aliases: ['a6000', 'rtx-a6000-48gb', 'NVIDIA RTX A6000'],
    memory: 49140 * MiB,
    bandwidth: 768e9,
    flops: { fp32: 38.7 * T, tf32: 77.4 * T, fp16: 154.8 * T, bf16: 154.8 * T, int8: 309.7 * T },
    source: `NVIDIA RTX A6000 datasheet and Ampere GA102 whitepaper Appendix A (768 GB/s; tf32 77.4 | 154.8 sparse, fp16/bf16 with FP32 accumulate 154.8 | 309.7 sparse, int8 309.7 | 619.4 sparse); ${SMI} 49140 MiB with ECC off, the workstation default (NVlabs/sionna "Discover Sionna" notebook output)`,
  },
];
