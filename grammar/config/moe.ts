// config.json readers for mixture-of-experts decoders: each maps its model_type's keys (as the transformers
// configuration class names them) onto the core builders; keys that would change the count and that
// napkin does not model are refused by name.
import { deepseek } from '../../src/core/archs/deepseek.js';
import {
  alternateWindows,
  firstDense,
  llama4Chunks,
  llama4Sparse,
  moeDecoder,
  qwenSparse,
} from '../../src/core/archs/moe-decoders.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { type Fields, unmodelled } from './fields.js';

const tied = (f: Fields, def = false) => f.bool('tie_word_embeddings', def);
const maxSeq = (f: Fields) => f.int(['max_position_embeddings'], { def: 4096 });

/** deepseek_v2, deepseek_v3, kimi_k2 (HF DeepseekV2/V3ForCausalLM; Kimi K2 is DeepSeek-V3's architecture). */
export function readDeepseek(f: Fields): TransformerModel {
  if (f.bool('attention_bias', false)) throw unmodelled('attention_bias', 'latent attention with biases');
  const L = f.int('num_hidden_layers');
  const experts = f.int('n_routed_experts', { min: 0, def: 0 });
  const qRank = f.intOrNull('q_lora_rank') ?? 0;
  const mtp = f.int('num_nextn_predict_layers', { min: 0, def: 0 });
  if (mtp > 0)
    f.notes.push(
      `the checkpoint also stores ${mtp} multi-token-prediction layer${mtp > 1 ? 's' : ''} (num_nextn_predict_layers), which DeepseekV3ForCausalLM does not load: not counted`,
    );
  const firstK = f.int('first_k_dense_replace', { min: 0, def: 0 });
  f.notes.push(
    `multi-head latent attention: q_lora_rank ${qRank || 'none (full q_proj)'}, kv_lora_rank ${f.int('kv_lora_rank')}; ${firstK} dense layer${firstK === 1 ? '' : 's'} then MoE`,
  );
  return deepseek({
    family: f.type === 'kimi_k2' ? 'kimi' : 'deepseek',
    d: f.int('hidden_size'),
    layers: L,
    heads: f.int('num_attention_heads'),
    qRank,
    kvRank: f.int('kv_lora_rank'),
    ropeDim: f.int('qk_rope_head_dim'),
    nopeDim: f.int('qk_nope_head_dim'),
    vDim: f.int('v_head_dim'),
    ffn: f.int('intermediate_size'),
    experts: Math.max(experts, 1),
    topk: experts > 0 ? f.int('num_experts_per_tok') : 1,
    expertFfn: experts > 0 ? f.int('moe_intermediate_size') : 1,
    shared: f.intOrNull('n_shared_experts') ?? 0,
    // No routed experts: every layer dense.
    firstDense: experts > 0 ? firstK : L,
    moeEvery: f.int('moe_layer_freq', { def: 1 }),
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
  });
}

/** gpt_oss (HF GptOssForCausalLM): biased attention with sinks, biased router and experts, alternating windows. */
export function readGptOss(f: Fields): TransformerModel {
  const L = f.int('num_hidden_layers');
  const window = f.int('sliding_window', { def: 128 });
  const types = Array.isArray(f.cfg.layer_types) ? (f.cfg.layer_types as unknown[]) : null;
  const windowAt = types ? (i: number) => (types[i] === 'sliding_attention' ? window : null) : alternateWindows(window);
  const heads = f.int('num_attention_heads');
  const bias = f.bool('attention_bias', true);
  f.notes.push(`attention sinks (one learned logit per head); sliding window of ${window} tokens on alternate layers`);
  return moeDecoder({
    family: 'gpt-oss',
    d: f.int('hidden_size'),
    layers: L,
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: f.int('head_dim', { def: 64 }),
      qkvBias: bias,
      outBias: bias,
      sinks: true,
    },
    moe: {
      experts: f.int(['num_local_experts', 'num_experts']),
      topk: f.int(['num_experts_per_tok', 'experts_per_token']),
      ffn: f.int('intermediate_size'),
      bias: true,
      routerBias: true,
    },
    sparse: () => true,
    window: windowAt,
  });
}

/** llama4_text (HF Llama4ForCausalLM): MoE with a shared expert on moe_layers, chunked attention on the RoPE layers. */
export function readLlama4(f: Fields): TransformerModel {
  const L = f.int('num_hidden_layers');
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const step = f.int('interleave_moe_layer_step', { def: 1 });
  const listed = f.ints('moe_layers');
  const noRope = f.ints('no_rope_layers');
  const chunk = f.int('attention_chunk_size', { def: 8192 });
  const ffn = f.int('intermediate_size');
  if (f.bool('use_qk_norm', false))
    f.notes.push('QK-norm is an L2 norm without weights (Llama4TextL2Norm): no parameters');
  f.notes.push(`chunked attention (${chunk} tokens) on the RoPE layers, global attention on every 4th`);
  const bias = f.bool('attention_bias', false);
  return moeDecoder({
    family: 'llama4',
    d,
    layers: L,
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: f.int('head_dim', { def: d / heads }),
      qkvBias: bias,
      outBias: bias,
      chunked: true,
    },
    dense: { ffn: f.int('intermediate_size_mlp', { def: ffn }) },
    moe: {
      experts: f.int('num_local_experts'),
      topk: f.int('num_experts_per_tok', { def: 1 }),
      ffn,
      shared: 1,
      sharedFfn: ffn,
    },
    sparse: listed ? (i) => listed.includes(i) : llama4Sparse(step),
    // no_rope_layers[i] = 1: a RoPE layer, attending within chunks; 0: a global NoPE layer.
    window: noRope ? (i) => (noRope[i] === 0 ? null : chunk) : llama4Chunks(chunk),
  });
}

/** qwen2_moe and qwen3_moe (HF Qwen2Moe/Qwen3MoeForCausalLM). */
export function readQwenMoe(f: Fields): TransformerModel {
  const qwen2 = f.type === 'qwen2_moe';
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const experts = f.int('num_experts');
  const expertFfn = f.int('moe_intermediate_size');
  const step = f.int('decoder_sparse_step', { min: 0, def: 1 });
  const mlpOnly = f.ints('mlp_only_layers') ?? [];
  const sharedFfn = qwen2 ? f.int('shared_expert_intermediate_size', { min: 0, def: 0 }) : 0;
  if (!qwen2)
    f.ignore('shared_expert_intermediate_size', 'is not read by Qwen3MoeForCausalLM (it has no shared expert)');
  f.notes.push(`expert MLP width ${expertFfn} (moe_intermediate_size)`);
  const bias = qwen2 ? f.bool('qkv_bias', true) : f.bool('attention_bias', false);
  return moeDecoder({
    family: qwen2 ? 'qwen2-moe' : 'qwen3-moe',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: f.int('head_dim', { def: d / heads }),
      // Qwen2MoeAttention: q, k, v biased, o not; Qwen3MoeAttention: attention_bias on q, k, v; q/k RMSNorm over head_dim.
      qkvBias: bias,
      qkNorm: qwen2 ? 'none' : 'head',
    },
    dense: { ffn: f.int('intermediate_size', { def: expertFfn }) },
    moe: {
      experts,
      topk: f.int('num_experts_per_tok'),
      ffn: expertFfn,
      shared: sharedFfn > 0 ? 1 : 0,
      sharedFfn,
      sharedGate: sharedFfn > 0,
    },
    sparse: qwenSparse(step, mlpOnly),
  });
}

/** olmoe (HF OlmoeForCausalLM): every layer MoE, RMSNorm over the whole q and k projections. */
export function readOlmoe(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const bias = f.bool('attention_bias', false);
  return moeDecoder({
    family: 'olmoe',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: d / heads,
      qkvBias: bias,
      outBias: bias,
      qkNorm: 'full',
    },
    moe: { experts: f.int('num_experts'), topk: f.int('num_experts_per_tok'), ffn: f.int('intermediate_size') },
    sparse: () => true,
  });
}

/** phimoe (HF PhimoeForCausalLM): biased attention and LayerNorms, 16 experts, an LM head with a bias. */
export function readPhimoe(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const bias = f.bool('attention_bias', false);
  return moeDecoder({
    family: 'phimoe',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
    headBias: f.bool('lm_head_bias', false),
    norm: 'layernorm',
    normBias: true,
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: d / heads,
      qkvBias: bias,
      outBias: bias,
    },
    moe: { experts: f.int('num_local_experts'), topk: f.int('num_experts_per_tok'), ffn: f.int('intermediate_size') },
    sparse: () => true,
  });
}

/** glm4_moe (HF Glm4MoeForCausalLM): q/k/v biases, dense first layers, MoE with shared experts. */
export function readGlm4Moe(f: Fields): TransformerModel {
  const d = f.int('hidden_size');
  const heads = f.int('num_attention_heads');
  const expertFfn = f.int('moe_intermediate_size');
  const shared = f.int('n_shared_experts', { min: 0, def: 1 });
  const mtp = f.int('num_nextn_predict_layers', { min: 0, def: 0 });
  if (mtp > 0)
    f.notes.push(
      `the checkpoint also stores ${mtp} multi-token-prediction layer${mtp > 1 ? 's' : ''} (num_nextn_predict_layers), which Glm4MoeForCausalLM does not load: not counted`,
    );
  return moeDecoder({
    family: 'glm4-moe',
    d,
    layers: f.int('num_hidden_layers'),
    vocab: f.int('vocab_size'),
    maxSeq: maxSeq(f),
    tied: tied(f),
    attention: {
      heads,
      kvHeads: f.int('num_key_value_heads', { def: heads }),
      headDim: f.int('head_dim', { def: d / heads }),
      // Glm4Attention: attention_bias on q, k and v; o_proj has none.
      qkvBias: f.bool('attention_bias', false),
      qkNorm: f.bool('use_qk_norm', false) ? 'head' : 'none',
    },
    dense: { ffn: f.int('intermediate_size') },
    moe: {
      experts: f.int(['n_routed_experts', 'num_experts']),
      topk: f.int('num_experts_per_tok'),
      ffn: expertFfn,
      shared,
      sharedFfn: shared * expertFfn,
    },
    sparse: firstDense(f.int('first_k_dense_replace', { min: 0, def: 1 })),
  });
}
