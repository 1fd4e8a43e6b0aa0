// The work behind one slash command, apart from Slack itself: dispatch the text through the command
// table and render it as Block Kit. Runs in the answer worker (answer-worker.ts) or, without one, in
// the app's own thread; either way its result is plain data that crosses a thread as is.
import { dispatch } from '../../commands/index.js';
import type { Reply, ReplyKind } from '../../model/reply.js';
import { renderSlack } from '../../render/slack.js';
import { wantsChart } from '../../render/wants-chart.js';

export interface SlashJob {
  text: string;
  user: string;
  /** The user's last spec, for `explain` without one. */
  lastSpec?: string;
}

export interface SlashAnswer {
  kind: ReplyKind;
  input?: string;
  ephemeral: boolean;
  text: string;
  /**
   * The Block Kit blocks as JSON text. The Web API takes `blocks` JSON-encoded in its form body anyway,
   * so the client sends this string unchanged, and a thread hands over one string, not a tree of objects.
   */
  blocks: string;
  chart: boolean;
}

export async function slashAnswer(job: SlashJob): Promise<{ answer: SlashAnswer; reply: Reply }> {
  const reply = await dispatch(job.text, { platform: 'slack', user: job.user, lastSpec: job.lastSpec });
  const { text, blocks } = renderSlack(reply);
  const answer: SlashAnswer = {
    kind: reply.kind,
    input: reply.input,
    ephemeral: reply.ephemeral === true,
    text,
    blocks: JSON.stringify(blocks),
    chart: wantsChart(reply),
  };
  return { answer, reply };
}
