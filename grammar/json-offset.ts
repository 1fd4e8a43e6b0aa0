// Where JSON text first goes wrong. Node 20's JSON.parse names a position for some errors ("at position
// 8") but not for an unexpected token; this scanner finds it for those.

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Offset of the first character that cannot continue valid JSON (text.length when it ends early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  // Each step returns false at the first bad character, leaving `i` on it.
  const value = (): boolean => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    for (const lit of LITERALS) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return true;
    }
    return false;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) return false;
      i++;
    }
    if (i >= text.length) return false;
    i++;
    return true;
  };
  const container = (close: string, object: boolean): boolean => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return true;
    }
    for (;;) {
      if (object) {
        ws();
        if (text[i] !== '"' || !string()) return false;
        ws();
        if (text[i] !== ':') return false;
        i++;
      }
      if (!value()) return false;
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] !== close) return false;
      i++;
      return true;
    }
  };
  if (!value()) return Math.min(i, text.length);
  ws();
  return i;
}
