// Classic layers: `dense 1024x4096`, `mlp 784-512-10`, `conv k=3 cin=64 cout=128 hw=56`,
// `lstm in=512 hidden=1024 layers=2 bidirectional`, `embedding vocab=50000 d=512`, `batchnorm c=64`.
import type { IToken } from 'chevrotain';
import type { Component, Span } from '../src/core/spec.js';
import type { PatchBuilder } from './builder.js';
import type { Payload } from './classify.js';
import { failAt } from './errors.js';
import type { Entry, NumKeyDef } from './keys.js';
import { endOf, join, spanOf } from './span.js';
import * as T from './tokens.js';

const entry = (t: IToken): Entry => (t.payload as Extract<Payload, { entry: unknown }>).entry;

/** The separators of a shape, as `/[x×-]/i` matches them: x, X, × and -. */
const isSeparator = (c: number) => c === 120 || c === 88 || c === 215 || c === 45;

/**
 * Widths from `1024x4096` or `784-512-10`: the image split at each separator, each part read as
 * Number reads it. Cut by hand: a regex split makes a new RegExp per call, and long networks have
 * hundreds of shapes; parts of up to 15 digits (exact as doubles) are summed without a substring.
 */
export function widths(t: Pick<IToken, 'image'>): number[] {
  const image = t.image;
  const cut = separatorAt(image);
  // Most shapes have two sides: an array literal of two is a third the size of a pushed-to array.
  if (cut >= 0 && separatorAt(image, cut + 1) < 0)
    return [digitsValue(image, 0, cut), digitsValue(image, cut + 1, image.length)];
  const out: number[] = [];
  let from = 0;
  for (let i = 0; i <= image.length; i++) {
    if (i < image.length && !isSeparator(image.charCodeAt(i))) continue;
    out.push(digitsValue(image, from, i));
    from = i + 1;
  }
  return out;
}

function separatorAt(image: string, from = 0): number {
  for (let i = from; i < image.length; i++) if (isSeparator(image.charCodeAt(i))) return i;
  return -1;
}

/** Number(image.slice(from, to)), without the slice for short runs of digits. */
function digitsValue(image: string, from: number, to: number): number {
  if (to - from === 0 || to - from > 15) return Number(image.slice(from, to));
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = image.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(image.slice(from, to));
    n = n * 10 + d;
  }
  return n;
}

const SHAPED = ['dense', 'mlp', 'embedding'];

const USAGE: Record<string, string> = {
  dense: '`dense 1024x4096` or `dense in=1024 out=4096`',
  mlp: '`mlp 784-512-10`',
  conv: '`conv k=3 cin=64 cout=128 hw=56 stride=1 pad=1`',
  lstm: '`lstm in=512 hidden=1024 layers=2`',
  gru: '`gru in=512 hidden=1024`',
  rnn: '`rnn in=512 hidden=1024`',
  embedding: '`embedding vocab=50000 d=512`',
  batchnorm: '`batchnorm c=64`',
};

/**
 * The sizes one phrase gives (`cin` → 64), in one Map for every call: buildComponent runs to the end
 * before the next call and keeps nothing of it, and a Map per layer was most of a long network's garbage.
 */
const SIZES = new Map<string, number>();

/** The keys a phrase did not give. */
const absent = (...keys: string[]) => keys.filter((k) => !SIZES.has(k));

function bad(b: PatchBuilder, span: Span, kind: string, message: string): null {
  b.fail(failAt('bad-layer', message, span, b.text, `e.g. ${USAGE[kind]}`));
  return null;
}

/** A component phrase's tokens: its word, an optional shape, flags, and `key=value` arguments in order. */
export interface ComponentParts {
  kind: IToken;
  shape: IToken | undefined;
  flags: IToken[];
  args: { key: IToken; value: IToken | undefined }[];
}

/** The layers one component phrase adds, or null after recording an error in `b`. */
export function buildComponent(parts: ComponentParts, b: PatchBuilder): { layers: Component[]; span: Span } | null {
  const kindTok = parts.kind;
  const kind = String((entry(kindTok) as { field: string }).field);
  let end = endOf(kindTok);
  if (parts.shape) end = Math.max(end, endOf(parts.shape));
  for (const f of parts.flags) end = Math.max(end, endOf(f));
  for (const a of parts.args) if (a.value) end = Math.max(end, endOf(a.value));
  const span: Span = { offset: kindTok.startOffset, length: end - kindTok.startOffset };
  const v = SIZES;
  v.clear();
  let bias = true;
  let bidirectional = false;

  for (const { key, value: val } of parts.args) {
    const def = entry(key) as NumKeyDef;
    if (!val) continue;
    const argSpan = join(spanOf(key), spanOf(val));
    if (val.tokenType === T.Dims && def.name === 'k') {
      const [kh, kw, ...rest] = widths(val);
      if (rest.length) return bad(b, span, kind, `\`${val.image}\`: a kernel has two sides`);
      v.set('kh', kh);
      v.set('kw', kw);
      continue;
    }
    if (val.tokenType !== T.NumberTok)
      return bad(b, span, kind, `\`${b.show(argSpan)}\`: ${def.name} takes one number`);
    const n = b.number(def, val.image, argSpan, spanOf(val));
    if (n === null) return null;
    if (v.has(def.name) && v.get(def.name) !== n)
      return bad(b, span, kind, `conflicting values for ${def.name} in \`${kindTok.image}\``);
    v.set(def.name, n);
  }
  for (const f of parts.flags) {
    const e = entry(f) as { field?: string; value?: unknown };
    if (e.field === 'biases') bias = e.value !== 'none';
    if (e.field === 'bidirectional') bidirectional = true;
  }
  const shape = parts.shape ? widths(parts.shape) : [];
  if (shape.some((x) => !(x >= 1 && x <= 1e8)))
    return bad(b, span, kind, `\`${parts.shape?.image}\`: widths must be between 1 and 1e8`);
  if (shape.length && !SHAPED.includes(kind))
    return bad(b, span, kind, `\`${kindTok.image}\` takes key=value sizes, not a shape`);

  switch (kind) {
    case 'dense':
    case 'mlp': {
      if (kind === 'dense' && shape.length === 0) {
        const missing = absent('in', 'out');
        if (missing.length) return bad(b, span, kind, `\`dense\` needs ${missing.join(' and ')}`);
        shape.push(v.get('in')!, v.get('out')!);
      }
      if (shape.length < 2) return bad(b, span, kind, `\`${kindTok.image}\` needs at least two widths`);
      const dense = (i: number): Component => ({ kind: 'dense', in: shape[i - 1], out: shape[i], bias });
      // One layer (the usual `dense AxB`) as a literal: a pushed-to array reserves 17 slots.
      const layers: Component[] = shape.length === 2 ? [dense(1)] : [];
      if (shape.length > 2) for (let i = 1; i < shape.length; i++) layers.push(dense(i));
      return { layers, span };
    }
    case 'conv': {
      const missing = absent('cin', 'cout');
      if (!v.has('kh') && !v.has('k')) missing.unshift('k');
      if (missing.length) return bad(b, span, kind, `\`conv\` needs ${missing.join(', ')}`);
      const groups = v.get('groups') ?? 1;
      if (v.get('cin')! % groups || v.get('cout')! % groups)
        return bad(b, span, kind, `\`conv\`: groups=${groups} must divide cin and cout`);
      const k = v.get('k');
      const layer: Component = {
        kind: 'conv',
        kh: v.get('kh') ?? k!,
        kw: v.get('kw') ?? k!,
        cin: v.get('cin')!,
        cout: v.get('cout')!,
        hw: v.get('hw') ?? null,
        stride: v.get('stride') ?? 1,
        pad: v.get('pad') ?? Math.floor((v.get('kh') ?? k!) / 2), // torchvision's k//2 ('same' for odd k, stride 1)
        groups,
        bias,
      };
      return { layers: [layer], span };
    }
    case 'lstm':
    case 'gru':
    case 'rnn': {
      const missing = absent('in', 'd').map((k) => (k === 'd' ? 'hidden' : k));
      if (missing.length) return bad(b, span, kind, `\`${kind}\` needs ${missing.join(' and ')}`);
      const layers = v.get('L') ?? 1;
      const cell = kind as 'lstm' | 'gru' | 'rnn';
      const layer: Component = {
        kind: 'rnn',
        cell,
        in: v.get('in')!,
        hidden: v.get('d')!,
        layers,
        bidirectional,
        biasConvention: 'pytorch',
      };
      return { layers: [layer], span };
    }
    case 'embedding': {
      if (shape.length === 2) {
        v.set('vocab', shape[0]);
        v.set('d', shape[1]);
      } else if (shape.length)
        return bad(b, span, kind, `\`embedding\` takes vocab x d, not \`${parts.shape?.image}\``);
      const missing = absent('vocab', 'd');
      if (missing.length) return bad(b, span, kind, `\`embedding\` needs ${missing.join(' and ')}`);
      return { layers: [{ kind: 'embedding', vocab: v.get('vocab')!, d: v.get('d')! }], span };
    }
    default: {
      if (!v.has('c')) return bad(b, span, kind, '`batchnorm` needs c (its channels)');
      return { layers: [{ kind: 'batchnorm', c: v.get('c')! }], span };
    }
  }
}
