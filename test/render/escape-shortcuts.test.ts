// The renderers' escapes skip work when a cheap test finds nothing to do: the same output as escaping
// every string in full, over strings made of the characters that matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/discord-escape.js';
import { escapeMrkdwn } from '../../src/render/slack.js';

const ZWSP = '\u200b';
const plainMarkdown = (s: string): string =>
  s
    .replace(/[\\*_~|[\]<]/g, '\\$&')
    .replace(/^(\s*)([>#-]|\d+\.)/gm, '$1\\$2')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`);

const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c' };
const plainMrkdwn = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u2060$1')
    .replace(/(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu, (c) => LOOKALIKE[c]);

const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      'é',
      '1',
      '2.',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u2028',
      '-',
      '#',
      '>',
      '*',
      '_',
      '~',
      '|',
      '[',
      '<',
      '&',
      '@',
      '@here',
      '@channel',
      'kv_cache',
      'x',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('escape shortcuts', () => {
  it('Discord markdown (no code spans): the same as every pass run', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(escapeMarkdown(s)).toBe(plainMarkdown(s));
      }),
      { numRuns: 20000 },
    );
  });
  it('Slack mrkdwn: the same as every pass run', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(escapeMrkdwn(s)).toBe(plainMrkdwn(s));
      }),
      { numRuns: 20000 },
    );
  });
});
