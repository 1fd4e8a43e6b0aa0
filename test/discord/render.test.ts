// The Discord renderer on hand-made replies: layout (summary first, a field per section, assumptions
// in the footer), every Discord limit on an oversized answer, escaping of user text, and the caret.
import { describe, expect, it } from 'vitest';
import { COMMANDS, dispatch } from '../../src/commands/index.js';
import type { Reply } from '../../src/model/reply.js';
import { escapeMarkdown } from '../../src/render/discord-escape.js';
import { embedSize, LIMITS, TRIM_NOTE } from '../../src/render/discord-pack.js';
import { caretBlock, EPHEMERAL, renderDiscord } from '../../src/render/discord.js';

const estimate: Reply = {
  kind: 'estimate',
  title: 'Llama-2-7B',
  summary: [
    [{ text: 'params' }, { n: 6_738_415_616, unit: 'count' }],
    [{ text: 'forward' }, { n: 13.5e9, unit: 'flops-per-token' }],
  ],
  sections: [
    { title: 'Parameters', rows: [{ label: 'total', value: { n: 6_738_415_616, unit: 'integer' }, detail: 'exact' }] },
    { title: 'Memory per GPU', rows: [{ label: 'weights', value: { n: 12.55 * 2 ** 30, unit: 'bytes' } }] },
  ],
  notes: ['bf16 weights (default)', 'seq 4096 (the preset context)'],
  input: 'llama-2-7b',
};

function checkLimits(msg: ReturnType<typeof renderDiscord>) {
  expect(msg.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(msg.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.total);
  for (const e of msg.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
  }
}

describe('renderDiscord', () => {
  it('puts the summary first, a field per section and the assumptions in the footer', () => {
    const msg = renderDiscord(estimate, { compareId: 'cmp:llama-2-7b' });
    expect(msg.embeds).toHaveLength(1);
    const [e] = msg.embeds;
    expect(e.title).toBe('Llama-2-7B');
    expect(e.description).toBe('params **6.74B**\nforward **13.5 GFLOP/token**');
    expect(e.fields).toEqual([
      { name: 'Parameters', value: 'total: **6,738,415,616** · exact', inline: false },
      { name: 'Memory per GPU', value: 'weights: **12.6 GiB**', inline: false },
    ]);
    expect(e.footer?.text).toBe('bf16 weights (default)\nseq 4096 (the preset context)');
    expect(msg.flags).toBe(0);
    expect(msg.components).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: 'Compare…', custom_id: 'cmp:llama-2-7b' }] },
    ]);
  });

  it('keeps an oversized answer inside every Discord limit and says it was trimmed', () => {
    const row = { label: 'x'.repeat(300), value: { text: 'y'.repeat(900) } };
    const huge: Reply = {
      kind: 'compare',
      title: 'T'.repeat(1000),
      summary: Array.from({ length: 80 }, (_, i) => [{ text: `summary line ${i} `.repeat(10) }]),
      sections: Array.from({ length: 60 }, (_, i) => ({ title: `S${i} `.repeat(100), rows: [row, row, row] })),
      notes: Array.from({ length: 40 }, (_, i) => `assumption ${i} `.repeat(20)),
    };
    const msg = renderDiscord(huge);
    checkLimits(msg);
    expect(msg.embeds.at(-1)?.footer?.text.endsWith(TRIM_NOTE)).toBe(true);
    expect(msg.embeds[0].title?.endsWith('…')).toBe(true);
  });

  it('continues a long but fitting answer in further embeds without a trim note', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      label: `row ${i}`,
      value: { n: i * 1e9, unit: 'count' as const },
    }));
    const long: Reply = {
      ...estimate,
      sections: [{ title: 'Presets', rows }, ...Array(30).fill(estimate.sections[0])],
    };
    const msg = renderDiscord(long);
    checkLimits(msg);
    expect(msg.embeds.length).toBe(2);
    expect(msg.embeds[0].fields).toHaveLength(25);
    expect(msg.embeds[1].footer?.text).not.toContain(TRIM_NOTE);
  });

  it('escapes markdown and mentions in user text but keeps code spans', () => {
    expect(escapeMarkdown('@everyone <@123> **bold** _x_ ~~s~~ [a](http://b) `keep *this*`')).toBe(
      '@\u200beveryone \\<@123> \\*\\*bold\\*\\* \\_x\\_ \\~\\~s\\~\\~ \\[a\\](http://b) `keep *this*`',
    );
    expect(escapeMarkdown('# heading\n> quote\n- item')).toBe('\\# heading\n\\> quote\n\\- item');
    const msg = renderDiscord({ ...estimate, title: '@here <@&42>', notes: ['`@everyone`'] });
    expect(msg.embeds[0].title).toBe('@\u200bhere \\<@&42>');
    // Footers show plain text (no markdown, no mentions), so notes go there unescaped.
    expect(msg.embeds[0].footer?.text).toBe('`@everyone`');
  });

  it('marks changed rows of a comparison with the difference and the ratio', () => {
    const cmp: Reply = {
      kind: 'compare',
      title: 'llama-2-7b vs L=40',
      summary: [],
      sections: [],
      notes: [],
      comparison: {
        a: 'llama-2-7b',
        b: 'L=40',
        rows: [
          {
            label: 'params',
            a: { n: 6.74e9, unit: 'count' },
            b: { n: 8.36e9, unit: 'count' },
            delta: 1.62e9,
            ratio: 1.24,
            changed: true,
          },
          {
            label: 'vocab',
            a: { n: 32000, unit: 'integer' },
            b: { n: 32000, unit: 'integer' },
            delta: 0,
            ratio: 1,
            changed: false,
          },
        ],
      },
    };
    expect(renderDiscord(cmp).embeds[0].description).toBe(
      ['**llama-2-7b** → **L=40**', '\\* **params**: 6.74B → **8.36B** (+1.62B, ×1.24)', 'vocab: 32,000 (same)'].join(
        '\n',
      ),
    );
  });
});

describe('real answers', () => {
  const examples = COMMANDS.flatMap((c) => c.examples.map((e) => (e.startsWith(c.name) ? e : `${c.name} ${e}`)));
  const big = 'mixtral-8x22b bf16 adamw 64xH100 zero3 tp=8 pp=4 seq=32768 batch=8 tokens=10T checkpointing';
  const longest = `compare ${big} vs ${big.replace('mixtral-8x22b', 'llama-3.1-405b').replace('bf16', 'fp8')}`;
  const inputs = [...examples, 'presets', longest];

  it.each(inputs)('%s fits every Discord limit', async (input) => {
    const reply = await dispatch(input, { platform: 'discord', lastSpec: big });
    const msg = renderDiscord(reply, { compareId: 'cmp:x' });
    checkLimits(msg);
    expect(JSON.stringify(msg)).not.toMatch(/NaN|Infinity|undefined|\[object /);
    if (input === longest) expect(reply.kind).toBe('compare');
  });
});

describe('error replies', () => {
  const err = {
    code: 'unknown-word',
    message: 'unknown word `bf17`',
    offset: 11,
    length: 4,
    hint: 'did you mean `bf16`?',
  };

  it('are ephemeral and show the input with a caret under the offending part, then the hint', () => {
    const msg = renderDiscord({
      kind: 'error',
      title: err.message,
      summary: [],
      sections: [],
      notes: [],
      error: { input: 'llama-2-7b bf17', error: err },
      ephemeral: true,
    });
    expect(msg.flags).toBe(EPHEMERAL);
    expect(msg.components).toEqual([]);
    expect(msg.embeds[0].title).toBe('unknown word `bf17`');
    expect(msg.embeds[0].description).toBe(
      '```\nllama-2-7b bf17\n           ^^^^\n```\n**Hint:** did you mean `bf16`?',
    );
  });

  it('show a window around the error in a long input, the caret still under it', () => {
    const input = `${'a '.repeat(200)}oops ${'b '.repeat(200)}`;
    const block = caretBlock(input, { ...err, offset: 400, length: 4 });
    const [, line, caret] = block.split('\n');
    expect(line.length).toBeLessThanOrEqual(82);
    expect(line.slice(caret.indexOf('^'), caret.indexOf('^') + 4)).toBe('oops');
  });

  it('point into the right line of a multi-line input and cannot close the code block', () => {
    const block = caretBlock('{"a": 1,\n "b": ```x}', { ...err, offset: 15, length: 3 });
    expect(block).toBe('```\n "b": ˋˋˋx}\n      ^^^\n```');
  });
});
