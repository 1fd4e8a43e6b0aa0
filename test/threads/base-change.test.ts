// Changing a thread's base (`base #N`, `base <spec>`), full specs beside the base, and everything
// in a thread that is not a variant: errors, `A vs B`, help.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import type { ThreadKey } from '../../src/model/thread.js';
import { openThreads, type Threads } from './threads.js';

const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';
const LLAMA_7B = 6_738_415_616;
const LLAMA_7B_L40 = 8_357_482_496;
const LLAMA_13B = 13_015_864_320;
const GPT2 = 124_439_808;
const key: ThreadKey = { platform: 'discord', channel: 'G1', thread: 'T1' };

let s: Threads;
beforeEach(async () => {
  s = openThreads({ path: ':memory:', retentionDays: 90 });
  await s.answer(key, BASE, 'U1');
  await s.answer(key, 'L=40', 'U2');
  await s.answer(key, 'zero3 16xH100', 'U1');
});
afterEach(() => s.close());

const params = (r: Reply) => r.estimates!.map((e) => e.params.total);
const firstCells = (h: Reply) => h.summary.map((line) => ('text' in line[0] ? line[0].text : ''));

describe('changing the base', () => {
  it('base #N makes a partial variant the base; later variants apply on top of it', async () => {
    const b = await s.answer(key, 'base #2', 'U3');
    expect(b.kind).toBe('estimate');
    expect(params(b)).toEqual([LLAMA_7B_L40]);
    expect(b.notes[0]).toBe("#2 (#1 + L=40) is now this thread's base.");
    const seq = await s.answer(key, 'seq=8192', 'U3');
    expect(seq.notes).toContain("Compared against the thread's base: #2 (#1 + L=40).");
    expect(seq.title).toBe('seq=8192 vs base #2');
    expect(params(seq)).toEqual([LLAMA_7B_L40, LLAMA_7B_L40]);
    const h = await s.answer(key, 'history', 'U3');
    expect(h.title).toBe('Thread history: 4 variants, base #2');
    expect(firstCells(h)).toEqual([
      `#1 ${BASE} —`,
      '#2 (base) #1 + L=40 —',
      '#3 #1 + zero3 16xH100 —',
      '#4 #2 + seq=8192 —',
    ]);
  });

  it('earlier variants keep their numbers after the base changes', async () => {
    await s.answer(key, 'base gpt2', 'U3');
    const h = await s.answer(key, 'history', 'U3');
    expect(h.estimates!.map((e) => e.params.total)).toEqual([LLAMA_7B, LLAMA_7B_L40, LLAMA_7B, GPT2]);
    expect(h.title).toBe('Thread history: 4 variants, base #4');
  });

  it('base <spec> answers the new base and compares later specs with it', async () => {
    const b = await s.answer(key, 'base gpt2', 'U3');
    expect(params(b)).toEqual([GPT2]);
    expect(b.notes[0]).toBe("This is now the thread's base (#4): specs posted in this thread are compared with it.");
    const full = await s.answer(key, 'llama-2-7b', 'U3');
    expect(full.kind).toBe('compare');
    expect(params(full)).toEqual([GPT2, LLAMA_7B]);
    expect(full.title).toBe('Llama-2-7B vs base #4');
  });

  it('base <partial> applies it to the current base', async () => {
    const b = await s.answer(key, 'base L=40', 'U3');
    expect(params(b)).toEqual([LLAMA_7B_L40]);
    expect((await s.state(key))!.base.split('\u001f')).toEqual([BASE, 'L=40']);
  });

  it('base #N for a variant that does not exist says which ones do and changes nothing', async () => {
    const r = await s.answer(key, 'base #9', 'U3');
    expect(r.title).toBe('No variant #9 in this thread');
    expect(r.notes).toEqual(['Variants: #1 … #3; `history` lists them.']);
    expect((await s.state(key))!.base).toBe(BASE);
  });
});

describe('full specs and other messages in a thread', () => {
  it('a full spec, `vs` or `compare` with one spec, is compared side by side with the base', async () => {
    for (const text of ['llama-2-13b', 'vs llama-2-13b', 'compare llama-2-13b']) {
      const r = await s.answer(key, text, 'U4');
      expect(r.kind).toBe('compare');
      expect(params(r)).toEqual([LLAMA_7B, LLAMA_13B]);
      expect(r.sections.map((x) => x.title)).not.toContain('What changed (base → this)');
    }
    const stored = (await s.state(key))!.variants.slice(3);
    expect(stored.map((v) => v.input.endsWith('llama-2-13b'))).toEqual([true, true, true]);
  });

  it("a full spec keeps the base's settings it does not set: same dtype, optimizer and GPUs", async () => {
    const r = await s.answer(key, 'llama-2-13b', 'U4');
    const [base, variant] = r.estimates!.map((e) => e.spec);
    expect([variant.mode, variant.optimizer, variant.dtype, variant.gpu, variant.gpus]).toEqual([
      base.mode,
      base.optimizer,
      base.dtype,
      base.gpu,
      base.gpus,
    ]);
    expect([variant.optimizer, variant.gpus]).toEqual(['adamw', 8]);
    const own = await s.answer(key, 'llama-2-13b infer', 'U4');
    expect(own.estimates![1].spec.mode).toBe('infer');
  });

  it('`A vs B` is an ordinary comparison and not stored', async () => {
    const r = await s.answer(key, 'compare gpt2 vs llama-2-7b', 'U4');
    expect(params(r)).toEqual([GPT2, LLAMA_7B]);
    expect((await s.state(key))!.variants).toHaveLength(3);
  });

  it('a bad spec is an error pointing into what was typed, and not stored', async () => {
    const r = await s.answer(key, 'L=forty', 'U4');
    expect(r.kind).toBe('error');
    expect(r.error!.input).toBe('L=forty');
    expect(r.error!.error.offset).toBeLessThan('L=forty'.length);
    expect((await s.state(key))!.variants).toHaveLength(3);
  });

  it('help passes through to the command table', async () => {
    const r = await s.answer(key, 'help', 'U4');
    expect(r.kind).toBe('help');
    expect((await s.state(key))!.variants).toHaveLength(3);
  });
});
