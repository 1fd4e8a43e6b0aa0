// Everything a Reply says may carry user text (spec names, echoed words, the input itself), so the
// Discord renderer escapes it before adding its own formatting. allowed_mentions is empty on the client
// too; escaping keeps `@everyone` and `<@id>` from even looking like a mention.

const ZWSP = '\u200b';
// Characters that start Discord markdown anywhere in a line. Backslash first, so escapes stay literal.
const INLINE = /[\\*_~|[\]<]/g;
// Characters that only mean something at the start of a line (heading, quote, list, subtext).
const LINE_START = /^(\s*)([>#-]|\d+\.)/gm;
const MASS_MENTION = /@(everyone|here)/gi;

// Most strings contain none of these, so each pass is skipped unless a cheap test finds work for it
// (the renderer escapes every label of every answer: this is on the hot path).
const HAS_INLINE = /[\\*_~|[\]<]/;
const HAS_LINE_START = /^\s*(?:[>#-]|\d+\.)/m;

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Whether a line-start marker is possible at all: a first character that is not a letter, or a second line. */
function mayStartLine(s: string): boolean {
  const c = s.charCodeAt(0) | 32; // ASCII letters to lower case
  return !(c >= 97 && c <= 122) || LINE_BREAK.test(s);
}

function escapePlain(s: string): string {
  let out = HAS_INLINE.test(s) ? s.replace(INLINE, '\\$&') : s;
  if (mayStartLine(out) && HAS_LINE_START.test(out)) out = out.replace(LINE_START, '$1\\$2');
  return out.includes('@') ? out.replace(MASS_MENTION, `@${ZWSP}$1`) : out;
}

/** A code span may not contain a backtick or a newline; anything else in it is shown literally. */
const CODE_SPAN = /`([^`\n]+)`/g;

/**
 * Escape text for Discord markdown. Inline code spans (`like this`) that the command layer put around
 * user words are kept, since Discord shows their content literally; a stray backtick is escaped.
 */
export function escapeMarkdown(text: string): string {
  if (!text.includes('`')) return escapePlain(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CODE_SPAN)) {
    out += escapePlain(text.slice(last, m.index)).replace(/`/g, '\\`');
    out += `\`${m[1].replace(MASS_MENTION, `@${ZWSP}$1`)}\``;
    last = m.index + m[0].length;
  }
  return out + escapePlain(text.slice(last)).replace(/`/g, '\\`');
}

/**
 * Text for inside a ``` fence: markdown is not parsed there, so only a backtick (which could close the
 * fence) is swapped for a look-alike of the same length, keeping the caret under the right column.
 */
export function escapeCodeBlock(text: string): string {
  return text.replace(/`/g, 'ˋ').replace(MASS_MENTION, `@${ZWSP}$1`);
}
