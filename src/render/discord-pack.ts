// Packs a laid-out answer into embeds that Discord accepts: every per-embed limit and the 6,000
// characters / 10 embeds per message. Long answers continue in further embeds; what still does not fit
// is dropped at a line boundary and the footer says so, so Discord never rejects a reply.

/** https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  embeds: 10,
} as const;

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: { text: string };
  image?: { url: string };
}

/** An answer laid out but not yet cut to size: description lines and field lines are already escaped. */
export interface Draft {
  title: string;
  color: number;
  description: string[];
  fields: { name: string; lines: string[] }[];
  notes: string[];
}

export const TRIM_NOTE = 'Trimmed to fit Discord: the CLI (npx napkin …) or --json shows the whole answer.';

/** Cut to `max` characters, marking the cut; never leaves half a surrogate pair or a dangling escape. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/\\+$/, '') + '…';
}

/** Group lines into chunks of at most `max` characters (joined with newlines). */
function chunks(lines: string[], max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (cur && cur.length + 1 + line.length > max) {
      out.push(cur);
      cur = line;
    } else cur = cur ? `${cur}\n${line}` : line;
  }
  if (cur) out.push(cur);
  return out;
}

export function pack(d: Draft): DiscordEmbed[] {
  const notes = d.notes.filter(Boolean).join('\n');
  // The footer and a possible trim note are reserved up front, so the body can never crowd them out.
  const reserve = Math.min(notes.length, LIMITS.footer - TRIM_NOTE.length - 1) + TRIM_NOTE.length + 1;
  const cap = LIMITS.total - reserve;
  const title = truncate(d.title || 'napkin', LIMITS.title);
  const embeds: DiscordEmbed[] = [{ title, color: d.color }];
  let used = title.length;
  let trimmed = false;

  const room = (n: number) => used + n <= cap;
  const next = (): DiscordEmbed | null => {
    if (embeds.length >= LIMITS.embeds) return null;
    const e: DiscordEmbed = { color: d.color };
    embeds.push(e);
    return e;
  };

  for (const text of chunks(d.description, LIMITS.description)) {
    const last = embeds[embeds.length - 1];
    const target = last.description || last.fields ? next() : last;
    const fit = room(text.length) ? text : fitLines(text, cap - used);
    if (!target || !fit) {
      trimmed = true;
      break;
    }
    target.description = fit;
    used += fit.length;
    if (fit !== text) trimmed = true;
    if (trimmed) break;
  }

  outer: for (const f of trimmed ? [] : d.fields) {
    const values = chunks(f.lines.length ? f.lines : ['—'], LIMITS.fieldValue);
    for (const [i, value] of values.entries()) {
      const name = truncate(i === 0 ? f.name : `${f.name} (cont.)`, LIMITS.fieldName);
      let target = embeds[embeds.length - 1];
      if ((target.fields?.length ?? 0) >= LIMITS.fields) target = next() ?? target;
      const fit = room(name.length + value.length) ? value : fitLines(value, cap - used - name.length);
      if ((target.fields?.length ?? 0) >= LIMITS.fields || !fit) {
        trimmed = true;
        break outer;
      }
      target.fields = [...(target.fields ?? []), { name, value: fit, inline: false }];
      used += name.length + fit.length;
      if (fit !== value) {
        trimmed = true;
        break outer;
      }
    }
  }

  // Assumptions longer than the footer lose their end too (a comparison lists both sides'): say so.
  const noteRoom = LIMITS.footer - TRIM_NOTE.length - 1;
  if (notes.length > noteRoom) trimmed = true;
  const footer = [truncate(notes, noteRoom), trimmed ? TRIM_NOTE : ''].filter(Boolean).join('\n');
  if (footer) embeds[embeds.length - 1].footer = { text: footer };
  return embeds;
}

/** The leading whole lines of `text` that fit in `max` characters, or '' when not even one does. */
function fitLines(text: string, max: number): string {
  let out = '';
  for (const line of text.split('\n')) {
    const nextOut = out ? `${out}\n${line}` : line;
    if (nextOut.length > max) break;
    out = nextOut;
  }
  return out;
}

/** The characters Discord counts toward the 6,000 per message. */
export function embedSize(e: DiscordEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}
