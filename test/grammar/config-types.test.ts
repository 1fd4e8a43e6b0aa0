// config.json model types read beyond Llama/GPT-2: each count checked tensor by tensor against the
// transformers modeling class, and against the total the model's card or Hub page publishes.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import { outline } from '../../src/core/blueprint.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { errorOf, specOf } from './helpers.js';

const countOf = (cfg: object) => estimate(specOf(JSON.stringify(cfg))).params.total;
const modelOf = (cfg: object) => outline(specOf(JSON.stringify(cfg)).model as TransformerModel);

// Trimmed from each model's config.json on the Hugging Face Hub.
const GRANITE_3_2B = {
  architectures: ['GraniteForCausalLM'],
  attention_bias: false,
  attention_multiplier: 0.015625,
  embedding_multiplier: 12.0,
  hidden_act: 'silu',
  hidden_size: 2048,
  intermediate_size: 8192,
  logits_scaling: 8.0,
  max_position_embeddings: 4096,
  mlp_bias: false,
  model_type: 'granite',
  num_attention_heads: 32,
  num_hidden_layers: 40,
  num_key_value_heads: 8,
  residual_multiplier: 0.22,
  tie_word_embeddings: true,
  vocab_size: 49155,
};
const SANTACODER = {
  activation_function: 'gelu_pytorch_tanh',
  architectures: ['GPTBigCodeForCausalLM'],
  model_type: 'gpt_bigcode',
  multi_query: true,
  n_embd: 2048,
  n_head: 16,
  n_inner: 8192,
  n_layer: 24,
  n_positions: 2048,
  vocab_size: 49280,
};
const STARCODER2_3B = {
  architectures: ['Starcoder2ForCausalLM'],
  hidden_act: 'gelu_pytorch_tanh',
  hidden_size: 3072,
  intermediate_size: 12288,
  max_position_embeddings: 16384,
  model_type: 'starcoder2',
  norm_epsilon: 1e-5,
  num_attention_heads: 24,
  num_hidden_layers: 30,
  num_key_value_heads: 2,
  sliding_window: 4096,
  use_bias: true,
  vocab_size: 49152,
};
const COMMAND_R = {
  architectures: ['CohereForCausalLM'],
  attention_bias: false,
  hidden_act: 'silu',
  hidden_size: 8192,
  intermediate_size: 22528,
  logit_scale: 0.0625,
  max_position_embeddings: 8192,
  model_type: 'cohere',
  num_attention_heads: 64,
  num_hidden_layers: 40,
  num_key_value_heads: 64,
  use_qk_norm: false,
  vocab_size: 256000,
};
const MPT_7B = {
  architectures: ['MPTForCausalLM'],
  attn_config: { alibi: true, attn_impl: 'torch', clip_qkv: null, qk_ln: false },
  d_model: 4096,
  expansion_ratio: 4,
  max_seq_len: 2048,
  model_type: 'mpt',
  n_heads: 32,
  n_layers: 32,
  no_bias: true,
  vocab_size: 50432,
};

const MINITRON_4B = {
  architectures: ['NemotronForCausalLM'],
  attention_bias: false,
  head_dim: 128,
  hidden_act: 'relu2',
  hidden_size: 3072,
  intermediate_size: 9216,
  max_position_embeddings: 4096,
  mlp_bias: false,
  model_type: 'nemotron',
  num_attention_heads: 24,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  partial_rotary_factor: 0.5,
  tie_word_embeddings: false,
  vocab_size: 256000,
};

describe('config.json model types', () => {
  it('granite (GraniteForCausalLM): Llama tensors, multipliers are not parameters: 2,533,531,648', () => {
    // ibm-granite/granite-3.0-2b-base: tied 49,155·2,048 embeddings + 40 × (2·2,048² q/o + 2·2,048·512 k/v
    // + 3·2,048·8,192 MLP + 2·2,048 RMSNorm) + 2,048 final norm; the Hub lists 2.53B.
    expect(countOf(GRANITE_3_2B)).toBe(2_533_531_648);
    expect(countOf({ ...GRANITE_3_2B, tie_word_embeddings: false })).toBe(2_533_531_648 + 49155 * 2048);
  });

  it('gpt_bigcode (SantaCoder): multi-query c_attn, learned positions, biases, tied: 1,124,886,528', () => {
    // bigcode/gpt_bigcode-santacoder: 49,280·2,048 wte + 2,048·2,048 wpe + 24 × (c_attn 2,048·2,304 + 2,304
    // + c_proj 2,048² + 2,048 + 2 LN 8,192 + c_fc 2,048·8,192 + 8,192 + c_proj 8,192·2,048 + 2,048)
    // + ln_f 4,096 (the model card's "1.1B").
    const m = modelOf(SANTACODER);
    expect(m).toMatchObject({ kvHeads: 1, position: 'learned', biases: 'all', tied: true, ffn: 8192 });
    expect(countOf(SANTACODER)).toBe(1_124_886_528);
  });

  it('starcoder2: RoPE, GQA, biases by use_bias, LayerNorms, tied: 3,030,371,328', () => {
    // bigcode/starcoder2-3b: 49,152·3,072 tied embeddings + 30 × (2·(3,072² + 3,072) q/o + 2·(3,072·256
    // + 256) k/v + 2·3,072·12,288 + 12,288 + 3,072 MLP + 2 LN 12,288) + final LN 6,144; the Hub lists 3.03B.
    expect(countOf(STARCODER2_3B)).toBe(3_030_371_328);
    // use_bias false drops every linear bias (LayerNorm biases stay): 30 × (2·3,072 + 2·256 + 12,288 + 3,072).
    expect(countOf({ ...STARCODER2_3B, use_bias: false })).toBe(3_030_371_328 - 30 * 22_016);
  });

  it('cohere (Command-R): one bias-free LayerNorm per parallel block, tied: 34,980,831,232', () => {
    // CohereForAI/c4ai-command-r-v01: 256,000·8,192 tied embeddings + 40 × (4·8,192² + 3·8,192·22,528
    // + 8,192 input_layernorm) + 8,192 final norm; the Hub lists 35B.
    expect(modelOf(COMMAND_R)).toMatchObject({ normsPerLayer: 1, norm: 'layernorm', tied: true });
    expect(countOf(COMMAND_R)).toBe(34_980_831_232);
    // Command R+ (use_qk_norm) has per-head q/k LayerNorms napkin does not model.
    expect(errorOf(JSON.stringify({ ...COMMAND_R, use_qk_norm: true })).message).toMatch(/per-head QK LayerNorms/);
  });

  it('mpt: ALiBi, no biases at all, MLP from expansion_ratio, tied: 6,649,286,656', () => {
    // mosaicml/mpt-7b: 50,432·4,096 tied embeddings + 32 × (4·4,096² attention + 2·4,096·16,384 MLP
    // + 2 bias-free LN 8,192) + 4,096 norm_f = 6,649,286,656, the model card's 6.7B.
    expect(modelOf(MPT_7B)).toMatchObject({ position: 'alibi', ffn: 16384, maxSeq: 2048 });
    expect(countOf(MPT_7B)).toBe(6_649_286_656);
    expect(errorOf(JSON.stringify({ ...MPT_7B, no_bias: false })).code).toBe('unsupported');
    const qkLn = { ...MPT_7B, attn_config: { ...MPT_7B.attn_config, qk_ln: true } };
    expect(errorOf(JSON.stringify(qkLn)).code).toBe('unsupported');
  });

  it('nemotron (Minitron-4B): squared-ReLU MLP without a gate, biased LayerNorms, untied: 4,190,509,056', () => {
    // nvidia/Nemotron-4-Minitron-4B-Base: 2 × 256,000·3,072 embeddings and lm_head + 32 × (2·3,072² q/o
    // + 2·3,072·1,024 k/v + 2·3,072·9,216 MLP + 2 LayerNorm1P 12,288) + 6,144 final norm; the Hub lists 4.19B.
    expect(modelOf(MINITRON_4B)).toMatchObject({ activation: 'relu', norm: 'layernorm', headDim: 128, tied: false });
    expect(countOf(MINITRON_4B)).toBe(4_190_509_056);
    expect(specOf(JSON.stringify(MINITRON_4B)).assumptions).toContain(
      'squared ReLU, counted as ReLU: the same two MLP matrices',
    );
  });

  it('bias-free LayerNorms and the parallel block are stated', () => {
    expect(specOf(JSON.stringify(COMMAND_R)).assumptions).toEqual(
      expect.arrayContaining([
        'LayerNorms with a weight and no bias',
        'parallel attention and MLP behind one LayerNorm per block',
      ]),
    );
    expect(specOf(JSON.stringify(MPT_7B)).assumptions).toContain('LayerNorms with a weight and no bias');
  });

  it.each([
    ['gptj', 'MLP-only biases and an lm_head bias'],
    ['persimmon', 'per-head QK LayerNorms with biases'],
  ])('%s stays refused (%s)', (type) => {
    const e = errorOf(JSON.stringify({ ...GRANITE_3_2B, model_type: type }));
    expect(e.code).toBe('unsupported');
  });
});
