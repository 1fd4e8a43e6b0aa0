// Incoming Slack text is Slack markup; the grammar wants what the user typed.

/**
 * Slack's markup back to what the user typed: mentions of napkin dropped, links unwrapped to their label,
 * entities decoded. Other `<!…>` and `<@…>` stay as typed, so the renderer shows them (escaped) if echoed.
 */
export function slackToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (mention, id: string) => (id === botUserId ? ' ' : mention))
    .replace(/<((?:https?|mailto):[^|>]*)(?:\|([^>]*))?>/g, (_, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
