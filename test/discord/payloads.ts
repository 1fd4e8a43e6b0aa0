// INTERACTION_CREATE payloads as Discord sends them (API v10), for the fake gateway to dispatch:
// slash subcommands, autocomplete, a button click and a modal submit, in a server channel, a thread or a DM.
import { APP_ID, CHANNEL_ID, GUILD_ID, snowflake } from './fake-discord.js';

export const USER = {
  id: '1100000000000000010',
  username: 'ada',
  discriminator: '0',
  global_name: 'Ada',
  avatar: null,
};
export const DM_CHANNEL_ID = '1100000000000000020';

/** Where an interaction happens: a server channel, a thread (by id, under CHANNEL_ID), or the bot's DM. */
export type Where = 'guild' | 'dm' | { thread: string };

export interface Built {
  payload: any;
  token: string;
}

let tokens = 0;

function context(where: Where, user = USER) {
  if (where === 'dm') {
    return {
      channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user], last_message_id: null, flags: 0 },
      channel_id: DM_CHANNEL_ID,
      user,
      context: 1,
      authorizing_integration_owners: { '1': user.id },
    };
  }
  const channel =
    where === 'guild'
      ? { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'sizing', position: 0, permission_overwrites: [] }
      : {
          id: where.thread,
          type: 11,
          guild_id: GUILD_ID,
          parent_id: CHANNEL_ID,
          name: 'napkin thread',
          owner_id: APP_ID,
          thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
        };
  return {
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel,
    channel_id: channel.id,
    member: {
      user,
      roles: [],
      permissions: '2248473465835073',
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
    },
    context: 0,
    authorizing_integration_owners: { '0': GUILD_ID },
  };
}

function interaction(type: number, data: any, where: Where, extra: object = {}, user = USER): Built {
  const token = `token-${++tokens}-${Date.now()}`;
  const payload = {
    id: snowflake(),
    application_id: APP_ID,
    type,
    data,
    token,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10485760,
    ...context(where, user),
    ...extra,
  };
  return { payload, token };
}

const COMMAND_ID = '1100000000000000030';

function commandData(sub: string, options: Record<string, string>, focused?: string) {
  return {
    id: COMMAND_ID,
    name: 'napkin',
    type: 1,
    options: [
      {
        type: 1,
        name: sub,
        options: Object.entries(options).map(([name, value]) => ({
          type: 3,
          name,
          value,
          ...(name === focused ? { focused: true } : {}),
        })),
      },
    ],
  };
}

/** `/napkin <sub> option:value …` */
export const slash = (sub: string, options: Record<string, string> = {}, where: Where = 'guild', user = USER) =>
  interaction(2, commandData(sub, options), where, {}, user);

/** Typing in an autocomplete option: `focused` names the option being typed. */
export const autocomplete = (sub: string, options: Record<string, string>, focused: string, where: Where = 'guild') =>
  interaction(4, commandData(sub, options, focused), where);

/** A click on a button of `message` (a message object as the fake stored it). */
export const button = (message: any, customId: string, where: Where = 'guild') =>
  interaction(3, { custom_id: customId, component_type: 2 }, where, { message });

/** Submitting a modal opened from a button on `message`, with text inputs by custom_id. */
export const modalSubmit = (message: any, customId: string, values: Record<string, string>, where: Where = 'guild') =>
  interaction(
    5,
    {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    },
    where,
    { message },
  );
