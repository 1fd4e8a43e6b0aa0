import { expect, it } from 'vitest';
import { slackToPlain } from '../../src/adapters/slack/text.js';

it('turns Slack markup back into what the user typed', () => {
  expect(slackToPlain('<@UNAPKIN> llama-2-7b', 'UNAPKIN')).toBe('llama-2-7b');
  expect(slackToPlain('<@UNAPKIN|napkin> L=40 &amp; seq=8k', 'UNAPKIN')).toBe('L=40 & seq=8k');
  expect(slackToPlain('compare a &lt;b&gt; vs <http://gpt2.xl|gpt2.xl>')).toBe('compare a <b> vs gpt2.xl');
  expect(slackToPlain('see <https://example.org/x>')).toBe('see https://example.org/x');
  // Other mentions stay as typed, for the renderer to escape if it echoes them.
  expect(slackToPlain('<!channel> <@U123> x', 'UNAPKIN')).toBe('<!channel> <@U123> x');
});
