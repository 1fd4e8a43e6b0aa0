// reshapeOf gathers the model fields a patch writes (OVERRIDES names them); reshape puts each on every
// layer part it describes.
import { describe, expect, it } from 'vitest';
import { emptyPatch } from '../../grammar/builder.js';
import { OVERRIDES, reshapeOf } from '../../grammar/model.js';
import { outline } from '../../src/core/blueprint.js';
import { findPreset } from '../../src/core/presets.js';
import { reshape } from '../../src/core/reshape.js';
import type { TransformerModel } from '../../src/core/spec.js';

describe('reshapeOf', () => {
  const base = findPreset('llama-2-7b')?.model as TransformerModel;

  it('takes every field in OVERRIDES and nothing else', () => {
    for (const f of OVERRIDES) {
      const patch = emptyPatch() as unknown as Record<string, unknown>;
      patch[f] = `set-${f}`;
      expect(reshapeOf(patch as never), f).toEqual({ [f]: `set-${f}` });
    }
  });

  it('an empty patch leaves the model as it was', () => {
    expect(reshape(base, reshapeOf(emptyPatch()))).toEqual(base);
  });

  it('each size lands on the layers: L=40 heads=64 kv_heads=8 ffn=14336 on Llama-2-7B', () => {
    const m = reshape(base, { layers: 40, heads: 64, kvHeads: 8, headDim: 64, ffn: 14336 });
    expect(outline(m)).toMatchObject({ layers: 40, heads: 64, kvHeads: 8, headDim: 64, ffn: 14336 });
    // One layer object shared by all 40, as the preset shares one by all 32.
    expect(new Set(m.stacks[0].layers).size).toBe(1);
  });
});
