// A transformer from a family's defaults, or from a preset / pasted config with overrides; every value
// that was not written is named in `notes`.
import type { Biases, Family, SpecPatch, TransformerModel } from '../src/core/spec.js';
import type { Result } from '../src/result.js';
import { ok } from '../src/result.js';
import { failAt } from './errors.js';
import { ARCH, STYLE } from './fields.js';
import { defaultFfn, FAMILIES, ffnFollowsRule } from './families.js';

const STYLE_FIELDS = STYLE;
export const OVERRIDES = [...ARCH, ...STYLE] as const;

/**
 * The patch's sizes and switches written over a model, field by field: a loop over OVERRIDES with
 * computed keys cost as much as copying the model. A test checks this covers every field in OVERRIDES.
 */
export function overrideInto(m: TransformerModel, p: SpecPatch): void {
  if (p.d !== undefined) m.d = p.d;
  if (p.layers !== undefined) m.layers = p.layers;
  if (p.heads !== undefined) m.heads = p.heads;
  if (p.kvHeads !== undefined) m.kvHeads = p.kvHeads;
  if (p.headDim !== undefined) m.headDim = p.headDim;
  if (p.ffn !== undefined) m.ffn = p.ffn;
  if (p.vocab !== undefined) m.vocab = p.vocab;
  if (p.maxSeq !== undefined) m.maxSeq = p.maxSeq;
  if (p.experts !== undefined) m.experts = p.experts;
  if (p.topk !== undefined) m.topk = p.topk;
  if (p.activation !== undefined) m.activation = p.activation;
  if (p.norm !== undefined) m.norm = p.norm;
  if (p.position !== undefined) m.position = p.position;
  if (p.biases !== undefined) m.biases = p.biases;
  if (p.tied !== undefined) m.tied = p.tied;
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
    if (patch[f] === undefined && !(f === 'tied' && family === 'encoder'))
      notes.push(`${describe[f](F[f])} (${F.style} default)`);
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
  const activation = style.activation as TransformerModel['activation'];
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
  const model: TransformerModel = {
    kind: 'transformer',
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
    norm: style.norm as TransformerModel['norm'],
    position: style.position as TransformerModel['position'],
    biases: style.biases as TransformerModel['biases'],
    tied: style.tied as boolean,
    experts: patch.experts ?? 1,
    topk: patch.topk ?? 1,
    normsPerLayer: F.normsPerLayer,
    finalNorm: F.finalNorm,
    embedNorm: F.embedNorm,
    typeVocab: F.typeVocab,
    pooler: F.pooler,
    lmHeadBias: F.lmHeadBias,
  };
  if (patch.kvHeads === undefined) notes.push(`kv_heads ${heads} = heads (no grouped-query attention)`);
  moeDefaults(model, patch, notes);
  return ok(model);
}

/** A preset's (or pasted config's) model with the fields the user overrode. */
export function withOverrides(
  base: TransformerModel,
  patch: SpecPatch,
  name: string,
  text: string,
  notes: string[],
): Result<TransformerModel> {
  const m: TransformerModel = { ...base };
  overrideInto(m, patch);
  const resized = patch.d !== undefined || patch.heads !== undefined;
  if (resized && patch.headDim === undefined && base.headDim * base.heads === base.d) {
    if (m.d % m.heads)
      return failAt(
        'indivisible',
        `heads=${m.heads} does not divide d=${m.d}`,
        patch.spans.heads ?? patch.spans.d,
        text,
        'change heads or give head_dim',
      );
    m.headDim = m.d / m.heads;
    notes.push(`head_dim ${m.headDim} = d/heads (as in ${name})`);
  }
  if (patch.heads !== undefined && patch.kvHeads === undefined && base.kvHeads === base.heads) {
    m.kvHeads = m.heads;
    notes.push(`kv_heads ${m.kvHeads} = heads (${name} has no grouped-query attention)`);
  }
  const reshaped = patch.d !== undefined || patch.activation !== undefined;
  if (reshaped && patch.ffn === undefined && ffnFollowsRule(base.d, base.ffn, base.activation)) {
    const rule = defaultFfn(m.d, m.activation);
    m.ffn = rule.ffn;
    notes.push(`${rule.why}, the rule ${name} follows`);
  }
  if (patch.experts !== undefined && patch.topk === undefined)
    m.topk = base.experts > 1 ? Math.min(base.topk, m.experts) : 1;
  moeDefaults(m, patch, notes);
  return ok(m);
}

function moeDefaults(m: TransformerModel, patch: SpecPatch, notes: string[]): void {
  if (m.experts > 1 && patch.topk === undefined && m.topk === 1 && patch.experts !== undefined) {
    m.topk = 2;
    notes.push("top-2 routing (Mixtral's default)");
  }
  if (m.experts === 1 && patch.topk === undefined) m.topk = 1;
}
