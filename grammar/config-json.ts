// A pasted Hugging Face config.json → a patch holding the full model (`patch.model`), built from the
// family defaults with every key the config gives; keys it leaves out are listed in `patch.notes`.
import { type Blueprint, build, isLocal } from '../src/core/blueprint.js';
import type { Family, Layer, SpecPatch, TransformerModel } from '../src/core/spec.js';
import { fail, ok, type Result } from '../src/result.js';
import { emptyPatch } from './builder.js';
import { failAt } from './errors.js';
import { jsonErrorOffset } from './json-offset.js';
import { ENTRIES, type NumKeyDef } from './keys.js';
import { fields, type Fields as ConfigFields, Refusal } from './config/fields.js';
import { READERS } from './config/index.js';
import { blueprintFromFamily } from './model.js';

type Json = Record<string, unknown>;
type Fields = Partial<Pick<SpecPatch, 'activation' | 'biases' | 'tied' | 'position' | 'norm'>>;
interface TypeFacts {
  family: Family;
  fields?: Fields;
  extras?: Partial<Blueprint>;
  /** What `attention_bias: true` puts a bias on: q, k, v and o (LlamaAttention, the default) or q, k, v only (Qwen3). */
  attentionBias?: 'qkv';
  /** The MLP is gate/up/down whatever hidden_act says (LlamaMLP and its copies): ReLU is ReGLU, GELU GeGLU. */
  gated?: true;
}

// Qwen3 and Qwen3-MoE: no QKV bias (attention_bias false; when true, o_proj still has none), q_norm/k_norm over head_dim.
const QWEN3: TypeFacts = {
  family: 'llama',
  gated: true,
  fields: { biases: 'none' },
  extras: { qkNorm: true },
  attentionBias: 'qkv',
};
/** LlamaForCausalLM and its copies: the Llama family, its MLP always gated. */
const LLAMA: TypeFacts = { family: 'llama', gated: true };
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
  llama: LLAMA,
  mistral: LLAMA,
  // Ministral 3 (Ministral3ForCausalLM): MistralForCausalLM's tensors; the attention scale is not a parameter.
  ministral3: LLAMA,
  mixtral: LLAMA,
  phi3: LLAMA,
  qwen2: { family: 'llama', gated: true, fields: { biases: 'qkv' } },
  qwen3: QWEN3,
  gemma: { family: 'llama', gated: true, fields: { tied: true } },
  gemma2: { family: 'llama', gated: true, fields: { tied: true }, extras: { postNorms: true } },
  gemma3_text: { family: 'llama', gated: true, fields: { tied: true }, extras: { postNorms: true, qkNorm: true } },
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
  stablelm: { family: 'llama', gated: true, fields: { norm: 'layernorm' }, extras: { normBias: true } },
  // Granite (GraniteForCausalLM): LlamaForCausalLM's tensors; its embedding/residual/attention/logit
  // multipliers are scalars in the config, not parameters.
  granite: LLAMA,
  // SantaCoder/StarCoder (GPTBigCodeForCausalLM): GPT-2's block with one fused c_attn of d + 2·kv_dim
  // (multi_query → one K/V head), biases everywhere, learned positions, LayerNorms, tied head.
  gpt_bigcode: { family: 'transformer' },
  // StarCoder2 (Starcoder2ForCausalLM): RoPE, GQA, non-gated c_fc/c_proj MLP; every linear layer biased by
  // use_bias; nn.LayerNorm (always with a bias); tied head by default.
  starcoder2: { family: 'transformer', fields: { position: 'rope', tied: true }, extras: { normBias: true } },
  // Command-R (CohereForCausalLM): one CohereLayerNorm (weight only) per parallel block, SwiGLU, tied head.
  cohere: {
    family: 'llama',
    gated: true,
    fields: { norm: 'layernorm', tied: true },
    extras: { normBias: false, normsPerLayer: 1 },
  },
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

/** Multimodal wrappers and the language model inside (see WRAPPERS). */
const WRAPPER_TYPES: Record<string, { text: string; tower: string }> = {
  gemma3: { text: 'gemma3_text', tower: 'the SigLIP vision tower and its projector' },
  mistral3: { text: 'mistral', tower: 'the Pixtral vision tower and its projector' },
  llama4: { text: 'llama4_text', tower: 'the vision encoder and its projector' },
};

/** The model types named in errors: the current ones, not Falcon's legacy RefinedWeb names. */
const READ_TYPES = [...Object.keys(TYPES), ...Object.keys(READERS), ...Object.keys(WRAPPER_TYPES)]
  .filter((t) => t === t.toLowerCase())
  .join(', ');

/** The patch field each config key fills, in order of preference. */
const KEYS: [keyof SpecPatch, string[]][] = [
  ['d', ['hidden_size', 'n_embd', 'n_embed', 'd_model', 'dim']],
  ['layers', ['num_hidden_layers', 'n_layer', 'num_layers', 'n_layers']],
  ['heads', ['num_attention_heads', 'n_head', 'num_heads', 'n_heads']],
  // n_head_kv: Falcon-40B's first (RefinedWeb) config.
  ['kvHeads', ['num_key_value_heads', 'num_kv_heads', 'n_kv_heads', 'n_head_kv']],
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
];

/**
 * Multimodal wrappers: the language model is `text_config` (counted), the vision tower and projector are
 * not. The inner model_type when the pasted text_config leaves it out, and the tower named in the notes.
 */
const WRAPPERS: Record<string, { text: string; tower: string }> = WRAPPER_TYPES;

/** An architecture name with heads beyond the base encoder (…ForMaskedLM, …ForSequenceClassification). */
const taskHead = (a: unknown): a is string => typeof a === 'string' && /For[A-Z]/.test(a);

/** OPT-350m projects its 512-wide embeddings to the 1024-wide model and back (project_in/project_out). */
const projected = (cfg: Json) =>
  typeof cfg.word_embed_proj_dim === 'number' && cfg.word_embed_proj_dim !== cfg.hidden_size;

const LIMITS = new Map(ENTRIES.filter((e): e is NumKeyDef => e.kind === 'numKey').map((e) => [e.field, e]));

/** hidden_act as napkin's activation: in a gated MLP (LlamaMLP: gate, up, down) each is its GLU. */
function activation(act: unknown, gated: boolean): SpecPatch['activation'] | undefined {
  if (typeof act !== 'string') return undefined;
  if (act === 'silu' || act === 'swish') return 'swiglu';
  if (act.startsWith('gelu')) return gated ? 'geglu' : 'gelu';
  if (act === 'relu') return gated ? 'reglu' : 'relu';
  // Squared ReLU (Nemotron's relu2) has ReLU's two matrices.
  if (act === 'relu2') return 'relu';
  return undefined;
}

/** Types whose attention applies `sliding_window` to every layer (MistralAttention, Starcoder2Attention). */
const WINDOWED_EVERYWHERE = new Set(['mistral', 'mixtral', 'ministral3', 'starcoder2']);

/**
 * Which layers attend to (and cache) only the last `sliding_window` tokens: those `layer_types` marks
 * `sliding_attention`, else Gemma 2's every other layer (the even ones), Gemma 3's five in six, or every
 * layer of Mistral v0.1 and StarCoder2.
 */
function slidingLayers(cfg: Json, type: string, layers: number): { size: number; local: boolean[] } | undefined {
  const size = cfg.sliding_window;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) return undefined;
  const types = Array.isArray(cfg.layer_types) ? cfg.layer_types : null;
  const pattern = typeof cfg.sliding_window_pattern === 'number' ? cfg.sliding_window_pattern : 6;
  const every = type === 'gemma2' ? 2 : type === 'gemma3_text' && pattern >= 1 ? pattern : 0;
  const everywhere = WINDOWED_EVERYWHERE.has(type);
  const local = Array.from({ length: layers }, (_, i) =>
    types ? types[i] === 'sliding_attention' : everywhere || (every > 0 && isLocal(i, every)),
  );
  return local.some(Boolean) ? { size, local } : undefined;
}

/** The model with a window of `size` on the layers `local` marks (identical layers stay one object). */
function withWindows(m: TransformerModel, size: number, local: boolean[]): TransformerModel {
  const windowed = new Map<Layer, Layer>();
  const stacks = m.stacks.map((s) => ({
    ...s,
    layers: s.layers.map((l, i) => {
      if (!local[i] || l.mixer?.kind !== 'attn') return l;
      let w = windowed.get(l);
      if (!w) {
        w = { ...l, mixer: { ...l.mixer, window: size } };
        windowed.set(l, w);
      }
      return w;
    }),
  }));
  return { ...m, stacks };
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
  const outer = json as Json;
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
  // Without model_type the architecture is a guess: a Llama and a GPT-2 of the same sizes differ by a third.
  if (typeof outer.model_type !== 'string')
    return failAt(
      'unsupported',
      'config.json: no `model_type`, so napkin cannot tell which architecture to count',
      whole,
      text,
      `add the model's "model_type" (napkin reads ${READ_TYPES}), or describe it, e.g. \`llama d=4096 L=32\``,
    );
  const notes: string[] = [];
  // Multimodal configs (Gemma 3, Mistral 3) nest the language model in text_config: that is what napkin counts.
  const wrapper = Object.hasOwn(WRAPPERS, outer.model_type) ? WRAPPERS[outer.model_type] : undefined;
  const inner = outer.text_config && typeof outer.text_config === 'object' ? (outer.text_config as Json) : undefined;
  if (outer.text_config !== undefined && !(wrapper && inner))
    return failAt(
      'unsupported',
      `config.json: a multimodal model_type \`${outer.model_type}\` napkin does not read; it sizes a language model alone`,
      keySpan('text_config'),
      text,
      'paste its `text_config` object (with its model_type) to size the language model; the vision tower is not counted',
    );
  const cfg: Json = wrapper && inner ? { model_type: wrapper.text, ...inner } : outer;
  if (wrapper && inner)
    notes.push(
      `the language model of a multimodal ${outer.model_type} config (text_config, model_type ${cfg.model_type}); ${wrapper.tower} not counted`,
    );
  const type = cfg.model_type as string;
  const known = Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
  const family: Family = known?.family ?? 'transformer';
  notes.unshift(`from a pasted config.json (model_type ${type})`);

  const unmodelled = (key: string, what: string) =>
    failAt(
      'unsupported',
      `config.json: napkin does not model ${what} yet (\`${key}\`), and counting without it would be wrong`,
      keySpan(key),
      text,
      'size it from its published parameter count instead, e.g. `params=14.3B bf16 infer`',
    );
  const reader = Object.hasOwn(READERS, type) ? READERS[type] : undefined;
  if (reader) return readLayered(reader, cfg, type, notes, text, keySpan);
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
  if (!known) {
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
  const act = activation(cfg.hidden_act ?? cfg.hidden_activation ?? cfg.activation_function, known.gated === true);
  if (act) patch.activation = act;
  if (cfg.hidden_act === 'relu2') notes.push('squared ReLU, counted as ReLU: the same two MLP matrices');
  if (typeof cfg.tie_word_embeddings === 'boolean') patch.tied = cfg.tie_word_embeddings;
  // LlamaAttention: attention_bias puts a bias on q, k, v and o; with mlp_bias, on every linear layer.
  if (cfg.attention_bias === true) patch.biases = cfg.mlp_bias === true ? 'all' : (known?.attentionBias ?? 'attn');
  if (cfg.qkv_bias === true || cfg.use_qkv_bias === true) patch.biases = 'qkv';
  if (known === FALCON) {
    // FalconAttention: the new decoder architecture (40B, 180B; RefinedWeb, 40B's first type) keeps
    // num_kv_heads K/V heads; otherwise multi_query (FalconConfig's default: true) keeps one.
    const newArch = type === 'RefinedWeb' || cfg.new_decoder_architecture === true;
    if (!newArch && cfg.multi_query !== false) patch.kvHeads = 1;
  } else if (cfg.multi_query === true && patch.kvHeads === undefined) patch.kvHeads = 1;
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
  const bp = blueprintFromFamily(patch, family, seq, text, notes);
  if (!bp.ok) return bp;
  const b: Blueprint = { ...bp.value, ...known?.extras };
  if (b.norm === 'layernorm' && b.normBias === false) notes.push('LayerNorms with a weight and no bias');
  if (type === 'cohere') notes.push('parallel attention and MLP behind one LayerNorm per block');
  if (b.postNorms) notes.push('four norms per block: before and after attention, before and after the MLP');
  if (b.qkNorm) notes.push(`QK-norm: RMSNorm over head_dim ${b.headDim} on queries and on keys`);
  if (typeof cfg.type_vocab_size === 'number' && b.encoder) b.typeVocab = cfg.type_vocab_size;
  // BertForMaskedLM and the like add task heads around the encoder that napkin counts (BertModel + pooler).
  const head = b.encoder && Array.isArray(cfg.architectures) ? cfg.architectures.find(taskHead) : undefined;
  if (head)
    notes.push(
      `the encoder and its pooler, as ${type === 'bert' ? 'BertModel' : 'the base model'} holds them: the task heads of ${head} are not counted`,
    );
  // OPT's learned positions keep 2 extra rows (OPTLearnedPositionalEmbedding offset = 2); post-LN OPT
  // (do_layer_norm_before false) has no final LayerNorm (OPTDecoder).
  if (type === 'opt') {
    b.maxSeq += 2;
    if (cfg.do_layer_norm_before === false) b.finalNorm = false;
  }
  // StableLM's parallel block (use_parallel_residual) has no post-attention LayerNorm (StableLmDecoderLayer).
  if (type === 'stablelm' && cfg.use_parallel_residual === true) b.normsPerLayer = 1;
  // Falcon-7B's parallel block has one LayerNorm; the new decoder architecture (40B, 180B; the RefinedWeb
  // type of 40B's first config) has two, ln_attn and ln_mlp.
  if (known === FALCON)
    b.normsPerLayer =
      type === 'RefinedWeb' || cfg.new_decoder_architecture === true || cfg.parallel_attn === false ? 2 : 1;
  // Command R+ (use_qk_norm) has per-head q/k LayerNorms napkin does not model.
  if (type === 'cohere' && cfg.use_qk_norm === true)
    return unmodelled('use_qk_norm', 'per-head QK LayerNorms (Command R+)');
  let m = build(b);
  const local = slidingLayers(cfg, type, b.layers);
  if (local) {
    m = withWindows(m, local.size, local.local);
    const n = local.local.filter(Boolean).length;
    notes.push(`sliding window of ${local.size} tokens on ${n} of ${b.layers} layers`);
  } else if (typeof cfg.sliding_window === 'number') {
    notes.push(
      `sliding_window ${cfg.sliding_window} without layer_types: every layer's KV cache counted at full length`,
    );
  }
  return ok({ model: m, spans: {}, notes });
}

/** A layered reader's model, or its refusal pointing at the key; keys it never looked at that would change the count are refused. */
function readLayered(
  reader: (f: ConfigFields) => TransformerModel,
  cfg: Json,
  type: string,
  notes: string[],
  text: string,
  keySpan: (k: string) => { offset: number; length: number },
): Result<SpecPatch> {
  const limit = (k: string) => (/layers/.test(k) ? 1e5 : k === 'hidden_size' || k === 'd_model' ? 1e7 : 1e8);
  try {
    const f = fields(cfg, type, notes, limit);
    const model = reader(f);
    for (const [key, what, present] of UNMODELLED)
      if (!f.seen.has(key) && present(cfg[key]))
        throw new Refusal(
          key,
          'unsupported',
          `config.json: napkin does not model ${what} in ${type} yet (\`${key}\`), and counting without it would be wrong`,
          'size it from its published parameter count instead, e.g. `params=14.3B bf16 infer`',
        );
    return ok({ model, spans: {}, notes });
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const span = e.key ? keySpan(e.key) : { offset: 0, length: text.length };
    return failAt(e.code, e.message, span, text, e.hint);
  }
}
