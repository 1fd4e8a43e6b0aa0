// A later `infer` drops earlier training words (and a later training word an earlier `infer`), in `vs`
// overrides, in `A vs B` shared settings and in thread variants: the user's latest word wins.
import { describe, expect, it } from 'vitest';
import { parse, resolve } from '../../grammar/index.js';

function sides(text: string) {
  const p = parse(text);
  if (!p.ok || p.value.kind !== 'compare') throw new Error(`not a comparison: ${text}`);
  return [p.value.a, p.value.b].map((patch) => {
    const r = resolve(patch, text);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
}

describe('mode words across overrides', () => {
  it('`llama-2-7b adamw 8xH100 vs infer`: B is inference on the same GPUs, with no optimizer', () => {
    const [a, b] = sides('llama-2-7b adamw 8xH100 vs infer');
    expect([a.mode, a.optimizer]).toEqual(['train', 'adamw']);
    expect([b.mode, b.optimizer, b.gpus, b.gpu]).toEqual(['infer', null, 8, a.gpu]);
  });

  it('`llama-2-7b infer vs adamw`: B trains', () => {
    const [, b] = sides('llama-2-7b infer vs adamw');
    expect([b.mode, b.optimizer]).toEqual(['train', 'adamw']);
  });

  it('`llama-2-7b adamw vs llama-2-13b infer`: A keeps training, B serves', () => {
    const [a, b] = sides('llama-2-7b adamw vs llama-2-13b infer');
    expect([a.mode, b.mode, b.optimizer]).toEqual(['train', 'infer', null]);
  });

  it('`zero3` written with `infer` in one spec is still a conflict pointing at `zero3`', () => {
    const text = 'llama-2-7b zero3 infer';
    const p = parse(text);
    expect(p.ok).toBe(true);
    if (!p.ok || p.value.kind !== 'single') return;
    const r = resolve(p.value.patch, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(text.slice(r.error.offset, r.error.offset + r.error.length)).toBe('zero3');
  });

  it('a side with its own GPU count keeps its own layout: no tp or pp from the other side', () => {
    const [a, b] = sides('llama-2-70b bf16 adamw 64xH100 tp=8 pp=2 vs llama-3-70b infer 8xB200 tp=8');
    expect([a.gpus, a.tp, a.pp]).toEqual([64, 8, 2]);
    expect([b.gpus, b.tp, b.pp, b.gpu]).toEqual([8, 8, 1, 'b200']);
    const [, c] = sides('llama-2-70b 64xH100 tp=8 pp=2 vs llama-3-70b');
    expect([c.gpus, c.tp, c.pp]).toEqual([64, 8, 2]);
  });
});
