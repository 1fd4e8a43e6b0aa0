// The grammar: which token sequences form a spec, and (as embedded actions) what each phrase sets. The
// meaning of a word lives in the key table (keys.ts) and of a phrase in actions.ts; the rules fix the
// shapes people type. It is the only parser: every input, valid or not, goes through it.
// An EmbeddedActionsParser without a CST: the actions write into one PatchBuilder per side as the rules
// match, so no tree is built and walked again (Chevrotain's performance guide).
import { EmbeddedActionsParser, type IOrAlt, type IToken } from 'chevrotain';
import * as A from './actions.js';
import { PatchBuilder } from './builder.js';
import type { Payload } from './classify.js';
import type { ComponentParts } from './component.js';
import { COMPONENT_FLAGS, COMPONENT_KEYS, type Entry } from './keys.js';
import { messages } from './parse-errors.js';
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

/** A side's builder and whether anything was said on it (`llama-2-7b vs` says nothing after `vs`). */
export interface Side {
  builder: PatchBuilder;
  empty: boolean;
}

/** Both sides of what was typed; `second` is null without `vs`. */
export interface Sides {
  first: PatchBuilder;
  second: Side | null;
  vs: IToken | undefined;
}

/** A key and its value as the `assignment` rule read them. */
interface KeyValue {
  key: IToken;
  value: IToken;
}

class SpecParser extends EmbeddedActionsParser {
  /** The text being parsed (errors quote it) and the side's builder the actions write into. */
  text = '';
  private b: PatchBuilder = new PatchBuilder('');
  private items = 0;
  /** The number that starts a `32 layers` or `8 x H100` phrase. */
  private lead: IToken = undefined as unknown as IToken;
  /** One ComponentParts for every layer phrase: buildComponent reads it and keeps nothing of it. */
  private parts: ComponentParts = { kind: undefined as unknown as IToken, shape: undefined, flags: [], args: [] };
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

  /** `validate` runs Chevrotain's grammar checks (ambiguities, left recursion): a test does, start-up need not. */
  constructor(validate: boolean) {
    super(T.PARSER_TOKENS, { errorMessageProvider: messages, maxLookahead: 3, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** `A` or `A vs B`. */
  spec = this.RULE('spec', (): Sides => {
    const first = this.SUBRULE(this.side);
    let second: Side | null = null;
    let vs: IToken | undefined;
    this.OPTION(() => {
      vs = this.CONSUME(T.Vs);
      second = this.SUBRULE2(this.side);
    });
    return { first: first.builder, second, vs };
  });

  side = this.RULE('side', (): Side => {
    this.ACTION(() => {
      this.b = new PatchBuilder(this.text);
      this.items = 0;
    });
    this.MANY(() => {
      this.SUBRULE(this.item);
      this.items++;
    });
    return { builder: this.b, empty: this.items === 0 };
  });

  /**
   * One phrase. Every choice here is decided by the phrase's first token (LL(1)), which Chevrotain turns
   * into one table lookup; the short phrases are written inline, as a rule call costs more than they do.
   */
  item = this.RULE('item', () => {
    this.OR(
      this.cached('item', () => [
        {
          ALT: () => {
            const kv = this.SUBRULE(this.assignment);
            this.ACTION(() => A.assignment(kv.key, kv.value, this.b));
          },
        },
        { ALT: () => this.choice() },
        { ALT: () => this.numberFirst() },
        {
          // `64xH100`, `8x A100-80GB`.
          ALT: () => {
            const count = this.CONSUME(T.GpuCount);
            const gpu = this.CONSUME2(T.Gpu);
            this.ACTION(() => A.gpus(count, gpu, this.b));
          },
        },
        {
          ALT: () => {
            const gpu = this.CONSUME3(T.Gpu);
            this.ACTION(() => A.gpus(undefined, gpu, this.b));
          },
        },
        { ALT: () => this.SUBRULE(this.component) },
        {
          // A preset, family, switch, dtype, optimizer, mode or flag: one word that sets something.
          ALT: () => {
            const t = this.CONSUME(T.Setter);
            this.ACTION(() => A.word(t, this.b));
          },
        },
      ]),
    );
  });

  /** `kv_cache=fp8`, `recompute full`, `recompute` alone (inlined into `item`). */
  private choice(): void {
    const key = this.CONSUME(T.ChoiceKey);
    let value: IToken | undefined;
    this.OPTION({
      GATE: () => this.LA(1).tokenType === T.Assign || accepts(key, this.LA(1)),
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.Assign));
        value = this.CONSUME(T.ChoiceValue);
      },
    });
    this.ACTION(() => A.choice(key, value, this.b));
  }

  /** `32 layers`, `2T tokens`, `128k context`; `8 x H100`, `64 H100s` (inlined into `item`). */
  private numberFirst(): void {
    // On the instance, not in a local: the cached alternatives below would keep the first call's token.
    this.lead = this.CONSUME(T.NumberTok);
    this.OR2(
      this.cached('numberFirst', () => [
        {
          ALT: () => {
            const key = this.CONSUME(T.NumKey);
            this.ACTION(() => A.valueFirst(this.lead, key, this.b));
          },
        },
        {
          ALT: () => {
            this.OPTION3(() => this.CONSUME(T.Times));
            const gpu = this.CONSUME(T.Gpu);
            this.ACTION(() => A.gpus(this.lead, gpu, this.b));
          },
        },
      ]),
    );
  }

  /** `L=32`, `L:32`, `L 32`, `batch=?`, `gpu=H100`. */
  assignment = this.RULE('assignment', (): KeyValue => {
    const key = this.CONSUME(T.NumKey);
    this.OPTION(() => this.CONSUME(T.Assign));
    const value = this.OR(
      this.cached('assignment', () => [
        { ALT: () => this.CONSUME(T.NumberTok) },
        { ALT: () => this.CONSUME(T.Question) },
        { ALT: () => this.CONSUME(T.Dims) },
        { ALT: () => this.CONSUME(T.Gpu) },
      ]),
    ) as IToken;
    return { key, value };
  });

  /** `dense 1024x4096`, `mlp 784-512-10`, `conv k=3 cin=64 cout=128`, `+ lstm in=512 hidden=1024`. */
  component = this.RULE('component', () => {
    this.OPTION(() => this.CONSUME(T.Plus));
    const kind = this.CONSUME(T.Component);
    const parts = this.parts;
    this.ACTION(() => {
      parts.kind = kind;
      parts.shape = undefined;
      parts.flags.length = 0;
      parts.args.length = 0;
    });
    this.OPTION2(() => {
      const shape = this.OR2(
        this.cached('shape', () => [{ ALT: () => this.CONSUME(T.Dims) }, { ALT: () => this.CONSUME(T.Chain) }]),
      ) as IToken;
      this.ACTION(() => {
        parts.shape = shape;
      });
    });
    this.MANY({
      GATE: () => belongsTo(kind, this.LA(1)),
      DEF: () => {
        this.OR3([
          {
            ALT: () => {
              const kv = this.SUBRULE(this.assignment);
              this.ACTION(() => parts.args.push(kv));
            },
          },
          {
            ALT: () => {
              const flag = this.CONSUME(T.Switch);
              this.ACTION(() => parts.flags.push(flag));
            },
          },
          {
            ALT: () => {
              const flag = this.CONSUME(T.Flag);
              this.ACTION(() => parts.flags.push(flag));
            },
          },
        ]);
      },
    });
    this.ACTION(() => A.component(parts, this.b));
  });
}

export type { SpecParser };

let instance: SpecParser | undefined;

/** The one parser instance, built on first use; each parse sets its `input` and `text`. */
export function specParser(): SpecParser {
  instance ??= new SpecParser(false);
  return instance;
}

/** A parser with Chevrotain's grammar validations on, for the test that checks the grammar itself. */
export const validatingParser = (): SpecParser => new SpecParser(true);
