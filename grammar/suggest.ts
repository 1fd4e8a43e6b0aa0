// "Did you mean": the nearest known spellings by edit distance, so `hedas` finds `heads`.

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`hedas` → `heads` = 1). */
export function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
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
