// Anything that looks like a credential, blanked out of text that came from elsewhere (an upstream API's
// error, a driver's message) before napkin logs it or shows it: Slack tokens, Discord bot tokens and other
// dotted tokens, Authorization header values, passwords inside URLs, and `token=`/`password=` pairs.
const PATTERNS: [RegExp, string][] = [
  // Slack: bot, user, app-level, refresh and configuration tokens.
  [/\bx(?:ox[a-z]|app|oxe(?:\.xox[a-z])?)-[A-Za-z0-9-]+/g, '[redacted token]'],
  // Discord bot tokens (base64 user id . timestamp . hmac), and JWTs, which share the shape.
  [/\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{10,}/g, '[redacted token]'],
  [/\b(Bot|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi, '$1:[redacted]@'],
  [/\b(token|secret|password|passwd|pwd|api[_-]?key)=([^&\s"']+)/gi, '$1=[redacted]'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
