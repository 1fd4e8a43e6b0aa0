// The speed-ups behind "did you mean": a bounded memo that never answers for another word, and the
// length-bucketed search that must pick exactly what a plain scan of every candidate picks.
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../grammar/keys.js';
import { memo } from '../../grammar/memo.js';
import { distance, nearest, spellings } from '../../grammar/suggest.js';

describe('memo', () => {
  it('answers each argument with its own result, undefined included, and stays bounded', () => {
    let calls = 0;
    const f = memo((s: string) => {
      calls++;
      return s === 'none' ? undefined : s.toUpperCase();
    }, 3);
    expect(f('a')).toBe('A');
    expect(f('b')).toBe('B');
    expect(f('none')).toBeUndefined();
    expect(f('none')).toBeUndefined();
    expect(f('a')).toBe('A');
    expect(calls).toBe(3);
    expect(f('c')).toBe('C');
    expect(f('a')).toBe('A');
    expect(calls).toBe(5);
  });
});

/** The search as it was before buckets: every candidate, a full distance, ties in candidate order. */
function plainNearest(word: string, candidates: string[], count = 3): string[] {
  const w = word.toLowerCase();
  const limit = w.length <= 2 ? 0 : w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  const found = new Map<string, number>();
  for (const c of candidates) {
    const k = c.toLowerCase();
    if (found.has(k)) continue;
    const d = distance(w, k);
    if (d <= limit) found.set(k, d);
  }
  return [...found.entries()]
    .sort((x, y) => x[1] - y[1] || x[0].length - y[0].length)
    .slice(0, count)
    .map(([k]) => k);
}

describe('nearest', () => {
  const words = ENTRIES.flatMap((e) => [e.name, ...e.aliases]);
  const pool = spellings(words);

  it('finds what a scan of every candidate finds, for typos of every known word', () => {
    const typos = words.flatMap((w) => [
      w,
      w.slice(1),
      w.slice(0, -1),
      `${w}x`,
      w.length > 2 ? w[1] + w[0] + w.slice(2) : w,
      w.replace(/[aeiou]/, 'q'),
      w.toUpperCase(),
    ]);
    for (const t of typos) expect(nearest(t, pool), t).toEqual(plainNearest(t, words));
  });

  it('gives the exact optimal string alignment distance without a limit', () => {
    expect(distance('hedas', 'heads')).toBe(1);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('ca', 'abc')).toBe(3);
    expect(distance('x'.repeat(200), 'y'.repeat(150))).toBe(200);
  });
});
