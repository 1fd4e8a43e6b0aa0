// A bare encoder (BertModel) has no LM head: no output-layer input and no fp32 logits in its activations.
import { describe, expect, it } from 'vitest';
import { activationNotes, inferenceActivations, trainingActivations } from '../../src/core/activations.js';
import { estimate } from '../../src/core/estimate.js';
import { findPreset } from '../../src/core/presets.js';
import type { TransformerModel } from '../../src/core/spec.js';
import { outline } from '../../src/core/blueprint.js';
import { build } from '../../src/core/blueprint.js';
import { gpt2Style, specOf } from './spec-fixtures.js';

const bert = findPreset('bert-base')!.model as TransformerModel;
const train = { mode: 'train' as const, optimizer: 'adamw' as const, seq: 512 };

describe('BERT-base training activations (Korthikanti et al. 2022 Table 2, flash)', () => {
  it('12 layers × 34·s·b·h + embedding LayerNorm input 2·s·b·h + dropout mask s·b·h = 161,611,776 B', () => {
    // s·b·h = 512 · 1 · 768 = 393,216; 12 × 34 × 393,216 = 160,432,128; + 786,432 (16-bit input of the
    // embedding LayerNorm) + 393,216 (1-byte mask) = 161,611,776.
    // Not added: 2·s·b·h = 786,432 (LM-head input) and 4·512·30,522 = 62,509,056 (fp32 logits).
    expect(trainingActivations(specOf(bert, train))).toBe(161_611_776);
    expect(estimate(specOf(bert, train)).memory.activations).toBe(161_611_776);
  });

  it('the same shapes as a decoder still add the head input and the logits', () => {
    const decoder: TransformerModel = { ...bert, head: 'lm' };
    // 161,611,776 + 786,432 + 62,509,056 = 224,907,264
    expect(trainingActivations(specOf(decoder, train))).toBe(224_907_264);
  });

  it('notes: no fp32-logits note, says there is no LM head', () => {
    const notes = activationNotes(specOf(bert, train)).join('\n');
    expect(notes).not.toMatch(/fp32 logits/);
    expect(notes).toMatch(/no LM head/);
    const gpt2 = activationNotes(specOf(gpt2Style({ d: 768, layers: 12, heads: 12 }), train)).join('\n');
    expect(gpt2).toMatch(/fp32 logits \(4·s·b·vocab\) kept for the loss/);
  });
});

describe('BERT-base inference activations', () => {
  it('no logits phase: max(attention, MLP) only', () => {
    // s·b = 512, h = 768, A = 2, flash: attention = 2·A·sb·h + A·sb·(2a + 2kv)·hd = 1,572,864 + 3,145,728 = 4,718,592;
    // MLP = 2·A·sb·h + 2·A·sb·4h = 1,572,864 + 6,291,456 = 7,864,320. Logits would be 4·1·30,522 = 122,088 (< MLP).
    const spec = specOf(bert, { seq: 512 });
    expect(inferenceActivations(spec)).toBe(7_864_320);
    const notes = activationNotes(spec).join('\n');
    expect(notes).not.toMatch(/fp32 logits/);
    expect(notes).toMatch(/no logits \(bare encoder/);
  });

  it("a narrow encoder's working set is not set by logits it does not have", () => {
    // d = 8, a = 1, s = 1, b = 1: attention = 2·2·8 + 2·(2+2)·8 = 96; MLP = 2·2·8 + 2·2·32 = 160; logits would be 4·30,522.
    const shape = { ...outline(bert), d: 8, heads: 1, kvHeads: 1, headDim: 8, ffn: 32, layers: 1 };
    expect(inferenceActivations(specOf(build(shape), { seq: 1 }))).toBe(160);
    expect(inferenceActivations(specOf(build({ ...shape, encoder: false }), { seq: 1 }))).toBe(4 * 30_522);
  });
});
