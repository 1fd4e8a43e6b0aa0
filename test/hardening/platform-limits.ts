// Discord's and Slack's published message limits, written out here rather than imported from the
// renderers, so a wrong constant in a renderer fails these checks instead of agreeing with them.
// Discord: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// Slack: https://api.slack.com/reference/block-kit/blocks (section, header, context) and chat.postMessage.
import { expect } from 'vitest';
import type { DiscordMessage } from '../../src/render/discord.js';
import type { SlackMessage } from '../../src/render/slack.js';

export const DISCORD = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  customId: 100,
};
export const SLACK = { blocks: 50, header: 150, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10 };

/** Every Discord limit of one message body; returns its size in the characters Discord counts. */
export function expectDiscordFits(msg: DiscordMessage & { content?: string }): number {
  expect(msg.content?.length ?? 0).toBeLessThanOrEqual(DISCORD.content);
  expect(msg.embeds.length).toBeGreaterThan(0);
  expect(msg.embeds.length).toBeLessThanOrEqual(DISCORD.embeds);
  let total = 0;
  for (const e of msg.embeds) {
    const fields = e.fields ?? [];
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD.footer);
    expect(fields.length).toBeLessThanOrEqual(DISCORD.fields);
    for (const f of fields) {
      // Discord rejects an empty field name or value as firmly as an oversized one.
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD.fieldValue);
      total += f.name.length + f.value.length;
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD.total);
  for (const row of msg.components) {
    for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD.customId);
  }
  return total;
}

type Text = { type: string; text: string };
type Block = { type: string; text?: Text; fields?: Text[]; elements?: Text[] };

/** Every Block Kit limit of one message; returns the number of blocks. */
export function expectSlackFits(msg: SlackMessage): number {
  const blocks = msg.blocks as Block[];
  expect(blocks.length).toBeLessThanOrEqual(SLACK.blocks);
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(SLACK.sectionText);
  for (const b of blocks) {
    if (b.type === 'header') {
      expect(b.text?.type).toBe('plain_text');
      expect(b.text!.text.length).toBeLessThanOrEqual(SLACK.header);
      continue;
    }
    // A section needs text or fields, and Slack rejects empty strings in either.
    if (b.type === 'section') expect(b.text ?? b.fields).toBeDefined();
    if (b.text) expect(b.text.text.length).toBeGreaterThan(0);
    expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK.sectionText);
    expect(b.fields?.length ?? 0).toBeLessThanOrEqual(SLACK.fields);
    for (const f of b.fields ?? []) {
      expect(f.text.length).toBeGreaterThan(0);
      expect(f.text.length).toBeLessThanOrEqual(SLACK.fieldText);
    }
    expect(b.elements?.length ?? 0).toBeLessThanOrEqual(SLACK.contextElements);
    for (const el of b.elements ?? []) expect(el.text.length).toBeLessThanOrEqual(SLACK.fieldText);
  }
  return blocks.length;
}
