// Reply → Slack Block Kit: header, the summary first, sections with fields, the comparison, and the
// assumptions in a context block; always with a plain `text` fallback (notifications, screen readers).
// Every string from a reply is treated as user text: escaped, and stripped of anything that could ping.
import type { Cell, Comparison, Reply, Section } from '../model/reply.js';
import { caretText } from './text.js';
import { formatCell, formatDelta, formatNumber, shownNotes } from './units.js';

// Slack's published Block Kit limits.
export const LIMITS = { blocks: 50, header: 150, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10 };

export type Block = Record<string, unknown>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Slack's three control characters become entities, so `<!channel>` or `<@U123>` typed by a user shows as
 * text; bare @channel/@here/@everyone get a word joiner after the `@` so no client links them either.
 */
export function escapeSlack(s: string): string {
  // Most labels and values have none of these: four regex passes over every string were a third of a render.
  if (!/[&<>@]/.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u2060$1');
}

// mrkdwn has no escape character: a *, _ or ~ at the edge of a word would open or close bold, italics or
// strike-through, so they become look-alikes; inside code spans too, since a user's backtick can end
// napkin's span around an echoed word early. Inside a word (kv_cache, d_in) they format nothing and stay.
const MARKER = /(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu;
const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c' };

// Any character either escape changes: one scan decides that most strings need neither.
const SPECIAL = /[&<>@*_~]/;

/** escapeSlack for text Slack reads as mrkdwn: no mention, link or formatting can come from it. */
export function escapeMrkdwn(s: string): string {
  if (!SPECIAL.test(s)) return s;
  const e = escapeSlack(s);
  return /[*_~]/.test(e) ? e.replace(MARKER, (c) => LOOKALIKE[c]) : e;
}

/** Cut escaped text to `max` characters with an ellipsis, never inside an entity like `&amp;`. */
function clip(s: string, max: number, trimmed: { any: boolean }): string {
  if (s.length <= max) return s;
  trimmed.any = true;
  return s.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '') + '…';
}

const cells = (line: Cell[]): string => line.map(formatCell).join(' ');
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

function errorBlocks(reply: Reply, t: { any: boolean }): Block[] {
  const { input, error } = reply.error!;
  const hint = error.hint ? clip(escapeMrkdwn(error.hint), 500, t) : '';
  if (!input.length) return hint ? [{ type: 'section', text: mrkdwn(hint) }] : [];
  // The plain-text renderer's window and caret, so every platform points at the same column. Entities
  // render as one character, so escaping after placing the caret keeps it aligned; backticks become a
  // look-alike so the input cannot close the code block early.
  const [shown, caret] = caretText(input, error).map((l) => l.slice(2));
  const code = `\`\`\`${escapeSlack(shown.replace(/`/g, '\u02cb'))}\n${caret}\`\`\``;
  return [{ type: 'section', text: mrkdwn(hint ? `${code}\n${hint}` : code) }];
}

function sectionBlocks(section: Section, t: { any: boolean }): Block[] {
  const fields = section.rows.map((row) => {
    // Rows without a label (an explanation's worked lines) are just their value.
    const label = row.label ? `*${escapeMrkdwn(row.label)}*\n` : '';
    const detail = row.detail ? `\n_${escapeMrkdwn(row.detail)}_` : '';
    return mrkdwn(clip(`${label}${escapeMrkdwn(formatCell(row.value))}${detail}`, LIMITS.fieldText, t));
  });
  const title = mrkdwn(clip(`*${escapeMrkdwn(section.title)}*`, LIMITS.sectionText, t));
  if (fields.length === 0) return [{ type: 'section', text: title }];
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields) {
    const chunk = fields.slice(i, i + LIMITS.fields);
    blocks.push(i === 0 ? { type: 'section', text: title, fields: chunk } : { type: 'section', fields: chunk });
  }
  return blocks;
}

// Same marks as the Discord renderer: ✱ and the new value in bold for a changed row, "(same)" otherwise.
function comparisonLine(row: Comparison['rows'][number]): string {
  const label = escapeMrkdwn(row.label);
  const a = escapeMrkdwn(formatCell(row.a));
  if (!row.changed) return `${label}: ${a} (same)`;
  const unit = 'unit' in row.a ? row.a.unit : 'unit' in row.b ? row.b.unit : null;
  const extra: string[] = [];
  if (row.delta !== null && unit) extra.push(formatDelta(row.delta, unit));
  if (row.ratio !== null) extra.push(formatNumber(row.ratio, 'ratio'));
  const tail = extra.length ? ` (${escapeMrkdwn(extra.join(', '))})` : '';
  return `✱ *${label}*: ${a} → *${escapeMrkdwn(formatCell(row.b))}*${tail}`;
}

function comparisonBlocks(c: Comparison, t: { any: boolean }): Block[] {
  const head = `*${escapeMrkdwn(c.a)}* → *${escapeMrkdwn(c.b)}*`;
  const lines = c.rows.map(comparisonLine);
  const blocks: Block[] = [];
  let text = head;
  for (const line of lines) {
    if (text.length + line.length + 1 > LIMITS.sectionText) {
      blocks.push({ type: 'section', text: mrkdwn(text) });
      text = '';
    }
    text = text ? `${text}\n${clip(line, LIMITS.sectionText, t)}` : clip(line, LIMITS.sectionText, t);
  }
  blocks.push({ type: 'section', text: mrkdwn(text) });
  return blocks;
}

/** A note past the per-element limit continues in further elements, cut after a `; ` where it can be. */
function pieces(note: string): string[] {
  const out: string[] = [];
  let rest = note;
  while (rest.length > LIMITS.fieldText) {
    const at = rest.lastIndexOf('; ', LIMITS.fieldText - 2);
    let cut = at > 0 ? at + 2 : LIMITS.fieldText;
    // A hard cut must not split an entity such as `&amp;`.
    const amp = rest.lastIndexOf('&', cut);
    if (at <= 0 && amp > cut - 5 && !rest.slice(amp, cut).includes(';')) cut = amp;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  return [...out, rest];
}

/** Escaped notes as context elements; context blocks take ten, so the overflow shares the last one. */
function contextParts(notes: string[]): string[] {
  const parts = notes.map(escapeMrkdwn).flatMap(pieces);
  return parts.length > LIMITS.contextElements
    ? [...parts.slice(0, LIMITS.contextElements - 1), parts.slice(LIMITS.contextElements - 1).join(' · ')]
    : parts;
}

function contextBlock(parts: string[], t: { any: boolean }): Block {
  return { type: 'context', elements: parts.map((p) => mrkdwn(clip(p, LIMITS.fieldText, t))) };
}

/** The plain-text fallback: title and summary (its lines as formatted), escaped, short enough for a notification. */
function fallback(reply: Reply, summary: string[]): string {
  const lines = [reply.title, ...summary];
  if (reply.error) lines.push(reply.error.error.hint);
  const t = { any: false };
  return clip(escapeMrkdwn(lines.filter(Boolean).join('\n')), LIMITS.sectionText, t);
}

export function renderSlack(reply: Reply): SlackMessage {
  const t = { any: false };
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(escapeSlack(reply.title), LIMITS.header, t), emoji: true },
    },
  ];
  const summary = reply.summary.map(cells);
  if (summary.length) {
    const text = summary.map(escapeMrkdwn).join('\n');
    blocks.push({ type: 'section', text: mrkdwn(clip(text, LIMITS.sectionText, t)) });
  }
  if (reply.error) blocks.push(...errorBlocks(reply, t));
  if (reply.comparison) blocks.push(...comparisonBlocks(reply.comparison, t));
  for (const s of reply.sections) blocks.push(...sectionBlocks(s, t));
  const shown = shownNotes(reply);
  const notes = [...shown];
  // One block stays reserved for the context; body blocks past that are dropped whole, and said so.
  const room = LIMITS.blocks - 1;
  // Notes that overflow even ten context elements lose their end: that is trimming too.
  let parts = contextParts(notes);
  const notesCut = parts.some((p) => p.length > LIMITS.fieldText);
  if (blocks.length > room) {
    const dropped = blocks.length - room;
    blocks.splice(room);
    notes.unshift(
      `${dropped} more block${dropped === 1 ? '' : 's'} did not fit Slack's limits; \`napkin --json\` has every figure.`,
    );
  } else if (t.any || notesCut) {
    notes.unshift("Trimmed to fit Slack's limits; `napkin --json` has every figure.");
  }
  if (notes.length > shown.length) parts = contextParts(notes);
  if (notes.length) blocks.push(contextBlock(parts, t));
  return { text: fallback(reply, summary), blocks };
}
