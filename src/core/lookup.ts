// Name lookup for the catalogues (presets, GPUs): every id, name and alias indexed once, on first use.

interface Named {
  id: string;
  name: string;
  aliases: string[];
}

/** An entry's own spellings: id, name and aliases. */
export const spellings = (e: Named): string[] => [e.id, e.name, ...e.aliases];

/** A lookup by any spelling of an entry, normalised by `key` (case, separators). */
export function lookup<T extends Named>(
  entries: readonly T[],
  key: (s: string) => string,
  spell: (e: T) => string[] = spellings,
): (name: string) => T | undefined {
  let index: Map<string, T> | null = null;
  return (name) => {
    if (!index) {
      index = new Map();
      for (const e of entries) for (const n of spell(e)) index.set(key(n), e);
    }
    return index.get(key(name));
  };
}
