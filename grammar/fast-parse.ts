// A hand-written twin of the recogniser in parser.ts, for the inputs that parse. Chevrotain's engine
// (rule invocation, lookahead functions, the CST and its visitor) cost about 0.6 µs per token, most of a
// valid spec's parse; this walks the same rules with the same one- and two-token decisions and calls the
// same actions (actions.ts). Where parsing stops between two items (most mistakes: an unknown word) it
// reports the error Chevrotain would; anywhere else parser.ts would raise an error it gives up (null) and
// the input goes through Chevrotain. A test holds the two paths equal on a large varied list of specs.
import type { IToken, TokenType } from 'chevrotain';
import * as A from './actions.js';
import { PatchBuilder } from './builder.js';
import type { ComponentParts } from './component.js';
import type { Failure } from './errors.js';
import { messages, parseError } from './parse-errors.js';
import { accepts, belongsTo } from './parser.js';
import * as T from './tokens.js';

/** Both sides' builders, before `finish`; `second` is null without `vs`, empty when nothing follows it. */
export interface FastParse {
  first: PatchBuilder;
  second: { builder: PatchBuilder; empty: boolean } | null;
  vs: IToken | undefined;
}

const ITEM_START = new Set<TokenType>([
  T.NumKey,
  T.ChoiceKey,
  T.NumberTok,
  T.GpuCount,
  T.Gpu,
  T.Plus,
  T.Component,
  T.Preset,
  T.Family,
  T.Switch,
  T.Dtype,
  T.Optimizer,
  T.Mode,
  T.Flag,
]);
const WORD = new Set<TokenType>([T.Preset, T.Family, T.Switch, T.Dtype, T.Optimizer, T.Mode, T.Flag]);
const ASSIGNED = new Set<TokenType>([T.NumberTok, T.Question, T.Dims, T.Gpu]);
const CHOICE_VALUE = new Set<TokenType>([T.Dtype, T.Optimizer, T.Mode, T.Switch, T.Choice]);
const COMPONENT_ARG = new Set<TokenType>([T.NumKey, T.Switch, T.Flag]);

/** Chevrotain's message for input left after the spec rule (the same provider it calls). */
const notParsed = (t: IToken) => messages.buildNotAllInputParsedMessage({ firstRedundant: t, ruleName: 'spec' });

/** Thrown-free failure: every rule returns false where Chevrotain would raise a recognition error. */
class Walker {
  i = 0;
  private parts: ComponentParts = { kind: undefined as unknown as IToken, shape: undefined, flags: [], args: [] };

  constructor(
    readonly tokens: IToken[],
    readonly text: string,
  ) {}

  type(at = this.i): TokenType | undefined {
    return this.tokens[at]?.tokenType;
  }

  /** `spec: side (Vs side)?`, and nothing after it. */
  spec(): FastParse | Failure | null {
    const first = this.side();
    if (!first) return null;
    let second: FastParse['second'] = null;
    let vs: IToken | undefined;
    if (this.type() === T.Vs) {
      vs = this.tokens[this.i++];
      const start = this.i;
      const builder = this.side();
      if (!builder) return null;
      second = { builder, empty: this.i === start };
    }
    if (this.i === this.tokens.length) return { first, second, vs };
    // Stopped between items at a token no item starts with: Chevrotain ends the spec rule there and
    // reports that token as not parsed, so the error is the same without running it.
    const t = this.tokens[this.i];
    return parseError({ token: t, message: notParsed(t) }, this.tokens, this.text);
  }

  /** `side: item*`; the loop goes on while the next token can start an item (one token of lookahead). */
  side(): PatchBuilder | null {
    const b = new PatchBuilder(this.text);
    while (this.i < this.tokens.length && ITEM_START.has(this.tokens[this.i].tokenType)) {
      if (!this.item(b)) return null;
    }
    return b;
  }

  item(b: PatchBuilder): boolean {
    const t = this.tokens[this.i];
    switch (t.tokenType) {
      case T.NumKey: {
        const value = this.assignment();
        if (value === null) return false;
        A.assignment(t, value, b);
        return true;
      }
      case T.ChoiceKey:
        return this.choice(b);
      case T.NumberTok: {
        // valueFirst (`32 layers`) or gpus (`8 x H100`, `8 H100`): decided by the second token.
        const next = this.type(this.i + 1);
        if (next === T.NumKey) {
          A.valueFirst(t, this.tokens[this.i + 1], b);
          this.i += 2;
          return true;
        }
        if (next === T.Times || next === T.Gpu) return this.gpus(b);
        return false;
      }
      case T.GpuCount:
      case T.Gpu:
        return this.gpus(b);
      case T.Plus:
      case T.Component:
        return this.component(b);
    }
    if (!WORD.has(t.tokenType)) return false;
    A.word(t, b);
    this.i++;
    return true;
  }

  /** `NumKey Assign? (Number | Question | Dims | Gpu)`: the value, or null. */
  assignment(): IToken | null {
    this.i++;
    if (this.type() === T.Assign) this.i++;
    const value = this.tokens[this.i];
    if (!value || !ASSIGNED.has(value.tokenType)) return null;
    this.i++;
    return value;
  }

  /** `ChoiceKey (Assign? choiceValue)?`, the option taken only when `=` or an accepted value follows. */
  choice(b: PatchBuilder): boolean {
    const key = this.tokens[this.i++];
    const next = this.tokens[this.i];
    let value: IToken | undefined;
    if (
      next &&
      (next.tokenType === T.Assign || accepts(key, next)) &&
      (next.tokenType === T.Assign || CHOICE_VALUE.has(next.tokenType))
    ) {
      if (next.tokenType === T.Assign) this.i++;
      value = this.tokens[this.i];
      if (!value || !CHOICE_VALUE.has(value.tokenType)) return false;
      this.i++;
    }
    A.choice(key, value, b);
    return true;
  }

  /** `(GpuCount | Number Times?)? Gpu`. */
  gpus(b: PatchBuilder): boolean {
    let count: IToken | undefined;
    const first = this.type();
    if (first === T.GpuCount || first === T.NumberTok) {
      count = this.tokens[this.i++];
      if (first === T.NumberTok && this.type() === T.Times) this.i++;
    }
    const gpu = this.tokens[this.i];
    if (!gpu || gpu.tokenType !== T.Gpu) return false;
    this.i++;
    A.gpus(count, gpu, b);
    return true;
  }

  /** `Plus? Component (Dims | Chain)? (assignment | Switch | Flag)*`, arguments only while they belong. */
  component(b: PatchBuilder): boolean {
    if (this.type() === T.Plus) this.i++;
    const kind = this.tokens[this.i];
    if (!kind || kind.tokenType !== T.Component) return false;
    this.i++;
    // One ComponentParts for every phrase: buildComponent reads it and keeps nothing of it.
    const parts = this.parts;
    parts.kind = kind;
    parts.shape = undefined;
    parts.flags.length = 0;
    parts.args.length = 0;
    const shape = this.type();
    if (shape === T.Dims || shape === T.Chain) parts.shape = this.tokens[this.i++];
    for (;;) {
      const next = this.tokens[this.i];
      if (!next || !belongsTo(kind, next) || !COMPONENT_ARG.has(next.tokenType)) break;
      if (next.tokenType === T.NumKey) {
        const value = this.assignment();
        if (value === null) return false;
        parts.args.push({ key: next, value });
      } else {
        parts.flags.push(next);
        this.i++;
      }
    }
    A.component(parts, b);
    return true;
  }
}

/**
 * The sides of a classified token list; the error when parsing stops between two items (an unknown
 * word, a stray `=`); null for any other input parser.ts rejects.
 */
export function fastParse(tokens: IToken[], text: string): FastParse | Failure | null {
  return new Walker(tokens, text).spec();
}
