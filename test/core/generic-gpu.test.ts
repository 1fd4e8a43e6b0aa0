// A GPU named only by its memory ("a 24GB card" → generic:24): the fit verdict works as for any card,
// and the time and decode figures, which need a peak and a bandwidth, give way to a note saying so.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import { findPreset } from '../../src/core/presets.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { estimateReply } from '../../src/commands/replies/estimate-reply.js';
import { renderText } from '../../src/render/text.js';
import { specOf } from './spec-fixtures.js';

const GiB = 2 ** 30;
const llama = () => findPreset('llama-2-7b')!.model as TransformerModel;

const noNaN = (o: unknown): void => {
  for (const v of Object.values(o as Record<string, unknown>))
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
};

describe('generic:<GiB> in the estimate', () => {
  it('inference: fits on 24 GiB with the headroom counted against 24 × 2^30 B; decode needs a named GPU', () => {
    const e = estimate(specOf(llama(), { mode: 'infer', dtype: 'fp16', gpu: 'generic:24', seq: 4096, batch: 1 }));
    expect(e.memory.capacity).toBe(24 * GiB);
    // Weights 2·6,738,415,616 B + KV 2 GiB + 1 GiB overhead + activations: the same sum as on any 24 GiB card.
    expect(e.memory.headroom).toBe(24 * GiB - e.memory.perDevice);
    expect(e.memory.fits).toBe(e.memory.perDevice <= 24 * GiB);
    expect(e.budget.decodeTokensPerSecond).toBeNull();
    expect(e.budget.unavailable).toBe(
      'decode speed needs a named GPU: the generic 24 GiB GPU is known by its memory alone (no peak FLOP/s or bandwidth)',
    );
    expect(e.assumptions).toContain(e.budget.unavailable);
    noNaN(e.memory);
    noNaN(e.budget);
  });

  it('training: no time or GPU-hours, the note instead; the memory verdict is the same as a catalogued 80 GiB card', () => {
    const s = { mode: 'train' as const, optimizer: 'adamw' as const, tokens: 2e12, seq: 4096, batch: 1 };
    const e = estimate(specOf(llama(), { ...s, gpu: 'generic:80' }));
    expect(e.budget.trainSeconds).toBeNull();
    expect(e.budget.gpuHours).toBeNull();
    expect(e.budget.unavailable).toMatch(/^training time needs a named GPU: the generic 80 GiB GPU/);
    // Same per-device bytes as on an H100 (both count the 1 GiB overhead); only capacity differs.
    const h100 = estimate(specOf(llama(), { ...s, gpu: 'h100' }));
    expect(e.memory.perDevice).toBe(h100.memory.perDevice);
    expect(e.memory.capacity).toBe(80 * GiB);
    expect(h100.budget.unavailable).toBeNull();
  });

  it('the text answer says it where the time would be, and prints no NaN', () => {
    const e = estimate(specOf(llama(), { mode: 'infer', dtype: 'fp16', gpu: 'generic:24', seq: 4096 }));
    const text = renderText(estimateReply(e, 'llama-2-7b infer fp16 generic:24'));
    expect(text).toContain('decode speed needs a named GPU');
    expect(text).toContain('generic 24 GiB GPU');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(text).toMatch(/capacity \(generic 24 GiB GPU\) +24 GiB +\(as GPU memory is sized\)/);
  });

  it('the assumptions describe the capacity as sized, not as a driver report', () => {
    const e = estimate(specOf(llama(), { mode: 'infer', gpu: 'generic:16' }));
    expect(e.assumptions.join('\n')).toMatch(/named by its memory alone: 16 GiB/);
    expect(e.assumptions.join('\n')).not.toMatch(/as the driver reports it/);
  });
});
