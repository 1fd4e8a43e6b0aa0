// The Slack burst row (issue 18): 2,000 signed slash commands from 100 users, charts on, fired at napkin's
// real Bolt app (its own process) by 100 concurrent users, each sending its 20 commands one after another.
// Every command gets its own channel, so the fake Web API can time its answer: text latency is from the
// request leaving here to the answer (chat.postMessage, or a private response_url reply) reaching the fake.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type BenchFake, SIGNING_SECRET, startFakeSlack } from './bench-fake-slack.js';
import { type Row, summary, thousands } from './bench-stats.js';

const APP = fileURLToPath(new URL('./bench-slack-app.js', import.meta.url));
const USERS = 100;
const PER_USER = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LoadOptions {
  /** Where charts are drawn: the renderer threads (default) or the app's own thread. */
  charts: 'threads' | 'app' | 'off';
  db?: 'file' | 'memory';
}

interface App {
  child: ChildProcess;
  port: number;
  lines: AsyncIterator<string>;
}

async function startApp(fake: BenchFake, options: LoadOptions): Promise<App> {
  const child = spawn(process.execPath, [APP, 'napkin', fake.apiUrl, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  return { child, port: JSON.parse(first.value).port, lines };
}

/** Stop the app; resolves to its peak resident set in bytes and its event loop's stalls in ms. */
async function stopApp(app: App): Promise<{ maxRss: number; stalls: { p99: number; max: number } }> {
  app.child.stdin!.end();
  const line = await app.lines.next();
  await once(app.child, 'exit');
  return JSON.parse(line.value);
}

function signedBody(text: string, user: number, channel: string, fake: BenchFake) {
  const body = new URLSearchParams({
    team_id: 'T0TEAM',
    channel_id: channel,
    channel_name: 'bench',
    user_id: `U${user}`,
    user_name: `user${user}`,
    command: '/napkin',
    text,
    api_app_id: 'A0NAPKIN',
    response_url: `${fake.origin}/respond/${channel}`,
    trigger_id: `trigger-${channel}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, ts, signature };
}

function post(agent: http.Agent, port: number, s: ReturnType<typeof signedBody>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(s.body),
          'x-slack-request-timestamp': String(s.ts),
          'x-slack-signature': s.signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(s.body);
  });
}

export async function slackLoadRow(specs: string[], options: LoadOptions): Promise<{ row: Row; note: string }> {
  const fake = await startFakeSlack();
  const app = await startApp(fake, options);
  const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });
  const texts = specs.filter((s) => !s.startsWith('{'));
  const sent = new Map<string, number>();
  const acks: number[] = [];
  let non200 = 0;
  try {
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: USERS }, async (_, user) => {
        for (let k = 0; k < PER_USER; k++) {
          const n = user * PER_USER + k;
          const channel = `C${n}`;
          const s = signedBody(texts[n % texts.length], user, channel, fake);
          const at = Date.now();
          sent.set(channel, at);
          const status = await post(agent, app.port, s);
          acks.push(Date.now() - at);
          if (status !== 200) non200++;
        }
      }),
    );
    const total = USERS * PER_USER;
    // Every text answer, then every chart (until none has arrived for 3 s, at most 4 minutes).
    for (let w = 0; fake.answeredAt.size < total && w < 60_000; w += 50) await sleep(50);
    const textsDone = Date.now() - t0;
    const uploaded = () => fake.counts.get('files.completeUploadExternal') ?? 0;
    let charts = -1;
    for (let w = 0; w < 240_000 && uploaded() !== charts; w += 3000) {
      charts = uploaded();
      await sleep(3000);
    }
    const chartsDone = Date.now() - t0 - 3000;
    const latency = [...sent].flatMap(([ch, at]) => (fake.answeredAt.has(ch) ? [fake.answeredAt.get(ch)! - at] : []));
    const twice = [...fake.answers.values()].filter((n) => n > 1).length;
    const { maxRss: peak, stalls } = await stopApp(app);
    const text = summary(latency);
    const ack = summary(acks);
    const answeredOnce = latency.length === total && twice === 0 && non200 === 0;
    const where = { threads: 'renderer threads', app: "the app's own thread", off: 'none drawn' }[options.charts];
    return {
      row: {
        what: `Slack burst: ${thousands(total)} /napkin from ${USERS} users, charts ${options.charts === 'off' ? 'off' : `on (${where})`}${options.db === 'memory' ? ', threads in memory' : ''}`,
        median: `text ${text.median} ms, ack ${ack.median} ms`,
        p99: `text ${text.p99} ms, ack ${ack.p99} ms; RSS peak ${Math.round(peak / 2 ** 20)} MiB`,
        target: 'each answered once, text p99 ≤ 2 s, RSS peak ≤ 400 MiB',
        pass: answeredOnce && text.p99 <= 2000 && peak <= 400 * 2 ** 20,
      },
      note: `Slack burst (charts in ${where}): ${thousands(latency.length)} of ${thousands(total)} commands answered${twice ? `, ${twice} twice` : ''}${non200 ? `, ${non200} not acked 200` : ''}; all texts out ${(textsDone / 1000).toFixed(1)} s after the first command; ${thousands(charts)} charts uploaded, the last ${(chartsDone / 1000).toFixed(0)} s in (${fake.counts.get('response_url') ?? 0} private answers have none); the app's event loop stalled ${stalls.max.toFixed(0)} ms at most (p99 ${stalls.p99.toFixed(0)} ms).`,
    };
  } finally {
    agent.destroy();
    if (app.child.exitCode === null) app.child.kill();
    await fake.close();
  }
}
