// A pasted Hugging Face config.json → a patch holding the full model (`patch.model`), built from the
// family defaults with every key the config gives; keys it leaves out are listed in `patch.notes`.
import { slidingLayersOf } from '../src/core/kv-cache.js';
import type { Family, SpecPatch, TransformerModel } from '../src/core/spec.js';
import { fail, ok, type Result } from '../src/result.js';
import { emptyPatch } from './builder.js';
import { failAt } from './errors.js';
import { jsonErrorOffset } from './json-offset.js';
import { ENTRIES, type NumKeyDef } from './keys.js';
import { fromFamily } from './model.js';

type Json = Record<string, unknown>;
type Fields = Partial<Pick<SpecPatch, 'activation' | 'biases' | 'tied' | 'position' | 'norm'>>;
interface TypeFacts {
  family: Family;
  fields?: Fields;
  extras?: Partial<TransformerModel>;
  /** What `attention_bias: true` puts a bias on: q, k, v and o (LlamaAttention, the default) or q, k, v only (Qwen3). */
  attentionBias?: 'qkv';
}

// Qwen3 and Qwen3-MoE: no QKV bias (attention_bias false; when true, o_proj still has none), q_norm/k_norm over head_dim.
const QWEN3: TypeFacts = {
  family: 'llama',
  fields: { biases: 'none' },
  extras: { qkNorm: true },
  attentionBias: 'qkv',
};
// Falcon-7B/40B (Almazrouei et al. 2023): rotary positions, no linear biases, LayerNorms with biases.
const FALCON: TypeFacts = {
  family: 'transformer',
  fields: { position: 'rope', biases: 'none' },
  extras: { normBias: true },
};

/**
 * model_type → family, the family-level facts the config does not state, and model-level extras. A type
 * not listed here is refused: reading it as a Llama or GPT-2 would count whatever it does differently
 * (ALiBi, non-parametric norms, projections) wrongly without saying so.
 */
const TYPES: Record<string, TypeFacts> = {
  llama: { family: 'llama' },
  mistral: { family: 'llama' },
  mixtral: { family: 'llama' },
  phi3: { family: 'llama' },
  qwen2: { family: 'llama', fields: { biases: 'qkv' } },
  qwen3: QWEN3,
  qwen3_moe: QWEN3,
  gemma: { family: 'llama', fields: { tied: true } },
  gemma2: { family: 'llama', fields: { tied: true }, extras: { postNorms: true } },
  gemma3_text: { family: 'llama', fields: { tied: true }, extras: { postNorms: true, qkNorm: true } },
  gpt2: { family: 'transformer' },
  gpt_neox: { family: 'transformer', fields: { position: 'rope', tied: false } },
  opt: { family: 'transformer', fields: { activation: 'relu' } },
  phi: {
    family: 'transformer',
    fields: { position: 'rope', tied: false },
    extras: { normsPerLayer: 1, lmHeadBias: true },
  },
  falcon: FALCON,
  // Falcon's first configs, before it joined transformers (tiiuae/falcon-7b's RWForCausalLM).
  RefinedWebModel: FALCON,
  RefinedWeb: FALCON,
  // BLOOM (BigScience 2022): ALiBi instead of a position table, a LayerNorm on the embeddings, tied head.
  bloom: { family: 'transformer', fields: { position: 'alibi', tied: true }, extras: { embedNorm: true } },
  // StableLM 2 (StableLmForCausalLM): SwiGLU with LayerNorms that have biases; q/k/v biases by use_qkv_bias.
  stablelm: { family: 'llama', fields: { norm: 'layernorm' }, extras: { normBias: true } },
  // Granite (GraniteForCausalLM): LlamaForCausalLM's tensors; its embedding/residual/attention/logit
  // multipliers are scalars in the config, not parameters.
  granite: { family: 'llama' },
  // SantaCoder/StarCoder (GPTBigCodeForCausalLM): GPT-2's block with one fused c_attn of d + 2·kv_dim
  // (multi_query → one K/V head), biases everywhere, learned positions, LayerNorms, tied head.
  gpt_bigcode: { family: 'transformer' },
  // StarCoder2 (Starcoder2ForCausalLM): RoPE, GQA, non-gated c_fc/c_proj MLP; every linear layer biased by
  // use_bias; nn.LayerNorm (always with a bias); tied head by default.
  starcoder2: { family: 'transformer', fields: { position: 'rope', tied: true }, extras: { normBias: true } },
  // Command-R (CohereForCausalLM): one CohereLayerNorm (weight only) per parallel block, SwiGLU, tied head.
  cohere: { family: 'llama', fields: { norm: 'layernorm', tied: true }, extras: { normBias: false, normsPerLayer: 1 } },
  // MPT (MptForCausalLM): ALiBi, no linear biases, LayerNorms with their bias removed, GELU MLP of
  // expansion_ratio·d, tied head.
  mpt: {
    family: 'transformer',
    fields: { position: 'alibi', biases: 'none', tied: true },
    extras: { normBias: false },
  },
  // Nemotron/Minitron (NemotronForCausalLM): up_proj → squared ReLU → down_proj (no gate), LayerNorm1P
  // (an nn.LayerNorm with a bias), partial RoPE, untied head.
  nemotron: { family: 'llama', fields: { norm: 'layernorm' }, extras: { normBias: true } },
  bert: { family: 'encoder' },
  roberta: { family: 'encoder' },
  'xlm-roberta': { family: 'encoder' },
};

/** The model types named in errors: the current ones, not Falcon's legacy RefinedWeb names. */
const READ_TYPES = Object.keys(TYPES)
  .filter((t) => t === t.toLowerCase())
  .join(', ');

/** The patch field each config key fills, in order of preference. */
const KEYS: [keyof SpecPatch, string[]][] = [
  ['d', ['hidden_size', 'n_embd', 'n_embed', 'd_model', 'dim']],
  ['layers', ['num_hidden_layers', 'n_layer', 'num_layers', 'n_layers']],
  ['heads', ['num_attention_heads', 'n_head', 'num_heads', 'n_heads']],
  ['kvHeads', ['num_key_value_heads', 'num_kv_heads', 'n_kv_heads']],
  ['headDim', ['head_dim']],
  ['ffn', ['intermediate_size', 'n_inner', 'ffn_dim', 'd_ff']],
  ['vocab', ['vocab_size']],
  ['maxSeq', ['max_position_embeddings', 'n_positions', 'max_seq_len']],
  ['experts', ['num_local_experts', 'num_experts']],
  ['topk', ['num_experts_per_tok', 'top_k']],
];
/**
 * Structures napkin does not model yet. Counting such a config from its other keys would give a wrong
 * number with a straight face, so it is refused instead, naming the key.
 */
const above = (n: number) => (v: unknown) => typeof v === 'number' && v > n;
const UNMODELLED: [key: string, what: string, present: (v: unknown) => boolean][] = [
  ['kv_lora_rank', 'multi-head latent attention (DeepSeek-V2/V3)', above(0)],
  ['q_lora_rank', 'multi-head latent attention (DeepSeek-V2/V3)', above(0)],
  ['n_shared_experts', 'shared experts', above(0)],
  ['shared_expert_intermediate_size', 'shared experts', above(0)],
  ['first_k_dense_replace', 'dense layers ahead of the MoE layers', above(0)],
  ['decoder_sparse_step', 'MoE on only some layers', above(1)],
  ['moe_layer_freq', 'MoE on only some layers', above(1)],
  ['mlp_only_layers', 'MoE on only some layers', (v) => Array.isArray(v) && v.length > 0],
  ['is_encoder_decoder', 'encoder–decoder models (T5, BART)', (v) => v === true],
  ['num_decoder_layers', 'encoder–decoder models (T5, BART)', (v) => typeof v === 'number'],
  ['relative_attention_num_buckets', 'encoder–decoder models (T5, BART)', (v) => typeof v === 'number'],
  ['qk_layernorm', 'per-head QK LayerNorms (StableLM 2 12B)', (v) => v === true],
  ['use_qk_norm', 'per-head QK LayerNorms (Command R+)', (v) => v === true],
];

/** An architecture name with heads beyond the base encoder (…ForMaskedLM, …ForSequenceClassification). */
const taskHead = (a: unknown): a is string => typeof a === 'string' && /For[A-Z]/.test(a);

/** OPT-350m projects its 512-wide embeddings to the 1024-wide model and back (project_in/project_out). */
const projected = (cfg: Json) =>
  typeof cfg.word_embed_proj_dim === 'number' && cfg.word_embed_proj_dim !== cfg.hidden_size;

const LIMITS = new Map(ENTRIES.filter((e): e is NumKeyDef => e.kind === 'numKey').map((e) => [e.field, e]));

const GATED = new Set(['llama']);
function activation(act: unknown, family: Family): SpecPatch['activation'] | undefined {
  if (typeof act !== 'string') return undefined;
  const gated = GATED.has(family);
  if (act === 'silu' || act === 'swish') return 'swiglu';
  if (act.startsWith('gelu')) return gated ? 'geglu' : 'gelu';
  // Squared ReLU (Nemotron's relu2) has ReLU's two matrices.
  if (act === 'relu' || act === 'relu2') return 'relu';
  return undefined;
}

/**
 * The layers that attend to (and cache) only the last `sliding_window` tokens: those `layer_types` marks
 * `sliding_attention`, else Gemma 2's every other layer (the even ones) or Gemma 3's five in six.
 */
function slidingLayers(cfg: Json, type: string, layers: number): TransformerModel['slidingWindow'] {
  const size = cfg.sliding_window;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) return undefined;
  const types = Array.isArray(cfg.layer_types) ? cfg.layer_types : null;
  const pattern = typeof cfg.sliding_window_pattern === 'number' ? cfg.sliding_window_pattern : 6;
  const count = types
    ? types.filter((t) => t === 'sliding_attention').length
    : type === 'gemma2'
      ? slidingLayersOf(layers, 2)
      : type === 'gemma3_text' && pattern >= 1
        ? slidingLayersOf(layers, pattern)
        : 0;
  return count > 0 ? { size, layers: Math.min(count, layers) } : undefined;
}

export function parseConfig(text: string): Result<SpecPatch> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reported = /position (\d+)/.exec(String((e as Error).message));
    const at = Math.min(reported ? Number(reported[1]) : jsonErrorOffset(text), Math.max(text.length - 1, 0));
    return fail(
      'bad-json',
      `the pasted config.json is not valid JSON at character ${at}`,
      at,
      text.length ? 1 : 0,
      // JSON has no comments; people paste annotated configs.
      /\/\/|\/\*/.test(text)
        ? 'remove the comments (`//`, `/* */`): JSON has none'
        : 'paste the whole config.json, from { to }',
    );
  }
  const whole = { offset: 0, length: text.length };
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return failAt(
      'bad-json',
      'a config.json is one JSON object',
      whole,
      text,
      'paste the whole config.json, from { to }',
    );
  const cfg = json as Json;
  const keySpan = (k: string) => {
    const at = text.indexOf(`"${k}"`);
    return at < 0 ? whole : { offset: at, length: k.length + 2 };
  };
  // A number as the paste wrote it: JSON.stringify would show 1e308 as 1e+308 and a 400-digit one as null.
  const written = (k: string, v: unknown): string => {
    if (typeof v !== 'number') return JSON.stringify(v);
    const m = /^"[^"]*"\s*:\s*(-?[\d.]+(?:[eE][+-]?\d+)?)/.exec(text.slice(keySpan(k).offset));
    if (!m) return 'a number out of range';
    return m[1].length > 24 ? `${m[1].slice(0, 20)}…` : m[1];
  };
  const type = typeof cfg.model_type === 'string' ? cfg.model_type : '';
  const known = Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
  const family: Family = known?.family ?? (cfg.hidden_act === 'silu' ? 'llama' : 'transformer');
  const notes = [
    known
      ? `from a pasted config.json (model_type ${type})`
      : `model_type missing: read as ${family === 'llama' ? 'a Llama' : 'a GPT-2'} style model (by its hidden_act)`,
  ];

  // Multimodal configs (Gemma 3, LLaVA, …) nest the language model; napkin does not count vision towers.
  const widthKeys = KEYS[0][1];
  if (cfg.text_config && typeof cfg.text_config === 'object' && !widthKeys.some((k) => cfg[k] !== undefined)) {
    return failAt(
      'unsupported',
      'config.json: a multimodal model; napkin sizes its language model alone, which `text_config` holds',
      keySpan('text_config'),
      text,
      'paste the `text_config` object to size the language model (its vision tower is not counted)',
    );
  }
  const unmodelled = (key: string, what: string) =>
    failAt(
      'unsupported',
      `config.json: napkin does not model ${what} yet (\`${key}\`), and counting without it would be wrong`,
      keySpan(key),
      text,
      'size it from its published parameter count instead, e.g. `params=14.3B bf16 infer`',
    );
  for (const [key, what, present] of UNMODELLED) if (present(cfg[key])) return unmodelled(key, what);
  if (projected(cfg)) return unmodelled('word_embed_proj_dim', 'embeddings narrower than the model');
  if (cfg.mlp_bias === true && cfg.attention_bias !== true)
    return unmodelled('mlp_bias', 'MLP biases without attention biases');
  // MPT as transformers holds it: bias-free, ALiBi, no QK LayerNorms; other settings add tensors.
  if (type === 'mpt') {
    const attn = (cfg.attn_config && typeof cfg.attn_config === 'object' ? cfg.attn_config : {}) as Json;
    if (cfg.no_bias === false) return unmodelled('no_bias', 'MPT with biases');
    if (attn.qk_ln === true) return unmodelled('attn_config', 'MPT with QK LayerNorms');
    if (attn.alibi === false) return unmodelled('attn_config', 'MPT without ALiBi');
  }
  if (type && !known) {
    return failAt(
      'unsupported',
      `config.json: model_type \`${type}\` is not one napkin reads, and counting it as a Llama or GPT-2 could be wrong`,
      keySpan('model_type'),
      text,
      type === 'vit'
        ? 'for a ViT use its preset, e.g. `vit-b-16` (classifier heads included)'
        : `napkin reads ${READ_TYPES}; or describe the model, e.g. \`llama d=4096 L=32 heads=32\``,
    );
  }

  const patch: SpecPatch = emptyPatch();
  patch.family = family;
  if (known) Object.assign(patch, known.fields);
  for (const [field, names] of KEYS) {
    const name = names.find((k) => cfg[k] !== undefined && cfg[k] !== null);
    if (!name) continue;
    const v = cfg[name];
    const def = LIMITS.get(field);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || (def && v > def.max)) {
      return failAt(
        'bad-value',
        `config.json: \`${name}\` must be a whole number from 1 to ${def?.max ?? '…'}, got ${written(name, v)}`,
        keySpan(name),
        text,
        'check the pasted config',
      );
    }
    (patch as unknown as Json)[field] = v;
  }
  // MPT's MLP is expansion_ratio·d wide (MptMLP); its config has no intermediate_size.
  const ratio = cfg.expansion_ratio;
  if (type === 'mpt' && patch.ffn === undefined && patch.d !== undefined && typeof ratio === 'number') {
    if (!Number.isInteger(ratio * patch.d) || ratio <= 0)
      return failAt(
        'bad-value',
        'config.json: `expansion_ratio` must make a whole MLP width',
        keySpan('expansion_ratio'),
        text,
        'check the pasted config',
      );
    patch.ffn = ratio * patch.d;
    notes.push(`MLP width ${patch.ffn} = expansion_ratio ${ratio} · d`);
  }
  // StarCoder2's use_bias (default true) puts a bias on every linear layer, or on none.
  if (type === 'starcoder2') patch.biases = cfg.use_bias === false ? 'none' : 'all';
  // Qwen3-MoE and the like: each expert's MLP is moe_intermediate_size wide (intermediate_size is the dense one).
  const moeFfn = cfg.moe_intermediate_size;
  if ((patch.experts ?? 1) > 1 && typeof moeFfn === 'number' && Number.isInteger(moeFfn) && moeFfn > 0) {
    patch.ffn = moeFfn;
    notes.push(`expert MLP width ${moeFfn} (moe_intermediate_size)`);
  }
  const act = activation(cfg.hidden_act ?? cfg.activation_function, family);
  if (act) patch.activation = act;
  if (cfg.hidden_act === 'relu2') notes.push('squared ReLU, counted as ReLU: the same two MLP matrices');
  if (typeof cfg.tie_word_embeddings === 'boolean') patch.tied = cfg.tie_word_embeddings;
  // LlamaAttention: attention_bias puts a bias on q, k, v and o; with mlp_bias, on every linear layer.
  if (cfg.attention_bias === true) patch.biases = cfg.mlp_bias === true ? 'all' : (known?.attentionBias ?? 'attn');
  if (cfg.qkv_bias === true || cfg.use_qkv_bias === true) patch.biases = 'qkv';
  if (cfg.multi_query === true && patch.kvHeads === undefined) patch.kvHeads = 1;
  // The sizes a config must give, named as config.json names them (not napkin's `d` and `L`).
  const missing = [KEYS[0], KEYS[1]].filter(([field]) => patch[field] === undefined).map(([, names]) => names[0]);
  if (missing.length)
    return failAt(
      'missing',
      `config.json: no ${missing.map((k) => `\`${k}\``).join(' and ')}`,
      whole,
      text,
      `add ${missing.map((k) => `"${k}"`).join(' and ')} (or paste the whole config.json)`,
    );
  const seq = patch.maxSeq ?? 2048;
  const model = fromFamily(patch, family, seq, text, notes);
  if (!model.ok) return model;
  const m: TransformerModel = { ...model.value, ...known?.extras };
  const local = slidingLayers(cfg, type, m.layers);
  if (local) {
    m.slidingWindow = local;
    notes.push(`sliding window of ${local.size} tokens on ${local.layers} of ${m.layers} layers`);
  } else if (typeof cfg.sliding_window === 'number') {
    notes.push(
      `sliding_window ${cfg.sliding_window} without layer_types: every layer's KV cache counted at full length`,
    );
  }
  if (m.norm === 'layernorm' && m.normBias === false) notes.push('LayerNorms with a weight and no bias');
  if (type === 'cohere') notes.push('parallel attention and MLP behind one LayerNorm per block');
  if (m.postNorms) notes.push('four norms per block: before and after attention, before and after the MLP');
  if (m.qkNorm) notes.push(`QK-norm: RMSNorm over head_dim ${m.headDim} on queries and on keys`);
  if (typeof cfg.type_vocab_size === 'number' && family === 'encoder') m.typeVocab = cfg.type_vocab_size;
  // BertForMaskedLM and the like add task heads around the encoder that napkin counts (BertModel + pooler).
  const head = family === 'encoder' && Array.isArray(cfg.architectures) ? cfg.architectures.find(taskHead) : undefined;
  if (head)
    notes.push(
      `the encoder and its pooler, as ${type === 'bert' ? 'BertModel' : 'the base model'} holds them: the task heads of ${head} are not counted`,
    );
  // OPT's learned positions keep 2 extra rows (OPTLearnedPositionalEmbedding offset = 2); post-LN OPT
  // (do_layer_norm_before false) has no final LayerNorm (OPTDecoder).
  if (type === 'opt') {
    m.maxSeq += 2;
    if (cfg.do_layer_norm_before === false) m.finalNorm = false;
  }
  // StableLM's parallel block (use_parallel_residual) has no post-attention LayerNorm (StableLmDecoderLayer).
  if (type === 'stablelm' && cfg.use_parallel_residual === true) m.normsPerLayer = 1;
  // Falcon-7B's parallel block has one LayerNorm; the new decoder architecture (40B, 180B) has two.
  if (known === FALCON) m.normsPerLayer = cfg.new_decoder_architecture === true || cfg.parallel_attn === false ? 2 : 1;
  return ok({ model: m, spans: {}, notes });
}
