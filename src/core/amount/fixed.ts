/**
 * Exact fixed-point form of a figure: the decimal value × 10^7 as a BigInt (an
 * integer: no binary floating point). Sums of thousands of figures are done on
 * this form; decimal.js is used to parse unusual texts, for ratios and for
 * formatting. A figure with more than 7 decimals is rounded half-up at the 7th
 * (no published figure has that many; see amount.ts for how its interval is kept).
 */
import { Decimal } from "./decimal";

export const FIXED_DP = 7;
/** 1 and 100 in fixed point. */
export const FIXED_ONE = BigInt(10) ** BigInt(FIXED_DP);
export const FIXED_HUNDRED = BigInt(100) * FIXED_ONE;
const FIXED_SCALE = new Decimal(10).pow(FIXED_DP);
const BIG_TEN = BigInt(10);
const BIG_ZERO = BigInt(0);
const ZEROS = "0000000";

const halfCache: bigint[] = [];

/** Half of the last displayed unit (0.5 × 10^-dp) × 10^7 (at least 1). */
export function halfFixed(dp: number): bigint {
  const d = Math.max(0, Math.min(dp, 20));
  let h = halfCache[d];
  if (h === undefined) {
    h = d < FIXED_DP ? BigInt(5) * BIG_TEN ** BigInt(FIXED_DP - d - 1) : BigInt(1);
    halfCache[d] = h;
  }
  return h;
}

const halfNums: number[] = [];

/** halfFixed() as a number, for dp ≤ 20 (an integer ≤ 5 × 10^6: exact). */
export function halfFixedNum(dp: number): number {
  let h = halfNums[dp];
  if (h === undefined) {
    h = Number(halfFixed(dp));
    halfNums[dp] = h;
  }
  return h;
}

/**
 * The fixed-point figure as a decimal: its digits with the point put back (no
 * division). Past 40 significant digits (the engine's precision, never reached
 * by an amount) the division rounds as it always did.
 */
export function fixedToDecimal(f: bigint): Decimal {
  // Decimals are immutable: one value per figure (scores and points repeat: 200 forms
  // hold the same 分值 and 得分 a thousand times).
  const known = decimalCache.get(f);
  if (known) return known;
  const d = fixedToDecimalUncached(f);
  if (decimalCache.size >= DECIMAL_CACHE_SIZE) decimalCache.clear();
  decimalCache.set(f, d);
  return d;
}

/**
 * fixedToDecimal() results by figure. Emptied at the start of every check
 * (checkWorkbook), like the other per-check caches, so that one workbook's check
 * never profits from another's.
 */
const decimalCache = new Map<bigint, Decimal>();
const DECIMAL_CACHE_SIZE = 4096;

export function clearDecimalCache(): void {
  decimalCache.clear();
}

const BIG_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function fixedToDecimalUncached(f: bigint): Decimal {
  // A whole number (points, scores, counts: "8", "100"): decimal.js builds it from the integer directly.
  if (f % FIXED_ONE === BIG_ZERO) {
    const whole = f / FIXED_ONE;
    if (whole <= BIG_SAFE && whole >= -BIG_SAFE) return new Decimal(Number(whole));
  }
  const s = f.toString();
  const neg = s.charCodeAt(0) === 45;
  const digits = neg ? s.slice(1) : s;
  if (digits.length > 40) return new Decimal(s).div(FIXED_SCALE);
  const padded = digits.length <= FIXED_DP ? ZEROS.slice(0, FIXED_DP - digits.length) + "0" + digits : digits;
  const cut = padded.length - FIXED_DP;
  return new Decimal(`${neg ? "-" : ""}${padded.slice(0, cut)}.${padded.slice(cut)}`);
}

export function decimalToFixed(d: Decimal): bigint {
  return BigInt(d.times(FIXED_SCALE).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/** Integer digits + fraction digits → fixed-point (fraction truncated/rounded at 7 decimals). */
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

export function digitsToFixed(negative: boolean, intDigits: string, frac: string): bigint {
  let f: bigint;
  if (intDigits.length <= 8 && frac.length <= FIXED_DP) {
    // Both parts are integers below 10^8 and 10^7: int × 10^7 + frac stays below
    // 2^53, so the number is exact and BigInt(number) is faster than BigInt(string).
    const n = (intDigits ? parseInt(intDigits, 10) : 0) * 10000000 + (frac ? parseInt(frac, 10) * POW10[FIXED_DP - frac.length] : 0);
    f = BigInt(n);
  } else if (frac.length <= FIXED_DP) f = BigInt((intDigits || "0") + frac + ZEROS.slice(frac.length));
  else {
    f = BigInt((intDigits || "0") + frac.slice(0, FIXED_DP));
    if (frac.charCodeAt(FIXED_DP) >= 53) f += BigInt(1); // half-up on the 8th decimal
  }
  return negative ? -f : f;
}

export interface PlainNumber {
  fixed: bigint;
  decimals: number;
  negative: boolean;
}

/**
 * Fast scanner for the usual displayed forms: "-1,442.80", "142", "0.00",
 * "2203.7563". Returns null for anything else (full-width digits, brackets,
 * percent, spaces…), which the general parser handles.
 */
export function scanPlainNumber(s: string): PlainNumber | null {
  const out: PlainNumber = { fixed: BIG_ZERO, decimals: 0, negative: false };
  return scanPlainInto(s, out) ? out : null;
}

/**
 * scanPlainNumber() writing into `out` (a caller's reusable object: tables hold
 * 100,000 figures, and the result is copied at once). Returns false, leaving
 * `out` unspecified, when the text is not a plain figure.
 */
export function scanPlainInto(s: string, out: PlainNumber): boolean {
  const n = s.length;
  if (n === 0 || n > 40) return false;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  const start = i;
  let commas = 0;
  let group = 0;
  // Digits are also accumulated as small integers (at most 8 + 7 digits: below
  // 2^53, exact) so the common figure needs no substring.
  let intDigitCount = 0;
  let iv = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      group++;
      intDigitCount++;
      iv = iv * 10 + (c - 48);
    } else if (c === 44) {
      // Thousands separator: first group 1–3 digits, then groups of exactly 3.
      if ((commas > 0 && group !== 3) || (commas === 0 && (group === 0 || group > 3))) return false;
      commas++;
      group = 0;
    } else break;
  }
  const intEnd = i;
  if (intEnd === start || group === 0 || (commas > 0 && group !== 3)) return false;
  let fracStart = n;
  let fv = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return false;
    fracStart = ++i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      fv = fv * 10 + (c - 48);
    }
  }
  const fracLen = n - fracStart;
  let fixed: bigint;
  if (intDigitCount <= 8 && fracLen <= FIXED_DP) {
    const v = iv * 10000000 + fv * POW10[FIXED_DP - fracLen];
    fixed = v === 0 ? BIG_ZERO : BigInt(negative ? -v : v);
  } else {
    const intDigits = commas === 0 ? s.slice(start, intEnd) : s.slice(start, intEnd).split(",").join("");
    const frac = fracLen > 0 ? s.slice(fracStart) : "";
    fixed = digitsToFixed(negative, intDigits, frac);
  }
  out.fixed = fixed;
  out.decimals = fracLen;
  out.negative = negative && fixed !== BIG_ZERO;
  return true;
}

/**
 * Formats a fixed-point figure with `dp` decimals (half-up) and thousands
 * separators, like formatNumber() but without building a decimal.
 */
export function formatFixed(f: bigint, dp = 2, grouping = true): string {
  const neg = f < BigInt(0);
  let a = neg ? -f : f;
  const drop = FIXED_DP - Math.min(dp, FIXED_DP);
  if (drop > 0) {
    const unit = BIG_TEN ** BigInt(drop);
    const rem = a % unit;
    a = a / unit;
    if (rem * BigInt(2) >= unit) a += BigInt(1);
  }
  let digits = a.toString();
  const keep = Math.min(dp, FIXED_DP);
  if (digits.length <= keep) digits = "0".repeat(keep - digits.length + 1) + digits;
  let int = keep > 0 ? digits.slice(0, digits.length - keep) : digits;
  let frac = keep > 0 ? digits.slice(digits.length - keep) : "";
  if (dp > FIXED_DP) frac += "0".repeat(dp - FIXED_DP);
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = frac ? `${int}.${frac}` : int;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}
