// The command table: every front end (console, CLI, Discord, Slack), the help text and the Discord
// registration read this one list, so the platforms cannot drift apart.
import type { Command, CommandContext } from './command.js';
import { compareCommand } from './compare.js';
import { estimateCommand } from './estimate.js';
import { explainCommand } from './explain.js';
import { makeHelpCommand, renderHelpText } from './help.js';
import { presetsCommand } from './presets.js';
import { internalErrorReply } from './replies/notices.js';
import type { Reply } from '../model/reply.js';

export const COMMANDS: Command[] = [
  estimateCommand,
  compareCommand,
  explainCommand,
  presetsCommand,
  makeHelpCommand(() => COMMANDS),
];

/** The usage of every command as plain text. */
export const helpText = (): string => renderHelpText(COMMANDS);

/** The command a name refers to (case-insensitive), if any. */
export function findCommand(name: string): Command | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n);
}

/** Split "compare a vs b" into its command and text; text that starts with no command name is an estimate. */
export function route(text: string): { command: Command; rest: string } {
  const trimmed = text.trim();
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  const command = m ? findCommand(m[1]) : undefined;
  if (command && m) return { command, rest: (m[2] ?? '').trim() };
  return { command: estimateCommand, rest: trimmed };
}

/** Run one request. Never rejects: a bug becomes a one-line apology instead of a stack trace. */
export async function dispatch(text: string, ctx: CommandContext): Promise<Reply> {
  const { command, rest } = route(text);
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    return internalErrorReply(text, err);
  }
}
