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
  // Positive tallies are characters only `a` has, negative ones only `b`; each is zeroed once read.
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 127;
    if (tally[k] > 0) extra += tally[k];
    else missing -= tally[k];
    tally[k] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 127;
    if (tally[k] > 0) extra += tally[k];
    else missing -= tally[k];
    tally[k] = 0;
  }
  return Math.max(extra, missing);
}

// Three rolling rows of the distance matrix (OSA looks two rows back), grown to the longest `b` seen.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions (`hedas` → `heads` = 1).
 * Past `limit` the exact value does not matter (limit + 1 is returned): a typo is checked against every
 * known spelling, and a full matrix for each of them made one typo cost half a millisecond, so words
 * whose letters already differ too much are dropped first.
 */
export function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (limit < Number.POSITIVE_INFINITY && bagDistance(a, b) > limit) return limit + 1;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * b.length + 1));
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length];
}

/** Candidate spellings, lower-cased without repeats (first seen kept), grouped by length. */
export interface Spellings {
  byLength: string[][];
  /** Each spelling's position in the original list: ties keep that order. */
  order: Map<string, number>;
}

export function spellings(candidates: Iterable<string>): Spellings {
  const byLength: string[][] = [];
  const order = new Map<string, number>();
  for (const c of candidates) {
    const k = c.toLowerCase();
    if (order.has(k)) continue;
    order.set(k, order.size);
    byLength[k.length] ??= [];
    byLength[k.length].push(k);
  }
  return { byLength, order };
}

/**
 * Up to `count` candidates within a distance that grows with the word's length, nearest first, then
 * shortest, then in the candidates' order. Only lengths within the limit are looked at.
 */
export function nearest(word: string, candidates: Spellings, count = 3): string[] {
  const w = word.toLowerCase();
  const limit = w.length <= 2 ? 0 : w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  const found: [string, number][] = [];
  const last = Math.min(w.length + limit, candidates.byLength.length - 1);
  for (let n = Math.max(0, w.length - limit); n <= last; n++) {
    for (const k of candidates.byLength[n] ?? []) {
      const d = distance(w, k, limit);
      if (d <= limit) found.push([k, d]);
    }
  }
  const { order } = candidates;
  return found
    .sort((x, y) => x[1] - y[1] || x[0].length - y[0].length || order.get(x[0])! - order.get(y[0])!)
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
