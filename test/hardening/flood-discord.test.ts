// Issue 9, load: 1,000 INTERACTION_CREATE dispatches from 200 users to the real discord.js client on the
// fake Discord. Every interaction gets exactly one first reply, counted at the fake: the answer itself, or
// (for a request that would wait over a second in a backlog) a defer and then one edit; a user flooding past the per-user limit is told privately to try again; the bot still answers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Recorded } from '../discord/fake-discord.js';
import { type Harness, isCallback, isEdit, isFollowUp, startHarness } from '../discord/harness.js';
import { slash, USER } from '../discord/payloads.js';
import { type FloodRequest, flood, PER_USER, USERS } from './flood.js';

let h: Harness;
beforeAll(async () => {
  // The default limit: 10 requests per user per 10 seconds.
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const user = (n: number) => ({
  ...USER,
  id: `12000000000000${String(n).padStart(5, '0')}`,
  username: `u${n}`,
});

function interaction(r: FloodRequest) {
  const who = user(r.user);
  switch (r.kind) {
    case 'help':
      return slash('help', {}, 'guild', who);
    case 'presets':
      return slash('presets', { filter: 'llama' }, 'guild', who);
    case 'estimate':
      return slash('estimate', { spec: 'gpt2 nochart' }, 'guild', who);
    case 'explain':
      return slash('explain', { topic: 'params' }, 'guild', who);
    case 'error':
      return slash('estimate', { spec: `llama-2-7b zq${r.n}=1` }, 'guild', who);
  }
}

const embed = (r: Recorded) => r.body.data?.embeds?.[0] ?? r.body.embeds?.[0];

it('answers 1,000 interactions from 200 users, each exactly once', async () => {
  const requests = flood();
  expect(requests).toHaveLength(USERS * PER_USER);
  const t0 = Date.now();
  const tokens = requests.map((r) => h.send(interaction(r)));
  await Promise.all(tokens.map((t) => h.fake.waitFor((r) => r.path.includes(`/${t}/callback`), 30_000)));
  // A request that would wait more than a second for its turn is deferred first, then edited in.
  const deferred = (t: string) => h.fake.forToken(t).some((r) => isCallback(r) && r.body.type === 5);
  await Promise.all(
    tokens.filter(deferred).map((t) => h.fake.waitFor((r) => isEdit(r) && r.path.includes(`/${t}/`), 30_000)),
  );
  const elapsed = Date.now() - t0;

  const byToken = new Map<string, Recorded[]>(tokens.map((t) => [t, []]));
  for (const r of h.fake.requests) {
    const t = /\/(token-[^/]+)/.exec(r.path)?.[1];
    if (t && byToken.has(t)) byToken.get(t)!.push(r);
  }
  for (const r of requests) {
    const got = byToken.get(tokens[r.n])!;
    expect(got.filter(isCallback)).toHaveLength(1);
    expect(got.filter(isFollowUp)).toEqual([]);
    const [callback] = got.filter(isCallback);
    // A mistake is answered at once and privately, never deferred; anything else at once or after a defer.
    if (r.kind === 'error') {
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.flags).toBe(64);
      expect(embed(callback).description).toContain(`zq${r.n}=1`);
      continue;
    }
    const answer = callback.body.type === 4 ? callback : got.find(isEdit)!;
    expect(got.filter(isEdit)).toHaveLength(callback.body.type === 4 ? 0 : 1);
    expect(answer.body.data?.flags ?? answer.body.flags ?? 0).toBe(0);
    if (r.kind === 'estimate') expect(embed(answer).title).toBe('GPT-2 small');
  }
  expect(h.logs).toEqual([]);
  // About 2 s here.
  expect(elapsed).toBeLessThan(30_000);
});

it('answers a flooding user up to the limit, then privately, and still answers others', async () => {
  const flooder = user(99_999);
  const tokens = Array.from({ length: 15 }, () => h.send(slash('help', {}, 'guild', flooder)));
  const replies = await Promise.all(tokens.map((t) => h.next(t, isCallback)));
  const refused = replies.filter((r) => r.body.data.flags === 64);
  expect(replies.filter((r) => r.body.data.flags === 0)).toHaveLength(10);
  expect(refused).toHaveLength(5);
  for (const r of refused)
    expect(embed(r).title).toMatch(/^You're asking napkin a lot at once — try again in \d+ s\.$/);

  const after = await h.next(
    h.send(slash('estimate', { spec: 'llama-2-7b nochart' }, 'guild', user(99_998))),
    isCallback,
  );
  expect(embed(after).description).toContain('6.74B');
});
