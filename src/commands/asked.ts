// A spec asked as a question in a thread, "what if L=40?" or "how about zero3 16xH100?", read as the spec
// itself (`L=40`). Only the wrapper goes: a trailing `?` after `=` is a solve (`batch=?`) and stays.

const LEAD =
  /^(?:(?:so|ok|okay|and|now|then)[,\s]+)?(?:what\s+if|what\s+about|how\s+about|and\s+if|try|with)\s+(?:(?:we|i|you)\s+)?(?:(?:use|used|had|have|try|tried|go\s+with|switch\s+to)\s+)?/i;
const TAIL = /(?<!=)\s*\?+$/;

/** The spec inside a question; text that is not one comes back unchanged. */
export function asked(text: string): string {
  const lead = LEAD.exec(text);
  const rest = lead ? text.slice(lead[0].length) : text;
  const spec = rest.replace(TAIL, '').trim();
  return spec || text;
}
