// Sending a Reply through discord.js: the first answer is a reply (type 4) or fills a deferred one
// (type 5 → PATCH @original); a private answer (an error) after a public defer replaces the "thinking…"
// message with an ephemeral follow-up, because a deferred message cannot change its visibility.
import type { RepliableInteraction } from 'discord.js';
import type { Reply } from '../../model/reply.js';
import { type DiscordRenderOptions, EPHEMERAL, renderDiscord } from '../../render/discord.js';

export interface Attachment {
  name: string;
  data: Buffer;
}

export interface RespondOptions extends DiscordRenderOptions {
  files?: Attachment[];
}

const toFiles = (files: Attachment[] = []) => files.map((f) => ({ attachment: f.data, name: f.name }));

/** Answer an interaction with a Reply; resolves to the message id when Discord returned the message. */
export async function respond(
  i: RepliableInteraction,
  reply: Reply,
  opts: RespondOptions = {},
): Promise<string | null> {
  const { embeds, components, flags } = renderDiscord(reply, opts);
  const files = toFiles(opts.files);
  if (!i.deferred && !i.replied) {
    await i.reply({ embeds, components, flags, files });
    return null;
  }
  if (flags & EPHEMERAL && !i.ephemeral) {
    await i.deleteReply().catch(() => undefined);
    const msg = await i.followUp({ embeds, components, flags, files });
    return msg.id;
  }
  const msg = await i.editReply({ embeds, components, files });
  return msg.id;
}

/** A one-line notice of napkin's own (no user text), e.g. where a comparison was posted. */
export async function notice(i: RepliableInteraction, content: string): Promise<void> {
  if (i.deferred || i.replied) await i.editReply({ content, embeds: [], components: [] });
  else await i.reply({ content, flags: EPHEMERAL });
}

/** The short apology after a bug: the details go to the operator's log, never to the user. */
export const APOLOGY = 'Sorry — napkin hit a bug answering this. It has been logged; please try again.';

export async function apologise(i: RepliableInteraction): Promise<void> {
  if (i.deferred || i.replied) await i.followUp({ content: APOLOGY, flags: EPHEMERAL });
  else await i.reply({ content: APOLOGY, flags: EPHEMERAL });
}
