// FLOPs with 1 multiply-add = 2 FLOPs (the PaLM / GPT-3 / nanoGPT convention; torchvision's "GFLOPS" are
// multiply-accumulates, half of these). Every matmul of a standard implementation is counted; biases,
// norms, softmax and activation functions are not.
import type { Flops, Params } from './estimate-types.js';
import type { Explainer } from './explainer.js';
import { windowAt } from './kv-cache.js';
import { kindOf } from './layers/index.js';
import { byIdentity } from './memo.js';
import type { Component, NetworkModel, Spec, TransformerModel } from './spec.js';
import { modelSums } from './params.js';
import { isPresetModel } from './presets.js';
import { type Group, layerGroups, layerCount, matmulFlops, normStyle } from './stacks.js';

/** Forward FLOPs per token of one group's layer, split into the parts explain and the memory code need. */
export interface GroupFlops {
  group: Group;
  /** Matmuls of the token mixers: Q/K/V/O (or MLA's latents, Mamba's projections), cross-attention. */
  projections: number;
  /** Work without weights: attention scores and weighted sums over the context, the SSM scan. */
  attention: number;
  /** Matmuls of the channel mixer: the MLP, or the router, top-k and shared experts. */
  mlp: number;
  total: number;
}

/** Each group's forward FLOPs per token; a decoder's attention is causal when `causal`, an encoder's never. */
export function groupFlops(m: TransformerModel, seq: number, causal: boolean, full = false): GroupFlops[] {
  const norm = normStyle(m);
  return layerGroups(m).map((group) => {
    const run = { seq, causal: causal && group.stack.role === 'decoder', encoderSeq: seq, full };
    const { mixer, cross, ffn } = group.layer;
    let projections = 0;
    let attention = 0;
    for (const x of [mixer, cross]) {
      if (!x) continue;
      const kind = kindOf(x);
      projections += matmulFlops(kind.tensors(x as never, m.d, norm, 1));
      attention += kind.flops(x as never, run);
    }
    const mlp = ffn ? matmulFlops(kindOf(ffn).tensors(ffn as never, m.d, norm, 1)) : 0;
    return { group, projections, attention, mlp, total: projections + attention + mlp };
  });
}

interface TransformerCounts {
  perToken: number;
  perSample: number;
  tokens: number;
  attentionPerToken: number;
}

/** Σ count × per-layer FLOPs, and the attention part of it. */
function body(groups: GroupFlops[]): { total: number; attention: number } {
  let total = 0;
  let attention = 0;
  for (const g of groups) {
    total += g.group.count * g.total;
    attention += g.group.count * g.attention;
  }
  return { total, attention };
}

function transformerFlops(m: TransformerModel, spec: Spec): TransformerCounts {
  if (m.vision) {
    const v = m.vision;
    const patches = (v.image / v.patch) ** 2;
    const tokens = patches + 1;
    const layers = body(groupFlops(m, tokens, false));
    // Patch embedding: a (C·p²) → d projection per patch; the classifier head runs on the class token only.
    const perSample = layers.total * tokens + patches * 2 * v.channels * v.patch ** 2 * m.d + 2 * m.d * v.classes;
    return { perToken: perSample / tokens, perSample, tokens, attentionPerToken: layers.attention };
  }
  const layers = body(groupFlops(m, spec.seq, spec.causal));
  if (m.head !== 'lm') {
    // BertModel: no LM head; the pooler is one d×d matmul per sequence.
    const perSample = layers.total * spec.seq + (m.head === 'pooler' ? 2 * m.d * m.d : 0);
    return { perToken: layers.total, perSample, tokens: spec.seq, attentionPerToken: layers.attention };
  }
  const perToken = layers.total + 2 * m.d * m.vocab; // LM head: d → V logits for every token
  return { perToken, perSample: perToken * spec.seq, tokens: spec.seq, attentionPerToken: layers.attention };
}

const RNN_GATES = { lstm: 4, gru: 3, rnn: 1 } as const;

/** Forward FLOPs of one classic layer per sample (per time step for RNNs); null when a size is unknown. */
export function componentFlops(c: Component): number | null {
  switch (c.kind) {
    case 'dense':
      return 2 * c.in * c.out;
    case 'conv': {
      if (c.hw == null) return null;
      // Output size floor((H + 2·pad − k)/stride) + 1 (PyTorch Conv2d docs); 2·Hout·Wout·kh·kw·(cin/groups)·cout.
      const hOut = Math.floor((c.hw + 2 * c.pad - c.kh) / c.stride) + 1;
      const wOut = Math.floor((c.hw + 2 * c.pad - c.kw) / c.stride) + 1;
      return 2 * hOut * wOut * c.kh * c.kw * (c.cin / c.groups) * c.cout;
    }
    case 'rnn': {
      let total = 0;
      const dirs = c.bidirectional ? 2 : 1;
      for (let l = 0; l < c.layers; l++) {
        const inSize = l === 0 ? c.in : c.hidden * dirs;
        total += dirs * 2 * RNN_GATES[c.cell] * c.hidden * (inSize + c.hidden);
      }
      return total;
    }
    default:
      return 0; // embedding lookups and BatchNorm do no matmul
  }
}

/** Forward FLOPs of one time step of a network (null when a size is unknown), and whether it has RNN layers. */
function sumFlops(m: NetworkModel): { perStep: number | null; recurrent: boolean } {
  const parts = m.components.map(componentFlops);
  const known = parts.every((x) => x != null);
  return {
    perStep: known ? (parts as number[]).reduce((a, b) => a + b, 0) : null,
    recurrent: m.components.some((c) => c.kind === 'rnn'),
  };
}

/** sumFlops memoised by model object: presets of classic networks hand every estimate the same one. */
const networkFlops = byIdentity(sumFlops, isPresetModel);

/** Parameters that take part in a matmul for every token: all but embedding lookups, plus a tied head. */
export function matmulParams(spec: Spec, params: Params): number {
  const lookups = modelSums(spec.model).lookups;
  const m = spec.model;
  const tiedHead = m.kind === 'transformer' && m.tied && m.head === 'lm' ? m.vocab * m.d : 0;
  return params.active - lookups + tiedHead;
}

function trainingFlops(spec: Spec, forward: number, attention: number, adapters = 0) {
  // Backward ≈ 2 × forward (Kaplan et al. 2020 §2.1), so training = 3 × forward. With LoRA the frozen
  // weights still pass gradients back (1 × forward) but compute no weight gradients: 2 × base forward,
  // plus 3 × the adapters' own 2·params per token (Hu et al. 2021 §4.2 on the saved backward work).
  const adapterForward = 2 * adapters;
  const train = spec.lora ? 2 * forward + 3 * adapterForward : 3 * forward;
  // Recompute re-runs forward work: full = the whole forward again, selective = the attention core again (Korthikanti 2022 §5).
  const hardware =
    spec.recompute === 'full'
      ? train + forward + adapterForward
      : spec.recompute === 'selective'
        ? train + attention
        : null;
  return { train, hardware };
}

/** Trainable adapter parameters (LoRA), whose matmuls run beside the frozen base. */
const adapterParams = (spec: Spec, params: Params) => (spec.lora ? params.trainable : 0);

export function countFlops(spec: Spec, params: Params): Flops {
  const m = spec.model;
  if (m.kind === 'bare') {
    // Only N is known: forward ≈ 2N per token, training ≈ 6N (Kaplan et al. 2020 §2.1).
    const n = m.params;
    const train = spec.tokens != null ? 6 * n * spec.tokens : null;
    return {
      forwardPerToken: 2 * n,
      trainPerToken: 6 * n,
      hardwarePerToken: spec.recompute === 'full' ? 8 * n : null,
      forwardPerSample: 2 * n * spec.seq,
      train,
      approx6N: 6 * n,
      approxPaLM: null,
    };
  }
  if (m.kind === 'network') {
    const { perStep, recurrent } = networkFlops(m);
    const perSample = perStep == null ? null : recurrent ? perStep * m.steps : perStep;
    const tr = perSample == null ? null : trainingFlops(spec, perSample, 0);
    return {
      forwardPerToken: recurrent ? perStep : null,
      trainPerToken: recurrent && perStep != null ? 3 * perStep : null,
      hardwarePerToken: null,
      forwardPerSample: perSample,
      train: tr && spec.tokens != null ? tr.train * spec.tokens : null,
      approx6N: null,
      approxPaLM: null,
    };
  }
  const c = transformerFlops(m, spec);
  const tr = trainingFlops(spec, c.perToken, c.attentionPerToken, adapterParams(spec, params));
  const n = matmulParams(spec, params);
  return {
    forwardPerToken: c.perToken,
    trainPerToken: tr.train,
    hardwarePerToken: tr.hardware,
    forwardPerSample: c.perSample,
    train: spec.tokens != null ? tr.train * spec.tokens : null,
    approx6N: 6 * n,
    // PaLM (Chowdhery et al. 2022, App. B): 6N + 12·L·H·Q·T per token, H·Q = heads × head_dim, T = seq:
    // 3 × the attention work of every layer over the full context (other mixers' weightless work likewise).
    approxPaLM: 6 * n + 3 * body(groupFlops(m, c.tokens, false, true)).attention,
  };
}

export const FLOPS_EXPLAINER: Explainer = {
  topic: 'flops',
  aliases: ['flop', 'compute'],
  title: 'FLOPs per token',
  formula:
    'forward/token = L · [2·d·(h·hd) + 4·d·(kv·hd) + 2·(h·hd)·d + 4·s·(h·hd) + MLP 4·d·ffn (6·d·ffn gated; MoE: 2·d·E + k experts)] + 2·d·V; training = 3 × forward (LoRA: 2 × frozen base + 3 × adapters)',
  source:
    '1 multiply-add = 2 FLOPs; attention counted in full unless `causal` ((s+1)/2 mean context); backward = 2 × forward (Kaplan et al. 2020 §2.1); PaLM 6N + 12·L·H·Q·T (Chowdhery et al. 2022 App. B)',
  substitute(spec, est) {
    const lines: string[] = [];
    if (spec.model.kind === 'transformer' && !spec.model.vision) {
      const m = spec.model;
      const groups = groupFlops(m, spec.seq, spec.causal);
      for (const l of groups) {
        const causal = spec.causal && l.group.stack.role === 'decoder' ? ', causal' : '';
        const sum = `projections ${l.projections} + attention ${l.attention} (s=${spec.seq}${causal}) + MLP ${l.mlp} = ${l.total}`;
        lines.push(groups.length === 1 ? `per layer: ${sum}` : `${l.group.count} × (${sum})`);
      }
      lines.push(
        `× L=${layerCount(m)} layers${m.head !== 'lm' ? '' : ` + LM head 2·${m.d}·${m.vocab} = ${2 * m.d * m.vocab}`}`,
      );
    }
    lines.push(`forward per token: ${est.flops.forwardPerToken}`, `training per token: ${est.flops.trainPerToken}`);
    if (est.flops.approx6N != null) lines.push(`6N: ${est.flops.approx6N}`);
    if (est.flops.approxPaLM != null) lines.push(`PaLM 6N + 12·L·H·Q·T: ${est.flops.approxPaLM}`);
    if (est.flops.train != null)
      lines.push(`training run: ${est.flops.trainPerToken} × ${spec.tokens} tokens = ${est.flops.train}`);
    return lines;
  },
};

/** Words for Estimate.assumptions. */
export function flopsNotes(spec: Spec): string[] {
  const m = spec.model;
  if (m.kind === 'bare')
    return ['FLOPs from the parameter count alone: 2N per token forward, 6N training (Kaplan et al. 2020)'];
  const notes = ['FLOPs: 1 multiply-add = 2 FLOPs; biases, norms, softmax and activation functions not counted'];
  if (m.kind === 'transformer' && !m.vision && spec.causal)
    notes.push('causal attention: mean context (s+1)/2 per token');
  const w = m.kind === 'transformer' ? windowAt(m, spec.seq) : undefined;
  if (w)
    notes.push(
      w.chunked
        ? `chunked attention: ${w.layers} layers attend within aligned ${w.size}-token chunks, not over all ${spec.seq} positions`
        : `sliding window: ${w.layers} layers attend over at most the last ${w.size} tokens, not all ${spec.seq}`,
    );
  notes.push(
    spec.lora
      ? 'LoRA training FLOPs: 2 × frozen forward (no weight gradients) + 3 × adapter forward'
      : 'training FLOPs = 3 × forward (backward ≈ 2 × forward)',
  );
  return notes;
}
