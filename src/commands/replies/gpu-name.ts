// A GPU id as people read it: the catalogue's display name ('A100 80GB SXM'), else the id itself.
import { findGpu } from '../../core/gpus.js';

export const gpuName = (id: string | null): string => (id === null ? 'GPU' : (findGpu(id)?.name ?? id));
