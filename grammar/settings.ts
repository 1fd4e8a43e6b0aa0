// Everything in a spec but the model: mode, precision, optimizer, LoRA, parallelism, budget; each
// default is named in `notes`.
import { BYTES, trainableBytes } from '../src/core/dtypes.js';
import { outline } from '../src/core/blueprint.js';
import { hasCache } from '../src/core/kv-cache.js';
import { splitsHeads } from '../src/core/model-states.js';
import { layerCount, tpSplits } from '../src/core/stacks.js';
import type { Dtype, KvDtype, Model, Spec, SpecPatch, WeightFormat } from '../src/core/spec.js';
import { weightFormatName } from '../src/core/weights.js';
import { ok, type Result } from '../src/result.js';
import { failAt } from './errors.js';
import { TRAINING } from './fields.js';

const QUANTIZED: Dtype[] = ['int8', 'int4', 'nf4'];

export type Settings = Omit<Spec, 'name' | 'preset' | 'model' | 'seq' | 'ep' | 'assumptions'>;

/** What the gradients are counted in: core/dtypes.ts trainableBytes decides, this only words it. */
function gradientNote(dtype: Dtype): string {
  if (trainableBytes(dtype) === BYTES[dtype]) return `gradients in ${dtype} (add \`fp32-grads\` for fp32)`;
  const why = dtype === 'fp8' ? 'fp8 training keeps 16-bit gradients' : `${dtype} weights train with 16-bit gradients`;
  return `gradients in bf16 (${why}; add \`fp32-grads\` for fp32)`;
}

/** Tensor-parallel degrees a model takes: dividing the heads, and each rank holding whole KV heads or a replica. */
export function validTp(heads: number, kvHeads: number): number[] {
  const divisors: number[] = [];
  for (let t = 1; t * t <= heads; t++) if (heads % t === 0) divisors.push(t, heads / t);
  return [...new Set(divisors)].filter((t) => splitsHeads({ heads, kvHeads }, t)).sort((a, b) => a - b);
}

/** The valid tp values in words: `tp=1, 2, 4 or 8`. */
function tpChoices(m: { heads: number; kvHeads: number }): string {
  const v = validTp(m.heads, m.kvHeads);
  return v.length > 1 ? `tp=${v.slice(0, -1).join(', ')} or ${v[v.length - 1]}` : `tp=${v[0]}`;
}

/** A checkpoint's own weight format (gpt-oss: MXFP4 experts), used when no dtype is written. */
export interface NativeWeights {
  weights: WeightFormat;
  /** Whose checkpoint, for the note. */
  name: string;
}

export function settings(
  patch: SpecPatch,
  text: string,
  notes: string[],
  model: Model,
  native: NativeWeights | null = null,
): Result<Settings> {
  const attention = model.kind === 'transformer';
  const kvCache = attention && hasCache(model);
  const s = patch.spans;
  const shown = (f: string) => text.slice(s[f]?.offset ?? 0, (s[f]?.offset ?? 0) + (s[f]?.length ?? 0));
  const trainWord = TRAINING.find((f) => patch[f] !== undefined);
  if (patch.mode === 'infer' && trainWord) {
    const message = `\`${shown(trainWord)}\` is a training setting, but \`${shown('mode')}\` asks for inference`;
    return failAt('conflict', message, s[trainWord], text, 'drop one of them');
  }
  const mode = patch.mode ?? (trainWord ? 'train' : 'infer');
  if (!patch.mode)
    notes.push(
      trainWord ? `training (from \`${shown(trainWord)}\`)` : 'inference (default; add `train` to size training)',
    );
  const train = mode === 'train';

  const optimizer = train ? (patch.optimizer ?? 'adamw') : null;
  if (train && !patch.optimizer) notes.push('optimizer AdamW (default for training)');

  let lora: Spec['lora'] = null;
  if (patch.lora) {
    lora = { r: patch.lora.r || 8, quantized: patch.lora.quantized, targets: patch.lora.targets ?? ['q', 'v'] };
    if (!patch.lora.r) notes.push("LoRA rank r=8 (PEFT's default)");
    if (!patch.lora.targets) notes.push("LoRA on the q and v projections (PEFT's default for Llama)");
  }
  // QLoRA trains adapters on a quantized base (Dettmers et al. 2023): a 16-bit or fp8 base is plain LoRA.
  if (lora?.quantized && patch.dtype && !QUANTIZED.includes(patch.dtype)) {
    const message = `\`${shown('lora')}\` trains on a quantized base, but \`${shown('dtype')}\` asks for ${patch.dtype} weights`;
    return failAt(
      'conflict',
      message,
      s.dtype,
      text,
      `\`qlora\` alone stores nf4 and computes in 16-bit; for a ${patch.dtype} base use \`lora ${patch.dtype}\``,
    );
  }
  const nativeWeights = !patch.dtype && !lora?.quantized && native ? native : null;
  const weights = patch.weights ?? nativeWeights?.weights ?? null;
  const dtype: Dtype = patch.dtype ?? (lora?.quantized ? 'nf4' : 'bf16');
  if (nativeWeights)
    notes.push(
      `weights as ${nativeWeights.name}'s checkpoint stores them: ${weightFormatName(nativeWeights.weights)}, bf16 elsewhere (write a dtype such as \`bf16\` to override)`,
    );
  else if (!patch.dtype) notes.push(lora?.quantized ? 'weights nf4 (QLoRA)' : 'dtype bf16 (default)');
  // The cache follows a 16/32-bit or fp8 dtype (vLLM's kv-cache-dtype auto); weights in a 4-bit or integer
  // format compute and cache in bf16.
  const wide = dtype === 'fp32' || dtype === 'tf32' || dtype === 'fp16' || dtype === 'bf16' || dtype === 'fp8';
  const kvDtype: KvDtype = patch.kvDtype ?? (wide ? dtype : 'bf16');
  if (!patch.kvDtype && kvCache && !train) {
    const stored = weights ? weightFormatName(weights) : dtype;
    notes.push(wide ? `KV cache ${kvDtype} = dtype` : `KV cache bf16 (${stored} weights compute in bf16)`);
  }
  let offload: Settings['offload'] = null;
  if (patch.gpuLayers !== undefined || patch.ram !== undefined) {
    const what = patch.gpuLayers !== undefined ? 'gpuLayers' : 'ram';
    if (train)
      return failAt(
        'not-applicable',
        `\`${shown(what)}\` places layers for inference (llama.cpp -ngl); training offload (ZeRO-Offload) is not modelled`,
        s[what],
        text,
        'drop it, or size inference',
      );
    if (model.kind !== 'transformer')
      return failAt('not-applicable', `\`${shown(what)}\` places transformer layers`, s[what], text, 'drop it');
    offload = {
      gpuLayers: typeof patch.gpuLayers === 'number' ? patch.gpuLayers : null,
      ram: patch.ram ?? null,
    };
  }

  const tp = patch.tp ?? 1;
  const pp = patch.pp ?? 1;
  let gpus = patch.gpus ?? tp * pp;
  if (patch.gpus === undefined && tp * pp > 1) notes.push(`${gpus} GPUs = tp·pp`);
  else if (patch.gpus === undefined && patch.gpu && patch.solve !== 'gpus')
    notes.push('1 GPU (a GPU named without a count)');
  if (patch.solve === 'gpus') {
    if (!patch.gpu)
      return failAt('no-gpu', '`gpus=?` needs a GPU to fit on', s.solve, text, 'name one, e.g. `H100 gpus=?`');
    gpus = tp * pp;
  } else if (gpus % (tp * pp)) {
    return failAt(
      'indivisible',
      `tp·pp = ${tp * pp} does not divide ${gpus} GPU${gpus === 1 ? '' : 's'}`,
      s.pp ?? s.tp,
      text,
      `use a GPU count that is a multiple of ${tp * pp}`,
    );
  }
  // Megatron-style TP splits attention heads (and the MLP) across ranks: tp must divide the heads;
  // pp must not exceed the layers it splits.
  const o = model.kind === 'transformer' ? outline(model) : null;
  if (model.kind === 'transformer' && o && o.heads > 0 && o.heads % tp)
    return failAt(
      'indivisible',
      `tp=${tp} does not divide the ${o.heads} attention heads`,
      s.tp,
      text,
      `pick a tp that divides the heads: ${tpChoices(o)}`,
    );
  // K/V projections and the KV cache split by KV head (core/model-states.ts splitsHeads): 1.5 a rank is neither.
  if (model.kind === 'transformer' && o && !tpSplits(model, tp))
    return failAt(
      'indivisible',
      o.heads > 0
        ? `tp=${tp} does not split the ${o.kvHeads} KV heads evenly (${+(o.kvHeads / tp).toFixed(2)} per rank)`
        : `tp=${tp} does not split the model's layers evenly`,
      s.tp,
      text,
      o.heads > 0
        ? `each rank holds whole KV heads (tp divides kv_heads) or a copy of them (tp a multiple of kv_heads): ${tpChoices(o)}`
        : 'pick a tp that divides the heads and groups of every layer',
    );
  const layers = model.kind === 'transformer' ? layerCount(model) : 0;
  if (model.kind === 'transformer' && pp > layers)
    return failAt(
      'out-of-range',
      `pp=${pp} is more pipeline stages than the ${layers} layers`,
      s.pp,
      text,
      `at most pp=${layers}`,
    );
  const zero = patch.zero ?? 0;
  if (train && gpus > 1 && patch.zero === undefined)
    notes.push('no ZeRO sharding (plain data parallel; add `zero3` or `fsdp`)');
  // ZeRO shards over the data-parallel degree gpus/(tp·pp); at dp = 1 it is asked for and does nothing.
  if (train && zero > 0 && patch.solve !== 'gpus' && gpus === tp * pp) {
    const stage = /fsdp/i.test(shown('zero')) ? 'FSDP' : `ZeRO-${zero}`;
    const gpu = shown('gpu')
      .replace(/^gpus?\s*=\s*/i, '')
      .replace(/^\d+\s*[x×*]\s*/i, '');
    const n = tp * pp > 1 ? 2 * tp * pp : 8;
    const more = patch.gpu && gpu && !/\s/.test(gpu) ? `${n}x${gpu}` : `gpus=${n}`;
    const dp = tp * pp > 1 ? `dp = gpus/(tp·pp) = ${gpus}/${tp * pp} = 1` : 'dp = 1';
    notes.push(
      `${stage} with ${dp} shards nothing: give more GPUs${tp * pp > 1 ? ` than tp·pp = ${tp * pp}` : ''} (e.g. \`${more}\`) to shard`,
    );
  }
  if (gpus > 1 && patch.tp === undefined && patch.pp === undefined)
    notes.push('no tensor or pipeline parallelism (tp=1, pp=1)');

  const recompute = patch.recompute ?? 'none';
  const mfu = patch.mfu ?? 0.4;
  const fp32Grads = patch.fp32Grads ?? false;
  if (train) {
    if (!patch.recompute) notes.push('no activation recompute (default)');
    if (patch.mfu === undefined) notes.push('MFU 40% (default)');
    if (patch.fp32Grads === undefined && !lora) notes.push(gradientNote(dtype));
  }
  const flash = patch.flash ?? true;
  const causal = patch.causal ?? false;
  if (attention) {
    if (patch.flash === undefined) notes.push('FlashAttention on (default; `noflash` stores the s×s scores)');
    if (patch.causal === undefined) notes.push('attention counted in full (add `causal` to halve it)');
  }
  if (patch.batch === undefined && patch.solve !== 'batch') notes.push('batch 1 (default)');

  return ok({
    dtype,
    weights,
    kvDtype,
    mode,
    optimizer,
    lora,
    recompute,
    flash,
    causal,
    fp32Grads,
    gpu: patch.gpu ?? null,
    gpus,
    tp,
    pp,
    zero,
    sp: patch.sp ?? false,
    offload,
    batch: patch.batch ?? 1,
    tokens: patch.tokens ?? null,
    mfu,
    flopsBudget: patch.flopsBudget ?? null,
    solve: patch.solve ?? null,
    chart: patch.chart ?? true,
  });
}
