// One row per phrasing from issue 2: what the user typed → the patch fields it must produce.
import { describe, expect, it } from 'vitest';
import { fields, patchOf } from './helpers.js';

// Expected fields may be partial all the way down (a layer with only some of its fields).
type Row = [string, Record<string, unknown>];

const FAMILIES: Row[] = [
  ['transformer d=4096 L=32', { family: 'transformer', d: 4096, layers: 32 }],
  ['decoder d=768 L=12', { family: 'transformer', d: 768, layers: 12 }],
  ['gpt d=768 L=12', { family: 'transformer', d: 768, layers: 12 }],
  ['llama d=4096 L=32', { family: 'llama', d: 4096, layers: 32 }],
  ['encoder d=768 L=12', { family: 'encoder', d: 768, layers: 12 }],
  ['bert d=1024 L=24', { family: 'encoder', d: 1024, layers: 24 }],
  ['TRANSFORMER D=4096 l=32', { family: 'transformer', d: 4096, layers: 32 }],
];

const SWITCHES: Row[] = [
  ['transformer d=512 L=2 swiglu', { activation: 'swiglu' }],
  ['transformer d=512 L=2 gelu', { activation: 'gelu' }],
  ['transformer d=512 L=2 relu', { activation: 'relu' }],
  ['transformer d=512 L=2 geglu', { activation: 'geglu' }],
  ['transformer d=512 L=2 rmsnorm', { norm: 'rmsnorm' }],
  ['llama d=512 L=2 layernorm', { norm: 'layernorm' }],
  ['transformer d=512 L=2 rope', { position: 'rope' }],
  ['llama d=512 L=2 learned', { position: 'learned' }],
  ['transformer d=512 L=2 alibi', { position: 'alibi' }],
  ['llama d=512 L=2 bias', { biases: 'all' }],
  ['transformer d=512 L=2 nobias', { biases: 'none' }],
  ['llama d=512 L=2 tied', { tied: true }],
  ['transformer d=512 L=2 untied', { tied: false }],
  [
    'transformer d=512 L=2 activation=swiglu norm=rmsnorm pos=rope',
    { activation: 'swiglu', norm: 'rmsnorm', position: 'rope' },
  ],
];

const SIZES: Row[] = [
  ['transformer d_model=1024 L=2', { d: 1024 }],
  ['transformer hidden=1024 L=2', { d: 1024 }],
  ['transformer dim=1024 L=2', { d: 1024 }],
  ['transformer width=1024 L=2', { d: 1024 }],
  ['transformer d=1024 layers=6', { layers: 6 }],
  ['transformer d=1024 n_layers=6', { layers: 6 }],
  ['transformer d=1024 depth=6', { layers: 6 }],
  ['transformer d=1024 L=2 heads=16', { heads: 16 }],
  ['transformer d=1024 L=2 n_heads=16', { heads: 16 }],
  ['llama d=1024 L=2 kv_heads=2', { kvHeads: 2 }],
  ['llama d=1024 L=2 kv=2', { kvHeads: 2 }],
  ['llama d=1024 L=2 n_kv_heads=2', { kvHeads: 2 }],
  ['llama d=1024 L=2 gqa=2', { kvHeads: 2 }],
  ['llama d=1024 L=2 head_dim=64', { headDim: 64 }],
  ['llama d=1024 L=2 ffn=2816', { ffn: 2816 }],
  ['llama d=1024 L=2 d_ff=2816', { ffn: 2816 }],
  ['llama d=1024 L=2 ff=2816', { ffn: 2816 }],
  ['llama d=1024 L=2 intermediate=2816', { ffn: 2816 }],
  ['llama d=1024 L=2 vocab=32000', { vocab: 32000 }],
  ['llama d=1024 L=2 V=32000', { vocab: 32000 }],
  ['llama d=1024 L=2 vocab_size=32000', { vocab: 32000 }],
  ['llama d=1024 L=2 seq=4096', { seq: 4096 }],
  ['llama d=1024 L=2 ctx=4096', { seq: 4096 }],
  ['llama d=1024 L=2 context=4096', { seq: 4096 }],
  ['llama d=1024 L=2 seq_len=4096', { seq: 4096 }],
  ['transformer d=1024 L=2 max_seq=1024', { maxSeq: 1024 }],
  ['transformer d=1024 L=2 n_positions=1024', { maxSeq: 1024 }],
  ['transformer d=1024 L=2 max_position_embeddings=1024', { maxSeq: 1024 }],
  ['llama d=1024 L=2 batch=8', { batch: 8 }],
  ['llama d=1024 L=2 b=8', { batch: 8 }],
  ['llama d=1024 L=2 bs=8', { batch: 8 }],
  ['llama d=1024 L=2 experts=8', { experts: 8 }],
  ['llama d=1024 L=2 E=8', { experts: 8 }],
  ['llama d=1024 L=2 moe=8', { experts: 8 }],
  ['llama d=1024 L=2 E=8 topk=2', { topk: 2 }],
  ['llama d=1024 L=2 E=8 top_k=2', { topk: 2 }],
  ['llama d=1024 L=2 E=8 top-2', { topk: 2 }],
  ['params=7B', { params: 7e9 }],
];

const SEPARATORS: Row[] = [
  ['transformer d=4096 L=32', { d: 4096, layers: 32 }],
  ['transformer d:4096 L:32', { d: 4096, layers: 32 }],
  ['transformer d 4096 L 32', { d: 4096, layers: 32 }],
  ['transformer, d=4096, L=32', { d: 4096, layers: 32 }],
  ['transformer; d=4096; L=32', { d: 4096, layers: 32 }],
  ['transformer d = 4096 , L : 32', { d: 4096, layers: 32 }],
  ['transformer,d=4096,L=32', { d: 4096, layers: 32 }],
];

const VALUE_FIRST: Row[] = [
  ['llama 32 layers 4096 hidden', { layers: 32, d: 4096 }],
  ['llama d=4096 32 layers 8 experts top-2', { layers: 32, experts: 8, topk: 2 }],
  ['llama-2-7b 64 H100s', { gpus: 64, gpu: 'h100-sxm' }],
  ['llama-2-7b 2T tokens', { tokens: 2e12 }],
  ['7B params', { params: 7e9 }],
  ['a 7B model', { params: 7e9 }],
  ['llama-2-7b on a single H100', { gpu: 'h100-sxm' }],
  ['llama-2-7b 128k context', { seq: 131072 }],
  ['llama-2-7b 4k context', { seq: 4096 }],
  ['llama-2-7b 8 gpus H100', { gpus: 8, gpu: 'h100-sxm' }],
  ['llama d=4096 32 heads 8 kv_heads 32 layers', { heads: 32, kvHeads: 8, layers: 32 }],
];

const LAYERS: Row[] = [
  ['dense 1024x4096', { components: [{ kind: 'dense', in: 1024, out: 4096, bias: true }] }],
  ['dense in=1024 out=4096', { components: [{ kind: 'dense', in: 1024, out: 4096, bias: true }] }],
  ['linear 1024x4096 nobias', { components: [{ kind: 'dense', in: 1024, out: 4096, bias: false }] }],
  [
    'mlp 784-512-10',
    {
      components: [
        { kind: 'dense', in: 784, out: 512, bias: true },
        { kind: 'dense', in: 512, out: 10, bias: true },
      ],
    },
  ],
  [
    'conv k=3 cin=64 cout=128 hw=56 stride=1 pad=1',
    {
      components: [
        { kind: 'conv', kh: 3, kw: 3, cin: 64, cout: 128, hw: 56, stride: 1, pad: 1, groups: 1, bias: true },
      ],
    },
  ],
  [
    'conv k=7x5 cin=3 cout=64 stride=2 groups=1',
    {
      components: [
        { kind: 'conv', kh: 7, kw: 5, cin: 3, cout: 64, hw: null, stride: 2, pad: 3, groups: 1, bias: true },
      ],
    },
  ],
  [
    'lstm in=512 hidden=1024 layers=2',
    {
      components: [
        {
          kind: 'rnn',
          cell: 'lstm',
          in: 512,
          hidden: 1024,
          layers: 2,
          bidirectional: false,
          biasConvention: 'pytorch',
        },
      ],
    },
  ],
  [
    'gru in=512 hidden=1024 bidirectional',
    {
      components: [
        { kind: 'rnn', cell: 'gru', in: 512, hidden: 1024, layers: 1, bidirectional: true, biasConvention: 'pytorch' },
      ],
    },
  ],
  [
    'rnn in=64 hidden=128 keras',
    { components: [{ kind: 'rnn', cell: 'rnn', in: 64, hidden: 128, layers: 1 }], kerasBias: true },
  ],
  ['embedding vocab=50000 d=512', { components: [{ kind: 'embedding', vocab: 50000, d: 512 }] }],
  ['batchnorm c=64', { components: [{ kind: 'batchnorm', c: 64 }] }],
  [
    'embedding vocab=50000 d=512 + lstm in=512 hidden=512 + dense 512x50000',
    {
      components: [
        { kind: 'embedding', vocab: 50000, d: 512 },
        { kind: 'rnn', cell: 'lstm', in: 512, hidden: 512, layers: 1 },
        { kind: 'dense', in: 512, out: 50000 },
      ],
    },
  ],
  // `seq` after a layer is not one of its keys, so it is the spec's.
  ['lstm in=512 hidden=1024 seq=100', { seq: 100, components: [{ kind: 'rnn', cell: 'lstm', in: 512, hidden: 1024 }] }],
];

const PRECISION: Row[] = [
  ['llama-2-7b fp32', { dtype: 'fp32' }],
  ['llama-2-7b tf32', { dtype: 'tf32' }],
  ['llama-2-7b fp16', { dtype: 'fp16' }],
  ['llama-2-7b bf16', { dtype: 'bf16' }],
  ['llama-2-7b fp8', { dtype: 'fp8' }],
  ['llama-2-7b int8', { dtype: 'int8' }],
  ['llama-2-7b int4', { dtype: 'int4' }],
  ['llama-2-7b nf4', { dtype: 'nf4' }],
  ['llama-2-7b kv_cache=fp8', { kvDtype: 'fp8' }],
  ['llama-2-7b int4 kv_cache fp8', { dtype: 'int4', kvDtype: 'fp8' }],
  ['llama-2-7b dtype=fp16', { dtype: 'fp16' }],
];

const TRAINING: Row[] = [
  ['llama-2-7b adam', { optimizer: 'adam' }],
  ['llama-2-7b adamw', { optimizer: 'adamw' }],
  ['llama-2-7b adam8bit', { optimizer: 'adam8bit' }],
  ['llama-2-7b sgd', { optimizer: 'sgd' }],
  ['llama-2-7b momentum', { optimizer: 'momentum' }],
  ['llama-2-7b adafactor', { optimizer: 'adafactor' }],
  ['llama-2-7b lion', { optimizer: 'lion' }],
  ['llama-2-7b optimizer=lion', { optimizer: 'lion' }],
  ['llama-2-7b train', { mode: 'train' }],
  ['llama-2-7b infer', { mode: 'infer' }],
  ['llama-2-7b inference', { mode: 'infer' }],
  ['llama-2-7b serve', { mode: 'infer' }],
  ['llama-2-7b lora r=16', { lora: { r: 16, quantized: false } }],
  ['llama-2-7b r=16 lora', { lora: { r: 16, quantized: false } }],
  ['llama-2-7b qlora r=64', { lora: { r: 64, quantized: true } }],
  ['llama-2-7b lora', { lora: { r: 0, quantized: false } }],
  ['llama-2-7b recompute=none', { recompute: 'none' }],
  ['llama-2-7b recompute=selective', { recompute: 'selective' }],
  ['llama-2-7b recompute=full', { recompute: 'full' }],
  ['llama-2-7b recompute full', { recompute: 'full' }],
  ['llama-2-7b recompute', { recompute: 'full' }],
  ['llama-2-7b checkpointing', { recompute: 'full' }],
  ['llama-2-7b flash', { flash: true }],
  ['llama-2-7b noflash', { flash: false }],
  ['llama-2-7b fp32-grads', { fp32Grads: true }],
  ['llama-2-7b causal', { causal: true }],
];

const HARDWARE: Row[] = [
  ['llama-2-7b gpus=64', { gpus: 64 }],
  ['llama-2-7b 64xH100', { gpus: 64, gpu: 'h100-sxm' }],
  ['llama-2-7b 8x A100-80GB', { gpus: 8, gpu: 'a100-80gb' }],
  ['llama-2-7b 8 x A100 80GB', { gpus: 8, gpu: 'a100-80gb' }],
  ['llama-2-7b gpus=64 H100', { gpus: 64, gpu: 'h100-sxm' }],
  ['llama-2-7b H100', { gpu: 'h100-sxm' }],
  ['llama-2-7b gpu=A100', { gpu: 'a100-80gb' }],
  ['llama-2-7b tp=8', { tp: 8 }],
  ['llama-2-7b pp=4', { pp: 4 }],
  ['llama-2-7b zero=1', { zero: 1 }],
  ['llama-2-7b zero=2', { zero: 2 }],
  ['llama-2-7b zero=3', { zero: 3 }],
  ['llama-2-7b zero3', { zero: 3 }],
  ['llama-2-7b ZeRO-3', { zero: 3 }],
  ['llama-2-7b fsdp', { zero: 3 }],
  ['llama-2-7b sp', { sp: true }],
];

const BUDGET: Row[] = [
  ['llama-2-7b tokens=1.4T', { tokens: 1.4e12 }],
  ['llama-2-7b data=1.4T', { tokens: 1.4e12 }],
  ['llama-2-7b train_tokens=1.4T', { tokens: 1.4e12 }],
  ['llama-2-7b mfu=40%', { mfu: 0.4 }],
  ['llama-2-7b mfu=0.4', { mfu: 0.4 }],
  ['llama-2-7b flops=1e24', { flopsBudget: 1e24 }],
  ['compute budget 3.14e23', { flopsBudget: 3.14e23 }],
  ['compute budget=1e24', { flopsBudget: 1e24 }],
  ['llama-2-7b flops budget 1e24', { flopsBudget: 1e24 }],
];

const PRESETS: Row[] = [
  ['llama-2-7b', { preset: 'llama-2-7b' }],
  ['llama2 7b', { preset: 'llama-2-7b' }],
  ['llama 2 7b', { preset: 'llama-2-7b' }],
  ['Llama-3-70B', { preset: 'llama-3-70b' }],
  ['mixtral-8x7b', { preset: 'mixtral-8x7b' }],
  ['mixtral 8x7b', { preset: 'mixtral-8x7b' }],
  ['gpt2-xl', { preset: 'gpt2-xl' }],
  ['bert-base', { preset: 'bert-base' }],
  ['resnet50', { preset: 'resnet50' }],
  ['mistral-7b', { preset: 'mistral-7b' }],
  ['meta-llama/Llama-2-7b-hf', { preset: 'llama-2-7b' }],
  ['llama-2-7b seq=8192 L=40', { preset: 'llama-2-7b', seq: 8192, layers: 40 }],
];

const QUESTIONS: Row[] = [
  ['llama-2-7b A100 batch=?', { solve: 'batch' }],
  ['llama-2-7b A100 seq=?', { solve: 'seq' }],
  ['llama-3-70b infer bf16 H100 gpus=?', { solve: 'gpus', gpu: 'h100-sxm', mode: 'infer', dtype: 'bf16' }],
];

const NUMBERS: Row[] = [
  ['params=1_000_000', { params: 1e6 }],
  ['llama-2-7b flops=1e24', { flopsBudget: 1e24 }],
  ['llama-2-7b seq=2^20', { seq: 1048576 }],
  ['params=7.5B', { params: 7.5e9 }],
  ['params=7G', { params: 7e9 }],
  ['params=350M', { params: 350e6 }],
  ['params=1.5t', { params: 1.5e12 }],
  ['llama-2-7b tokens=300b', { tokens: 300e9 }],
  ['llama-2-7b batch=1k', { batch: 1000 }],
  ['llama-2-7b seq=32k', { seq: 32768 }],
  ['llama-2-7b seq=128K', { seq: 131072 }],
  ['llama-2-7b max_seq=4k', { maxSeq: 4096 }],
  ['llama-2-7b seq=1M', { seq: 1048576 }],
  ['llama-2-7b mfu=55%', { mfu: 0.55 }],
  ['llama-2-7b tokens=1.4e12', { tokens: 1.4e12 }],
];

describe.each([
  ['families', FAMILIES],
  ['architecture switches', SWITCHES],
  ['sizes and aliases', SIZES],
  ['separators', SEPARATORS],
  ['value-first forms', VALUE_FIRST],
  ['classic layers', LAYERS],
  ['precision', PRECISION],
  ['training', TRAINING],
  ['hardware and parallelism', HARDWARE],
  ['budget', BUDGET],
  ['presets', PRESETS],
  ['questions', QUESTIONS],
  ['numbers', NUMBERS],
])('%s', (_name, rows) => {
  it.each(rows as Row[])('%s', (text, expected) => {
    expect(fields(patchOf(text))).toMatchObject(expected);
  });
});

describe('spans', () => {
  it('records where each field was written', () => {
    const text = 'llama-2-7b bf16 L=40 64xH100';
    const p = patchOf(text);
    const at = (f: string) => text.slice(p.spans[f]!.offset, p.spans[f]!.offset + p.spans[f]!.length);
    expect([at('preset'), at('dtype'), at('layers'), at('gpus')]).toEqual(['llama-2-7b', 'bf16', 'L=40', '64xH100']);
  });

  it('covers a value-first phrase from number to key', () => {
    const text = 'llama-2-7b 128k context';
    const s = patchOf(text).spans.seq!;
    expect(text.slice(s.offset, s.offset + s.length)).toBe('128k context');
  });
});
