// Convolutions written as layers pad as torchvision's models do (k//2) unless `pad=` says otherwise, and
// the answer says so.
import { describe, expect, it } from 'vitest';
import { parse, resolve } from '../../grammar/index.js';

const conv = (text: string) => {
  const p = parse(text);
  if (!p.ok || p.value.kind !== 'single') throw new Error('no single spec');
  const r = resolve(p.value.patch, text);
  if (!r.ok) throw new Error(r.error.message);
  const m = r.value.model;
  if (m.kind !== 'network' || m.components[0].kind !== 'conv') throw new Error('not a conv');
  return { c: m.components[0], assumptions: r.value.assumptions };
};

describe('conv padding', () => {
  it('k=3 pads 1, k=7 pads 3, k=1 pads 0, stated in the assumptions', () => {
    expect(conv('conv k=3 cin=3 cout=16 hw=32').c.pad).toBe(1);
    expect(conv('conv k=7 cin=3 cout=64 hw=224 stride=2').c.pad).toBe(3);
    expect(conv('conv k=1 cin=64 cout=256 hw=56').c.pad).toBe(0);
    expect(conv('conv k=3 cin=3 cout=16 hw=32').assumptions.join('\n')).toMatch(/padding k\/\/2/);
  });
  it('pad= overrides it', () => {
    expect(conv('conv k=3 cin=3 cout=16 hw=32 pad=0').c.pad).toBe(0);
  });
});
