import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import { escapeSlack, LIMITS, renderSlack as renderTyped } from '../../src/render/slack.js';

// Blocks are loosely typed JSON; the tests read into them freely.
const renderSlack = (r: Reply) => renderTyped(r) as { text: string; blocks: any[] };

const base = (over: Partial<Reply> = {}): Reply => ({
  kind: 'estimate',
  title: 'llama-2-7b',
  summary: [[{ text: 'params' }, { n: 6738415616, unit: 'count' }]],
  sections: [
    {
      title: 'Memory per GPU',
      rows: [
        { label: 'weights', value: { n: 13476831232, unit: 'bytes' } },
        { label: 'total', value: { n: 2 ** 34, unit: 'bytes' }, detail: 'sum of the parts' },
        { label: '', value: { text: 'a worked line' } },
      ],
    },
  ],
  notes: ['bf16 weights (default)', 'seq=4096 (default)'],
  ...over,
});

const json = (x: unknown) => JSON.stringify(x);
const texts = (m: { blocks: unknown[] }) => json(m.blocks);

describe('Slack Block Kit renderer', () => {
  it('puts header, summary, fields and the assumptions in that order, with a text fallback', () => {
    const m = renderSlack(base());
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'llama-2-7b', emoji: true } });
    expect(m.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'params 6.74B' } });
    expect(m.blocks[2].fields).toEqual([
      { type: 'mrkdwn', text: '*weights*\n12.6 GiB' },
      { type: 'mrkdwn', text: '*total*\n16 GiB\n_sum of the parts_' },
      { type: 'mrkdwn', text: 'a worked line' },
    ]);
    expect(m.blocks[3].elements.map((e: any) => e.text)).toEqual(['bf16 weights (default)', 'seq=4096 (default)']);
    expect(m.text).toBe('llama-2-7b\nparams 6.74B');
  });

  it('escapes &, <, > and defuses every kind of mention in all echoed text', () => {
    const evil = '<!channel> <!here> <!everyone> <@U123> @here @channel a&b';
    const m = renderSlack(
      base({ title: evil, summary: [[{ text: evil }]], notes: [evil], sections: [{ title: evil, rows: [] }] }),
    );
    const all = texts(m) + m.text;
    expect(all).not.toMatch(/<[!@]/);
    expect(all).not.toMatch(/@(here|channel|everyone)/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U123&gt;');
    expect(all).toContain('a&amp;b');
    expect(escapeSlack('@here')).toBe('@\u2060here');
  });

  it('shows an error as the input with a caret under the offending part, and the hint', () => {
    const m = renderSlack({
      kind: 'error',
      title: 'unknown word `hedas`',
      summary: [],
      sections: [],
      notes: [],
      ephemeral: true,
      error: {
        input: 'llama-2-7b hedas=32 <@U1> `x`',
        error: { code: 'unknown-word', message: 'unknown word', offset: 11, length: 5, hint: 'did you mean `heads`?' },
      },
    });
    expect(m.blocks[1].text.text).toBe(
      '```llama-2-7b hedas=32 &lt;@U1&gt; \u02cbx\u02cb\n           ^^^^^```\ndid you mean `heads`?',
    );
    expect(m.text).toContain('did you mean `heads`?');
  });

  it('marks changed rows of a comparison with the delta and the ratio', () => {
    const m = renderSlack(
      base({
        kind: 'compare',
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
            { label: 'vocab', a: { text: '32000' }, b: { text: '32000' }, delta: null, ratio: null, changed: false },
          ],
        },
      }),
    );
    const block = m.blocks.find((b) => b.text?.text?.startsWith('*llama-2-7b*'))!;
    expect(block.text.text).toBe(
      '*llama-2-7b* → *L=40*\n✱ *params*: 6.74B → *8.36B* (+1.62B, ×1.24)\nvocab: 32000 (same)',
    );
  });

  it('stays within every Block Kit limit and says what it trimmed', () => {
    const long = 'x'.repeat(5000);
    const rows = Array.from({ length: 25 }, (_, i) => ({ label: `row ${i}`, value: { text: long } }));
    const sections = Array.from({ length: 30 }, (_, i) => ({ title: `section ${i} ${long}`, rows }));
    const m = renderSlack(base({ title: long, sections, notes: Array.from({ length: 14 }, () => long) }));
    expect(m.blocks.length).toBe(LIMITS.blocks);
    expect(m.blocks[0].text.text.length).toBeLessThanOrEqual(LIMITS.header);
    for (const b of m.blocks) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      expect((b.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
      expect((b.elements ?? []).length).toBeLessThanOrEqual(LIMITS.contextElements);
    }
    const context = m.blocks[m.blocks.length - 1];
    expect(context.type).toBe('context');
    expect(context.elements[0].text).toMatch(/^\d+ more blocks did not fit Slack's limits/);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('never cuts an entity in half when trimming', () => {
    const m = renderSlack(base({ title: '&'.repeat(200) }));
    expect(m.blocks[0].text.text).toMatch(/^(&amp;)+…$/);
  });
});
