// napkin as its users run it, in its own process against the fake Discord: `npm run discord:register`
// (its PUT body for one server), `npm start -- --shards 2` (two shard processes, each answering), and SIGTERM while
// answering (the answer still goes out, the process exits 0). Runs the build in dist/ (`npm test` makes it).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../src/adapters/discord/commands.js';
import { APP_ID, FakeDiscord, GUILD_ID } from './fake-discord.js';
import { isCallback, TOKEN } from './harness.js';
import { slash } from './payloads.js';

const children: ChildProcess[] = [];
const fakes: FakeDiscord[] = [];

beforeAll(async () => {
  if (!existsSync('dist/cli.js')) {
    await new Promise((resolve) =>
      spawn(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).on('exit', resolve),
    );
  }
});

afterAll(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function startFake(): Promise<FakeDiscord> {
  const fake = await new FakeDiscord().start();
  fakes.push(fake);
  return fake;
}

/** Run bin/napkin.js against `fake` with only the given napkin variables (none from the developer's shell). */
function napkin(fake: FakeDiscord, args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|NAPKIN)_/.test(k)));
  const child = spawn(process.execPath, ['bin/napkin.js', ...args], {
    env: { ...clean, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api, NAPKIN_DB: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const waiting: { seen: () => boolean; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    out += d;
    for (const w of waiting.filter((x) => x.seen())) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Resolves once the process (with its children) has printed `text` so many times. */
  const printed = (text: string, times = 1) => {
    const seen = () => out.split(text).length - 1 >= times;
    return seen() ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ seen, resolve }));
  };
  return { child, exited, printed, output: () => out };
}

// One at a time: each starts Node and discord.js, which is CPU-bound on a small machine.
describe('napkin in its own process', () => {
  it('npm run discord:register bulk-overwrites the commands of one server with the table-generated /napkin', async () => {
    const fake = await startFake();
    const run = napkin(fake, ['--discord-register'], { DISCORD_GUILD_ID: GUILD_ID });
    expect(await run.exited).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.auth).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(slashCommands());
    expect(put.body[0].options.map((o: any) => o.name)).toEqual(['estimate', 'compare', 'explain', 'presets', 'help']);
    expect(run.output()).toContain(`registered /napkin in server ${GUILD_ID} with subcommands estimate, compare`);
  });

  it('npm start -- --shards 2 runs two shard processes that each identify and answer', async () => {
    const fake = await startFake();
    const run = napkin(fake, ['--shards', '2'], {});
    const shards = await Promise.all(
      [0, 1].map((id) => fake.gateway.waitFor((g) => g.op === 'identify' && g.d.shard?.[0] === id, 30_000)),
    );
    expect(shards.map((g) => g.d.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Guilds intent only: no privileged intent is asked for.
    expect(shards.map((g) => g.d.intents)).toEqual([1, 1]);
    for (const id of [0, 1]) {
      const { payload, token } = slash('help');
      // Each shard process prints it, and the manager once it has seen every shard ready.
      await run.printed('started Discord', 3);
      fake.gateway.dispatch('INTERACTION_CREATE', payload, id);
      const reply = await fake.waitFor((r) => r.path.includes(token) && isCallback(r));
      expect(reply.body.type).toBe(4);
    }
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // The manager passed SIGTERM on: both shard processes disconnected too.
    await fake.gateway.allClosed();
  });

  it('npm start, on SIGTERM, finishes the answer in flight, disconnects and exits 0', async () => {
    const fake = await startFake();
    const run = napkin(fake, [], {});
    await fake.gateway.waitFor((g) => g.op === 'identify', 30_000);
    await run.printed('started Discord');
    const { payload, token } = slash('estimate', { spec: 'llama-2-70b bf16 adamw 64xH100 zero3 seq=4096 batch=1' });
    fake.gateway.dispatch('INTERACTION_CREATE', payload, 0);
    await fake.waitFor((r) => r.path.includes(token) && isCallback(r));
    run.child.kill('SIGTERM');
    const edit = await fake.waitFor((r) => r.path.includes(token) && r.method === 'PATCH');
    expect(edit.body.embeds[0].title).toBe('Llama-2-70B');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain(TOKEN);
  });
});
