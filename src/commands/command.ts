// The one interface every command implements. The table in ./index.ts is read by the console, the
// Discord registration and handlers, the Slack handlers, the help text and the Slack manifest.
import type { Reply } from '../model/reply.js';
import type { ThreadState } from '../model/thread.js';

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Discord: offer autocomplete on this option. */
  autocomplete?: boolean;
  /** Discord: a fixed list of choices. */
  choices?: string[];
}

export interface CommandContext {
  /** `console`, `cli`, `discord`, `slack`, …: free text. */
  platform: string;
  user?: string;
  /** Input text of the last spec this user or conversation estimated (for `explain`). */
  lastSpec?: string;
  /** Set when the message is inside a napkin thread. */
  thread?: ThreadState;
}

export interface Command {
  name: string;
  /** ≤ 100 characters: it becomes Discord's description. */
  summary: string;
  usage: string;
  /** Shown in help and executed by a test. */
  examples: string[];
  options: CommandOption[];
  run(text: string, ctx: CommandContext): Reply | Promise<Reply>;
}
