// What napkin's Slack HTTP server adds in front of Bolt: requests stamped more than five minutes away
// from now, in either direction, are refused before Bolt reads them (Bolt refuses only the past ones, so
// a captured request stamped in the future could be replayed for as long as that stamp allows), and the
// server caps its connections and the time a client may take to send its headers, so a slow-header flood
// cannot exhaust file descriptors.
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';

/** Slack's own limit on a request's age: https://api.slack.com/authentication/verifying-requests-from-slack */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface HttpLimits {
  /** Open connections at most; more are closed as they arrive (default 500, well under the usual 1,024 descriptors). */
  maxConnections: number;
  /** How long a client may take to send its request headers (default 10 s). */
  headersTimeoutMs: number;
  /** How long a whole request may take to arrive (default 30 s). */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = { maxConnections: 500, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

/** Options for http.createServer (Bolt's app.start passes them on). */
export function serverOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // How often Node looks for requests past those timeouts (its default, 30 s, would let them live on).
    connectionsCheckingInterval: Math.max(100, Math.min(1000, limits.headersTimeoutMs / 2)),
    keepAliveTimeout: 5000,
  };
}

/** Whether the request's X-Slack-Request-Timestamp is too far from now (a missing one is left to Bolt). */
export function staleOrFuture(req: IncomingMessage, nowMs = Date.now()): boolean {
  const raw = req.headers['x-slack-request-timestamp'];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return false;
  return Math.abs(Number(raw) - nowMs / 1000) > MAX_SKEW_SECONDS;
}

/** Put the checks in front of the server Bolt started. */
export function guard(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!staleOrFuture(req)) {
      for (const l of listeners) l.call(server, req, res);
      return;
    }
    req.resume();
    res.writeHead(401, { 'Content-Type': 'text/plain' }).end('request timestamp is more than 5 minutes from now');
  });
}
