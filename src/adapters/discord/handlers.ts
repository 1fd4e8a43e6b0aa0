// What napkin does with each kind of interaction: slash subcommands, autocomplete, the "Compare…"
// button and its modal. Only translation lives here; answers come from the command table and the
// thread service, and rendering from src/render/discord.ts.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  Interaction,
  ModalSubmitInteraction,
  RepliableInteraction,
} from 'discord.js';
import type { CommandContext } from '../../commands/command.js';
import { dispatch } from '../../commands/index.js';
import type { Reply } from '../../model/reply.js';
import { EPHEMERAL, renderDiscord } from '../../render/discord.js';
import type { ThreadService } from '../../store/thread-service.js';
import { suggest } from './autocomplete.js';
import { commandText } from './commands.js';
import { type Attachment, notice, respond } from './respond.js';
import { keyOfInteraction, keyOfMessage, openThread, postInThread } from './thread.js';
import type { LastSpecs } from '../../conversation/last-spec.js';
import { type RateLimiter, rateLimitReply } from '../../conversation/rate-limit.js';

export interface HandlerDeps {
  client: Client;
  threads: ThreadService;
  limiter: RateLimiter;
  /** The last spec each user estimated, for `explain` (bounded). */
  lastSpec: LastSpecs;
  /** The memory chart of an answer, when there is one to draw. */
  chart: (reply: Reply) => Promise<Attachment | null>;
}

// custom_id is at most 100 characters: a short spec travels in it; a longer one is kept by the thread
// store under the estimate message's id (which a thread started from it will share).
const BUTTON = 'cmp:';
const MODAL = 'cmpm:';
const IN_ID = 100 - MODAL.length;
/** Answers that may draw a chart or touch the store: deferred first, so Discord's 3 s never runs out. */
const SLOW = new Set(['estimate', 'compare']);

/** Take one request from the user's allowance; an excess request is answered privately and dropped. */
async function allowed(deps: HandlerDeps, i: RepliableInteraction): Promise<boolean> {
  const d = deps.limiter.take(i.user.id);
  if (!d.ok) await respond(i, rateLimitReply(d.retryAfterMs));
  return d.ok;
}

async function answer(deps: HandlerDeps, i: RepliableInteraction, reply: Reply, compareId?: string) {
  const chart = reply.ephemeral ? null : await deps.chart(reply);
  return respond(i, reply, { compareId, chart: chart?.name, files: chart ? [chart] : [] });
}

async function onCommand(deps: HandlerDeps, i: ChatInputCommandInteraction): Promise<void> {
  if (!(await allowed(deps, i))) return;
  const sub = i.options.getSubcommand();
  const text = commandText(sub, (name) => i.options.getString(name));
  const user = i.user.id;
  const key = keyOfInteraction(i);
  if (key && SLOW.has(sub)) {
    // Inside a thread the store is read and written: defer before touching it.
    await i.deferReply();
    const raw = sub === 'estimate' ? (i.options.getString('spec') ?? '') : text;
    const reply = await deps.threads.answer(key, raw, user);
    deps.lastSpec.remember(user, reply);
    await answer(deps, i, reply);
    return;
  }
  const ctx: CommandContext = { platform: 'discord', user, lastSpec: deps.lastSpec.get(user) };
  const reply = await dispatch(text, ctx);
  deps.lastSpec.remember(user, reply);
  if (reply.ephemeral || !SLOW.has(reply.kind)) {
    await respond(i, reply);
    return;
  }
  await i.deferReply();
  const input = reply.input ?? i.options.getString('spec') ?? '';
  const offer = reply.kind === 'estimate' && !key;
  const id = await answer(deps, i, reply, offer ? BUTTON + (input.length <= IN_ID ? input : '') : undefined);
  if (offer && input.length > IN_ID && id) {
    await deps.threads.setBase({ platform: 'discord', channel: i.channelId!, thread: id }, input, user);
  }
}

async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
  await i.respond(suggest(String(i.options.getFocused())));
}

async function onButton(deps: HandlerDeps, i: ButtonInteraction): Promise<void> {
  if (!i.customId.startsWith(BUTTON) || !(await allowed(deps, i))) return;
  const base = i.customId.slice(BUTTON.length);
  if (!base && !deps.threads.has(keyOfMessage(i.message))) {
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

async function onModal(deps: HandlerDeps, i: ModalSubmitInteraction): Promise<void> {
  if (!i.customId.startsWith(MODAL) || !(await allowed(deps, i))) return;
  const base = i.customId.slice(MODAL.length);
  const second = i.fields.getTextInputValue('spec');
  const msg = i.message;
  if (!msg) {
    await notice(i, 'This form lost its estimate: use `/napkin compare` instead.');
    return;
  }
  // In a server the comparison goes to the estimate's thread and the asker gets a private pointer;
  // a DM has no threads, so the answer comes right here.
  const inServer = i.inGuild();
  await i.deferReply(inServer ? { flags: EPHEMERAL } : {});
  const thread = inServer ? await openThread(deps.client, msg, base) : msg.id;
  const key = { ...keyOfMessage(msg), thread };
  if (base) await deps.threads.setBase(key, base, i.user.id);
  const reply = await deps.threads.answer(key, second, i.user.id);
  deps.lastSpec.remember(i.user.id, reply);
  if (!inServer || reply.ephemeral) {
    await answer(deps, i, reply);
    return;
  }
  const chart = await deps.chart(reply);
  const { embeds, components } = renderDiscord(reply, { chart: chart?.name });
  await postInThread(deps.client, thread, { embeds, components }, chart ? [chart] : []);
  await notice(i, `Comparison posted in <#${thread}>.`);
}

export async function handleInteraction(deps: HandlerDeps, i: Interaction): Promise<void> {
  if (i.isChatInputCommand()) await onCommand(deps, i);
  else if (i.isAutocomplete()) await onAutocomplete(i);
  else if (i.isButton()) await onButton(deps, i);
  else if (i.isModalSubmit()) await onModal(deps, i);
}
