// Memoising what is derived from one object (a model) by that object's identity: the last one, which
// covers the several reads of one estimate, and for good the long-lived objects `keep` names (the
// presets' models, which every estimate of a classic-network preset shares). Fresh objects are never
// held beyond the next call: holding them (a WeakMap, or a map of a few hundred) kept them alive into
// the old generation and made every garbage collection slower.

export function byIdentity<K extends object, V>(compute: (key: K) => V, keep: (key: K) => boolean): (key: K) => V {
  const kept = new Map<K, V>();
  let lastKey: K | null = null;
  let lastValue: V | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as V;
    let v = kept.get(key);
    if (v === undefined) {
      v = compute(key);
      if (keep(key)) kept.set(key, v);
    }
    lastKey = key;
    lastValue = v;
    return v;
  };
}

/**
 * make(key), remembered by key (a number or an object): a text that recurs estimate after estimate is
 * built once, and its later readers (the readable-assumptions cache, JSON) find it flat and hashed.
 * Bounded: past `size` keys the cache starts again.
 */
export function memoText<K>(make: (key: K) => string, size = 512): (key: K) => string {
  const memo = new Map<K, string>();
  return (key) => {
    let text = memo.get(key);
    if (text === undefined) {
      if (memo.size >= size) memo.clear();
      text = make(key);
      memo.set(key, text);
    }
    return text;
  };
}
