// config.json readers for OLMo, state-space models and hybrids, and encoder–decoders: each maps its
// model_type's keys (as the transformers configuration class names them) onto the core builders.
import { denseDecoder } from '../../src/core/archs/dense.js';
import { jamba, nemotronH } from '../../src/core/archs/hybrid.js';
import { bart, t5 } from '../../src/core/archs/seq2seq.js';
import { autoDtRank, mamba, mamba2 } from '../../src/core/archs/ssm.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { type Fields, Refusal, unmodelled } from './fields.js';

const tied = (f: Fields, def: boolean) => f.bool('tie_word_embeddings', def);

/** olmo (OLMo 1, non-parametric LayerNorms) and olmo2 (RMSNorm after attention and MLP, q/k norms over the projections). */
export function readOlmo(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const v2 = f.type === 'olmo2';
  const bias = f.bool('attention_bias', false);
  f.notes.push(
    v2
      ? 'RMSNorm after attention and after the MLP (no input norms); q and k RMSNorms over the whole projections'
      : 'LayerNorms without weights or biases (OlmoLayerNorm): no norm parameters',
  );
  return denseDecoder({
    family: f.type,
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    maxSeq: f.int('max_position_embeddings', { def: 4096 }),
    ffn: f.int('intermediate_size'),
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: d / heads,
      qkvBias: bias,
      outBias: bias,
      qkNorm: v2 ? 'full' : 'none',
    },
    norm: v2 ? 'rmsnorm' : 'nonparametric',
    tied: tied(f, false),
  });
}

/** time_step_rank / mamba_dt_rank: a number, or "auto" = ceil(d / 16). */
function dtRank(f: Fields, key: string, d: number): number {
  return f.cfg[key] === 'auto' || f.cfg[key] === undefined ? autoDtRank(d) : f.int(key);
}

/** mamba (HF MambaForCausalLM). */
export function readMamba(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  f.notes.push(
    'state-space model: no attention, no MLP, no position encoding; a fixed state per sequence for decoding',
  );
  return mamba({
    family: 'mamba',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    state: f.int('state_size', { def: 16 }),
    expand: f.int('expand', { def: 2 }),
    conv: f.int('conv_kernel', { def: 4 }),
    dtRank: dtRank(f, 'time_step_rank', d),
    bias: f.bool('use_bias', false),
    convBias: f.bool('use_conv_bias', true),
    tied: tied(f, true),
  });
}

/** mamba2 (HF Mamba2ForCausalLM). */
export function readMamba2(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  const expand = f.int('expand', { def: 2 });
  const headDim = f.int('head_dim', { def: 64 });
  const heads = f.int('num_heads', { def: (expand * d) / headDim });
  if (heads * headDim !== expand * d)
    throw new Refusal(
      'num_heads',
      'bad-value',
      `config.json: num_heads ${heads} × head_dim ${headDim} is not expand × hidden_size = ${expand * d}`,
      'check the pasted config',
    );
  f.notes.push('state-space model (Mamba-2): no attention, no MLP, no position encoding; a fixed state per sequence');
  return mamba2({
    family: 'mamba2',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    state: f.int('state_size', { def: 128 }),
    expand,
    headDim,
    groups: f.int('n_groups', { def: 1 }),
    conv: f.int('conv_kernel', { def: 4 }),
    bias: f.bool('use_bias', false),
    convBias: f.bool('use_conv_bias', true),
    tied: tied(f, false),
  });
}

/** jamba (HF JambaForCausalLM). */
export function readJamba(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const experts = f.int('num_experts', { def: 1 });
  const attnPeriod = f.int('attn_layer_period', { def: 8 });
  const expertPeriod = f.int('expert_layer_period', { def: 2 });
  f.notes.push(
    `attention every ${attnPeriod} layers (offset ${f.int('attn_layer_offset', { min: 0, def: 4 })}), Mamba elsewhere; MoE every ${expertPeriod} (offset ${f.int('expert_layer_offset', { min: 0, def: 1 })})`,
  );
  return jamba({
    family: 'jamba',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    heads,
    kvHeads: f.int('num_key_value_heads', { def: heads }),
    ffn: f.int('intermediate_size'),
    experts,
    topk: f.int('num_experts_per_tok', { def: 2 }),
    attnPeriod,
    attnOffset: f.int('attn_layer_offset', { min: 0, def: 4 }),
    expertPeriod,
    expertOffset: f.int('expert_layer_offset', { min: 0, def: 1 }),
    state: f.int('mamba_d_state', { def: 16 }),
    expand: f.int('mamba_expand', { def: 2 }),
    conv: f.int('mamba_d_conv', { def: 4 }),
    dtRank: dtRank(f, 'mamba_dt_rank', d),
    convBias: f.bool('mamba_conv_bias', true),
    projBias: f.bool('mamba_proj_bias', false),
    tied: tied(f, false),
    maxSeq: f.int('max_position_embeddings', { def: 262144 }),
  });
}

/** nemotron_h (HF NemotronHForCausalLM): one block per hybrid_override_pattern symbol. */
export function readNemotronH(f: Fields): TransformerModel {
  const pattern = f.str('hybrid_override_pattern');
  if (!pattern)
    throw new Refusal(null, 'missing', 'config.json: no `hybrid_override_pattern`', 'paste the whole config.json');
  const bad = [...pattern].findIndex((c) => !'M*-E'.includes(c));
  if (bad >= 0)
    throw new Refusal(
      'hybrid_override_pattern',
      'bad-value',
      `config.json: \`hybrid_override_pattern\` has \`${pattern[bad]}\` at ${bad}; Nemotron-H blocks are M, *, - and E`,
      'check the pasted config',
    );
  if (pattern.includes('E')) throw unmodelled('hybrid_override_pattern', 'Nemotron-H mixture-of-experts blocks (E)');
  const L = f.int('num_hidden_layers', { def: pattern.length });
  if (L !== pattern.length)
    throw new Refusal(
      'num_hidden_layers',
      'bad-value',
      `config.json: num_hidden_layers ${L} ≠ the ${pattern.length} blocks of hybrid_override_pattern`,
      'check the pasted config',
    );
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const abias = f.bool('attention_bias', false);
  const counts = { M: 0, '*': 0, '-': 0 } as Record<string, number>;
  for (const c of pattern) counts[c]++;
  f.notes.push(`${counts.M} Mamba-2, ${counts['*']} attention and ${counts['-']} MLP blocks (hybrid_override_pattern)`);
  return nemotronH({
    family: 'nemotron-h',
    d,
    vocab: f.int('vocab_size'),
    pattern: [...pattern],
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: f.int(['head_dim', 'attention_head_dim'], { def: d / heads }),
      qkvBias: abias,
      outBias: abias,
    },
    mamba: {
      heads: f.int('mamba_num_heads'),
      headDim: f.int('mamba_head_dim'),
      groups: f.int('n_groups', { def: 1 }),
      state: f.int('ssm_state_size'),
      conv: f.int('conv_kernel', { def: 4 }),
      bias: f.bool('mamba_proj_bias', f.bool('use_bias', false)),
      convBias: f.bool('use_conv_bias', true),
    },
    ffn: f.int('intermediate_size'),
    mlpBias: f.bool('mlp_bias', false),
    tied: tied(f, false),
    maxSeq: f.int('max_position_embeddings', { def: 8192 }),
  });
}

/** t5, mt5, umt5 (HF T5/MT5/UMT5ForConditionalGeneration): L per stack as num_layers, num_decoder_layers. */
export function readT5(f: Fields): TransformerModel {
  const proj = f.str('feed_forward_proj') ?? 'relu';
  const act = proj.replace(/^gated-/, '');
  const gated = proj.startsWith('gated-');
  if (act !== 'relu' && !act.startsWith('gelu'))
    throw new Refusal(
      'feed_forward_proj',
      'unsupported',
      `config.json: feed_forward_proj \`${proj}\` is not relu or gelu, gated or not`,
      'check the pasted config',
    );
  const L = f.int('num_layers');
  f.bool('is_encoder_decoder', true);
  f.notes.push(
    `encoder–decoder: ${L} encoder and ${f.int('num_decoder_layers', { def: L })} decoder layers sharing one embedding; relative position bias in ${f.type === 'umt5' ? 'every layer' : 'the first layer of each stack'}`,
  );
  return t5({
    family: f.type,
    d: f.int('d_model'),
    headDim: f.int('d_kv', { def: 64 }),
    heads: f.int('num_heads'),
    ffn: f.int('d_ff'),
    encoderLayers: L,
    decoderLayers: f.int('num_decoder_layers', { def: L }),
    vocab: f.int('vocab_size'),
    buckets: f.int('relative_attention_num_buckets', { def: 32 }),
    activation: gated ? (act === 'relu' ? 'reglu' : 'geglu') : act === 'relu' ? 'relu' : 'gelu',
    // T5Config and UMT5Config tie by default; MT5Config does not.
    tied: tied(f, f.type !== 'mt5'),
    biasEveryLayer: f.type === 'umt5',
  });
}

/** bart (HF BartForConditionalGeneration). */
export function readBart(f: Fields): TransformerModel {
  const heads = f.int('encoder_attention_heads');
  f.bool('is_encoder_decoder', true);
  if (f.int('decoder_attention_heads', { def: heads }) !== heads)
    throw unmodelled('decoder_attention_heads', 'a decoder with other heads than its encoder');
  const d = f.int('d_model');
  const enc = f.int('encoder_layers');
  const dec = f.int('decoder_layers');
  f.notes.push(
    `encoder–decoder: ${enc} encoder and ${dec} decoder layers, learned positions (+2 rows each), tied head`,
  );
  return bart({
    family: 'bart',
    d,
    heads,
    encoderLayers: enc,
    decoderLayers: dec,
    encoderFfn: f.int('encoder_ffn_dim'),
    decoderFfn: f.int('decoder_ffn_dim'),
    vocab: f.int('vocab_size'),
    maxSeq: f.int('max_position_embeddings', { def: 1024 }),
  });
}
