// The answers waiting to be computed, one per turn of the event loop: between two, the loop sends what
// is ready (a Discord callback, a Slack ack), so a burst cannot hold every reply until all are computed.
// The queue also says how long a newcomer would wait, so a front end can defer it (Discord's 3 s).

export interface Turns {
  /** Resolves when it is this caller's turn to compute; call done() after. */
  take(): Promise<() => void>;
  /** About how long a request taken now would wait for its turn, in ms. */
  waitMs(): number;
  readonly waiting: number;
}

export function turns(now: () => number = () => performance.now()): Turns {
  const queue: (() => void)[] = [];
  let busy = false;
  // The going cost of one answer (exponentially weighted), to estimate a newcomer's wait.
  let costMs = 1;
  const next = () => {
    const go = queue.shift();
    if (go) go();
    else busy = false;
  };
  return {
    get waiting() {
      return queue.length;
    },
    waitMs: () => (queue.length + (busy ? 1 : 0)) * costMs,
    take() {
      return new Promise((resolve) => {
        const start = () => {
          const t0 = now();
          resolve(() => {
            costMs = 0.9 * costMs + 0.1 * (now() - t0);
            // The next answer waits for the following turn: what this one made ready goes out first.
            setImmediate(next);
          });
        };
        if (busy) queue.push(start);
        else {
          busy = true;
          start();
        }
      });
    },
  };
}
