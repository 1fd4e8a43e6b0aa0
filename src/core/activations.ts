// Activation memory: what training stores for the backward pass (Korthikanti et al. 2022, generalised
// term by term to GQA, SwiGLU, MoE, parallel blocks and each layer kind in layers/) and the transient
// working set of inference.
import { activationBytes } from './dtypes.js';
import type { Explainer } from './explainer.js';
import { kindOf } from './layers/index.js';
import type { Act, Terms } from './layers/kind.js';
import { isGated } from './layers/mlp.js';
import { memoText } from './memo.js';
import {
  networkActivationLines,
  networkActivationNotes,
  networkInferenceActivations,
  networkTrainingActivations,
} from './network-activations.js';
import type { Layer, Spec, TransformerModel } from './spec.js';
import { type Group, layerCount, layerGroups, mixersOf } from './stacks.js';

export type LayerTerms = Terms;

/** Sequence length the layers see: image patches + class token for ViT, else spec.seq. */
export const layerSeq = (spec: Spec, m: TransformerModel): number =>
  m.vision ? (m.vision.image / m.vision.patch) ** 2 + 1 : spec.seq;

/** Decoders end in an LM head; a bare encoder (BertModel) has none, and ViT ends in its classifier. */
// Hugging Face BertModel: outputs hidden states and the pooled [CLS] vector, no vocabulary projection.
export const hasLmHead = (m: TransformerModel): boolean => m.head === 'lm';

/** What the kinds' activation facets read for one layer. */
function actOf(layer: Layer, d: number, s: number, b: number, A: number, dropout: boolean, flash = false, tp = 1): Act {
  return { s, b, d, A, M: dropout ? 1 : 0, dropout, sharedInput: layer.parallel, flash, tp };
}

/** One layer's terms: its norms' inputs plus what each of its mixers keeps. */
// Korthikanti et al. 2022 (arXiv:2205.05198) §4.1, Table 2: sbh(34 + 5as/h) bytes per layer for GPT shapes, 16-bit.
export function layerTerms(layer: Layer, d: number, s: number, b: number, A: number, dropout: boolean): LayerTerms {
  const a = actOf(layer, d, s, b, A, dropout);
  let replicated = layer.norms * A * s * b * d;
  let split = 0;
  let quadratic = 0;
  for (const x of mixersOf(layer)) {
    const t = kindOf(x).saved(x as never, a);
    replicated += t.replicated;
    split += t.split;
    quadratic += t.quadratic;
  }
  return { replicated, split, quadratic };
}

/** Stored training activations per device for one micro-batch (first pipeline stage under 1F1B), bytes. */
// Korthikanti et al. 2022 §4.2–4.3: sbhL(10 + 24/t + 5as/(ht)), SP divides all by t, full recompute 2sbhL, output 4sbh/t(1 + v/h).
export function trainingActivations(spec: Spec): number {
  const m = spec.model;
  if (m.kind === 'network') return networkTrainingActivations(spec, m);
  if (m.kind !== 'transformer') return 0;
  const s = layerSeq(spec, m);
  const b = spec.batch;
  const t = spec.tp;
  const r = spec.sp ? t : 1; // what the replicated terms divide by
  const A = activationBytes(spec.dtype);
  const dropout = m.dropout;
  // Everything one layer of each group stores, and its s² part.
  const stored = layerGroups(m).map((g: Group) => {
    const L = layerTerms(g.layer, m.d, s, b, A, dropout);
    const quadratic = spec.flash ? 0 : L.quadratic / t;
    return { count: g.count, layer: L.replicated / r + L.split / t + quadratic, quadratic };
  });
  const layers = layerCount(m);
  // Recompute rebuilds one layer at a time during the backward pass: that layer's tensors come back.
  let body = 0;
  if (spec.recompute === 'full') {
    body = (layers * A * s * b * m.d) / r + Math.max(...stored.map((x) => x.layer));
  } else if (spec.recompute === 'selective') {
    for (const x of stored) body += x.count * (x.layer - x.quadratic);
    body += Math.max(...stored.map((x) => x.quadratic));
  } else for (const x of stored) body += x.count * x.layer;
  if (spec.pp > 1) return body; // the embedding sits on the first stage, the logits on the last
  // pp = 1: embedding dropout mask, final-norm and LM-head inputs, fp32 logits (§4.3: 4sbh/t·(1 + v/h)); ViT: class token only.
  // BERT and BLOOM also normalise the summed embeddings: that LayerNorm keeps its input too.
  let norms = 0;
  for (const st of m.stacks) norms += (st.finalNorm ? 1 : 0) + (st.embedNorm ? 1 : 0);
  const norm = (dropout ? s * b * m.d : 0) / r + norms * ((A * s * b * m.d) / r);
  if (m.vision) return body + norm + A * b * m.d + 4 * b * m.vision.classes;
  if (!hasLmHead(m)) return body + norm; // BertModel: no output layer; the pooler ([CLS] only, b·h) neglected
  return body + norm + (A * s * b * m.d) / r + (4 * s * b * m.vocab) / t;
}

/** Inference: the largest transient working set of one layer's phases at prefill (freed after each), and the logits, bytes. */
// Same tensors as Korthikanti Table 2: attention (input, normed, Q/K/V, scores unless flash, output), MLP intermediates, logits.
export function inferencePhases(spec: Spec, m: TransformerModel): { layers: number; logits: number } {
  const s = layerSeq(spec, m);
  const A = activationBytes(spec.dtype);
  let layers = 0;
  for (const g of layerGroups(m)) {
    const a = actOf(g.layer, m.d, s, spec.batch, A, false, spec.flash, spec.tp);
    for (const x of mixersOf(g.layer)) layers = Math.max(layers, kindOf(x).working(x as never, a));
  }
  // last position, fp32; a bare encoder has no logits
  const logits = m.vision
    ? (4 * spec.batch * m.vision.classes) / spec.tp
    : hasLmHead(m)
      ? (4 * spec.batch * m.vocab) / spec.tp
      : 0;
  return { layers, logits };
}

export function inferenceActivations(spec: Spec): number {
  if (spec.model.kind === 'network') return networkInferenceActivations(spec, spec.model);
  if (spec.model.kind !== 'transformer') return 0;
  const p = inferencePhases(spec, spec.model);
  return Math.max(p.layers, p.logits);
}

/** Activation bytes per device for the spec's mode. */
export const activations = (spec: Spec): number =>
  spec.mode === 'train' ? trainingActivations(spec) : inferenceActivations(spec);

const SELECTIVE_NOTE = "selective recompute: s² terms not stored (one layer's come back while recomputed)";
const FULL_NOTE =
  "full recompute: each layer's input (2·s·b·h) kept, plus one layer's activations while it is recomputed";

/** The first training note for 16- and 32-bit activations, each without and with a gated MLP, by micro-batch. */
const trainingNote = [16, 32].flatMap((bits) =>
  [false, true].map((glu) =>
    memoText(
      (batch: number) =>
        `training activations per Korthikanti et al. 2022 (Table 2), ${bits}-bit, per micro-batch of ${batch}, generalised to this architecture${glu ? ' (fused gated MLP: gate, up and product stored)' : ''}`,
    ),
  ),
);

/** Whether the model's channel mixers are gated, its blocks parallel, Gemma-sandwiched, QK-normed: what the notes name. */
function traits(m: TransformerModel) {
  let glu = false;
  let parallel = false;
  let sandwich = false;
  let qkNorm = false;
  let ssm = false;
  for (const g of layerGroups(m)) {
    const { mixer, ffn } = g.layer;
    if (ffn && isGated(ffn.activation)) glu = true;
    if (g.layer.parallel) parallel = true;
    if (g.layer.norms >= 4) sandwich = true;
    if (mixer?.kind === 'attn' && mixer.qkNorm !== 'none') qkNorm = true;
    if (mixer?.kind === 'mamba1' || mixer?.kind === 'mamba2') ssm = true;
  }
  return { glu, parallel, sandwich, qkNorm, ssm };
}

/** Words for Estimate.assumptions. */
export function activationNotes(spec: Spec): string[] {
  const m = spec.model;
  if (m.kind === 'network') return networkActivationNotes(spec, m);
  if (m.kind !== 'transformer') return ['activations not modelled for a bare parameter count (counted as 0)'];
  if (spec.mode === 'infer')
    return [
      `inference activations: one layer's transient working set at prefill of ${layerSeq(spec, m)} tokens${spec.flash ? ' (flash attention: no s² scores)' : ' (with the s² attention scores)'}, ${hasLmHead(m) || m.vision ? 'plus last-token fp32 logits' : 'no logits (bare encoder, as BertModel: no LM head)'}`,
    ];
  const A = activationBytes(spec.dtype);
  const tr = traits(m);
  const out = [
    trainingNote[(A === 4 ? 2 : 0) + (tr.glu ? 1 : 0)](spec.batch),
    m.dropout
      ? 'dropout masks (1 B) on attention, MLP and embeddings, as in the paper'
      : 'no dropout (Llama-style / ViT training): no masks, no dropout copies',
  ];
  if (tr.parallel) out.push('parallel block: attention and MLP read the same normed input, stored once');
  if (tr.sandwich) out.push('norms after attention and after the MLP also keep their inputs');
  if (tr.qkNorm) out.push('QK-norm: queries and keys also kept before their norms');
  if (tr.ssm)
    out.push(
      "state-space layers keep their projections' outputs, the conv output and the scan output; the scan's hidden states are recomputed in backward (Gu & Dao 2023 §3.3.2)",
    );
  if (spec.recompute === 'selective' && !spec.flash) out.push(SELECTIVE_NOTE);
  if (spec.recompute === 'full') out.push(FULL_NOTE);
  if (spec.tp !== 1)
    out.push(
      spec.sp
        ? 'sequence parallel: all activations ÷ tp'
        : 'tensor parallel: norm and layer inputs, dropout masks replicated on every TP rank',
    );
  out.push(
    spec.pp > 1
      ? `pipeline (1F1B): the first stage holds L/pp layers × pp micro-batches = all ${layerCount(m)} layers' worth; ${hasLmHead(m) || m.vision ? 'logits on the last stage' : 'no LM head'} (embedding dropout masks of in-flight micro-batches, p·s·b·h B, neglected)`
      : m.vision
        ? 'fp32 class logits (4·b·classes) kept for the loss'
        : hasLmHead(m)
          ? 'fp32 logits (4·s·b·vocab) kept for the loss'
          : 'no output layer or logits stored: a bare encoder (as BertModel) has no LM head; the pooler ([CLS] only) neglected',
  );
  if (spec.lora) out.push('LoRA adapter activations (2·s·b·r per adapted matrix) neglected');
  return out;
}

export const ACTIVATIONS_EXPLAINER: Explainer = {
  topic: 'activations',
  aliases: ['activation', 'korthikanti', 'recompute'],
  title: 'Activation memory',
  formula:
    'per layer = s·b·h·(34 + 5·a·s/h) B (GPT shapes, 16-bit); TP: s·b·h·(10 + 24/t + 5·a·s/(h·t)); other kinds by the tensors they keep (MLA: latents and per-head Q/K/V; Mamba: projections, conv and scan outputs)',
  source:
    'Korthikanti et al. 2022, Reducing Activation Recomputation (arXiv:2205.05198) §4, Table 2; Mamba: Gu & Dao 2023 (arXiv:2312.00752) §3.3.2 (states recomputed)',
  substitute(spec, est) {
    const m = spec.model;
    if (m.kind === 'network') return networkActivationLines(spec, m, est.memory.activations);
    if (m.kind !== 'transformer') return ['activations are not modelled for this model: 0'];
    const s = layerSeq(spec, m);
    const groups = layerGroups(m);
    let a = 0;
    for (const g of groups)
      if (!a && (g.layer.mixer?.kind === 'attn' || g.layer.mixer?.kind === 'mla')) a = g.layer.mixer.heads;
    const head = `s = ${s}, b = ${spec.batch}, h = ${m.d}, a = ${a}, L = ${layerCount(m)}, t = ${spec.tp}${spec.sp ? ', sp' : ''}`;
    if (spec.mode === 'infer') {
      const p = inferencePhases(spec, m);
      return [head, `max(largest layer phase ${p.layers}, logits ${p.logits}) = ${est.memory.activations} B`];
    }
    const lines = [head];
    for (const g of groups) {
      const L = layerTerms(g.layer, m.d, s, spec.batch, activationBytes(spec.dtype), m.dropout);
      lines.push(
        `${groups.length === 1 ? 'one layer' : `${g.count} layers, each`}: replicated ${L.replicated} ÷ ${spec.sp ? spec.tp : 1} + split ${L.split} ÷ ${spec.tp} + s² ${L.quadratic} ÷ ${spec.tp}${spec.flash ? ' (s² not stored: flash)' : ''}; recompute ${spec.recompute}`,
      );
    }
    lines.push(
      `per device: ${layerCount(m)} layers${spec.pp > 1 ? ' (first stage)' : hasLmHead(m) || m.vision ? ' + output layer and logits' : ' + embedding terms (no LM head)'} = ${est.memory.activations} B`,
    );
    return lines;
  },
};
