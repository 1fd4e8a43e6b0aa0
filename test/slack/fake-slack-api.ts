// What the fake Slack answers, method by method, in the shapes of Slack's Web API reference; and how it
// reads the bodies the WebClient sends.
export const BOT_USER_ID = 'UNAPKIN';
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// WebClient sends form bodies whose complex values (blocks) are JSON strings; tests want objects.
export function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export interface FakeState {
  origin: string;
  /** Calls so far, which makes every message ts unique. */
  n: number;
  /** Channels the bot is not a member of. */
  outside: Set<string>;
  /** Bot tokens Slack no longer accepts. */
  revoked: Set<string>;
}

export function answer(method: string, body: Record<string, any>, state: FakeState): Record<string, any> {
  switch (method) {
    case 'auth.test':
      if (state.revoked.has(body.token)) return { ok: false, error: 'invalid_auth' };
      return { ok: true, user_id: BOT_USER_ID, bot_id: 'BNAPKIN', team_id: 'T0TEAM', user: 'napkin' };
    case 'apps.connections.open':
      return { ok: true, url: `${state.origin.replace('http', 'ws')}/link/?ticket=fake` };
    case 'chat.postMessage':
      if (state.outside.has(body.channel)) return { ok: false, error: 'not_in_channel' };
      // Now, in seconds, as Slack stamps it; the call count keeps every ts unique.
      return {
        ok: true,
        channel: body.channel,
        ts: `${Math.floor(Date.now() / 1000)}.${String(state.n).padStart(6, '0')}`,
        message: body,
      };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: `${1700000000 + state.n}.000200` };
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: `${state.origin}/upload/F0CHART`, file_id: 'F0CHART' };
    case 'files.completeUploadExternal':
      return { ok: true, files: [{ id: 'F0CHART', title: body.files?.[0]?.title ?? '' }] };
    case 'response_url':
    case 'upload':
      return { ok: true };
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
