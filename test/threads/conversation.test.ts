// A thread as people use it: a base, three partial variants, history, a change of base, full specs,
// and the other commands passing through. Real numbers: Llama-2-7B has 6,738,415,616 parameters and
// each of its layers 202,383,360 (attention 4·4096² = 67,108,864 + SwiGLU MLP 3·4096·11008 =
// 135,266,304 + two RMSNorm weights 2·4096 = 8,192), so L=40 adds 8 layers: 8,357,482,496.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import type { ThreadKey } from '../../src/model/thread.js';
import { openThreads, type Threads } from './threads.js';

const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';
const LLAMA_7B = 6_738_415_616;
const PER_LAYER = 4 * 4096 ** 2 + 3 * 4096 * 11008 + 2 * 4096;
const LLAMA_7B_L40 = 8_357_482_496;
const key: ThreadKey = { platform: 'slack', channel: 'C1', thread: '1700000000.000100' };

let s: Threads;
beforeEach(() => {
  s = openThreads({ path: ':memory:', retentionDays: 90 });
});
afterEach(() => s.close());

const row = (r: Reply, label: string) => r.comparison!.rows.find((x) => x.label === label)!;
const changes = (r: Reply) =>
  Object.fromEntries(r.sections[0].rows.map((x) => [x.label, 'text' in x.value ? x.value.text : '']));
const cellNumbers = (line: Reply['summary'][number]) => line.flatMap((c) => ('n' in c ? [c.n] : []));

async function baseAndThreeVariants() {
  const base = await s.answer(key, BASE, 'U1');
  const layers = await s.answer(key, 'L=40', 'U2');
  const zero = await s.answer(key, 'zero3 16xH100', 'U1');
  const seq = await s.answer(key, 'seq=8192', 'U3');
  return { base, layers, zero, seq };
}

describe('a thread around one base', () => {
  it('checks the hand count first: 32 layers of 202,383,360 plus embeddings, head and final norm', () => {
    expect(PER_LAYER).toBe(202_383_360);
    expect(32 * PER_LAYER + 2 * 32000 * 4096 + 4096).toBe(LLAMA_7B);
    expect(LLAMA_7B + 8 * PER_LAYER).toBe(LLAMA_7B_L40);
  });

  it('the first spec sets the base and is answered as a plain estimate', async () => {
    const r = await s.answer(key, BASE, 'U1');
    expect(r.kind).toBe('estimate');
    expect(r.estimates![0].params.total).toBe(LLAMA_7B);
    expect(r.notes[0]).toBe("This is the thread's base (#1): specs posted in this thread are compared with it.");
    expect(await s.state(key)).toMatchObject({ base: BASE, variants: [{ n: 1, input: BASE, user: 'U1' }] });
  });

  it('a partial spec is applied to the base: changed rows marked, delta, ratio, and what changed', async () => {
    const { layers } = await baseAndThreeVariants();
    expect(layers.kind).toBe('compare');
    expect(layers.title).toBe('L=40 vs base #1');
    expect(layers.notes).toContain(`Compared against the thread's base: #1 (${BASE}).`);
    const params = row(layers, 'params');
    expect([params.a, params.b]).toEqual([
      { n: LLAMA_7B, unit: 'count' },
      { n: LLAMA_7B_L40, unit: 'count' },
    ]);
    expect(params.changed).toBe(true);
    expect(params.delta).toBe(8 * PER_LAYER);
    expect(params.ratio).toBeCloseTo(1.2403, 4);
    expect(changes(layers)).toEqual({ layers: '32 → 40' });
  });

  it('ZeRO-3 on 16 H100s keeps the parameters and cuts the memory per GPU', async () => {
    const { zero } = await baseAndThreeVariants();
    const [a, b] = zero.estimates!;
    expect(row(zero, 'params').changed).toBe(false);
    expect(b.params.total).toBe(LLAMA_7B);
    expect(b.memory.perDevice).toBeLessThan(a.memory.perDevice);
    expect(row(zero, 'memory / device').changed).toBe(true);
    const what = changes(zero);
    expect(what.zero).toBe('0 → 3');
    expect(what.gpus).toBe('8 → 16');
    expect(what.gpu).toMatch(/^a100.* → h100/i);
  });

  it('seq=8192 changes the sequence, not the parameters, and raises FLOPs per token', async () => {
    const { seq, base } = await baseAndThreeVariants();
    const [a, b] = seq.estimates!;
    expect(changes(seq).seq).toBe(`${base.estimates![0].spec.seq.toLocaleString('en-US')} → 8,192`);
    expect(b.params.total).toBe(LLAMA_7B);
    expect(b.flops.forwardPerToken!).toBeGreaterThan(a.flops.forwardPerToken!);
  });

  it('history lists every variant, one line each, with params, FLOPs/token, memory per GPU and fit', async () => {
    const answers = await baseAndThreeVariants();
    const h = await s.answer(key, 'history', 'U9');
    expect(h.kind).toBe('history');
    expect(h.title).toBe('Thread history: 4 variants, base #1');
    expect(h.summary.map((line) => ('text' in line[0] ? line[0].text : ''))).toEqual([
      `#1 (base) ${BASE} —`,
      '#2 #1 + L=40 —',
      '#3 #1 + zero3 16xH100 —',
      '#4 #1 + seq=8192 —',
    ]);
    const shown = [
      answers.base.estimates![0],
      answers.layers.estimates![1],
      answers.zero.estimates![1],
      answers.seq.estimates![1],
    ];
    h.summary.forEach((line, i) => {
      const e = shown[i];
      expect(cellNumbers(line)).toEqual([e.params.total, e.flops.forwardPerToken, e.memory.perDevice]);
    });
    expect(cellNumbers(h.summary[1])[0]).toBe(LLAMA_7B_L40);
    expect((await s.state(key))!.variants).toHaveLength(4); // history itself is not a variant
  });

  it('history shows the training time when the spec gives tokens', async () => {
    await s.answer(key, BASE, 'U1');
    await s.answer(key, 'tokens=2T', 'U1');
    const h = await s.answer(key, 'history', 'U1');
    const e = (await s.answer(key, 'tokens=2T', 'U1')).estimates![1];
    expect(e.budget.trainSeconds).toBeGreaterThan(0);
    expect(cellNumbers(h.summary[1]).at(-1)).toBe(e.budget.trainSeconds);
  });
});
