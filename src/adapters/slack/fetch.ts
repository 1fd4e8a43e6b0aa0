// The `fetch` the Slack app hands Bolt and its WebClient. Every answer is one small POST with a text body
// (chat.postMessage's form, response_url's JSON); undici's fetch spends more of Bolt's thread on that
// (WHATWG streams, abort plumbing) than napkin spends computing the answer. This one sends such requests
// with node:http(s) over kept-alive connections and answers with a Response holding the whole body.
// Anything else (file uploads, redirects to follow) goes to the global fetch unchanged.
import http from 'node:http';
import https from 'node:https';

// Idle connections are closed after 30 s, before a server's usual idle timeout (60 s on common load
// balancers) could close one just as a request goes out on it. A busy request is not cut by this.
const IDLE = { keepAlive: true, timeout: 30_000 };
const agents = { 'http:': new http.Agent(IDLE), 'https:': new https.Agent(IDLE) };

/** Whether `init` is a request this fetch sends itself: no body, or a text one. */
function simple(init: RequestInit | undefined): boolean {
  const body = init?.body;
  return body === undefined || body === null || typeof body === 'string';
}

/** A copy of a fetch `init.headers` (a Headers, pairs, or a record) as a record. */
function headerPairs(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers))
    return Object.fromEntries(headers as Iterable<[string, string]>);
  return { ...(headers as Record<string, string>) };
}

function toResponse(url: URL, res: http.IncomingMessage, body: Buffer<ArrayBuffer>): Response {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const status = res.statusCode ?? 0;
  // Statuses that may not carry a body (Response refuses one for them).
  const payload = status === 204 || status === 205 || status === 304 ? null : body;
  const response = new Response(payload, { status, statusText: res.statusMessage ?? '', headers });
  Object.defineProperty(response, 'url', { value: url.href });
  return response;
}

function send(url: URL, init: RequestInit): Promise<Response> {
  const body = typeof init.body === 'string' ? Buffer.from(init.body) : null;
  const headers = headerPairs(init.headers);
  if (body) headers['content-length'] = String(body.length);
  const agent = agents[url.protocol as keyof typeof agents];
  const transport = url.protocol === 'https:' ? https : http;
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    // As fetch reports it: a TypeError whose cause is what went wrong on the wire.
    const failed = (err: Error) =>
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: err }));
    const req = transport.request(url, { method: init.method ?? 'GET', headers, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', failed);
      res.on('close', () => {
        if (!res.complete) failed(new Error('the connection closed before the response ended'));
      });
      res.on('end', () => {
        try {
          resolve(toResponse(url, res, Buffer.concat(chunks)));
        } catch (err) {
          // What Response refuses (a status outside 200–599, a malformed header) fails as fetch would.
          failed(err as Error);
        }
      });
    });
    req.on('error', failed);
    req.end(body ?? undefined);
  });
}

/** A drop-in `fetch` for Bolt's `clientOptions.fetch`. */
export async function slackFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  if (input instanceof Request || !simple(init)) return fetch(input, init);
  const url = new URL(input);
  if (!(url.protocol in agents)) return fetch(input, init);
  const response = await send(url, init ?? {});
  if (response.status < 300 || response.status > 399) return response;
  // A redirect: refused when asked (the WebClient asks), else followed as fetch would.
  if (init?.redirect === 'error') throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
  return fetch(input, init);
}
