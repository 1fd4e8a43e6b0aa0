// The Slack app's own fetch (src/adapters/slack/fetch.ts) against real servers on 127.0.0.1: what the
// WebClient and Bolt's respond() read from a response must be what undici's fetch gives them.
import { once } from 'node:events';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { slackFetch } from '../../src/adapters/slack/fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** A server on 127.0.0.1 that records each request (body read in full) before `handle` answers it. */
async function serve(handle: Handler, server: http.Server = http.createServer()) {
  const seen: Seen[] = [];
  let connections = 0;
  server.on('connection', () => connections++);
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(s);
      handle(req, res, s);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return { origin: `${scheme}://127.0.0.1:${port}`, seen, connections: () => connections };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('slackFetch', () => {
  it('posts a text body with its headers and gives back status, headers, url and body', async () => {
    const api = await serve((_req, res) => json(res, 200, { ok: true, ts: '1.2' }, { 'x-oauth-scopes': 'chat:write' }));
    const form = 'channel=C1&text=%E2%89%88+4+GiB';
    const res = await slackFetch(`${api.origin}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-test' },
      body: form,
      redirect: 'error',
    });
    expect(api.seen).toHaveLength(1);
    const [req] = api.seen;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/chat.postMessage');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers.authorization).toBe('Bearer xoxb-test');
    expect(req.headers['content-length']).toBe(String(form.length));
    expect(req.body.toString()).toBe(form);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${api.origin}/api/chat.postMessage`);
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
  });

  it('sends a non-ASCII body as UTF-8 with its byte length', async () => {
    const api = await serve((_req, res) => json(res, 200, { ok: true }));
    const body = JSON.stringify({ text: '≈ 4.2 GiB → fits' });
    await slackFetch(`${api.origin}/respond/1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(api.seen[0].headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(JSON.parse(api.seen[0].body.toString('utf8')).text).toBe('≈ 4.2 GiB → fits');
  });

  it('resolves error statuses as responses, as fetch does: 429 with Retry-After, 500 with its text', async () => {
    const api = await serve((req, res) =>
      req.url === '/busy'
        ? json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '3' })
        : res.writeHead(500, 'Internal Server Error', { 'content-type': 'text/plain' }).end('boom'),
    );
    const busy = await slackFetch(`${api.origin}/busy`, { method: 'POST', body: 'a=1' });
    expect(busy.status).toBe(429);
    expect(busy.ok).toBe(false);
    expect(busy.headers.get('retry-after')).toBe('3');
    const broken = await slackFetch(`${api.origin}/broken`, { method: 'POST', body: 'a=1' });
    expect(broken.status).toBe(500);
    expect(broken.statusText).toBe('Internal Server Error');
    expect(Object.fromEntries(broken.headers.entries())['content-type']).toBe('text/plain');
    expect(await broken.text()).toBe('boom');
  });

  it('gives an empty body for 204', async () => {
    const api = await serve((_req, res) => res.writeHead(204).end());
    const res = await slackFetch(`${api.origin}/x`, { method: 'POST', body: '' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('fails, without crashing the process, on a status Response cannot hold or a body cut short', async () => {
    // Raw sockets: an HTTP server cannot send status 999, nor promise 100 bytes and send 5.
    const raw = net.createServer((socket) =>
      socket.once('data', (req) => {
        if (req.toString().startsWith('POST /odd')) socket.end('HTTP/1.1 999 Odd\r\ncontent-length: 2\r\n\r\n{}');
        else socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"ok"');
      }),
    );
    raw.listen(0, '127.0.0.1');
    await once(raw, 'listening');
    const origin = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    try {
      const odd = await slackFetch(`${origin}/odd`, { method: 'POST', body: 'a=1' }).catch((e) => e);
      expect(odd).toBeInstanceOf(TypeError);
      expect(odd.cause).toBeInstanceOf(RangeError);
      const cut = await slackFetch(`${origin}/cut`, { method: 'POST', body: 'a=1' }).catch((e) => e);
      expect(cut).toBeInstanceOf(TypeError);
      expect(cut.message).toBe('fetch failed');
    } finally {
      raw.close();
    }
  });

  it('leaves the caller’s headers as they were', async () => {
    const api = await serve((_req, res) => json(res, 200, { ok: true }));
    const headers = { 'Content-Type': 'application/json' };
    await slackFetch(`${api.origin}/respond/1`, { method: 'POST', headers, body: '{"text":"hi"}' });
    expect(headers).toEqual({ 'Content-Type': 'application/json' });
    expect(api.seen[0].headers['content-length']).toBe('13');
  });

  it('keeps the connection alive between requests', async () => {
    const api = await serve((_req, res) => json(res, 200, { ok: true }));
    for (let i = 0; i < 3; i++) await (await slackFetch(`${api.origin}/n${i}`, { method: 'POST', body: 'x' })).text();
    expect(api.seen.map((s) => s.url)).toEqual(['/n0', '/n1', '/n2']);
    expect(api.connections()).toBe(1);
  });

  it('fails as fetch does when nothing listens: TypeError "fetch failed", the socket error as its cause', async () => {
    const api = await serve(() => {});
    const { origin } = api;
    servers.pop()!.close();
    const err = await slackFetch(`${origin}/api/auth.test`, { method: 'POST', body: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('fetch failed');
    expect(err.cause.code).toBe('ECONNREFUSED');
  });

  it('refuses a redirect when told to (the WebClient does), and follows it otherwise', async () => {
    const api = await serve((req, res) =>
      req.url === '/moved' ? res.writeHead(302, { location: '/here' }).end() : json(res, 200, { at: req.url }),
    );
    const refused = await slackFetch(`${api.origin}/moved`, { method: 'POST', body: 'a=1', redirect: 'error' }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(TypeError);
    const followed = await slackFetch(`${api.origin}/moved`, { method: 'GET' });
    expect(followed.status).toBe(200);
    expect(await followed.json()).toEqual({ at: '/here' });
  });

  it('hands bodies that are not text (file uploads) to the global fetch', async () => {
    const api = await serve((_req, res) => json(res, 200, { ok: true }));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const res = await slackFetch(`${api.origin}/upload`, { method: 'POST', body: png });
    expect(res.status).toBe(200);
    expect([...api.seen[0].body]).toEqual([...png]);
    const form = new FormData();
    form.append('file', new Blob([png]), 'napkin-memory.png');
    await slackFetch(`${api.origin}/upload`, { method: 'POST', body: form });
    expect(api.seen[1].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(api.seen[1].body.includes(png)).toBe(true);
  });

  it('stops waiting when its signal aborts, rejecting with the signal’s reason', async () => {
    const api = await serve(() => {});
    const err = await slackFetch(`${api.origin}/slow`, {
      method: 'POST',
      body: 'a=1',
      signal: AbortSignal.timeout(50),
    }).catch((e) => e);
    expect(err.name).toBe('TimeoutError');
  });

  it('checks certificates over HTTPS: a self-signed one is refused', async () => {
    const tls = new URL('../fixtures/tls/', import.meta.url);
    const server = https.createServer({
      key: readFileSync(new URL('self-signed.key', tls)),
      cert: readFileSync(new URL('self-signed.crt', tls)),
    });
    const api = await serve((_req, res) => json(res, 200, { ok: true }), server);
    const err = await slackFetch(`${api.origin}/api/auth.test`, { method: 'POST', body: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err.cause.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(api.seen).toHaveLength(0);
  });
});
