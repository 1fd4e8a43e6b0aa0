// The Discord side of the command table: one `/napkin` command whose subcommands, options, choices and
// descriptions are generated from COMMANDS, and the way back from an interaction's options to the text
// the table's dispatch() reads. Both directions come from the same table, so they cannot drift.
import type { Command } from '../../commands/command.js';
import { COMMANDS } from '../../commands/index.js';

/** Discord's application command option types (discord-api-types ApplicationCommandOptionType). */
const SUB_COMMAND = 1;
const STRING = 3;
/** Interaction contexts: a server, the bot's DM, group DMs. */
const CONTEXTS = [0, 1, 2];

export const TOP_LEVEL = 'napkin';

export interface SlashOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  options?: SlashOption[];
}

export interface SlashCommand {
  name: string;
  type: 1;
  description: string;
  contexts: number[];
  integration_types: number[];
  options: SlashOption[];
}

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Discord rejects the whole bulk overwrite for one bad name or description; fail here, with the culprit. */
function check(what: string, name: string, description: string): void {
  if (!NAME.test(name)) throw new Error(`Discord command ${what} name \`${name}\` is not 1–32 lowercase characters`);
  if (description.length < 1 || description.length > 100) {
    throw new Error(`Discord command ${what} \`${name}\`: description must be 1–100 characters`);
  }
}

function subcommand(c: Command): SlashOption {
  check('', c.name, c.summary);
  // Discord requires every required option to come before the optional ones.
  const ordered = [...c.options].sort((x, y) => Number(y.required) - Number(x.required));
  const options = ordered.map((o): SlashOption => {
    check(`${c.name} option`, o.name, o.description);
    if (o.choices && o.autocomplete) throw new Error(`Discord: ${c.name} ${o.name} has both choices and autocomplete`);
    if (o.choices && o.choices.length > 25) throw new Error(`Discord: ${c.name} ${o.name} has more than 25 choices`);
    return {
      type: STRING,
      name: o.name,
      description: o.description,
      required: o.required,
      ...(o.autocomplete ? { autocomplete: true } : {}),
      ...(o.choices ? { choices: o.choices.map((v) => ({ name: v, value: v })) } : {}),
    };
  });
  return { type: SUB_COMMAND, name: c.name, description: c.summary, options };
}

/** The body of the bulk-overwrite PUT: the one `/napkin` command. */
export function slashCommands(commands: Command[] = COMMANDS): SlashCommand[] {
  if (commands.length > 25) throw new Error('Discord allows at most 25 subcommands');
  return [
    {
      name: TOP_LEVEL,
      type: 1,
      description: 'Back-of-the-napkin sizing of neural networks: params, FLOPs, memory, budget',
      contexts: CONTEXTS,
      integration_types: [0],
      options: commands.map(subcommand),
    },
  ];
}

/**
 * The text dispatch() reads for a subcommand and its option values: the command's usage with each
 * placeholder (`<spec>`, `<A>`, `[filter]`) replaced by the option of the same position, so
 * `compare <A> vs <B>` with a, b becomes `compare llama-2-7b vs L=40`.
 */
export function commandText(name: string, value: (option: string) => string | null): string {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) return name;
  let i = 0;
  const text = c.usage.replace(/<[^>]+>|\[[^\]]+\]/g, () => value(c.options[i++]?.name ?? '')?.trim() ?? '');
  return text.replace(/\s+/g, ' ').trim();
}
