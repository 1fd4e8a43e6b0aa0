// Every word napkin understands, as data: kind, canonical name, aliases, and what it sets. Keys are
// case-insensitive, so each alias appears once across the whole table (lexicon.ts checks at start-up).
import type { Solve } from '../src/core/spec.js';

/** Words that set one field to one value (`fp16`, `swiglu`, `zero3`, `train`). */
export type SetterKind = 'family' | 'switch' | 'dtype' | 'optimizer' | 'mode' | 'flag' | 'choice';
export type WordKind = SetterKind | 'component' | 'vs' | 'times' | 'filler';

export interface WordDef {
  kind: WordKind;
  name: string;
  aliases: string[];
  /** Patch field (or component field) it sets; for `choice` words, the choice key's `accepts`. */
  field?: string;
  value?: unknown;
}

/** A key that takes a number: `L=32`, `32 layers`, `seq 4k`. */
export interface NumKeyDef {
  kind: 'numKey';
  name: string;
  aliases: string[];
  field: string;
  /** Largest sensible value and the unit named in the message ("over the limit of 1e5 layers"). */
  max: number;
  unit: string;
  min?: 0 | 1;
  /** Fractions allowed (mfu); otherwise a whole number is required. */
  fraction?: true;
  /** A length or a model width: `k` = 1024 and `M` = 2^20 ("4k context" = 4096, `d=4k` = 4096). */
  length?: true;
  /** `%` allowed. */
  percent?: true;
  solve?: Solve;
  /** Only meaningful inside a component (`conv k=3`, `dense in=1024`). */
  component?: true;
}

/** A key that takes a word: `kv_cache=fp8`, `recompute=selective`. */
export interface ChoiceKeyDef {
  kind: 'choiceKey';
  name: string;
  aliases: string[];
  field: string;
  /** The value words accepted: those whose `field` equals this. */
  accepts: string;
  /** Value when the key stands alone (`recompute` = full). */
  bare?: unknown;
}

export type Entry = WordDef | NumKeyDef | ChoiceKeyDef;

const w = (kind: WordKind, name: string, aliases: string[], field?: string, value?: unknown): WordDef => ({
  kind,
  name,
  aliases,
  field,
  value,
});
const n = (name: string, aliases: string[], field: string, max: number, unit: string, extra: Partial<NumKeyDef> = {}) =>
  ({ kind: 'numKey', name, aliases, field, max, unit, ...extra }) as NumKeyDef;
const c = (name: string, aliases: string[], field: string, accepts: string, bare?: unknown): ChoiceKeyDef => ({
  kind: 'choiceKey',
  name,
  aliases,
  field,
  accepts,
  bare,
});

export const ENTRIES: Entry[] = [
  w('family', 'transformer', ['decoder', 'gpt', 'decoder-only', 'gpt-style'], 'family', 'transformer'),
  w('family', 'llama', ['llama-style', 'llama-like'], 'family', 'llama'),
  w('family', 'encoder', ['bert', 'encoder-only', 'bert-style'], 'family', 'encoder'),

  w('switch', 'swiglu', ['silu', 'swish'], 'activation', 'swiglu'),
  w('switch', 'gelu', ['gelu_new', 'gelu-new'], 'activation', 'gelu'),
  w('switch', 'relu', [], 'activation', 'relu'),
  w('switch', 'geglu', [], 'activation', 'geglu'),
  w('switch', 'reglu', [], 'activation', 'reglu'),
  w('switch', 'rmsnorm', ['rms', 'rms-norm', 'rms_norm'], 'norm', 'rmsnorm'),
  w('switch', 'layernorm', ['ln', 'layer-norm', 'layer_norm'], 'norm', 'layernorm'),
  w('switch', 'rope', ['rotary'], 'position', 'rope'),
  w('switch', 'learned', ['absolute', 'learned-positions', 'learned-pos'], 'position', 'learned'),
  w('switch', 'alibi', [], 'position', 'alibi'),
  w('switch', 'bias', ['biases', 'with-bias'], 'biases', 'all'),
  w('switch', 'nobias', ['no-bias', 'no_bias', 'no-biases', 'bias-free', 'biasless'], 'biases', 'none'),
  w('switch', 'qkv-bias', ['qkv_bias', 'qkvbias'], 'biases', 'qkv'),
  w('switch', 'attn-bias', ['attention-bias', 'attention_bias', 'attnbias'], 'biases', 'attn'),
  w('switch', 'tied', ['tie', 'tied-embeddings', 'tie-embeddings', 'tie_word_embeddings'], 'tied', true),
  w('switch', 'untied', ['untie', 'no-tie', 'untied-embeddings'], 'tied', false),

  w('dtype', 'fp32', ['float32', 'f32', 'float'], 'dtype', 'fp32'),
  w('dtype', 'tf32', ['tensorfloat32'], 'dtype', 'tf32'),
  w('dtype', 'fp16', ['float16', 'f16', 'half'], 'dtype', 'fp16'),
  w('dtype', 'bf16', ['bfloat16', 'bfloat'], 'dtype', 'bf16'),
  w('dtype', 'fp8', ['float8', 'f8', 'e4m3'], 'dtype', 'fp8'),
  w('dtype', 'int8', ['8bit', '8-bit', 'i8'], 'dtype', 'int8'),
  w('dtype', 'int4', ['4bit', '4-bit', 'i4'], 'dtype', 'int4'),
  w('dtype', 'nf4', [], 'dtype', 'nf4'),

  w('optimizer', 'adam', [], 'optimizer', 'adam'),
  w('optimizer', 'adamw', ['adam-w'], 'optimizer', 'adamw'),
  w(
    'optimizer',
    'adam8bit',
    ['adam-8bit', 'adam_8bit', 'adamw8bit', 'adamw-8bit', '8bit-adam', 'bnb-adam'],
    'optimizer',
    'adam8bit',
  ),
  w('optimizer', 'sgd', [], 'optimizer', 'sgd'),
  w('optimizer', 'momentum', ['sgd-momentum', 'sgdm', 'nesterov'], 'optimizer', 'momentum'),
  w('optimizer', 'adafactor', [], 'optimizer', 'adafactor'),
  w('optimizer', 'lion', [], 'optimizer', 'lion'),

  w('mode', 'train', ['training', 'finetune', 'fine-tune', 'finetuning', 'pretrain', 'pretraining'], 'mode', 'train'),
  w('mode', 'infer', ['inference', 'serve', 'serving', 'generate', 'generation'], 'mode', 'infer'),

  w('flag', 'lora', [], 'lora', false),
  w('flag', 'qlora', ['q-lora'], 'lora', true),
  w('flag', 'flash', ['flash-attn', 'flash_attn', 'flashattention', 'flash-attention', 'fa2'], 'flash', true),
  w('flag', 'noflash', ['no-flash', 'no_flash', 'eager'], 'flash', false),
  w('flag', 'fp32-grads', ['fp32_grads', 'fp32grads', 'fp32-gradients'], 'fp32Grads', true),
  w('flag', 'sp', ['sequence-parallel', 'sequence_parallel', 'seq-parallel'], 'sp', true),
  w('flag', 'causal', ['causal-mask'], 'causal', true),
  w('flag', 'bidirectional', ['bidir', 'bi', 'birnn'], 'bidirectional', true),
  w('flag', 'keras', [], 'kerasBias', true),
  w('flag', 'zero0', ['zero-0', 'zero_0', 'ddp'], 'zero', 0),
  w('flag', 'zero1', ['zero-1', 'zero_1'], 'zero', 1),
  w('flag', 'zero2', ['zero-2', 'zero_2'], 'zero', 2),
  w('flag', 'zero3', ['zero-3', 'zero_3', 'fsdp'], 'zero', 3),
  w(
    'flag',
    'checkpointing',
    ['gradient-checkpointing', 'gradient_checkpointing', 'activation-checkpointing', 'grad-ckpt', 'ckpt'],
    'recompute',
    'full',
  ),
  w('flag', 'chart', [], 'chart', true),
  w('flag', 'nochart', ['no-chart', 'no_chart'], 'chart', false),

  w('choice', 'none', [], 'recompute', 'none'),
  w('choice', 'selective', [], 'recompute', 'selective'),
  w('choice', 'full', [], 'recompute', 'full'),

  w('component', 'dense', ['linear', 'fc', 'fully-connected'], 'dense'),
  w('component', 'mlp', [], 'mlp'),
  w('component', 'conv', ['conv2d', 'convolution'], 'conv'),
  w('component', 'lstm', [], 'lstm'),
  w('component', 'gru', [], 'gru'),
  w('component', 'rnn', [], 'rnn'),
  w('component', 'embedding', ['embed', 'embeddings', 'emb'], 'embedding'),
  w('component', 'batchnorm', ['bn', 'batch-norm', 'batchnorm2d'], 'batchnorm'),

  w('vs', 'vs', ['versus'], undefined),
  w('times', 'x', [], undefined),
  w('filler', 'a', ['an', 'the', 'on', 'with', 'using', 'and', 'of', 'at', 'for', 'single', 'one'], undefined),

  // A model width is a power-of-two-ish size like a length: `d=4k` means 4096, as `seq=4k` does.
  n('d', ['d_model', 'hidden', 'dim', 'width', 'hidden_size', 'n_embd', 'model_dim', 'd-model'], 'd', 1e7, 'd', {
    length: true,
  }),
  n(
    'L',
    ['layers', 'layer', 'n_layers', 'n_layer', 'num_layers', 'num_hidden_layers', 'depth', 'blocks'],
    'layers',
    1e5,
    'layers',
  ),
  n(
    'heads',
    ['n_heads', 'n_head', 'head', 'num_heads', 'num_attention_heads', 'attention_heads'],
    'heads',
    1e5,
    'heads',
  ),
  n(
    'kv_heads',
    ['kv', 'n_kv_heads', 'gqa', 'kv-heads', 'kvheads', 'num_key_value_heads', 'n_kv'],
    'kvHeads',
    1e5,
    'KV heads',
  ),
  n('head_dim', ['headdim', 'head-dim', 'd_head', 'dhead', 'head_size'], 'headDim', 1e5, 'head_dim'),
  n(
    'ffn',
    ['d_ff', 'ff', 'ffn_dim', 'intermediate', 'intermediate_size', 'n_inner', 'mlp_dim', 'd_ffn'],
    'ffn',
    1e8,
    'ffn',
  ),
  n('vocab', ['v', 'vocab_size', 'n_vocab', 'vocabulary'], 'vocab', 1e8, 'vocabulary entries'),
  n(
    'seq',
    ['ctx', 'context', 'seq_len', 'seqlen', 'sequence', 'sequence_length', 'context_length', 'len'],
    'seq',
    1e8,
    'tokens of sequence',
    {
      length: true,
      solve: 'seq',
    },
  ),
  n(
    'max_seq',
    ['n_positions', 'max_position_embeddings', 'max_seq_len', 'max_len', 'positions', 'n_ctx'],
    'maxSeq',
    1e8,
    'positions',
    {
      length: true,
    },
  ),
  n(
    'batch',
    ['b', 'bs', 'batch_size', 'micro_batch', 'microbatch', 'micro-batch', 'mbs'],
    'batch',
    1e7,
    'sequences per batch',
    {
      solve: 'batch',
    },
  ),
  n('experts', ['e', 'moe', 'n_experts', 'num_experts', 'num_local_experts', 'expert'], 'experts', 1e5, 'experts'),
  n(
    'topk',
    ['top_k', 'top-k', 'num_experts_per_tok', 'experts_per_token', 'active_experts'],
    'topk',
    1e5,
    'active experts',
  ),
  // `model` for "a 7B model".
  n('params', ['parameters', 'param', 'n_params', 'num_params', 'nparams', 'model'], 'params', 1e15, 'parameters'),
  n('gpus', ['gpu', 'n_gpus', 'num_gpus', 'ngpus', 'devices', 'world_size'], 'gpus', 1e7, 'GPUs', { solve: 'gpus' }),
  n(
    'tp',
    ['tensor_parallel', 'tensor-parallel', 'tp_size', 'tensor_parallel_size'],
    'tp',
    1e7,
    'tensor-parallel ranks',
  ),
  n('pp', ['pipeline_parallel', 'pipeline-parallel', 'pp_size', 'pipeline'], 'pp', 1e7, 'pipeline stages'),
  n('zero', ['zero_stage', 'zero-stage'], 'zero', 3, '(ZeRO stages are 0-3)', { min: 0 }),
  n('tokens', ['data', 'train_tokens', 'training_tokens', 'dataset', 'token'], 'tokens', 1e18, 'training tokens'),
  n('mfu', ['utilization', 'util'], 'mfu', 1, '(MFU is a fraction: 40% or 0.4)', { fraction: true, percent: true }),
  n('flops', ['compute', 'budget', 'flop', 'flops_budget', 'compute_budget'], 'flopsBudget', 1e32, 'FLOPs'),
  n('r', ['rank', 'lora_r', 'lora_rank', 'lora-r'], 'r', 1e5, 'LoRA rank'),
  n('steps', ['timesteps', 'time_steps'], 'steps', 1e8, 'time steps'),

  n('in', ['in_features', 'input', 'inputs', 'input_size', 'in_dim', 'n_in'], 'in', 1e8, 'inputs', { component: true }),
  n('out', ['out_features', 'output', 'outputs', 'out_dim', 'n_out'], 'out', 1e8, 'outputs', { component: true }),
  n('k', ['kernel', 'kernel_size', 'ksize'], 'k', 1e4, 'kernel size', { component: true }),
  n('kh', ['kernel_h'], 'kh', 1e4, 'kernel height', { component: true }),
  n('kw', ['kernel_w'], 'kw', 1e4, 'kernel width', { component: true }),
  n('cin', ['in_channels', 'c_in', 'ch_in', 'channels_in'], 'cin', 1e8, 'input channels', { component: true }),
  n('cout', ['out_channels', 'c_out', 'ch_out', 'channels_out', 'filters'], 'cout', 1e8, 'output channels', {
    component: true,
  }),
  n('hw', ['resolution', 'image_size', 'spatial'], 'hw', 1e6, 'pixels a side', { component: true }),
  n('stride', [], 'stride', 1e4, 'stride', { component: true }),
  n('pad', ['padding'], 'pad', 1e4, 'padding', { component: true, min: 0 }),
  n('groups', [], 'groups', 1e8, 'groups', { component: true }),
  n('c', ['channels', 'num_features'], 'c', 1e8, 'channels', { component: true }),

  c('kv_cache', ['kv_dtype', 'kvcache', 'kv-cache', 'kv_cache_dtype', 'cache_dtype'], 'kvDtype', 'dtype'),
  c('dtype', ['precision', 'weights', 'weight_dtype', 'torch_dtype'], 'dtype', 'dtype'),
  c('recompute', ['remat', 'recomputation', 'activation_recompute', 'checkpoint'], 'recompute', 'recompute', 'full'),
  c('optimizer', ['opt', 'optim'], 'optimizer', 'optimizer'),
  c('mode', [], 'mode', 'mode'),
  c('activation', ['act', 'hidden_act', 'activation_function'], 'activation', 'activation'),
  c('norm', ['normalization'], 'norm', 'norm'),
  c('position', ['pos', 'position_embedding', 'pe'], 'position', 'position'),
];

/** Which keys each component takes, by canonical name (`hidden` is an alias of `d`, `layers` of `L`). */
export const COMPONENT_KEYS: Record<string, readonly string[]> = {
  dense: ['in', 'out'],
  mlp: [],
  conv: ['k', 'kh', 'kw', 'cin', 'cout', 'hw', 'stride', 'pad', 'groups'],
  lstm: ['in', 'd', 'L'],
  gru: ['in', 'd', 'L'],
  rnn: ['in', 'd', 'L'],
  embedding: ['vocab', 'd'],
  batchnorm: ['c'],
};

/** Component words that take `bias`/`nobias` and `bidirectional`. */
export const COMPONENT_FLAGS: Record<string, readonly string[]> = {
  dense: ['biases'],
  mlp: ['biases'],
  conv: ['biases'],
  lstm: ['bidirectional'],
  gru: ['bidirectional'],
  rnn: ['bidirectional'],
};
