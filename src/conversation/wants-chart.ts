// Which answers get a memory chart (issue 8), for every platform: estimates and comparisons (one or two
// bars), never errors, notices or thread histories, and never when a spec says chart=off.
import type { Reply } from '../model/reply.js';

export function wantsChart(reply: Reply): boolean {
  const estimates = reply.estimates ?? [];
  return (
    !reply.ephemeral &&
    (reply.kind === 'estimate' || reply.kind === 'compare') &&
    estimates.length > 0 &&
    estimates.length <= 2 &&
    estimates.every((e) => e.spec.chart !== false)
  );
}
