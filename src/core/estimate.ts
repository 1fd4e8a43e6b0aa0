// spec → Estimate: parameters, FLOPs, memory per device, budget, and (batch=?, seq=?, gpus=?) a solve,
// with every convention used listed in `assumptions` beside the spec's own defaults.
import { activationNotes } from './activations.js';
import { budget } from './budget.js';
import type { Estimate } from './estimate-types.js';
import { countFlops, flopsNotes } from './flops.js';
import { findGpu, type Gpu } from './gpus.js';
import { kvCacheNotes } from './kv-cache.js';
import { type MemoryContext, memory, memoryNotes, storedOf } from './memory.js';
import { type ParamTensor, statesNotes } from './model-states.js';
import { countParams, paramTensors } from './params.js';
import { solve } from './solve.js';
import { weightNotes } from './weights.js';
import type { Spec } from './spec.js';

/** The parts of an estimate that do not change while solving: parameters, tensors (lazily) and the GPU. */
export function memoryContext(spec: Spec, gpu: Gpu | null): MemoryContext {
  let tensors: ParamTensor[] | null = null;
  return {
    params: countParams(spec),
    tensors: () => {
      tensors ??= paramTensors(spec);
      return tensors;
    },
    gpu,
    states: undefined,
  };
}

export function estimate(input: Spec): Estimate {
  const gpu = input.gpu ? (findGpu(input.gpu) ?? null) : null;
  const ctx = memoryContext(input, gpu);
  const { spec, solved } = solve(input, ctx);
  const params = ctx.params;
  const flops = countFlops(spec, params);
  const mem = memory(spec, ctx);
  const b = budget(spec, params, flops, mem, gpu);
  // The spec's own assumptions, then each convention the spec does not already state.
  const own = spec.assumptions;
  const assumptions = own.slice();
  const add = (notes: readonly string[]) => {
    for (const c of notes) if (!own.includes(c)) assumptions.push(c);
  };
  if (input.gpu && !gpu) add([`GPU "${input.gpu}" is not in the catalogue: no fit verdict, time or decode speed`]);
  add(flopsNotes(spec));
  add(weightNotes(spec, storedOf(spec, ctx)));
  add(statesNotes(spec));
  add(activationNotes(spec));
  add(kvCacheNotes(spec));
  add(memoryNotes(spec, gpu));
  add(b.notes);
  return {
    name: spec.name,
    spec,
    params,
    flops,
    memory: mem,
    budget: b.budget,
    assumptions,
    solved,
  };
}
