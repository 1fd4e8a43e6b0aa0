// The conversation core's own decisions, through a recording Output: redeliveries answered once, the rate
// limit and back-pressure answered privately at once, the text before the chart (and charts held while
// texts wait), a full chart queue said in the answer, and a backlog deferring valid requests but not mistakes.
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/answer.js';
import { admission, busyReply } from '../../src/conversation/busy.js';
import { chartPool } from '../../src/conversation/charts.js';
import type { ChartImage, Message, Outcome, Output } from '../../src/conversation/message.js';
import { NO_CHART_NOTE } from '../../src/conversation/notes.js';
import { createRateLimiter } from '../../src/conversation/rate-limit.js';
import { memoryRepository } from '../../src/store/memory.js';

const message = (text: string, over: Partial<Message> = {}): Message => ({
  platform: 'test',
  place: { channel: 'C1' },
  user: 'U1',
  text,
  ...over,
});

/** An Output that records what happened, in order. */
function recorder() {
  const events: string[] = [];
  const texts: Outcome[] = [];
  const out: Output = {
    async wait() {
      events.push('wait');
    },
    async text(o) {
      texts.push(o);
      events.push(`text ${o.reply!.title}${o.private ? ' (private)' : ''}`);
      return `posted-${texts.length}`;
    },
    async chart(image: ChartImage, posted) {
      events.push(`chart ${image.names} on ${posted} (${image.png.length > 1000 ? 'png' : 'empty'})`);
    },
  };
  return { out, events, texts };
}

describe('the conversation core', () => {
  it('answers a redelivered event once', async () => {
    const c = createConversation({ repository: memoryRepository() });
    const r = recorder();
    await c.answer(message('gpt2', { eventId: 'Ev1' }), r.out);
    const again = await c.answer(message('gpt2', { eventId: 'Ev1' }), r.out);
    expect(again.reply).toBeNull();
    expect(r.events).toEqual(['text GPT-2 small']);
  });

  it('answers past the rate limit privately, at once, keyed by platform and user', async () => {
    const c = createConversation({ repository: memoryRepository(), limiter: createRateLimiter({ limit: 2 }) });
    const r = recorder();
    for (const text of ['help', 'help', 'help']) await c.answer(message(text), r.out);
    await c.answer(message('help', { platform: 'other' }), r.out);
    expect(r.events.slice(2)).toEqual([
      expect.stringMatching(/^text You're asking napkin a lot at once — try again in \d+ s\. \(private\)$/),
      'text napkin help',
    ]);
  });

  it('past its in-flight limit says it is busy, privately, with a wait from the going rate', async () => {
    let t = 0;
    const gate = admission(2, () => t);
    expect([gate.enter().ok, gate.enter().ok]).toEqual([true, true]);
    // Two answers went out in the last 5 s (0.4 a second): two in flight clear in about 5 s.
    t = 1000;
    gate.leave();
    expect(gate.enter()).toEqual({ ok: true });
    t = 2000;
    gate.leave();
    gate.enter();
    expect(gate.enter()).toEqual({ ok: false, retryAfterMs: 5000 });
    expect(busyReply(5000)).toMatchObject({
      title: 'napkin is busy answering many requests at once — try again in 5 s.',
      ephemeral: true,
    });
    const c = createConversation({ repository: memoryRepository(), admission: admission(0) });
    const r = recorder();
    await c.answer(message('gpt2'), r.out);
    expect(r.events).toEqual([expect.stringMatching(/^text napkin is busy .* \(private\)$/)]);
  });

  it('posts the text first and the chart after it, on the posted message', async () => {
    const c = createConversation({ repository: memoryRepository(), charts: chartPool({ worker: null }) });
    const r = recorder();
    const o = await c.answer(message('gpt2'), r.out);
    expect(o).toMatchObject({ private: false, chart: true, startsThread: 'gpt2' });
    expect(r.events).toEqual(['text GPT-2 small', 'chart GPT-2 small on posted-1 (png)']);
    await c.close();
  });

  it('holds charts while any text answer waits: every text of a burst goes out before the first chart', async () => {
    const c = createConversation({ repository: memoryRepository(), charts: chartPool({ worker: null }) });
    const r = recorder();
    await Promise.all(['gpt2', 'llama-2-7b', 'mistral-7b'].map((t) => c.answer(message(t), r.out)));
    expect(r.events.map((e) => e.split(' ')[0])).toEqual(['text', 'text', 'text', 'chart', 'chart', 'chart']);
    await c.close();
  });

  it('with the chart queue full, answers without a chart and says so', async () => {
    const charts = chartPool({ worker: null, maxPending: 0 });
    const c = createConversation({ repository: memoryRepository(), charts });
    const r = recorder();
    const o = await c.answer(message('gpt2'), r.out);
    expect(o.chart).toBe(false);
    expect(o.reply!.notes.at(-1)).toBe(NO_CHART_NOTE);
    expect(r.events).toEqual(['text GPT-2 small']);
  });

  it('with a backlog, defers a valid request before computing it, and answers a mistake at once', async () => {
    const c = createConversation({ repository: memoryRepository(), deferAfterMs: 0 });
    const first = recorder();
    const valid = recorder();
    const wrong = recorder();
    await Promise.all([
      c.answer(message('llama-2-70b'), first.out),
      c.answer(message('llama-2-7b'), valid.out),
      c.answer(message('llama-2-7b bf17'), wrong.out),
    ]);
    expect(first.events).toEqual(['text Llama-2-70B']);
    expect(valid.events).toEqual(['wait', 'text Llama-2-7B']);
    expect(wrong.events).toEqual([expect.stringMatching(/^text .*bf17.* \(private\)$/)]);
    expect(wrong.texts[0].reply!.error!.input).toBe('llama-2-7b bf17');
  });
});
