// Whole numbers with every digit shown and grouped (6,738,415,616): for the texts that core and grammar
// write themselves (preset sources, notes), and for the formatting module (render/units.ts), which is
// where every other number becomes text. Not toLocaleString('en-US'): its first call starts ICU, which
// took tens of milliseconds of a one-shot CLI answer.

/** Group a string of digits only with commas, by slicing instead of a regex: '1234567' → '1,234,567'. */
export function groupDigits(d: string): string {
  const n = d.length;
  if (n <= 3) return d;
  let at = n % 3 || 3;
  let out = d.slice(0, at);
  for (; at < n; at += 3) out += `,${d.slice(at, at + 3)}`;
  return out;
}

/** A whole number's digits without an exponent: 1.2345e+300 → 12345 and 296 zeros, as toLocaleString shows it. */
function digits(x: number): string {
  const s = String(x);
  const e = s.indexOf('e+');
  if (e === -1) return s;
  const mantissa = s.slice(0, e).replace('.', '');
  return mantissa + '0'.repeat(Number(s.slice(e + 2)) + 1 - mantissa.length);
}

/** n rounded with every digit shown and grouped: 6,738,415,616. */
export function exactInteger(n: number): string {
  return `${n < 0 ? '-' : ''}${groupDigits(digits(Math.round(Math.abs(n))))}`;
}
