// Number images → values, with lengths reading k and M as binary.
import { describe, expect, it } from 'vitest';
import { numberValue } from '../../grammar/numbers.js';

const plain = { length: undefined };
const length = { length: true as const };

describe('numberValue', () => {
  it.each([
    ['32', 32],
    ['1_000_000', 1e6],
    ['0.4', 0.4],
    ['.5', 0.5],
    ['1e24', 1e24],
    ['1.4e12', 1.4e12],
    ['2^20', 1048576],
    ['2^10k', 1024e3],
    ['7B', 7e9],
    ['7b', 7e9],
    ['7G', 7e9],
    ['1.4T', 1.4e12],
    ['350M', 350e6],
    ['4k', 4000],
    ['1.5K', 1500],
    ['40%', 0.4],
    ['-5', -5],
  ])('%s = %d', (image, value) => {
    expect(numberValue(image, plain).value).toBe(value);
  });

  it.each([
    ['4k', 4096],
    ['128k', 131072],
    ['128K', 131072],
    ['1M', 1048576],
    ['1.5k', 1536],
    ['4096', 4096],
    ['8e3', 8000],
  ])('length %s = %d', (image, value) => {
    expect(numberValue(image, length).value).toBe(value);
  });

  it('reports the suffix and NaN for what is not a number', () => {
    expect(numberValue('40%', plain).suffix).toBe('%');
    expect(numberValue('abc', plain).value).toBeNaN();
    expect(numberValue('9'.repeat(400), plain).value).toBe(Number.POSITIVE_INFINITY);
  });
});
