// A bounded memo for lookups by word: chat repeats the same words, and the catalogue lookups normalise
// their argument with a regex on every call.

/** `fn` memoised by its argument; the cache is emptied when it holds `max` entries, so memory stays bounded. */
export function memo<T>(fn: (s: string) => T, max = 10_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}
