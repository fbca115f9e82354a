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
 */
import { Cell } from "../grid/snapshot";
import { Decimal, ZERO, halfUnit } from "./decimal";
import { Interval } from "./interval";
import { parseNumberText } from "./parse";

export type Unit = "元" | "千元" | "万元" | "亿元";

export const UNIT_SCALE: Record<Unit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

export interface Amount {
  /** Displayed value in the table's unit (for percentages: 72.6 for "72.6%"). */
  value: Decimal;
  /** Decimals of precision this figure carries. */
  decimals: number;
  blank: boolean;
  percent: boolean;
  /**
   * Stored value when it has more decimals than displayed and differs from the
   * displayed figure (Excel hides it behind the number format).
   */
  hidden?: Decimal;
}

export type AmountRead =
  | { ok: true; amount: Amount }
  | { ok: false; text: string; reason: string };

const GENERALISH = /^(general|@|)$/i;

/** Number of decimals a numeric number format displays, or null when it does not fix them. */
export function formatDecimals(numberFormat: string | undefined): number | null {
  if (!numberFormat || GENERALISH.test(numberFormat.trim())) return null;
  const section = numberFormat.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

export function blankAmount(minDecimals = 2): Amount {
  return { value: ZERO, decimals: minDecimals, blank: true, percent: false };
}

/**
 * Reads a cell as an amount. `minDecimals` is the table's precision (see above).
 */
export function readAmount(cell: Cell | undefined, minDecimals = 2): AmountRead {
  if (!cell) return { ok: true, amount: blankAmount(minDecimals) };
  if (cell.error) return { ok: false, text: cell.text || cell.error, reason: `单元格为错误值 ${cell.error}` };
  const parsed = parseNumberText(cell.text);
  if (parsed.kind === "blank") {
    if (typeof cell.value === "number" && cell.value !== 0) {
      // A format such as `0;-0;"-"` shows a dash for zero only; a dash over a
      // non-zero number would hide it, so fall back to the stored number.
      return fromStoredNumber(cell, minDecimals);
    }
    return { ok: true, amount: blankAmount(minDecimals) };
  }
  if (parsed.kind === "invalid") {
    if (typeof cell.value === "number") return fromStoredNumber(cell, minDecimals);
    return { ok: false, text: cell.text, reason: parsed.reason };
  }
  const fixed = formatDecimals(cell.numberFormat);
  const numeric = typeof cell.value === "number";
  const decimals = numeric && fixed !== null ? parsed.decimals : Math.max(parsed.decimals, minDecimals);
  const amount: Amount = { value: parsed.value, decimals, blank: false, percent: parsed.percent };
  if (numeric) {
    let stored = new Decimal((cell.value as number).toPrecision(15));
    if (parsed.percent) stored = stored.times(100);
    if (!stored.toDecimalPlaces(parsed.decimals).eq(stored) && !stored.eq(parsed.value)) amount.hidden = stored;
  }
  return { ok: true, amount };
}

function fromStoredNumber(cell: Cell, minDecimals: number): AmountRead {
  const stored = new Decimal((cell.value as number).toPrecision(15));
  const fixed = formatDecimals(cell.numberFormat);
  const decimals = fixed ?? Math.max(minDecimals, Math.min(stored.decimalPlaces(), 10));
  return { ok: true, amount: { value: stored.toDecimalPlaces(decimals), decimals, blank: false, percent: false } };
}

/** Interval of exact amounts the displayed figure stands for, in the table's unit. */
export function intervalOf(a: Amount): Interval {
  return Interval.around(a.value, halfUnit(a.decimals));
}

/** Same interval converted into 元 (or any base) by multiplying with the unit scale. */
export function intervalIn(a: Amount, scale: Decimal): Interval {
  return intervalOf(a).times(scale);
}
