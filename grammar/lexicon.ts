// Lookup structures built once from the key table and the preset/GPU catalogues.
import { findGpu as findGpuUncached, GPUS } from '../src/core/gpus.js';
import { spellings } from '../src/core/lookup.js';
import { findPreset as findPresetUncached, PRESETS, presetSpellings } from '../src/core/presets.js';
import { ENTRIES, type Entry } from './keys.js';
import { memo } from './memo.js';

/** Every spelling (lower case) → its entry. */
export const WORDS = new Map<string, Entry>();
/** Spellings claimed twice; a test keeps this empty. */
export const COLLISIONS: string[] = [];

for (const e of ENTRIES) {
  for (const s of [e.name, ...e.aliases]) {
    const k = s.toLowerCase();
    const prev = WORDS.get(k);
    if (prev && prev !== e) COLLISIONS.push(`${s}: ${prev.name} / ${e.name}`);
    else WORDS.set(k, e);
  }
}

const SEPARATORS = /[\s_\-.]/g;
/** The catalogues' normalisation ('Llama-2-7B' = 'llama2 7b'), memoised: chat repeats the same words. */
export const nameKey = memo((s: string): string => s.toLowerCase().replace(SEPARATORS, ''));

/** The catalogue lookups, memoised: resolve asks for the same preset id several times per spec. */
export const findPreset = memo(findPresetUncached);
export const findGpu = memo(findGpuUncached);

interface Catalogue {
  /** Every prefix of every normalised name: a run of words is extended only while it stays a prefix. */
  prefixes: Set<string>;
  /** Whole normalised names, so the catalogue lookup runs only on a complete name. */
  full: Set<string>;
  names: string[];
}
let presets: Catalogue | null = null;
let gpus: Catalogue | null = null;

function catalogue<T extends { id: string; name: string; aliases: string[] }>(
  entries: T[],
  spell: (e: T) => string[] = spellings,
): Catalogue {
  const prefixes = new Set<string>();
  const full = new Set<string>();
  const names: string[] = [];
  for (const e of entries) {
    // Suggestions ("did you mean") offer the entry's own spellings, not the derived ones.
    names.push(...spellings(e));
    for (const s of spell(e)) {
      const k = nameKey(s);
      full.add(k);
      for (let i = 1; i <= k.length; i++) prefixes.add(k.slice(0, i));
    }
  }
  return { prefixes, full, names };
}

// Built on first use: the catalogues are plain arrays filled at module load.
export const presetCatalogue = (): Catalogue => {
  presets ??= catalogue(PRESETS, presetSpellings);
  return presets;
};
export const gpuCatalogue = (): Catalogue => {
  gpus ??= catalogue(GPUS);
  return gpus;
};
