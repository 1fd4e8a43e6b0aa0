// "what if L=40?" in a thread is the spec `L=40`; a solve's `=?` is not a question mark to drop.
import { describe, expect, it } from 'vitest';
import { asked } from '../../src/commands/asked.js';
import { threadTurn } from '../../src/conversation/thread-turn.js';

describe('a spec asked as a question', () => {
  it.each([
    ['what if L=40?', 'L=40'],
    ['What if we use zero3 16xH100?', 'zero3 16xH100'],
    ['how about seq=8k', 'seq=8k'],
    ['and if fp8?', 'fp8'],
    ['ok, what about llama-3-8b?', 'llama-3-8b'],
    ['try batch=?', 'batch=?'],
    ['what if gpus=??', 'gpus=?'],
    ['L=40', 'L=40'],
    ['history', 'history'],
    ['what if', 'what if'],
  ])('%s → %s', (text, spec) => {
    expect(asked(text)).toBe(spec);
  });

  it('in a thread, "what if L=40?" answers as `L=40` does: Llama-2-7B at 40 layers against the base', async () => {
    const thread = { base: 'llama-2-7b', variants: [{ n: 1, input: 'llama-2-7b', at: 0, user: 'u' }] };
    const plain = await threadTurn('L=40', { platform: 'slack', thread });
    const question = await threadTurn('what if L=40?', { platform: 'slack', thread });
    expect(question.reply.title).toBe('L=40 vs base #1');
    expect(question.change).toEqual(plain.change);
    // 40 layers of 202,383,360 (4·4096² attention + 3·4096·11008 MLP + 2·4096 norms) + 262,148,096 outside them
    expect(question.reply.estimates?.[1].params.total).toBe(40 * 202_383_360 + 262_148_096);
  });
});

describe('two changes compared in a thread', () => {
  it('`L=40 vs L=48` is the base with each change, side by side', async () => {
    const thread = { base: 'llama-2-7b', variants: [{ n: 1, input: 'llama-2-7b', at: 0, user: 'u' }] };
    const { reply, change } = await threadTurn('L=40 vs L=48', { platform: 'slack', thread });
    expect(reply.title).toBe('L=40 vs L=48, each on base #1');
    // 40 and 48 layers of 202,383,360 + 262,148,096 outside the blocks.
    expect(reply.estimates?.map((e) => e.params.total)).toEqual([8_357_482_496, 9_976_549_376]);
    expect(change).toBeNull();
  });
});
