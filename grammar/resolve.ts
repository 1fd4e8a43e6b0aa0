// SpecPatch → Spec: pick the model (preset, pasted config, family, bare count or layers), fill every
// default, validate across fields, and list each assumption in words.
import type { Family, Model, Spec, SpecPatch, TransformerModel } from '../src/core/spec.js';
import { ok, type Result } from '../src/result.js';
import { exactInteger } from '../src/core/grouped.js';
import { failAt } from './errors.js';
import { FAMILIES } from './families.js';
import { findPreset } from './lexicon.js';
import { fromFamily, withOverrides } from './model.js';
import { describeModel, overrides } from './name.js';
import { type Settings, settings } from './settings.js';
import { ARCH, firstOf, STYLE, sourceConflict, validateModel } from './checks.js';

function pickModel(patch: SpecPatch, seq: number, text: string, notes: string[]): Result<Model> {
  const s = patch.spans;
  if (patch.params !== undefined) return ok({ kind: 'bare', params: patch.params });
  if (patch.components) {
    const keras = patch.kerasBias === true;
    const components = patch.components.map((c) =>
      c.kind === 'rnn' && keras ? { ...c, biasConvention: 'keras' as const } : c,
    );
    if (components.some((c) => c.kind === 'conv'))
      notes.push("convolutions: padding k//2 as torchvision's models pad (write `pad=` for another)");
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
  if (patch.d === undefined && patch.layers === undefined && !patch.family && patch.flopsBudget !== undefined) {
    // Only a compute budget: size the model Chinchilla would train with it (Hoffmann et al. 2022, N_opt = √(C/120)).
    const params = Math.round(Math.sqrt(patch.flopsBudget / 120));
    notes.push(`no model named: sized at Chinchilla's compute-optimal N = √(C/120) = ${exactInteger(params)} params`);
    return ok({ kind: 'bare', params });
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

/**
 * seq past the model's context. Learned positions run out of rows; RoPE and ALiBi run on, untrained. Their
 * context is known from a preset (max_position_embeddings) or a written max_seq; a family's default maxSeq
 * is only the seq. seq=? is solved later (core/solve.ts flags only learned positions), so it is named here.
 */
function contextNotes(m: TransformerModel, preset: string | undefined, patch: SpecPatch, seq: number, notes: string[]) {
  if (m.position === 'learned') {
    if (seq > m.maxSeq) notes.push(`seq ${seq} is longer than the ${m.maxSeq} learned positions (counted as given)`);
    return;
  }
  if (!preset && patch.maxSeq === undefined) return;
  const whose = preset ? `${preset}'s` : "the model's";
  const how =
    m.position === 'rope'
      ? 'RoPE'
      : m.position === 'alibi'
        ? 'ALiBi'
        : m.position === 'relative'
          ? 'relative position bias'
          : 'no position encoding';
  const context = exactInteger(m.maxSeq);
  if (patch.solve === 'seq')
    notes.push(
      `seq=? finds what fits in memory; ${whose} context is ${context} tokens (${how}): a longer answer is past what the model was trained on`,
    );
  else if (seq > m.maxSeq)
    notes.push(
      `seq ${seq} is past ${whose} ${context}-token context (${how}): sized as asked, but the model was not trained that long`,
    );
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
  const seq = family && patch.params === undefined ? (FAMILIES[family as Family]?.seq ?? 2048) : 2048;
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
  const preset = patch.preset ? findPreset(patch.preset) : undefined;
  if (m.kind === 'transformer') contextNotes(m, preset?.name, patch, seq, notes);
  // What the checkpoint stores beyond the modules counted (an MTP layer, a vision tower, MXFP4 storage).
  if (preset?.beyond) notes.push(preset.beyond);
  const native = preset?.weights ? { weights: preset.weights, name: preset.name } : null;
  const rest = settings(patch, text, notes, m, native);
  if (!rest.ok) return rest;

  const changed = overrides(patch);
  const budgetOnly = m.kind === 'bare' && patch.params === undefined && patch.flopsBudget !== undefined;
  const name = preset
    ? `${preset.name}${changed.length ? ` (${changed.join(', ')})` : ''}`
    : budgetOnly
      ? `Chinchilla-optimal model for ${patch.flopsBudget!.toExponential().replace('e+', 'e')} FLOPs`
      : describeModel(m, patch.model !== undefined);
  return ok(spec(name, preset?.id ?? null, m, seq, rest.value, notes));
}

/**
 * The Spec with every field written out, in the order `{ name, preset, model, seq, ...settings,
 * assumptions }` gives: spreading the settings cost about 1 µs per key on Node 20 (new hidden classes).
 */
function spec(name: string, preset: string | null, model: Model, seq: number, s: Settings, notes: string[]): Spec {
  return {
    name,
    preset,
    model,
    seq,
    dtype: s.dtype,
    weights: s.weights,
    kvDtype: s.kvDtype,
    mode: s.mode,
    optimizer: s.optimizer,
    lora: s.lora,
    recompute: s.recompute,
    flash: s.flash,
    causal: s.causal,
    fp32Grads: s.fp32Grads,
    gpu: s.gpu,
    gpus: s.gpus,
    tp: s.tp,
    pp: s.pp,
    ep: 1,
    zero: s.zero,
    sp: s.sp,
    offload: s.offload,
    batch: s.batch,
    tokens: s.tokens,
    mfu: s.mfu,
    flopsBudget: s.flopsBudget,
    solve: s.solve,
    chart: s.chart,
    assumptions: notes,
  };
}
