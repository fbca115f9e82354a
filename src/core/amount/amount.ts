/**
 * Amount: one figure read from a cell, in its table's unit.
 *
 * Precision decision (spec §5 is silent on cells without a fixed format):
 * - a number shown through a fixed-decimal format ("#,##0.00", "0.0%") stands for
 *   the rounding interval of what is displayed, however many decimals that is;
 * - text typed by a clerk ("1,442.80", "142") and numbers in the General format
 *   are read with at least the table's precision (2 decimals by default: 0.01 万元,
 *   or 分 in 元 tables). "142" typed in a 万元 table means 142.00, not 142 ± 0.5.
 * - a blank cell, or a dash, counts as 0 at the table's precision and remembers
 *   that it was blank (the "blank but implied" rules need to know).
 *
 * The figure is held exactly as fixed-point (value × 10^7, a BigInt) and as a
 * decimal.js value created on first use; both are the same exact decimal.
 */
import { Cell } from "../grid/snapshot";
import { Decimal, halfUnit } from "./decimal";
import { Interval } from "./interval";
import { parseNumberText } from "./parse";
import { FIXED_DP, PlainNumber, decimalToFixed, fixedToDecimal, scanPlainInto, scanPlainNumber } from "./fixed";

export type Unit = "元" | "千元" | "万元" | "亿元";

export const UNIT_SCALE: Record<Unit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

export class Amount {
  private dec?: Decimal;
  /** Stored value when it has more decimals than displayed and differs from the displayed figure. */
  hidden?: Decimal;
  constructor(
    /** Displayed value × 10^7 (for percentages: 72.6 for "72.6%"). */
    readonly fixed: bigint,
    /** Decimals of precision this figure carries. */
    readonly decimals: number,
    readonly blank: boolean,
    readonly percent: boolean,
    value?: Decimal,
  ) {
    this.dec = value;
    this.hidden = undefined; // one object shape for every amount
  }
  /** Displayed value in the table's unit, as a decimal. */
  get value(): Decimal {
    if (!this.dec) this.dec = fixedToDecimal(this.fixed);
    return this.dec;
  }
  static of(value: Decimal, decimals: number, blank = false, percent = false): Amount {
    return new Amount(decimalToFixed(value), decimals, blank, percent, value);
  }
}

export type AmountRead =
  | { ok: true; amount: Amount }
  | { ok: false; text: string; reason: string };

const GENERALISH = /^(general|@|)$/i;
const formatDecimalsCache = new Map<string, number | null>();

/** Number of decimals a numeric number format displays, or null when it does not fix them. */
export function formatDecimals(numberFormat: string | undefined): number | null {
  if (!numberFormat) return null;
  const cached = formatDecimalsCache.get(numberFormat);
  if (cached !== undefined) return cached;
  let out: number | null;
  if (GENERALISH.test(numberFormat.trim())) out = null;
  else {
    const section = numberFormat.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
    if (!/[0#?]/.test(section)) out = null;
    else {
      const m = /\.([0#?]+)/.exec(section);
      out = m ? m[1].length : 0;
    }
  }
  formatDecimalsCache.set(numberFormat, out);
  return out;
}

const blanks = new Map<number, Amount>();
export function blankAmount(minDecimals = 2): Amount {
  let b = blanks.get(minDecimals);
  if (!b) {
    b = new Amount(BigInt(0), minDecimals, true, false);
    blanks.set(minDecimals, b);
  }
  return b;
}

/**
 * Whether a stored double shows more than `dp` decimals (Excel keeps 15
 * significant digits). A quick floating check screens the common case
 * (1442.8 shown as "1,442.80"); only a suspect value gets the exact test.
 */
function mayHideDecimals(v: number, dp: number): boolean {
  if (Number.isInteger(v)) return false;
  const scaled = v * 10 ** dp;
  return Math.abs(scaled - Math.round(scaled)) > 1e-7 * Math.max(1, Math.abs(scaled));
}

/** Reused by readAmountFast (copied at once): no result object per figure. */
const scratch: PlainNumber = { fixed: BigInt(0), decimals: 0, negative: false };

const FIXED_ZERO = BigInt(0);

/** What readAmountFields() read: copied at once by the caller (one shared record). */
export interface AmountFields {
  fixed: bigint;
  decimals: number;
  blank: boolean;
  /** The stored number, when it may hide decimals the display does not show (see setHidden). */
  stored: number | undefined;
  /** Decimals displayed (for the hidden-decimals test). */
  shown: number;
}
const fields: AmountFields = { fixed: FIXED_ZERO, decimals: 0, blank: false, stored: undefined, shown: 0 };

/**
 * readAmountFast() without building the Amount: for a table cell that is its own
 * amount (tables/base.ts), so that a figure is one object, not two.
 */
export function readAmountFields(cell: Cell | undefined, minDecimals = 2): AmountFields | null {
  if (!cell) {
    fields.fixed = FIXED_ZERO;
    fields.decimals = minDecimals;
    fields.blank = true;
    fields.stored = undefined;
    return fields;
  }
  if (cell.error) return null;
  const plain = scratch;
  if (!scanPlainInto(cell.text, plain)) return null;
  const numeric = typeof cell.value === "number";
  fields.fixed = plain.fixed;
  fields.decimals = numeric && formatDecimals(cell.numberFormat) !== null ? plain.decimals : Math.max(plain.decimals, minDecimals);
  fields.blank = false;
  fields.stored = numeric && mayHideDecimals(cell.value as number, plain.decimals) ? (cell.value as number) : undefined;
  fields.shown = plain.decimals;
  return fields;
}

/**
 * The common case without any wrapper object: an empty cell, or a plain figure
 * ("1,442.80"). Returns null when the cell needs the full reader.
 */
export function readAmountFast(cell: Cell | undefined, minDecimals = 2): Amount | null {
  if (!cell) return blankAmount(minDecimals);
  if (cell.error) return null;
  const plain = scratch;
  if (!scanPlainInto(cell.text, plain)) return null;
  const numeric = typeof cell.value === "number";
  const decimals = numeric && formatDecimals(cell.numberFormat) !== null ? plain.decimals : Math.max(plain.decimals, minDecimals);
  const amount = new Amount(plain.fixed, decimals, false, false);
  if (numeric && mayHideDecimals(cell.value as number, plain.decimals)) setHidden(amount, cell.value as number, plain.decimals, false);
  return amount;
}

/**
 * Reads a cell as an amount. `minDecimals` is the table's precision (see above).
 */
export function readAmount(cell: Cell | undefined, minDecimals = 2): AmountRead {
  if (!cell) return { ok: true, amount: blankAmount(minDecimals) };
  if (cell.error) return { ok: false, text: cell.text || cell.error, reason: `单元格为错误值 ${cell.error}` };
  const numeric = typeof cell.value === "number";
  const fixedFmt = numeric ? formatDecimals(cell.numberFormat) : null;
  const plain = scanPlainNumber(cell.text);
  if (plain) {
    const decimals = numeric && fixedFmt !== null ? plain.decimals : Math.max(plain.decimals, minDecimals);
    const amount = new Amount(plain.fixed, decimals, false, false);
    if (numeric && mayHideDecimals(cell.value as number, plain.decimals)) setHidden(amount, cell.value as number, plain.decimals, false);
    return { ok: true, amount };
  }
  // "72.6%": a plain figure with a percent sign (rates fill whole columns of performance forms).
  const text = cell.text;
  const pct = text.length > 1 && text.charCodeAt(text.length - 1) === 37 ? scanPlainNumber(text.slice(0, -1)) : null;
  // Up to 7 decimals the fixed form is exact; more go through the general parser, which keeps every digit.
  if (pct && pct.decimals <= FIXED_DP) {
    const decimals = numeric && fixedFmt !== null ? pct.decimals : Math.max(pct.decimals, minDecimals);
    const amount = new Amount(pct.fixed, decimals, false, true);
    if (numeric && mayHideDecimals((cell.value as number) * 100, pct.decimals)) setHidden(amount, cell.value as number, pct.decimals, true);
    return { ok: true, amount };
  }
  const parsed = parseNumberText(cell.text);
  if (parsed.kind === "blank") {
    if (numeric && cell.value !== 0) {
      // A format such as `0;-0;"-"` shows a dash for zero only; a dash over a
      // non-zero number would hide it, so fall back to the stored number.
      return fromStoredNumber(cell, minDecimals);
    }
    return { ok: true, amount: blankAmount(minDecimals) };
  }
  if (parsed.kind === "invalid") {
    if (numeric) return fromStoredNumber(cell, minDecimals);
    return { ok: false, text: cell.text, reason: parsed.reason };
  }
  const decimals = numeric && fixedFmt !== null ? parsed.decimals : Math.max(parsed.decimals, minDecimals);
  const amount = Amount.of(parsed.value, decimals, false, parsed.percent);
  if (numeric) {
    const v = (cell.value as number) * (parsed.percent ? 100 : 1);
    if (mayHideDecimals(v, parsed.decimals)) setHidden(amount, cell.value as number, parsed.decimals, parsed.percent);
  }
  return { ok: true, amount };
}

export function setHidden(amount: Amount, stored: number, dp: number, percent: boolean): void {
  let d = new Decimal(stored.toPrecision(15));
  if (percent) d = d.times(100);
  if (!d.toDecimalPlaces(dp).eq(d) && !d.eq(amount.value)) amount.hidden = d;
}

function fromStoredNumber(cell: Cell, minDecimals: number): AmountRead {
  const stored = new Decimal((cell.value as number).toPrecision(15));
  const fixed = formatDecimals(cell.numberFormat);
  const decimals = fixed ?? Math.max(minDecimals, Math.min(stored.decimalPlaces(), 10));
  return { ok: true, amount: Amount.of(stored.toDecimalPlaces(decimals), decimals) };
}

/** Interval of exact amounts the displayed figure stands for, in the table's unit. */
export function intervalOf(a: Amount): Interval {
  return Interval.around(a.value, halfUnit(a.decimals));
}

/** Same interval converted into 元 (or any base) by multiplying with the unit scale. */
export function intervalIn(a: Amount, scale: Decimal): Interval {
  return intervalOf(a).times(scale);
}

/** Whether a figure's fixed form (value × 10^7) is its exact value: at most 7 decimals. */
export function exactInFixed(a: Amount): boolean {
  return a.decimals >= 0 && a.decimals <= FIXED_DP;
}

/** Sign of a figure without building a decimal. */
export function isNegative(a: Amount): boolean {
  return a.fixed < BigInt(0);
}

export function isZero(a: Amount): boolean {
  return a.fixed === BigInt(0);
}
