// The grammar: which token sequences form a spec. Meaning (which key sets which field) lives in the
// actions (actions.ts) and the key table; the rules only fix the shapes people type. fast-parse.ts walks
// the same rules by hand for speed: a change to a rule here needs the same change there (a test checks).
import { CstParser, type IOrAlt, type IToken } from 'chevrotain';
import type { Payload } from './classify.js';
import { messages } from './parse-errors.js';
import { COMPONENT_FLAGS, COMPONENT_KEYS, type Entry } from './keys.js';
import * as T from './tokens.js';

const entryOf = (t: IToken): Entry | undefined => {
  const p = t.payload as Payload | undefined;
  return p && 'entry' in p ? p.entry : undefined;
};

/** Whether the token after a component word still belongs to it (`lstm in=512 hidden=1024`). */
export function belongsTo(component: IToken, next: IToken): boolean {
  const comp = entryOf(component);
  const e = entryOf(next);
  if (!comp || !e) return false;
  const kind = String((comp as { field?: string }).field);
  if (next.tokenType === T.NumKey) return COMPONENT_KEYS[kind]?.includes(e.name) ?? false;
  const field = (e as { field?: string }).field ?? '';
  return (
    (next.tokenType === T.Switch || next.tokenType === T.Flag) && (COMPONENT_FLAGS[kind]?.includes(field) ?? false)
  );
}

/** Whether a word may be the value of a choice key without `=` (`recompute full`, not `recompute fp16`). */
export function accepts(key: IToken, value: IToken): boolean {
  const k = entryOf(key);
  const v = entryOf(value);
  return !!k && !!v && k.kind === 'choiceKey' && (v as { field?: string }).field === k.accepts;
}

class SpecParser extends CstParser {
  /** Alternatives built once, not on every call (Chevrotain's performance advice). */
  private alts: Record<string, IOrAlt<unknown>[]> = {};

  private cached(name: string, make: () => IOrAlt<unknown>[]): IOrAlt<unknown>[] {
    let alts = this.alts[name];
    if (!alts) {
      alts = make();
      this.alts[name] = alts;
    }
    return alts;
  }

  constructor() {
    super(T.PARSER_TOKENS, { errorMessageProvider: messages, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  /** `A` or `A vs B`. */
  spec = this.RULE('spec', () => {
    this.SUBRULE(this.side, { LABEL: 'sides' });
    this.OPTION(() => {
      this.CONSUME(T.Vs);
      this.SUBRULE2(this.side, { LABEL: 'sides' });
    });
  });

  side = this.RULE('side', () => {
    this.MANY(() => this.SUBRULE(this.item));
  });

  item = this.RULE('item', () => {
    this.OR(
      this.cached('item', () => [
        { ALT: () => this.SUBRULE(this.assignment) },
        { ALT: () => this.SUBRULE(this.choice) },
        { ALT: () => this.SUBRULE(this.valueFirst) },
        { ALT: () => this.SUBRULE(this.gpus) },
        { ALT: () => this.SUBRULE(this.component) },
        { ALT: () => this.SUBRULE(this.word) },
      ]),
    );
  });

  /** `L=32`, `L:32`, `L 32`, `batch=?`, `gpu=H100`. */
  assignment = this.RULE('assignment', () => {
    this.CONSUME(T.NumKey, { LABEL: 'key' });
    this.OPTION(() => this.CONSUME(T.Assign));
    this.OR(
      this.cached('assignment', () => [
        { ALT: () => this.CONSUME(T.NumberTok, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Question, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Dims, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Gpu, { LABEL: 'value' }) },
      ]),
    );
  });

  /** `kv_cache=fp8`, `recompute full`, `recompute` alone. */
  choice = this.RULE('choice', () => {
    const key = this.CONSUME(T.ChoiceKey, { LABEL: 'key' });
    this.OPTION({
      GATE: () => this.LA(1).tokenType === T.Assign || accepts(key, this.LA(1)),
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.Assign));
        this.SUBRULE(this.choiceValue);
      },
    });
  });

  choiceValue = this.RULE('choiceValue', () => {
    this.OR(
      this.cached('choiceValue', () => [
        { ALT: () => this.CONSUME(T.Dtype, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Optimizer, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Mode, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Switch, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Choice, { LABEL: 'value' }) },
      ]),
    );
  });

  /** `32 layers`, `2T tokens`, `128k context`. */
  valueFirst = this.RULE('valueFirst', () => {
    this.CONSUME(T.NumberTok, { LABEL: 'value' });
    this.CONSUME(T.NumKey, { LABEL: 'key' });
  });

  /** `64xH100`, `8x A100-80GB`, `8 x H100`, `64 H100s`, `H100`. */
  gpus = this.RULE('gpus', () => {
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.GpuCount, { LABEL: 'count' }) },
        {
          ALT: () => {
            this.CONSUME(T.NumberTok, { LABEL: 'count' });
            this.OPTION2(() => this.CONSUME(T.Times));
          },
        },
      ]);
    });
    this.CONSUME(T.Gpu, { LABEL: 'gpu' });
  });

  /** `dense 1024x4096`, `mlp 784-512-10`, `conv k=3 cin=64 cout=128`, `+ lstm in=512 hidden=1024`. */
  component = this.RULE('component', () => {
    this.OPTION(() => this.CONSUME(T.Plus));
    const kind = this.CONSUME(T.Component, { LABEL: 'kind' });
    this.OPTION2(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Dims, { LABEL: 'shape' }) },
        { ALT: () => this.CONSUME(T.Chain, { LABEL: 'shape' }) },
      ]);
    });
    this.MANY({
      GATE: () => belongsTo(kind, this.LA(1)),
      DEF: () => {
        this.OR2([
          { ALT: () => this.SUBRULE(this.assignment, { LABEL: 'args' }) },
          { ALT: () => this.CONSUME(T.Switch, { LABEL: 'flags' }) },
          { ALT: () => this.CONSUME(T.Flag, { LABEL: 'flags' }) },
        ]);
      },
    });
  });

  /** One word that sets something: a preset, family, switch, dtype, optimizer, mode or flag. */
  word = this.RULE('word', () => {
    this.OR(
      this.cached('word', () => [
        { ALT: () => this.CONSUME(T.Preset, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Family, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Switch, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Dtype, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Optimizer, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Mode, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(T.Flag, { LABEL: 'value' }) },
      ]),
    );
  });
}

let instance: SpecParser | undefined;

/**
 * The one parser instance, built on first use; each parse sets its `input`. Specs that parse never reach
 * it (fast-parse.ts reads them), so a one-shot CLI answer skips Chevrotain's self-analysis (~15 ms).
 */
export function specParser(): SpecParser {
  instance ??= new SpecParser();
  return instance;
}
