// GPU and accelerator catalogue: typed data, one entry each, with sources. Capacities are what the
// driver reports (nvidia-smi / rocm-smi total memory), in bytes.
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

export const GPUS: Gpu[] = [];

const key = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
let index: Map<string, Gpu> | null = null;

/** Look a GPU up by id or alias, ignoring case and separators. */
export function findGpu(name: string): Gpu | undefined {
  if (!index) {
    index = new Map();
    for (const g of GPUS) for (const n of [g.id, g.name, ...g.aliases]) index.set(key(n), g);
  }
  return index.get(key(name));
}
