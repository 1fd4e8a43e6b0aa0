// A GPU id as people read it: the catalogue's display name ('A100 80GB SXM'), else the id itself.
import { findGpu, isGeneric } from '../../core/gpus.js';

export const gpuName = (id: string | null): string => (id === null ? 'GPU' : (findGpu(id)?.name ?? id));

/** True for a GPU named by its memory alone (generic:<GiB>): its capacity is as sized, not a driver report. */
export const generic = (id: string | null): boolean => {
  const g = id === null ? undefined : findGpu(id);
  return g !== undefined && isGeneric(g);
};
