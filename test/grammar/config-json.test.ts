// Pasted Hugging Face config.json files: the model must match the preset built from the same config.
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { jsonErrorOffset } from '../../grammar/json-offset.js';
import { findPreset } from '../../src/core/presets.js';
import { outline } from '../../src/core/blueprint.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { estimate } from '../../src/core/estimate.js';
import { errorOf, specOf } from './helpers.js';

const countOf = (text: string) => estimate(specOf(text)).params.total;

// From the Hugging Face Hub (trimmed to the keys that shape the model).
const LLAMA_2_7B = {
  architectures: ['LlamaForCausalLM'],
  hidden_act: 'silu',
  hidden_size: 4096,
  intermediate_size: 11008,
  max_position_embeddings: 4096,
  model_type: 'llama',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  rms_norm_eps: 1e-5,
  tie_word_embeddings: false,
  vocab_size: 32000,
};
const MIXTRAL = {
  hidden_act: 'silu',
  hidden_size: 4096,
  intermediate_size: 14336,
  max_position_embeddings: 32768,
  model_type: 'mixtral',
  num_attention_heads: 32,
  num_experts_per_tok: 2,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  num_local_experts: 8,
  tie_word_embeddings: false,
  vocab_size: 32000,
};
const GPT2 = {
  activation_function: 'gelu_new',
  model_type: 'gpt2',
  n_ctx: 1024,
  n_embd: 768,
  n_head: 12,
  n_layer: 12,
  n_positions: 1024,
  vocab_size: 50257,
};
const BERT = {
  hidden_act: 'gelu',
  hidden_size: 768,
  intermediate_size: 3072,
  max_position_embeddings: 512,
  model_type: 'bert',
  num_attention_heads: 12,
  num_hidden_layers: 12,
  type_vocab_size: 2,
  vocab_size: 30522,
};
const QWEN2_7B = {
  hidden_act: 'silu',
  hidden_size: 3584,
  intermediate_size: 18944,
  max_position_embeddings: 131072,
  model_type: 'qwen2',
  num_attention_heads: 28,
  num_hidden_layers: 28,
  num_key_value_heads: 4,
  tie_word_embeddings: false,
  vocab_size: 152064,
};

const SHAPE = [
  'family',
  'd',
  'layers',
  'heads',
  'kvHeads',
  'headDim',
  'ffn',
  'vocab',
  'maxSeq',
  'activation',
  'norm',
  'position',
  'biases',
  'tied',
  'experts',
  'topk',
  'normsPerLayer',
  'finalNorm',
  'embedNorm',
  'typeVocab',
  'pooler',
  'lmHeadBias',
] as const;
const shape = (m: TransformerModel) => {
  const o = outline(m);
  return Object.fromEntries(SHAPE.map((k) => [k, o[k]]));
};

describe('config.json → the same model as the preset', () => {
  it.each([
    ['llama-2-7b', LLAMA_2_7B],
    ['mixtral-8x7b', MIXTRAL],
    ['gpt2', GPT2],
    ['bert-base', BERT],
    ['qwen2-7b', QWEN2_7B],
  ])('%s', (id, config) => {
    const text = JSON.stringify(config, null, 2);
    const spec = specOf(text);
    const preset = findPreset(id)!.model as TransformerModel;
    expect(shape(spec.model as TransformerModel)).toEqual(shape(preset));
    expect(spec.model).toEqual(preset);
  });
});

describe('config.json details', () => {
  it('seq defaults to max_position_embeddings; the name says where the model came from', () => {
    const spec = specOf(JSON.stringify(MIXTRAL));
    expect(spec.seq).toBe(32768);
    expect(spec.name).toBe('config.json (llama d=4096 L=32 E=8 top-2)');
    expect(spec.assumptions).toContain('from a pasted config.json (model_type mixtral)');
  });

  it('lists what the config left out', () => {
    const { num_key_value_heads: _kv, ...noKv } = LLAMA_2_7B;
    const spec = specOf(JSON.stringify(noKv));
    expect(outline(spec.model as TransformerModel).kvHeads).toBe(32);
    expect(spec.assumptions).toContain('kv_heads 32 = heads (no grouped-query attention)');
    expect(spec.assumptions).toContain('head_dim 128 = d/heads');
  });

  it('a model_type napkin does not read is refused at that key, not counted as a Llama', () => {
    const text = JSON.stringify({ ...LLAMA_2_7B, model_type: 'mystery' });
    const e = errorOf(text);
    expect(e.code).toBe('unsupported');
    expect(e.message).toMatch(/model_type `mystery` is not one napkin reads/);
    expect(text.slice(e.offset, e.offset + e.length)).toBe('"model_type"');
    expect(e.hint).toMatch(/napkin reads llama, mistral, .*bloom, stablelm/);
  });

  it('a config without model_type is refused, not guessed to be a Llama by its hidden_act', () => {
    // A Llama and a GPT-2 of the same sizes differ by a third of their parameters: napkin asks instead.
    const { model_type: _t, ...bare } = LLAMA_2_7B;
    const e = errorOf(JSON.stringify(bare));
    expect(e.code).toBe('unsupported');
    expect(e.message).toBe('config.json: no `model_type`, so napkin cannot tell which architecture to count');
    expect(e.hint).toMatch(/add the model's "model_type" \(napkin reads llama, mistral, /);
  });

  it('gemma: GeGLU, tied, head_dim from the config', () => {
    const cfg = {
      model_type: 'gemma',
      hidden_act: 'gelu_pytorch_tanh',
      hidden_size: 3072,
      intermediate_size: 24576,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      head_dim: 256,
      num_hidden_layers: 28,
      vocab_size: 256000,
    };
    expect(outline(specOf(JSON.stringify(cfg)).model as TransformerModel)).toMatchObject({
      activation: 'geglu',
      tied: true,
      headDim: 256,
      heads: 16,
    });
  });

  it('leading whitespace is fine', () => {
    const r = parse(`  \n${JSON.stringify(GPT2)}`);
    expect(r.ok).toBe(true);
  });
});

describe('JSON error offsets', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a" 1}', 5],
    ['{"a": 1,', 8],
    ['{"a": tru}', 6],
    ['{"a": [1, 2}', 11],
    ['{"a": "x\ny"}', 8],
    ['{"a": 1} x', 9],
    ['{}', 2],
  ])('%j fails at %d', (text, at) => {
    expect(jsonErrorOffset(text)).toBe(at);
  });

  it('a parse error points at the offending character', () => {
    const text = '{"hidden_size": 4096 "num_hidden_layers": 32}';
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-json');
      expect(r.error.offset).toBe(21);
      expect(r.error.length).toBe(1);
    }
  });
});

// Totals as the Hugging Face Hub's safetensors metadata reports them (sum of every parameter tensor):
// google/gemma-2-9b 9,241,705,984; google/gemma-2-2b 2,614,341,888; Qwen/Qwen3-8B 8,190,735,360;
// Qwen/Qwen3-0.6B 596,049,920; google/gemma-3-1b-it 999,885,952. Configs trimmed to the keys that shape the model.
describe('config.json → exact counts for Gemma 2/3 sandwich norms and Qwen3 / Gemma 3 QK-norm', () => {
  const GEMMA2 = { model_type: 'gemma2', hidden_act: 'gelu_pytorch_tanh', head_dim: 256, vocab_size: 256000 };
  const QWEN3 = { model_type: 'qwen3', hidden_act: 'silu', head_dim: 128, vocab_size: 151936, attention_bias: false };
  it.each([
    [
      'gemma-2-9b',
      {
        ...GEMMA2,
        hidden_size: 3584,
        intermediate_size: 14336,
        num_hidden_layers: 42,
        num_attention_heads: 16,
        num_key_value_heads: 8,
      },
      9_241_705_984,
    ],
    [
      'gemma-2-2b',
      {
        ...GEMMA2,
        hidden_size: 2304,
        intermediate_size: 9216,
        num_hidden_layers: 26,
        num_attention_heads: 8,
        num_key_value_heads: 4,
      },
      2_614_341_888,
    ],
    [
      'Qwen3-8B',
      {
        ...QWEN3,
        hidden_size: 4096,
        intermediate_size: 12288,
        num_hidden_layers: 36,
        num_attention_heads: 32,
        num_key_value_heads: 8,
        tie_word_embeddings: false,
      },
      8_190_735_360,
    ],
    [
      'Qwen3-0.6B',
      {
        ...QWEN3,
        hidden_size: 1024,
        intermediate_size: 3072,
        num_hidden_layers: 28,
        num_attention_heads: 16,
        num_key_value_heads: 8,
        tie_word_embeddings: true,
      },
      596_049_920,
    ],
    [
      'gemma-3-1b-it',
      {
        model_type: 'gemma3_text',
        hidden_activation: 'gelu_pytorch_tanh',
        head_dim: 256,
        vocab_size: 262144,
        hidden_size: 1152,
        intermediate_size: 6912,
        num_hidden_layers: 26,
        num_attention_heads: 4,
        num_key_value_heads: 1,
      },
      999_885_952,
    ],
  ])('%s: %d parameters', (_name, config, total) => {
    const spec = specOf(JSON.stringify(config));
    expect(estimate(spec).params.total).toBe(total);
  });

  it('says which extra norms it counted', () => {
    const gemma3 = specOf(
      JSON.stringify({
        model_type: 'gemma3_text',
        hidden_size: 1152,
        intermediate_size: 6912,
        num_hidden_layers: 26,
        num_attention_heads: 4,
        num_key_value_heads: 1,
        head_dim: 256,
        vocab_size: 262144,
      }),
    );
    expect(gemma3.assumptions).toContain('four norms per block: before and after attention, before and after the MLP');
    expect(gemma3.assumptions).toContain('QK-norm: RMSNorm over head_dim 256 on queries and on keys');
  });
});

describe('config.json → MoE shapes', () => {
  // Qwen/Qwen3-30B-A3B: 30,532,122,624 parameters, 3,353,032,704 active (Hub safetensors total; the model
  // card's "30.5B, 3.3B activated"). Each of the 128 experts is moe_intermediate_size = 768 wide.
  const QWEN3_30B_A3B = {
    model_type: 'qwen3_moe',
    hidden_act: 'silu',
    hidden_size: 2048,
    intermediate_size: 6144,
    moe_intermediate_size: 768,
    num_hidden_layers: 48,
    num_attention_heads: 32,
    num_key_value_heads: 4,
    head_dim: 128,
    num_experts: 128,
    num_experts_per_tok: 8,
    decoder_sparse_step: 1,
    mlp_only_layers: [],
    vocab_size: 151936,
    tie_word_embeddings: false,
  };

  it('Qwen3-30B-A3B: experts as wide as moe_intermediate_size, QK-norm, exact total and active counts', () => {
    const spec = specOf(JSON.stringify(QWEN3_30B_A3B));
    const { params } = estimate(spec);
    expect(params.total).toBe(30_532_122_624);
    expect(params.active).toBe(3_353_032_704);
    expect(spec.assumptions).toContain('expert MLP width 768 (moe_intermediate_size)');
  });

  it.each([
    ['shared experts (DeepSeek)', { n_shared_experts: 2 }, 'n_shared_experts'],
    ['latent attention (DeepSeek-V2/V3)', { kv_lora_rank: 512 }, 'kv_lora_rank'],
    ['dense layers first (DeepSeek)', { first_k_dense_replace: 1 }, 'first_k_dense_replace'],
  ])('a qwen3_moe config with %s (keys Qwen3MoeForCausalLM never reads) is refused at the key', (_what, extra, key) => {
    const text = JSON.stringify({ ...QWEN3_30B_A3B, ...extra });
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unsupported');
    expect(r.error.offset).toBe(text.indexOf(`"${key}"`));
    expect(r.error.message).toContain(`\`${key}\``);
    expect(r.error.hint).toContain('params=');
  });

  // Qwen3MoeDecoderLayer: MoE unless in mlp_only_layers, on layers with (i + 1) % decoder_sparse_step = 0; the
  // rest keep a dense MLP of intermediate_size 6,144. One MoE layer's channel mixer: router 2,048·128 + 128
  // experts × 3·2,048·768 = 604,241,920; a dense one 3·2,048·6,144 = 37,748,736; 566,493,184 apart.
  it('MoE on every other layer (decoder_sparse_step 2): 24 dense layers, 24 × 566,493,184 fewer', () => {
    const text = JSON.stringify({ ...QWEN3_30B_A3B, decoder_sparse_step: 2 });
    expect(countOf(text)).toBe(30_532_122_624 - 24 * 566_493_184);
  });

  it('mlp_only_layers [0, 1] keep dense MLPs: 2 × 566,493,184 fewer', () => {
    expect(countOf(JSON.stringify({ ...QWEN3_30B_A3B, mlp_only_layers: [0, 1] }))).toBe(
      30_532_122_624 - 2 * 566_493_184,
    );
  });

  it('shared_expert_intermediate_size in a qwen3_moe config is ignored as Qwen3MoeForCausalLM ignores it, and said so', () => {
    const spec = specOf(JSON.stringify({ ...QWEN3_30B_A3B, shared_expert_intermediate_size: 5632 }));
    expect(estimate(spec).params.total).toBe(30_532_122_624);
    expect(spec.assumptions).toContain(
      'shared_expert_intermediate_size is not read by Qwen3MoeForCausalLM (it has no shared expert): ignored',
    );
  });
});

describe('config.json → multimodal', () => {
  // google/gemma-3-4b-it's text_config (Gemma3TextConfig): the language model napkin counts.
  const GEMMA3_4B_TEXT = {
    model_type: 'gemma3_text',
    hidden_size: 2560,
    intermediate_size: 10240,
    num_hidden_layers: 34,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    vocab_size: 262208,
    sliding_window: 1024,
  };

  it('reads the language model in text_config, names the vision tower it leaves out', () => {
    const wrapped = specOf(
      JSON.stringify({
        model_type: 'gemma3',
        text_config: GEMMA3_4B_TEXT,
        vision_config: { model_type: 'siglip_vision_model', hidden_size: 1152 },
      }),
    );
    expect(wrapped.model).toEqual(specOf(JSON.stringify(GEMMA3_4B_TEXT)).model);
    expect(wrapped.assumptions).toContain(
      'the language model of a multimodal gemma3 config (text_config, model_type gemma3_text); the SigLIP vision tower and its projector not counted',
    );
  });

  it('Ministral 3 (mistral3 around a ministral3 text_config) reads as its Mistral language model', () => {
    const text = { ...LLAMA_2_7B, model_type: 'ministral3', num_key_value_heads: 8, vocab_size: 131072 };
    const wrapped = specOf(JSON.stringify({ model_type: 'mistral3', text_config: text }));
    expect(estimate(wrapped).params.total).toBe(
      estimate(specOf(JSON.stringify({ ...text, model_type: 'mistral' }))).params.total,
    );
  });

  it('a multimodal type napkin does not read is refused at text_config, saying what to paste', () => {
    const text = JSON.stringify({ model_type: 'llava', text_config: { model_type: 'llama', hidden_size: 4096 } });
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unsupported');
    expect(r.error.offset).toBe(text.indexOf('"text_config"'));
    expect(r.error.hint).toContain('paste its `text_config` object');
  });
});

describe('config.json: what earlier versions got wrong', () => {
  it("Falcon-40B's first config (RefinedWeb) keeps its 8 KV heads (n_head_kv) and two LayerNorms per block", () => {
    // 65,024·8,192 tied + 60 × (8,192·(128 + 16)·64 qkv + 8,192² dense + 2·8,192·32,768 MLP + 2·2·8,192 LN)
    // + 2·8,192 ln_f = 41,303,293,952 (the PyTorch mirror's count, test/fixtures/pytorch-counts.json).
    const rw = {
      model_type: 'RefinedWeb',
      hidden_size: 8192,
      n_head: 128,
      n_head_kv: 8,
      n_layer: 60,
      parallel_attn: true,
      bias: false,
      vocab_size: 65024,
    };
    const spec = specOf(JSON.stringify(rw));
    expect(estimate(spec).params.total).toBe(41_303_293_952);
    // KV cache per token: 2 · 60 layers · 8 heads · 64 · 2 B = 122,880 B (not 128 heads' 16×).
    expect(estimate({ ...spec, seq: 1, kvDtype: 'bf16', mode: 'infer' }).memory.kvCache).toBe(122_880);
  });

  it('a llama config with hidden_act relu keeps the gated MLP (LlamaMLP: gate, up, down)', () => {
    expect(countOf(JSON.stringify({ ...LLAMA_2_7B, hidden_act: 'relu' }))).toBe(6_738_415_616);
    expect(
      outline(specOf(JSON.stringify({ ...LLAMA_2_7B, hidden_act: 'relu' })).model as TransformerModel).activation,
    ).toBe('reglu');
  });

  it('Llama 4 is refused as a type napkin does not read yet, not for a QK norm it holds no weights for', () => {
    const e = errorOf(
      JSON.stringify({
        model_type: 'llama4',
        text_config: { ...LLAMA_2_7B, model_type: 'llama4_text', use_qk_norm: true },
      }),
    );
    expect(e.message).not.toMatch(/QK/);
  });
});

describe('config.json → sliding-window layers', () => {
  const base = { hidden_size: 1152, intermediate_size: 6912, num_hidden_layers: 26, num_attention_heads: 4 };
  const window = (cfg: object) => outline(specOf(JSON.stringify(cfg)).model as TransformerModel).slidingWindow;

  it('Gemma 3: five local layers in six (22 of 26), as the gemma-3-1b preset holds', () => {
    const cfg = { ...base, model_type: 'gemma3_text', num_key_value_heads: 1, head_dim: 256, vocab_size: 262144 };
    expect(window({ ...cfg, sliding_window: 512, sliding_window_pattern: 6 })).toEqual({ size: 512, layers: 22 });
    expect(window({ ...cfg, sliding_window: 512 })).toEqual(
      outline(findPreset('gemma-3-1b')!.model as TransformerModel).slidingWindow,
    );
  });

  it('Gemma 2: every other layer (13 of 26)', () => {
    expect(window({ ...base, model_type: 'gemma2', sliding_window: 4096 })).toEqual({ size: 4096, layers: 13 });
  });

  it('layer_types, where a config lists them, say which layers slide', () => {
    const types = Array.from({ length: 26 }, (_, i) => (i % 4 === 3 ? 'full_attention' : 'sliding_attention'));
    expect(window({ ...base, model_type: 'llama', sliding_window: 1024, layer_types: types })).toEqual({
      size: 1024,
      layers: 20,
    });
  });

  it('Mistral v0.1 applies sliding_window to every layer (MistralAttention), as the mistral-7b preset holds', () => {
    const cfg = { ...base, model_type: 'mistral', sliding_window: 4096 };
    expect(window(cfg)).toEqual({ size: 4096, layers: 26 });
    expect(outline(findPreset('mistral-7b')!.model as TransformerModel).slidingWindow).toEqual({
      size: 4096,
      layers: 32,
    });
  });

  it('a sliding_window a type does not apply by a known rule is not assumed to shrink the cache, and says so', () => {
    const cfg = { ...base, model_type: 'qwen2', sliding_window: 4096, use_sliding_window: false };
    expect(window(cfg)).toBeUndefined();
    expect(specOf(JSON.stringify(cfg)).assumptions).toContain(
      "sliding_window 4096 without layer_types: every layer's KV cache counted at full length",
    );
  });
});

// The Hub's configs (trimmed to the keys that shape the model); totals from each model's safetensors
// metadata on the Hub, and checked by hand tensor by tensor in the comments.
describe('config.json → model types beyond Llama and GPT-2', () => {
  it('BLOOM-560m: ALiBi (no position table), a LayerNorm on the embeddings, tied head: 559,214,592', () => {
    // bigscience/bloom-560m: 250,880·1,024 embeddings + 2,048 embedding LN + 24 × 12,596,224 per block
    // (qkv 3,148,800, dense 1,049,600, MLP 8,393,728, 2 LNs 4,096) + 2,048 final LN.
    const bloom = {
      architectures: ['BloomForCausalLM'],
      hidden_size: 1024,
      model_type: 'bloom',
      n_head: 16,
      n_inner: null,
      n_layer: 24,
      vocab_size: 250880,
    };
    const text = JSON.stringify(bloom);
    expect(countOf(text)).toBe(559_214_592);
    const m = outline(specOf(text).model as TransformerModel);
    expect([m.position, m.embedNorm, m.tied, m.ffn]).toEqual(['alibi', true, true, 4096]);
  });

  it('StableLM-2-1.6B: SwiGLU with biased LayerNorms and q/k/v biases (use_qkv_bias): 1,644,515,328', () => {
    // stabilityai/stablelm-2-1_6b: 2 × 100,352·2,048 untied embeddings + 24 × (4·2,048² + 6,144 qkv bias
    // + 3·2,048·5,632 + 2 LNs 8,192) + final LN 4,096.
    const stablelm = {
      architectures: ['StableLmForCausalLM'],
      hidden_act: 'silu',
      hidden_size: 2048,
      intermediate_size: 5632,
      max_position_embeddings: 4096,
      model_type: 'stablelm',
      num_attention_heads: 32,
      num_hidden_layers: 24,
      num_key_value_heads: 32,
      partial_rotary_factor: 0.25,
      qk_layernorm: false,
      tie_word_embeddings: false,
      use_parallel_residual: false,
      use_qkv_bias: true,
      vocab_size: 100352,
    };
    expect(countOf(JSON.stringify(stablelm))).toBe(1_644_515_328);
    // The parallel block (use_parallel_residual) drops the post-attention LayerNorm: 24 × 4,096 fewer.
    expect(countOf(JSON.stringify({ ...stablelm, use_parallel_residual: true }))).toBe(1_644_515_328 - 24 * 4096);
    expect(errorOf(JSON.stringify({ ...stablelm, qk_layernorm: true })).message).toMatch(/per-head QK LayerNorms/);
  });

  it("Falcon-7B's first config (RefinedWebModel) counts as falcon does: 6,921,720,704", () => {
    const rw = {
      alibi: false,
      architectures: ['RWForCausalLM'],
      bias: false,
      hidden_size: 4544,
      model_type: 'RefinedWebModel',
      multi_query: true,
      n_head: 71,
      n_layer: 32,
      parallel_attn: true,
      vocab_size: 65024,
    };
    expect(countOf(JSON.stringify(rw))).toBe(6_921_720_704);
  });

  it('Llama attention_bias puts biases on q, k, v and o; with mlp_bias on the MLP too (LlamaAttention, LlamaMLP)', () => {
    const base = 6_738_415_616;
    // + 32 layers × (3·4,096 q/k/v + 4,096 o) = 524,288
    expect(countOf(JSON.stringify({ ...LLAMA_2_7B, attention_bias: true }))).toBe(base + 524_288);
    // + 32 × (2·11,008 gate/up + 4,096 down) = 835,584 more
    expect(countOf(JSON.stringify({ ...LLAMA_2_7B, attention_bias: true, mlp_bias: true }))).toBe(
      base + 524_288 + 835_584,
    );
    expect(errorOf(JSON.stringify({ ...LLAMA_2_7B, mlp_bias: true })).code).toBe('unsupported');
    expect(
      outline(specOf(JSON.stringify({ ...LLAMA_2_7B, attention_bias: true })).model as TransformerModel).biases,
    ).toBe('attn');
  });

  it('`attn-bias` in shorthand counts what attention_bias does in a config', () => {
    const text = 'llama d=4096 L=32 heads=32 ffn=11008 vocab=32000 attn-bias';
    expect(countOf(text)).toBe(countOf(JSON.stringify({ ...LLAMA_2_7B, attention_bias: true })));
  });

  it('Qwen3 attention_bias biases q, k and v only (o_proj has none)', () => {
    const qwen3 = {
      model_type: 'qwen3',
      hidden_act: 'silu',
      hidden_size: 1024,
      intermediate_size: 3072,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_hidden_layers: 28,
      head_dim: 128,
      vocab_size: 151936,
      tie_word_embeddings: true,
    };
    const plain = countOf(JSON.stringify(qwen3));
    expect(plain).toBe(596_049_920);
    // + 28 × (16·128 + 2·8·128) = 28 × 4,096
    expect(countOf(JSON.stringify({ ...qwen3, attention_bias: true }))).toBe(plain + 28 * 4096);
  });

  it.each([
    ['T5 without model_type', { d_model: 768, num_layers: 12, num_heads: 12, relative_attention_num_buckets: 32 }],
    ['OPT-350m', { model_type: 'opt', hidden_size: 1024, num_hidden_layers: 24, word_embed_proj_dim: 512 }],
    ['an encoder–decoder labelled llama', { ...LLAMA_2_7B, is_encoder_decoder: true }],
  ])('refuses what it would miscount: %s', (_name, cfg) => {
    const e = errorOf(JSON.stringify(cfg));
    expect(e.code).toBe('unsupported');
  });

  it("post-LN OPT (do_layer_norm_before false) has no final LayerNorm: 2·2,048 fewer than OPT-1.3B's 1,315,758,080", () => {
    const opt = {
      model_type: 'opt',
      activation_function: 'relu',
      hidden_size: 2048,
      ffn_dim: 8192,
      num_attention_heads: 32,
      num_hidden_layers: 24,
      max_position_embeddings: 2048,
      vocab_size: 50272,
      word_embed_proj_dim: 2048,
    };
    expect(countOf(JSON.stringify(opt))).toBe(1_315_758_080);
    expect(countOf(JSON.stringify({ ...opt, do_layer_norm_before: false }))).toBe(1_315_758_080 - 4096);
  });

  it('an encoder checkpoint with task heads (RobertaForMaskedLM) is counted as its base model, and says so', () => {
    const roberta = {
      architectures: ['RobertaForMaskedLM'],
      hidden_act: 'gelu',
      hidden_size: 768,
      intermediate_size: 3072,
      max_position_embeddings: 514,
      model_type: 'roberta',
      num_attention_heads: 12,
      num_hidden_layers: 12,
      type_vocab_size: 1,
      vocab_size: 50265,
    };
    // RobertaModel with its pooler: 124,645,632 (the Hub checkpoint's MLM head is not part of it).
    expect(countOf(JSON.stringify(roberta))).toBe(124_645_632);
    expect(specOf(JSON.stringify(roberta)).assumptions).toContain(
      'the encoder and its pooler, as the base model holds them: the task heads of RobertaForMaskedLM are not counted',
    );
  });

  it('a config.json too long for napkin says which keys to leave out', () => {
    const labels = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [String(i), `class ${i}`]));
    const e = errorOf(JSON.stringify({ model_type: 'vit', hidden_size: 768, id2label: labels }));
    expect(e.code).toBe('too-long');
    expect(e.hint).toMatch(/id2label and label2id/);
    expect(errorOf(JSON.stringify({ model_type: 'vit', hidden_size: 768 })).hint).toMatch(/`vit-b-16`/);
  });
});

describe('config.json mistakes named as config.json names them', () => {
  it('missing sizes are its keys, not napkin’s d and L', () => {
    expect(errorOf('{}').message).toMatch(/no `model_type`/);
    expect(errorOf('{"model_type": "llama"}')).toMatchObject({
      code: 'missing',
      message: 'config.json: no `hidden_size` and `num_hidden_layers`',
      hint: 'add "hidden_size" and "num_hidden_layers" (or paste the whole config.json)',
    });
    expect(errorOf('{"model_type": "llama", "num_hidden_layers": 32}').message).toBe('config.json: no `hidden_size`');
  });
  it('a comment in a pasted config is pointed at, and the hint says JSON has none', () => {
    const text = '{"model_type": "llama", // a llama\n"hidden_size": 4096}';
    const e = errorOf(text);
    expect(e.code).toBe('bad-json');
    expect(text[e.offset]).toBe('/');
    expect(e.hint).toBe('remove the comments (`//`, `/* */`): JSON has none');
  });
});
