// batch=?, seq=?, gpus=?: search the closed-form memory (no re-count of parameters) for the largest
// micro-batch or sequence, or the fewest GPUs, that fit the named GPU.
import type { Estimate } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { fewestGpus, fitsIn, type MemoryContext, perDeviceBytes, suggest } from './memory.js';
import { lastTrueFrom } from './search.js';
import type { Spec } from './spec.js';

export type Solved = NonNullable<Estimate['solved']>;

const MAX = 2 ** 24;

/** Solve spec.solve; returns the spec to estimate (the solved value filled in) and what was found. */
export function solve(spec: Spec, ctx: MemoryContext): { spec: Spec; solved: Solved | null } {
  const what = spec.solve;
  if (!what) return { spec, solved: null };
  const none = (note: string) => ({ spec, solved: { what, value: null, note } });
  if (!ctx.gpu) return none(`name a GPU (e.g. gpu=h100) to solve for the ${what === 'gpus' ? 'GPU count' : what}`);
  if (what === 'gpus') return solveGpus(spec, ctx);
  const key = what === 'batch' ? 'batch' : 'seq';
  const at = (n: number): Spec => (key === 'batch' ? { ...spec, batch: n } : { ...spec, seq: n });
  // The search tries its values on one copy changed in place.
  const trial = { ...spec };
  const tryAt = (n: number): Spec => {
    if (key === 'batch') trial.batch = n;
    else trial.seq = n;
    return trial;
  };
  const m = spec.model;
  const one = perDeviceBytes(tryAt(1), ctx);
  const two = perDeviceBytes(tryAt(2), ctx);
  if (m.kind !== 'transformer' || one === two || (what === 'seq' && m.vision))
    return none(`memory does not depend on the ${key} for this model (activations are not modelled): nothing to solve`);
  // Start where the bytes per step from 1 to 2 would fill the GPU; the search checks and moves from there.
  const guess = 1 + (ctx.gpu.memory - one) / (two - one);
  const n = lastTrueFrom(guess, 1, MAX, (v) => fitsIn(tryAt(v), ctx));
  if (n === null) return none(`even ${key}=1 does not fit ${ctx.gpu.name}: ${suggest(at(1), ctx)}`);
  const capped = n === MAX ? ` (search stopped at ${MAX})` : '';
  if (what === 'batch')
    return {
      spec: at(n),
      solved: {
        what,
        value: n,
        note: `largest micro-batch per data-parallel rank that fits ${ctx.gpu.name}: ${n}${capped}`,
      },
    };
  const round = Math.floor(n / 256) * 256;
  const beyond = m.position === 'learned' && n > m.maxSeq ? `; beyond the model's ${m.maxSeq} learned positions` : '';
  return {
    spec: at(n),
    solved: {
      what,
      value: n,
      note: `longest sequence that fits ${ctx.gpu.name}, to the token: ${n}${round > 0 && round !== n ? ` (${round} as a multiple of 256)` : ''}${capped}${beyond}`,
    },
  };
}

function solveGpus(spec: Spec, ctx: MemoryContext): { spec: Spec; solved: Solved } {
  const name = ctx.gpu?.name ?? '';
  const found = fewestGpus(spec, ctx);
  const mp = spec.tp * spec.pp;
  if (!found) {
    const gpus = mp === 1 ? '1 GPU does' : `${mp} GPUs do`;
    const why =
      spec.mode === 'infer'
        ? `no tensor-parallel degree dividing the heads makes it fit ${name}`
        : spec.zero === 0
          ? `with zero=0 more data-parallel GPUs do not reduce per-device memory and ${gpus} not fit ${name}; ${suggest({ ...spec, gpus: mp }, ctx)}`
          : `no GPU count up to 131072 fits ${name}; ${suggest({ ...spec, gpus: mp }, ctx)}`;
    return { spec, solved: { what: 'gpus', value: null, note: why } };
  }
  const note =
    spec.mode === 'infer'
      ? `fewest ${name} GPUs: ${found.gpus} (tp=${found.tp}, pp=${found.pp})`
      : `fewest ${name} GPUs: ${found.gpus} (a multiple of tp·pp = ${mp}; data-parallel degree ${found.gpus / mp}${spec.zero ? `, ZeRO-${spec.zero} shards by it` : ''})`;
  return { spec: found, solved: { what: 'gpus', value: found.gpus, note } };
}

export const SOLVE_EXPLAINER: Explainer = {
  topic: 'solve',
  aliases: ['batch=?', 'seq=?', 'gpus=?'],
  title: 'Solving for batch, sequence or GPU count',
  formula:
    'batch=? / seq=?: largest value with per-device memory ≤ capacity (doubling then bisection); gpus=?: fewest multiple of tp·pp (ZeRO by dp), or for inference the fewest tensor-parallel GPUs',
  source: 'Search over the same closed forms as memory (ZeRO arXiv:1910.02054, Korthikanti arXiv:2205.05198)',
  substitute(_spec, est) {
    if (!est.solved) return ['nothing to solve: write batch=?, seq=? or gpus=?'];
    return [
      `${est.solved.what} = ${est.solved.value ?? 'none'}: ${est.solved.note}`,
      `per device ${est.memory.perDevice} B of ${est.memory.capacity} B`,
    ];
  },
};
