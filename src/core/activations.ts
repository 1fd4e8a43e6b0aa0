// Activation memory: what training stores for the backward pass (Korthikanti et al. 2022, generalised
// term by term to GQA, SwiGLU, MoE and parallel blocks) and the transient working set of inference.
import { activationBytes } from './dtypes.js';
import type { Explainer } from './explainer.js';
import { memoText } from './memo.js';
import {
  networkActivationLines,
  networkActivationNotes,
  networkInferenceActivations,
  networkTrainingActivations,
} from './network-activations.js';
import type { Spec, TransformerModel } from './spec.js';

/** One layer's stored activations for one micro-batch, before tensor parallelism, bytes. */
export interface LayerTerms {
  replicated: number; // not split by TP (10sbh): norm inputs, QKV and MLP inputs, dropout masks, router
  split: number; // split by TP (24sbh): Q, K, V, attention output, MLP intermediates
  quadratic: number; // the s² terms (5as²b): softmax output, dropout mask, dropout output
}

/** Sequence length the layers see: image patches + class token for ViT, else spec.seq. */
export const layerSeq = (spec: Spec, m: TransformerModel): number =>
  m.vision ? (m.vision.image / m.vision.patch) ** 2 + 1 : spec.seq;

/** Decoders end in an LM head; a bare encoder (BertModel) has none, and ViT ends in its classifier. */
// Hugging Face BertModel: outputs hidden states and the pooled [CLS] vector, no vocabulary projection.
export const hasLmHead = (m: TransformerModel): boolean => m.family !== 'encoder' && !m.vision;

/** Dropout is modelled for GPT/BERT-style families; Llama-style models (and ViT) train without it. */
export const hasDropout = (m: TransformerModel): boolean => m.family !== 'llama' && !m.vision;

const isGlu = (m: TransformerModel) => m.activation === 'swiglu' || m.activation === 'geglu';

/** Per-layer terms; with GPT-2 shapes (ffn 4h, kv = heads) they sum to 34sbh + 5as²b. */
// Korthikanti et al. 2022 (arXiv:2205.05198) §4.1, Table 2: sbh(34 + 5as/h) bytes per layer, 16-bit activations.
export function layerTerms(m: TransformerModel, s: number, b: number, A: number, dropout: boolean): LayerTerms {
  const sb = s * b;
  const h = m.d;
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  const M = dropout ? 1 : 0; // 1-byte dropout masks
  const moe = m.experts > 1;
  const k = moe ? m.topk : 1;
  const mlpInput = m.normsPerLayer === 2 ? A * sb * h : 0; // a parallel block feeds the MLP the QKV input
  const router = moe ? k * A * sb * h + A * sb * m.experts : 0; // dispatched token copies + router logits
  const postNorms = m.postNorms ? 2 * A * sb * h : 0; // Gemma 2/3: the inputs of the two extra norms
  const replicated = m.normsPerLayer * A * sb * h + A * sb * h + mlpInput + 2 * M * sb * h + router + postNorms;
  const qkNorm = m.qkNorm ? A * sb * (q + kv) : 0; // q and k before their norms
  const split = A * sb * (q + 2 * kv) + A * sb * q + k * (isGlu(m) ? 3 : 2) * A * sb * m.ffn + qkNorm;
  const quadratic = (A + M + (dropout ? A : 0)) * m.heads * s * s * b;
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
  const dropout = hasDropout(m);
  const L = layerTerms(m, s, b, A, dropout);
  const quadratic = spec.flash ? 0 : L.quadratic / t;
  const layer = L.replicated / r + L.split / t + quadratic; // everything one layer stores
  // Recompute rebuilds one layer at a time during the backward pass: that layer's tensors come back.
  const body =
    spec.recompute === 'full'
      ? (m.layers * A * s * b * m.d) / r + layer
      : spec.recompute === 'selective'
        ? m.layers * (layer - quadratic) + quadratic
        : m.layers * layer;
  if (spec.pp > 1) return body; // the embedding sits on the first stage, the logits on the last
  // pp = 1: embedding dropout mask, final-norm and LM-head inputs, fp32 logits (§4.3: 4sbh/t·(1 + v/h)); ViT: class token only.
  // BERT and BLOOM also normalise the summed embeddings: that LayerNorm keeps its input too.
  const norm =
    (dropout ? s * b * m.d : 0) / r + ((m.finalNorm ? 1 : 0) + (m.embedNorm ? 1 : 0)) * ((A * s * b * m.d) / r);
  if (m.vision) return body + norm + A * b * m.d + 4 * b * m.vision.classes;
  if (!hasLmHead(m)) return body + norm; // BertModel: no output layer; the pooler ([CLS] only, b·h) neglected
  return body + norm + (A * s * b * m.d) / r + (4 * s * b * m.vocab) / t;
}

/** Inference: one layer's transient working set at prefill, by phase (the tensors are freed after each layer), bytes. */
// Same tensors as Korthikanti Table 2: attention (input, normed, Q/K/V, scores unless flash, output), MLP intermediates, logits.
export function inferencePhases(spec: Spec, m: TransformerModel): { attention: number; mlp: number; logits: number } {
  const s = layerSeq(spec, m);
  const sb = s * spec.batch;
  const t = spec.tp;
  const A = activationBytes(spec.dtype);
  const qkv = A * sb * (2 * m.heads + 2 * m.kvHeads) * m.headDim + (spec.flash ? 0 : A * m.heads * s * sb);
  const k = m.experts > 1 ? m.topk : 1;
  const router = m.experts > 1 ? A * sb * m.experts : 0;
  return {
    attention: 2 * A * sb * m.d + qkv / t,
    mlp: 2 * A * sb * m.d + (k * (isGlu(m) ? 3 : 2) * A * sb * m.ffn) / t + router,
    // last position, fp32; a bare encoder has no logits
    logits: m.vision ? (4 * spec.batch * m.vision.classes) / t : hasLmHead(m) ? (4 * spec.batch * m.vocab) / t : 0,
  };
}

export function inferenceActivations(spec: Spec): number {
  if (spec.model.kind === 'network') return networkInferenceActivations(spec, spec.model);
  if (spec.model.kind !== 'transformer') return 0;
  const p = inferencePhases(spec, spec.model);
  return Math.max(p.attention, p.mlp, p.logits);
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
  const out = [
    trainingNote[(A === 4 ? 2 : 0) + (isGlu(m) ? 1 : 0)](spec.batch),
    hasDropout(m)
      ? 'dropout masks (1 B) on attention, MLP and embeddings, as in the paper'
      : 'no dropout (Llama-style / ViT training): no masks, no dropout copies',
  ];
  if (m.normsPerLayer === 1) out.push('parallel block: attention and MLP read the same normed input, stored once');
  if (m.postNorms) out.push('norms after attention and after the MLP also keep their inputs');
  if (m.qkNorm) out.push('QK-norm: queries and keys also kept before their norms');
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
      ? `pipeline (1F1B): the first stage holds L/pp layers × pp micro-batches = all ${m.layers} layers' worth; ${hasLmHead(m) || m.vision ? 'logits on the last stage' : 'no LM head'} (embedding dropout masks of in-flight micro-batches, p·s·b·h B, neglected)`
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
  formula: 'per layer = s·b·h·(34 + 5·a·s/h) B (GPT shapes, 16-bit); TP: s·b·h·(10 + 24/t + 5·a·s/(h·t))',
  source: 'Korthikanti et al. 2022, Reducing Activation Recomputation (arXiv:2205.05198) §4, Table 2',
  substitute(spec, est) {
    const m = spec.model;
    if (m.kind === 'network') return networkActivationLines(spec, m, est.memory.activations);
    if (m.kind !== 'transformer') return ['activations are not modelled for this model: 0'];
    const s = layerSeq(spec, m);
    const head = `s = ${s}, b = ${spec.batch}, h = ${m.d}, a = ${m.heads}, L = ${m.layers}, t = ${spec.tp}${spec.sp ? ', sp' : ''}`;
    if (spec.mode === 'infer') {
      const p = inferencePhases(spec, m);
      return [head, `max(attention ${p.attention}, MLP ${p.mlp}, logits ${p.logits}) = ${est.memory.activations} B`];
    }
    const L = layerTerms(m, s, spec.batch, activationBytes(spec.dtype), hasDropout(m));
    return [
      head,
      `one layer: replicated ${L.replicated} ÷ ${spec.sp ? spec.tp : 1} + split ${L.split} ÷ ${spec.tp} + s² ${L.quadratic} ÷ ${spec.tp}${spec.flash ? ' (s² not stored: flash)' : ''}; recompute ${spec.recompute}`,
      `per device: ${m.layers} layers${spec.pp > 1 ? ' (first stage)' : hasLmHead(m) || m.vision ? ' + output layer and logits' : ' + embedding terms (no LM head)'} = ${est.memory.activations} B`,
    ];
  },
};
