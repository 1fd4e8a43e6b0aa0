// The searches that start from a guess, and the estimate's shortcuts (model states kept per search, one
// trial spec changed in place, closed-form starting points), against the plain searches they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../../src/core/estimate.js';
import { GPUS, type Gpu } from '../../src/core/gpus.js';
import { fewestGpus, type MemoryContext, memory, memoryOf } from '../../src/core/memory.js';
import { parallelism } from '../../src/core/model-states.js';
import { countParams, loraTensors, paramTensors } from '../../src/core/params.js';
import { countFlops } from '../../src/core/flops.js';
import { modelTensors } from '../../src/core/tensors.js';
import { PRESETS } from '../../src/core/presets.js';
import { solve } from '../../src/core/solve.js';
import { lastTrue, lastTrueFrom } from '../../src/core/search.js';
import type { Dtype, Spec } from '../../src/core/spec.js';
import { tpSplits } from '../../src/core/stacks.js';
import { specOf } from './spec-fixtures.js';

describe('lastTrueFrom', () => {
  it('finds what lastTrue finds for every boundary and guess', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: -10, max: 6000 }),
        fc.integer({ min: -100, max: 6000 }),
        (lo, span, boundary, guess) => {
          const hi = lo + span;
          const ok = (n: number) => n <= boundary;
          expect(lastTrueFrom(guess, lo, hi, ok)).toBe(lastTrue(lo, hi, ok));
        },
      ),
      { numRuns: 5000 },
    );
    const ok = (n: number) => n <= 77;
    for (const guess of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 76.5, 1e300])
      expect(lastTrueFrom(guess, 1, 2 ** 24, ok)).toBe(77);
  });
});

// The plain computations: a fresh context for every value tried (no kept model states), a spread per
// candidate and the search from the bottom of the range, as the estimator did before its shortcuts.
const MAX_GPUS = 131072;
const fits = (s: Spec, gpu: Gpu) => memoryOf(s, memoryContext(s, gpu)).fits === true;

function plainFewest(spec: Spec, gpu: Gpu): Spec | null {
  const { mp } = parallelism(spec);
  if (spec.mode === 'train') {
    const at = (dp: number): Spec => ({ ...spec, gpus: dp * mp });
    if (spec.zero === 0) return fits(at(1), gpu) ? at(1) : null;
    const maxDp = Math.floor(MAX_GPUS / mp);
    if (!fits(at(maxDp), gpu)) return null;
    const miss = lastTrue(1, maxDp, (dp) => !fits(at(dp), gpu));
    return at(miss === null ? 1 : miss + 1);
  }
  const m = spec.model;
  for (let t = spec.tp; t * spec.pp <= MAX_GPUS && t <= 1024; t += spec.tp) {
    // The split rule is each layer kind's (stacks.ts tpSplits); what is compared here is the search.
    if (m.kind === 'transformer' && !tpSplits(m, t)) continue;
    const s = { ...spec, tp: t, gpus: t * spec.pp };
    if (fits(s, gpu)) return s;
  }
  return null;
}

function plainSolved(spec: Spec, gpu: Gpu): number | null {
  const key = spec.solve === 'batch' ? 'batch' : 'seq';
  return lastTrue(1, 2 ** 24, (n) => fits({ ...spec, [key]: n }, gpu));
}

const LOWER: Dtype[] = ['bf16', 'fp8', 'int8', 'int4'];
const BYTES: Record<Dtype, number> = {
  fp32: 4,
  tf32: 4,
  fp16: 2,
  bf16: 2,
  fp8: 1,
  fp4: 0.5,
  int8: 1,
  int4: 0.5,
  nf4: 0.5,
};

function plainSuggest(spec: Spec, gpu: Gpu): string {
  const more = plainFewest(spec, gpu);
  if (more && spec.mode === 'train' && more.gpus > spec.gpus) return `fits on ${more.gpus} GPUs`;
  if (more && spec.mode === 'infer' && (more.tp > spec.tp || more.gpus > spec.gpus))
    return `fits with tp=${more.tp}${more.gpus > spec.gpus ? ` on ${more.gpus} GPUs` : ` on the ${spec.gpus} GPUs named`}`;
  if (spec.mode === 'train') {
    for (let z = spec.zero + 1; z <= 3; z++)
      if (fits({ ...spec, zero: z as 1 | 2 | 3 }, gpu)) return `fits with zero${z}`;
    let best: Spec | null = null;
    for (let z = spec.zero + 1; z <= 3; z++) {
      const s = plainFewest({ ...spec, zero: z as 1 | 2 | 3 }, gpu);
      if (s && (!best || s.gpus < best.gpus)) best = s;
    }
    if (best) return `fits with zero${best.zero} on ${best.gpus} GPUs`;
    if (spec.recompute !== 'full' && fits({ ...spec, recompute: 'full' }, gpu)) return 'fits with recompute=full';
    if (spec.recompute !== 'full')
      for (let z = Math.max(spec.zero, 1); z <= 3; z++) {
        const s = plainFewest({ ...spec, zero: z as 1 | 2 | 3, recompute: 'full' }, gpu);
        if (s) return `fits with zero${z} + recompute=full on ${s.gpus} GPUs`;
      }
  }
  if (spec.batch > 1) {
    const b = lastTrue(1, spec.batch - 1, (n) => fits({ ...spec, batch: n }, gpu));
    if (b !== null) return `fits with batch=${b}`;
  }
  const lower = (d: Dtype) => BYTES[d] < BYTES[spec.dtype] && (spec.mode === 'infer' || d === 'bf16');
  for (const d of LOWER.filter(lower)) if (fits({ ...spec, dtype: d }, gpu)) return `fits with ${d} weights`;
  return 'none';
}

const DTYPES: Dtype[] = ['fp32', 'bf16', 'int8', 'nf4'];
const gpu = (i: number) => GPUS[i % GPUS.length];

/** Every preset on every GPU, in training (ZeRO 0 to 3, a few batch sizes) and inference. */
function* cases(): Generator<[Spec, Gpu]> {
  let i = 0;
  for (const p of PRESETS) {
    for (const [mode, zero, batch, tp] of [
      ['train', 0, 1, 1],
      ['train', 1, 8, 2],
      ['train', 2, 4, 1],
      ['train', 3, 32, 4],
      ['infer', 0, 1, 1],
      ['infer', 0, 64, 2],
    ] as const) {
      i++;
      const spec = specOf(p.model, {
        mode,
        zero,
        batch,
        tp,
        gpus: tp * (1 + (i % 3)),
        seq: p.seq,
        dtype: DTYPES[i % DTYPES.length],
        optimizer: mode === 'train' ? (i % 4 === 0 ? 'adafactor' : 'adamw') : null,
        lora: mode === 'train' && i % 5 === 0 ? { r: 16, quantized: false, targets: ['q', 'v'] } : null,
        recompute: i % 3 === 0 ? 'selective' : 'none',
        flash: i % 2 === 0,
      });
      yield [spec, gpu(i)];
    }
  }
}

describe('the estimator’s searches equal the plain ones', () => {
  it('fewest GPUs, on a context shared by every search', () => {
    let n = 0;
    for (const [spec, g] of cases()) {
      const ctx: MemoryContext = memoryContext(spec, g);
      memoryOf(spec, ctx); // the context has already been used, as in an estimate
      expect(fewestGpus(spec, ctx)).toEqual(plainFewest(spec, g));
      for (const zero of [1, 2, 3] as const) {
        const z = { ...spec, zero };
        expect(fewestGpus(z, ctx)).toEqual(plainFewest(z, g));
      }
      n++;
    }
    expect(n).toBeGreaterThan(300);
  });

  it('memory on a shared context equals memory on a fresh one for each variant', () => {
    for (const [spec, g] of cases()) {
      const ctx = memoryContext(spec, g);
      for (const v of [spec, { ...spec, dtype: 'bf16' as const }, { ...spec, zero: 3 as const }, { ...spec, batch: 3 }])
        expect(memoryOf(v, ctx)).toEqual(memoryOf(v, memoryContext(spec, g)));
      expect(memory(spec, ctx)).toEqual(memory(spec, memoryContext(spec, g)));
    }
  });

  it('the suggestion, tried on one copy, equals the one tried on a spread per change', () => {
    let suggested = 0;
    for (const [spec, g] of cases()) {
      const s = memory(spec, memoryContext(spec, g)).suggestion;
      if (s === null) continue;
      const plain = plainSuggest(spec, g);
      expect(plain === 'none' ? s.startsWith('does not fit') : s === plain).toBe(true);
      suggested++;
    }
    expect(suggested).toBeGreaterThan(50);
  });

  it('batch=? and seq=? from a guess equal the search from 1', () => {
    let solved = 0;
    for (const [base, g] of cases()) {
      if (base.model.kind !== 'transformer') continue;
      for (const what of ['batch', 'seq'] as const) {
        const spec = { ...base, solve: what };
        const r = solve(spec, memoryContext(spec, g));
        if (!r.solved || /does not depend/.test(r.solved.note)) continue;
        expect(r.solved.value).toBe(plainSolved(spec, g));
        solved++;
      }
    }
    expect(solved).toBeGreaterThan(100);
  });
});

describe('model sums, kept for the last model and the presets’ own', () => {
  const plainCount = (spec: Spec) => {
    const ts = [...modelTensors(spec.model), ...loraTensors(spec)];
    const parts = new Map<string, number>();
    for (const x of ts) parts.set(x.part, (parts.get(x.part) ?? 0) + x.rows * x.cols * x.times);
    return [...parts].map(([name, count]) => ({ name, count }));
  };
  it('every preset, its own model object or a copy, with and without LoRA: the plain breakdown and FLOPs', () => {
    for (const p of PRESETS) {
      for (const lora of [null, { r: 8, quantized: true, targets: ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] }]) {
        const own = specOf(p.model, { lora, mode: 'train', tokens: 1e9 });
        const copy = specOf(structuredClone(p.model), { lora, mode: 'train', tokens: 1e9 });
        for (const spec of [own, copy, own]) {
          const params = countParams(spec);
          expect(params.breakdown).toEqual(plainCount(spec));
          expect(params.total).toBe(plainCount(spec).reduce((s, x) => s + x.count, 0));
          expect(countFlops(spec, params)).toEqual(countFlops(copy, countParams(copy)));
          expect(paramTensors(spec)).toEqual([...modelTensors(spec.model), ...loraTensors(spec)]);
        }
      }
    }
  });
});

describe('gpus=? keeps tp to values that split the KV heads evenly', () => {
  it('24 heads, 12 KV heads on T4s: tp=8 would leave 1.5 KV heads per rank, so the answer is tp=12', async () => {
    const { answer } = await import('../../src/commands/pipeline.js');
    const r = answer('llama d=3072 L=28 heads=24 kv_heads=12 infer gpus=? batch=9 seq=32768 T4');
    if (!r.ok || r.value.kind !== 'single') throw new Error('expected one estimate');
    expect(r.value.est.solved).toEqual({ what: 'gpus', value: 12, note: 'fewest NVIDIA T4 GPUs: 12 (tp=12, pp=1)' });
  });
});

describe('fit suggestions a user can act on', () => {
  it('Llama-2-70B training on one H100: ZeRO-3 with full recompute on 15 GPUs (14 are 1.43 GiB short)', async () => {
    const { answer } = await import('../../src/commands/pipeline.js');
    const est = (text: string) => {
      const r = answer(text);
      if (!r.ok || r.value.kind !== 'single') throw new Error(text);
      return r.value.est.memory;
    };
    expect(est('llama-2-70b train H100').suggestion).toBe('fits with zero3 + recompute=full on 15 GPUs');
    expect(est('llama-2-70b train 15xH100 zero3 recompute=full').fits).toBe(true);
    expect(est('llama-2-70b train 14xH100 zero3 recompute=full').fits).toBe(false);
  });
  it('gpus=? that finds no count says the same change as the fit verdict', async () => {
    const { answer } = await import('../../src/commands/pipeline.js');
    const r = answer('llama-2-7b train H100 tokens=1.4T gpus=?');
    if (!r.ok || r.value.kind !== 'single') throw new Error('expected an estimate');
    expect(r.value.est.solved?.note).toBe(
      'with zero=0 more data-parallel GPUs do not reduce per-device memory and 1 GPU does not fit NVIDIA H100 80GB SXM5; fits with zero2 on 2 GPUs',
    );
    expect(r.value.est.memory.suggestion).toBe('fits with zero2 on 2 GPUs');
  });
  it('Llama-2-70B inference on 8 H100s at tp=1: tensor parallelism over the GPUs named, not fp8', async () => {
    const { answer } = await import('../../src/commands/pipeline.js');
    const r = answer('llama-2-70b infer 8xH100');
    if (!r.ok || r.value.kind !== 'single') throw new Error('expected an estimate');
    expect(r.value.est.memory.suggestion).toBe('fits with tp=2 on the 8 GPUs named');
  });
});
