// `npm run discord:register`: replace napkin's slash commands with the ones generated from the command
// table, in one bulk-overwrite PUT — for one server when DISCORD_GUILD_ID is set (instant, for trying
// things out), otherwise globally. Overwriting, not adding, removes commands the table no longer has.
import { REST, type RESTGetCurrentApplicationResult, Routes } from 'discord.js';
import type { Config } from '../../config.js';
import { slashCommands } from './commands.js';

export interface Registered {
  applicationId: string;
  guildId: string | null;
  /** Names of the subcommands of /napkin as Discord stored them. */
  subcommands: string[];
}

export async function registerDiscord(config: Config): Promise<Registered> {
  const discord = config.discord;
  if (!discord) throw new Error('DISCORD_TOKEN is not set');
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    // The application id is the bot's own, asked of Discord rather than configured separately.
    const app = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
    const route = discord.guildId
      ? Routes.applicationGuildCommands(app.id, discord.guildId)
      : Routes.applicationCommands(app.id);
    const stored = (await rest.put(route, { body: slashCommands() })) as { options?: { name: string }[] }[];
    return {
      applicationId: app.id,
      guildId: discord.guildId,
      subcommands: (stored[0]?.options ?? []).map((o) => o.name),
    };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** The line `npm run discord:register` prints. */
export function describeRegistration(r: Registered): string {
  const where = r.guildId ? `in server ${r.guildId}` : 'globally';
  return `napkin: registered /napkin ${where} with subcommands ${r.subcommands.join(', ')}`;
}
