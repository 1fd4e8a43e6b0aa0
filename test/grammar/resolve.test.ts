// Patch → Spec: the defaults each family and setting fills in, and that every one is listed in words.
import { describe, expect, it } from 'vitest';
import { outline } from '../../src/core/blueprint.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { specOf } from './helpers.js';

const tx = (text: string) => {
  const spec = specOf(text);
  expect(spec.model.kind).toBe('transformer');
  return { spec, m: outline(spec.model as TransformerModel) };
};

describe('families', () => {
  it('transformer = GPT-2 style', () => {
    const { spec, m } = tx('transformer d=4096 L=32');
    expect(m).toMatchObject({
      family: 'transformer',
      d: 4096,
      layers: 32,
      heads: 64,
      kvHeads: 64,
      headDim: 64,
      ffn: 16384,
      vocab: 50257,
      maxSeq: 2048,
      activation: 'gelu',
      norm: 'layernorm',
      position: 'learned',
      biases: 'all',
      tied: true,
      experts: 1,
      topk: 1,
      normsPerLayer: 2,
      finalNorm: true,
      embedNorm: false,
      typeVocab: 0,
      pooler: false,
      lmHeadBias: false,
    });
    expect(spec.name).toBe('transformer d=4096 L=32');
    expect(spec.assumptions).toEqual(
      expect.arrayContaining([
        'heads 64 = d/64 (GPT-2 style default head_dim 64)',
        'ffn 16384 = 4·d',
        'vocab 50257 (GPT-2 style default)',
        'tied input/output embeddings (GPT-2 style default)',
        'kv_heads 64 = heads (no grouped-query attention)',
        '2048 learned positions = seq',
      ]),
    );
  });

  it('llama = rotary, RMSNorm, no biases, SwiGLU, untied, Llama ffn rule, head_dim 128', () => {
    const { spec, m } = tx('llama d=4096 L=32');
    expect(m).toMatchObject({
      family: 'llama',
      heads: 32,
      headDim: 128,
      ffn: 11008,
      vocab: 32000,
      activation: 'swiglu',
      norm: 'rmsnorm',
      position: 'rope',
      biases: 'none',
      tied: false,
      finalNorm: true,
    });
    expect(spec.assumptions).toContain('heads 32 = d/128 (Llama style default head_dim 128)');
    expect(spec.assumptions).toContain('ffn 11008 = 256·ceil(8d/3 / 256) (Llama rule for gated MLPs)');
  });

  it('encoder = BERT style with token types, pooler and a 512-row position table', () => {
    const { spec, m } = tx('encoder d=768 L=12');
    expect(m).toMatchObject({
      family: 'encoder',
      heads: 12,
      ffn: 3072,
      vocab: 30522,
      maxSeq: 512,
      typeVocab: 2,
      pooler: true,
      embedNorm: true,
      finalNorm: false,
      position: 'learned',
      biases: 'all',
    });
    expect(spec.seq).toBe(512);
  });

  it('a switch to a gated MLP moves a defaulted ffn to the Llama rule', () => {
    expect(tx('transformer d=4096 L=32 swiglu').m.ffn).toBe(11008);
    expect(tx('transformer d=4096 L=32 geglu ffn=16384').m.ffn).toBe(16384);
  });

  it('switches override the family', () => {
    const { m } = tx('llama d=4096 L=32 gelu layernorm learned bias tied');
    expect(m).toMatchObject({
      activation: 'gelu',
      norm: 'layernorm',
      position: 'learned',
      biases: 'all',
      tied: true,
      ffn: 16384,
    });
  });

  it('heads from head_dim, head_dim from heads', () => {
    expect(tx('transformer d=4096 L=32 head_dim=128').m.heads).toBe(32);
    expect(tx('transformer d=4096 L=32 heads=16').m.headDim).toBe(256);
    expect(tx('llama d=3072 L=28 heads=16 head_dim=256').m).toMatchObject({ heads: 16, headDim: 256 });
  });

  it('MoE: top-2 by default, stated', () => {
    const { spec, m } = tx('llama d=4096 L=32 8 experts');
    expect(m).toMatchObject({ experts: 8, topk: 2 });
    expect(spec.assumptions).toContain("top-2 routing (Mixtral's default)");
    expect(tx('llama d=4096 L=32 8 experts top-1').m.topk).toBe(1);
  });

  it('sizes without a family are a GPT-2 style transformer, said so', () => {
    const { spec, m } = tx('d=1024 L=4');
    expect(m.family).toBe('transformer');
    expect(spec.assumptions).toContain('a GPT-2 style transformer (no family named)');
  });
});

describe('presets with overrides', () => {
  it('names the preset and what changed', () => {
    const { spec, m } = tx('llama-2-7b L=40');
    expect(spec.name).toBe('Llama-2-7B (L=40)');
    expect(spec.preset).toBe('llama-2-7b');
    expect(m).toMatchObject({ layers: 40, d: 4096, heads: 32, ffn: 11008 });
  });

  it('a new d keeps head_dim = d/heads and the Llama ffn rule when the preset followed them', () => {
    const { spec, m } = tx('llama-2-7b d=8192');
    expect(m).toMatchObject({ d: 8192, heads: 32, headDim: 256, ffn: 22016 });
    expect(spec.assumptions).toContain('head_dim 256 = d/heads (as in Llama-2-7B)');
  });

  it('new heads: MHA stays MHA, GQA keeps its KV heads', () => {
    expect(tx('llama-2-7b heads=64').m).toMatchObject({ heads: 64, kvHeads: 64, headDim: 64 });
    expect(tx('llama-2-70b heads=128').m).toMatchObject({ heads: 128, kvHeads: 8, headDim: 64 });
  });

  it('keeps the preset position table when seq changes (`gpt2 seq=512`)', () => {
    const { spec, m } = tx('gpt2 seq=512');
    expect(spec.seq).toBe(512);
    expect(m.maxSeq).toBe(1024);
  });

  it('experts on a dense preset route top-2', () => {
    expect(tx('llama-2-7b experts=8').m).toMatchObject({ experts: 8, topk: 2 });
    expect(tx('mixtral-8x7b').m).toMatchObject({ experts: 8, topk: 2 });
  });
});

describe('settings', () => {
  it('defaults for plain inference, each stated', () => {
    const spec = specOf('llama-2-7b');
    expect(spec).toMatchObject({
      mode: 'infer',
      optimizer: null,
      dtype: 'bf16',
      kvDtype: 'bf16',
      seq: 4096,
      batch: 1,
      gpus: 1,
      gpu: null,
      tp: 1,
      pp: 1,
      zero: 0,
      sp: false,
      mfu: 0.4,
      recompute: 'none',
      flash: true,
      causal: false,
      fp32Grads: false,
      chart: true,
      tokens: null,
      flopsBudget: null,
      solve: null,
      lora: null,
    });
    expect(spec.assumptions).toEqual(
      expect.arrayContaining([
        'dtype bf16 (default)',
        "seq 4096 (Llama-2-7B's context)",
        'FlashAttention on (default; `noflash` stores the s×s scores)',
        'attention counted in full (add `causal` to halve it)',
        'batch 1 (default)',
        'inference (default; add `train` to size training)',
      ]),
    );
  });

  it.each([
    ['llama-2-7b adam', 'train', 'adam'],
    ['llama-2-7b train', 'train', 'adamw'],
    ['llama-2-7b lora', 'train', 'adamw'],
    ['llama-2-7b recompute=selective', 'train', 'adamw'],
    ['llama-2-7b fp32-grads', 'train', 'adamw'],
    ['llama-2-7b zero3', 'train', 'adamw'],
    ['llama-2-7b tokens=1T', 'train', 'adamw'],
    ['llama-2-7b serve', 'infer', null],
    ['llama-2-7b', 'infer', null],
  ])('%s → mode %s, optimizer %s', (text, mode, optimizer) => {
    expect(specOf(text)).toMatchObject({ mode, optimizer });
  });

  it('training names its defaults', () => {
    expect(specOf('llama-2-7b train').assumptions).toEqual(
      expect.arrayContaining([
        'optimizer AdamW (default for training)',
        'MFU 40% (default)',
        'no activation recompute (default)',
      ]),
    );
  });

  it('LoRA: rank 8 and q,v targets by default (PEFT), stated', () => {
    const spec = specOf('llama-2-7b lora');
    expect(spec.lora).toEqual({ r: 8, quantized: false, targets: ['q', 'v'] });
    expect(spec.assumptions).toContain("LoRA on the q and v projections (PEFT's default for Llama)");
    expect(specOf('llama-2-7b lora r=16').lora?.r).toBe(16);
  });

  it('QLoRA: nf4 weights unless a quantized dtype is given (a 16-bit one is a conflict: settings-checks)', () => {
    expect(specOf('llama-2-7b qlora r=64')).toMatchObject({ dtype: 'nf4', lora: { r: 64, quantized: true } });
    expect(specOf('llama-2-7b qlora int8').dtype).toBe('int8');
  });

  it('KV cache follows dtype, but bf16 for quantised weights; kv_cache= overrides', () => {
    expect(specOf('llama-2-7b fp16').kvDtype).toBe('fp16');
    expect(specOf('llama-2-7b int4').kvDtype).toBe('bf16');
    expect(specOf('llama-2-7b int8').kvDtype).toBe('bf16');
    expect(specOf('llama-2-7b int4 kv_cache=fp8').kvDtype).toBe('fp8');
  });

  it('says how a length suffix was read', () => {
    expect(specOf('llama-2-7b 128k context').assumptions).toContain(
      'seq 128k = 131072 (k = 1024 and M = 1024² in lengths and widths)',
    );
    expect(specOf('llama-2-7b batch=1k').assumptions.join(' ')).not.toMatch(/1024/);
  });

  it('a model width in k is binary too: d=4k is 4096 (head_dim 64 × 64 heads), not 4000', () => {
    const spec = specOf('transformer d=4k L=32');
    expect((spec.model as { d: number }).d).toBe(4096);
    expect(spec.assumptions).toContain('d 4k = 4096 (k = 1024 and M = 1024² in lengths and widths)');
    expect((specOf('transformer d=4096 L=32 vocab=32k').model as { vocab: number }).vocab).toBe(32000);
  });

  it('seq: preset, else max_seq, else 2048 (encoder 512)', () => {
    expect(specOf('transformer d=512 L=2 max_seq=1024').seq).toBe(1024);
    expect(specOf('transformer d=512 L=2').seq).toBe(2048);
    expect(specOf('params=7B').seq).toBe(2048);
    expect(specOf('bert-base').seq).toBe(512);
  });

  it('GPUs: a bare GPU is one; tp·pp sets the count when none is given', () => {
    expect(specOf('llama-2-7b H100')).toMatchObject({ gpu: 'h100-sxm', gpus: 1 });
    expect(specOf('llama-2-7b H100').assumptions).toContain('1 GPU (a GPU named without a count)');
    expect(specOf('llama-2-7b tp=2 pp=2')).toMatchObject({ gpus: 4, tp: 2, pp: 2 });
  });

  it('questions become `solve`', () => {
    expect(specOf('llama-3-70b infer bf16 H100 gpus=?')).toMatchObject({ solve: 'gpus', gpu: 'h100-sxm' });
    expect(specOf('llama-2-7b A100 batch=?').solve).toBe('batch');
  });
});

describe('other models', () => {
  it('a bare count', () => {
    const spec = specOf('params=7B');
    expect(spec.model).toEqual({ kind: 'bare', params: 7e9 });
    expect(spec.name).toBe('7B params');
  });

  it('a network of layers; steps from seq, keras biases', () => {
    const mlp = specOf('mlp 784-512-10');
    expect(mlp.model).toEqual({
      kind: 'network',
      steps: 1,
      components: [
        { kind: 'dense', in: 784, out: 512, bias: true },
        { kind: 'dense', in: 512, out: 10, bias: true },
      ],
    });
    expect(mlp.name).toBe('dense 784x512 + dense 512x10');
    const lstm = specOf('lstm in=512 hidden=1024 layers=2 seq=100 keras');
    expect(lstm.model).toMatchObject({ steps: 100, components: [{ kind: 'rnn', biasConvention: 'keras', layers: 2 }] });
  });

  it('a CNN preset', () => {
    const spec = specOf('resnet50 batch=64');
    expect(spec.model.kind).toBe('network');
    expect(spec.batch).toBe(64);
  });
});

describe('Hugging Face repository names', () => {
  it('take the -hf of converted weights: the same preset and count', () => {
    for (const text of [
      'llama-2-7b-chat-hf',
      'meta-llama/Llama-2-7b-chat-hf',
      'Llama-2-7b-hf bf16',
      'codellama-7b-hf',
    ]) {
      expect(specOf(text).preset).toBe(text.startsWith('codellama') ? 'codellama-7b' : 'llama-2-7b');
    }
  });
  it('suggestions offer the presets’ own spellings, not derived -hf ones', async () => {
    const { presetCatalogue } = await import('../../grammar/lexicon.js');
    const names = presetCatalogue().names;
    expect(names).toContain('CodeLlama-7B');
    expect(names).not.toContain('CodeLlama-7B-hf');
  });
});

describe('look-alike characters from chat clients and phones', () => {
  it('read as the ASCII they look like, with carets still under what was written', async () => {
    const { errorOf } = await import('./helpers.js');
    expect(specOf('llama\u20112\u20117b seq=\uff14\uff10\uff19\uff16').seq).toBe(4096);
    expect(specOf('llama-2-7b\u00a0bf16').dtype).toBe('bf16');
    const text = 'llama\u20112\u20117b seq=\uff14\uff10\uff19\uff16 fp17';
    const e = errorOf(text);
    expect(text.slice(e.offset, e.offset + e.length)).toBe('fp17');
  });
});
