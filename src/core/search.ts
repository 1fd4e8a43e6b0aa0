// Searches for where a predicate stops holding (memory that fits up to some batch, or does not fit up to
// some GPU count): from the bottom of the range, or outward from a guess worked out from the closed form.

/** Largest n in [lo, hi] with ok(n), for ok true up to some point then false; null when ok(lo) is false. */
export function lastTrue(lo: number, hi: number, ok: (n: number) => boolean): number | null {
  if (!ok(lo)) return null;
  let step = 1;
  while (lo + step <= hi && ok(lo + step)) {
    lo += step;
    step *= 2;
  }
  const top = lo + step <= hi ? lo + step : hi + 1; // ok(top) is false, or top is out of range
  return between(lo, top, ok);
}

/** The last n with ok(n) between good (ok) and bad (not ok, or out of range), by bisection. */
function between(good: number, bad: number, ok: (n: number) => boolean): number {
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * lastTrue(lo, hi, ok), searched outward from `guess` by doubling steps: the same answer for any ok that
 * is true up to some point then false, in about 2·log2(distance from the guess) + 2 calls of ok.
 */
export function lastTrueFrom(guess: number, lo: number, hi: number, ok: (n: number) => boolean): number | null {
  const g = guess >= lo ? Math.min(hi, Math.floor(guess)) : lo; // a NaN guess starts at lo
  if (ok(g)) {
    let good = g;
    let step = 1;
    while (good + step <= hi && ok(good + step)) {
      good += step;
      step *= 2;
    }
    return between(good, good + step <= hi ? good + step : hi + 1, ok);
  }
  let bad = g;
  let step = 1;
  while (bad - step >= lo) {
    if (ok(bad - step)) return between(bad - step, bad, ok);
    bad -= step;
    step *= 2;
  }
  if (bad === lo || !ok(lo)) return null;
  return between(lo, bad, ok);
}
