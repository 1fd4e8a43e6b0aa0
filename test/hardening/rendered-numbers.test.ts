// Issue 9: no answer ever shows NaN, Infinity, a negative size or an exponent like `1e+308 B`. The fuzz
// share checks the numbers in the estimate; this checks what a user actually reads, in every renderer,
// for the same grammar-aware mutations (numbers replaced by 0, -1, 1e308, NaN, 2^1024, 400 digits…).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPLAINERS } from '../../src/commands/explainers.js';
import { dispatch } from '../../src/commands/index.js';
import type { Reply } from '../../src/model/reply.js';
import { escapeMarkdown } from '../../src/render/discord-escape.js';
import { renderDiscord } from '../../src/render/discord.js';
import { escapeSlack, renderSlack } from '../../src/render/slack.js';
import { renderText } from '../../src/render/text.js';
import { formatDelta } from '../../src/render/units.js';
import { mutatedSpec, VALID } from './fuzz-cases.js';

// The pattern, with one change: a minus only counts when no word precedes it (Llama-2-7B is a name).
const BAD = /NaN|Infinity|e\+\d|(?<![\w.-])-\d[\d.]* ?(B|KiB|MiB|GiB|TiB)\b/;
// A seeded share for CI; FUZZ_RUNS (as in `npm run fuzz`) widens it.
const runs = Math.min(Number(process.env.FUZZ_RUNS ?? 600), 20_000);

/**
 * Two things may look bad and are not: a user who types `batch=NaN` sees `NaN` quoted back in the error
 * (their word, not a number napkin made), and a comparison shows a decrease as a signed difference
 * (`-404 MiB`). Only words the input contains, and the exact differences of the reply's rows, are masked.
 */
function masked(out: string, input: string, reply?: Reply): string {
  let s = out;
  for (const word of ['NaN', 'Infinity']) {
    if (!input.includes(word)) continue;
    for (const form of [word, escapeMarkdown(word), escapeSlack(word)]) s = s.split(form).join('xINPUTx');
  }
  for (const row of reply?.comparison?.rows ?? []) {
    const unit = 'unit' in row.a ? row.a.unit : 'unit' in row.b ? row.b.unit : null;
    if (row.delta !== null && row.delta < 0 && unit) s = s.split(formatDelta(row.delta, unit)).join('xDECREASEx');
  }
  return s;
}

// Inputs at the edge of the ranges: peta-byte memory, ZFLOP budgets, a tiny MFU, decreases.
const EXTREMES = [
  'params=999T fp32 adam tokens=999T',
  'llama-3.1-405b 1xA10G tokens=100000T batch=?',
  'gpt2 tokens=1 mfu=0.0001 1xT4',
  'compare llama-2-13b vs llama-2-7b',
  'llama-3.1-405b fp32 adam 1xT4 seq=128k batch=4096 vs gpt2 fp8 infer',
  // Out-of-range config.json values, which JSON itself would print as 1e+308, -1e+308 and null.
  ...['1e308', '-1e308', '9'.repeat(400)].map(
    (v) => `{"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": ${v}, "num_attention_heads": 32}`,
  ),
];

async function problem(input: string, lastSpec?: string): Promise<string | null> {
  const reply = await dispatch(input, { platform: 'discord', lastSpec });
  const shown = {
    text: renderText(reply),
    discord: JSON.stringify(renderDiscord(reply)),
    slack: JSON.stringify(renderSlack(reply)),
  };
  for (const [where, out] of Object.entries(shown)) {
    const m = BAD.exec(masked(out, `${input} ${lastSpec ?? ''}`, reply));
    if (m) return `${where} shows ${JSON.stringify(m[0])} for ${JSON.stringify(input)}`;
  }
  return null;
}

describe('what a user reads never shows NaN, Infinity, an exponent or a negative size', () => {
  it('the checker catches each kind of bad figure (and not a size word the user typed)', () => {
    for (const bad of ['NaN GiB', 'Infinity', '1e+308 B', '-3.5 GiB', '-12 B', 'x 1.2e+21 FLOP']) {
      expect(BAD.test(masked(bad, 'llama-2-7b'))).toBe(true);
    }
    expect(BAD.test(masked('unknown word `NaN`', 'batch=NaN'))).toBe(false);
    expect(BAD.test('Llama-2-7B: 12.6 GiB, 58.4 GiB free, ×1.24')).toBe(false);
  });

  it('every valid example and the extremes napkin still answers, as an estimate and explained', async () => {
    for (const spec of [...VALID, ...EXTREMES]) {
      expect(await problem(spec)).toBeNull();
      for (const { topic } of EXPLAINERS) {
        expect(await problem(`explain ${topic}`, spec)).toBeNull();
      }
    }
  });

  it('grammar-aware mutations, rendered as text, for Discord and for Slack', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSpec, async (input) => (await problem(input)) === null),
      { numRuns: runs, seed: 909 },
    );
  });

  it('mutations compared against a valid spec, and explained as the last spec', async () => {
    const single = VALID.filter((v) => !v.includes(' vs '));
    const topic = fc.constantFrom(...EXPLAINERS.map((e) => e.topic));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...single), mutatedSpec, topic, async (a, b, t) => {
        if (b.includes(' vs ')) return true;
        return (await problem(`compare ${a} vs ${b}`)) === null && (await problem(`explain ${t}`, b)) === null;
      }),
      { numRuns: Math.ceil(runs / 3), seed: 910 },
    );
  });
});
