// Parameter counts: total, active (MoE), trainable (LoRA) and a breakdown by part, all from the tensor
// list in tensors.ts so that every number here is what `sum(p.numel() for p in model.parameters())` gives.
import type { ParamPart, Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import type { Spec, TransformerModel } from './spec.js';
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

/** Every parameter tensor of the spec, adapters included. */
export const paramTensors = (spec: Spec): Tensor[] => [...modelTensors(spec.model), ...loraTensors(spec)];

function breakdown(ts: Tensor[]): ParamPart[] {
  const parts = new Map<string, number>();
  for (const x of ts) parts.set(x.part, (parts.get(x.part) ?? 0) + x.rows * x.cols * x.times);
  return [...parts].map(([name, count]) => ({ name, count }));
}

/** Parameters of the experts a token does not use: (E − top-k) expert MLPs per layer. */
function inactiveExperts(m: TransformerModel): number {
  if (m.experts <= 1) return 0;
  return tensorCount(mlpTensors(m, 'experts', m.layers * (m.experts - m.topk)));
}

export function countParams(spec: Spec): Params {
  const base = modelTensors(spec.model);
  const adapters = loraTensors(spec);
  const total = tensorCount(base) + tensorCount(adapters);
  const active = total - (spec.model.kind === 'transformer' ? inactiveExperts(spec.model) : 0);
  const trainable = spec.lora ? tensorCount(adapters) : total;
  return { total, active, trainable, breakdown: breakdown([...base, ...adapters]) };
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
