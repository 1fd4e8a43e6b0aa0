import { describe, expect, it } from 'vitest';
import { formatDelta, formatNumber, readableNumbers, sig3 } from '../../src/render/units.js';

describe('units', () => {
  it.each([
    [6738415616, 'count', '6.74B'],
    [135e9, 'count', '135B'],
    [124439808, 'count', '124M'],
    [999.7, 'count', '1K'],
    [1.4e12, 'count', '1.4T'],
    [20, 'count', '20'],
    [13.5e9, 'flops-per-token', '13.5 GFLOP/token'],
    [8.178e9, 'flops', '8.18 GFLOP'],
    [3.14e18, 'flops', '3.14 EFLOP'],
    [3.14e23, 'flops', '314 ZFLOP'],
    [3.14e23, 'pflop-days', '3,630 PFLOP-days'],
    [80 * 2 ** 30, 'bytes', '80 GiB'],
    [79.1 * 2 ** 30, 'bytes', '79.1 GiB'],
    [1536, 'bytes', '1.5 KiB'],
    [31.4e9, 'bytes-decimal', '31.4 GB'],
    [5000, 'seconds', '1.39 h'],
    [86400 * 30, 'seconds', '30 days'],
    [0.4, 'percent', '40%'],
    [1.93, 'ratio', '×1.93'],
    [6738415616, 'integer', '6,738,415,616'],
    [2.5e4, 'per-second', '25K/s'],
  ] as const)('%d %s → %s', (n, unit, text) => {
    expect(formatNumber(n, unit)).toBe(text);
  });

  it('never prints NaN, Infinity or an exponent', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(formatNumber(n, 'bytes')).toBe('n/a');
    for (const unit of ['count', 'bytes', 'flops', 'seconds', 'per-second'] as const) {
      for (const n of [1e308, 1e21, 1e-30, 1.2345e29]) {
        expect(formatNumber(n, unit)).not.toMatch(/e[+-]|NaN|Infinity/);
      }
    }
    expect(formatNumber(null, 'count')).toBe('n/a');
  });

  it('never throws on percentages and ratios too large to multiply by 100', () => {
    for (const n of [1e305, 1e306, 1.8e306, 1e307, Number.MAX_VALUE, -Number.MAX_VALUE]) {
      for (const unit of ['percent', 'ratio'] as const) {
        expect(() => formatNumber(n, unit)).not.toThrow();
        expect(() => formatDelta(n, unit)).not.toThrow();
        expect(formatDelta(n, unit)).not.toMatch(/e[+-]|NaN|Infinity/);
      }
    }
    expect(formatNumber(1e307, 'percent')).toBe('out of range');
    expect(formatDelta(-1e307, 'ratio')).toBe('out of range');
    expect(formatNumber(1e307, 'ratio')).toMatch(/^×10,000,/);
    expect(formatDelta(0.25, 'percent')).toBe('+25 pp');
  });

  it('rounds to three significant figures without trailing zeros', () => {
    expect(sig3(1.004)).toBe('1');
    expect(sig3(0.012345)).toBe('0.0123');
    expect(sig3(123456)).toBe('123,000');
  });

  it('signs differences', () => {
    expect(formatDelta(6.28e9, 'count')).toBe('+6.28B');
    expect(formatDelta(-2 * 2 ** 30, 'bytes')).toBe('-2 GiB');
    expect(formatDelta(0, 'count')).toBe('0');
  });

  it('makes numbers inside a sentence readable but leaves names alone', () => {
    expect(readableNumbers('total: 6738415616 on A100 fp16, 3.14e+23 FLOP, mfu 0.123456')).toBe(
      'total: 6,738,415,616 on A100 fp16, 3.14×10^23 FLOP, mfu 0.123',
    );
    // Short exact fractions stay whole: nf4's 0.5625 and int4's 0.53125 B/param; long ones round.
    expect(readableNumbers('6476005376 · 0.5625 and 0.53125 of 3265.5825957274774')).toBe(
      '6,476,005,376 · 0.5625 and 0.53125 of 3,270',
    );
  });
});

describe('sizes past the largest unit', () => {
  it('read as a power of ten of the base unit, not "out of range" or millions of ZFLOP', () => {
    expect(formatNumber(3.11e35, 'flops')).toBe('3.11×10^35 FLOP');
    expect(formatNumber(9.996e26, 'flops')).toBe('1×10^27 FLOP');
    expect(formatNumber(2 ** 80, 'bytes')).toBe('1.21×10^24 B');
    expect(formatNumber(1e40, 'count')).toBe('1×10^40');
    // Just under a million of the largest unit keeps it.
    expect(formatNumber(9.99e26, 'flops')).toBe('999,000 ZFLOP');
  });
});

describe('short durations', () => {
  it('under a second read in ms and µs', () => {
    expect(formatNumber(2.16e-6, 'seconds')).toBe('2.16 µs');
    expect(formatNumber(0.5, 'seconds')).toBe('500 ms');
    expect(formatNumber(1.5, 'seconds')).toBe('1.5 s');
  });
});
