// The Discord burst row (issue 18): 600 slash commands from 100 users dispatched on the fake gateway at
// 400 a second to napkin's real discord.js client (its own process), charts on. Discord drops an
// interaction whose first callback comes later than 3 s after it was sent: each is timed from its
// dispatch here to its callback reaching the fake REST API.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../test/discord/fake-discord.js';
import { slash, USER } from '../test/discord/payloads.js';
import { type Row, summary, thousands } from './bench-stats.js';

const APP = fileURLToPath(new URL('./bench-discord-app.js', import.meta.url));
const COUNT = 600;
const PER_SECOND = 400;
const USERS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function discordLoadRow(specs: string[], charts = true): Promise<{ row: Row; note: string }> {
  const fake = await new FakeDiscord().start();
  const profile = process.env.NAPKIN_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.NAPKIN_BENCH_PROFILE}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, APP, fake.api, JSON.stringify({ charts })], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  try {
    await lines.next();
    const texts = specs.filter((s) => !s.startsWith('{'));
    const sent = new Map<string, number>();
    const t0 = Date.now();
    for (let i = 0; i < COUNT; i++) {
      // On schedule: interaction i leaves at t0 + i / 400 s, a few per timer tick.
      const due = t0 + (i * 1000) / PER_SECOND;
      if (due > Date.now()) await sleep(due - Date.now());
      const user = { ...USER, id: `12${String(1e16 + (i % USERS)).slice(1)}`, username: `u${i % USERS}` };
      const built = slash('estimate', { spec: texts[i % texts.length] }, 'guild', user);
      sent.set(built.token, Date.now());
      fake.gateway.dispatch('INTERACTION_CREATE', built.payload, 0);
    }
    const firstOf = new Map<string, number>();
    for (let w = 0; w < 30_000 && firstOf.size < COUNT; w += 50) {
      for (const r of fake.requests) {
        const token = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(r.path)?.[1];
        if (token && sent.has(token) && !firstOf.has(token)) firstOf.set(token, r.at - sent.get(token)!);
      }
      if (firstOf.size < COUNT) await sleep(50);
    }
    const callbacks = fake.requests.filter((r) => r.path.endsWith('/callback')).length;
    const edits = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/@original')).length;
    let edited = -1;
    for (let w = 0; w < 120_000 && edits() !== edited; w += 3000) {
      edited = edits();
      await sleep(3000);
    }
    child.stdin!.end();
    const { maxRss, stalls } = JSON.parse((await lines.next()).value);
    await once(child, 'exit');
    const late = [...firstOf.values()].filter((ms) => ms > 3000).length;
    const { median, p99 } = summary([...firstOf.values()]);
    const max = Math.max(...firstOf.values());
    const all = firstOf.size === COUNT && callbacks === COUNT;
    return {
      row: {
        what: `Discord burst: ${COUNT} /napkin at ${PER_SECOND}/s from ${USERS} users, charts ${charts ? 'on' : 'off'}`,
        median: `first callback ${median} ms`,
        p99: `${p99} ms (max ${max} ms); RSS peak ${Math.round(maxRss / 2 ** 20)} MiB`,
        target: 'every first callback ≤ 3 s',
        pass: all && late === 0,
      },
      note: `Discord burst: ${thousands(firstOf.size)} of ${COUNT} interactions got a first callback (${callbacks} callbacks in all), ${late} after 3 s; ${thousands(edited)} edits followed (charts, and answers after a defer); the bot's event loop stalled ${stalls.max.toFixed(0)} ms at most (p99 ${stalls.p99.toFixed(0)} ms).`,
    };
  } finally {
    if (child.exitCode === null) child.kill();
    await fake.close();
  }
}
