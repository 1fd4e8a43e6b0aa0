// What each phrase sets: the meaning of the grammar's rules, one function per rule, on the rule's tokens.
// Each token carries its key-table entry (classify.ts), so the meaning of a word lives in keys.ts and
// this file only says how each shape of phrase sets fields. The parser's embedded actions call these.
import type { IToken } from 'chevrotain';
import type { Span } from '../src/core/spec.js';
import type { PatchBuilder } from './builder.js';
import type { Payload } from './classify.js';
import { buildComponent, type ComponentParts } from './component.js';
import { example, failAt } from './errors.js';
import { COMPONENT_KEYS, type ChoiceKeyDef, type NumKeyDef, type WordDef } from './keys.js';
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

/** `L=32`, `batch=?`, `gpu=H100`. */
export function assignment(key: IToken, value: IToken | undefined, b: PatchBuilder): void {
  if (value) keyValue(key, value, join(spanOf(key), spanOf(value)), b);
}

/** `32 layers`, `2T tokens`. */
export function valueFirst(value: IToken, key: IToken, b: PatchBuilder): void {
  keyValue(key, value, join(spanOf(value), spanOf(key)), b);
}

/** One key with its value, in either order. */
function keyValue(key: IToken, value: IToken, span: Span, b: PatchBuilder): void {
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

/** `kv_cache=fp8`, `recompute full`, `recompute` alone. */
export function choice(key: IToken, valueTok: IToken | undefined, b: PatchBuilder): void {
  const def = choiceKey(key);
  if (!valueTok) {
    if (def.bare !== undefined) {
      b.set(def.field, def.bare, spanOf(key));
      return;
    }
    b.fail(
      failAt('no-value', `\`${key.image}\` needs a value`, spanOf(key), b.text, `e.g. \`${def.name}=${example(key)}\``),
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

const GPUS_DEF = { name: 'gpus', max: 1e7, unit: 'GPUs' } as NumKeyDef;

/** `64xH100`, `8 x A100`, `H100`. */
export function gpus(count: IToken | undefined, gpu: IToken, b: PatchBuilder): void {
  const span = count ? join(spanOf(count), spanOf(gpu)) : spanOf(gpu);
  b.set('gpu', (payload(gpu) as { id: string }).id, span);
  if (!count) return;
  const n = b.number(GPUS_DEF, count.image.replace(/\s*[x×]$/i, ''), span, spanOf(count));
  if (n !== null) b.set('gpus', n, span);
}

/** `dense 1024x4096`, `conv k=3 cin=64 cout=128`. */
export function component(parts: ComponentParts, b: PatchBuilder): void {
  const built = buildComponent(parts, b);
  if (!built) return;
  // Appended in place (the builder owns the array): copying it per layer made long networks quadratic.
  if (b.patch.components) for (const l of built.layers) b.patch.components.push(l);
  else b.patch.components = built.layers;
  b.extend('components', built.span);
}

/** One word that sets something: a preset, family, switch, dtype, optimizer, mode or flag. */
export function word(t: IToken, b: PatchBuilder): void {
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
