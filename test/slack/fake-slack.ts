// A fake Slack on 127.0.0.1 for the front-end tests: the Web API methods napkin calls (recorded, with
// injectable 429/500 faults), response_url and file-upload targets, and a Socket Mode WebSocket that says
// hello, sends envelopes and collects their acks. Nothing here ever talks to a real Slack address.
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { answer, PNG_SIGNATURE, parseBody } from './fake-slack-api.js';

export interface ApiCall {
  /** Web API method (`chat.postMessage`), or `response_url` / `upload` for those targets. */
  method: string;
  body: Record<string, any>;
  authorization: string | undefined;
  /** The HTTP status the fake answered with (a 429 or 500 when a fault was injected). */
  status: number;
  /** The JSON the fake answered with (absent for a fault). */
  response?: Record<string, any>;
}

export interface Fault {
  status: 429 | 500;
  /** Seconds, sent as the Retry-After header of a 429. */
  retryAfter?: number;
}

export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

export { BOT_USER_ID } from './fake-slack-api.js';

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly acks: Ack[] = [];
  /** Channels the bot is not a member of: chat.postMessage there answers not_in_channel. */
  readonly outside = new Set<string>();
  /** Bot tokens auth.test rejects with invalid_auth. */
  readonly revoked = new Set<string>();
  /** Number of Socket Mode connections opened so far. */
  connections = 0;
  private readonly events = new EventEmitter();
  private readonly faults = new Map<string, Fault[]>();
  private readonly refusals = new Map<string, string[]>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private envelopes = 0;
  private readonly server = http.createServer((req, res) => this.route(req, res));

  private constructor() {
    this.server.on('upgrade', (req, sock, head) => {
      this.wss.handleUpgrade(req, sock, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The Web API base to hand to the app (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** Answer the next calls of `method` with these faults, in order, before answering normally. */
  fail(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /**
   * The first call (past or future) of `method` that matches `match` and was answered with 200. Gives up
   * after `ms` with the calls seen so far, so a missing answer fails with something to read.
   */
  waitFor(method: string, match: (body: Record<string, any>) => boolean = () => true, ms = 10_000): Promise<ApiCall> {
    const hit = (c: ApiCall) => c.method === method && c.status === 200 && match(c.body);
    const seen = this.calls.find(hit);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('call', listen);
        const got = this.calls.map((c) => `${c.method} ${c.status} ${JSON.stringify(c.body).slice(0, 300)}`);
        reject(new Error(`no matching ${method} within ${ms} ms; calls:\n${got.join('\n')}`));
      }, ms);
      const listen = (c: ApiCall) => {
        if (!hit(c)) return;
        clearTimeout(timer);
        this.events.off('call', listen);
        resolve(c);
      };
      this.events.on('call', listen);
    });
  }

  /** Answer the next call of `method` with HTTP 200 and `{ ok: false, error }`, as Slack refuses a call. */
  refuse(method: string, error: string): void {
    this.refusals.set(method, [...(this.refusals.get(method) ?? []), error]);
  }

  /** Run `fn` on every call as it arrives, before it is answered (e.g. to kill the caller right then). */
  onCall(fn: (call: ApiCall) => void): void {
    this.events.on('call', fn);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once a Socket Mode client has connected and been sent `hello`. */
  async connected(): Promise<void> {
    if (!this.socket) await once(this.events, 'socket');
  }

  /** Send one Socket Mode envelope and resolve with the client's ack. */
  async send(type: string, payload: Record<string, any>): Promise<Ack> {
    await this.connected();
    const envelope_id = `env-${++this.envelopes}`;
    const acked = new Promise<Ack>((resolve) => {
      const listen = (ack: Ack) => {
        if (ack.envelope_id !== envelope_id) return;
        this.events.off('ack', listen);
        resolve(ack);
      };
      this.events.on('ack', listen);
    });
    this.socket!.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private onSocket(ws: WebSocket): void {
    this.connections++;
    this.socket = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Ack;
      this.acks.push(ack);
      this.events.emit('ack', ack);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0NAPKIN' } }));
    this.events.emit('socket');
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = (req.url ?? '').split('?')[0];
      const method = path.startsWith('/api/')
        ? path.slice(5)
        : path.startsWith('/respond/')
          ? 'response_url'
          : path.startsWith('/upload/')
            ? 'upload'
            : path;
      const body =
        method === 'upload'
          ? { bytes: raw.length, png: raw.includes(PNG_SIGNATURE) }
          : parseBody(raw.toString('utf8'), req.headers['content-type']);
      const fault = this.faults.get(method)?.shift();
      const call: ApiCall = { method, body, authorization: req.headers.authorization, status: fault?.status ?? 200 };
      const refusal = fault ? undefined : this.refusals.get(method)?.shift();
      if (refusal !== undefined) call.response = { ok: false, error: refusal };
      else if (!fault)
        call.response = answer(method, body, {
          origin: this.origin,
          n: this.calls.length,
          outside: this.outside,
          revoked: this.revoked,
        });
      this.calls.push(call);
      this.events.emit('call', call);
      if (fault) {
        const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
        res.writeHead(fault.status, headers).end(fault.status === 429 ? '{"ok":false,"error":"ratelimited"}' : 'oops');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(call.response));
    });
  }
}
