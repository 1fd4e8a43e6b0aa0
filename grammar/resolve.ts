// SpecPatch → Spec: pick the model (preset, pasted config, family, bare count or layers), fill every
// default, validate across fields, and list each assumption in words.
import type { Model, Spec, SpecPatch } from '../src/core/spec.js';
import { ok, type Result } from '../src/result.js';
import { type Failure, failAt } from './errors.js';
import { FAMILIES } from './families.js';
import { findPreset } from './lexicon.js';
import { fromFamily, withOverrides } from './model.js';
import { describeModel, overrides } from './name.js';
import { settings } from './settings.js';
import { roughParams } from './size.js';

const ARCH = ['d', 'layers', 'heads', 'kvHeads', 'headDim', 'ffn', 'vocab', 'maxSeq', 'experts', 'topk'] as const;
const STYLE = ['activation', 'norm', 'position', 'biases', 'tied'] as const;
const firstOf = (patch: SpecPatch, fields: readonly string[]) =>
  fields.find((f) => (patch as unknown as Record<string, unknown>)[f] !== undefined);
const MAX_PARAMS = 1e15;

/** Two ways of naming the model at once (`llama-2-7b params=13B`): point at the second. */
function sourceConflict(patch: SpecPatch, text: string): Failure | null {
  const s = patch.spans;
  const shown = (f: string) => text.slice(s[f]?.offset ?? 0, (s[f]?.offset ?? 0) + (s[f]?.length ?? 0));
  // Point at whichever of the two was written second.
  const clash = (a: string, b: string | undefined, hint: string) => {
    if (!b) return null;
    const [first, second] = (s[a]?.offset ?? 0) <= (s[b]?.offset ?? 0) ? [a, b] : [b, a];
    return failAt('conflict', `\`${shown(second)}\` conflicts with \`${shown(first)}\``, s[second], text, hint);
  };
  const sizes = firstOf(patch, [...ARCH, ...STYLE, 'family']);
  if (patch.params !== undefined) {
    const other = firstOf(patch, ['preset', 'components', 'model']) ?? sizes;
    return clash('params', other, '`params=` alone describes a bare model; drop it or the other description');
  }
  if (patch.components)
    return clash(
      'components',
      firstOf(patch, ['preset', 'model']) ?? sizes,
      'layers like `dense` describe the whole model; drop the other description',
    );
  if (patch.preset && patch.family) {
    const p = findPreset(patch.preset);
    if (p?.model.kind !== 'transformer' || p.model.family !== patch.family)
      return clash(
        'preset',
        'family',
        `a preset brings its own architecture; override parts with switches like \`${STYLE[0]}=…\` or \`L=40\``,
      );
  }
  return null;
}

function pickModel(patch: SpecPatch, seq: number, text: string, notes: string[]): Result<Model> {
  const s = patch.spans;
  if (patch.params !== undefined) return ok({ kind: 'bare', params: patch.params });
  if (patch.components) {
    const keras = patch.kerasBias === true;
    const components = patch.components.map((c) =>
      c.kind === 'rnn' && keras ? { ...c, biasConvention: 'keras' as const } : c,
    );
    if (components.some((c) => c.kind === 'rnn') && patch.steps === undefined && patch.seq === undefined) {
      notes.push('1 time step per sample (give `seq=` or `steps=` for a sequence)');
    }
    return ok({ kind: 'network', components, steps: patch.steps ?? patch.seq ?? 1 });
  }
  const preset = patch.preset ? findPreset(patch.preset) : undefined;
  const base = preset?.model ?? patch.model;
  if (base) {
    const name = preset?.name ?? 'the pasted config';
    if (base.kind !== 'transformer') {
      const f = firstOf(patch, [...ARCH, ...STYLE]);
      if (f)
        return failAt(
          'not-applicable',
          `\`${text.slice(s[f]!.offset, s[f]!.offset + s[f]!.length)}\` does not apply to ${name}`,
          s[f],
          text,
          `${name} is not a transformer`,
        );
      return ok(base);
    }
    return withOverrides(base, patch, name, text, notes);
  }
  if (patch.d === undefined && patch.layers === undefined && !patch.family) {
    return failAt(
      'no-model',
      'no model named',
      { offset: 0, length: text.length },
      text,
      'name a preset (`llama-2-7b`), a family with sizes (`transformer d=4096 L=32`) or a count (`params=7B`)',
    );
  }
  if (!patch.family) notes.push('a GPT-2 style transformer (no family named)');
  return fromFamily(patch, patch.family ?? 'transformer', seq, text, notes);
}

/** Checks that need the whole model: GQA groups, routing, total size. */
function validateModel(m: Model, patch: SpecPatch, text: string): Failure | null {
  const s = patch.spans;
  if (m.kind === 'transformer') {
    if (m.heads % m.kvHeads)
      return failAt(
        'indivisible',
        `kv_heads=${m.kvHeads} does not divide heads=${m.heads}`,
        s.kvHeads ?? s.heads,
        text,
        'each KV head serves a whole group of query heads',
      );
    if (m.topk > m.experts)
      return failAt(
        'out-of-range',
        `top-${m.topk} is more than the ${m.experts} experts`,
        s.topk ?? s.experts,
        text,
        'topk must be at most experts',
      );
  }
  const n = roughParams(m);
  if (n > MAX_PARAMS) {
    const span = s[firstOf(patch, ['d', 'layers', 'ffn', 'vocab', 'experts', 'components', 'params']) ?? ''];
    return failAt(
      'too-large',
      `about ${n.toExponential(1).replace('e+', 'e')} parameters, over the limit of 1e15`,
      span,
      text,
      'a model that large is probably a typo',
    );
  }
  return null;
}

function defaultSeq(patch: SpecPatch, notes: string[]): number {
  if (patch.seq !== undefined) return patch.seq;
  const preset = patch.preset ? findPreset(patch.preset) : undefined;
  if (patch.components || preset?.model.kind === 'network') return preset?.seq ?? 1;
  if (preset) {
    notes.push(`seq ${preset.seq} (${preset.name}'s context)`);
    return preset.seq;
  }
  const maxSeq = patch.maxSeq ?? patch.model?.maxSeq;
  if (maxSeq !== undefined) {
    notes.push(`seq ${maxSeq} = max_seq`);
    return maxSeq;
  }
  const family = patch.family ?? patch.model?.family;
  const seq = family && patch.params === undefined ? FAMILIES[family].seq : 2048;
  notes.push(`seq ${seq} (default)`);
  return seq;
}

export function resolve(patch: SpecPatch, text: string): Result<Spec> {
  const notes: string[] = [...(patch.notes ?? [])];
  const conflict = sourceConflict(patch, text);
  if (conflict) return conflict;
  if (patch.solve && patch[patch.solve] !== undefined) {
    return failAt(
      'conflict',
      `\`${patch.solve}\` is both given and asked for`,
      patch.spans.solve,
      text,
      `drop \`${patch.solve}=?\` or the value`,
    );
  }
  const seq = defaultSeq(patch, notes);
  const model = pickModel(patch, seq, text, notes);
  if (!model.ok) return model;
  const invalid = validateModel(model.value, patch, text);
  if (invalid) return invalid;
  const m = model.value;
  const isTx = m.kind === 'transformer';
  if (isTx && m.position === 'learned' && seq > m.maxSeq)
    notes.push(`seq ${seq} is longer than the ${m.maxSeq} learned positions (counted as given)`);
  const rest = settings(patch, text, notes, m);
  if (!rest.ok) return rest;

  const preset = patch.preset ? findPreset(patch.preset) : undefined;
  const changed = overrides(patch);
  const name = preset
    ? `${preset.name}${changed.length ? ` (${changed.join(', ')})` : ''}`
    : describeModel(m, patch.model !== undefined);
  return ok({ name, preset: preset?.id ?? null, model: m, seq, ...rest.value, assumptions: notes });
}
