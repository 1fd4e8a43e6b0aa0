// What napkin does with each kind of interaction: slash subcommands, autocomplete, the "Compare…"
// button and its form. Only translation lives here: an interaction becomes a Message for the
// conversation, and its Outcome goes back as an interaction response. Parse first: a mistake or a
// rate-limit notice is answered privately at once; an answer that is ready (anything outside a thread)
// is the first callback itself; only a thread turn, which reads the store first, is deferred.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  Interaction,
  ModalSubmitInteraction,
  RepliableInteraction,
} from 'discord.js';
import type { Conversation } from '../../conversation/answer.js';
import type { ChartImage, Outcome, Output } from '../../conversation/message.js';
import { EPHEMERAL, renderDiscord } from '../../render/discord.js';
import { suggest } from './autocomplete.js';
import { commandText } from './commands.js';
import { notice, respond } from './respond.js';
import { editInThread, keyOfInteraction, keyOfMessage, openThread, postInThread, snowflakeTime } from './thread.js';

export interface HandlerDeps {
  client: Client;
  conversation: Conversation;
}

// custom_id is at most 100 characters: a short spec travels in it; a longer one is kept by the thread
// store under the estimate message's id (which a thread started from it will share).
const BUTTON = 'cmp:';
const MODAL = 'cmpm:';
const IN_ID = 100 - MODAL.length;
export const CHART_FILE = 'napkin-memory.png';

const file = (image: ChartImage) => ({ name: CHART_FILE, data: Buffer.from(image.png) });

/** An interaction's answer: its first callback when it is ready, an edit after a defer, the chart as a later edit. */
function replies(i: RepliableInteraction, inThread: boolean): Output {
  let compareId: string | undefined;
  return {
    wait: () => i.deferReply().then(() => undefined),
    async text({ reply, startsThread }: Outcome) {
      const input = reply!.input ?? '';
      const offer = reply!.kind === 'estimate' && !reply!.ephemeral && !inThread;
      compareId = offer ? BUTTON + (input.length <= IN_ID ? input : '') : undefined;
      const id = await respond(i, reply!, { compareId });
      // A spec too long for the button is kept under the message's id, which its thread will share.
      if (!startsThread || input.length <= IN_ID) return null;
      return id ?? (await i.fetchReply()).id;
    },
    async chart(image, _posted, { reply }) {
      const { embeds, components } = renderDiscord(reply!, { compareId, chart: CHART_FILE });
      const f = file(image);
      await i.editReply({ embeds, components, files: [{ attachment: f.data, name: f.name }] });
    },
  };
}

async function onCommand(deps: HandlerDeps, i: ChatInputCommandInteraction): Promise<void> {
  const sub = i.options.getSubcommand();
  const text = commandText(sub, (name) => i.options.getString(name));
  const key = keyOfInteraction(i);
  // Inside a thread, `estimate` takes the spec as typed, so `history` and `base #2` work as specs.
  const raw = key && sub === 'estimate' ? (i.options.getString('spec') ?? '') : text;
  const place = key ? { channel: key.channel, thread: key.thread } : { channel: i.channelId ?? 'dm' };
  const threadAt = key ? snowflakeTime(key.thread) : undefined;
  const message = { platform: 'discord', place, user: i.user.id, text: raw, eventId: i.id, threadAt };
  await deps.conversation.answer(message, replies(i, key !== null));
}

async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
  await i.respond(suggest(String(i.options.getFocused())));
}

async function onButton(deps: HandlerDeps, i: ButtonInteraction): Promise<void> {
  if (!i.customId.startsWith(BUTTON)) return;
  const base = i.customId.slice(BUTTON.length);
  if (!base && !(await deps.conversation.knows(keyOfMessage(i.message), snowflakeTime(i.message.id)))) {
    await notice(i, 'napkin no longer has the spec behind this estimate: use `/napkin compare` instead.');
    return;
  }
  await i.showModal({
    custom_id: MODAL + base,
    title: 'Compare with…',
    components: [
      {
        type: 1,
        components: [
          {
            type: 4,
            custom_id: 'spec',
            label: 'Second config (a spec, or changes: L=40)',
            style: 1,
            required: true,
            max_length: 1000,
            placeholder: 'llama-2-13b   or   zero3 16xH100 seq=8192',
          },
        ],
      },
    ],
  });
}

/** The form's answer: in a server, posted in the estimate's thread with a private pointer; in a DM, in place. */
function inEstimateThread(deps: HandlerDeps, i: ModalSubmitInteraction, base: string): Output {
  const msg = i.message!;
  const inServer = i.inGuild();
  const defer = () =>
    i.deferred || i.replied ? Promise.resolve() : i.deferReply(inServer ? { flags: EPHEMERAL } : {});
  let posted: string | null = null;
  return {
    wait: () => defer().then(() => undefined),
    async text({ reply }: Outcome) {
      if (!inServer || reply!.ephemeral) return respond(i, reply!);
      await defer();
      const thread = await openThread(deps.client, msg, base);
      const { embeds, components } = renderDiscord(reply!);
      posted = await postInThread(deps.client, thread, { embeds, components });
      await notice(i, `Comparison posted in <#${thread}>.`);
      return posted;
    },
    async chart(image, id, { reply }) {
      const { embeds, components } = renderDiscord(reply!, { chart: CHART_FILE });
      if (inServer && id) await editInThread(deps.client, msg.id, id, { embeds, components }, [file(image)]);
      else if (!inServer) {
        const f = file(image);
        await i.editReply({ embeds, components, files: [{ attachment: f.data, name: f.name }] });
      }
    },
  };
}

async function onModal(deps: HandlerDeps, i: ModalSubmitInteraction): Promise<void> {
  if (!i.customId.startsWith(MODAL)) return;
  const base = i.customId.slice(MODAL.length);
  const msg = i.message;
  if (!msg) {
    await notice(i, 'This form lost its estimate: use `/napkin compare` instead.');
    return;
  }
  const key = keyOfMessage(msg);
  const message = {
    platform: 'discord',
    place: { channel: key.channel, thread: key.thread },
    user: i.user.id,
    text: i.fields.getTextInputValue('spec'),
    eventId: i.id,
    threadAt: snowflakeTime(key.thread),
    ...(base ? { opensFrom: base } : {}),
  };
  await deps.conversation.answer(message, inEstimateThread(deps, i, base));
}

export async function handleInteraction(deps: HandlerDeps, i: Interaction): Promise<void> {
  if (i.isChatInputCommand()) await onCommand(deps, i);
  else if (i.isAutocomplete()) await onAutocomplete(i);
  else if (i.isButton()) await onButton(deps, i);
  else if (i.isModalSubmit()) await onModal(deps, i);
}
