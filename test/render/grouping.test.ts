// Digits grouped by slicing (sig3, exactInteger) against the regex they replaced, over many magnitudes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactInteger, sig3 } from '../../src/render/units.js';

const regexGroup = (int: string) => (int.length <= 3 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

describe('grouping thousands', () => {
  it('exactInteger groups as the regex does', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e30, max: 1e30, noNaN: true }), (x) => {
        const digits = exactInteger(x).replace(/[-,]/g, '');
        expect(exactInteger(x)).toBe(`${x < 0 ? '-' : ''}${regexGroup(digits)}`);
      }),
      { numRuns: 20000 },
    );
    for (let e = 0; e < 25; e++) expect(exactInteger(10 ** e)).toBe(regexGroup(String(BigInt(10) ** BigInt(e))));
  });
  it('sig3 groups large values as the regex does', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 1e25, noNaN: true }), (x) => {
        const s = sig3(x);
        expect(s).toBe(regexGroup(s.replace(/,/g, '')));
      }),
      { numRuns: 20000 },
    );
  });
});
