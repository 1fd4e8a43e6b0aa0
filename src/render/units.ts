// The only place numbers become text: three significant figures, K/M/B/T for counts, binary GiB for
// bytes (decimal GB only where a figure is decimal), FLOP … EFLOP (ZFLOP beyond), PFLOP-days.
// Anything not finite prints as 'n/a', so NaN, Infinity or '1e+308' never reach a user. Whole numbers
// written out in full (6,738,415,616) come from core/grouped.ts, which core and grammar share.
import type { Cell, Reply, Unit } from '../model/reply.js';
import { exactInteger, groupDigits } from '../core/grouped.js';

// Each unit as it follows the figure: counts directly ('6.74B'), the others after a space ('80 GiB').
const COUNT = ['', 'K', 'M', 'B', 'T'];
const BIN = [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB', ' EiB'];
const DEC = [' B', ' KB', ' MB', ' GB', ' TB', ' PB', ' EB'];
const FLOP = [' FLOP', ' KFLOP', ' MFLOP', ' GFLOP', ' TFLOP', ' PFLOP', ' EFLOP', ' ZFLOP'];
const PFLOP_DAY = 1e15 * 86400;

/** Group thousands with commas: 1234567 → '1,234,567'. Most figures have three digits or fewer: no regex. */
function group(int: string): string {
  return int.length <= 3 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function wholeDigits(x: number, digits: number): string {
  const lead = Math.round(x / 10 ** Math.max(0, digits - 3));
  return String(lead) + '0'.repeat(Math.max(0, digits - 3));
}

/** x (≥ 0, finite) to three significant figures without exponent or trailing zeros: 0.0123, 4.5, 135, 1,400. */
export function sig3(x: number): string {
  if (x === 0) return '0';
  // Below 0.0001 the zeros outnumber the digits: 9.89×10^-12 reads better than 0.00000000000989.
  if (x < 1e-4) return powerOfTen(x);
  const digits = Math.floor(Math.log10(x)) + 1;
  if (digits === 3) {
    // The common case after scaling: 100 to 999.5 rounds to three digits, or to 1,000.
    const r = Math.round(x);
    return r < 1000 ? String(r) : groupDigits(String(r));
  }
  // Large values: three leading digits then zeros, built by hand so no exponent ever appears.
  if (digits > 3) return groupDigits(wholeDigits(x, digits));
  return trimmedFixed(x, Math.min(3 - digits, 20));
}

/** x.toFixed(places) without trailing zeros or a bare point, for x ≥ 0 whose x·10^places is below 10,000. */
function trimmedFixed(x: number, places: number): string {
  // x·10^places is within 1e-12 of the exact product (below 10,000, places ≤ 15): unless that is near a
  // half, it rounds to the integer toFixed rounds to, so the digits come from that integer.
  const y = places <= 15 ? x * 10 ** places : Number.NaN;
  const floor = Math.floor(y);
  const frac = y - floor;
  if (!(y < 10000) || Math.abs(frac - 0.5) < 1e-7) return trimZeros(x.toFixed(places));
  let n = frac < 0.5 ? floor : floor + 1;
  let p = places;
  while (p > 0 && n % 10 === 0) {
    n /= 10;
    p--;
  }
  let s = String(n);
  if (p === 0) return s;
  if (s.length <= p) s = '0'.repeat(p + 1 - s.length) + s;
  return `${s.slice(0, s.length - p)}.${s.slice(s.length - p)}`;
}

/** '12.500' → '12.5', '100.0' → '100': trailing zeros and a bare point dropped, scanned by hand. */
function trimZeros(s: string): string {
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/**
 * Whether sig3(v) shows four integer digits. Decided on the number (toPrecision rounds as sig3's toFixed
 * does), because formatting and re-parsing each step made scaling most of a reply's render time.
 */
const roundsToThousand = (v: number) => v >= 1000 || (v >= 999 && Number(v.toPrecision(3)) >= 1000);

/**
 * Scale x by `base` while it would show four integer digits (rounded first, so 999.7 becomes 1K, not
 * 1,000; and 1,000 MiB becomes 0.977 GiB, not 1,000 MiB).
 */
function scaled(x: number, base: number, units: string[]): string {
  const sign = x < 0 ? '-' : '';
  let v = Math.abs(x);
  let i = 0;
  while (i < units.length - 1 && roundsToThousand(v)) {
    v /= base;
    i++;
  }
  // Beyond a million of the largest unit, a power of ten of the base unit reads better than 3,600,000 ZFLOP.
  if (Number(v.toPrecision(3)) >= 1e6 && i === units.length - 1) return sign + powerOfTen(Math.abs(x)) + units[0];
  return sign + sig3(v) + units[i];
}

/** x > 0 as `3.11×10^35` or `9.89×10^-12`: three significant figures and an exponent (not finite: 'out of range'). */
function powerOfTen(x: number): string {
  if (!Number.isFinite(x)) return 'out of range';
  let exp = Math.floor(Math.log10(x));
  let mant = Number((x / 10 ** exp).toPrecision(3));
  if (mant >= 10) {
    mant /= 10;
    exp++;
  }
  return `${sig3(mant)}×10^${exp}`;
}

function duration(s: number): string {
  const a = Math.abs(s);
  if (a > 0 && a < 1e-3) return `${sig3(a * 1e6)} µs`;
  if (a > 0 && a < 1) return `${sig3(a * 1e3)} ms`;
  if (a < 60) return `${sig3(a)} s`;
  if (a < 3600) return `${sig3(a / 60)} min`;
  if (a < 86400 * 2) return `${sig3(a / 3600)} h`;
  if (a < 86400 * 365 * 2) return `${sig3(a / 86400)} days`;
  return `${sig3(a / (86400 * 365))} years`;
}

/** Format one number in a unit. */
export function formatNumber(n: number | null, unit: Unit): string {
  if (n === null || !Number.isFinite(n)) return 'n/a';
  switch (unit) {
    case 'count':
      return scaled(n, 1000, COUNT);
    case 'bytes':
      return scaled(n, 1024, BIN);
    case 'bytes-decimal':
      return scaled(n, 1000, DEC);
    case 'flops':
      return scaled(n, 1000, FLOP);
    case 'flops-per-token':
      return `${scaled(n, 1000, FLOP)}/token`;
    case 'pflop-days':
      return `${sig3(Math.abs(n) / PFLOP_DAY)} PFLOP-days`;
    case 'seconds':
      return duration(n);
    case 'hours':
      return `${scaled(n, 1000, COUNT)} h`;
    case 'ratio':
      return `×${sig3(Math.abs(n))}`;
    case 'percent':
      return hundredfold(n, '', '%');
    case 'per-second':
      return `${scaled(n, 1000, COUNT)}/s`;
    case 'integer':
      return exactInteger(n);
  }
}

/** |n| × 100 (a percentage) to three figures; 'out of range' when that overflows (|n| ≥ ~1.8e306). */
function hundredfold(n: number, sign: string, unit: string): string {
  const v = Math.abs(n) * 100;
  return Number.isFinite(v) ? `${sign}${sig3(v)}${unit}` : 'out of range';
}

/** A difference b − a, signed: '+6.28B', '-1.5 GiB', '0'. */
export function formatDelta(n: number, unit: Unit): string {
  if (!Number.isFinite(n)) return 'n/a';
  if (unit === 'ratio' || unit === 'percent') return hundredfold(n, n > 0 ? '+' : n < 0 ? '-' : '', ' pp');
  const body = formatNumber(Math.abs(n), unit);
  return n > 0 ? `+${body}` : n < 0 ? `-${body}` : '0';
}

export function formatCell(cell: Cell): string {
  if ('text' in cell) return cell.readable ? readableNumbers(cell.text) : cell.text;
  return formatNumber(cell.n, cell.unit);
}

/**
 * Make the plain numbers inside a sentence readable: 6738415616 → 6,738,415,616, 3.14e+23 → 3.14×10^23,
 * 0.1234567 → 0.123. Digits inside words (A100, fp16) are left alone.
 */
export function readableNumbers(line: string): string {
  return line.replace(/(?<![\w.])(\d+(?:\.\d+)?)(?:e([+-]?\d+))?(?![\w.])/gi, (_m, num: string, exp?: string) => {
    const x = Number(num);
    if (exp !== undefined) return `${sig3(x)}×10^${Number(exp)}`;
    if (Number.isInteger(x)) return x >= 10000 ? group(num) : num;
    // A short exact fraction (bytes per param such as 0.5625 or 0.53125) stays exact, so products check by hand.
    if (x < 1 && num.length <= 7) return num;
    return sig3(x);
  });
}

/** Each assumption made readable once: the same few dozen recur in nearly every reply. */
const READABLE = new Map<string, string>();

/**
 * `Assumptions: a; b; c.` with readableNumbers applied, piece by piece from a cache. Equivalent to running
 * it over the joined line: a number's surroundings are the same inside a piece, and the last piece is
 * looked up with its final '.', which stops a number at its end from reading as one.
 */
export function readableAssumptions(items: readonly string[]): string {
  let out = 'Assumptions: ';
  const last = items.length - 1;
  for (let i = 0; i <= last; i++) {
    const key = i === last ? `${items[i]}.` : items[i];
    let r = READABLE.get(key);
    if (r === undefined) {
      if (READABLE.size >= 4096) READABLE.clear();
      r = readableNumbers(key);
      READABLE.set(key, r);
    }
    out += i ? `; ${r}` : r;
  }
  return out;
}

/** The notes a renderer shows, in order: the reply's own, then one line of its assumptions. */
export function shownNotes(reply: Pick<Reply, 'notes' | 'assumptions'>): string[] {
  const assumed = reply.assumptions ?? [];
  return assumed.length ? [...reply.notes, readableAssumptions(assumed)] : reply.notes;
}
