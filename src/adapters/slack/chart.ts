// The memory chart under an answer (issue 8): drawn only after the text answer is posted, so it never
// delays it, and uploaded with Slack's external-upload API into the same channel or thread. A chart that
// cannot be drawn or uploaded is logged for operators; the user already has the answer.
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../model/reply.js';
import { wantsChart } from '../../render/wants-chart.js';

export interface ChartTarget {
  channel: string;
  thread_ts?: string;
}

/** A drawn chart: the PNG and the names of the models on it. */
export interface ChartFile {
  png: Uint8Array;
  names: string;
}

/** The reply's chart, or null when it gets none. The renderer (resvg and its font) loads on the first chart. */
export async function drawChart(reply: Reply): Promise<ChartFile | null> {
  if (!wantsChart(reply)) return null;
  const { renderMemoryChart } = await import('../../render/chart.js');
  const estimates = reply.estimates!;
  const { png } = renderMemoryChart(estimates);
  return { png, names: estimates.map((e) => e.name).join(' vs ') };
}

export async function uploadChart(client: WebClient, chart: ChartFile, where: ChartTarget): Promise<void> {
  const { names } = chart;
  const file = {
    file: Buffer.from(chart.png.buffer, chart.png.byteOffset, chart.png.byteLength),
    filename: 'napkin-memory.png',
    title: `Memory per GPU: ${names}`,
    alt_text: `Memory per GPU for ${names}, stacked by part against the GPU's capacity`,
  };
  const { channel, thread_ts } = where;
  await (thread_ts
    ? client.files.uploadV2({ ...file, channel_id: channel, thread_ts })
    : client.files.uploadV2({ ...file, channel_id: channel }));
}
