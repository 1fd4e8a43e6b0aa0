// Redeliveries answered once: a platform that did not hear napkin's acknowledgement in time sends the
// same event again (Slack's X-Slack-Retry-Num). The first claim of an event id wins; ids are forgotten
// after `ttlMs` (an hour: Slack retries within minutes). Kept in the process's memory; replicas sharing a
// database implement EventLedger there (claim may return a promise).

export interface EventLedger {
  /** True the first time `id` is claimed within the ttl, false for a redelivery. */
  claim(id: string): boolean | Promise<boolean>;
  /**
   * The claimed event has been answered. A shared ledger holds a claim only for a short lease until then,
   * so a redelivery after the claiming replica died mid-answer is answered by another.
   */
  done?(id: string): void | Promise<void>;
}

export function eventLedger(ttlMs = 3_600_000, max = 100_000, now = Date.now): EventLedger {
  // Insertion order is time order, so expired ids are always at the front.
  const seen = new Map<string, number>();
  return {
    claim(id) {
      const t = now();
      for (const [k, at] of seen) {
        if (at > t - ttlMs && seen.size < max) break;
        seen.delete(k);
      }
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
  };
}
