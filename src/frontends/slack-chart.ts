// The memory chart under an answer (issue 8): drawn only after the text answer is posted, so it never
// delays it, and uploaded with Slack's external-upload API into the same channel or thread. A chart that
// cannot be drawn or uploaded is logged for operators; the user already has the answer.
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../commands/reply.js';

export interface ChartTarget {
  channel: string;
  thread_ts?: string;
}

/** Whether a reply gets a chart: estimates and comparisons, unless the spec says chart=off. */
export function wantsChart(reply: Reply): boolean {
  const estimates = reply.estimates ?? [];
  return !reply.ephemeral && estimates.length > 0 && estimates.every((e) => e.spec.chart !== false);
}

export async function uploadChart(client: WebClient, reply: Reply, where: ChartTarget): Promise<void> {
  if (!wantsChart(reply)) return;
  // The renderer (resvg and its font) loads on the first chart, not at start-up.
  const { renderMemoryChart } = await import('../render/chart.js');
  const estimates = reply.estimates!;
  const { png } = renderMemoryChart(estimates);
  const names = estimates.map((e) => e.name).join(' vs ');
  const file = {
    file: png,
    filename: 'napkin-memory.png',
    title: `Memory per GPU: ${names}`,
    alt_text: `Memory per GPU for ${names}, stacked by part against the GPU's capacity`,
  };
  const { channel, thread_ts } = where;
  await (thread_ts
    ? client.files.uploadV2({ ...file, channel_id: channel, thread_ts })
    : client.files.uploadV2({ ...file, channel_id: channel }));
}
