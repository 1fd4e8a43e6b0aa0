// Number images → values: `1_000_000`, `1.4T`, `1e24`, `2^20`, `40%`, `128k` (a length: ×1024).
import type { NumKeyDef } from './keys.js';

const PLAIN = /^\d+$/;
const NUMBER = /^(-?)((?:\d[\d_]*)?(?:\.\d+)?)(?:e([+-]?\d+))?(?:\^(\d+))?([kmbgt%]?)$/i;

/** Decimal powers per suffix; lengths use binary k and M (model cards' 128k = 131,072; 1M = 1,048,576). */
const DECIMAL: Record<string, number> = { '': 0, k: 3, m: 6, b: 9, g: 9, t: 12, '%': -2 };
const BINARY: Record<string, number> = { k: 1024, m: 1024 * 1024 };

export interface NumberValue {
  value: number;
  /** The suffix as written, lower case ('' when none). */
  suffix: string;
}

/** The value of a Number token for a key; NaN when the image is not a number. */
export function numberValue(image: string, key: Pick<NumKeyDef, 'length'>): NumberValue {
  if (PLAIN.test(image)) return { value: Number(image), suffix: '' };
  const m = NUMBER.exec(image);
  if (!m || m[2] === '') return { value: Number.NaN, suffix: '' };
  const [, sign, digits, exp, pow, rawSuffix] = m;
  const suffix = rawSuffix.toLowerCase();
  const mantissa = digits.replaceAll('_', '');
  let value: number;
  if (pow !== undefined) {
    // `2^20`: exact for integer bases; a suffix scales the result.
    value = Number(`${mantissa}e${exp ?? 0}`) ** Number(pow);
    value *= key.length && BINARY[suffix] ? BINARY[suffix] : 10 ** DECIMAL[suffix];
  } else if (key.length && BINARY[suffix]) {
    value = Number(`${mantissa}e${exp ?? 0}`) * BINARY[suffix];
  } else {
    // Build the decimal exponent as text so `1.4T` is exactly 1.4e12, not 1.4 × 1e12.
    value = Number(`${mantissa}e${Number(exp ?? 0) + DECIMAL[suffix]}`);
  }
  return { value: sign ? -value : value, suffix };
}

/** Words for the suffix, for assumptions: "k = 1024 in lengths". */
export const binarySuffix = (suffix: string, key: Pick<NumKeyDef, 'length'>) => !!key.length && suffix in BINARY;
