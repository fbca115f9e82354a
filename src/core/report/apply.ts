/**
 * 采用建议值: the only way the add-in changes a value, one cell, on the clerk's
 * click. The hosts read the cell first and write only when it is still what the
 * check saw; these pure checks decide, the same way in Excel and on the page.
 *
 * Decisions (the spec is silent):
 * - A formula cell is never overwritten: its value is computed, so the place to
 *   fix is what the formula reads.
 * - "Still what the check saw" compares figures, not text: "480.55" and
 *   "480.550" are the same figure; a blank, "-" and "—" are all blank.
 * - The value is written as a number (Excel stores the nearest double either
 *   way, and a number does not depend on the decimal separator of the clerk's
 *   locale), except into a cell formatted as text ("@"), where it stays text.
 * - 撤销 restores what the cell held before — number, text or empty — but only
 *   while the cell still holds the value written; a value the clerk typed after
 *   it is theirs and is kept.
 */
import { readAmount } from "../amount/amount";
import { scanPlainNumber } from "../amount/fixed";
import { CellValue } from "../grid/snapshot";
import { CellRef, refA1 } from "../tables/types";

/** A cell as a host reads it just before writing. */
export interface CellNow {
  text: string;
  value: CellValue;
  /** The formula ("=SUM(C6:C12)") when the cell holds one. */
  formula?: string | null;
  numberFormat?: string;
}

/** What 撤销 needs: the cell and what it held. */
export interface AppliedValue {
  ref: CellRef;
  before: CellNow;
  /** The figure written, plain ("480.55"). */
  written: string;
}

export type ApplyRefusal = { code: "formula" | "changed" | "invalid"; message: string };

export function where(ref: CellRef): string {
  return `${ref.sheet}!${refA1(ref)}`;
}

/** Whether the cell shows the figure `plain` ("" = blank). */
export function holdsFigure(now: CellNow, plain: string): boolean {
  const read = readAmount({ text: now.text, value: now.value, numberFormat: now.numberFormat });
  if (!read.ok) return false;
  const a = read.amount;
  if (plain === "") return a.blank;
  const want = scanPlainNumber(plain);
  return !!want && !a.blank && a.fixed === want.fixed;
}

/** Why the suggested value may not be written into the cell now, or null when it may. */
export function refuseApply(ref: CellRef, now: CellNow, expectedCurrent: string, value: string): ApplyRefusal | null {
  if (!scanPlainNumber(value)) return { code: "invalid", message: `建议值“${value}”不是数字，未写入。` };
  if (now.formula)
    return {
      code: "formula",
      message: `${where(ref)} 是公式（${now.formula}），它的值由其他单元格算出。请更正公式引用的单元格，而不是改写公式。未作任何修改。`,
    };
  if (!holdsFigure(now, expectedCurrent))
    return {
      code: "changed",
      message: `${where(ref)} 现在为“${now.text || "空"}”，与校验时（${expectedCurrent || "空"}）不同，可能已被修改。请重新校验后再采用建议值。未作任何修改。`,
    };
  return null;
}

/** Why 撤销 may not restore the cell now (the clerk changed it after the suggested value was written), or null. */
export function refuseUndo(edit: AppliedValue, now: CellNow): ApplyRefusal | null {
  if (now.formula || !holdsFigure(now, edit.written))
    return {
      code: "changed",
      message: `${where(edit.ref)} 在采用建议值后又被修改（现为“${now.text || "空"}”），没有撤销，以免覆盖您的修改。`,
    };
  return null;
}

/** The value to write: a number, or text in a cell formatted as text. */
export function valueToWrite(plain: string, numberFormat: string | undefined): number | string {
  return numberFormat === "@" ? plain : Number(plain);
}

/** "空" or the text shown, for "old → new" in the pane. */
export function shownOrBlank(text: string): string {
  return text.trim() === "" ? "空" : text;
}
