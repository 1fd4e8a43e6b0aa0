// The memory chart under an answer (issue 8), uploaded with Slack's external-upload API into the same
// channel or thread once it is drawn, after the text answer is out.
import type { WebClient } from '@slack/web-api';
import type { ChartImage } from '../../conversation/message.js';

export interface ChartTarget {
  channel: string;
  thread_ts?: string;
}

export async function uploadChart(client: WebClient, chart: ChartImage, where: ChartTarget): Promise<void> {
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
