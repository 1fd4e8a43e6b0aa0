// Back-pressure for the text answers: at most `max` requests between being taken and their text being
// posted. Past that, a request is answered at once, privately, "busy, try again in N s", instead of
// queueing without bound (memory) or behind a backlog it cannot beat (latency). N is the backlog over the
// rate answers have been going out at lately.
import type { Reply } from '../model/reply.js';

export type Admitted = { ok: true } | { ok: false; retryAfterMs: number };

export interface Admission {
  enter(): Admitted;
  /** A request taken by enter() is done (posted, or failed). */
  leave(): void;
  readonly inFlight: number;
  /** Resolves once no text answer is in flight (at once when none is): charts wait for this. */
  idle(): Promise<void>;
}

/** How far back the going rate is measured. */
const RATE_WINDOW_MS = 5000;

export function admission(max = 1000, now = Date.now): Admission {
  let inFlight = 0;
  const done: number[] = [];
  let waiting: (() => void)[] = [];
  return {
    get inFlight() {
      return inFlight;
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
    },
    enter() {
      if (inFlight < max) {
        inFlight++;
        return { ok: true };
      }
      const t = now();
      while (done.length && done[0] <= t - RATE_WINDOW_MS) done.shift();
      const perMs = done.length / RATE_WINDOW_MS;
      return { ok: false, retryAfterMs: perMs > 0 ? inFlight / perMs : RATE_WINDOW_MS };
    },
    leave() {
      inFlight--;
      done.push(now());
      if (done.length > 4 * max) done.splice(0, done.length - 2 * max);
      if (inFlight === 0 && waiting.length) {
        const wake = waiting;
        waiting = [];
        for (const w of wake) w();
      }
    },
  };
}

export function busyReply(retryAfterMs: number): Reply {
  const s = Math.min(60, Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return {
    kind: 'info',
    title: `napkin is busy answering many requests at once — try again in ${s} s.`,
    summary: [],
    sections: [],
    notes: [],
    ephemeral: true,
  };
}
