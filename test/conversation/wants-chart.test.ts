// Which answers get a memory chart, the same on Discord, Slack and the CLI (issue 8): estimates and
// comparisons, unless a spec says chart=off; not errors, notices or a thread's history.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/commands/index.js';
import { historyReply } from '../../src/commands/thread-history.js';
import { wantsChart } from '../../src/conversation/wants-chart.js';

const reply = (text: string) => dispatch(text, { platform: 'slack', user: 'U1' });

describe('wantsChart', () => {
  it('charts an estimate and a comparison', async () => {
    expect(wantsChart(await reply('llama-2-7b bf16 adamw A100-80GB'))).toBe(true);
    expect(wantsChart(await reply('llama-2-7b vs mistral-7b'))).toBe(true);
  });

  it('does not chart when a spec turns it off, on either side of a comparison', async () => {
    expect(wantsChart(await reply('llama-2-7b chart=off'))).toBe(false);
    expect(wantsChart(await reply('llama-2-7b vs mistral-7b chart=off'))).toBe(false);
  });

  it('does not chart errors, help or a thread history of three variants', async () => {
    expect(wantsChart(await reply('llama-2-7b hedas=32'))).toBe(false);
    expect(wantsChart(await reply('help'))).toBe(false);
    const variants = ['llama-2-7b', 'llama-2-7b L=40', 'llama-2-7b zero3 16xH100'].map((input, i) => ({
      n: i + 1,
      input,
      at: 0,
      user: 'U1',
    }));
    const history = historyReply({ base: 'llama-2-7b', variants });
    expect(history.estimates).toHaveLength(3);
    expect(wantsChart(history)).toBe(false);
  });
});
