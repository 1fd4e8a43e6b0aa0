// The Slack HTTP-endpoint row: signed slash commands fired by autocannon at napkin's real Bolt app and at
// a bare Bolt app in the same run, each in its own process, both posting to a fake Web API on 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request, type Result } from 'autocannon';
import { type BenchFake, SIGNING_SECRET, startFakeSlack } from './bench-fake-slack.js';
import { dispatch } from '../src/commands/index.js';
import { renderSlack } from '../src/render/slack.js';
import { type Row, thousands } from './bench-stats.js';

const APP = fileURLToPath(new URL('./bench-slack-app.js', import.meta.url));
const WARM_S = 2;
const LOAD_S = 5;
const ROUNDS = 3;
// NAPKIN_BENCH_PROFILE=<dir>: the app processes write CPU profiles there (NODE_OPTIONS refuses --cpu-prof).
const PROFILE = process.env.NAPKIN_BENCH_PROFILE
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.NAPKIN_BENCH_PROFILE}`]
  : [];

/**
 * Slash commands as Slack posts them, signed (v0: HMAC-SHA256 of `v0:<ts>:<body>`) so Bolt's real
 * verification runs. `nochart`: this row measures the answer; charts have their own row, and are drawn
 * after the answer is posted. JSON configs are left out because nothing can follow them on the line.
 */
function slashCommands(specs: string[], fake: BenchFake): Request[] {
  const ts = Math.floor(Date.now() / 1000);
  const texts = specs.filter((s) => !s.startsWith('{')).slice(0, 300);
  return texts.map((text, i) => {
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      team_domain: 'bench',
      channel_id: 'C0BENCH',
      channel_name: 'bench',
      user_id: `U${i}`,
      user_name: `user${i}`,
      command: '/napkin',
      text: `${text} nochart`,
      api_app_id: 'A0NAPKIN',
      response_url: `${fake.origin}/respond/${i}`,
      trigger_id: `trigger-${i}`,
    }).toString();
    const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    };
    return { method: 'POST', path: '/slack/events', headers, body };
  });
}

/**
 * What the bare app posts: the answer of median size among the commands fired, so both apps send Slack the
 * same bytes per command and the difference is napkin's own work.
 */
async function typicalAnswer(requests: Request[]): Promise<{ text: string; blocks: string; spec: string }> {
  const answers = [];
  for (const r of requests) {
    const text = new URLSearchParams(String(r.body)).get('text')!;
    const reply = await dispatch(text, { platform: 'slack', user: 'U0BENCH' });
    const { text: fallback, blocks } = renderSlack(reply);
    if (!reply.ephemeral) answers.push({ text: fallback, blocks: JSON.stringify(blocks), spec: text });
  }
  answers.sort((a, b) => a.blocks.length + a.text.length - (b.blocks.length + b.text.length));
  return answers[answers.length >> 1];
}

/** What one round needs: the fake Web API, the commands to fire, and the bare app's constant answer (JSON). */
interface Setup {
  fake: BenchFake;
  requests: Request[];
  constant: string;
}

/**
 * napkin; napkin with Bolt's own fetch instead of src/adapters/slack/fetch.ts (is that file still worth
 * keeping?); the bare Bolt app of the target; the bare app posting through napkin's fetch (its own work only).
 */
type Mode = 'napkin' | 'napkin-bolt-fetch' | 'bare' | 'bare-fetch';
const MODES: Mode[] = ['bare', 'napkin', 'napkin-bolt-fetch', 'bare-fetch'];

async function startApp(mode: Mode, { fake, constant }: Setup): Promise<{ child: ChildProcess; port: number }> {
  const options = JSON.stringify({ fetch: mode === 'napkin-bolt-fetch' ? 'bolt' : 'napkin' });
  const args = [...PROFILE, APP, mode.startsWith('napkin') ? 'napkin' : mode, fake.apiUrl];
  args.push(mode.startsWith('napkin') ? options : constant);
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, port: JSON.parse(line).port };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until every acked command's answer has reached the fake (or 10 s); how long after the load that took. */
async function drained(fake: BenchFake, expected: number): Promise<number> {
  const t0 = Date.now();
  while (fake.posted() < expected && Date.now() - t0 < 10_000) await sleep(20);
  return Date.now() - t0;
}

/** Until no answer has arrived for 300 ms, so the warm-up's stragglers are not counted as the load's. */
async function settled(fake: BenchFake): Promise<void> {
  for (let last = -1; fake.posted() !== last; await sleep(300)) last = fake.posted();
}

interface Measured {
  rps: number;
  p99: number;
  acked: number;
  answered: number;
  lagMs: number;
}

async function measure(mode: Mode, setup: Setup): Promise<Measured> {
  const { fake, requests } = setup;
  const { child, port } = await startApp(mode, setup);
  const url = `http://127.0.0.1:${port}`;
  try {
    const start = fake.posted();
    const warm = await autocannon({ url, connections: 10, duration: WARM_S, requests });
    await drained(fake, start + warm['2xx']);
    await settled(fake);
    const before = fake.posted();
    const r: Result = await autocannon({ url, connections: 10, duration: LOAD_S, requests });
    if (r.errors || r.timeouts || r.non2xx)
      throw new Error(`${mode}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    const lagMs = await drained(fake, before + r['2xx']);
    const answered = fake.posted() - before;
    // A command counts when its answer has reached Slack, not when it was acked: an app that acks fast and
    // queues the answers would otherwise look faster than it is. So the rate is answers over the time until
    // the last one arrived.
    return { rps: answered / (LOAD_S + lagMs / 1000), p99: r.latency.p99, acked: r['2xx'], answered, lagMs };
  } finally {
    child.stdin!.end();
    await once(child, 'exit');
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

export async function slackRow(specs: string[]): Promise<{ rows: Row[]; note: string }> {
  const fake = await startFakeSlack();
  try {
    const requests = slashCommands(specs, fake);
    const typical = await typicalAnswer(requests);
    const setup: Setup = { fake, requests, constant: JSON.stringify({ text: typical.text, blocks: typical.blocks }) };
    const runs: Record<Mode, Measured[]> = { bare: [], napkin: [], 'napkin-bolt-fetch': [], 'bare-fetch': [] };
    // Alternating rounds, so a slower or faster stretch of the machine falls on every app.
    for (let i = 0; i < ROUNDS; i++) for (const mode of MODES) runs[mode].push(await measure(mode, setup));
    const [bare, napkin, boltFetch, lean] = [runs.bare, runs.napkin, runs['napkin-bolt-fetch'], runs['bare-fetch']].map(
      (m) => ({
        rps: mean(m.map((x) => x.rps)),
        p99: mean(m.map((x) => x.p99)),
      }),
    );
    const share = napkin.rps / bare.rps;
    const own = `against the same bare app posting through napkin's fetch (${Math.round(lean.rps)} answered/s, p99 ${lean.p99.toFixed(1)} ms), which leaves only napkin's own work: ${((napkin.rps / lean.rps) * 100).toFixed(0)}% of its rate, p99 ${signed(napkin.p99 - lean.p99)} ms.`;
    const acked = runs.napkin.reduce((a, m) => a + m.acked, 0);
    const answered = runs.napkin.reduce((a, m) => a + m.answered, 0);
    const lag = Math.max(...runs.napkin.map((m) => m.lagMs));
    const boltShare = boltFetch.rps / bare.rps;
    return {
      rows: [
        {
          what: 'Slack HTTP /napkin, signed, 10 connections',
          median: `${Math.round(napkin.rps)} answered/s = ${(share * 100).toFixed(0)}% of bare ${Math.round(bare.rps)}`,
          p99: `${napkin.p99.toFixed(1)} ms (bare ${bare.p99.toFixed(1)} ms)`,
          target: '≥ 90% of bare Bolt req/s, p99 ≤ bare + 2 ms',
          pass: share >= 0.9 && napkin.p99 <= bare.p99 + 2,
        },
        {
          what: "  the same, napkin posting through Bolt's own fetch",
          median: `${Math.round(boltFetch.rps)} answered/s = ${(boltShare * 100).toFixed(0)}% of bare`,
          p99: `${boltFetch.p99.toFixed(1)} ms`,
          target: 'same target (is fetch.ts needed?)',
          pass: boltShare >= 0.9 && boltFetch.p99 <= bare.p99 + 2,
        },
      ],
      note: `Slack: the bare app posts the median-size answer (${(typical.blocks.length / 1024).toFixed(1)} KB of blocks, \`${typical.spec}\`) for every command. ${answered >= acked ? 'every one' : `${thousands(answered)}`} of ${thousands(acked)} acked commands answered on the fake Web API, the last ${lag} ms after the load stopped; ${ROUNDS} alternating rounds of ${LOAD_S} s per app after ${WARM_S} s of warm-up. napkin posts through its own fetch (node:http, kept-alive connections); ${own}`,
    };
  } finally {
    await fake.close();
  }
}
