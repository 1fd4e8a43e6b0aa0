// The weight-format notes are a table now: the plain dtypes still read `<dtype> weights: <bytes> B/param`.
import { describe, expect, it } from 'vitest';
import { BYTES, dtypeNotes } from '../../src/core/dtypes.js';

describe('dtype notes', () => {
  it.each(['fp32', 'tf32', 'fp16', 'bf16'] as const)('%s', (d) => {
    expect(dtypeNotes(d)).toEqual([`${d} weights: ${BYTES[d]} B/param`]);
  });
});
