// The one conversation every adapter must hold the same way: an estimate, a change to it, `explain` of
// the change, `history`, `base`, a mistake, a comparison, and on the chat platforms the per-user rate
// limit. Each adapter's driver turns a step into its platform's gesture (a line typed, a slash command,
// a mention in the answer's thread, the Compare… form) and hands back what the user saw, as text. The
// numbers are checked by hand: Llama-2-7B holds 6,738,415,616 parameters, 202,383,360 per layer
// (4·4096² attention + 3·4096·11008 SwiGLU + 2·4096 norms), so L=40 holds 8,357,482,496; GPT-2 124M, GPT-2 XL 1.56B.
import { expect, it } from 'vitest';

export const BASE = 'llama-2-7b bf16 adamw 8xA100-80GB';

export interface Seen {
  /** Everything the user can read of the answer (title, body, fields, notes), as plain text. */
  text: string;
  /** Only the asker saw it. */
  private: boolean;
}

export interface Driver {
  /** The platform has private answers and a per-user rate limit (the console has one local user and neither). */
  chat: boolean;
  /** The rate limit the driver started its bot with (requests per window), for chat drivers. */
  limit?: number;
  /** A spec answered on its own, at the top level: its answer starts a thread. */
  estimate(spec: string): Promise<Seen>;
  /** A change to that answer (`L=40`): the message that opens its thread. */
  change(spec: string): Promise<Seen>;
  /** `explain <topic>` inside the thread. */
  explain(topic: string): Promise<Seen>;
  /** Anything else typed inside the thread as a spec: `history`, `base #2`, a bad spec. */
  inThread(text: string): Promise<Seen>;
  /** `compare A vs B` inside the thread. */
  compare(a: string, b: string): Promise<Seen>;
  /** A quick request (`help`), for the rate limit. */
  quick(): Promise<Seen>;
  /** Requests made so far as this user (they count against the limit). */
  readonly asked: number;
}

/** The steps, in order, as it() cases against `drive()` (a driver started in the file's beforeAll). */
export function conversationContract(drive: () => Driver): void {
  it('answers the estimate with the exact parameter count', async () => {
    const r = await drive().estimate(BASE);
    expect(r.private).toBe(false);
    expect(r.text).toContain('Llama-2-7B');
    expect(r.text).toContain('6.74B');
    expect(r.text).toContain('6,738,415,616');
  });

  it('compares a change with the base, showing what changed', async () => {
    const r = await drive().change('L=40');
    expect(r.private).toBe(false);
    expect(r.text).toContain('L=40 vs base #1');
    expect(r.text).toContain('6.74B');
    expect(r.text).toContain('8.36B');
    expect(r.text).toContain('32 → 40');
  });

  it('explains with the change’s numbers substituted', async () => {
    const r = await drive().explain('params');
    expect(r.text).toContain('For Llama-2-7B (L=40)');
    expect(r.text).toContain('total: 8,357,482,496');
    expect(r.text).not.toContain('Estimate a spec first');
  });

  it('lists the thread’s history', async () => {
    const r = await drive().inThread('history');
    expect(r.text).toContain('Thread history: 2 variants, base #1');
    expect(r.text).toMatch(/#2 #1 \+ L=40/);
    expect(r.text).toContain('8.36B');
  });

  it('makes the change the base', async () => {
    const r = await drive().inThread('base #2');
    expect(r.text).toContain("#2 (#1 + L=40) is now this thread's base.");
    expect(r.text).toContain('8.36B');
    expect(r.text).toContain('8,357,482,496');
  });

  it('points at a mistake, privately where the platform can', async () => {
    const d = drive();
    const r = await d.inThread('L=forty');
    expect(r.private).toBe(d.chat);
    expect(r.text).toContain('L=forty');
    expect(r.text).toMatch(/\^/);
  });

  it('compares two specs side by side', async () => {
    const r = await drive().compare('gpt2', 'gpt2-xl');
    expect(r.private).toBe(false);
    expect(r.text).toContain('124M');
    expect(r.text).toContain('1.56B');
  });

  it('on a chat platform, tells a user past the limit privately to try again', async () => {
    const d = drive();
    if (!d.chat) {
      // The console's one local user is never limited: a burst is answered in full.
      for (let i = 0; i < 12; i++) expect((await d.quick()).text).toContain('napkin help');
      return;
    }
    while (d.asked < d.limit!) expect((await d.quick()).private).toBe(false);
    const refused = await d.quick();
    expect(refused.private).toBe(true);
    expect(refused.text).toMatch(/try again in \d+ s/);
  });
}
