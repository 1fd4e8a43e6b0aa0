// Layer patterns written as text (Megatron-Core's hybrid alphabet, Nemotron-H's hybrid_override_pattern),
// read into symbols: one character per residual sublayer, run-length groups like `(+-)3(+E)58` read by a
// small recursive reader (never evaluated). Strings are only input and output; a model holds its layers.

/** Token mixers: M Mamba-2, m Mamba-1, * attention, w windowed attention, + MLA; channel mixers: - MLP, E MoE. */
export const TOKEN_SYMBOLS = 'Mm*w+';
export const CHANNEL_SYMBOLS = '-E';

export type PatternResult = { ok: true; symbols: string[] } | { ok: false; at: number; message: string };

/** `(+-)3(+E)58` → 3 × ['+', '-'] then 58 × ['+', 'E']: groups in parentheses, each item optionally repeated. */
export function readPattern(text: string): PatternResult {
  let at = 0;
  const fail = (message: string): PatternResult => ({ ok: false, at, message });
  const count = (): number => {
    const m = /^\d+/.exec(text.slice(at));
    if (!m) return 1;
    at += m[0].length;
    return Number(m[0]);
  };
  const seq = (depth: number): string[] | PatternResult => {
    const out: string[] = [];
    while (at < text.length) {
      const c = text[at];
      if (c === ')') {
        if (depth === 0) return fail('a `)` without its `(`');
        return out;
      }
      let item: string[];
      if (c === '(') {
        at++;
        const inner = seq(depth + 1);
        if (!Array.isArray(inner)) return inner;
        if (text[at] !== ')') return fail('a `(` without its `)`');
        at++;
        item = inner;
      } else if (TOKEN_SYMBOLS.includes(c) || CHANNEL_SYMBOLS.includes(c)) {
        at++;
        item = [c];
      } else return fail(`\`${c}\` is not a layer symbol (M, m, *, w, +, -, E)`);
      const n = count();
      if (n < 1 || n > 1e5 || out.length + n * item.length > 2e5) return fail('a repeat count from 1 to 100000');
      for (let k = 0; k < n; k++) for (const s of item) out.push(s);
    }
    if (depth > 0) return fail('a `(` without its `)`');
    return out;
  };
  const symbols = seq(0);
  if (!Array.isArray(symbols)) return symbols;
  if (symbols.length === 0) return { ok: false, at: 0, message: 'an empty pattern' };
  return { ok: true, symbols };
}

/**
 * Symbols into layers: a token mixer followed by a channel mixer is one layer (Megatron's `*-` GPT block,
 * `+E` DeepSeek's MoE layer); a symbol alone is a layer of one sublayer (Mamba's `M`, Nemotron-H's `-`).
 */
export function pairSymbols(symbols: readonly string[]): [token: string | null, channel: string | null][] {
  const out: [string | null, string | null][] = [];
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i];
    const next = symbols[i + 1];
    if (TOKEN_SYMBOLS.includes(s) && next !== undefined && CHANNEL_SYMBOLS.includes(next)) {
      out.push([s, next]);
      i++;
    } else if (TOKEN_SYMBOLS.includes(s)) out.push([s, null]);
    else out.push([null, s]);
  }
  return out;
}

/** A stack's layers written back in the alphabet, run-length grouped: `(+-)3(+E)58`. */
export function writePattern(units: readonly string[]): string {
  // Try periods 1..4 units at each position and keep the longest repeat.
  let out = '';
  let i = 0;
  while (i < units.length) {
    let best = { p: 1, n: 1 };
    for (let p = 1; p <= 8 && i + p <= units.length; p++) {
      let n = 1;
      while (
        i + (n + 1) * p <= units.length &&
        units.slice(i + n * p, i + (n + 1) * p).join() === units.slice(i, i + p).join()
      )
        n++;
      if (n * p > best.n * best.p || (n * p === best.n * best.p && p < best.p)) best = { p, n };
    }
    const unit = units.slice(i, i + best.p).join('');
    out += best.n > 1 ? (unit.length > 1 ? `(${unit})${best.n}` : `${unit}${best.n}`) : unit;
    i += best.p * best.n;
  }
  return out;
}
