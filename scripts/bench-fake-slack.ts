// A minimal Slack Web API on 127.0.0.1 for the Slack rows: the apps post their answers (and upload their
// charts) here, so nothing leaves the machine and each answer can be counted and timed. It only counts;
// test/slack/fake-slack.ts is the recording fake the tests use.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_TOKEN = 'xoxb-bench-token-not-real';
export const SIGNING_SECRET = 'bench-signing-secret-not-real';

export interface BenchFake {
  apiUrl: string;
  origin: string;
  /** Answers received per method (`chat.postMessage`, `response_url`, …). */
  counts: Map<string, number>;
  /** When the first answer (a post or a response_url reply) reached each channel, ms since the epoch. */
  answeredAt: Map<string, number>;
  /** How many answers reached each channel (a command answered twice shows 2). */
  answers: Map<string, number>;
  posted(): number;
  close(): Promise<void>;
}

// Every posted message gets its own ts, as on Slack: napkin keeps each slash answer as a new thread base,
// and one shared ts would pile every answer into a single ever-growing thread.
let posted = 0;

function answer(method: string, origin: string): Record<string, unknown> {
  if (method === 'auth.test') return { ok: true, user_id: 'UNAPKIN', bot_id: 'BNAPKIN', team_id: 'T0TEAM' };
  if (method === 'chat.postMessage') return { ok: true, channel: 'C0BENCH', ts: `${1700000000 + ++posted}.000100` };
  if (method === 'files.getUploadURLExternal') return { ok: true, upload_url: `${origin}/upload/F0`, file_id: 'F0' };
  if (method === 'files.completeUploadExternal') return { ok: true, files: [{ id: 'F0', title: 'chart' }] };
  return { ok: true };
}

/** The channel an answer went to: a form or JSON field of the body (response_url carries it in the path). */
function channelOf(method: string, path: string, body: string): string | null {
  if (method === 'response_url') return path.split('/')[2] ?? null;
  if (method !== 'chat.postMessage') return null;
  return /(?:^|&)channel=([^&]+)/.exec(body)?.[1] ?? /"channel":"([^"]+)"/.exec(body)?.[1] ?? null;
}

export async function startFakeSlack(): Promise<BenchFake> {
  const counts = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const answers = new Map<string, number>();
  let origin = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const method = path.startsWith('/api/')
        ? path.slice(5)
        : path.startsWith('/respond/')
          ? 'response_url'
          : path.startsWith('/upload/')
            ? 'upload'
            : path;
      counts.set(method, (counts.get(method) ?? 0) + 1);
      const channel = channelOf(method, path, method === 'upload' ? '' : Buffer.concat(chunks).toString('utf8'));
      if (channel) {
        if (!answeredAt.has(channel)) answeredAt.set(channel, Date.now());
        answers.set(channel, (answers.get(channel) ?? 0) + 1);
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(method, origin)));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/api/`,
    origin,
    counts,
    answeredAt,
    answers,
    posted: () => (counts.get('chat.postMessage') ?? 0) + (counts.get('response_url') ?? 0),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
