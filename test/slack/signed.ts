// Requests as Slack sends them in HTTP mode: signed with the app's signing secret (v0 scheme:
// HMAC-SHA256 of `v0:<timestamp>:<raw body>`), so the tests exercise Bolt's real verification.
import { createHmac } from 'node:crypto';
import { SIGNING_SECRET } from './secrets.js';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
}

async function post(url: string, body: string, contentType: string, opts: SignedOptions): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': sign(body, timestamp, opts.secret),
    },
    body,
  });
}

/** A slash command: Slack posts it form-encoded. */
export function postForm(url: string, fields: Record<string, string>, opts: SignedOptions = {}): Promise<Response> {
  return post(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
}

/** An Events API callback (or url_verification): Slack posts JSON. */
export function postJson(url: string, payload: unknown, opts: SignedOptions = {}): Promise<Response> {
  return post(url, JSON.stringify(payload), 'application/json', opts);
}
