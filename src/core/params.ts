// Parameter counts: total, active (MoE), trainable (LoRA) and a breakdown by part, all from the tensor
// list in tensors.ts so that every number here is what `sum(p.numel() for p in model.parameters())` gives.
import type { ParamPart, Params } from './estimate-types.js';
import { byIdentity } from './memo.js';
import { isPresetModel } from './presets.js';
import type { Explainer } from './explainer.js';
import type { Model, Spec, TransformerModel } from './spec.js';
import { mlpTensors, modelTensors, type Tensor, tensorCount } from './tensors.js';

/** Input and output sizes of the matrices LoRA can adapt (PEFT target_modules names). */
function loraShapes(m: TransformerModel): Record<string, [number, number, number]> {
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  const e = Math.max(m.experts, 1);
  return {
    q: [m.d, q, 1],
    k: [m.d, kv, 1],
    v: [m.d, kv, 1],
    o: [q, m.d, 1],
    gate: [m.d, m.ffn, e],
    up: [m.d, m.ffn, e],
    down: [m.ffn, m.d, e],
  };
}

/** LoRA (Hu et al. 2021 §4.1): A (r × d_in) and B (d_out × r) per adapted matrix = r·(d_in + d_out). */
export function loraTensors(spec: Spec): Tensor[] {
  if (!spec.lora || spec.model.kind !== 'transformer') return [];
  const m = spec.model;
  const shapes = loraShapes(m);
  return spec.lora.targets
    .filter((name) => shapes[name] && (name !== 'gate' || m.activation === 'swiglu' || m.activation === 'geglu'))
    .map((name) => {
      const [din, dout, experts] = shapes[name];
      return { part: 'lora adapters', rows: spec.lora!.r, cols: din + dout, times: m.layers * experts, matmul: true };
    });
}

/** What a model's own tensors add up to; the same for every estimate of that model object. */
export interface ModelSums {
  tensors: Tensor[];
  total: number;
  /** Parameters of the experts a token does not use: (E − top-k) expert MLPs per layer. */
  inactive: number;
  /** Parameters read by lookup (embeddings, positions), which do no matmul. */
  lookups: number;
  /** The breakdown by part, in the order the parts first appear. Shared: read it, do not change it. */
  parts: ParamPart[];
}

function breakdown(ts: Tensor[]): ParamPart[] {
  // A handful of parts: a scan of the list beats a Map and the arrays it takes to read one out.
  const parts: ParamPart[] = [];
  for (const x of ts) {
    const n = x.rows * x.cols * x.times;
    const p = parts.find((q) => q.name === x.part);
    if (p) p.count += n;
    else parts.push({ name: x.part, count: 0 + n }); // 0 + n, as a sum from 0: -0 counts as 0
  }
  return parts;
}

function inactiveExperts(m: TransformerModel): number {
  if (m.experts <= 1) return 0;
  return tensorCount(mlpTensors(m, 'experts', m.layers * (m.experts - m.topk)));
}

function sums(model: Model): ModelSums {
  const tensors = modelTensors(model);
  let lookups = 0;
  for (const x of tensors) if (!x.matmul) lookups += x.rows * x.cols * x.times;
  return {
    tensors,
    total: tensorCount(tensors),
    inactive: model.kind === 'transformer' ? inactiveExperts(model) : 0,
    lookups,
    parts: breakdown(tensors),
  };
}

/** Memoised by model object: an estimate reads its model's tensors for the count, the FLOPs and Adafactor,
 * and presets of classic networks (a ResNet is ~300 tensors) hand every estimate the same model object. */
export const modelSums: (model: Model) => ModelSums = byIdentity(sums, isPresetModel);

/** Every parameter tensor of the spec, adapters included. */
export function paramTensors(spec: Spec): Tensor[] {
  const adapters = loraTensors(spec);
  const base = modelSums(spec.model).tensors;
  return adapters.length ? [...base, ...adapters] : base.slice();
}

export function countParams(spec: Spec): Params {
  const base = modelSums(spec.model);
  const adapters = loraTensors(spec);
  const lora = tensorCount(adapters);
  const total = base.total + lora;
  const active = total - base.inactive;
  const trainable = spec.lora ? lora : total;
  // The adapters are one part of their own, after the model's: the same list as a breakdown of all tensors.
  const parts = adapters.length ? [...base.parts, { name: 'lora adapters', count: lora }] : base.parts;
  return { total, active, trainable, breakdown: parts };
}

export const PARAMS_EXPLAINER: Explainer = {
  topic: 'params',
  aliases: ['parameters', 'param', 'count'],
  title: 'Parameter count',
  formula:
    'embeddings V·d (+ positions, token types) + L · [attention d·(h·hd) + 2·d·(kv·hd) + (h·hd)·d (+ biases) + norms + MLP 2·d·ffn or 3·d·ffn gated (× E experts + router d·E)] + final norm + LM head V·d when untied',
  source:
    'The sum of numel() over a Hugging Face / PyTorch model’s parameters (buffers excluded); LoRA r·(d_in + d_out) per adapted matrix (Hu et al. 2021)',
  substitute(spec, est) {
    const lines = est.params.breakdown.map((p) => `${p.name}: ${p.count}`);
    if (spec.model.kind === 'transformer') {
      const m = spec.model;
      lines.unshift(
        `d=${m.d}, L=${m.layers}, heads=${m.heads}, kv_heads=${m.kvHeads}, head_dim=${m.headDim}, ffn=${m.ffn}, V=${m.vocab}, ${m.tied ? 'tied' : 'untied'} embeddings`,
      );
    }
    lines.push(`total: ${est.params.total}`, `active per token: ${est.params.active}`);
    return lines;
  },
};
