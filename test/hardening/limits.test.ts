// Issue 9, output safety: napkin's longest answers still fit every Discord and Slack limit, so neither
// platform ever rejects a reply. Sizes are asserted against the published limits (platform-limits.ts).
import { describe, expect, it } from 'vitest';
import { EXPLAINERS } from '../../src/commands/explainers.js';
import { COMMANDS, dispatch } from '../../src/commands/index.js';
import type { Reply } from '../../src/model/reply.js';
import { threadTurn } from '../../src/conversation/thread-turn.js';
import { renderDiscord } from '../../src/render/discord.js';
import { renderSlack } from '../../src/render/slack.js';
import { DISCORD, expectDiscordFits, expectSlackFits } from './platform-limits.js';

const A = 'mixtral-8x22b bf16 adamw lora r=64 zero3 64xH100 tp=8 pp=2 seq=65536 batch=8 tokens=10T recompute=selective';
// B names pp=1: a B side inherits A's settings, and A's pp=2 does not divide B's 8 GPUs at tp=8.
const B = 'llama-3.1-405b fp8 infer kv_cache=fp8 8xB200 tp=8 pp=1 seq=128k batch=64';
const LONGEST = `compare ${A} vs ${B}`;
// The issue's own wording of it, without pp=1: B names its own 8 GPUs, so it takes no pp from A.
const AS_ISSUED = `compare ${A} vs ${B.replace(' pp=1', '')}`;

/** A thread of 150 long variants: `history` lists them all. */
const thread = {
  base: A,
  variants: Array.from({ length: 150 }, (_, i) => ({ n: i + 1, input: `${A} L=${i + 2}`, at: i, user: 'U1' })),
};

const inputs: [string, () => Promise<Reply>][] = [
  ['the longest comparison', () => dispatch(LONGEST, { platform: 'discord' })],
  ['the comparison as the issue wrote it', () => dispatch(AS_ISSUED, { platform: 'discord' })],
  ['the long MoE estimate', () => dispatch(A, { platform: 'discord' })],
  ['presets with no filter', () => dispatch('presets', { platform: 'discord' })],
  ['help', () => dispatch('help', { platform: 'discord' })],
  ...COMMANDS.map((c): [string, () => Promise<Reply>] => [
    `help ${c.name}`,
    () => dispatch(`help ${c.name}`, { platform: 'discord' }),
  ]),
  ...EXPLAINERS.flatMap(({ topic }): [string, () => Promise<Reply>][] => [
    [
      `explain ${topic} (last spec: the comparison)`,
      () => dispatch(`explain ${topic} ${A} vs ${B}`, { platform: 'slack' }),
    ],
    [`explain ${topic} (last spec: the MoE)`, () => dispatch(`explain ${topic}`, { platform: 'slack', lastSpec: A })],
  ]),
  ['a thread history of 150 variants', async () => (await threadTurn('history', { platform: 'slack', thread })).reply],
  ['a comparison against a thread base', async () => (await threadTurn(B, { platform: 'slack', thread })).reply],
  ['a 6,000-character bad spec', () => dispatch(`llama-2-7b ${'seq=4096 '.repeat(600)}bf17`, { platform: 'discord' })],
];

describe('the longest answers fit every platform limit', () => {
  it('the longest comparison is a comparison, also as the issue wrote it (B keeps its own GPU layout)', async () => {
    for (const text of [LONGEST, AS_ISSUED]) {
      const cmp = await dispatch(text, { platform: 'discord' });
      expect(cmp.kind).toBe('compare');
      expect(cmp.comparison?.rows.length).toBeGreaterThan(10);
    }
  });

  it.each(inputs)('%s', async (_name, make) => {
    const reply = await make();
    // With a Compare… button of the longest id Discord allows, as the front end offers it.
    const discord = renderDiscord(reply, {
      compareId: `cmp:${'x'.repeat(DISCORD.customId - 4)}`,
      chart: 'napkin-memory.png',
    });
    const size = expectDiscordFits(discord);
    expect(size).toBeGreaterThan(0);
    const blocks = expectSlackFits(renderSlack(reply));
    expect(blocks).toBeGreaterThan(0);
  });

  it('the longest comparison: every row on both platforms, and every assumption on Slack', async () => {
    const reply = await dispatch(LONGEST, { platform: 'discord' });
    const discord = renderDiscord(reply);
    expect(expectDiscordFits(discord)).toBeGreaterThan(3000);
    const rows = reply.comparison!.rows;
    expect(rows.length).toBeGreaterThan(15);
    for (const r of rows)
      expect(discord.embeds[0].description).toContain(r.changed ? `**${r.label}**: ` : `${r.label}: `);
    // Both sides' assumptions are longer than a footer: the footer says the CLI has the rest.
    expect(
      discord.embeds
        .at(-1)
        ?.footer?.text.endsWith('Trimmed to fit Discord: the CLI (npx napkin …) or --json shows the whole answer.'),
    ).toBe(true);
    const slack = renderSlack(reply);
    expectSlackFits(slack);
    const shown = JSON.stringify(slack);
    expect(shown).not.toMatch(/Trimmed to fit|did not fit/);
    expect(shown).toContain(reply.notes.at(-1)!.slice(-40));
  });

  it('an answer past the limits says so on both platforms instead of being refused', async () => {
    const { reply } = await threadTurn('history', { platform: 'slack', thread });
    const discord = renderDiscord(reply);
    expect(expectDiscordFits(discord)).toBeGreaterThan(DISCORD.total - 100);
    expect(discord.embeds.at(-1)?.footer?.text).toContain('Trimmed to fit Discord');
    const slack = renderSlack(reply);
    expectSlackFits(slack);
    expect(JSON.stringify(slack.blocks.at(-1))).toContain("Trimmed to fit Slack's limits");
  });
});
