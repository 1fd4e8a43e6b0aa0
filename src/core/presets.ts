// Model presets: typed data, one entry each, with the exact config and the published count it must hit.
// Configs come from each model's config.json (or paper table); `published` is the figure the tests check
// countParams against: exact when the source states every digit, otherwise within the source's rounding.
// Adding a model is one entry in one of the family tables below; family helpers (tx, GPT, LLAMA, …) only
// fill the defaults a config.json leaves implicit.
import type { Model, TransformerModel } from './spec.js';
import { type Blueprint, build } from './blueprint.js';
import { exact, type Preset, rounded } from './preset-types.js';
import { PRESETS_2026 } from './presets-2026.js';
import { exactInteger } from './grouped.js';
import { resnet, VGG_CFGS, vgg } from './cnn.js';
import { lookup, spellings } from './lookup.js';

export type { Preset };

type Family = Pick<Blueprint, 'family' | 'activation' | 'norm' | 'position' | 'biases' | 'tied' | 'dropout'>;
type Shape = Partial<Blueprint> & { d: number; layers: number; heads: number; vocab: number };

/** GPT-2/GPT-3 (Radford et al. 2019; Brown et al. 2020): pre-LN, learned positions, biases, tied head. */
const GPT: Family = {
  family: 'transformer',
  activation: 'gelu',
  norm: 'layernorm',
  position: 'learned',
  biases: 'all',
  tied: true,
  dropout: true,
};
/** LLaMA and descendants (Touvron et al. 2023): RMSNorm, RoPE, SwiGLU, no biases, untied head. */
const LLAMA: Family = {
  family: 'llama',
  activation: 'swiglu',
  norm: 'rmsnorm',
  position: 'rope',
  biases: 'none',
  tied: false,
  dropout: false,
};
/** GPT-NeoX / Pythia: two LayerNorms per block (parallel residual), rotary, biases, untied `embed_out`. */
const NEOX: Family = {
  family: 'transformer',
  activation: 'gelu',
  norm: 'layernorm',
  position: 'rope',
  biases: 'all',
  tied: false,
  dropout: true,
};
/** OPT (Zhang et al. 2022): GPT-style with ReLU; learned positions hold 2 extra rows (offset 2) → 2050. */
const OPT: Family = { ...GPT, activation: 'relu' };

/** A transformer with the usual defaults: MHA, head_dim = d/heads, ffn = 4d, dense MLP, sequential block. */
export function tx(f: Family, o: Shape): TransformerModel {
  return build({
    kvHeads: o.heads,
    headDim: o.d / o.heads,
    ffn: 4 * o.d,
    maxSeq: 2048,
    experts: 1,
    topk: 1,
    normsPerLayer: 2,
    finalNorm: true,
    embedNorm: false,
    typeVocab: 0,
    pooler: false,
    lmHeadBias: false,
    ...f,
    ...o,
  });
}

const GPT2_SRC = 'Hugging Face openai-community/gpt2* config.json + sum of parameter sizes (published.json)';
const GPT3_SRC = 'Brown et al. 2020 (arXiv:2005.14165) Table 2.1 config, Table D.1 "Params (M)"';
const GPT3 = (d: number, layers: number, heads: number) => tx(GPT, { d, layers, heads, vocab: 50257 });
const LLAMA1_SRC = 'Touvron et al. 2023 (arXiv:2302.13971) Table 2; huggyllama/llama-* config.json';

const GPT_FAMILY: Preset[] = [
  {
    id: 'gpt2',
    name: 'GPT-2 small',
    aliases: ['gpt-2', 'gpt2-small', 'gpt2-124m', 'openai-community/gpt2'],
    model: tx(GPT, { d: 768, layers: 12, heads: 12, vocab: 50257, maxSeq: 1024 }),
    seq: 1024,
    published: exact(124_439_808, GPT2_SRC),
  },
  {
    id: 'gpt2-medium',
    name: 'GPT-2 medium',
    aliases: ['gpt-2-medium', 'gpt2-355m', 'openai-community/gpt2-medium'],
    model: tx(GPT, { d: 1024, layers: 24, heads: 16, vocab: 50257, maxSeq: 1024 }),
    seq: 1024,
    published: exact(354_823_168, GPT2_SRC),
  },
  {
    id: 'gpt2-large',
    name: 'GPT-2 large',
    aliases: ['gpt-2-large', 'gpt2-774m', 'openai-community/gpt2-large'],
    model: tx(GPT, { d: 1280, layers: 36, heads: 20, vocab: 50257, maxSeq: 1024 }),
    seq: 1024,
    published: exact(774_030_080, `${GPT2_SRC}; nanoGPT README "774M"`),
  },
  {
    id: 'gpt2-xl',
    name: 'GPT-2 XL',
    aliases: ['gpt-2-xl', 'gpt2-1558m', 'openai-community/gpt2-xl'],
    model: tx(GPT, { d: 1600, layers: 48, heads: 25, vocab: 50257, maxSeq: 1024 }),
    seq: 1024,
    published: exact(1_557_611_200, GPT2_SRC),
  },
  // GPT-3: n_ctx 2048, GPT-2 BPE (50,257), tied, ffn = 4·d. Table D.1's counts (and its 6·N·D compute)
  // match an attention width of d_model for every size; Table 2.1's d_head column does not (XL lists
  // 24 heads × 128 = 3,072 ≠ 2,048 → 1,517M instead of 1,320M; 13B lists d_model 5,140 ≠ 40 × 128 → 12,936M
  // instead of 12,850M). So XL is modelled with 16 heads of 128 and 13B with d_model 5,120: the same
  // parameters and FLOPs as any split of a 2,048- or 5,120-wide attention.
  {
    id: 'gpt3-small',
    name: 'GPT-3 Small',
    aliases: ['gpt-3-small', 'gpt3-125m'],
    model: GPT3(768, 12, 12),
    seq: 2048,
    published: rounded(125e6, GPT3_SRC),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-medium',
    name: 'GPT-3 Medium',
    aliases: ['gpt-3-medium', 'gpt3-350m'],
    model: GPT3(1024, 24, 16),
    seq: 2048,
    published: rounded(356e6, GPT3_SRC),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-large',
    name: 'GPT-3 Large',
    aliases: ['gpt-3-large', 'gpt3-760m'],
    model: GPT3(1536, 24, 16),
    seq: 2048,
    published: rounded(760e6, GPT3_SRC),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-xl',
    name: 'GPT-3 XL',
    aliases: ['gpt-3-xl'],
    model: GPT3(2048, 24, 16),
    seq: 2048,
    published: rounded(
      1320e6,
      `${GPT3_SRC}; Table 2.1's 24 heads × 128 is inconsistent with d_model 2,048 and with D.1`,
    ),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-2.7b',
    name: 'GPT-3 2.7B',
    aliases: ['gpt-3-2.7b'],
    model: GPT3(2560, 32, 32),
    seq: 2048,
    published: rounded(2650e6, GPT3_SRC),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-6.7b',
    name: 'GPT-3 6.7B',
    aliases: ['gpt-3-6.7b'],
    model: GPT3(4096, 32, 32),
    seq: 2048,
    published: rounded(6660e6, GPT3_SRC),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-13b',
    name: 'GPT-3 13B',
    aliases: ['gpt-3-13b'],
    model: GPT3(5120, 40, 40),
    seq: 2048,
    published: rounded(12_850e6, `${GPT3_SRC}; Table 2.1's d_model 5,140 is inconsistent with 40 × 128 and with D.1`),
    trainedTokens: 300e9,
  },
  {
    id: 'gpt3-175b',
    name: 'GPT-3 175B',
    aliases: ['gpt3', 'gpt-3', 'gpt-3-175b', 'davinci'],
    model: GPT3(12288, 96, 96),
    seq: 2048,
    published: rounded(174_600e6, GPT3_SRC),
    trainedTokens: 300e9,
  },
];

const L1 = (d: number, layers: number, heads: number, ffn: number) =>
  tx(LLAMA, { d, layers, heads, ffn, vocab: 32000 });
const L2 = (d: number, layers: number, heads: number, kvHeads: number, ffn: number) =>
  tx(LLAMA, { d, layers, heads, kvHeads, ffn, vocab: 32000, maxSeq: 4096 });
const L3 = (d: number, layers: number, heads: number, ffn: number, maxSeq: number) =>
  tx(LLAMA, { d, layers, heads, kvHeads: 8, ffn, vocab: 128256, maxSeq });
const L2_SRC = 'Hugging Face meta-llama/Llama-2-*-hf config.json; count = sum of parameter sizes (published.json)';
const L3_SRC = 'Hugging Face meta-llama/Meta-Llama-3(.1)-* config.json; safetensors parameter count';

const LLAMA_FAMILY: Preset[] = [
  {
    id: 'llama-7b',
    name: 'LLaMA-7B',
    aliases: ['llama1-7b', 'llama-1-7b', 'huggyllama/llama-7b'],
    model: L1(4096, 32, 32, 11008),
    seq: 2048,
    published: rounded(6.7e9, LLAMA1_SRC),
    trainedTokens: 1.0e12,
  },
  {
    id: 'llama-13b',
    name: 'LLaMA-13B',
    aliases: ['llama1-13b', 'llama-1-13b', 'huggyllama/llama-13b'],
    model: L1(5120, 40, 40, 13824),
    seq: 2048,
    published: rounded(13.0e9, LLAMA1_SRC),
    trainedTokens: 1.0e12,
  },
  {
    id: 'llama-33b',
    name: 'LLaMA-33B',
    aliases: ['llama-30b', 'llama1-33b', 'llama-1-33b', 'huggyllama/llama-30b'],
    model: L1(6656, 60, 52, 17920),
    seq: 2048,
    published: rounded(32.5e9, LLAMA1_SRC),
    trainedTokens: 1.4e12,
  },
  {
    id: 'llama-65b',
    name: 'LLaMA-65B',
    aliases: ['llama1-65b', 'llama-1-65b', 'huggyllama/llama-65b'],
    model: L1(8192, 80, 64, 22016),
    seq: 2048,
    published: rounded(65.2e9, LLAMA1_SRC),
    trainedTokens: 1.4e12,
  },
  {
    id: 'llama-2-7b',
    name: 'Llama-2-7B',
    aliases: ['llama2-7b', 'llama-2-7b-hf', 'meta-llama/Llama-2-7b-hf', 'llama-2-7b-chat'],
    model: L2(4096, 32, 32, 32, 11008),
    seq: 4096,
    published: exact(6_738_415_616, L2_SRC),
    trainedTokens: 2e12,
  },
  {
    id: 'llama-2-13b',
    name: 'Llama-2-13B',
    aliases: ['llama2-13b', 'llama-2-13b-hf', 'meta-llama/Llama-2-13b-hf', 'llama-2-13b-chat'],
    model: L2(5120, 40, 40, 40, 13824),
    seq: 4096,
    published: exact(13_015_864_320, L2_SRC),
    trainedTokens: 2e12,
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2-70B',
    aliases: ['llama2-70b', 'llama-2-70b-hf', 'meta-llama/Llama-2-70b-hf', 'llama-2-70b-chat'],
    model: L2(8192, 80, 64, 8, 28672),
    seq: 4096,
    published: exact(68_976_648_192, L2_SRC),
    trainedTokens: 2e12,
  },
  {
    id: 'llama-3-8b',
    name: 'Llama-3-8B',
    aliases: ['llama3-8b', 'meta-llama-3-8b', 'meta-llama/Meta-Llama-3-8B'],
    model: L3(4096, 32, 32, 14336, 8192),
    seq: 8192,
    published: exact(8_030_261_248, L3_SRC),
    trainedTokens: 15e12,
  },
  {
    id: 'llama-3-70b',
    name: 'Llama-3-70B',
    aliases: ['llama3-70b', 'meta-llama-3-70b', 'meta-llama/Meta-Llama-3-70B'],
    model: L3(8192, 80, 64, 28672, 8192),
    seq: 8192,
    published: exact(70_553_706_496, L3_SRC),
    trainedTokens: 15e12,
  },
  // Llama 3.1: same shapes, RoPE scaled to 128K context (rope buffers are not parameters).
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    aliases: ['llama3.1-8b', 'meta-llama-3.1-8b', 'meta-llama/Llama-3.1-8B'],
    model: L3(4096, 32, 32, 14336, 131072),
    seq: 131072,
    published: exact(8_030_261_248, L3_SRC),
    trainedTokens: 15e12,
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    aliases: ['llama3.1-70b', 'meta-llama-3.1-70b', 'meta-llama/Llama-3.1-70B'],
    model: L3(8192, 80, 64, 28672, 131072),
    seq: 131072,
    published: exact(70_553_706_496, L3_SRC),
    trainedTokens: 15e12,
  },
  // 405B: 8 KV heads (the first config.json upload said 16; Meta corrected it — the weights have 8).
  {
    id: 'llama-3.1-405b',
    name: 'Llama-3.1-405B',
    aliases: ['llama3.1-405b', 'meta-llama-3.1-405b', 'meta-llama/Llama-3.1-405B'],
    model: L3(16384, 126, 128, 53248, 131072),
    seq: 131072,
    published: exact(405_853_388_800, L3_SRC),
    trainedTokens: 15.6e12,
  },
];

const MISTRAL_SRC = 'Jiang et al. 2023/2024 (arXiv:2310.06825, 2401.04088) Table 1; mistralai/* config.json';
const MIXTRAL = (d: number, layers: number, heads: number, ffn: number, vocab: number, maxSeq: number) =>
  tx(LLAMA, { d, layers, heads, kvHeads: 8, ffn, vocab, maxSeq, experts: 8, topk: 2 });

const OTHER_DECODERS: Preset[] = [
  {
    id: 'mistral-7b',
    name: 'Mistral-7B-v0.1',
    aliases: ['mistral', 'mistral-7b-v0.1', 'mistralai/Mistral-7B-v0.1'],
    // v0.1 attends over a 4,096-token sliding window in every layer (config sliding_window 4096).
    model: tx(LLAMA, {
      d: 4096,
      layers: 32,
      heads: 32,
      kvHeads: 8,
      ffn: 14336,
      vocab: 32000,
      maxSeq: 32768,
      window: { size: 4096, globalEvery: 0 },
    }),
    seq: 8192,
    published: exact(7_241_732_096, MISTRAL_SRC),
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral-8x7B-v0.1',
    aliases: ['mixtral', 'mixtral-8x7b-v0.1', 'mistralai/Mixtral-8x7B-v0.1'],
    model: MIXTRAL(4096, 32, 32, 14336, 32000, 32768),
    seq: 32768,
    published: exact(46_702_792_704, MISTRAL_SRC),
  },
  // mistralai/Mixtral-8x22B-v0.1 ships the 32,768-token v3 vocabulary (the community conversion used 32,000
  // → 140,620,634,112). Mistral's announcement: 141B total, 39B active.
  {
    id: 'mixtral-8x22b',
    name: 'Mixtral-8x22B-v0.1',
    aliases: ['mixtral-8x22b-v0.1', 'mistralai/Mixtral-8x22B-v0.1'],
    model: MIXTRAL(6144, 56, 48, 16384, 32768, 65536),
    seq: 65536,
    published: rounded(
      141e9,
      'mistral.ai "Cheaper, Better, Faster, Stronger" (141B total, 39B active); mistralai/Mixtral-8x22B-v0.1 config.json',
    ),
  },
  // Gemma: GeGLU, head_dim 256, tied 256,000-token embeddings; 2B is multi-query. Table 2 of the report gives
  // the non-embedding counts exactly (1,981,884,416 and 7,751,248,896); its embedding rows use a padded 256,128.
  {
    id: 'gemma-2b',
    name: 'Gemma-2B',
    aliases: ['gemma-2b-it', 'google/gemma-2b'],
    model: tx(
      { ...LLAMA, activation: 'geglu', tied: true },
      { d: 2048, layers: 18, heads: 8, kvHeads: 1, headDim: 256, ffn: 16384, vocab: 256000, maxSeq: 8192 },
    ),
    seq: 8192,
    published: exact(
      2_506_172_416,
      'Gemma Team 2024 (arXiv:2403.08295) Table 2 non-embedding 1,981,884,416 + 256,000 × 2,048; google/gemma-2b config.json',
    ),
    trainedTokens: 3e12,
  },
  {
    id: 'gemma-7b',
    name: 'Gemma-7B',
    aliases: ['gemma-7b-it', 'google/gemma-7b'],
    model: tx(
      { ...LLAMA, activation: 'geglu', tied: true },
      { d: 3072, layers: 28, heads: 16, headDim: 256, ffn: 24576, vocab: 256000, maxSeq: 8192 },
    ),
    seq: 8192,
    published: exact(
      8_537_680_896,
      'Gemma Team 2024 (arXiv:2403.08295) Table 2 non-embedding 7,751,248,896 + 256,000 × 3,072; google/gemma-7b config.json',
    ),
    trainedTokens: 6e12,
  },
  {
    id: 'qwen2-7b',
    name: 'Qwen2-7B',
    aliases: ['qwen-2-7b', 'Qwen/Qwen2-7B', 'qwen2-7b-instruct'],
    model: tx(
      { ...LLAMA, biases: 'qkv' },
      { d: 3584, layers: 28, heads: 28, kvHeads: 4, ffn: 18944, vocab: 152064, maxSeq: 131072 },
    ),
    seq: 32768,
    published: exact(
      7_615_616_512,
      'Qwen/Qwen2-7B config.json (qkv bias, untied); safetensors parameter count 7,615,616,512; Yang et al. 2024 (arXiv:2407.10671) §3.2 32K context',
    ),
    trainedTokens: 7e12,
  },
  // Phi-2: parallel block with one LayerNorm, biases everywhere, untied head with a bias (PhiForCausalLM).
  {
    id: 'phi-2',
    name: 'Phi-2',
    aliases: ['phi2', 'microsoft/phi-2'],
    model: tx(
      { ...GPT, position: 'rope', tied: false },
      { d: 2560, layers: 32, heads: 32, vocab: 51200, normsPerLayer: 1, lmHeadBias: true },
    ),
    seq: 2048,
    published: exact(2_779_683_840, 'microsoft/phi-2 config.json; HfApi model_info / PEFT "all params: 2,779,683,840"'),
    trainedTokens: 1.4e12,
  },
  // Falcon-7B: parallel attention/MLP with one LayerNorm, multi-query (1 KV head of 64), no biases. The head
  // is tied (config has no tie_word_embeddings → True); the checkpoint stores a duplicate lm_head, so Hub
  // metadata says 7,217,189,760 = 6,921,720,704 + 65,024 × 4,544 (vllm#3590, transformers#35715).
  {
    id: 'falcon-7b',
    name: 'Falcon-7B',
    aliases: ['falcon', 'tiiuae/falcon-7b'],
    model: tx(
      { ...GPT, position: 'rope', biases: 'none' },
      { d: 4544, layers: 32, heads: 71, kvHeads: 1, headDim: 64, vocab: 65024, normsPerLayer: 1, normBias: true },
    ),
    seq: 2048,
    published: exact(
      6_921_720_704,
      'tiiuae/falcon-7b config.json; Hub safetensors 7,217,189,760 minus the duplicated tied lm_head (65,024 × 4,544)',
    ),
    trainedTokens: 1.5e12,
  },
];

// 2024–25 open models. Each count is the Hub's safetensors total (every parameter tensor summed), and the
// shapes are each model's config.json. Gemma 2/3 norm before and after attention and the MLP (four per
// block); Qwen3 and Gemma 3 also norm queries and keys over head_dim (q_norm, k_norm).
const hub = (repo: string, params: number, note = '') =>
  exact(params, `${repo} config.json; Hub safetensors total ${exactInteger(params)}${note}`);

/** Qwen2.5 (Qwen Team 2024): Qwen2's shapes, q/k/v biases, ties the head below 7B; 18T training tokens. */
const qwen25 = (
  size: string,
  d: number,
  layers: number,
  heads: number,
  kvHeads: number,
  ffn: number,
  vocab: number,
  tied: boolean,
  params: number,
): Preset => ({
  id: `qwen2.5-${size}`,
  name: `Qwen2.5-${size.toUpperCase()}`,
  aliases: [`qwen-2.5-${size}`, `Qwen/Qwen2.5-${size.toUpperCase()}`, `qwen2.5-${size}-instruct`],
  model: tx(
    { ...LLAMA, biases: 'qkv', tied },
    { d, layers, heads, kvHeads, ffn, vocab, maxSeq: tied ? 32768 : 131072 },
  ),
  seq: 32768,
  published: hub(`Qwen/Qwen2.5-${size.toUpperCase()}`, params),
  trainedTokens: 18e12,
});

/** Qwen3 (Qwen Team 2025): no biases, QK-norm, heads of 128, 8 KV heads unless given, 32K native context, 36T tokens. */
const qwen3 = (
  size: string,
  { tied, ...shape }: { d: number; layers: number; heads: number; ffn: number; tied: boolean } & Partial<Blueprint>,
  params: number,
  note = '',
): Preset => ({
  id: `qwen3-${size}`,
  name: `Qwen3-${size.toUpperCase()}`,
  aliases: [`qwen-3-${size}`, `Qwen/Qwen3-${size.toUpperCase()}`, `qwen3-${size}-base`],
  model: tx({ ...LLAMA, tied }, { kvHeads: 8, headDim: 128, vocab: 151936, maxSeq: 40960, qkNorm: true, ...shape }),
  seq: 32768,
  published: hub(`Qwen/Qwen3-${size.toUpperCase()}`, params, note),
  trainedTokens: 36e12,
});

/** Gemma 2 (Gemma Team 2024, arXiv:2408.00118): GeGLU, tied 256K vocabulary, every other layer a 4,096-token window. */
const gemma2 = (
  size: string,
  [d, layers, heads, kvHeads, headDim, ffn]: number[],
  params: number,
  trainedTokens: number,
): Preset => ({
  id: `gemma-2-${size}`,
  name: `Gemma-2-${size.toUpperCase()}`,
  aliases: [`gemma2-${size}`, `google/gemma-2-${size}`, `gemma-2-${size}-it`],
  model: tx(
    { ...LLAMA, activation: 'geglu', tied: true },
    {
      d,
      layers,
      heads,
      kvHeads,
      headDim,
      ffn,
      vocab: 256000,
      maxSeq: 8192,
      postNorms: true,
      window: { size: 4096, globalEvery: 2 },
    },
  ),
  seq: 8192,
  published: hub(`google/gemma-2-${size}`, params),
  trainedTokens,
});

const RECENT_DECODERS: Preset[] = [
  {
    id: 'llama-3.2-1b',
    name: 'Llama-3.2-1B',
    aliases: ['llama3.2-1b', 'meta-llama/Llama-3.2-1B', 'llama-3.2-1b-instruct'],
    model: tx(
      { ...LLAMA, tied: true },
      { d: 2048, layers: 16, heads: 32, kvHeads: 8, ffn: 8192, vocab: 128256, maxSeq: 131072 },
    ),
    seq: 131072,
    published: hub('meta-llama/Llama-3.2-1B', 1_235_814_400),
    trainedTokens: 9e12,
  },
  {
    id: 'llama-3.2-3b',
    name: 'Llama-3.2-3B',
    aliases: ['llama3.2-3b', 'meta-llama/Llama-3.2-3B', 'llama-3.2-3b-instruct'],
    model: tx(
      { ...LLAMA, tied: true },
      { d: 3072, layers: 28, heads: 24, kvHeads: 8, ffn: 8192, vocab: 128256, maxSeq: 131072 },
    ),
    seq: 131072,
    published: hub('meta-llama/Llama-3.2-3B', 3_212_749_824),
    trainedTokens: 9e12,
  },
  {
    id: 'llama-3.3-70b',
    name: 'Llama-3.3-70B',
    aliases: ['llama3.3-70b', 'meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b-instruct'],
    model: L3(8192, 80, 64, 28672, 131072),
    seq: 131072,
    published: hub('meta-llama/Llama-3.3-70B-Instruct', 70_553_706_496, ' (the shapes of 3.1-70B)'),
    trainedTokens: 15e12,
  },
  qwen25('0.5b', 896, 24, 14, 2, 4864, 151936, true, 494_032_768),
  qwen25('1.5b', 1536, 28, 12, 2, 8960, 151936, true, 1_543_714_304),
  qwen25('3b', 2048, 36, 16, 2, 11008, 151936, true, 3_085_938_688),
  qwen25('7b', 3584, 28, 28, 4, 18944, 152064, false, 7_615_616_512),
  qwen25('14b', 5120, 48, 40, 8, 13824, 152064, false, 14_770_033_664),
  qwen25('32b', 5120, 64, 40, 8, 27648, 152064, false, 32_763_876_352),
  qwen25('72b', 8192, 80, 64, 8, 29568, 152064, false, 72_706_203_648),
  // Phi-3 / Phi-3.5-mini: Llama-shaped (fused qkv and gate_up hold the same numbers), 32,064 tokens, untied.
  {
    id: 'phi-3-mini',
    name: 'Phi-3-mini',
    aliases: ['phi3-mini', 'microsoft/Phi-3-mini-4k-instruct', 'phi-3.5-mini', 'microsoft/Phi-3.5-mini-instruct'],
    model: tx(LLAMA, { d: 3072, layers: 32, heads: 32, ffn: 8192, vocab: 32064, maxSeq: 4096 }),
    seq: 4096,
    published: hub('microsoft/Phi-3.5-mini-instruct', 3_821_079_552),
    trainedTokens: 3.3e12,
  },
  qwen3('0.6b', { d: 1024, layers: 28, heads: 16, ffn: 3072, tied: true }, 596_049_920),
  qwen3('8b', { d: 4096, layers: 36, heads: 32, ffn: 12288, tied: false }, 8_190_735_360),
  // Qwen3-MoE: 128 experts of width moe_intermediate_size 768, top-8; 4 KV heads.
  qwen3(
    '30b-a3b',
    { d: 2048, layers: 48, heads: 32, kvHeads: 4, ffn: 768, experts: 128, topk: 8, tied: false },
    30_532_122_624,
    ' (3.3B active per the model card)',
  ),
  gemma2('2b', [2304, 26, 8, 4, 256, 9216], 2_614_341_888, 2e12),
  gemma2('9b', [3584, 42, 16, 8, 256, 14336], 9_241_705_984, 8e12),
  gemma2('27b', [4608, 46, 32, 16, 128, 36864], 27_227_128_320, 13e12),
  // The text-only Gemma 3 (Gemma Team 2025, arXiv:2503.19786): 262,144-token vocabulary, one KV head,
  // QK-norm, four norms per block, five 512-token sliding-window layers per global one.
  {
    id: 'gemma-3-1b',
    name: 'Gemma-3-1B',
    aliases: ['gemma3-1b', 'google/gemma-3-1b-pt', 'gemma-3-1b-it', 'google/gemma-3-1b-it'],
    model: tx(
      { ...LLAMA, activation: 'geglu', tied: true },
      {
        d: 1152,
        layers: 26,
        heads: 4,
        kvHeads: 1,
        headDim: 256,
        ffn: 6912,
        vocab: 262144,
        maxSeq: 32768,
        postNorms: true,
        qkNorm: true,
        window: { size: 512, globalEvery: 6 },
      },
    ),
    seq: 32768,
    published: hub('google/gemma-3-1b-pt', 999_885_952),
    trainedTokens: 2e12,
  },
];

// More Llama-shaped checkpoints. Each count is the Hub's safetensors total (every stored tensor summed) and
// equals the config.json shapes below exactly.
const SMOL_SRC = ' (SmolLM blog 2024: 600B/600B/1T tokens; Allal et al. 2025, arXiv:2502.02737: 2T/4T/11T)';
const smollm = (
  v: '' | '2',
  size: string,
  [d, layers, heads, kvHeads, ffn]: number[],
  params: number,
  trainedTokens: number,
): Preset => ({
  id: `smollm${v}-${size}`,
  name: `SmolLM${v}-${size.toUpperCase()}`,
  aliases: [`smol-lm${v}-${size}`, `HuggingFaceTB/SmolLM${v}-${size.toUpperCase()}`, `smollm${v}-${size}-instruct`],
  model: tx({ ...LLAMA, tied: true }, { d, layers, heads, kvHeads, ffn, vocab: 49152, maxSeq: v ? 8192 : 2048 }),
  seq: v ? 8192 : 2048,
  published: hub(`HuggingFaceTB/SmolLM${v}-${size.toUpperCase()}`, params, SMOL_SRC),
  trainedTokens,
});
/** Code Llama (Rozière et al. 2023, arXiv:2308.12950): Llama 2 shapes, 16K context; 7B/13B add 16 infilling tokens. */
const codellama = (size: string, shape: Shape, params: number): Preset => ({
  id: `codellama-${size}`,
  name: `CodeLlama-${size.toUpperCase()}`,
  aliases: [
    `code-llama-${size}`,
    `codellama/CodeLlama-${size}-hf`,
    `codellama-${size}-instruct`,
    `codellama-${size}-python`,
  ],
  model: tx(LLAMA, { maxSeq: 16384, ...shape }),
  seq: 16384,
  published: hub(`codellama/CodeLlama-${size}-hf`, params),
});
/** BLOOM (BigScience 2022, arXiv:2211.05100): ALiBi, LayerNorm after the embedding, biases, tied 250,880 vocabulary. */
const bloom = (size: string, d: number, layers: number, heads: number, params: number): Preset => ({
  id: size === '176b' ? 'bloom' : `bloom-${size}`,
  name: `BLOOM${size === '176b' ? '' : `-${size}`}`,
  aliases: size === '176b' ? ['bloom-176b', 'bigscience/bloom'] : [`bigscience/bloom-${size}`, `bloomz-${size}`],
  model: tx({ ...GPT, position: 'alibi' }, { d, layers, heads, vocab: 250880, embedNorm: true }),
  seq: 2048,
  published: exact(
    params,
    `bigscience/bloom${size === '176b' ? '' : `-${size}`} config.json; model card "${exactInteger(params)} parameters"`,
  ),
  ...(size === '176b' ? { trainedTokens: 366e9 } : {}),
});

const MORE_DECODERS: Preset[] = [
  {
    id: 'tinyllama-1.1b',
    name: 'TinyLlama-1.1B',
    aliases: ['tinyllama', 'TinyLlama/TinyLlama-1.1B-Chat-v1.0', 'tinyllama-1.1b-chat', 'TinyLlama/TinyLlama_v1.1'],
    model: tx(LLAMA, { d: 2048, layers: 22, heads: 32, kvHeads: 4, ffn: 5632, vocab: 32000 }),
    seq: 2048,
    published: hub(
      'TinyLlama/TinyLlama-1.1B-Chat-v1.0',
      1_100_048_384,
      '; Zhang et al. 2024 (arXiv:2401.02385) 3T tokens',
    ),
    trainedTokens: 3e12,
  },
  smollm('', '135m', [576, 30, 9, 3, 1536], 134_515_008, 600e9),
  smollm('', '360m', [960, 32, 15, 5, 2560], 361_821_120, 600e9),
  smollm('', '1.7b', [2048, 24, 32, 32, 8192], 1_711_376_384, 1e12),
  smollm('2', '135m', [576, 30, 9, 3, 1536], 134_515_008, 2e12),
  smollm('2', '360m', [960, 32, 15, 5, 2560], 361_821_120, 4e12),
  smollm('2', '1.7b', [2048, 24, 32, 32, 8192], 1_711_376_384, 11e12),
  codellama('7b', { d: 4096, layers: 32, heads: 32, ffn: 11008, vocab: 32016 }, 6_738_546_688),
  codellama('13b', { d: 5120, layers: 40, heads: 40, ffn: 13824, vocab: 32016 }, 13_016_028_160),
  codellama('34b', { d: 8192, layers: 48, heads: 64, kvHeads: 8, ffn: 22016, vocab: 32000 }, 33_743_970_304),
  // Mistral NeMo and Small 3: heads of 128 narrower than d / heads (32 × 128 = 4,096 < 5,120), 2^17 Tekken vocabulary.
  {
    id: 'mistral-nemo-12b',
    name: 'Mistral-Nemo-12B',
    aliases: [
      'mistral-nemo',
      'mistralai/Mistral-Nemo-Base-2407',
      'mistral-nemo-instruct-2407',
      'mistral-nemo-base-2407',
    ],
    model: tx(LLAMA, {
      d: 5120,
      layers: 40,
      heads: 32,
      kvHeads: 8,
      headDim: 128,
      ffn: 14336,
      vocab: 131072,
      maxSeq: 128000,
    }),
    seq: 128000,
    published: hub('mistralai/Mistral-Nemo-Base-2407', 12_247_782_400),
  },
  {
    id: 'mistral-small-24b',
    name: 'Mistral-Small-24B',
    aliases: [
      'mistral-small-3',
      'mistral-small-24b-base-2501',
      'mistralai/Mistral-Small-24B-Base-2501',
      'mistral-small-24b-instruct-2501',
    ],
    model: tx(LLAMA, {
      d: 5120,
      layers: 40,
      heads: 32,
      kvHeads: 8,
      headDim: 128,
      ffn: 32768,
      vocab: 131072,
      maxSeq: 32768,
    }),
    seq: 32768,
    published: hub('mistralai/Mistral-Small-24B-Base-2501', 23_572_403_200),
  },
  {
    id: 'yi-6b',
    name: 'Yi-6B',
    aliases: ['01-ai/Yi-6B', 'yi-6b-chat'],
    model: tx(LLAMA, { d: 4096, layers: 32, heads: 32, kvHeads: 4, ffn: 11008, vocab: 64000, maxSeq: 4096 }),
    seq: 4096,
    published: hub('01-ai/Yi-6B', 6_061_035_520, '; Young et al. 2024 (arXiv:2403.04652) 3.1T tokens'),
    trainedTokens: 3.1e12,
  },
  {
    id: 'yi-34b',
    name: 'Yi-34B',
    aliases: ['01-ai/Yi-34B', 'yi-34b-chat'],
    model: tx(LLAMA, { d: 7168, layers: 60, heads: 56, kvHeads: 8, ffn: 20480, vocab: 64000, maxSeq: 4096 }),
    seq: 4096,
    published: hub('01-ai/Yi-34B', 34_388_917_248, '; Young et al. 2024 (arXiv:2403.04652) 3.1T tokens'),
    trainedTokens: 3.1e12,
  },
  {
    id: 'deepseek-llm-7b',
    name: 'DeepSeek-LLM-7B',
    aliases: ['deepseek-7b', 'deepseek-ai/deepseek-llm-7b-base', 'deepseek-llm-7b-chat'],
    model: tx(LLAMA, { d: 4096, layers: 30, heads: 32, ffn: 11008, vocab: 102400, maxSeq: 4096 }),
    seq: 4096,
    published: hub(
      'deepseek-ai/deepseek-llm-7b-base',
      6_910_365_696,
      '; DeepSeek-AI 2024 (arXiv:2401.02954) 2T tokens',
    ),
    trainedTokens: 2e12,
  },
  {
    id: 'qwen2-1.5b',
    name: 'Qwen2-1.5B',
    aliases: ['qwen-2-1.5b', 'Qwen/Qwen2-1.5B', 'qwen2-1.5b-instruct'],
    model: tx(
      { ...LLAMA, biases: 'qkv', tied: true },
      { d: 1536, layers: 28, heads: 12, kvHeads: 2, ffn: 8960, vocab: 151936, maxSeq: 32768 },
    ),
    seq: 32768,
    published: hub('Qwen/Qwen2-1.5B', 1_543_714_304, ' (the shapes of Qwen2.5-1.5B)'),
  },
  {
    id: 'qwen2-72b',
    name: 'Qwen2-72B',
    aliases: ['qwen-2-72b', 'Qwen/Qwen2-72B', 'qwen2-72b-instruct'],
    model: tx(
      { ...LLAMA, biases: 'qkv' },
      { d: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 29568, vocab: 152064, maxSeq: 131072 },
    ),
    seq: 32768,
    published: hub(
      'Qwen/Qwen2-72B',
      72_706_203_648,
      ' (the shapes of Qwen2.5-72B); Yang et al. 2024 (arXiv:2407.10671) 7T tokens',
    ),
    trainedTokens: 7e12,
  },
  {
    id: 'phi-3-medium',
    name: 'Phi-3-medium',
    aliases: ['phi3-medium', 'microsoft/Phi-3-medium-4k-instruct', 'phi-3-medium-4k', 'phi-3-14b'],
    model: tx(LLAMA, { d: 5120, layers: 40, heads: 40, kvHeads: 10, ffn: 17920, vocab: 32064, maxSeq: 4096 }),
    seq: 4096,
    published: hub(
      'microsoft/Phi-3-medium-4k-instruct',
      13_960_238_080,
      '; Abdin et al. 2024 (arXiv:2404.14219) 4.8T tokens',
    ),
    trainedTokens: 4.8e12,
  },
  bloom('560m', 1024, 24, 16, 559_214_592),
  bloom('7b1', 4096, 30, 32, 7_069_016_064),
  bloom('176b', 14336, 70, 112, 176_247_271_424),
  // GPT-NeoX-20B (Black et al. 2022, arXiv:2204.06745): the Pythia block (two LayerNorms, parallel residual), untied.
  {
    id: 'gpt-neox-20b',
    name: 'GPT-NeoX-20B',
    aliases: ['neox-20b', 'gptneox-20b', 'EleutherAI/gpt-neox-20b'],
    model: tx(NEOX, { d: 6144, layers: 44, heads: 64, vocab: 50432 }),
    seq: 2048,
    published: exact(20_554_567_680, 'EleutherAI/gpt-neox-20b config.json; model card "20,554,567,680" parameters'),
  },
];

// Pythia (Biderman et al. 2023): model card "Total Params" column; vocab padded per size in config.json.
const PYTHIA_SRC = 'EleutherAI/pythia-* model card (Total / Non-Embedding Params) and config.json';
const pythia = (size: string, d: number, layers: number, heads: number, params: number, vocab = 50304): Preset => ({
  id: `pythia-${size}`,
  name: `Pythia-${size.toUpperCase()}`,
  aliases: [`EleutherAI/pythia-${size}`, `pythia-${size}-deduped`],
  model: tx(NEOX, { d, layers, heads, vocab }),
  seq: 2048,
  published: exact(params, PYTHIA_SRC),
  trainedTokens: 299_892_736_000,
});

// OPT: OPT-125m and -1.3b have published sum(numel) counts; the larger sizes only their Table 1 labels
// (2.7B is 2.65B), checked within 2%. OPT-350m is left out: it projects 512-wide embeddings in and out of
// a 1,024-wide post-LN stack (project_in/out), which this spec cannot express.
const OPT_SRC = 'facebook/opt-* config.json (ffn 4d, vocab 50,272, 2,048 + 2 positions)';
const opt = (size: string, d: number, layers: number, heads: number, published: Preset['published']): Preset => ({
  id: `opt-${size}`,
  name: `OPT-${size.toUpperCase()}`,
  aliases: [`facebook/opt-${size}`],
  model: tx(OPT, { d, layers, heads, vocab: 50272, maxSeq: 2050 }),
  seq: 2048,
  published,
  trainedTokens: 180e9,
});
const OPT_LABEL = `${OPT_SRC}; size label from Zhang et al. 2022 (arXiv:2205.01068) Table 1`;

const OPEN_SUITES: Preset[] = [
  pythia('70m', 512, 6, 8, 70_426_624),
  pythia('160m', 768, 12, 12, 162_322_944),
  pythia('410m', 1024, 24, 16, 405_334_016),
  pythia('1b', 2048, 16, 8, 1_011_781_632),
  pythia('1.4b', 2048, 24, 16, 1_414_647_808),
  pythia('2.8b', 2560, 32, 32, 2_775_208_960),
  pythia('6.9b', 4096, 32, 32, 6_857_302_016, 50432),
  pythia('12b', 5120, 36, 40, 11_846_072_320, 50688),
  opt(
    '125m',
    768,
    12,
    12,
    exact(125_239_296, `${OPT_SRC}; sum(p.numel()) of OPTForCausalLM (PEFT examples, "125,239,296")`),
  ),
  opt('1.3b', 2048, 24, 32, exact(1_315_758_080, `${OPT_SRC}; sum(p.numel()) of OPTForCausalLM ("1,315,758,080")`)),
  opt('2.7b', 2560, 32, 32, rounded(2.7e9, OPT_LABEL)),
  opt('6.7b', 4096, 32, 32, rounded(6.7e9, OPT_LABEL)),
  opt('13b', 5120, 40, 40, rounded(13e9, OPT_LABEL)),
  opt('30b', 7168, 48, 56, rounded(30e9, OPT_LABEL)),
  opt('66b', 9216, 64, 72, rounded(66e9, OPT_LABEL)),
];

const BERT_SRC = 'google-research/bert README (110M / 340M); Hugging Face BertModel with pooler (published.json)';
const bert = (d: number, layers: number, heads: number) =>
  tx(
    { ...GPT, family: 'encoder', tied: false },
    {
      d,
      layers,
      heads,
      vocab: 30522,
      maxSeq: 512,
      embedNorm: true,
      finalNorm: false,
      typeVocab: 2,
      pooler: true,
      encoder: true,
    },
  );

const ENCODERS_AND_VISION: Preset[] = [
  {
    id: 'bert-base',
    name: 'BERT-base',
    aliases: ['bert', 'bert-base-uncased', 'bert-base-cased', 'google-bert/bert-base-uncased'],
    model: bert(768, 12, 12),
    seq: 512,
    published: exact(109_482_240, BERT_SRC),
  },
  {
    id: 'bert-large',
    name: 'BERT-large',
    aliases: ['bert-large-uncased', 'google-bert/bert-large-uncased'],
    model: bert(1024, 24, 16),
    seq: 512,
    published: exact(335_141_888, BERT_SRC),
  },
  // torchvision vit_b_16: conv patch embedding, class token, 197 learned positions, final LayerNorm, head.
  {
    id: 'vit-b-16',
    name: 'ViT-B/16',
    aliases: ['vit-b/16', 'vit_b_16', 'vit-base-patch16-224', 'vit-base'],
    model: tx(
      { ...GPT, family: 'encoder', tied: false, dropout: false },
      {
        encoder: true,
        d: 768,
        layers: 12,
        heads: 12,
        vocab: 0,
        maxSeq: 197,
        vision: { image: 224, patch: 16, channels: 3, classes: 1000 },
      },
    ),
    seq: 197,
    published: exact(86_567_656, 'torchvision.models.vit_b_16 documentation (num_params 86,567,656)'),
  },
];

// CNNs: one image per sample (`seq` 1). torchvision docs list num_params and "GFLOPS" (multiply-accumulates).
const TV = (name: string, n: string) => `torchvision.models.${name} documentation (num_params ${n})`;
const net = (components: ReturnType<typeof resnet>): Model => ({ kind: 'network', components, steps: 1 });
const CNNS: Preset[] = [
  {
    id: 'resnet18',
    name: 'ResNet-18',
    aliases: ['resnet-18', 'resnet_18'],
    model: net(resnet([2, 2, 2, 2], false)),
    seq: 1,
    published: exact(11_689_512, TV('resnet18', '11,689,512')),
  },
  {
    id: 'resnet34',
    name: 'ResNet-34',
    aliases: ['resnet-34', 'resnet_34'],
    model: net(resnet([3, 4, 6, 3], false)),
    seq: 1,
    published: exact(21_797_672, TV('resnet34', '21,797,672')),
  },
  {
    id: 'resnet50',
    name: 'ResNet-50',
    aliases: ['resnet-50', 'resnet_50', 'resnet'],
    model: net(resnet([3, 4, 6, 3], true)),
    seq: 1,
    published: exact(25_557_032, TV('resnet50', '25,557,032')),
  },
  {
    id: 'resnet101',
    name: 'ResNet-101',
    aliases: ['resnet-101', 'resnet_101'],
    model: net(resnet([3, 4, 23, 3], true)),
    seq: 1,
    published: exact(44_549_160, TV('resnet101', '44,549,160')),
  },
  {
    id: 'resnet152',
    name: 'ResNet-152',
    aliases: ['resnet-152', 'resnet_152'],
    model: net(resnet([3, 8, 36, 3], true)),
    seq: 1,
    published: exact(60_192_808, TV('resnet152', '60,192,808')),
  },
  {
    id: 'vgg16',
    name: 'VGG-16',
    aliases: ['vgg-16', 'vgg_16', 'vgg'],
    model: net(vgg(VGG_CFGS.vgg16)),
    seq: 1,
    published: exact(138_357_544, TV('vgg16', '138,357,544')),
  },
  {
    id: 'vgg19',
    name: 'VGG-19',
    aliases: ['vgg-19', 'vgg_19'],
    model: net(vgg(VGG_CFGS.vgg19)),
    seq: 1,
    published: exact(143_667_240, TV('vgg19', '143,667,240')),
  },
];

export const PRESETS: Preset[] = [
  ...GPT_FAMILY,
  ...LLAMA_FAMILY,
  ...OTHER_DECODERS,
  ...RECENT_DECODERS,
  ...MORE_DECODERS,
  ...OPEN_SUITES,
  ...ENCODERS_AND_VISION,
  ...CNNS,
  ...PRESETS_2026,
];

// Case and separators are ignored, but a decimal point between digits is kept: 'opt-1.3b' ≠ 'opt-13b'.
const key = (s: string) => s.toLowerCase().replace(/(?<!\d)\.|\.(?!\d)|[\s_-]/g, '');
/**
 * A preset's spellings, each also with the `-hf` that Hugging Face repositories of converted weights add
 * (`Llama-2-7b-chat-hf`): the same model, the same count.
 */
export const presetSpellings = (p: Preset): string[] => spellings(p).flatMap((s) => [s, `${s}-hf`]);

/** Look a preset up by id, name or alias, ignoring case and separators ('Llama-2-7B' = 'llama2 7b'). */
export const findPreset = lookup(PRESETS, key, presetSpellings);

let presetModels: Set<Model> | null = null;
/** Whether `m` is a preset's own model object (shared by every spec that does not change it), not a copy. */
export function isPresetModel(m: Model): boolean {
  presetModels ??= new Set(PRESETS.map((p) => p.model));
  return presetModels.has(m);
}

/** Every lookup key with the presets it names; the test asserts no key names two presets. */
export function presetKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const p of PRESETS)
    for (const n of new Set([p.id, p.name, ...p.aliases].map(key))) keys.set(n, [...(keys.get(n) ?? []), p.id]);
  return keys;
}
