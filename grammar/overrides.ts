// Patches on top of patches: `A vs B` where B is only overrides, and thread variants (`L=40` after
// `llama-2-7b`).
import type { SpecPatch } from '../src/core/spec.js';
import { MODEL_FIELDS, SOURCES, TRAINING as TRAINING_FIELDS } from './fields.js';

/**
 * True when the patch names no model of its own. Sizes alone (`L=40`, `d=4096 L=32`) are overrides:
 * they change the model they are applied to; on their own resolve reads them as a GPT-2 style
 * transformer.
 */
export function isPartial(patch: SpecPatch): boolean {
  return SOURCES.every((f) => patch[f] === undefined);
}

type Fields = Record<string, unknown>;

/** A later `infer` drops earlier training words, and a later training word drops an earlier `infer`. */
function dropContradicted(out: Fields, over: SpecPatch): void {
  const spans = out.spans as Fields;
  // Fields are cleared, not deleted: a delete turns the object into a slow dictionary.
  const drop = (f: string) => {
    out[f] = undefined;
    delete spans[f];
  };
  if (over.mode === 'infer') for (const f of TRAINING_FIELDS) if (over[f] === undefined) drop(f);
  if (over.mode === undefined && TRAINING_FIELDS.some((f) => over[f] !== undefined) && out.mode === 'infer')
    drop('mode');
}
const SOLVABLE: Record<string, string> = { gpus: 'gpus', batch: 'batch', seq: 'seq' };

/** `over` on top of `base`: over's fields win; a model in `over` replaces base's model entirely. */
export function applyOverrides(base: SpecPatch, over: SpecPatch): SpecPatch {
  const out: Fields = { ...base, spans: { ...base.spans } };
  const spans = out.spans as Fields;
  if (!isPartial(over)) {
    for (const f of MODEL_FIELDS) {
      out[f] = undefined;
      delete spans[f];
    }
    out.notes = undefined;
  }
  dropContradicted(out, over);
  for (const [k, v] of Object.entries(over)) {
    if (k === 'spans' || v === undefined) continue;
    out[k] = v;
    if (over.spans[k]) spans[k] = over.spans[k];
  }
  // A new value for what base asked napkin to solve for (and the reverse) replaces the question.
  for (const [field, solve] of Object.entries(SOLVABLE)) {
    if (over[field as keyof SpecPatch] !== undefined && base.solve === solve && over.solve === undefined)
      out.solve = undefined;
    if (over.solve === solve && over[field as keyof SpecPatch] === undefined) out[field] = undefined;
  }
  // `qlora` after `lora r=16` keeps the rank.
  if (over.lora && over.lora.r === 0 && base.lora?.r) out.lora = { ...over.lora, r: base.lora.r };
  if (base.notes && over.notes && isPartial(over)) out.notes = [...base.notes, ...over.notes];
  return out as unknown as SpecPatch;
}

const MODEL = new Set<string>(MODEL_FIELDS);

/** Settings written on one side of `A vs B` (both full models) apply to the other unless it sets its own. */
export function shareSettings(to: SpecPatch, from: SpecPatch): SpecPatch {
  const out: Fields = { ...to, spans: { ...to.spans } };
  const fields = from as unknown as Fields;
  for (const k in fields) {
    const v = fields[k];
    if (v === undefined || k === 'spans' || k === 'notes' || MODEL.has(k) || out[k] !== undefined) continue;
    // A side that says `infer` keeps no training words from the other, and a training side no `infer`.
    if (to.mode === 'infer' && (TRAINING_FIELDS as readonly string[]).includes(k)) continue;
    if (k === 'mode' && v === 'infer' && TRAINING_FIELDS.some((f) => to[f] !== undefined)) continue;
    // A side with its own GPU count has its own layout: it takes no tp or pp from the other.
    if ((k === 'tp' || k === 'pp') && to.gpus !== undefined) continue;
    // A question on one side does not override an answer given on the other.
    if (k === 'solve' && out[v as string] !== undefined) continue;
    if (k in SOLVABLE && out.solve === k) continue;
    out[k] = v;
    if (from.spans[k]) (out.spans as Fields)[k] = from.spans[k];
  }
  return out as unknown as SpecPatch;
}
