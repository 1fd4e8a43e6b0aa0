// Reply → a Discord message body (embeds, components, flags) as plain API JSON, so it is cheap to build,
// easy to golden-test and independent of discord.js. The short answer goes first (title, summary in the
// description), then one field per section, then the assumptions in the footer; discord-pack.ts cuts
// the result to Discord's limits.
import type { Cell, Comparison, Reply } from '../model/reply.js';
import type { NapkinError } from '../result.js';
import { escapeCodeBlock, escapeMarkdown } from './discord-escape.js';
import { type DiscordEmbed, type Draft, pack } from './discord-pack.js';
import { formatCell, formatDelta, formatNumber, shownNotes } from './units.js';
import { caretLines } from './caret.js';

export type { DiscordEmbed } from './discord-pack.js';

export interface DiscordButton {
  type: 2;
  style: 1 | 2 | 3 | 4;
  label: string;
  custom_id: string;
}

export interface DiscordMessage {
  embeds: DiscordEmbed[];
  components: { type: 1; components: DiscordButton[] }[];
  /** 64 = ephemeral: only the asker sees it. */
  flags: number;
}

export interface DiscordRenderOptions {
  /** custom_id for a "Compare…" button under the answer (the front end decides when to offer it). */
  compareId?: string;
  /** File name of an attached chart, shown as the embed's image. */
  chart?: string;
}

export const EPHEMERAL = 64;
const COLOR = { fits: 0x2ecc71, short: 0xe67e22, neutral: 0x5865f2, error: 0xed4245 } as const;
// Wider than this, an input line is shown as a window around the error so the caret stays on screen.
const WINDOW = 80;

/** Numbers in bold, text escaped: the renderer's one way of showing a cell. */
function cell(c: Cell): string {
  return 'text' in c ? escapeMarkdown(formatCell(c)) : `**${formatCell(c)}**`;
}

/** Changed rows are marked with `*`, the marker the reply's own note names. */
function comparisonLines(cmp: Comparison): string[] {
  const lines = [`**${escapeMarkdown(cmp.a)}** → **${escapeMarkdown(cmp.b)}**`];
  for (const r of cmp.rows) {
    const a = formatCell(r.a);
    const label = escapeMarkdown(r.label);
    if (!r.changed) {
      lines.push(`${label}: ${a} (same)`);
      continue;
    }
    const unit = 'unit' in r.a ? r.a.unit : 'unit' in r.b ? r.b.unit : null;
    const delta = r.delta !== null && unit ? formatDelta(r.delta, unit) : null;
    const ratio = r.ratio !== null ? formatNumber(r.ratio, 'ratio') : null;
    const change = [delta, ratio].filter(Boolean).join(', ');
    lines.push(`\\* **${label}**: ${a} → **${formatCell(r.b)}**${change ? ` (${change})` : ''}`);
  }
  return lines;
}

/** The input line that holds the error, with a caret under the offending part (a window if long). */
export function caretBlock(input: string, err: NapkinError): string {
  const around = Math.max(10, Math.floor((WINDOW - Math.min(err.length, WINDOW)) / 2));
  const { shown, marks } = caretLines(input, err, around);
  return '```\n' + escapeCodeBlock(shown) + '\n' + marks + '\n```';
}

function draft(reply: Reply): Draft {
  const est = reply.estimates?.[0];
  const fits = reply.kind === 'estimate' && est ? est.memory.fits : null;
  const color =
    reply.kind === 'error' ? COLOR.error : fits === true ? COLOR.fits : fits === false ? COLOR.short : COLOR.neutral;
  const description = reply.summary.map((cells) => cells.map(cell).join(' '));
  if (reply.comparison) {
    if (description.length) description.push('');
    description.push(...comparisonLines(reply.comparison));
  }
  if (reply.error) {
    description.push(caretBlock(reply.error.input, reply.error.error));
    if (reply.error.error.hint) description.push(`**Hint:** ${escapeMarkdown(reply.error.error.hint)}`);
  }
  return {
    title: escapeMarkdown(reply.title),
    color,
    description,
    fields: reply.sections.map((s) => ({
      name: escapeMarkdown(s.title),
      lines: s.rows.map(
        (r) =>
          `${r.label ? `${escapeMarkdown(r.label)}: ` : ''}${cell(r.value)}${r.detail ? ` · ${escapeMarkdown(r.detail)}` : ''}`,
      ),
    })),
    // Footers are plain text on Discord (no markdown, no mentions): escaping would show as backslashes.
    notes: shownNotes(reply),
  };
}

export function renderDiscord(reply: Reply, opts: DiscordRenderOptions = {}): DiscordMessage {
  const embeds = pack(draft(reply));
  if (opts.chart) embeds[0].image = { url: `attachment://${opts.chart}` };
  const components: DiscordMessage['components'] = opts.compareId
    ? [{ type: 1, components: [{ type: 2, style: 2, label: 'Compare…', custom_id: opts.compareId }] }]
    : [];
  return { embeds, components, flags: reply.ephemeral ? EPHEMERAL : 0 };
}
