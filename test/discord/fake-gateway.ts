// The gateway half of the fake Discord: HELLO, IDENTIFY → READY (+ GUILD_CREATE), heartbeat ACKs,
// RESUME → replay of missed events and RESUMED, and dispatches the test pushes. One session per shard, kept across reconnects so a
// resume can be checked against the session id and sequence the client remembers.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface GatewayHello {
  op: 'identify' | 'resume';
  shard: number;
  d: any;
  /** The path and query the client connected to (a resume must use resume_gateway_url). */
  url: string;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  socket: WebSocket | null;
  /** Every dispatch sent, so a RESUME can replay what the client missed, as Discord does. */
  sent: { s: number; t: string; d: unknown }[];
}

export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1100000000000000002';
export const CHANNEL_ID = '1100000000000000003';

export class FakeGateway {
  readonly hellos: GatewayHello[] = [];
  /** Close each IDENTIFY's connection with this code instead of READY (4004: Authentication failed). */
  refuseIdentify: number | null = null;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<number, Session>();
  private readonly waiters: { pred: (h: GatewayHello) => boolean; resolve: (h: GatewayHello) => void }[] = [];
  private nextSession = 1;

  constructor(
    private readonly baseUrl: () => string,
    private readonly heartbeatMs: number,
  ) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req.url ?? ''));
  }

  /** Resolves with the first IDENTIFY or RESUME (past or future) that matches. */
  waitFor(pred: (h: GatewayHello) => boolean, timeoutMs = 15000): Promise<GatewayHello> {
    const seen = this.hellos.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake gateway: no matching IDENTIFY/RESUME')), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (h) => {
          clearTimeout(timer);
          resolve(h);
        },
      });
    });
  }

  /** Sends a dispatch on a shard's live connection. */
  dispatch(t: string, d: unknown, shard = 0): void {
    const s = this.sessions.get(shard);
    if (!s?.socket) throw new Error(`fake gateway: shard ${shard} is not connected`);
    s.seq += 1;
    s.sent.push({ s: s.seq, t, d });
    s.socket.send(JSON.stringify({ op: 0, t, s: s.seq, d }));
  }

  /** Resolves once no client is connected (every bot process has disconnected). */
  allClosed(): Promise<void> {
    if (this.wss.clients.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      for (const ws of this.wss.clients) {
        ws.once('close', () => {
          if ([...this.wss.clients].every((c) => c.readyState === c.CLOSED)) resolve();
        });
      }
    });
  }

  /** Drops a shard's connection the way Discord does on an internal error (4000: resumable). */
  drop(shard = 0, code = 4000): void {
    this.sessions.get(shard)?.socket?.close(code, 'fake drop');
  }

  /** The shard whose connection serves a guild, as Discord routes it: (guild_id >> 22) % shards. */
  shardOf(guildId: string): number {
    const any = [...this.sessions.values()][0];
    const count = any ? any.shard[1] : 1;
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket, url: string): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs }, s: null, t: null }));
    ws.on('message', (raw) => this.onMessage(ws, url, JSON.parse(String(raw))));
  }

  private onMessage(ws: WebSocket, url: string, msg: { op: number; d: any }): void {
    if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    else if (msg.op === 2) this.identify(ws, url, msg.d);
    else if (msg.op === 6) this.resume(ws, url, msg.d);
  }

  private identify(ws: WebSocket, url: string, d: any): void {
    if (this.refuseIdentify !== null) {
      ws.close(this.refuseIdentify, 'Authentication failed.');
      return;
    }
    const shard: [number, number] = d.shard ?? [0, 1];
    const session: Session = { id: `session-${this.nextSession++}`, shard, seq: 0, socket: ws, sent: [] };
    this.sessions.set(shard[0], session);
    const guilds = shard[0] === Number((BigInt(GUILD_ID) >> 22n) % BigInt(shard[1])) ? [GUILD_ID] : [];
    this.dispatch(
      'READY',
      {
        v: 10,
        user: { id: APP_ID, username: 'napkin', discriminator: '0', global_name: null, avatar: null, bot: true },
        guilds: guilds.map((id) => ({ id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: `${this.baseUrl()}/resume-gateway`,
        shard,
        application: { id: APP_ID, flags: 0 },
      },
      shard[0],
    );
    for (const id of guilds) this.dispatch('GUILD_CREATE', guildPayload(id), shard[0]);
    this.record({ op: 'identify', shard: shard[0], d, url });
  }

  private resume(ws: WebSocket, url: string, d: any): void {
    const session = [...this.sessions.values()].find((s) => s.id === d.session_id);
    if (!session) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    session.socket = ws;
    // Events sent after the client's last sequence (e.g. still in flight when the connection dropped).
    for (const e of session.sent.filter((x) => x.s > (d.seq ?? 0))) ws.send(JSON.stringify({ op: 0, ...e }));
    this.dispatch('RESUMED', null, session.shard[0]);
    this.record({ op: 'resume', shard: session.shard[0], d, url });
  }

  private record(h: GatewayHello): void {
    this.hellos.push(h);
    for (const w of this.waiters.filter((w) => w.pred(h))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(h);
    }
  }
}

export function guildPayload(id: string) {
  return {
    id,
    name: 'napkin test server',
    icon: null,
    owner_id: '1100000000000000099',
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date().toISOString(),
    features: [],
    roles: [{ id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false }],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    // No threads: a restarted bot must learn a thread from the interaction, as for an archived one.
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'sizing', guild_id: id, position: 0, permission_overwrites: [] }],
  };
}
