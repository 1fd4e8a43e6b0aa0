// `flops=1e24` alone asks Chinchilla's question: which model and how many tokens for this budget.
import { describe, expect, it } from 'vitest';
import { parse, resolve } from '../../grammar/index.js';
import { estimate } from '../../src/core/estimate.js';

describe('a compute budget without a model', () => {
  it('flops=1e24 → N_opt = √(1e24/120) ≈ 91.3B params and D_opt = 20·N_opt ≈ 1.83T tokens (Hoffmann et al. 2022)', () => {
    const text = 'flops=1e24';
    const p = parse(text);
    if (!p.ok || p.value.kind !== 'single') throw new Error('did not parse');
    const spec = resolve(p.value.patch, text);
    if (!spec.ok) throw new Error(spec.error.message);
    expect(spec.value.name).toBe('Chinchilla-optimal model for 1e24 FLOPs');
    const e = estimate(spec.value);
    expect(e.params.total).toBe(Math.round(Math.sqrt(1e24 / 120)));
    expect(e.budget.optimalParams! / 91.287e9).toBeCloseTo(1, 3);
    expect(e.budget.optimalTokens! / 1.8257e12).toBeCloseTo(1, 3);
  });
});
