// "Did you mean": the nearest known spellings by edit distance, so `hedas` finds `heads`.

// Character tallies for bagDistance, indexed by char code mod 128 and left zeroed after each use.
const tally = new Int32Array(128);

/**
 * A lower bound of the edit distance: characters one word has and the other lacks, counted as a bag.
 * Merging non-ASCII codes into 128 buckets can only lower it, so it stays a bound.
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) tally[a.charCodeAt(i) & 127]++;
  for (let i = 0; i < b.length; i++) tally[b.charCodeAt(i) & 127]--;
  const counts = { extra: 0, missing: 0 };
  settle(a, counts);
  settle(b, counts);
  return Math.max(counts.extra, counts.missing);
}

/** Adds the tallies of w's characters to `counts` and zeroes them (no array per call: one typo checks ~600 names). */
function settle(w: string, counts: { extra: number; missing: number }): void {
  for (let i = 0; i < w.length; i++) {
    const k = w.charCodeAt(i) & 127;
    if (tally[k] > 0) counts.extra += tally[k];
    else counts.missing -= tally[k];
    tally[k] = 0;
  }
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions (`hedas` → `heads` = 1).
 * Past `limit` the exact value does not matter (limit + 1 is returned): a typo is checked against every
 * known spelling, and a full matrix for each of them made one typo cost half a millisecond, so words
 * whose letters already differ too much are dropped first.
 */
export function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (limit < Number.POSITIVE_INFINITY && bagDistance(a, b) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** Up to `count` candidates within a distance that grows with the word's length, nearest first. */
export function nearest(word: string, candidates: Iterable<string>, count = 3): string[] {
  const w = word.toLowerCase();
  const limit = w.length <= 2 ? 0 : w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  const found = new Map<string, number>();
  for (const c of candidates) {
    const k = c.toLowerCase();
    if (found.has(k)) continue;
    const d = distance(w, k, limit);
    if (d <= limit) found.set(k, d);
  }
  return [...found.entries()]
    .sort((x, y) => x[1] - y[1] || x[0].length - y[0].length)
    .slice(0, count)
    .map(([k]) => k);
}

/** "did you mean `heads`?" or "did you mean `heads` or `n_heads`?"; empty when nothing is near. */
export function didYouMean(options: string[]): string {
  if (options.length === 0) return '';
  const quoted = options.map((o) => `\`${o}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return `did you mean ${list}?`;
}
