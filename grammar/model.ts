// A model from a family's defaults, or from a preset / pasted config with overrides; every value that
// was not written is named in `notes`.
import { type Blueprint, build, outline } from '../src/core/blueprint.js';
import { type Reshape, reshape } from '../src/core/reshape.js';
import type { Biases, Family, SpecPatch, TransformerModel } from '../src/core/spec.js';
import type { Result } from '../src/result.js';
import { ok } from '../src/result.js';
import { failAt } from './errors.js';
import { ARCH, STYLE } from './fields.js';
import { defaultFfn, FAMILIES, ffnFollowsRule } from './families.js';

const STYLE_FIELDS = STYLE;
export const OVERRIDES = [...ARCH, ...STYLE] as const;

/** The model fields a patch writes, as one Reshape (OVERRIDES names them). */
export function reshapeOf(p: SpecPatch): Reshape {
  const o: Record<string, unknown> = {};
  for (const f of OVERRIDES) if (p[f] !== undefined) o[f] = p[f];
  return o as Reshape;
}

const BIASES: Record<Biases, string> = {
  all: 'biases in every linear layer',
  none: 'no biases',
  qkv: 'biases on q, k, v only',
  attn: 'biases on q, k, v and the attention output, none in the MLP',
};

const describe: Record<(typeof STYLE_FIELDS)[number], (v: unknown) => string> = {
  activation: (v) => `activation ${v}`,
  norm: (v) => (v === 'rmsnorm' ? 'RMSNorm' : 'LayerNorm'),
  position: (v) => (v === 'rope' ? 'RoPE positions' : v === 'alibi' ? 'ALiBi positions' : 'learned positions'),
  biases: (v) => BIASES[v as Biases],
  tied: (v) => (v ? 'tied input/output embeddings' : 'untied input/output embeddings'),
};

/** A model from a family's defaults and the sizes given (`transformer d=4096 L=32`). */
export function fromFamily(
  patch: SpecPatch,
  family: Family,
  seq: number,
  text: string,
  notes: string[],
): Result<TransformerModel> {
  const b = blueprintFromFamily(patch, family, seq, text, notes);
  return b.ok ? ok(build(b.value)) : b;
}

/** The flat description of a model from a family's defaults and the sizes given; config.json readers start here too. */
export function blueprintFromFamily(
  patch: SpecPatch,
  family: Family,
  seq: number,
  text: string,
  notes: string[],
): Result<Blueprint> {
  const F = FAMILIES[family];
  const s = patch.spans;
  const missing = [patch.d === undefined && 'd', patch.layers === undefined && 'L'].filter(Boolean);
  if (missing.length) {
    const hint =
      family === 'encoder'
        ? 'e.g. `encoder d=768 L=12`, or a preset like `bert-base`'
        : `e.g. \`${family} d=4096 L=32\`, or a preset like \`llama-2-7b\``;
    return failAt('missing', `a ${family} needs ${missing.join(' and ')}`, s.family ?? s.d ?? s.layers, text, hint);
  }
  const d = patch.d!;
  const style = {} as Record<(typeof STYLE_FIELDS)[number], unknown>;
  for (const f of STYLE_FIELDS) {
    style[f] = patch[f] ?? F[f];
    // An encoder has no LM head, so tying is moot.
    if (patch[f] === undefined && !(f === 'tied' && F.encoder)) notes.push(`${describe[f](F[f])} (${F.style} default)`);
  }
  let heads = patch.heads;
  if (heads === undefined) {
    const hd = patch.headDim ?? F.headDim;
    if (d % hd)
      return failAt(
        'indivisible',
        `d=${d} is not a multiple of head_dim ${hd}, so heads cannot default to d/${hd}`,
        s.d,
        text,
        'give heads, e.g. `heads=32`',
      );
    heads = d / hd;
    notes.push(
      patch.headDim ? `heads ${heads} = d/head_dim` : `heads ${heads} = d/${hd} (${F.style} default head_dim ${hd})`,
    );
  }
  let headDim = patch.headDim;
  if (headDim === undefined) {
    if (d % heads)
      return failAt(
        'indivisible',
        `heads=${heads} does not divide d=${d}`,
        s.heads ?? s.d,
        text,
        'change heads or give head_dim',
      );
    headDim = d / heads;
    if (patch.heads !== undefined) notes.push(`head_dim ${headDim} = d/heads`);
  }
  const activation = style.activation as Blueprint['activation'];
  let ffn = patch.ffn;
  if (ffn === undefined) {
    const rule = defaultFfn(d, activation);
    ffn = rule.ffn;
    notes.push(rule.why);
  }
  const vocab = patch.vocab ?? F.vocab;
  if (patch.vocab === undefined) notes.push(`vocab ${vocab} (${F.style} default)`);
  const maxSeq = patch.maxSeq ?? F.maxSeq ?? seq;
  if (patch.maxSeq === undefined && style.position === 'learned') {
    notes.push(F.maxSeq ? `${maxSeq} learned positions (${F.style} default)` : `${maxSeq} learned positions = seq`);
  }
  const b: Blueprint = {
    family,
    d,
    layers: patch.layers!,
    heads,
    kvHeads: patch.kvHeads ?? heads,
    headDim,
    ffn,
    vocab,
    maxSeq,
    activation,
    norm: style.norm as Blueprint['norm'],
    position: style.position as Blueprint['position'],
    biases: style.biases as Blueprint['biases'],
    tied: style.tied as boolean,
    experts: patch.experts ?? 1,
    topk: patch.topk ?? 1,
    normsPerLayer: F.normsPerLayer,
    finalNorm: F.finalNorm,
    embedNorm: F.embedNorm,
    typeVocab: F.typeVocab,
    pooler: F.pooler,
    lmHeadBias: F.lmHeadBias,
    encoder: F.encoder,
    dropout: F.dropout,
  };
  if (patch.kvHeads === undefined) notes.push(`kv_heads ${heads} = heads (no grouped-query attention)`);
  b.topk = moeTopk(b.experts, patch, b.topk, notes);
  return ok(b);
}

/** A preset's (or pasted config's) model with the fields the user overrode. */
export function withOverrides(
  base: TransformerModel,
  patch: SpecPatch,
  name: string,
  text: string,
  notes: string[],
): Result<TransformerModel> {
  const o = reshapeOf(patch);
  const was = outline(base);
  const d = o.d ?? was.d;
  const heads = o.heads ?? was.heads;
  const resized = patch.d !== undefined || patch.heads !== undefined;
  if (resized && patch.headDim === undefined && was.headDim * was.heads === was.d && was.heads > 0) {
    if (d % heads)
      return failAt(
        'indivisible',
        `heads=${heads} does not divide d=${d}`,
        patch.spans.heads ?? patch.spans.d,
        text,
        'change heads or give head_dim',
      );
    o.headDim = d / heads;
    notes.push(`head_dim ${o.headDim} = d/heads (as in ${name})`);
  }
  if (patch.heads !== undefined && patch.kvHeads === undefined && was.kvHeads === was.heads) {
    o.kvHeads = heads;
    notes.push(`kv_heads ${heads} = heads (${name} has no grouped-query attention)`);
  }
  const reshaped = patch.d !== undefined || patch.activation !== undefined;
  if (reshaped && patch.ffn === undefined && ffnFollowsRule(was.d, was.ffn, was.activation)) {
    const rule = defaultFfn(d, o.activation ?? was.activation);
    o.ffn = rule.ffn;
    notes.push(`${rule.why}, the rule ${name} follows`);
  }
  if (patch.experts !== undefined) {
    const kept = patch.topk ?? (was.experts > 1 ? Math.min(was.topk, patch.experts) : 1);
    o.topk = moeTopk(patch.experts, patch, kept, notes);
  }
  return ok(reshape(base, o));
}

/** Top-k when experts are named without it: the model's own, else Mixtral's top-2, said so. */
function moeTopk(experts: number, patch: SpecPatch, topk: number, notes: string[]): number {
  if (experts > 1 && patch.topk === undefined && topk === 1 && patch.experts !== undefined) {
    notes.push("top-2 routing (Mixtral's default)");
    return 2;
  }
  return experts === 1 && patch.topk === undefined ? 1 : topk;
}
