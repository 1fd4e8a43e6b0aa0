// The sweep's search and the chart's number formats, against an estimator whose memory is a straight
// line in the batch, so the exact limit is known by hand: 10 GiB + 2 GiB × batch fits 80 GiB up to 35.
import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/core/estimate-types.js';
import type { Spec } from '../../src/core/spec.js';
import { shortGpuName } from '../../src/commands/chart/data.js';
import { gib, niceTicks } from '../../src/render/chart-svg.js';
import { sweep } from '../../src/commands/chart/sweep.js';
import { shortNumber } from '../../src/render/chart-sweep-panel.js';
import { llamaStyle, specOf } from '../core/spec-fixtures.js';

const GiB = 2 ** 30;
const model = llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 });

/** An estimate of only what the sweep reads: per-device memory 10 + 2·batch GiB against `capacity`. */
function linear(capacity: number | null, perSample = 2 * GiB) {
  return (spec: Spec): Estimate => {
    const perDevice = 10 * GiB + perSample * spec.batch;
    const fits = capacity === null ? null : perDevice <= capacity;
    const headroom = capacity === null ? null : capacity - perDevice;
    return { name: spec.name, spec, memory: { perDevice, capacity, fits, headroom }, solved: null } as Estimate;
  };
}

const train = (batch: number) => specOf(model, { name: 'm', mode: 'train', optimizer: 'adamw', batch });

describe('sweep', () => {
  it('finds the exact last fitting batch between two powers of two', () => {
    const run = linear(80 * GiB);
    const line = sweep(run(train(4)), run);
    expect(line.axis).toBe('batch');
    expect(line.points.map((p) => p.x)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(line.points.map((p) => p.fits)).toEqual([true, true, true, true, true, true, false]);
    expect(line.lastFit).toBe(35);
    expect(line.firstMiss).toBe(36);
  });

  it('adds the spec’s own value when it is not a power of two', () => {
    const run = linear(80 * GiB);
    const line = sweep(run(train(3)), run);
    expect(line.current).toBe(3);
    expect(line.points.find((p) => p.x === 3)?.bytes).toBe(16 * GiB);
  });

  it('stops at the far end when everything fits, and knows when nothing does', () => {
    const roomy = linear(80 * GiB, 1024);
    const all = sweep(roomy(train(1)), roomy);
    expect(all.lastFit).toBe(4096);
    expect(all.firstMiss).toBeNull();
    const tight = linear(11 * GiB);
    const none = sweep(tight(train(1)), tight);
    expect(none.points.map((p) => p.x)).toEqual([1, 2, 4, 8]);
    expect(none.lastFit).toBeNull();
    expect(none.firstMiss).toBe(1);
  });

  it('marks no limit without a GPU', () => {
    const run = linear(null);
    const line = sweep(run(train(2)), run);
    expect(line.points.map((p) => p.x)).toEqual([1, 2, 4, 8]);
    expect([line.lastFit, line.firstMiss, line.capacity]).toEqual([null, null, null]);
  });
});

describe('chart formats', () => {
  it('writes GiB to three significant figures and MiB below one GiB', () => {
    expect(gib(46.8 * GiB)).toBe('46.8 GiB');
    expect(gib(1033.4 * GiB)).toBe('1033 GiB');
    expect(gib(1.5674 * GiB)).toBe('1.57 GiB');
    expect(gib(-7.614 * GiB)).toBe('-7.61 GiB');
    expect(gib(4.513 * 2 ** 20)).toBe('4.51 MiB');
    expect(gib(-808 * 2 ** 20)).toBe('-808 MiB');
  });

  it('picks round axis ticks that reach past the maximum', () => {
    expect(niceTicks(92)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(1280)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(11)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
  });

  it('shortens GPU names and sequence lengths', () => {
    expect(shortGpuName('NVIDIA A100 80GB SXM4')).toBe('A100 80GB');
    expect(shortGpuName('NVIDIA GeForce RTX 4090')).toBe('RTX 4090');
    expect(shortGpuName('NVIDIA H100 80GB PCIe')).toBe('H100 80GB PCIe');
    expect(shortGpuName('AMD Instinct MI250X (one GCD; a module has two)')).toBe('Instinct MI250X');
    expect([shortNumber(512), shortNumber(32768), shortNumber(2 ** 20), shortNumber(29399)]).toEqual([
      '512',
      '32K',
      '1M',
      '29,399',
    ]);
  });
});
