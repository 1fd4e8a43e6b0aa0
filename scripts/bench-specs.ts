// The bench's inputs: varied specs as users type them (presets with settings, full configs, comparisons,
// solves, errors), drawn from a seeded generator so every run and every machine measures the same text.

// Language models first: comparisons and solves draw from these.
const LLMS = 'gpt2 gpt2-xl gpt3-175b llama-2-7b llama-2-13b llama-2-70b llama-3-8b llama-3-70b'.split(' ');
LLMS.push(...'llama-3.1-405b mistral-7b mixtral-8x7b mixtral-8x22b gemma-7b qwen2-7b phi-2 falcon-7b'.split(' '));
const PRESETS = [...LLMS, ...'bert-base bert-large vit-b-16 resnet50 vgg16'.split(' ')];
const GPUS = ['A100-80GB', 'A100-40GB', 'H100', 'H200', 'L4', 'A10G', 'RTX-4090', 'T4', 'MI300X', 'V100-32GB'];
const DTYPES = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'];
const OPTIMIZERS = ['adam', 'adamw', 'adam8bit', 'sgd', 'lion', 'adafactor'];
const SEQS = ['512', '1024', '2k', '4096', '8k', '32k'];

/** mulberry32: tiny, fast and seedable, so the specs are identical from run to run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/**
 * 0–4 settings a user adds after a model: precision, training or inference, hardware, shapes. One word
 * per group, so the specs measure answers rather than "conflicting values" errors (mistake() has those).
 */
function settings(r: Rand): string {
  const groups = [
    () => pick(r, DTYPES),
    () =>
      pick(r, [
        () => pick(r, OPTIMIZERS),
        () => `train ${pick(r, OPTIMIZERS)} tokens=${pick(r, ['300B', '1T', '2T', '15T'])}`,
        () => 'infer',
        () => `${pick(r, ['lora', 'qlora'])} r=${pick(r, [8, 16, 64])}`,
      ])(),
    () =>
      pick(r, [
        () => `${pick(r, [1, 2, 4, 16, 64])}x${pick(r, GPUS)}`,
        () => `gpu=${pick(r, GPUS)}`,
        () => `8x${pick(r, GPUS)} tp=${pick(r, [2, 4, 8])}`,
      ])(),
    () => pick(r, ['zero1', 'zero2', 'zero3', 'fsdp']),
    () => `seq=${pick(r, SEQS)}`,
    () => `batch=${pick(r, [1, 2, 4, 8, 32])}`,
    () => pick(r, ['recompute=full', 'recompute=selective', 'flash', 'checkpointing']),
  ];
  const chosen = groups.filter(() => r() < 0.3);
  return chosen.map((g) => g()).join(' ');
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

function preset(r: Rand): string {
  return join(pick(r, PRESETS), settings(r));
}

function config(r: Rand): string {
  const heads = pick(r, [8, 12, 16, 32, 64]);
  const d = heads * pick(r, [64, 128]);
  const L = int(r, 2, 96);
  switch (int(r, 0, 6)) {
    case 0:
      return join(`transformer d=${d} L=${L} heads=${heads} vocab=${int(r, 1000, 256000)}`, settings(r));
    case 1:
      return join(`llama d=${d} L=${L} heads=${heads} kv_heads=${heads / 4} ffn=${d * 3}`, settings(r));
    case 2:
      return join(`encoder d=${d} L=${L} heads=${heads}`, settings(r));
    case 3:
      return `mlp ${int(r, 16, 4096)}-${int(r, 16, 4096)}-${int(r, 2, 1000)} ${pick(r, DTYPES)}`;
    case 4:
      return `conv k=3 cin=${int(r, 3, 256)} cout=${int(r, 16, 512)} hw=${pick(r, [32, 56, 224])} + dense ${int(r, 64, 4096)}x10`;
    case 5:
      return `${pick(r, ['lstm', 'gru'])} in=${int(r, 32, 1024)} hidden=${int(r, 64, 2048)} layers=${int(r, 1, 4)}`;
    default:
      return JSON.stringify({
        hidden_size: d,
        num_hidden_layers: L,
        num_attention_heads: heads,
        intermediate_size: d * 4,
        vocab_size: int(r, 1000, 152000),
        model_type: pick(r, ['llama', 'mistral', 'gpt2']),
      });
  }
}

function comparison(r: Rand): string {
  const a = join(pick(r, LLMS), settings(r));
  const b = r() < 0.5 ? join(pick(r, LLMS), settings(r)) : pick(r, ['L=40', 'fp8', 'zero3 16xH100', 'seq=8k', 'bf16']);
  return `${a} vs ${b}`;
}

function solving(r: Rand): string {
  return join(
    pick(r, LLMS),
    pick(r, ['train adamw', 'infer bf16', 'qlora']),
    pick(r, GPUS),
    pick(r, ['batch=?', 'seq=?', 'gpus=?']),
  );
}

/** Mistakes users make: typos, impossible numbers, unknown words, half-written comparisons and JSON. */
function mistake(r: Rand): string {
  const name = pick(r, PRESETS);
  const at = int(r, 1, name.length - 1);
  return pick(r, [
    () => `${name.slice(0, at)}${name.slice(at + 1)} bf16`,
    () => `${name} d=-${int(r, 1, 99)}`,
    () => `transformer d=${int(r, 1, 9)}e9 L=32`,
    () => `${name} seq=lots`,
    () => `${name} vs`,
    () => `${name} ${pick(r, ['turbo', 'fp12', 'adamz'])} 8x${pick(r, GPUS)}`,
    () => '{"hidden_size": 4096, "num_hidden_layers": ',
    () => `${name} batch=0 %%%`,
  ])();
}

export const KINDS = { preset, config, comparison, solving, mistake };
export type Kind = keyof typeof KINDS;
/** Share of each kind, in percent. */
const MIX: [Kind, number][] = [
  ['preset', 40],
  ['config', 25],
  ['comparison', 17],
  ['solving', 6],
  ['mistake', 12],
];

/** The kind whose share of [0, 100) holds x. */
function kindAt(x: number): Kind {
  let left = x;
  for (const [kind, share] of MIX) {
    if (left < share) return kind;
    left -= share;
  }
  return 'preset';
}

/** `n` specs in the fixed mix; the same seed always gives the same list. */
export function specs(n: number, seed = 42): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(KINDS[kindAt(r() * 100)](r));
  }
  return out;
}

/** `n` specs that all solve for batch, seq or GPU count. */
export function solvingSpecs(n: number, seed = 7): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => solving(r));
}

export const MIX_TEXT = MIX.map(([k, p]) => `${k} ${p}%`).join(', ');

/**
 * Inputs of the chat platforms' full size (6,000 characters, the most napkin reads): a network of many
 * layers, a settings list, a config.json with many keys, and prose napkin does not know (an error).
 */
export function longSpecs(size = 6000): [string, string][] {
  const fill = (unit: (i: number) => string, sep: string, head = '', tail = '') => {
    let s = head;
    for (let i = 0; s.length + sep.length + unit(i).length + tail.length <= size; i++) s += (i ? sep : '') + unit(i);
    return s + tail;
  };
  return [
    ['layers', fill((i) => `dense ${64 + (i % 7)}x${64 + (i % 5)}`, ' + ')],
    [
      'settings',
      fill((i) => `seq=2048 batch=4 bf16 train adamw H100 gpus=8${i % 2 ? ' zero3' : ''}`, ' ', 'llama-2-7b '),
    ],
    ['config', fill((i) => `"extra_key_${i}": ${i}`, ', ', '{"hidden_size": 4096, "num_hidden_layers": 32, ', '}')],
    ['prose', fill((i) => ['please', 'estimate', 'the', 'memory', 'for', 'my', 'model'][i % 7], ' ')],
  ];
}
