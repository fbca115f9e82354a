/**
 * 采用建议值 and 撤销 inside Excel: one cell, on the clerk's click.
 * Round trips: 1 read (the sheet's protection; the cell's values, formulas,
 * text, number format and lock) + 1 write. A protected sheet refuses unless
 * the cell is unlocked (as Excel itself lets the clerk type there). Nothing is written when the sheet is
 * protected, the cell holds a formula, or its value is no longer the one the
 * check saw (core/report/apply.ts decides).
 */
import { AppliedValue, CellNow, refuseApply, refuseUndo, valueToWrite } from "../../core/report/apply";
import { CellRef, refA1 } from "../../core/tables/types";
import { HostError } from "../host";

type Ctx = Excel.RequestContext;

async function readCell(ctx: Ctx, ref: CellRef): Promise<{ range: Excel.Range; now: CellNow }> {
  const ws = ctx.workbook.worksheets.getItem(ref.sheet);
  ws.protection.load("protected");
  const range = ws.getRange(refA1(ref));
  range.load("values,formulas,text,numberFormat,valueTypes");
  range.format.protection.load("locked");
  await ctx.sync();
  // A protected sheet still lets the clerk edit its unlocked cells; so does the add-in.
  if (ws.protection.protected && range.format.protection.locked !== false) throw new HostError("protected", `工作表“${ref.sheet}”受保护，无法写入。请先撤消工作表保护（审阅 › 撤消工作表保护）后再试。未作任何修改。`);
  const v = range.values[0][0] as string | number | boolean;
  const f = range.formulas[0][0] as unknown;
  const type = range.valueTypes[0][0];
  const now: CellNow = {
    text: String(range.text[0][0] ?? ""),
    value: type === "Empty" || v === "" ? null : v,
    formula: typeof f === "string" && f.startsWith("=") ? f : null,
    numberFormat: String(range.numberFormat[0][0] ?? "General"),
  };
  return { range, now };
}

/** Text that Excel would turn into a number when written back: keep it text with a leading apostrophe. */
function restoreValue(before: CellNow): string | number | boolean {
  if (before.value === null) return "";
  if (typeof before.value === "string" && before.numberFormat !== "@" && /^[\s+\-−(（]*[\d.,，]+/.test(before.value)) return `'${before.value}`;
  return before.value;
}

export async function applyValueOffice(ctx: Ctx, ref: CellRef, value: string, expectedCurrent: string): Promise<AppliedValue> {
  const { range, now } = await readCell(ctx, ref);
  const refusal = refuseApply(ref, now, expectedCurrent, value);
  if (refusal) throw new HostError(refusal.code, refusal.message);
  range.values = [[valueToWrite(value, now.numberFormat)]];
  await ctx.sync();
  return { ref, before: now, written: value };
}

export async function undoValueOffice(ctx: Ctx, edit: AppliedValue): Promise<void> {
  const { range, now } = await readCell(ctx, edit.ref);
  const refusal = refuseUndo(edit, now);
  if (refusal) throw new HostError(refusal.code, refusal.message);
  range.values = [[restoreValue(edit.before)]];
  await ctx.sync();
}
