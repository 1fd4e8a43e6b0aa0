// A spec's display name: the preset's name with what was changed, or a short description of the config.
import { outline } from '../src/core/blueprint.js';
import type { Biases, Component, Model, SpecPatch } from '../src/core/spec.js';

/** A count written compactly but exactly (7e9 → "7B", 124439808 stays whole). */
export function compact(n: number): string {
  for (const [suffix, p] of [
    ['T', 1e12],
    ['B', 1e9],
    ['M', 1e6],
    ['K', 1e3],
  ] as const) {
    const v = n / p;
    if (v >= 1 && Number.isInteger(Math.round(v * 1000)) && Math.abs(Math.round(v * 1000) / 1000 - v) < 1e-9)
      return `${v}${suffix}`;
  }
  return String(n);
}

const KEY: Record<string, string> = { layers: 'L', kvHeads: 'kv_heads', headDim: 'head_dim', maxSeq: 'max_seq' };
const SIZES = ['d', 'layers', 'heads', 'kvHeads', 'headDim', 'ffn', 'vocab', 'maxSeq', 'experts', 'topk'] as const;

const NAMED = ['activation', 'norm', 'position'] as const;

/** Each bias setting as the user writes it (grammar/keys.ts). */
const BIAS_WORD: Record<Biases, string> = { all: 'bias', none: 'nobias', qkv: 'qkv-bias', attn: 'attn-bias' };

/** The model fields a patch changes, as the user would write them: `L=40`, `gelu`, `untied`. */
export function overrides(patch: SpecPatch): string[] {
  const out: string[] = [];
  for (const f of SIZES) if (patch[f] !== undefined) out.push(`${KEY[f] ?? f}=${patch[f]}`);
  for (const f of NAMED) if (patch[f]) out.push(patch[f]);
  if (patch.biases) out.push(BIAS_WORD[patch.biases]);
  if (patch.tied !== undefined) out.push(patch.tied ? 'tied' : 'untied');
  return out;
}

function layer(c: Component): string {
  switch (c.kind) {
    case 'dense':
      return `dense ${c.in}x${c.out}`;
    case 'conv':
      return `conv ${c.kh}x${c.kw} ${c.cin}→${c.cout}`;
    case 'rnn':
      return `${c.cell} ${c.in}→${c.hidden}${c.layers > 1 ? ` ×${c.layers}` : ''}`;
    case 'embedding':
      return `embedding ${c.vocab}x${c.d}`;
    default:
      return `batchnorm ${c.c}`;
  }
}

export function describeModel(model: Model, configured: boolean): string {
  if (model.kind === 'bare') return `${compact(model.params)} params`;
  if (model.kind === 'network') {
    const parts = model.components.map(layer);
    return parts.length <= 4 ? parts.join(' + ') : `${parts.slice(0, 3).join(' + ')} + … (${parts.length} layers)`;
  }
  const o = outline(model);
  const moe = o.experts > 1 ? ` E=${o.experts} top-${o.topk}` : '';
  const desc = `${model.family} d=${model.d} L=${o.layers}${moe}`;
  return configured ? `config.json (${desc})` : desc;
}
