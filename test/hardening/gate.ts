// A pass-through HTTP proxy on 127.0.0.1 in front of a fake platform API that can hold chosen requests:
// the bot's answer is then provably in flight for as long as a test needs (a signal delivered, a refusal
// seen), with no sleep guessing how long an answer takes.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Match = (method: string, path: string) => boolean;

// Hop-by-hop and length headers: fetch sets its own for the forwarded request and the reply.
const DROP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

export class Gate {
  /** Requests that arrived while held, by path, in order. */
  readonly heldPaths: string[] = [];
  private releaseAll: () => void = () => {};
  private readonly opened: Promise<void>;
  private arrived: () => void = () => {};
  private readonly firstHeld = new Promise<void>((resolve) => {
    this.arrived = resolve;
  });
  private readonly server = http.createServer((req, res) => void this.forward(req, res));

  private constructor(
    private readonly target: string,
    private readonly hold: Match,
  ) {
    this.opened = new Promise((resolve) => {
      this.releaseAll = resolve;
    });
  }

  /** Forward everything to `target` (an http://127.0.0.1:port origin), holding requests that `hold` picks. */
  static async start(target: string, hold: Match): Promise<Gate> {
    if (!target.startsWith('http://127.0.0.1:')) throw new Error(`gate: ${target} is not on 127.0.0.1`);
    const gate = new Gate(target, hold);
    gate.server.listen(0, '127.0.0.1');
    await once(gate.server, 'listening');
    return gate;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once a request to hold has arrived (and is being held). */
  held(): Promise<void> {
    return this.firstHeld;
  }

  /** Let the held requests through, and every later one at once. */
  release(): void {
    this.releaseAll();
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    // Decoded as the fakes decode it: discord.js sends @original as %40original.
    if (this.hold(method, decodeURIComponent(path.split('?')[0]))) {
      this.heldPaths.push(path);
      this.arrived();
      await this.opened;
    }
    const headers = Object.entries(req.headers).flatMap(([k, v]) =>
      DROP.has(k) || v === undefined ? [] : [[k, String(v)] as [string, string]],
    );
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    try {
      const up = await fetch(this.target + path, { method, headers, body });
      const out = Buffer.from(await up.arrayBuffer());
      const back = [...up.headers].filter(([k]) => !DROP.has(k));
      res.writeHead(up.status, Object.fromEntries(back)).end(out);
    } catch {
      res.writeHead(502).end();
    }
  }
}
