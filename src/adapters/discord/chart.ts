// The memory chart of an answer (issue 8) as a PNG attachment that the embed shows as its image. Drawn
// after the interaction is deferred, so its ~tens of milliseconds never eat into Discord's 3 s; a chart
// that cannot be drawn is logged and left out, never costing the user the answer.
import type { Reply } from '../../model/reply.js';
import { wantsChart } from '../../render/wants-chart.js';
import type { Attachment } from './respond.js';

export const CHART_FILE = 'napkin-memory.png';

export function chartMaker(log: (line: string) => void): (reply: Reply) => Promise<Attachment | null> {
  return async (reply) => {
    if (!wantsChart(reply)) return null;
    try {
      // resvg and its font load with the first chart, not at start-up.
      const { renderMemoryChart } = await import('../../render/chart.js');
      return { name: CHART_FILE, data: renderMemoryChart(reply.estimates!).png };
    } catch (err) {
      log(`napkin: discord: chart failed: ${(err as Error)?.message ?? String(err)}`.split('\n')[0]);
      return null;
    }
  };
}
