// "What changed" for a thread variant: the settings that differ between the base's resolved spec and
// the variant's, so an answer to `zero3 16xH100` says zero 0 → 3, gpus 8 → 16, gpu a100 → h100.
import { outline } from '../core/blueprint.js';
import type { Spec } from '../core/spec.js';
import type { Row, Section } from '../model/reply.js';

// Descriptive or derived, not settings a user changes: comparing them would only repeat the diff.
const SKIP = new Set(['name', 'preset', 'assumptions', 'model', 'kind']);

function show(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  // Settings are exact (4096 tokens of context, 1e12 training tokens): grouped digits, never an exponent.
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Each setting of the spec, model fields included, as label → shown value. */
function settings(spec: Spec): Map<string, string> {
  const out = new Map<string, string>([['model', spec.model.kind]]);
  // A transformer's fields as its outline (the sizes of its main layers), not its per-layer stacks.
  const model = spec.model.kind === 'transformer' ? outline(spec.model) : spec.model;
  for (const [k, v] of Object.entries(model)) if (!SKIP.has(k)) out.set(k, show(v));
  for (const [k, v] of Object.entries(spec)) if (!SKIP.has(k)) out.set(k, show(v));
  return out;
}

export function specChanges(base: Spec, variant: Spec): Section {
  const a = settings(base);
  const b = settings(variant);
  const rows: Row[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(key) ?? 'none';
    const to = b.get(key) ?? 'none';
    if (from !== to) rows.push({ label: key, value: { text: `${from} → ${to}` } });
  }
  if (rows.length === 0) rows.push({ label: 'settings', value: { text: 'same as the base' } });
  return { title: 'What changed (base → this)', rows };
}
