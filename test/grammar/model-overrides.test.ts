// overrideInto writes each model field by name (fast); it must cover exactly the fields OVERRIDES lists.
import { describe, expect, it } from 'vitest';
import { emptyPatch } from '../../grammar/builder.js';
import { OVERRIDES, overrideInto } from '../../grammar/model.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { findPreset } from '../../src/core/presets.js';

describe('overrideInto', () => {
  const base = findPreset('llama-2-7b')?.model as TransformerModel;

  it('writes every field in OVERRIDES and nothing else', () => {
    for (const f of OVERRIDES) {
      const patch = emptyPatch() as unknown as Record<string, unknown>;
      patch[f] = `set-${f}`;
      const m = { ...base };
      overrideInto(m, patch as never);
      expect(m, f).toEqual({ ...base, [f]: `set-${f}` });
    }
  });

  it('leaves the model alone for an empty patch', () => {
    const m = { ...base };
    overrideInto(m, emptyPatch());
    expect(m).toEqual(base);
  });
});
