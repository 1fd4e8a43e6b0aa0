// The step between lexer and parser: words get their kind from the key table, and runs of words that
// spell a preset or GPU (`llama 2 7b`, `A100 80GB`, `H100s`) or one key twice (`compute budget`) become
// one token. Unknown words stay `Word`, which no rule accepts, so the parser stops there and errors.ts
// suggests near spellings.
// Tokens are retyped in place and kept in the lexer's array (fresh for each input): not allocating keeps
// a 6,000-character message well under a millisecond.
import type { IToken, TokenType } from 'chevrotain';
import type { Entry, WordDef } from './keys.js';
import { findGpu, findPreset, gpuCatalogue, nameKey, presetCatalogue, WORDS } from './lexicon.js';
import { memo } from './memo.js';
import { endOf } from './span.js';
import * as T from './tokens.js';

export type Payload = { entry: Entry } | { id: string };

const KIND_TOKEN: Record<string, TokenType> = {
  family: T.Family,
  switch: T.Switch,
  dtype: T.Dtype,
  optimizer: T.Optimizer,
  mode: T.Mode,
  flag: T.Flag,
  choice: T.Choice,
  component: T.Component,
  vs: T.Vs,
  times: T.Times,
  numKey: T.NumKey,
  choiceKey: T.ChoiceKey,
};

const PAYLOADS = new Map<Entry, Payload>();
const TOP_K = /^top[-_]?(\d+)$/i;
const MAX_RUN = 5;

const isWord = (t: IToken) => t.tokenType === T.WordTok || t.tokenType === T.DigitWord;
const isNamePart = (t: IToken) => isWord(t) || t.tokenType === T.NumberTok;

function retype(t: IToken, type: TokenType, payload: Payload): IToken {
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx!;
  t.payload = payload;
  return t;
}

/** The words of tokens i..j as typed, joined by spaces (the catalogues ignore separators). */
function words(raw: IToken[], i: number, j: number, dropLast = 0): string {
  let out = firstWritten(raw[i].image);
  for (let k = i + 1; k <= j; k++) out += ` ${raw[k].image}`;
  return dropLast ? out.slice(0, -dropLast) : out;
}

/** A Hugging Face repo id names the model after the slash (`meta-llama/Llama-2-7b-hf`). */
function firstWritten(image: string): string {
  const slash = image.lastIndexOf('/');
  return slash < 0 ? image : image.slice(slash + 1);
}

/** What one run of words spells: the preset or GPU it names, and whether a longer run still might. */
interface Step {
  match: [TokenType, string] | null;
  more: boolean;
}

/** `key` is the run's normalised spelling; `spell(n)` the run as typed, less its last n characters. */
function step(key: string, spell: (dropLast: number) => string): Step {
  const pre = presetCatalogue();
  const gpu = gpuCatalogue();
  const inPre = pre.prefixes.has(key);
  const inGpu = gpu.prefixes.has(key);
  let match: Step['match'] = null;
  if (inPre && pre.full.has(key)) {
    const p = findPreset(spell(0));
    if (p) match = [T.Preset, p.id];
  } else if (inGpu && gpu.full.has(key)) {
    const g = findGpu(spell(0));
    if (g) match = [T.Gpu, g.id];
  } else if (key.endsWith('s') && gpu.full.has(key.slice(0, -1))) {
    // Plural GPUs: `64 H100s`.
    const g = findGpu(spell(1));
    if (g) match = [T.Gpu, g.id];
  }
  return { match, more: inPre || inGpu };
}

/** A word on its own: its key-table entry and its first step as a name. Memoised: chat repeats words. */
interface WordInfo {
  entry: Entry | undefined;
  key: string;
  first: Step;
}
const wordInfo = memo((image: string): WordInfo => {
  const written = firstWritten(image);
  const key = nameKey(written);
  const first = step(key, (n) => (n ? written.slice(0, -n) : written));
  return { entry: WORDS.get(image.toLowerCase()), key, first };
});

/** The longest run from `i` that names a preset or GPU: [tokens used, type, id]. */
function matchName(raw: IToken[], i: number, info: WordInfo): [number, TokenType, string] | null {
  const first = info.first.match;
  let best: [number, TokenType, string] | null = first && [1, first[0], first[1]];
  if (!info.first.more) return best;
  let key = info.key;
  for (let j = i + 1; j < raw.length && j < i + MAX_RUN && isNamePart(raw[j]); j++) {
    key += nameKey(raw[j].image);
    const next = step(key, (n) => words(raw, i, j, n));
    if (next.match) best = [j - i + 1, next.match[0], next.match[1]];
    if (!next.more) break;
  }
  return best;
}

const valueFollows = (next: IToken | undefined) =>
  next !== undefined &&
  (next.tokenType === T.Assign || next.tokenType === T.NumberTok || next.tokenType === T.Question);

/** The parser's tokens, in `raw` itself (compacted: joined names and dropped fillers leave gaps). */
export function classify(raw: IToken[], text: string): IToken[] {
  // Writes go at `k` ≤ `i`, behind every read, which looks at `i` and ahead.
  let k = 0;
  const keep = (t: IToken) => {
    raw[k++] = t;
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (!isWord(t)) {
      keep(t);
      continue;
    }
    const info = wordInfo(t.image);
    const entry = info.entry;
    const name = entry?.kind === 'filler' ? null : matchName(raw, i, info);
    // A keyword wins over a one-word name; a longer run (`llama 2 7b`) wins over the keyword.
    if (name && (name[0] > 1 || !entry)) {
      const end = endOf(raw[i + name[0] - 1]);
      t.image = text.slice(t.startOffset, end);
      t.endOffset = end - 1;
      keep(retype(t, name[1], { id: name[2] }));
      i += name[0] - 1;
      continue;
    }
    const top = entry ? null : TOP_K.exec(t.image);
    if (top) {
      const def: WordDef = { kind: 'flag', name: t.image, aliases: [], field: 'topk', value: Number(top[1]) };
      keep(retype(t, T.Flag, { entry: def }));
      continue;
    }
    if (!entry) {
      // No rule accepts an unknown word, so the parse stops here: the rest need no classifying.
      for (let j = i; j < raw.length; j++) keep(raw[j]);
      raw.length = k;
      return raw;
    }
    // Filler words are dropped; `in` is a key only when a value follows (`dense in=1024`, not `in bf16`).
    if (entry.kind === 'filler' || (entry.name === 'in' && !valueFollows(raw[i + 1]))) continue;
    // Two spellings of one key in a row name it once: `compute budget 3e23`, `flops budget=1e24`.
    const next = raw[i + 1];
    if (next && isWord(next) && wordInfo(next.image).entry === entry) {
      const end = endOf(next);
      t.image = text.slice(t.startOffset, end);
      t.endOffset = end - 1;
      i++;
    }
    let payload = PAYLOADS.get(entry);
    if (!payload) {
      payload = { entry };
      PAYLOADS.set(entry, payload);
    }
    keep(retype(t, KIND_TOKEN[entry.kind], payload));
  }
  raw.length = k;
  return raw;
}
