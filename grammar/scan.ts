// The lexer's work without Chevrotain's general machinery: the same token patterns (tokens.ts), compiled
// sticky as Chevrotain compiles them, tried in the same order at each offset, the first match winning.
// Chevrotain's loop (modes, groups, payloads, position bookkeeping) cost more than the regexes on long
// inputs. Text it cannot cut (a character no pattern takes) gets null, and the caller asks Chevrotain's
// lexer, whose error (offset and length after its recovery) is the one reported. Tokens are made with a
// `payload` slot, so classify.ts filling it does not reshape every token.
import { type IToken, Lexer, type TokenType } from 'chevrotain';
import { LEXER_TOKENS } from './tokens.js';

interface Pattern {
  type: TokenType;
  sticky: RegExp;
  skipped: boolean;
}

const PATTERNS: Pattern[] = LEXER_TOKENS.map((type) => {
  const p = type.PATTERN as RegExp;
  return { type, sticky: new RegExp(p.source, p.ignoreCase ? 'iy' : 'y'), skipped: type.GROUP === Lexer.SKIPPED };
});

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** ASCII whitespace as `\s` has it: tab, line feed, vertical tab, form feed, carriage return, space. */
const isSpace = (c: number) => (c >= 9 && c <= 13) || c === 32;

/**
 * Which patterns can start with an ASCII character (a superset is enough: the order decides). Kept in
 * step with the patterns in tokens.ts; a test checks every ASCII character against Chevrotain's lexer.
 */
function canStart(name: string, c: number): boolean {
  switch (name) {
    case 'Space':
      return isSpace(c) || c === 44 || c === 59 || c === 46;
    case 'Assign':
      return c === 61 || c === 58;
    case 'Question':
      return c === 63;
    case 'Plus':
      return c === 43;
    case 'Number':
      return isDigit(c) || c === 45 || c === 46;
    case 'Word':
      return isLetter(c);
    default:
      // Dims, Chain, GpuCount, DigitWord start with a digit.
      return isDigit(c);
  }
}

/** Candidate patterns for each ASCII character; any other character tries them all. */
const BY_CHAR: Pattern[][] = Array.from({ length: 128 }, (_, c) => PATTERNS.filter((p) => canStart(p.type.name, c)));

/** Tokens of `text` as Chevrotain's lexer cuts them (skipped groups dropped), or null at a character none takes. */
export function scan(text: string): IToken[] | null {
  const tokens: IToken[] = [];
  let offset = 0;
  while (offset < text.length) {
    const c = text.charCodeAt(offset);
    const candidates = c < 128 ? BY_CHAR[c] : PATTERNS;
    let end = -1;
    let matched: Pattern | null = null;
    for (let i = 0; i < candidates.length; i++) {
      const p = candidates[i];
      p.sticky.lastIndex = offset;
      if (p.sticky.test(text)) {
        end = p.sticky.lastIndex;
        matched = p;
        break;
      }
    }
    if (matched === null) return null;
    if (!matched.skipped) {
      const type = matched.type;
      tokens.push({
        image: text.substring(offset, end),
        startOffset: offset,
        tokenTypeIdx: type.tokenTypeIdx!,
        tokenType: type,
        payload: undefined,
      } as IToken);
    }
    offset = end;
  }
  return tokens;
}
