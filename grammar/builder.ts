// Collects one side's patch while the actions (actions.ts) read its phrases: each field set once (a second, different value
// is a conflict pointing at the second), each number checked against its key's limits.
import type { Span, SpecPatch } from '../src/core/spec.js';
import { type Failure, failAt } from './errors.js';
import type { NumKeyDef } from './keys.js';
import { binarySuffix, numberValue } from './numbers.js';
import { join } from './span.js';

/** How a field is named in messages. */
const LABEL: Record<string, string> = {
  layers: 'L',
  kvHeads: 'kv_heads',
  headDim: 'head_dim',
  maxSeq: 'max_seq',
  flopsBudget: 'flops',
  solve: 'the unknown to solve for',
};
const HINT: Record<string, string> = {
  preset: 'to compare two models write `A vs B`',
  dtype: 'keep one; the KV cache takes its own with `kv_cache=fp8`',
  solve: 'solve for one unknown at a time: `batch=?`, `seq=?` or `gpus=?`, with the others given',
};

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

const sci = (x: number) => (x >= 1e4 ? x.toExponential().replace('e+', 'e') : String(x));

/**
 * A patch with every field present (undefined until said), in one order: all patches share one hidden
 * class, so reading fields stays fast downstream. Adding keys one at a time gave each combination of
 * fields its own shape, and every reader (resolve, settings, checks) went megamorphic.
 */
export function emptyPatch(): SpecPatch {
  const all: { [K in keyof Required<SpecPatch>]: SpecPatch[K] } = {
    preset: undefined,
    family: undefined,
    params: undefined,
    d: undefined,
    layers: undefined,
    heads: undefined,
    kvHeads: undefined,
    headDim: undefined,
    ffn: undefined,
    vocab: undefined,
    maxSeq: undefined,
    experts: undefined,
    topk: undefined,
    activation: undefined,
    norm: undefined,
    position: undefined,
    biases: undefined,
    tied: undefined,
    components: undefined,
    steps: undefined,
    model: undefined,
    dtype: undefined,
    weights: undefined,
    kvDtype: undefined,
    mode: undefined,
    optimizer: undefined,
    lora: undefined,
    recompute: undefined,
    flash: undefined,
    causal: undefined,
    fp32Grads: undefined,
    kerasBias: undefined,
    gpu: undefined,
    gpus: undefined,
    tp: undefined,
    pp: undefined,
    zero: undefined,
    gpuLayers: undefined,
    ram: undefined,
    sp: undefined,
    seq: undefined,
    batch: undefined,
    tokens: undefined,
    mfu: undefined,
    flopsBudget: undefined,
    solve: undefined,
    chart: undefined,
    spans: {},
    notes: undefined,
  };
  return all;
}

export class PatchBuilder {
  patch: SpecPatch = emptyPatch();
  error: Failure | null = null;
  loraRank: { value: number; span: Span } | null = null;

  constructor(readonly text: string) {}

  fail(f: Failure): void {
    this.error ??= f;
  }

  show(span: Span): string {
    return this.text.slice(span.offset, span.offset + span.length);
  }

  /** Set a patch field; the same value twice is fine, a different one is a conflict. */
  set(field: string, value: unknown, span: Span): void {
    const p = this.patch as unknown as Record<string, unknown>;
    if (p[field] !== undefined && !same(p[field], value)) {
      const prev = this.patch.spans[field];
      const name = LABEL[field] ?? field;
      const first = prev ? `\`${this.show(prev)}\`` : 'an earlier value';
      this.fail(
        failAt(
          'conflict',
          `conflicting values for ${name}: ${first} and \`${this.show(span)}\``,
          span,
          this.text,
          HINT[field] ?? 'keep one of them',
        ),
      );
      return;
    }
    p[field] = value;
    this.patch.spans[field] ??= span;
  }

  /** A number for `def`, checked: finite, whole where needed, inside the key's limits. */
  number(def: NumKeyDef, image: string, span: Span, valueSpan: Span): number | null {
    const { value, suffix } = numberValue(image, def);
    const written = `\`${this.show(span)}\``;
    const err = (code: string, message: string, hint: string) => {
      this.fail(failAt(code, message, valueSpan, this.text, hint));
      return null;
    };
    if (suffix === '%' && !def.percent)
      return err(
        'bad-number',
        `${written}: % only makes sense for mfu`,
        `write the number itself, e.g. \`${def.name}=8\``,
      );
    if (!Number.isFinite(value))
      return err(
        'too-large',
        `${written} is too large to be a number`,
        `the limit for ${def.name} is ${sci(def.max)} ${def.unit}`,
      );
    if (def.fraction) {
      if (value > 0 && value <= def.max) return value;
      return err('out-of-range', `${written}: ${def.name} must be above 0 and at most 1`, 'write it as 40% or 0.4');
    }
    const min = def.min ?? 1;
    if (value < min) {
      const what = min === 0 ? 'cannot be negative' : 'must be positive';
      return err('not-positive', `${written}: ${def.name} ${what}`, `e.g. \`${def.name}=${min === 0 ? 0 : 8}\``);
    }
    if (!Number.isInteger(value))
      return err(
        'not-integer',
        `${written}: ${def.name} must be a whole number, got ${value}`,
        'sizes count whole things',
      );
    if (value > def.max)
      return err(
        'too-large',
        `${written} is over the limit of ${sci(def.max)} ${def.unit}`,
        'a number that large is probably a typo',
      );
    // Say how a length suffix was read: people mean 1024 there, but it is worth showing.
    if (binarySuffix(suffix, def))
      this.note(`${def.name} ${image} = ${value} (k = 1024 and M = 1024² in lengths and widths)`);
    return value;
  }

  note(text: string): void {
    this.patch.notes = [...(this.patch.notes ?? []), text];
  }

  /** Widen the recorded span of a field (components grow with each layer). */
  extend(field: string, span: Span): void {
    const prev = this.patch.spans[field];
    this.patch.spans[field] = prev ? join(prev, span) : span;
  }
}
