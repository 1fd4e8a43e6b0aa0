// Suggestions for the `spec` option while it is typed: preset names for the first word, then keywords
// (from the grammar's word table) and GPUs for the word being typed. Answered from indexes built once, well inside Discord's 3 s.
import { ENTRIES, type Entry } from '../../../grammar/keys.js';
import { GPUS } from '../../core/gpus.js';
import { PRESETS } from '../../core/presets.js';

export interface Choice {
  name: string;
  value: string;
}

/** Discord: at most 25 choices, each name and value 1–100 characters. */
const MAX_CHOICES = 25;
const MAX_LEN = 100;
/** Places kept for non-preset words when the first word is being typed. */
const FIRST_WORD_OTHERS = 5;

// Most useful first: with nothing typed yet, only the first 25 are offered.
const KIND_ORDER = ['mode', 'dtype', 'optimizer', 'flag', 'numKey', 'vs', 'switch', 'family', 'component', 'choiceKey'];
// Words that only mean something inside a layer list (`lstm … bidirectional`), not after a model name.
const COMPONENT_ONLY = new Set(['keras', 'bidirectional', 'causal']);

/** The grammar's own word table, so a suggestion is always a word the parser reads. */
function grammarWords(): { word: string; keys: string[] }[] {
  const rank = (e: Entry) => KIND_ORDER.indexOf(e.kind);
  return ENTRIES.filter((e) => rank(e) >= 0 && !COMPONENT_ONLY.has(e.name) && !('component' in e && e.component))
    .sort((a, b) => rank(a) - rank(b))
    .map((e) => {
      const suffix = e.kind === 'numKey' || e.kind === 'choiceKey' ? '=' : '';
      return { word: e.name + suffix, keys: [e.name, ...e.aliases].map(norm) };
    });
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

let models: { word: string; keys: string[] }[] | null = null;
let keywords: { word: string; keys: string[] }[] | null = null;

function indexes() {
  models ??= PRESETS.map((p) => ({ word: p.id, keys: [p.id, p.name, ...p.aliases].map(norm) }));
  keywords ??= [...grammarWords(), ...GPUS.map((g) => ({ word: g.id, keys: [g.id, g.name, ...g.aliases].map(norm) }))];
  return { models, keywords };
}

/** Entries whose keys start with `typed` first, then those that contain it. */
function rank(entries: { word: string; keys: string[] }[], typed: string): string[] {
  const t = norm(typed);
  const starts = entries.filter((e) => e.keys.some((k) => k.startsWith(t)));
  const contains = entries.filter((e) => !starts.includes(e) && e.keys.some((k) => k.includes(t)));
  return [...starts, ...contains].map((e) => e.word);
}

/** Choices that complete what has been typed so far; the value is the whole spec with the word completed. */
export function suggest(typed: string): Choice[] {
  const { models, keywords } = indexes();
  const m = /^(.*?)(\S*)$/s.exec(typed) as RegExpExecArray;
  const [, head, word] = m;
  // A leading count like `8x` belongs to the GPU that follows it: keep it and complete the GPU.
  const count = /^(\d+x)(.*)$/i.exec(word);
  const prefix = head + (count ? count[1] : '');
  const stem = count ? count[2] : word;
  const first = head.trim() === '' && !count;
  // The first word is usually a preset, but may be a family or layer word, or only overrides (`L=40`
  // in compare's `b`): presets come first, leaving room for a few of the rest once something is typed.
  const words = first
    ? [
        ...rank(models, stem).slice(0, stem ? MAX_CHOICES - FIRST_WORD_OTHERS : MAX_CHOICES),
        ...(stem ? rank(keywords, stem) : []),
      ]
    : rank(count ? keywords.filter((k) => GPUS.some((g) => g.id === k.word)) : keywords, stem).filter(
        (w) => w.toLowerCase() !== stem.toLowerCase(),
      );
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const w of words) {
    const value = prefix + w;
    if (value.length > MAX_LEN || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: value, value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}
