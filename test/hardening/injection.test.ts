// Issue 9, output safety: mentions, mass pings, spoilers, masked links and markdown a user types come back
// as text, never as live markup, on Discord and on Slack, whichever answer echoes them (errors, presets,
// help, explain, a pasted config.json, thread history), including input built to break out of the
// code spans napkin puts around echoed words.
import { describe, expect, it } from 'vitest';
import type { ThreadState } from '../../src/model/thread.js';
import { dispatch } from '../../src/commands/index.js';
import { threadTurn } from '../../src/conversation/thread-turn.js';
import { renderDiscord } from '../../src/render/discord.js';
import { escapeMrkdwn, renderSlack } from '../../src/render/slack.js';
import { discordMarkdown, liveDiscord, liveSlack, slackMrkdwn } from './live-markup.js';

const INJECTION = '@everyone @here <@123> <@&456> <!channel> <!here> `zq` *zq* ||zq|| [x](http://evil) _zq_ ~~zq~~';
// Backticks that close napkin's own code span around an echoed word, so the rest would be live markup.
const BREAKOUT = 'a` *zq* _zq_ ~~zq~~ ||zq|| [x](http://evil) <@123> @everyone <!here> `b';

const config = (name: string) =>
  JSON.stringify({
    model_type: name,
    hidden_size: 64,
    num_hidden_layers: 2,
    num_attention_heads: 2,
    intermediate_size: 128,
    vocab_size: 100,
  });

function asked(evil: string): string[] {
  return [
    evil,
    `llama-2-7b ${evil}`,
    `compare llama-2-7b vs ${evil}`,
    `compare ${evil} vs gpt2`,
    `presets ${evil}`,
    `help ${evil}`,
    `explain ${evil}`,
    `explain params ${evil}`,
    config(evil),
    `compare gpt2 vs ${config(evil)}`,
  ];
}

/** Thread replies echo stored inputs; a pasted config.json with a hostile name is a valid stored spec. */
const thread = (evil: string): ThreadState => ({
  base: config(evil),
  variants: [{ n: 1, input: config(evil), at: 0, user: 'U1' }],
});

async function replies(evil: string) {
  const direct = await Promise.all(
    asked(evil).map((q) => dispatch(q, { platform: 'slack', lastSpec: `gpt2 ${evil}` })),
  );
  const turns = await Promise.all(
    ['history', `base ${evil}`, 'L=4', evil].map(
      async (q) => (await threadTurn(q, { platform: 'slack', thread: thread(evil) })).reply,
    ),
  );
  return [...direct, ...turns];
}

// Live user markup, found in what remains outside code and escapes.
const DISCORD_LIVE = [/<@&?!?\d+>/, /<#\d+>/, /\|\|/, /\]\(/, /\*zq|zq\*/, /(^|\W)_zq|zq_(\W|$)/, /~~zq|zq~~/, /`/];
const SLACK_LIVE = [/\*zq|zq\*/, /(^|\W)_zq|zq_(\W|$)/, /~zq|zq~/];

/** Each text in which a pattern is live, with what matched: empty when everything came back as text. */
function liveIn(texts: string[], live: (s: string) => string, patterns: RegExp[]): string[] {
  return texts.flatMap((text) =>
    patterns.flatMap((p) => {
      const m = p.exec(live(text));
      return m ? [`${JSON.stringify(m[0])} live in ${JSON.stringify(text)}`] : [];
    }),
  );
}

describe.each([
  ['every injection string', INJECTION],
  ['a code-span breakout', BREAKOUT],
])('%s comes back as text', (_name, evil) => {
  it('on Discord: no live mention, spoiler, link or markdown outside code, no mass ping anywhere', async () => {
    const texts = (await replies(evil)).flatMap((r) => discordMarkdown(renderDiscord(r)));
    expect(texts.length).toBeGreaterThan(20);
    expect(liveIn(texts, (s) => s, [/@(everyone|here)/])).toEqual([]);
    expect(liveIn(texts, liveDiscord, DISCORD_LIVE)).toEqual([]);
  });

  it('on Slack: no < at all (mentions, links, <!channel>), no mass ping, no markdown outside code', async () => {
    const messages = (await replies(evil)).map(renderSlack);
    const all = messages.map((m) => JSON.stringify(m));
    expect(liveIn(all, (s) => s, [/</, /@(everyone|here|channel)/])).toEqual([]);
    expect(liveIn(messages.flatMap(slackMrkdwn), liveSlack, SLACK_LIVE)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('see live markup where it is, and none inside code or after a backslash', () => {
    expect(liveDiscord('a `*zq*` \\*zq\\* ```\n<@1>\n``` <@2>')).toMatch(/<@2>/);
    expect(liveDiscord('a `*zq*` \\*zq\\* ```\n<@1>\n```')).not.toMatch(/\*|<@/);
    expect(liveSlack('`*zq*` ```*zq*``` *zq*')).toMatch(/\*zq\*/);
    expect(liveSlack('`*zq*` ```*zq*```')).not.toMatch(/zq/);
  });

  it('Slack: markers at the edge of a word become look-alikes, inside a word they stay', () => {
    expect(escapeMrkdwn('*zq* _zq_ ~zq~ kv_cache d_in <@U1>')).toBe('∗zq∗ ˍzqˍ ∼zq∼ kv_cache d_in &lt;@U1&gt;');
  });
});
