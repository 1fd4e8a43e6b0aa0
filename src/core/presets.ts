// Model presets: typed data, one entry each, with the exact config and the published count it must hit.
import type { Model } from './spec.js';

export interface Preset {
  id: string;
  /** Display name, e.g. 'Llama-2-7B'. */
  name: string;
  /** Other spellings: 'llama2 7b', 'llama-2-7b-hf'. Matched case- and separator-insensitively. */
  aliases: string[];
  model: Model;
  /** Context length the model was trained with (the default `seq`). */
  seq: number;
  /** Published parameter count and where it comes from; tests check `model` against it. */
  published: { params: number; exact: boolean; source: string };
  /** Training tokens when published (shown beside the Chinchilla figure). */
  trainedTokens?: number;
}

export const PRESETS: Preset[] = [];

const key = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
let index: Map<string, Preset> | null = null;

/** Look a preset up by id, name or alias, ignoring case and separators ('Llama-2-7B' = 'llama2 7b'). */
export function findPreset(name: string): Preset | undefined {
  if (!index) {
    index = new Map();
    for (const p of PRESETS) for (const n of [p.id, p.name, ...p.aliases]) index.set(key(n), p);
  }
  return index.get(key(name));
}
