// Discord threads for comparisons (issue 7): a thread started from an estimate message is keyed by its
// parent channel and its own id, which Discord makes equal to the starting message's id. That lets a
// front end find (or create) the thread of an estimate without any lookup of its own.
import { type Client, DiscordAPIError, type Interaction, type Message, Routes } from 'discord.js';
import type { ThreadKey } from '../../model/thread.js';
import type { Attachment } from './respond.js';

/** Discord's error for a second thread on the same message: the thread to use already exists. */
const THREAD_ALREADY_CREATED = 160004;

/** When a message (or the thread started from it) was created: Discord ids are snowflakes, ms since 2015. */
export function snowflakeTime(id: string): number | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  return Number((BigInt(id) >> 22n) + 1_420_070_400_000n);
}

/** The thread state key of a message's thread (it need not exist yet: the id is the message's). */
export const keyOfMessage = (m: Message): ThreadKey => ({ platform: 'discord', channel: m.channelId, thread: m.id });

/** The thread state key when an interaction happens inside a thread, else null. */
export function keyOfInteraction(i: Interaction): ThreadKey | null {
  const ch = i.channel;
  if (!ch?.isThread() || !ch.parentId) return null;
  return { platform: 'discord', channel: ch.parentId, thread: ch.id };
}

/** Thread names are 1–100 characters of plain text. */
function threadName(m: Message, base: string): string {
  const what = base || m.embeds[0]?.title || 'estimate';
  const name = `napkin: ${what}`;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

/** The thread started from `m`, created when there is none yet; resolves to its id. */
export async function openThread(client: Client, m: Message, base: string): Promise<string> {
  if (m.hasThread) return m.id;
  try {
    await client.rest.post(Routes.threads(m.channelId, m.id), {
      body: { name: threadName(m, base), auto_archive_duration: 1440 },
    });
  } catch (err) {
    if (!(err instanceof DiscordAPIError && err.code === THREAD_ALREADY_CREATED)) throw err;
  }
  return m.id;
}

const attachments = (files: Attachment[]) =>
  files.length ? { attachments: files.map((f, id) => ({ id, filename: f.name })) } : {};

/**
 * Post a rendered answer in a thread; resolves to the message's id. The client's allowedMentions does not
 * apply to raw REST, so it is set here.
 */
export async function postInThread(
  client: Client,
  threadId: string,
  body: { embeds: unknown[]; components: unknown[] },
  files: Attachment[] = [],
): Promise<string> {
  const msg = (await client.rest.post(Routes.channelMessages(threadId), {
    body: { ...body, allowed_mentions: { parse: [] }, ...attachments(files) },
    files: files.map((f) => ({ name: f.name, data: f.data })),
  })) as { id: string };
  return msg.id;
}

/** Replace a message posted in a thread, e.g. to add its chart once drawn. */
export async function editInThread(
  client: Client,
  threadId: string,
  messageId: string,
  body: { embeds: unknown[]; components: unknown[] },
  files: Attachment[] = [],
): Promise<void> {
  await client.rest.patch(Routes.channelMessage(threadId, messageId), {
    body: { ...body, allowed_mentions: { parse: [] }, ...attachments(files) },
    files: files.map((f) => ({ name: f.name, data: f.data })),
  });
}
