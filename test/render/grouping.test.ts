// Digits grouped by slicing (sig3, exactInteger) against the regex they replaced, over many magnitudes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactInteger } from '../../src/core/grouped.js';
import { sig3 } from '../../src/render/units.js';

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

// sig3 below 100 as toFixed then trimmed, the way it was built before its digits came from an integer.
const plainSig3 = (x: number): string => {
  const digits = Math.floor(Math.log10(x)) + 1;
  const s = x.toFixed(Math.min(3 - digits, 20));
  return s.replace(/0+$/, '').replace(/\.$/, '');
};

describe('sig3 below 100', () => {
  it('equals toFixed trimmed, halves and powers of ten included (from 0.0001 up)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 99.9999, noNaN: true }), (x) => {
        expect(sig3(x)).toBe(plainSig3(x));
      }),
      { numRuns: 50000 },
    );
    for (let k = 1; k < 100000; k++) {
      for (const x of [k / 1000, k / 1000 + 0.0005, k / 10000 + 0.00005, k / 100 + 0.005, k / 1e7, 0.5 + k / 2000]) {
        if (x >= 1e-4 && x < 100) expect(sig3(x)).toBe(plainSig3(x));
      }
    }
    for (let e = -4; e < 2; e++)
      for (const m of [1, 9.995, 9.9995, 1.005, 0.9995]) {
        const x = m * 10 ** e;
        if (x >= 1e-4 && x < 100) expect(sig3(x)).toBe(plainSig3(x));
      }
  });

  it('below 0.0001: three figures and a power of ten, never a run of zeros or a bare 0', () => {
    expect(sig3(9.89e-12)).toBe('9.89×10^-12');
    expect(sig3(0.00009996)).toBe('1×10^-4');
    expect(sig3(1e-25)).toBe('1×10^-25');
    expect(sig3(0.0001)).toBe('0.0001');
  });
});

describe('sig3 from 100 to 1,000', () => {
  it('is the value rounded to an integer, grouped, as the general path builds it', () => {
    const general = (x: number) => regexGroup(String(Math.round(x / 10 ** 0)) + '0'.repeat(0));
    fc.assert(
      fc.property(fc.double({ min: 100, max: 999.9999999, noNaN: true }), (x) => {
        expect(sig3(x)).toBe(general(x));
      }),
      { numRuns: 20000 },
    );
    for (const x of [100, 999, 999.49, 999.5, 999.99, 999.9999999999999, 100.5, 150.5])
      expect(sig3(x)).toBe(general(x));
  });
});
