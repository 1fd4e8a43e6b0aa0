// Parallel layouts the model cannot take: TP splits attention heads, PP splits layers.
import { describe, expect, it } from 'vitest';
import { parse, resolve } from '../../grammar/index.js';

function errorOf(text: string) {
  const p = parse(text);
  if (!p.ok || p.value.kind !== 'single') throw new Error(`did not parse: ${text}`);
  const r = resolve(p.value.patch, text);
  return r.ok ? null : { ...r.error, at: text.slice(r.error.offset, r.error.offset + r.error.length) };
}

describe('tp and pp against the model', () => {
  it('tp must divide the attention heads (Llama-2-7B has 32)', () => {
    expect(errorOf('llama-2-7b tp=64 gpus=64 infer H100')).toMatchObject({ code: 'indivisible', at: 'tp=64' });
    expect(errorOf('llama-2-7b tp=8 gpus=8 infer H100')).toBeNull();
  });
  it('pp cannot exceed the layers (Llama-2-7B has 32)', () => {
    expect(errorOf('llama-2-7b pp=64 gpus=64 H100')).toMatchObject({ code: 'out-of-range', at: 'pp=64' });
    expect(errorOf('llama-2-7b pp=32 gpus=32 H100')).toBeNull();
  });
});
