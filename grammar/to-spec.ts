// The visitor: CST → SpecPatch. Each rule's tokens carry their key-table entry (classify.ts), so the
// meaning of a word lives in keys.ts and this file only says how each shape of phrase sets fields.
import type { IToken } from 'chevrotain';
import type { Span } from '../src/core/spec.js';
import type { PatchBuilder } from './builder.js';
import type { Payload } from './classify.js';
import { buildComponent } from './component.js';
import type {
  AssignmentCstChildren,
  ChoiceCstChildren,
  ComponentCstChildren,
  GpusCstChildren,
  ItemCstChildren,
  SideCstChildren,
  ValueFirstCstChildren,
  WordCstChildren,
} from './cst.js';
import { example, failAt } from './errors.js';
import { COMPONENT_KEYS, type ChoiceKeyDef, type NumKeyDef, type WordDef } from './keys.js';
import { parser } from './parser.js';
import { join, spanOf } from './span.js';
import * as T from './tokens.js';

const payload = (t: IToken) => t.payload as Payload;
const entry = (t: IToken) => (payload(t) as { entry: unknown }).entry;
const numKey = (t: IToken) => entry(t) as NumKeyDef;
const choiceKey = (t: IToken) => entry(t) as ChoiceKeyDef;
const wordDef = (t: IToken) => entry(t) as WordDef;

const owners = (key: string) =>
  Object.entries(COMPONENT_KEYS)
    .filter(([, keys]) => keys.includes(key))
    .map(([c]) => c);

const BaseVisitor = parser.getBaseCstVisitorConstructor<PatchBuilder, void>();

class ToSpec extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  spec(): void {
    // Sides are visited one by one by index.ts, each into its own builder.
  }

  side(ctx: SideCstChildren, b: PatchBuilder): void {
    for (const item of ctx.item ?? []) this.visit(item, b);
  }

  item(ctx: ItemCstChildren, b: PatchBuilder): void {
    const node = ctx.assignment ?? ctx.choice ?? ctx.valueFirst ?? ctx.gpus ?? ctx.component ?? ctx.word;
    if (node) this.visit(node, b);
  }

  assignment(ctx: AssignmentCstChildren, b: PatchBuilder): void {
    const key = ctx.key[0];
    const value = ctx.value?.[0];
    if (value) this.keyValue(key, value, join(spanOf(key), spanOf(value)), b);
  }

  valueFirst(ctx: ValueFirstCstChildren, b: PatchBuilder): void {
    const key = ctx.key[0];
    const value = ctx.value[0];
    this.keyValue(key, value, join(spanOf(value), spanOf(key)), b);
  }

  /** One key with its value, in either order. */
  private keyValue(key: IToken, value: IToken, span: Span, b: PatchBuilder): void {
    const def = numKey(key);
    const shown = () => `\`${b.show(span)}\``;
    if (def.component) {
      const hint = `write it after the layer: ${owners(def.name).join(' / ')}, e.g. \`conv k=3 cin=64 cout=128\``;
      b.fail(failAt('misplaced', `${shown()}: \`${key.image}\` belongs to a layer`, span, b.text, hint));
      return;
    }
    if (value.tokenType === T.Question) {
      if (!def.solve) {
        b.fail(
          failAt('bad-solve', `${shown()}: napkin solves only for batch, seq or gpus`, span, b.text, 'e.g. `batch=?`'),
        );
        return;
      }
      b.set('solve', def.solve, span);
      return;
    }
    if (value.tokenType === T.Gpu) {
      if (def.field !== 'gpus') {
        b.fail(failAt('bad-value', `${shown()}: ${def.name} takes a number`, span, b.text, `e.g. \`${def.name}=8\``));
        return;
      }
      b.set('gpu', (payload(value) as { id: string }).id, span);
      return;
    }
    if (value.tokenType !== T.NumberTok) {
      b.fail(failAt('bad-value', `${shown()}: ${def.name} takes one number`, span, b.text, `e.g. \`${def.name}=8\``));
      return;
    }
    const n = b.number(def, value.image, span, spanOf(value));
    if (n === null) return;
    if (def.field === 'r') {
      const prev = b.loraRank;
      if (prev && prev.value !== n) {
        const message = `conflicting values for r: \`${b.show(prev.span)}\` and \`${b.show(span)}\``;
        b.fail(failAt('conflict', message, span, b.text, 'keep one of them'));
        return;
      }
      b.loraRank = { value: n, span };
      return;
    }
    b.set(def.field, n, span);
  }

  choice(ctx: ChoiceCstChildren, b: PatchBuilder): void {
    const key = ctx.key[0];
    const def = choiceKey(key);
    const valueTok = ctx.choiceValue?.[0].children.value?.[0];
    if (!valueTok) {
      if (def.bare !== undefined) {
        b.set(def.field, def.bare, spanOf(key));
        return;
      }
      b.fail(
        failAt(
          'no-value',
          `\`${key.image}\` needs a value`,
          spanOf(key),
          b.text,
          `e.g. \`${def.name}=${example(key)}\``,
        ),
      );
      return;
    }
    const span = join(spanOf(key), spanOf(valueTok));
    const v = wordDef(valueTok);
    if (v.field !== def.accepts) {
      const hint = `e.g. \`${def.name}=${example(key)}\``;
      b.fail(
        failAt('bad-value', `\`${valueTok.image}\` is not a ${def.accepts} for \`${key.image}\``, span, b.text, hint),
      );
      return;
    }
    b.set(def.field, v.value, span);
  }

  choiceValue(): void {
    // Read by `choice`.
  }

  gpus(ctx: GpusCstChildren, b: PatchBuilder): void {
    const gpu = ctx.gpu[0];
    const count = ctx.count?.[0];
    const span = count ? join(spanOf(count), spanOf(gpu)) : spanOf(gpu);
    b.set('gpu', (payload(gpu) as { id: string }).id, span);
    if (!count) return;
    const gpusDef = { name: 'gpus', max: 1e7, unit: 'GPUs' } as NumKeyDef;
    const n = b.number(gpusDef, count.image.replace(/\s*[x×]$/i, ''), span, spanOf(count));
    if (n !== null) b.set('gpus', n, span);
  }

  component(ctx: ComponentCstChildren, b: PatchBuilder): void {
    const built = buildComponent(ctx, b);
    if (!built) return;
    // Appended in place (the builder owns the array): copying it per layer made long networks quadratic.
    if (b.patch.components) for (const l of built.layers) b.patch.components.push(l);
    else b.patch.components = built.layers;
    b.extend('components', built.span);
  }

  word(ctx: WordCstChildren, b: PatchBuilder): void {
    const t = ctx.value?.[0];
    if (!t) return;
    const span = spanOf(t);
    if (t.tokenType === T.Preset) {
      b.set('preset', (payload(t) as { id: string }).id, span);
      return;
    }
    const def = wordDef(t);
    if (def.field === 'lora') {
      const quantized = def.value === true;
      b.set('lora', { r: 0, quantized }, span);
      return;
    }
    if (def.field === 'bidirectional') {
      b.fail(
        failAt(
          'misplaced',
          `\`${t.image}\` belongs to a recurrent layer`,
          span,
          b.text,
          'e.g. `lstm in=512 hidden=1024 bidirectional`',
        ),
      );
      return;
    }
    b.set(def.field!, def.value, span);
  }
}

/** One visitor for the process; state lives in the PatchBuilder passed to each visit. */
export const toSpec = new ToSpec();

/** Finish a side: the LoRA rank joins `lora`; a rank without LoRA is an error. */
export function finish(b: PatchBuilder): void {
  const lora = b.patch.lora;
  if (b.loraRank && !lora) {
    const span = b.loraRank.span;
    b.fail(
      failAt(
        'misplaced',
        `\`${b.show(span)}\` is a LoRA rank, but LoRA is off`,
        span,
        b.text,
        'add `lora` or `qlora`: `lora r=16`',
      ),
    );
    return;
  }
  if (lora && b.loraRank) {
    lora.r = b.loraRank.value;
    b.patch.spans.loraR = b.loraRank.span;
  }
}
