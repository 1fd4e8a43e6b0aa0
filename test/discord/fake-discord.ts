// A fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js client: the REST routes the
// bot uses (under /api/v10, the version discord.js appends to `rest.api`) and the gateway on the same
// port. Every REST request is recorded with its parsed body so tests assert what the bot really sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ID, CHANNEL_ID, FakeGateway, GUILD_ID } from './fake-gateway.js';

export { APP_ID, CHANNEL_ID, GUILD_ID };

export interface Recorded {
  method: string;
  /** The route after /api/v10, e.g. /interactions/123/tok/callback. */
  path: string;
  query: Record<string, string>;
  body: any;
  /** Attached files of a multipart request: name and size in bytes. */
  files: { name: string; size: number; type: string }[];
  auth: string | undefined;
  /** What the fake answered: status and JSON body. */
  status: number;
  response: any;
  /** When the request arrived, ms since the epoch (the bench times first callbacks by it). */
  at: number;
}

type Handler = (req: Recorded, m: RegExpMatchArray) => [number, unknown];

let snowflakeCounter = 0;
/** A well-formed snowflake (discord.js decodes timestamps from ids). */
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1) % 4096;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) | BigInt(snowflakeCounter));
}

export class FakeDiscord {
  readonly requests: Recorded[] = [];
  readonly gateway: FakeGateway;
  /** Messages the bot created or edited, by id. */
  readonly messages = new Map<string, any>();
  /** Threads started from a message: message id → thread channel. */
  readonly threads = new Map<string, any>();
  private readonly server = createServer((req, res) => void this.serve(req, res));
  private readonly waiters: { pred: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  private readonly originals = new Map<string, string>();
  private readonly failures: { method: string; path: RegExp; status: number; body: unknown }[] = [];
  private readonly routes: [string, RegExp, Handler][] = [
    ['GET', /^\/gateway\/bot$/, () => [200, this.gatewayInfo()]],
    ['GET', /^\/applications\/@me$/, () => [200, { id: APP_ID, name: 'napkin', flags: 0 }]],
    ['PUT', /^\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/, (r) => [200, withIds(r.body)]],
    ['POST', /^\/interactions\/\d+\/[^/]+\/callback$/, () => [204, null]],
    ['PATCH', /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/, (r, m) => [200, this.original(m[1], r.body)]],
    ['GET', /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/, (_r, m) => [200, this.original(m[1], {})]],
    ['DELETE', /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/, () => [204, null]],
    ['POST', /^\/webhooks\/\d+\/([^/]+)$/, (r) => [200, this.message(CHANNEL_ID, r.body)]],
    ['POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, (r, m) => this.startThread(m[1], m[2], r.body)],
    ['POST', /^\/channels\/(\d+)\/messages$/, (r, m) => [200, this.message(m[1], r.body)]],
    ['PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, (r, m) => this.edit(m[1], m[2], r.body)],
  ];

  constructor(heartbeatMs = 1000) {
    this.gateway = new FakeGateway(() => `ws://127.0.0.1:${this.port}`, heartbeatMs);
    this.server.on('upgrade', (req, socket, head) => this.gateway.upgrade(req, socket, head));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The REST base to give discord.js as `rest.api` (DISCORD_API_URL). */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(pred: (r: Recorded) => boolean, timeoutMs = 10000): Promise<Recorded> {
    const seen = this.requests.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake discord: no matching request')), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** Answer the next matching request with an error instead (e.g. 403 Missing Permissions). */
  failNext(method: string, path: RegExp, status: number, body: unknown): void {
    this.failures.push({ method, path, status, body });
  }

  /** Every request about one interaction token (callback, edits, follow-ups), in order. */
  forToken(token: string): Recorded[] {
    return this.requests.filter((r) => aboutToken(r, token));
  }

  private gatewayInfo() {
    return {
      url: `ws://127.0.0.1:${this.port}/gateway`,
      shards: 2,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 60000, max_concurrency: 16 },
    };
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const rec: Recorded = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      ...(await parseBody(req)),
      auth: req.headers.authorization,
      status: 0,
      response: null,
      at,
    };
    const route = this.routes.find(([method, re]) => method === rec.method && re.test(path));
    const failure = this.failures.find((f) => f.method === rec.method && f.path.test(path));
    if (failure) this.failures.splice(this.failures.indexOf(failure), 1);
    const [status, body]: [number, unknown] = failure
      ? [failure.status, failure.body]
      : route
        ? route[2](rec, path.match(route[1])!)
        : [404, { message: '404: Not Found', code: 0 }];
    Object.assign(rec, { status, response: body });
    this.requests.push(rec);
    res.writeHead(status, body === null ? {} : { 'content-type': 'application/json' });
    res.end(body === null ? undefined : JSON.stringify(body));
    for (const w of this.waiters.filter((w) => w.pred(rec))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(rec);
    }
  }

  private message(channelId: string, body: any, id = snowflake()) {
    const msg = {
      id,
      channel_id: channelId,
      type: 0,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      flags: body?.flags ?? 0,
      author: { id: APP_ID, username: 'napkin', discriminator: '0', global_name: null, avatar: null, bot: true },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      webhook_id: APP_ID,
      application_id: APP_ID,
    };
    this.messages.set(id, msg);
    return msg;
  }

  /** An edit of a message the bot posted in a channel: 404 Unknown Message for any other. */
  private edit(channelId: string, id: string, body: any): [number, unknown] {
    const prev = this.messages.get(id);
    if (!prev || prev.channel_id !== channelId) return [404, { code: 10008, message: 'Unknown Message' }];
    return [200, this.message(channelId, { ...prev, ...body }, id)];
  }

  private original(token: string, body: any) {
    const id = this.originals.get(token) ?? snowflake();
    this.originals.set(token, id);
    const prev = this.messages.get(id) ?? {};
    return this.message(CHANNEL_ID, { ...prev, ...body }, id);
  }

  /** Threads started from a message take the message's id, as on Discord; a second start is error 160004. */
  private startThread(channelId: string, messageId: string, body: any): [number, unknown] {
    if (this.threads.has(messageId)) {
      return [400, { code: 160004, message: 'A thread has already been created for this message' }];
    }
    const thread = {
      id: messageId,
      type: 11,
      guild_id: GUILD_ID,
      parent_id: channelId,
      name: body?.name ?? 'thread',
      owner_id: APP_ID,
      thread_metadata: { archived: false, auto_archive_duration: body?.auto_archive_duration ?? 1440, locked: false },
      message_count: 0,
      member_count: 1,
    };
    this.threads.set(messageId, thread);
    const starter = this.messages.get(messageId);
    // As on Discord: the starting message now carries HAS_THREAD (32) and the thread.
    if (starter) Object.assign(starter, { flags: starter.flags | 32, thread });
    this.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, this.gateway.shardOf(GUILD_ID));
    return [201, thread];
  }
}

/** Whether a request concerns one interaction (its callback, or a webhook call with its token). */
export const aboutToken = (r: Recorded, token: string) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`);

function withIds(commands: any[]) {
  return (commands ?? []).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() }));
}

/** JSON bodies as they are; multipart bodies (attachments) as their payload_json plus the file list. */
async function parseBody(req: IncomingMessage): Promise<{ body: any; files: Recorded['files'] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (!type.startsWith('multipart/form-data')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const files: Recorded['files'] = [];
  let body: any = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') {
      if (key === 'payload_json') body = JSON.parse(value);
    } else files.push({ name: value.name, size: value.size, type: value.type });
  }
  return { body, files };
}
