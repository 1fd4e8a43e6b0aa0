// The CI share of the fuzz run (issue 9): a seeded few thousand cases; `npm run fuzz` runs 100,000+.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryText, check, mutatedSpec, VALID } from './fuzz-cases.js';

const runs = Number(process.env.FUZZ_RUNS ?? 1500);

describe('bad input never crashes, never leaks NaN', () => {
  it('every valid example estimates cleanly', () => {
    for (const spec of VALID) expect(check(spec)).toBeNull();
  });

  // Per-input time (target < 5 ms) is reported by `npm run bench`, not asserted here.
  it('arbitrary text: a result or an error inside the input', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => check(text) === null),
      { numRuns: runs, seed: 20261128 },
    );
  });

  it('grammar-aware mutations of valid specs', () => {
    fc.assert(
      fc.property(mutatedSpec, (text) => check(text) === null),
      { numRuns: runs, seed: 42 },
    );
  });
});
