// A minimal Slack Web API on 127.0.0.1 for the HTTP-endpoint row: both apps post their answers here,
// so nothing leaves the machine and the answers can be counted. It only counts; test/slack/fake-slack.ts
// is the recording fake the tests use.
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
  posted(): number;
  close(): Promise<void>;
}

// Every posted message gets its own ts, as on Slack: napkin keeps each slash answer as a new thread base,
// and one shared ts would pile every answer into a single ever-growing thread.
let posted = 0;

function answer(method: string): Record<string, unknown> {
  if (method === 'auth.test') return { ok: true, user_id: 'UNAPKIN', bot_id: 'BNAPKIN', team_id: 'T0TEAM' };
  if (method === 'chat.postMessage') return { ok: true, channel: 'C0BENCH', ts: `${1700000000 + ++posted}.000100` };
  return { ok: true };
}

export async function startFakeSlack(): Promise<BenchFake> {
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    // The body must be read for the connection to be reused; its content does not matter here.
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/respond/') ? 'response_url' : path;
      counts.set(method, (counts.get(method) ?? 0) + 1);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(method)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/api/`,
    origin,
    counts,
    posted: () => (counts.get('chat.postMessage') ?? 0) + (counts.get('response_url') ?? 0),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
