// Presets of 2026's architectures, each built by the same core builder the config.json reader of its
// model_type uses, from its config.json (copied, with its source, into test/fixtures/configs), and checked
// against its published total and a PyTorch count of its Hugging Face class (test/fixtures/pytorch-counts.json).
// Counts are what the Hugging Face modules hold; `beyond` says what a checkpoint stores besides.
import { denseDecoder } from './archs/dense.js';
import { type DeepseekShape, deepseek } from './archs/deepseek.js';
import { jamba } from './archs/hybrid.js';
import {
  alternateWindows,
  firstDense,
  llama4Chunks,
  llama4Sparse,
  moeDecoder,
  qwenSparse,
} from './archs/moe-decoders.js';
import { bart, t5 } from './archs/seq2seq.js';
import { mamba, mamba2 } from './archs/ssm.js';
import { build } from './blueprint.js';
import { type Preset, rounded } from './preset-types.js';

const V3: DeepseekShape = {
  family: 'deepseek',
  d: 7168,
  layers: 61,
  heads: 128,
  qRank: 1536,
  kvRank: 512,
  ropeDim: 64,
  nopeDim: 128,
  vDim: 128,
  ffn: 18432,
  experts: 256,
  topk: 8,
  expertFfn: 2048,
  shared: 1,
  firstDense: 3,
  moeEvery: 1,
  vocab: 129280,
  maxSeq: 163840,
  tied: false,
};
const V3_MTP =
  'the checkpoint also stores the 14B multi-token-prediction module (layer 61; 685B on the Hub), which DeepseekV3ForCausalLM does not load: not counted (DeepSeek-V3 README)';
const V3_SRC =
  'DeepSeek-AI 2024, DeepSeek-V3 (arXiv:2412.19437) abstract: 671B total, 37B activated; deepseek-ai/DeepSeek-V3 config.json';

const deepseekPresets: Preset[] = [
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    aliases: ['deepseek-ai/DeepSeek-V3', 'deepseek-v3-base', 'deepseek-v3-0324', 'deepseek-ai/DeepSeek-V3-0324'],
    model: deepseek(V3),
    seq: 131072,
    published: rounded(671e9, V3_SRC),
    trainedTokens: 14.8e12,
    beyond: V3_MTP,
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    aliases: ['deepseek-ai/DeepSeek-R1', 'r1', 'deepseek-r1-0528', 'deepseek-ai/DeepSeek-R1-0528'],
    model: deepseek(V3),
    seq: 131072,
    published: rounded(
      671e9,
      `DeepSeek-AI 2025, DeepSeek-R1 (arXiv:2501.12948): built on DeepSeek-V3-Base, 671B total; ${V3_SRC}`,
    ),
    beyond: V3_MTP,
  },
  {
    id: 'deepseek-v2',
    name: 'DeepSeek-V2',
    aliases: ['deepseek-ai/DeepSeek-V2', 'deepseek-v2-chat'],
    model: deepseek({
      ...V3,
      d: 5120,
      layers: 60,
      ffn: 12288,
      experts: 160,
      topk: 6,
      expertFfn: 1536,
      shared: 2,
      firstDense: 1,
      vocab: 102400,
    }),
    seq: 131072,
    published: rounded(
      236e9,
      'DeepSeek-AI 2024, DeepSeek-V2 (arXiv:2405.04434) abstract: 236B total, 21B activated; deepseek-ai/DeepSeek-V2 config.json',
    ),
    trainedTokens: 8.1e12,
  },
  {
    id: 'deepseek-v2-lite',
    name: 'DeepSeek-V2-Lite',
    aliases: ['deepseek-ai/DeepSeek-V2-Lite', 'deepseek-v2-lite-chat'],
    model: deepseek({
      ...V3,
      d: 2048,
      layers: 27,
      heads: 16,
      qRank: 0,
      ffn: 10944,
      experts: 64,
      topk: 6,
      expertFfn: 1408,
      shared: 2,
      firstDense: 1,
      vocab: 102400,
    }),
    seq: 32768,
    published: rounded(15.7e9, 'deepseek-ai/DeepSeek-V2-Lite model card: 15.7B total, 2.4B activated; its config.json'),
    trainedTokens: 5.7e12,
  },
  {
    id: 'kimi-k2',
    name: 'Kimi-K2',
    aliases: ['moonshotai/Kimi-K2-Instruct', 'kimi-k2-instruct', 'kimi-k2-base', 'moonshotai/Kimi-K2-Base', 'kimi'],
    model: deepseek({ ...V3, family: 'kimi', heads: 64, experts: 384, firstDense: 1, vocab: 163840, maxSeq: 131072 }),
    seq: 131072,
    published: rounded(
      1e12,
      'moonshotai/Kimi-K2-Instruct model card: 1T total, 32B activated (DeepSeek-V3 architecture); its config.json',
    ),
    trainedTokens: 15.5e12,
  },
];

const OSS_SRC = 'OpenAI 2025, gpt-oss model card (arXiv:2508.10925) Table 1';
const gptOss = (layers: number, experts: number) =>
  moeDecoder({
    family: 'gpt-oss',
    d: 2880,
    layers,
    vocab: 201088,
    maxSeq: 131072,
    tied: false,
    attention: { heads: 64, kvHeads: 8, headDim: 64, qkvBias: true, outBias: true, sinks: true },
    moe: { experts, topk: 4, ffn: 2880, bias: true, routerBias: true },
    sparse: () => true,
    window: alternateWindows(128),
  });
const MXFP4 = 'parameters counted, not storage: the checkpoint holds the experts in MXFP4 (4.25 bits per weight)';
/** How the gpt-oss checkpoints store their weights: the routed experts in MXFP4, everything else in bf16. */
const MXFP4_EXPERTS = { kind: 'format', id: 'mxfp4', scope: 'experts' } as const;
const ossPresets: Preset[] = [
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    aliases: ['openai/gpt-oss-120b', 'gptoss-120b'],
    model: gptOss(36, 128),
    seq: 131072,
    published: rounded(116.83e9, `${OSS_SRC}: 116.83B total, 5.13B active (without the 0.58B embedding table)`),
    beyond: MXFP4,
    weights: MXFP4_EXPERTS,
  },
  {
    id: 'gpt-oss-20b',
    name: 'gpt-oss-20b',
    aliases: ['openai/gpt-oss-20b', 'gptoss-20b', 'gpt-oss'],
    model: gptOss(24, 32),
    seq: 131072,
    published: rounded(20.91e9, `${OSS_SRC}: 20.91B total, 3.61B active (without the 0.58B embedding table)`),
    beyond: MXFP4,
    weights: MXFP4_EXPERTS,
  },
];

const llama4 = (experts: number, step: number) =>
  moeDecoder({
    family: 'llama4',
    d: 5120,
    layers: 48,
    vocab: 202048,
    maxSeq: 262144,
    tied: false,
    attention: { heads: 40, kvHeads: 8, headDim: 128, chunked: true },
    dense: { ffn: 16384 },
    moe: { experts, topk: 1, ffn: 8192, shared: 1, sharedFfn: 8192 },
    sparse: llama4Sparse(step),
    window: llama4Chunks(8192),
  });
const LLAMA4_VISION =
  'the checkpoint also holds the vision encoder and its projector (about 0.9B, in the published total): the language model counted';
const llama4Presets: Preset[] = [
  {
    id: 'llama-4-scout',
    name: 'Llama-4-Scout-17B-16E',
    aliases: ['llama-4-scout', 'meta-llama/Llama-4-Scout-17B-16E', 'llama-4-scout-17b-16e-instruct', 'llama4-scout'],
    model: llama4(16, 1),
    seq: 262144,
    published: rounded(
      109e9,
      'Meta, Llama 4 model card: 17B active, 109B total (with the vision encoder); meta-llama/Llama-4-Scout-17B-16E config.json',
    ),
    trainedTokens: 40e12,
    beyond: LLAMA4_VISION,
  },
  {
    id: 'llama-4-maverick',
    name: 'Llama-4-Maverick-17B-128E',
    aliases: [
      'llama-4-maverick',
      'meta-llama/Llama-4-Maverick-17B-128E',
      'llama-4-maverick-17b-128e-instruct',
      'llama4-maverick',
    ],
    model: llama4(128, 2),
    seq: 262144,
    published: rounded(
      400e9,
      'Meta, Llama 4 model card: 17B active, 400B total (with the vision encoder); meta-llama/Llama-4-Maverick-17B-128E config.json',
    ),
    trainedTokens: 22e12,
    beyond: LLAMA4_VISION,
  },
];

const moePresets: Preset[] = [
  {
    id: 'qwen3-235b-a22b',
    name: 'Qwen3-235B-A22B',
    aliases: ['Qwen/Qwen3-235B-A22B', 'qwen3-235b', 'qwen3-235b-a22b-instruct-2507'],
    model: moeDecoder({
      family: 'qwen3-moe',
      d: 4096,
      layers: 94,
      vocab: 151936,
      maxSeq: 40960,
      tied: false,
      attention: { heads: 64, kvHeads: 4, headDim: 128, qkNorm: 'head' },
      dense: { ffn: 12288 },
      moe: { experts: 128, topk: 8, ffn: 1536 },
      sparse: qwenSparse(1),
    }),
    seq: 32768,
    published: rounded(235e9, 'Qwen/Qwen3-235B-A22B model card: 235B total, 22B activated; its config.json'),
    trainedTokens: 36e12,
  },
  {
    id: 'qwen1.5-moe-a2.7b',
    name: 'Qwen1.5-MoE-A2.7B',
    aliases: ['Qwen/Qwen1.5-MoE-A2.7B', 'qwen1.5-moe', 'qwen-moe-a2.7b'],
    model: moeDecoder({
      family: 'qwen2-moe',
      d: 2048,
      layers: 24,
      vocab: 151936,
      maxSeq: 8192,
      tied: false,
      attention: { heads: 16, kvHeads: 16, headDim: 128, qkvBias: true },
      dense: { ffn: 5632 },
      moe: { experts: 60, topk: 4, ffn: 1408, shared: 1, sharedFfn: 5632, sharedGate: true },
      sparse: qwenSparse(1),
    }),
    seq: 8192,
    published: rounded(
      14.3e9,
      'Qwen team 2024, "Qwen1.5-MoE: Matching 7B Model Performance with 1/3 Activated Parameters": 14.3B total, 2.7B activated',
    ),
  },
  {
    id: 'glm-4.5-air',
    name: 'GLM-4.5-Air',
    aliases: ['zai-org/GLM-4.5-Air', 'glm-4.5-air-base', 'THUDM/GLM-4.5-Air'],
    model: moeDecoder({
      family: 'glm4-moe',
      d: 4096,
      layers: 46,
      vocab: 151552,
      maxSeq: 131072,
      tied: false,
      attention: { heads: 96, kvHeads: 8, headDim: 128, qkvBias: true },
      dense: { ffn: 10944 },
      moe: { experts: 128, topk: 8, ffn: 1408, shared: 1, sharedFfn: 1408 },
      sparse: firstDense(1),
    }),
    seq: 131072,
    published: rounded(
      106e9,
      'zai-org/GLM-4.5-Air model card: 106B total, 12B active (106.85B: the card truncates); its config.json',
    ),
    beyond:
      'the checkpoint also stores 1 multi-token-prediction layer (num_nextn_predict_layers), which Glm4MoeForCausalLM does not load: not counted',
  },
  {
    id: 'phi-3.5-moe',
    name: 'Phi-3.5-MoE',
    aliases: ['microsoft/Phi-3.5-MoE-instruct', 'phi-3.5-moe-instruct', 'phimoe'],
    model: moeDecoder({
      family: 'phimoe',
      d: 4096,
      layers: 32,
      vocab: 32064,
      maxSeq: 131072,
      tied: false,
      headBias: true,
      norm: 'layernorm',
      normBias: true,
      attention: { heads: 32, kvHeads: 8, headDim: 128, qkvBias: true, outBias: true },
      moe: { experts: 16, topk: 2, ffn: 6400 },
      sparse: () => true,
    }),
    seq: 131072,
    published: rounded(
      41.9e9,
      'microsoft/Phi-3.5-MoE-instruct model card: 16x3.8B experts, 41.9B total, 6.6B active; its config.json',
    ),
    trainedTokens: 4.9e12,
  },
  {
    id: 'olmoe-1b-7b',
    name: 'OLMoE-1B-7B',
    aliases: ['allenai/OLMoE-1B-7B-0924', 'olmoe', 'olmoe-1b-7b-0924'],
    model: moeDecoder({
      family: 'olmoe',
      d: 2048,
      layers: 16,
      vocab: 50304,
      maxSeq: 4096,
      tied: false,
      attention: { heads: 16, kvHeads: 16, headDim: 128, qkNorm: 'full' },
      moe: { experts: 64, topk: 8, ffn: 1024 },
      sparse: () => true,
    }),
    seq: 4096,
    published: rounded(
      6.9e9,
      'Muennighoff et al. 2024, OLMoE (arXiv:2409.02060): 6.9B total, 1.3B active; allenai/OLMoE-1B-7B-0924 config.json',
    ),
    trainedTokens: 5.1e12,
  },
];

const olmo2 = (d: number, layers: number, heads: number, ffn: number) =>
  denseDecoder({
    family: 'olmo2',
    d,
    layers,
    vocab: 100352,
    maxSeq: 4096,
    ffn,
    attention: { heads, kvHeads: heads, headDim: d / heads, qkNorm: 'full' },
    norm: 'rmsnorm',
    tied: false,
  });
const OLMO2_SRC = 'OLMo et al. 2024, 2 OLMo 2 Furious (arXiv:2501.00656); allenai/OLMo-2-1124-* config.json';
const denseMore: Preset[] = [
  {
    id: 'olmo-2-7b',
    name: 'OLMo-2-7B',
    aliases: ['allenai/OLMo-2-1124-7B', 'olmo2-7b', 'olmo-2-1124-7b'],
    model: olmo2(4096, 32, 32, 11008),
    seq: 4096,
    published: rounded(7.3e9, `${OLMO2_SRC}: 7B (7.30B)`),
    trainedTokens: 4e12,
  },
  {
    id: 'olmo-2-13b',
    name: 'OLMo-2-13B',
    aliases: ['allenai/OLMo-2-1124-13B', 'olmo2-13b', 'olmo-2-1124-13b'],
    model: olmo2(5120, 40, 40, 13824),
    seq: 4096,
    published: rounded(13.7e9, `${OLMO2_SRC}: 13B (13.7B)`),
    trainedTokens: 5e12,
  },
  {
    id: 'mistral-large-2',
    name: 'Mistral-Large-2',
    aliases: ['mistralai/Mistral-Large-Instruct-2407', 'mistral-large-2407', 'mistral-large'],
    model: build({
      family: 'llama',
      d: 12288,
      layers: 88,
      heads: 96,
      kvHeads: 8,
      headDim: 128,
      ffn: 28672,
      vocab: 32768,
      maxSeq: 131072,
      activation: 'swiglu',
      norm: 'rmsnorm',
      position: 'rope',
      biases: 'none',
      tied: false,
      experts: 1,
      topk: 1,
      normsPerLayer: 2,
      finalNorm: true,
      embedNorm: false,
      typeVocab: 0,
      pooler: false,
      lmHeadBias: false,
      dropout: false,
    }),
    seq: 131072,
    published: rounded(
      123e9,
      'mistral.ai, "Large Enough" (Mistral Large 2 announcement): 123B parameters; mistralai/Mistral-Large-Instruct-2407 config.json',
    ),
  },
];

/** Gemma 3's language models (Gemma Team 2025, arXiv:2503.19786): the text_config of the multimodal checkpoints. */
const gemma3 = (
  size: string,
  d: number,
  layers: number,
  heads: number,
  kvHeads: number,
  headDim: number,
  ffn: number,
  report: number,
  tolerance: string,
) =>
  ({
    id: `gemma-3-${size}`,
    name: `Gemma-3-${size.toUpperCase()}`,
    aliases: [`gemma3-${size}`, `google/gemma-3-${size}-pt`, `gemma-3-${size}-it`, `google/gemma-3-${size}-it`],
    model: build({
      family: 'llama',
      d,
      layers,
      heads,
      kvHeads,
      headDim,
      ffn,
      vocab: 262208,
      maxSeq: 131072,
      activation: 'geglu',
      norm: 'rmsnorm',
      position: 'rope',
      biases: 'none',
      tied: true,
      experts: 1,
      topk: 1,
      normsPerLayer: 2,
      finalNorm: true,
      embedNorm: false,
      typeVocab: 0,
      pooler: false,
      lmHeadBias: false,
      postNorms: true,
      qkNorm: true,
      window: { size: 1024, globalEvery: 6 },
      dropout: false,
    }),
    seq: 131072,
    published: rounded(
      report,
      `Gemma Team 2025 (arXiv:2503.19786) Table 1: embedding + non-embedding parameters of the language model (${tolerance}); google/gemma-3-${size}-pt config.json (text_config)`,
    ),
    beyond: 'the checkpoint also holds the 417M SigLIP vision encoder (Table 1): the language model counted',
  }) satisfies Preset;
const gemma3Presets: Preset[] = [
  gemma3('4b', 2560, 34, 8, 4, 256, 10240, 3884e6, '675M + 3,209M; the non-embedding 3,209M exactly'),
  gemma3('12b', 3840, 48, 16, 8, 256, 15360, 11771e6, '1,012M + 10,759M; the non-embedding 10,759M exactly'),
  gemma3('27b', 5376, 62, 32, 16, 128, 21504, 27016e6, '1,416M + 25,600M; the non-embedding 25,600M exactly'),
];

const MAMBA_SRC =
  'Gu & Dao 2023 (arXiv:2312.00752): the Pile models named by size; state-spaces/mamba-*-hf config.json';
const mambaPreset = (size: string, d: number, layers: number, named: number): Preset => ({
  id: `mamba-${size}`,
  name: `Mamba-${size}`,
  aliases: [`state-spaces/mamba-${size}-hf`, `state-spaces/mamba-${size}`, `mamba1-${size}`],
  model: mamba({ family: 'mamba', d, layers, vocab: 50280, state: 16, expand: 2, conv: 4, tied: true }),
  seq: 2048,
  published: rounded(named, MAMBA_SRC),
  trainedTokens: 300e9,
});
const ssmPresets: Preset[] = [
  mambaPreset('130m', 768, 24, 130e6),
  mambaPreset('370m', 1024, 48, 370e6),
  mambaPreset('790m', 1536, 48, 790e6),
  mambaPreset('1.4b', 2048, 48, 1.4e9),
  mambaPreset('2.8b', 2560, 64, 2.8e9),
  {
    id: 'mamba2-2.7b',
    name: 'Mamba-2-2.7B',
    aliases: ['state-spaces/mamba2-2.7b', 'mamba-2-2.7b'],
    model: mamba2({
      family: 'mamba2',
      d: 2560,
      layers: 64,
      vocab: 50288,
      state: 128,
      expand: 2,
      headDim: 64,
      groups: 1,
      conv: 4,
      tied: true,
    }),
    seq: 2048,
    published: rounded(
      2.7e9,
      'Dao & Gu 2024 (arXiv:2405.21060) §9: Mamba-2 2.7B on the Pile; state-spaces/mamba2-2.7b config',
    ),
    trainedTokens: 300e9,
  },
  {
    id: 'jamba-v0.1',
    name: 'Jamba-v0.1',
    aliases: ['ai21labs/Jamba-v0.1', 'jamba'],
    model: jamba({
      family: 'jamba',
      d: 4096,
      layers: 32,
      vocab: 65536,
      heads: 32,
      kvHeads: 8,
      ffn: 14336,
      experts: 16,
      topk: 2,
      attnPeriod: 8,
      attnOffset: 4,
      expertPeriod: 2,
      expertOffset: 1,
      state: 16,
      expand: 2,
      conv: 4,
      dtRank: 256,
      convBias: true,
      projBias: false,
      tied: false,
      maxSeq: 262144,
    }),
    seq: 262144,
    published: rounded(
      52e9,
      'Lieber et al. 2024, Jamba (arXiv:2403.19887) and ai21labs/Jamba-v0.1 model card: 52B total, 12B active; its config.json',
    ),
  },
];

const t5Preset = (id: string, name: string, o: Parameters<typeof t5>[0], named: number, source: string): Preset => ({
  id,
  name,
  aliases: id.startsWith('flan') ? [`google/${id}`] : [`google-t5/${id}`, `${id.replace('t5-', 't5_')}`],
  model: t5(o),
  seq: 512,
  published: rounded(named, source),
});
const T5_SRC =
  'Raffel et al. 2020 (arXiv:1910.10683) §3.7: Small 60M, Base 220M, Large 770M, 3B, 11B; google-t5/t5-* config.json';
const FLAN_SRC = 'Chung et al. 2022 (arXiv:2210.11416): Flan-T5 80M, 250M, 780M, 3B, 11B; google/flan-t5-* config.json';
const T5_1 = (d: number, headDim: number, ffn: number, L: number, heads: number) => ({
  family: 't5',
  d,
  headDim,
  ffn,
  heads,
  encoderLayers: L,
  decoderLayers: L,
  vocab: 32128,
  buckets: 32,
  activation: 'relu' as const,
  tied: true,
});
const FLAN = (d: number, ffn: number, L: number, heads: number) => ({
  ...T5_1(d, 64, ffn, L, heads),
  activation: 'geglu' as const,
  tied: false,
});
const seq2seqPresets: Preset[] = [
  t5Preset('t5-small', 'T5-Small', T5_1(512, 64, 2048, 6, 8), 60e6, T5_SRC),
  t5Preset('t5-base', 'T5-Base', T5_1(768, 64, 3072, 12, 12), 220e6, T5_SRC),
  // The paper's 770M counts the 32,128 × 1,024 embedding twice; T5ForConditionalGeneration ties it: 737,668,096.
  t5Preset(
    't5-large',
    'T5-Large',
    T5_1(1024, 64, 4096, 24, 16),
    770e6,
    `${T5_SRC} (the 770M counts the tied embedding twice)`,
  ),
  t5Preset('t5-3b', 'T5-3B', T5_1(1024, 128, 16384, 24, 32), 3e9, T5_SRC),
  t5Preset('t5-11b', 'T5-11B', T5_1(1024, 128, 65536, 24, 128), 11e9, T5_SRC),
  t5Preset('flan-t5-small', 'Flan-T5-Small', FLAN(512, 1024, 8, 6), 80e6, FLAN_SRC),
  t5Preset('flan-t5-base', 'Flan-T5-Base', FLAN(768, 2048, 12, 12), 250e6, FLAN_SRC),
  t5Preset('flan-t5-large', 'Flan-T5-Large', FLAN(1024, 2816, 24, 16), 780e6, FLAN_SRC),
  t5Preset('flan-t5-xl', 'Flan-T5-XL', FLAN(2048, 5120, 24, 32), 3e9, FLAN_SRC),
  t5Preset('flan-t5-xxl', 'Flan-T5-XXL', FLAN(4096, 10240, 24, 64), 11e9, FLAN_SRC),
  ...(
    [
      ['base', 768, 6, 12, 3072, 140e6],
      ['large', 1024, 12, 16, 4096, 400e6],
    ] as const
  ).map(
    ([size, d, L, heads, ffn, named]): Preset => ({
      id: `bart-${size}`,
      name: `BART-${size === 'base' ? 'Base' : 'Large'}`,
      aliases: [`facebook/bart-${size}`, `bart_${size}`],
      model: bart({
        family: 'bart',
        d,
        heads,
        encoderLayers: L,
        decoderLayers: L,
        encoderFfn: ffn,
        decoderFfn: ffn,
        vocab: 50265,
        maxSeq: 1024,
      }),
      seq: 1024,
      published: rounded(
        named,
        `Lewis et al. 2019 (arXiv:1910.13461) and the fairseq BART README: bart.${size} ${named / 1e6}M; facebook/bart-${size} config.json`,
      ),
    }),
  ),
];

export const PRESETS_2026: Preset[] = [
  ...deepseekPresets,
  ...ossPresets,
  ...llama4Presets,
  ...moePresets,
  ...denseMore,
  ...gemma3Presets,
  ...ssmPresets,
  ...seq2seqPresets,
];
