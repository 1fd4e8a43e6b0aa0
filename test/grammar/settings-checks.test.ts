// Settings checked against the model: gradient precision words, tp against KV heads, ZeRO at dp = 1,
// and seq past a RoPE/ALiBi model's context.
import { describe, expect, it } from 'vitest';
import { validTp } from '../../grammar/settings.js';
import { errorOf, specOf } from './helpers.js';

const notesOf = (text: string) => specOf(text).assumptions;

describe('the gradient note says what is counted (core/dtypes.ts trainableBytes)', () => {
  it.each(['int8', 'int4', 'nf4'])('%s full training counts bf16 gradients, and says so', (d) => {
    const notes = notesOf(`llama-2-7b ${d} train`);
    expect(notes).toContain(
      `gradients in bf16 (${d} weights train with 16-bit gradients; add \`fp32-grads\` for fp32)`,
    );
    expect(notes.some((n) => n.startsWith(`gradients in ${d}`))).toBe(false);
  });
  it.each(['bf16', 'fp16', 'fp32'])('%s gradients are counted at the weights’ width', (d) => {
    expect(notesOf(`llama-2-7b ${d} train`)).toContain(`gradients in ${d} (add \`fp32-grads\` for fp32)`);
  });
  it('fp8 training keeps bf16 gradients (fp8 only inside the matmuls), and says so', () => {
    expect(notesOf('llama-2-7b fp8 train')).toContain(
      'gradients in bf16 (fp8 training keeps 16-bit gradients; add `fp32-grads` for fp32)',
    );
  });
  it('no gradient note when fp32-grads is written or for LoRA', () => {
    expect(notesOf('llama-2-7b int8 train fp32-grads').some((n) => n.startsWith('gradients in bf16'))).toBe(false);
    expect(notesOf('llama-2-7b qlora').some((n) => n.startsWith('gradients in'))).toBe(false);
  });
});

describe('tp against the KV heads', () => {
  it('refuses a tp that splits KV heads (12 KV heads over 8 ranks), at the tp= span', () => {
    const text = 'llama d=3072 L=28 heads=24 kv_heads=12 infer tp=8';
    const e = errorOf(text);
    expect(e).toMatchObject({
      code: 'indivisible',
      message: 'tp=8 does not split the 12 KV heads evenly (1.5 per rank)',
      offset: text.indexOf('tp=8'),
      length: 4,
      hint: 'each rank holds whole KV heads (tp divides kv_heads) or a copy of them (tp a multiple of kv_heads): tp=1, 2, 3, 4, 6, 12 or 24',
    });
  });
  it('refuses it for training too', () => {
    const text = 'llama d=3072 L=28 heads=24 kv_heads=8 train tp=12 gpus=12';
    expect(errorOf(text)).toMatchObject({ code: 'indivisible', offset: text.indexOf('tp=12'), length: 5 });
  });
  it('accepts whole KV heads per rank and replicated KV heads', () => {
    expect(specOf('llama d=3072 L=28 heads=24 kv_heads=12 infer tp=6').tp).toBe(6);
    expect(specOf('llama d=3072 L=28 heads=24 kv_heads=12 infer tp=24').tp).toBe(24);
    expect(specOf('llama-3-70b tp=16').tp).toBe(16); // 8 KV heads, replicated twice
    expect(specOf('mixtral-8x7b tp=8').tp).toBe(8);
    expect(specOf('gemma-2b tp=8').tp).toBe(8); // multi-query: one KV head on every rank
    expect(specOf('llama-2-70b tp=64 infer').tp).toBe(64);
  });
  it('the heads check lists the valid tp values', () => {
    const text = 'llama-2-7b tp=3';
    expect(errorOf(text)).toMatchObject({
      code: 'indivisible',
      message: 'tp=3 does not divide the 32 attention heads',
      offset: 11,
      length: 4,
      hint: 'pick a tp that divides the heads: tp=1, 2, 4, 8, 16 or 32',
    });
    expect(errorOf('falcon-7b tp=2').hint).toBe('pick a tp that divides the heads: tp=1 or 71');
  });
  it('validTp: divisors of the heads that divide, or are multiples of, the KV heads', () => {
    expect(validTp(24, 12)).toEqual([1, 2, 3, 4, 6, 12, 24]);
    expect(validTp(28, 4)).toEqual([1, 2, 4, 28]);
    expect(validTp(64, 8)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(validTp(1, 1)).toEqual([1]);
  });
});

describe('ZeRO with a data-parallel degree of 1', () => {
  it('one GPU: says nothing is sharded, suggesting the GPU as written', () => {
    expect(notesOf('llama-2-7b zero3 A100-80GB')).toContain(
      'ZeRO-3 with dp = 1 shards nothing: give more GPUs (e.g. `8xA100-80GB`) to shard',
    );
    expect(notesOf('llama-2-7b fsdp gpu=h100')).toContain(
      'FSDP with dp = 1 shards nothing: give more GPUs (e.g. `8xh100`) to shard',
    );
    expect(notesOf('llama-2-7b zero=2 train')).toContain(
      'ZeRO-2 with dp = 1 shards nothing: give more GPUs (e.g. `gpus=8`) to shard',
    );
  });
  it('all GPUs taken by tp·pp', () => {
    expect(notesOf('llama-2-7b zero3 8xA100-80GB tp=8')).toContain(
      'ZeRO-3 with dp = gpus/(tp·pp) = 8/8 = 1 shards nothing: give more GPUs than tp·pp = 8 (e.g. `16xA100-80GB`) to shard',
    );
  });
  it('no note when dp > 1, without ZeRO, for gpus=? or inference', () => {
    const none = (t: string) => expect(notesOf(t).some((n) => n.includes('shards nothing'))).toBe(false);
    none('llama-2-7b zero3 8xA100-80GB');
    none('llama-2-7b zero3 16xA100-80GB tp=8');
    none('llama-2-7b train A100-80GB');
    none('llama-2-7b zero0 train A100-80GB');
    none('llama-2-7b zero3 H100 gpus=?');
    none('llama-2-7b infer A100-80GB');
  });
  it('the suggested spelling parses and shards', () => {
    expect(specOf('llama-2-7b zero3 16xA100-80GB tp=8').gpus).toBe(16);
    expect(specOf('llama-2-7b fsdp 8xh100').gpus).toBe(8);
  });
});

describe('seq past a RoPE/ALiBi model’s context', () => {
  it('a preset: noted with its name and context', () => {
    expect(notesOf('llama-2-7b seq=8192')).toContain(
      "seq 8192 is past Llama-2-7B's 4,096-token context (RoPE): sized as asked, but the model was not trained that long",
    );
    expect(notesOf('llama-2-7b seq=1e8')).toContain(
      "seq 100000000 is past Llama-2-7B's 4,096-token context (RoPE): sized as asked, but the model was not trained that long",
    );
  });
  it('a written max_seq is the context', () => {
    expect(notesOf('llama d=4096 L=32 max_seq=4096 seq=8192')).toContain(
      "seq 8192 is past the model's 4,096-token context (RoPE): sized as asked, but the model was not trained that long",
    );
    expect(notesOf('transformer d=1024 L=12 position=alibi max_seq=2048 seq=4096')).toContain(
      "seq 4096 is past the model's 2,048-token context (ALiBi): sized as asked, but the model was not trained that long",
    );
  });
  it('no note within the context, with an overridden max_seq, or with no known context', () => {
    const none = (t: string) => expect(notesOf(t).some((n) => n.includes('context ('))).toBe(false);
    none('llama-2-7b seq=4096');
    none('mistral-7b seq=16384'); // max_position_embeddings 32,768
    none('llama-2-7b max_seq=8192 seq=8192');
    none('llama d=4096 L=32 seq=8192');
  });
  it('learned positions keep their note', () => {
    expect(notesOf('gpt2 seq=2048')).toContain('seq 2048 is longer than the 1024 learned positions (counted as given)');
  });
  it('seq=? names the context it may exceed (RoPE/ALiBi; learned positions are flagged by the solver)', () => {
    expect(notesOf('llama-2-7b infer A100-40GB seq=?')).toContain(
      "seq=? finds what fits in memory; Llama-2-7B's context is 4,096 tokens (RoPE): a longer answer is past what the model was trained on",
    );
    expect(notesOf('gpt2 infer A100-40GB seq=?').some((n) => n.startsWith('seq=?'))).toBe(false);
    expect(notesOf('llama d=4096 L=32 infer A100-40GB seq=?').some((n) => n.startsWith('seq=?'))).toBe(false);
  });
});

describe('GPU counts in words', () => {
  it('one GPU is singular in the tp·pp check', () => {
    const text = 'llama-2-7b tp=2 gpus=1 H100';
    expect(errorOf(text)).toMatchObject({ code: 'indivisible', message: 'tp·pp = 2 does not divide 1 GPU' });
    expect(errorOf('llama-2-7b tp=2 gpus=3 H100').message).toBe('tp·pp = 2 does not divide 3 GPUs');
  });
});

describe('qlora with a 16-bit or fp8 dtype', () => {
  it('is a conflict at the dtype, not plain LoRA in disguise', () => {
    const text = 'llama-2-7b qlora fp16';
    expect(errorOf(text)).toMatchObject({
      code: 'conflict',
      message: '`qlora` trains on a quantized base, but `fp16` asks for fp16 weights',
      offset: text.indexOf('fp16'),
      length: 4,
      hint: '`qlora` alone stores nf4 and computes in 16-bit; for a fp16 base use `lora fp16`',
    });
  });
  it('accepts qlora on any quantized base, and lora on any dtype', () => {
    expect(specOf('llama-2-7b qlora int4').dtype).toBe('int4');
    expect(specOf('llama-2-7b qlora').dtype).toBe('nf4');
    expect(specOf('llama-2-7b lora fp16').dtype).toBe('fp16');
  });
});

describe('two unknowns at once', () => {
  it('says to solve for one at a time, pointing at the second', () => {
    const text = 'llama-2-7b H100 batch=? seq=?';
    expect(errorOf(text)).toMatchObject({
      code: 'conflict',
      message: 'conflicting values for the unknown to solve for: `batch=?` and `seq=?`',
      offset: text.indexOf('seq=?'),
      hint: 'solve for one unknown at a time: `batch=?`, `seq=?` or `gpus=?`, with the others given',
    });
  });
});

describe('numbers written with thousands separators', () => {
  it('point at the whole number and give it without commas', () => {
    const text = 'llama-2-7b tokens=1,400,000,000,000';
    expect(errorOf(text)).toMatchObject({
      code: 'no-key',
      message: '`1,400,000,000,000`: a comma separates settings, so napkin cannot read it as one number',
      offset: text.indexOf('1,400'),
      length: '1,400,000,000,000'.length,
      hint: 'write it without separators: `1400000000000`',
    });
    expect(errorOf('llama-2-7b seq=4,096').hint).toBe('write it without separators: `4096`');
  });
  it('a number after a comma that separates settings is still one of its own', () => {
    expect(errorOf('llama-2-7b, 8xH100, 512').message).toBe('`512` has no key');
  });
});

describe('a consumer GPU written by its number', () => {
  it('`4090` alone: the hint names the GPU as napkin reads it (and the layers reading)', () => {
    const e = errorOf('llama-2-7b qlora 4090');
    expect(e.code).toBe('no-key');
    expect(e.hint).toBe('for the GPU write `rtx-4090` (`2xrtx-4090` for two); for layers, `L=4090`');
    expect(specOf('llama-2-7b qlora 2xrtx-4090').gpus).toBe(2);
  });
  it('`2x4090`: two GPUs or a layer shape, both offered', () => {
    expect(errorOf('llama-2-7b 2x4090').hint).toBe('for 2 GPUs write `2xrtx-4090`; for a layer, `dense 2x4090`');
    expect(errorOf('llama-2-7b 2x4096').hint).toBe('put a layer before it: `dense 1024x4096`, `mlp 784-512-10`');
  });
});
