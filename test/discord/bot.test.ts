// End to end: the real discord.js client, started as `npm start` starts it, against the fake Discord.
// Each test sends INTERACTION_CREATE on the gateway and asserts what reached the fake REST API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { slashCommands } from '../../src/adapters/discord/commands.js';
import { describeRegistration, registerDiscord } from '../../src/adapters/discord/register.js';
import { gatewayBot } from '../../src/adapters/discord/shard.js';
import { APP_ID, CHANNEL_ID, type Recorded } from './fake-discord.js';
import { type Harness, isCallback, isEdit, isFollowUp, startHarness, TOKEN } from './harness.js';
import { autocomplete, button, modalSubmit, slash, USER } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  // Many requests from one test user: the flood test below checks the default limit on its own bot.
  h = await startHarness({ NAPKIN_RATE_LIMIT: '1000' });
});
afterAll(async () => {
  await h?.close();
});

const embed = (r: Recorded) => r.body.data?.embeds?.[0] ?? r.body.embeds?.[0];
const text = (e: any) =>
  [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].join('\n');

/** The estimate message the bot posted for `spec` (as its chart's PATCH of @original returns it), for the button tests. */
async function estimateMessage(spec: string, where: Parameters<typeof slash>[2] = 'guild') {
  const token = h.send(slash('estimate', { spec }, where));
  expect((await h.next(token, isCallback)).body.type).toBe(4);
  return (await h.next(token, isEdit)).response;
}

describe('slash commands', () => {
  it('estimate: answers at once with the summary first, a field per part, the footer and a Compare button; the chart follows', async () => {
    const token = h.send(slash('estimate', { spec: 'llama-2-7b' }));
    const answer = await h.next(token, isCallback);
    expect(answer.body.type).toBe(4);
    expect(answer.query.with_response).toBe('false');
    expect(answer.files).toEqual([]);
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
    const first = embed(answer);
    expect(first.title).toBe('Llama-2-7B');
    expect(first.image).toBeUndefined();
    expect(answer.body.data.components).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: 'Compare…', custom_id: 'cmp:llama-2-7b' }] },
    ]);
    // The chart is its own edit of the answer, with the same text.
    const edit = await h.next(token, isEdit);
    const e = embed(edit);
    expect({ ...e, image: undefined }).toEqual({ ...first, image: undefined });
    expect(e.title).toBe('Llama-2-7B');
    expect(e.description.split('\n')[0]).toContain('**6.74B**');
    expect(e.fields.map((f: any) => f.name)).toEqual(
      expect.arrayContaining(['Parameters', 'FLOPs', 'Memory per device', 'Budget']),
    );
    expect(e.fields.find((f: any) => f.name === 'Parameters').value).toContain('6,738,415,616');
    expect(e.footer.text.length).toBeGreaterThan(0);
    expect(edit.body.components).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: 'Compare…', custom_id: 'cmp:llama-2-7b' }] },
    ]);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    // The memory chart is an attachment that the embed shows.
    expect(edit.files).toEqual([expect.objectContaining({ name: 'napkin-memory.png', type: 'image/png' })]);
    expect(edit.files[0].size).toBeGreaterThan(1000);
    expect(e.image).toEqual({ url: 'attachment://napkin-memory.png' });
  });

  it('compare: both specs with the changed rows marked', async () => {
    const token = h.send(slash('compare', { a: 'llama-2-7b', b: 'L=40' }));
    const answer = await h.next(token, isCallback);
    expect(answer.body.type).toBe(4);
    const e = embed(answer);
    expect(e.description).toMatch(/\\\* \*\*params\*\*: 6\.74B → \*\*[\d.]+B\*\* \(\+[\d.]+B, ×1\.\d+\)/);
  });

  it('explain, presets and help answer at once (type 4) with an embed', async () => {
    await h.next(h.send(slash('estimate', { spec: 'gpt2' })), isCallback);
    const explain = await h.next(h.send(slash('explain', { topic: 'params' })), isCallback);
    expect(explain.body.type).toBe(4);
    // explain substitutes the numbers of the asker's last spec.
    const e = embed(explain);
    expect(e.footer.text).toContain('Numbers from the last spec: `gpt2`.');
    expect(e.fields.find((f: any) => f.name.startsWith('For GPT-2')).value).toMatch(/^d=768, L=12/);
    const presets = await h.next(h.send(slash('presets', { filter: 'llama-2' })), isCallback);
    expect(presets.body.type).toBe(4);
    expect(embed(presets).fields[0].name).toBe('Models (3)');
    const help = await h.next(h.send(slash('help')), isCallback);
    expect(help.body.type).toBe(4);
    expect(help.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(text(embed(help))).toContain('napkin compare \\<A> vs \\<B>');
  });

  it('a bad spec gets an ephemeral answer with the input, a caret and the hint', async () => {
    const reply = await h.next(h.send(slash('estimate', { spec: 'llama-2-7b bf17' })), isCallback);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    const e = embed(reply);
    expect(e.description).toMatch(/^```\nllama-2-7b bf17\n {11}\^+\n```\n\*\*Hint:\*\* /);
    expect(reply.body.data.components).toEqual([]);
  });

  it('echoed user text cannot mention anyone', async () => {
    const reply = await h.next(h.send(slash('estimate', { spec: '@everyone <@&123> lama' })), isCallback);
    expect(reply.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(reply.body.data.embeds)).not.toContain('@everyone');
    expect(embed(reply).description.split('\n')[1]).toBe('@\u200beveryone <@&123> lama');
  });

  it('autocomplete suggests presets that fit what was typed', async () => {
    const reply = await h.next(h.send(autocomplete('estimate', { spec: 'llama-2' }, 'spec')), isCallback);
    expect(reply.body.type).toBe(8);
    expect(reply.body.data.choices.slice(0, 3)).toEqual([
      { name: 'llama-2-7b', value: 'llama-2-7b' },
      { name: 'llama-2-13b', value: 'llama-2-13b' },
      { name: 'llama-2-70b', value: 'llama-2-70b' },
    ]);
  });
});

describe('the Compare… button', () => {
  it('opens a modal asking for a second config', async () => {
    const msg = await estimateMessage('llama-2-7b');
    const modal = await h.next(h.send(button(msg, 'cmp:llama-2-7b')), isCallback);
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe('cmpm:llama-2-7b');
    expect(modal.body.data.components[0].components[0]).toMatchObject({ type: 4, custom_id: 'spec', required: true });
  });

  it('posts the comparison in a thread started from the estimate, then reuses that thread', async () => {
    const msg = await estimateMessage('llama-2-7b');
    const token = h.send(modalSubmit(msg, 'cmpm:llama-2-7b', { spec: 'L=40' }));
    expect((await h.next(token, isCallback)).body).toEqual({ type: 5, data: { flags: 64 } });
    const start = await h.fake.waitFor((r) => r.path === `/channels/${CHANNEL_ID}/messages/${msg.id}/threads`);
    expect(start.body).toEqual({ name: 'napkin: llama-2-7b', auto_archive_duration: 1440 });
    const post = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${msg.id}/messages`);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(embed(post).description).toContain('\\* **params**: 6.74B → **8.36B**');
    expect((await h.next(token, isEdit)).body.content).toBe(`Comparison posted in <#${msg.id}>.`);
    // Then its chart, as an edit of the comparison posted in the thread.
    const chart = await h.fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/channels/${msg.id}/messages/${post.response.id}`,
    );
    expect(chart.files).toEqual([expect.objectContaining({ name: 'napkin-memory.png', type: 'image/png' })]);
    expect(embed(chart).image).toEqual({ url: 'attachment://napkin-memory.png' });
    expect(embed(chart).description).toBe(embed(post).description);

    // A second comparison from the same estimate goes to the same thread, without starting another.
    const again = h.send(modalSubmit(h.fake.messages.get(msg.id), 'cmpm:llama-2-7b', { spec: 'seq=8192' }));
    await h.next(again, isEdit);
    const starts = h.fake.requests.filter((r) => r.path.endsWith(`/messages/${msg.id}/threads`));
    expect(starts).toHaveLength(1);
    expect(h.fake.requests.filter((r) => r.path === `/channels/${msg.id}/messages`)).toHaveLength(2);

    // Inside the thread, /napkin estimate compares against the thread's base.
    const inThread = h.send(slash('estimate', { spec: 'L=48' }, { thread: msg.id }));
    expect((await h.next(inThread, isCallback)).body.type).toBe(5);
    const e = embed(await h.next(inThread, isEdit));
    expect(e.description).toContain('**Llama-2-7B** → **Llama-2-7B (L=48)**');
    expect(e.description).toMatch(/\\\* \*\*params\*\*: 6\.74B → \*\*9\.98B\*\*/);
    expect(e.footer.text).toMatch(/^Compared against the thread's base: .*llama-2-7b/);

    // `history` typed as the spec lists the thread's variants.
    const history = embed(await h.next(h.send(slash('estimate', { spec: 'history' }, { thread: msg.id })), isEdit));
    expect(history.title).toMatch(/^Thread history: 4 variants, base #1/);
  });

  it('keeps a spec too long for the button id in the thread store, keyed by the estimate message', async () => {
    const spec =
      'llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4 tokens=2T mfu=0.4 flash checkpointing gpus=8';
    expect(spec.length).toBeGreaterThan(95);
    const msg = await estimateMessage(spec);
    expect(msg.components[0].components[0].custom_id).toBe('cmp:');
    const modal = await h.next(h.send(button(msg, 'cmp:')), isCallback);
    expect(modal.body.data.custom_id).toBe('cmpm:');
    const token = h.send(modalSubmit(msg, 'cmpm:', { spec: 'zero2' }));
    await h.next(token, isEdit);
    const post = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${msg.id}/messages`)!;
    expect(embed(post).footer.text).toMatch(/^Compared against the thread's base: .*llama-2-7b bf16 adamw/);
  });

  it('a mistake inside a thread is answered privately at once, before any store is read', async () => {
    const msg = await estimateMessage('gpt2');
    await h.next(h.send(modalSubmit(msg, 'cmpm:gpt2', { spec: 'L=24' })), isEdit);
    const token = h.send(slash('estimate', { spec: 'L=2O' }, { thread: msg.id }));
    const answer = await h.next(token, isCallback);
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.flags).toBe(64);
    expect(embed(answer).description).toMatch(/^```\nL=2O\n/);
    expect(h.fake.forToken(token)).toHaveLength(1);
  });

  it('a turn whose answer turns out private after the defer replaces the public "thinking…"', async () => {
    const msg = await estimateMessage('gpt2');
    await h.next(h.send(modalSubmit(msg, 'cmpm:gpt2', { spec: 'L=24' })), isEdit);
    // `heads=7` parses, so it is deferred while the thread is read; on GPT-2's d=768 it cannot be.
    const token = h.send(slash('estimate', { spec: 'heads=7' }, { thread: msg.id }));
    expect((await h.next(token, isCallback)).body).toEqual({ type: 5, data: { flags: 0 } });
    await h.next(token, (r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original'));
    const followUp = await h.next(token, isFollowUp);
    expect(followUp.body.flags).toBe(64);
    expect(embed(followUp).description).toMatch(/^```\ngpt2 \+ heads=7\n/);
  });

  it('in a DM, answers the comparison in place', async () => {
    const msg = await estimateMessage('gpt2', 'dm');
    const token = h.send(modalSubmit(msg, 'cmpm:gpt2', { spec: 'gpt2-xl' }, 'dm'));
    expect((await h.next(token, isCallback)).body).toEqual({ type: 5, data: { flags: 0 } });
    const e = embed(await h.next(token, isEdit));
    expect(e.description).toContain('\\* **params**: 124M → **1.56B**');
  });
});

describe('registration', () => {
  it('bulk-overwrites the global commands when no server is configured', async () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: h.fake.api });
    if (!config.ok) throw new Error(config.error.join('; '));
    const done = await registerDiscord(config.value);
    const put = h.fake.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.path)).toEqual([`/applications/${APP_ID}/commands`]);
    expect(put[0].body).toEqual(slashCommands());
    expect(describeRegistration(done)).toBe(
      'napkin: registered /napkin globally with subcommands estimate, compare, explain, presets, help',
    );
    // `--shards auto` takes Discord's recommendation from the same configured REST base.
    expect(await gatewayBot(config.value)).toEqual({ shards: 2, maxConcurrency: 16 });
  });
});

describe('robustness', () => {
  it('a handler that fails answers with a short apology, logs one line, and the bot keeps answering', async () => {
    const msg = await estimateMessage('mistral-7b');
    h.fake.failNext('POST', /\/threads$/, 403, { code: 50013, message: 'Missing Permissions' });
    const token = h.send(modalSubmit(msg, 'cmpm:mistral-7b', { spec: 'L=40' }));
    const apology = await h.next(token, isFollowUp);
    expect(apology.body).toMatchObject({ content: expect.stringMatching(/^Sorry/), flags: 64 });
    expect(h.logs.filter((l) => l.includes('Missing Permissions'))).toHaveLength(1);
    expect((await h.next(h.send(slash('help')), isCallback)).body.type).toBe(4);
  });

  it('answers the excess of a flood from one user privately and keeps answering others', async () => {
    const own = await startHarness();
    try {
      const flooder = { ...USER, id: '1100000000000000077' };
      const tokens = Array.from({ length: 12 }, () => own.send(slash('help', {}, 'guild', flooder)));
      const replies = await Promise.all(tokens.map((t) => own.next(t, isCallback)));
      const refused = replies.filter((r) => r.body.data.flags === 64);
      expect(refused).toHaveLength(2);
      expect(embed(refused[0]).title).toMatch(/try again in \d+ s/);
      expect((await own.next(own.send(slash('help')), isCallback)).body.data.flags).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('resumes after the gateway drops the connection and answers the next interaction', async () => {
    h.fake.gateway.drop(0);
    const resume = await h.fake.gateway.waitFor((g) => g.op === 'resume');
    expect(resume.url.startsWith('/resume-gateway?v=10')).toBe(true);
    expect(resume.d).toMatchObject({ session_id: 'session-1', token: expect.any(String) });
    expect(h.fake.gateway.hellos.filter((g) => g.op === 'identify')).toHaveLength(1);
    const reply = await h.next(h.send(slash('estimate', { spec: 'llama-2-7b' })), isEdit);
    expect(embed(reply).description).toContain('6.74B');
  });
});
