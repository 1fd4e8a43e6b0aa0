// One row per kind of bad input: the error's code, the exact text it points at, and what the message
// (or hint) must say. Every error must sit inside the input.
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { errorOf } from './helpers.js';

type Row = [input: string, code: string, pointsAt: string, says: RegExp];

const ROWS: Row[] = [
  ['llama-2-7b hedas=32', 'unknown-word', 'hedas', /heads/],
  ['llama-2-7b fp61', 'unknown-word', 'fp61', /fp16/],
  ['lama-2-7b', 'unknown-word', 'lama-2-7b', /llama-2-7b/],
  ['llama-2-7b on 8 H10O', 'unknown-word', 'H10O', /unknown word/],
  ['transformer d=4096 L=32 fp16 bf16', 'conflict', 'bf16', /fp16.*bf16/],
  ['transformer d=4096 L=32 L=40', 'conflict', 'L=40', /L=32.*L=40/],
  ['llama-2-7b train infer', 'conflict', 'infer', /train.*infer/],
  ['llama-2-7b mistral-7b', 'conflict', 'mistral-7b', /vs/],
  ['llama-2-7b lora r=8 r=16', 'conflict', 'r=16', /r=8/],
  ['llama-2-7b adamw infer', 'conflict', 'adamw', /training/],
  ['llama-2-7b params=13B', 'conflict', 'params=13B', /conflicts with `llama-2-7b`/],
  ['llama-2-7b transformer', 'conflict', 'transformer', /conflicts/],
  ['llama-2-7b L=0', 'not-positive', '0', /L must be positive/],
  ['llama-2-7b L=-5', 'not-positive', '-5', /L must be positive/],
  ['llama-2-7b batch=0', 'not-positive', '0', /batch must be positive/],
  ['llama-2-7b L=32.5', 'not-integer', '32.5', /whole number/],
  ['llama-2-7b heads=12.5', 'not-integer', '12.5', /whole number/],
  ['llama-2-7b heads=1.5k', 'indivisible', 'heads=1.5k', /heads=1500 does not divide d=4096/],
  ['params=2e15', 'too-large', '2e15', /1e15 parameters/],
  ['llama-2-7b seq=1e9', 'too-large', '1e9', /1e8/],
  ['llama-2-7b L=200000', 'too-large', '200000', /1e5 layers/],
  ['llama-2-7b gpus=2e7', 'too-large', '2e7', /1e7 GPUs/],
  ['transformer d=2e7 L=2', 'too-large', '2e7', /1e7/],
  ['llama-2-7b batch=1e8', 'too-large', '1e8', /1e7/],
  ['llama-2-7b tokens=2e18', 'too-large', '2e18', /1e18/],
  ['llama-2-7b L=2^1024', 'too-large', '2^1024', /too large/],
  ['transformer d=65536 L=100000 ffn=1e7', 'too-large', 'd=65536', /1e15/],
  ['llama-2-7b zero=4', 'too-large', '4', /0-3/],
  ['llama-2-7b mfu=140%', 'out-of-range', '140%', /mfu/],
  ['llama-2-7b mfu=0', 'out-of-range', '0', /above 0/],
  ['llama-2-7b L=40%', 'bad-number', '40%', /%/],
  ['transformer d=4096 L=32 kv_heads=5', 'indivisible', 'kv_heads=5', /kv_heads=5 does not divide heads=64/],
  ['llama-2-70b kv_heads=7', 'indivisible', 'kv_heads=7', /does not divide/],
  ['transformer d=4096 L=32 heads=30', 'indivisible', 'heads=30', /heads=30 does not divide d=4096/],
  ['transformer d=1000 L=2', 'indivisible', 'd=1000', /head_dim 64/],
  ['llama-2-7b tp=3 gpus=8', 'indivisible', 'tp=3', /does not divide 8 GPUs/],
  ['llama d=4096 L=32 experts=4 topk=8', 'out-of-range', 'topk=8', /top-8.*4 experts/],
  ['llama-2-7b gpus=?', 'no-gpu', 'gpus=?', /GPU/],
  ['llama-2-7b H100 batch=? batch=8', 'conflict', 'batch=?', /batch/],
  ['llama-2-7b d=?', 'bad-solve', 'd=?', /batch, seq or gpus/],
  ['llama-2-7b heads', 'no-value', 'heads', /heads` needs a value/],
  ['llama-2-7b L=', 'no-value', 'L=', /`L` needs a value/],
  ['llama-2-7b kv_cache', 'no-value', 'kv_cache', /kv_cache/],
  ['llama-2-7b kv_cache=relu', 'bad-value', 'kv_cache=relu', /not a dtype/],
  ['llama-2-7b 7b', 'no-key', '7b', /7b params/],
  ['llama-2-7b 32', 'no-key', '32', /has no key/],
  ['llama-2-7b 128k', 'no-key', '128k', /128k context/],
  ['llama-2-7b full', 'no-key', 'full', /recompute=full/],
  ['llama-2-7b 1024x4096', 'no-layer', '1024x4096', /layer shape/],
  ['llama-2-7b cin=64', 'misplaced', 'cin=64', /belongs to a layer/],
  ['llama-2-7b r=16', 'misplaced', 'r=16', /LoRA/],
  ['llama-2-7b bidirectional', 'misplaced', 'bidirectional', /recurrent/],
  ['dense in=1024', 'bad-layer', 'dense in=1024', /needs out/],
  ['conv k=3 cin=64', 'bad-layer', 'conv k=3 cin=64', /needs cout/],
  ['conv k=3 cin=64 cout=100 groups=8', 'bad-layer', 'conv k=3 cin=64 cout=100 groups=8', /groups=8/],
  ['lstm hidden=512', 'bad-layer', 'lstm hidden=512', /needs in/],
  ['dense 1024x4096 +', 'syntax', '+', /joins layers/],
  ['llama-2-7b vs', 'no-value', 'vs', /compare/],
  ['llama-2-7b vs L=40 vs L=50', 'vs', 'vs', /two specs/],
  ['64x', 'no-value', '64x', /GPU/],
  ['llama-2-7b @ 8', 'bad-character', '@', /unexpected/],
  ['L=40', 'missing', 'L=40', /needs d/],
  ['fp16 H100', 'no-model', 'fp16 H100', /no model/],
  ['encoder', 'missing', 'encoder', /needs d and L/],
  ['resnet50 L=40', 'not-applicable', 'L=40', /ResNet-50/],
  ['{"hidden_size": 4096, "x": tru}', 'bad-json', 't', /not valid JSON/],
  ['{"a": 1,', 'bad-json', ',', /not valid JSON/],
  ['{"hidden_size": -3, "num_hidden_layers": 2}', 'bad-json', '', /./],
];

describe('bad input: code, span and message', () => {
  it.each(ROWS.filter((r) => r[0] !== ROWS.at(-1)![0]))('%s', (input, code, pointsAt, says) => {
    const e = errorOf(input);
    expect(e.code).toBe(code);
    expect(input.slice(e.offset, e.offset + e.length)).toBe(pointsAt);
    expect(`${e.message} ${e.hint}`).toMatch(says);
    expect(e.hint.length).toBeGreaterThan(0);
  });

  it('names the config key that is wrong', () => {
    const input = '{"model_type": "llama", "hidden_size": -3, "num_hidden_layers": 2}';
    const e = errorOf(input);
    expect(e.code).toBe('bad-value');
    expect(input.slice(e.offset, e.offset + e.length)).toBe('"hidden_size"');
    expect(e.message).toMatch(/hidden_size.*-3/);
  });
});

describe('the public contract', () => {
  it('`llama-2-7b hedas=32` points at index 11 and suggests `heads`', () => {
    const e = errorOf('llama-2-7b hedas=32');
    expect(e.offset).toBeLessThanOrEqual(11);
    expect(e.offset + e.length).toBeGreaterThan(11);
    expect(`${e.message} ${e.hint}`).toMatch(/heads/);
  });

  it('`transformer d=4096 L=32 fp16 bf16` is a conflict covering index 24 or 29', () => {
    const e = errorOf('transformer d=4096 L=32 fp16 bf16');
    expect(e.code).toBe('conflict');
    const covers = (i: number) => e.offset <= i && i < e.offset + e.length;
    expect(covers(24) || covers(29)).toBe(true);
  });
});

describe('input size', () => {
  it('refuses more than 6,000 characters, pointing at what is past the limit', () => {
    const text = `llama-2-7b ${'L=40 '.repeat(1300)}`;
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-long');
    expect(r.error.offset).toBe(6000);
    expect(r.error.offset + r.error.length).toBe(text.length);
    expect(r.error.message).toMatch(/6000/);
  });

  it('accepts exactly 6,000 characters', () => {
    const text = `llama-2-7b${' '.repeat(5990)}`;
    expect(text.length).toBe(6000);
    expect(parse(text).ok).toBe(true);
  });

  it('says there is nothing to estimate in an empty or blank message', () => {
    for (const text of ['', '   ', ', ;']) {
      const r = parse(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('empty');
    }
  });
});
