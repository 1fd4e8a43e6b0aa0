// Parameter counts: total, active (MoE), trainable (LoRA) and a breakdown by part, all from the tensor
// list in tensors.ts so that every number here is what `sum(p.numel() for p in model.parameters())` gives.
import type { ParamPart, Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { kindOf } from './layers/index.js';
import { byIdentity } from './memo.js';
import { isPresetModel } from './presets.js';
import type { Model, Spec } from './spec.js';
import { describeGroups, layerGroups, mixersOf } from './stacks.js';
import { modelTensors, type Tensor, tensorCount } from './tensors.js';
import { outline } from './blueprint.js';

/** LoRA (Hu et al. 2021 §4.1): A (r × d_in) and B (d_out × r) per adapted matrix = r·(d_in + d_out). */
export function loraTensors(spec: Spec): Tensor[] {
  if (!spec.lora || spec.model.kind !== 'transformer') return [];
  const m = spec.model;
  const r = spec.lora.r;
  const out: Tensor[] = [];
  for (const name of spec.lora.targets)
    for (const g of layerGroups(m))
      for (const x of mixersOf(g.layer))
        for (const [n, din, dout, copies] of kindOf(x).lora(x as never, m.d))
          if (n === name) {
            const times = g.count * copies;
            out.push({
              part: 'lora adapters',
              rows: r,
              cols: din + dout,
              times,
              active: times,
              matmul: true,
              shard: 'col',
            });
          }
  return out;
}

/** What a model's own tensors add up to; the same for every estimate of that model object. */
export interface ModelSums {
  tensors: Tensor[];
  total: number;
  /** Parameters of the experts a token does not use: (E − top-k) expert MLPs per MoE layer. */
  inactive: number;
  /** Parameters of the routed experts (the tensors expert parallelism spreads). */
  experts: number;
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

function sums(model: Model): ModelSums {
  const tensors = modelTensors(model);
  let lookups = 0;
  let inactive = 0;
  let experts = 0;
  for (const x of tensors) {
    const n = x.rows * x.cols;
    if (!x.matmul) lookups += n * x.times;
    if (x.active !== x.times) inactive += n * (x.times - x.active);
    if (x.shard === 'expert') experts += n * x.times;
  }
  return { tensors, total: tensorCount(tensors), inactive, experts, lookups, parts: breakdown(tensors) };
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
    'embeddings V·d (+ positions, token types) + Σ over layers [attention d·(h·hd) + 2·d·(kv·hd) + (h·hd)·d (+ biases) | MLA d·q_rank + q_rank·h·(nope+rope) + d·(kv_rank+rope) + kv_rank·h·(nope+v) + h·v·d | Mamba in_proj d·2·inner + conv + x_proj + dt_proj + A, D + out_proj + norms + MLP 2·d·ffn or 3·d·ffn gated (MoE: × E experts + router d·E + shared experts)] + final norm + LM head V·d when untied',
  source:
    'The sum of numel() over a Hugging Face / PyTorch model’s parameters (buffers excluded); MLA: DeepSeek-V2 (arXiv:2405.04434) §2.1; Mamba: Gu & Dao 2023 (arXiv:2312.00752) §3.4; shared experts: DeepSeekMoE (arXiv:2401.06066) §3.2; LoRA r·(d_in + d_out) per adapted matrix (Hu et al. 2021)',
  substitute(spec, est) {
    const lines = est.params.breakdown.map((p) => `${p.name}: ${p.count}`);
    if (spec.model.kind === 'transformer') {
      const m = spec.model;
      const o = outline(m);
      lines.unshift(
        `d=${m.d}, L=${o.layers}, heads=${o.heads}, kv_heads=${o.kvHeads}, head_dim=${o.headDim}, ffn=${o.ffn}, V=${m.vocab}, ${m.tied ? 'tied' : 'untied'} embeddings`,
        `layers: ${describeGroups(m)}`,
      );
    }
    lines.push(`total: ${est.params.total}`, `active per token: ${est.params.active}`);
    return lines;
  },
};
