// Lexer and parser failures → one NapkinError that points at the text and says what to write instead.
import {
  EOF,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { Span } from '../src/core/spec.js';
import { fail } from '../src/result.js';
import type { Payload } from './classify.js';
import { ENTRIES } from './keys.js';
import { gpuCatalogue, presetCatalogue } from './lexicon.js';
import { spanOf } from './span.js';
import { didYouMean, nearest } from './suggest.js';
import * as T from './tokens.js';

export type Failure = ReturnType<typeof fail>;

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

/** A span kept inside the text (a patch merged from another message may carry foreign offsets). */
export function inside(span: Span | undefined, text: string): Span {
  if (!span || span.offset < 0 || span.offset + span.length > text.length) return { offset: 0, length: text.length };
  return span;
}

export const failAt = (code: string, message: string, span: Span | undefined, text: string, hint = ''): Failure => {
  const s = inside(span, text);
  return fail(code, message, s.offset, s.length, hint);
};

const KEYS = ENTRIES.filter((e) => e.kind === 'numKey' || e.kind === 'choiceKey').flatMap((e) => [
  e.name,
  ...e.aliases,
]);
const WORD_LIST = ENTRIES.filter((e) => e.kind !== 'filler').flatMap((e) => [e.name, ...e.aliases]);

/** Near spellings of an unknown word: keys when a value follows, else any word, preset or GPU. */
function suggestFor(word: string, keyExpected: boolean): string {
  const pool = keyExpected ? KEYS : [...WORD_LIST, ...presetCatalogue().names, ...gpuCatalogue().names];
  return didYouMean(nearest(word, pool));
}

function unknownWord(t: IToken, next: IToken | undefined, text: string): Failure {
  const keyExpected = next?.tokenType === T.Assign;
  const hint =
    suggestFor(t.image, keyExpected) ||
    'write a preset (`llama-2-7b`), a family with sizes (`transformer d=4096 L=32`) or keys like `seq=4096`; `help` lists them';
  return failAt('unknown-word', `unknown word \`${t.image}\``, spanOf(t), text, hint);
}

/** The error for the token the parser stopped at, explained by what kind of token it is. */
function explain(
  t: IToken,
  prev: IToken | undefined,
  next: IToken | undefined,
  text: string,
  fallback: string,
): Failure {
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
      return /[bt]$/i.test(t.image)
        ? failAt(
            'no-key',
            `\`${t.image}\` has no key`,
            span,
            text,
            `did you mean \`${t.image} params\` or \`${t.image} tokens\`?`,
          )
        : failAt(
            'no-key',
            `\`${t.image}\` has no key`,
            span,
            text,
            `name what it is: \`L=${t.image}\` or \`${t.image} layers\``,
          );
    case T.Dims:
    case T.Chain:
      return failAt(
        'no-layer',
        `\`${t.image}\` is a layer shape`,
        span,
        text,
        `put a layer before it: \`dense 1024x4096\`, \`mlp 784-512-10\``,
      );
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
  // The parser wanted a value after a key: `heads` alone, `kv_cache=` at the end.
  if (prev && (prev.tokenType === T.NumKey || prev.tokenType === T.Assign)) {
    const key = prev.tokenType === T.Assign ? undefined : prev;
    const name = key?.image ?? text.slice(0, prev.startOffset).trim().split(/\s+/).at(-1) ?? '';
    return failAt('no-value', `\`${name}\` needs a value`, spanOf(prev), text, `e.g. \`${name}=32\``);
  }
  return failAt('syntax', entry ? `\`${t.image}\` is out of place` : fallback, span, text, 'see `help` for the syntax');
}

export function parseError(err: IRecognitionException, tokens: IToken[], text: string): Failure {
  const t = err.token;
  const atEnd = t.tokenType === EOF || Number.isNaN(t.startOffset);
  // Chevrotain's EOF token has no position: report the last real token instead.
  const i = atEnd ? tokens.length : tokens.indexOf(t);
  const prev = i > 0 ? tokens[i - 1] : undefined;
  if (atEnd) {
    const last = prev ?? tokens[0];
    if (!last)
      return failAt('empty', 'nothing to estimate', { offset: 0, length: text.length }, text, 'e.g. `llama-2-7b`');
    const name = last.tokenType === T.Assign ? (tokens[i - 2]?.image ?? last.image) : last.image;
    return failAt('no-value', `\`${name}\` needs a value`, spanOf(last), text, `e.g. \`${name}=32\``);
  }
  return explain(t, prev, tokens[i + 1], text, err.message);
}

export function lexError(offset: number, length: number, text: string): Failure {
  const bad = text.slice(offset, offset + Math.max(length, 1));
  return failAt(
    'bad-character',
    `unexpected \`${bad}\``,
    { offset, length: Math.max(1, length) },
    text,
    'use letters, numbers, `=`, `?`, `+` and `x`',
  );
}
