// What of a rendered message a chat client would treat as markup: the parts outside code spans, code
// blocks and (on Discord) backslash escapes. The injection tests look for user text there.
import type { DiscordMessage } from '../../src/render/discord.js';
import type { SlackMessage } from '../../src/render/slack.js';

/** Discord: ``` blocks and `spans` show literally, and so does a character after a backslash. */
export function liveDiscord(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('```', i)) {
      const end = s.indexOf('```', i + 3);
      i = end === -1 ? s.length : end + 3;
      out += ' ';
    } else if (s[i] === '\\') {
      i += 2;
      out += ' ';
    } else if (s[i] === '`' && /^`[^`\n]+`/.test(s.slice(i))) {
      i = s.indexOf('`', i + 1) + 1;
      out += ' ';
    } else out += s[i++];
  }
  return out;
}

/** Slack mrkdwn has no escapes: only ``` blocks and `spans` are literal. */
export function liveSlack(s: string): string {
  return s.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]+`/g, ' ');
}

/** Discord texts that take markdown: title, description, field names and values (footers are plain). */
export function discordMarkdown(msg: DiscordMessage): string[] {
  return msg.embeds.flatMap((e) => [
    e.title ?? '',
    e.description ?? '',
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]);
}

type Text = { type: string; text: string };
type Block = { text?: Text; fields?: Text[]; elements?: Text[] };

/** Slack texts parsed as mrkdwn: every mrkdwn text object, and the notification fallback. */
export function slackMrkdwn(msg: SlackMessage): string[] {
  const texts = (msg.blocks as Block[]).flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]);
  return [msg.text, ...texts.filter((t): t is Text => t?.type === 'mrkdwn').map((t) => t.text)];
}
