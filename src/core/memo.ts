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
