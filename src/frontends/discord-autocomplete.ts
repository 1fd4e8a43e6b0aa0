// Suggestions for the `spec` option while it is typed: preset names for the first word, then keywords
// and GPUs for the word being typed. Answered from indexes built once, well inside Discord's 3 s.
import { BYTES } from '../core/dtypes.js';
import { GPUS } from '../core/gpus.js';
import { PRESETS } from '../core/presets.js';

export interface Choice {
  name: string;
  value: string;
}

/** Discord: at most 25 choices, each name and value 1–100 characters. */
const MAX_CHOICES = 25;
const MAX_LEN = 100;

// Words the grammar reads after the model: training set-up, parallelism, and `key=` settings.
const WORDS = [
  'train',
  'infer',
  'adamw',
  'adam',
  'adam8bit',
  'sgd',
  'momentum',
  'adafactor',
  'lion',
  'zero1',
  'zero2',
  'zero3',
  'lora',
  'qlora',
  'flash',
  'recompute',
  'seq=',
  'batch=',
  'tokens=',
  'gpus=',
  'tp=',
  'pp=',
  'mfu=',
  'L=',
  'd=',
  'heads=',
  'vocab=',
  'vs',
];

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

let models: { word: string; keys: string[] }[] | null = null;
let keywords: { word: string; keys: string[] }[] | null = null;

function indexes() {
  models ??= PRESETS.map((p) => ({ word: p.id, keys: [p.id, p.name, ...p.aliases].map(norm) }));
  keywords ??= [
    ...Object.keys(BYTES).map((w) => ({ word: w, keys: [norm(w)] })),
    ...WORDS.map((w) => ({ word: w, keys: [norm(w)] })),
    ...GPUS.map((g) => ({ word: g.id, keys: [g.id, g.name, ...g.aliases].map(norm) })),
  ];
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
  const pool = first ? models : count ? keywords.filter((k) => GPUS.some((g) => g.id === k.word)) : keywords;
  const words = rank(pool, stem).filter((w) => w.toLowerCase() !== stem.toLowerCase() || first);
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
