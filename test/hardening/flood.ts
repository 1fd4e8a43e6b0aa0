// The flood both front-end tests send: many users, a few requests each, a mix of every kind of answer
// (public, deferred with a store write, private error), so a lost answer of any kind shows up.
export const USERS = 200;
export const PER_USER = 5;

export interface FloodRequest {
  user: number;
  /** Unique per request: the bad spec's unknown key, and part of the Slack channel id. */
  n: number;
  kind: 'help' | 'presets' | 'estimate' | 'explain' | 'error';
}

const KINDS: FloodRequest['kind'][] = ['help', 'presets', 'estimate', 'explain', 'error'];

/** Users' requests interleaved, as a busy server sends them: user 0's first, user 1's first, … */
export function flood(): FloodRequest[] {
  const out: FloodRequest[] = [];
  for (let k = 0; k < PER_USER; k++) {
    for (let user = 0; user < USERS; user++) out.push({ user, n: out.length, kind: KINDS[(user + k) % KINDS.length] });
  }
  return out;
}

/** The text typed, as one line (Slack) — the Discord test maps kinds to subcommands itself. */
export function text(r: FloodRequest): string {
  switch (r.kind) {
    case 'help':
      return 'help';
    case 'presets':
      return 'presets llama';
    case 'estimate':
      return 'gpt2 nochart';
    case 'explain':
      return 'explain params';
    case 'error':
      return `llama-2-7b zq${r.n}=1`;
  }
}

/** Run `send` over `items` with at most `width` in flight: a burst, bounded so sockets are not exhausted. */
export async function inWaves<T, R>(items: T[], width: number, send: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await send(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
