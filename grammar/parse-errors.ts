// The parser's half of the error story: a Chevrotain parse failure → one NapkinError that names the
// offending text and says what to write instead (near spellings for unknown words).
import {
  EOF,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { Payload } from './classify.js';
import { example, type Failure, failAt } from './errors.js';
import { ENTRIES } from './keys.js';
import { gpuCatalogue, presetCatalogue } from './lexicon.js';
import { join, spanOf } from './span.js';
import { memo } from './memo.js';
import { didYouMean, nearest, type Spellings, spellings } from './suggest.js';
import * as T from './tokens.js';

const label = (t: TokenType) => (typeof t.LABEL === 'string' ? t.LABEL : t.name);
const shown = (t: IToken) => (t.tokenType === EOF ? 'the end' : `\`${t.image}\``);

/** Chevrotain's messages, in the words of this grammar; errors.ts replaces most with sharper ones. */
export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, previous }) =>
    `expected ${label(expected)} after \`${previous.image}\`, found ${shown(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `did not understand ${shown(firstRedundant)}`,
  buildNoViableAltMessage: ({ actual, previous }) =>
    `did not understand ${shown(actual[0])}${previous?.image ? ` after \`${previous.image}\`` : ''}`,
  buildEarlyExitMessage: ({ actual }) => `did not understand ${shown(actual[0])}`,
};

const KEYS = spellings(
  ENTRIES.filter((e) => e.kind === 'numKey' || e.kind === 'choiceKey').flatMap((e) => [e.name, ...e.aliases]),
);
const WORD_LIST = ENTRIES.filter((e) => e.kind !== 'filler').flatMap((e) => [e.name, ...e.aliases]);

/** Every word, preset and GPU name, lower-cased without repeats, in first-seen order; built on the first typo. */
let allNames: Spellings | null = null;
const namePool = () => (allNames ??= spellings([...WORD_LIST, ...presetCatalogue().names, ...gpuCatalogue().names]));

/** Near spellings of an unknown word: keys when a value follows, else any word, preset or GPU. */
const suggestKey = memo((word: string) => didYouMean(nearest(word, KEYS)));
const suggestName = memo((word: string) => didYouMean(nearest(word, namePool())));
const suggestFor = (word: string, keyExpected: boolean): string => (keyExpected ? suggestKey : suggestName)(word);

function unknownWord(t: IToken, next: IToken | undefined, text: string): Failure {
  const keyExpected = next?.tokenType === T.Assign;
  const hint =
    suggestFor(t.image, keyExpected) ||
    'write a preset (`llama-2-7b`), a family with sizes (`transformer d=4096 L=32`) or keys like `seq=4096`; `help` lists them';
  return failAt('unknown-word', `unknown word \`${t.image}\``, spanOf(t), text, hint);
}

/** What a number without a key probably meant, from its suffix. */
/** `2x4090`: GPUs by number, or a layer shape missing its layer. */
function shapeHint(image: string): string {
  const m = /^(\d+)x(\d{4})$/i.exec(image);
  const gpu = m ? gpuByNumber(m[2]) : null;
  if (m && gpu) return `for ${m[1]} GPUs write \`${m[1]}x${gpu}\`; for a layer, \`dense ${image}\``;
  return 'put a layer before it: `dense 1024x4096`, `mlp 784-512-10`';
}

/** A consumer GPU written by its number alone (`4090`), as people say it: its catalogue name, else null. */
function gpuByNumber(digits: string): string | null {
  const name = gpuCatalogue().names.find((n) => /^rtx[-\s]?\d{4}$/i.test(n) && n.endsWith(digits));
  return name ?? null;
}

function numberHint(image: string): string {
  const gpu = gpuByNumber(image);
  if (gpu) return `for the GPU write \`${gpu}\` (\`2x${gpu}\` for two); for layers, \`L=${image}\``;
  if (/k$/i.test(image)) return `did you mean \`${image} context\` (seq=${image})?`;
  if (/[bt]$/i.test(image)) return `did you mean \`${image} params\` or \`${image} tokens\`?`;
  return `name what it is: \`L=${image}\` or \`${image} layers\``;
}

/** `seq=4,096`: a comma separates settings, so the thousands' group after it reads as a number of its own. */
function groupedNumber(t: IToken, text: string): Failure | null {
  if (!/^\d{3}$/.test(t.image)) return null;
  const lead = /\d{1,3}(?:,\d{3})*,$/.exec(text.slice(0, t.startOffset));
  if (!lead) return null;
  const rest = /^(?:,\d{3})*/.exec(text.slice(t.startOffset + t.image.length))![0];
  const written = lead[0] + t.image + rest;
  const span = { offset: t.startOffset - lead[0].length, length: written.length };
  const message = `\`${written}\`: a comma separates settings, so napkin cannot read it as one number`;
  return failAt('no-key', message, span, text, `write it without separators: \`${written.replace(/,/g, '')}\``);
}

/** The error for the token the parser stopped at, explained by what kind of token it is. */
function explain(t: IToken, tokens: IToken[], i: number, text: string, fallback: string): Failure {
  const next = tokens[i + 1];
  const span = spanOf(t);
  const entry =
    (t.payload as Payload | undefined) && 'entry' in t.payload
      ? (t.payload as { entry: { name: string } }).entry
      : null;
  switch (t.tokenType) {
    case T.WordTok:
    case T.DigitWord:
      return unknownWord(t, next, text);
    case T.NumberTok:
      // `8 H10O`: the word after the number is what is wrong.
      if (next && (next.tokenType === T.WordTok || next.tokenType === T.DigitWord))
        return unknownWord(next, tokens[i + 2], text);
      return groupedNumber(t, text) ?? failAt('no-key', `\`${t.image}\` has no key`, span, text, numberHint(t.image));
    case T.Dims:
    case T.Chain:
      return failAt('no-layer', `\`${t.image}\` is a layer shape`, span, text, shapeHint(t.image));
    case T.Choice:
      return failAt('no-key', `\`${t.image}\` is a value without its key`, span, text, `e.g. \`recompute=${t.image}\``);
    case T.Vs:
      return failAt('vs', 'only two specs can be compared at once', span, text, 'write one `A vs B` per message');
    case T.Plus:
      return failAt(
        'syntax',
        '`+` joins layers',
        span,
        text,
        'follow it with a layer: `dense 1024x4096 + dense 4096x10`',
      );
  }
  const wanting = needsValue(tokens, i, text);
  if (wanting) return wanting;
  return failAt('syntax', entry ? `\`${t.image}\` is out of place` : fallback, span, text, 'see `help` for the syntax');
}

/** When the token before `i` is a key (or `key=`) still waiting for its value. */
function needsValue(tokens: IToken[], i: number, text: string): Failure | null {
  const prev = tokens[i - 1];
  if (!prev) return null;
  const key = prev.tokenType === T.Assign ? tokens[i - 2] : prev;
  if (!key || (key.tokenType !== T.NumKey && key.tokenType !== T.ChoiceKey)) return null;
  const span = join(spanOf(key), spanOf(prev));
  return failAt('no-value', `\`${key.image}\` needs a value`, span, text, `e.g. \`${key.image}=${example(key)}\``);
}

/** The input stopped in the middle of a phrase. Chevrotain's EOF token has no position, so the error
 * points at the last real token. */
function endsEarly(tokens: IToken[], text: string): Failure {
  const last = tokens[tokens.length - 1];
  const wanting = needsValue(tokens, tokens.length, text);
  if (wanting) return wanting;
  const span = spanOf(last);
  switch (last.tokenType) {
    case T.Plus:
      return failAt(
        'syntax',
        '`+` joins layers, but nothing follows it',
        span,
        text,
        'e.g. `dense 1024x4096 + dense 4096x10`',
      );
    case T.Vs:
      return failAt('no-value', '`vs` needs something to compare with', span, text, 'e.g. `llama-2-7b vs L=40`');
    case T.GpuCount:
    case T.Times:
      return failAt('no-value', `\`${last.image}\` needs a GPU`, span, text, 'e.g. `8xH100`');
  }
  return failAt('syntax', `the spec ends early after \`${last.image}\``, span, text, 'see `help` for the syntax');
}

/** The error for Chevrotain's first recognition error. */
export function parseError(
  err: Pick<IRecognitionException, 'token' | 'message' | 'name'>,
  tokens: IToken[],
  text: string,
): Failure {
  const t = err.token;
  const atEnd = t.tokenType === EOF || Number.isNaN(t.startOffset);
  const i = atEnd ? tokens.length : tokens.indexOf(t);
  // A number no phrase takes (`32`, `8 H10O`): the parser stopped after it, at what should say what it is.
  if (err.name === 'NoViableAltException' && tokens[i - 1]?.tokenType === T.NumberTok)
    return explain(tokens[i - 1], tokens, i - 1, text, err.message);
  if (atEnd) return endsEarly(tokens, text);
  return explain(t, tokens, i, text, err.message);
}
