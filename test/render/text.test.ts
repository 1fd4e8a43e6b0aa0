import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/commands/index.js';
import { errorReply } from '../../src/commands/replies/notices.js';
import { compareReply } from '../../src/commands/replies/compare-reply.js';
import { estimateReply } from '../../src/commands/replies/estimate-reply.js';
import { caretText, renderText } from '../../src/render/text.js';
import { fixture } from './fixture-estimate.js';
import { expectGolden } from './golden.js';

const GiB = 2 ** 30;
const input = 'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4 tokens=2T';

describe('text renderer', () => {
  it('answers at a glance first: params, FLOPs/token, memory and fit, Chinchilla tokens', () => {
    const text = renderText(estimateReply(fixture(), input));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Llama-2-7B');
    expect(lines[1]).toBe('  params 6.74B');
    expect(lines[2]).toBe('  13.5 GFLOP/token forward');
    expect(lines[3]).toBe('  per-GPU memory 43.8 GiB of 79.2 GiB (NVIDIA A100 80GB SXM4) — fits, 35.4 GiB free');
    expect(lines[4]).toBe('  Chinchilla-optimal tokens 135B');
    expect(text).toContain('6,738,415,616 exactly');
    expect(text).toContain('PFLOP-days');
    expect(text).not.toMatch(/NaN|Infinity|e\+\d/);
    expectGolden('estimate.txt', `${text}\n`);
  });

  it("says when it doesn't fit, by how much and what would", () => {
    const est = fixture();
    est.memory = {
      ...est.memory,
      perDevice: 90 * GiB,
      headroom: -10.86 * GiB,
      fits: false,
      suggestion: 'try zero=3 or 16 GPUs',
    };
    const text = renderText(estimateReply(est, input));
    expect(text).toContain("doesn't fit, short by 10.9 GiB — try zero=3 or 16 GPUs");
    expectGolden('estimate-no-fit.txt', `${text}\n`);
  });

  it('shows both columns, the difference and the ratio, and marks the rows that changed', () => {
    const b = fixture({
      name: 'Llama-2-13B',
      params: { ...fixture().params, total: 13015864320, active: 13015864320, trainable: 13015864320 },
    });
    const text = renderText(compareReply(fixture(), b, 'llama-2-7b vs llama-2-13b'));
    expect(text).toMatch(/\* params\s+6\.74B\s+13B\s+\+6\.28B\s+×1\.93/);
    expect(text).toMatch(/ {2}memory \/ device\s+43\.8 GiB\s+43\.8 GiB\n/);
    expectGolden('compare.txt', `${text}\n`);
  });

  it('puts a caret under the offending part and gives the hint', () => {
    const err = {
      code: 'unknown-word',
      message: 'unknown word `hedas`',
      offset: 11,
      length: 5,
      hint: 'did you mean `heads`?',
    };
    const text = renderText(errorReply('llama-2-7b hedas=32', err));
    expect(text).toBe(
      [
        '  llama-2-7b hedas=32',
        '             ^^^^^',
        'error: unknown word `hedas`',
        'hint: did you mean `heads`?',
      ].join('\n'),
    );
  });

  it('keeps the caret on the right line of a multi-line input and inside the input', () => {
    const lines = caretText('{\n  "hidden_size": -1\n}', {
      code: 'x',
      message: 'bad',
      offset: 19,
      length: 2,
      hint: '',
    });
    expect(lines[0]).toBe('    "hidden_size": -1');
    expect(lines[1]).toBe('                   ^^');
    const clamped = caretText('abc', { code: 'x', message: 'bad', offset: 99, length: 5, hint: '' });
    expect(clamped[1]).toBe('     ^');
  });
});

describe('decode bound label', () => {
  it('is the whole batch’s tokens per second, labelled so (batch × bandwidth ÷ bytes per step)', async () => {
    const one = renderText(await dispatch('llama-2-7b infer H100', { platform: 'cli' }));
    const four = renderText(await dispatch('llama-2-7b infer H100 batch=4', { platform: 'cli' }));
    expect(one).toMatch(/decode ≤ [\d.]+ tokens\/s \(memory-bound\)/);
    expect(four).toMatch(/decode ≤ [\d.]+ tokens\/s for the batch of 4 \(memory-bound\)/);
    expect(four).not.toMatch(/per sequence/);
  });
});
