// Settings checked against the model: gradient precision words, tp against KV heads, ZeRO at dp = 1,
// and seq past a RoPE/ALiBi model's context.
import { describe, expect, it } from 'vitest';
import { specOf } from './helpers.js';

const notesOf = (text: string) => specOf(text).assumptions;

describe('the gradient note says what is counted (core/dtypes.ts trainableBytes)', () => {
  it.each(['int8', 'int4', 'nf4'])('%s full training counts bf16 gradients, and says so', (d) => {
    const notes = notesOf(`llama-2-7b ${d} train`);
    expect(notes).toContain(
      `gradients in bf16 (${d} weights train with 16-bit gradients; add \`fp32-grads\` for fp32)`,
    );
    expect(notes.some((n) => n.startsWith(`gradients in ${d}`))).toBe(false);
  });
  it.each(['bf16', 'fp16', 'fp32', 'fp8'])('%s gradients are counted at the weights’ width', (d) => {
    expect(notesOf(`llama-2-7b ${d} train`)).toContain(`gradients in ${d} (add \`fp32-grads\` for fp32)`);
  });
  it('no gradient note when fp32-grads is written or for LoRA', () => {
    expect(notesOf('llama-2-7b int8 train fp32-grads').some((n) => n.startsWith('gradients in bf16'))).toBe(false);
    expect(notesOf('llama-2-7b qlora').some((n) => n.startsWith('gradients in'))).toBe(false);
  });
});
