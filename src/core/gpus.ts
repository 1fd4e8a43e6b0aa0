// GPU and accelerator catalogue: typed data, one entry each, with sources (the entries live in
// gpu-catalogue/, one file per maker), and the lookup every part of napkin resolves a GPU through.
//
// Conventions, so that every number means the same thing:
// - memory: nvidia-smi `memory.total` (MiB × 2^20), rocm-smi `VRAM Total Memory (B)` or hl-smi
//   `memory.total [MiB]`; where no driver figure was found the entry says how it is derived from the
//   marketing figure.
// - bandwidth: the datasheet's peak HBM/GDDR bandwidth in bytes/s (decimal: 3.35 TB/s = 3.35e12).
// - flops: peak DENSE FLOP/s per precision (TOPS for int8). Datasheets print the 2:4-sparsity figure
//   first for many tensor dtypes; those are halved here. GeForce cards are listed at their FP32-accumulate
//   tensor rate, which is what mixed-precision training uses (their FP16-accumulate rate is twice that).
//   A precision missing from an entry is not supported natively (or its datasheet gives no figure).
// - aliases: 'a100' means the A100 80GB SXM (the common cloud part today); 'h100' the H100 SXM; 'v100' the
//   16GB SXM2; 'gh200' the 96 GB HBM3 part. nvidia-smi product names ('NVIDIA A100-SXM4-80GB') are
//   aliases too, so pasted output resolves.
// - `generic:<GiB>` is an accelerator named only by its memory ("a 24GB card"): memory, no peak, no
//   bandwidth. Fit verdicts work; time and decode speed need a named GPU.
import { AMD } from './gpu-catalogue/amd.js';
import { NVIDIA_DATACENTER } from './gpu-catalogue/nvidia-datacenter.js';
import { NVIDIA_WORKSTATION } from './gpu-catalogue/nvidia-workstation.js';
import { TPU_GAUDI } from './gpu-catalogue/tpu-gaudi.js';
import { lookup } from './lookup.js';

/** Precisions a GPU's datasheet gives a dense peak for. fp4 covers NVFP4/MXFP4 tensor cores. */
export type Precision = 'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8' | 'int8' | 'fp4';

export interface Gpu {
  id: string;
  name: string;
  /** Other spellings users type: 'a100', 'a100-80gb', 'h100-sxm'. Matched case- and separator-insensitively. */
  aliases: string[];
  /** Device memory as the driver reports it, bytes. */
  memory: number;
  /** HBM/GDDR bandwidth, bytes per second; null when not known (a generic accelerator). */
  bandwidth: number | null;
  /** Peak dense (no sparsity) FLOP/s per precision; a missing precision is not supported natively. */
  flops: Partial<Record<Precision, number>>;
  source: string;
}

export const GPUS: Gpu[] = [...NVIDIA_DATACENTER, ...NVIDIA_WORKSTATION, ...AMD, ...TPU_GAUDI];

const GiB = 2 ** 30;
const GENERIC = /^generic:(\d+(?:\.\d+)?)$/i;
/** Largest generic card napkin accepts, GiB: well past any accelerator made (B300 ≈ 269 GiB). */
export const GENERIC_MAX_GIB = 4096;

/** The id of a generic accelerator of `gib` GiB: the interface the grammar writes ("a 24GB card" → generic:24). */
export const genericGpuId = (gib: number): string => `generic:${gib}`;

/** True for an accelerator known by its memory alone (no peak FLOP/s, no bandwidth). */
export const isGeneric = (gpu: Gpu): boolean => gpu.id.startsWith('generic:');

const generics = new Map<string, Gpu>();
/** `generic:<GiB>` → an accelerator with that memory, sized as GPU memory is (an RTX 4090 "24GB" reports 24 GiB). */
function genericGpu(name: string): Gpu | undefined {
  const m = GENERIC.exec(name.trim());
  if (!m) return undefined;
  const gib = Number(m[1]);
  if (!(gib > 0 && gib <= GENERIC_MAX_GIB)) return undefined;
  const id = genericGpuId(gib);
  let gpu = generics.get(id);
  if (!gpu) {
    if (generics.size >= 64) generics.clear();
    gpu = {
      id,
      name: `generic ${gib} GiB GPU`,
      aliases: [],
      memory: Math.round(gib * GiB),
      bandwidth: null,
      flops: {},
      source: `named by its memory alone: ${gib} GiB, as GPU memory is sized (an RTX 4090 "24GB" reports 24 GiB); no peak FLOP/s or bandwidth`,
    };
    generics.set(id, gpu);
  }
  return gpu;
}

const key = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
const byName = lookup(GPUS, key);
/** Look a GPU up by id or alias, ignoring case and separators; `generic:<GiB>` makes a generic accelerator. */
export const findGpu = (name: string): Gpu | undefined => byName(name) ?? genericGpu(name);
