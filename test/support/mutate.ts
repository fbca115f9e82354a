/** Helpers to change figures of a recognised workbook in tests. */
import { CheckResult, checkWorkbook } from "../../src/core/check";
import { Decimal } from "../../src/core/amount/decimal";
import { formatNumber } from "../../src/core/amount/format";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { Table } from "../../src/core/recognize/templates";
import { AmountCell, CellRef } from "../../src/core/tables/types";
import { withCell } from "./sheet";
import { Finding } from "../../src/core/report/finding";

export function table<T extends Table>(r: CheckResult, template: string): T {
  const t = r.tables.find((x) => x.template === template);
  if (!t) throw new Error(`no table ${template}`);
  return t as T;
}

/** Adds `delta` to a figure (written as a formatted number, like a clerk's cell). */
export function bump(wb: WorkbookSnapshot, cell: AmountCell | CellRef & { amount?: unknown }, delta: string | number): WorkbookSnapshot {
  const c = cell as AmountCell;
  const v = (c.amount ? c.amount.value : new Decimal(0)).plus(new Decimal(delta));
  return withCell(wb, c.ref.sheet, c.ref.row, c.ref.col, formatNumber(v, 2), v.toNumber());
}

export function setNumber(wb: WorkbookSnapshot, ref: CellRef, v: number | string): WorkbookSnapshot {
  const d = new Decimal(v);
  return withCell(wb, ref.sheet, ref.row, ref.col, formatNumber(d, 2), d.toNumber());
}

export function setText(wb: WorkbookSnapshot, ref: CellRef, text: string): WorkbookSnapshot {
  return withCell(wb, ref.sheet, ref.row, ref.col, text, text === "" ? null : text);
}

export function clear(wb: WorkbookSnapshot, ref: CellRef): WorkbookSnapshot {
  return withCell(wb, ref.sheet, ref.row, ref.col, "", null);
}

/** Findings of one rule at error or warning level. */
export function raised(r: CheckResult, rule: string): Finding[] {
  return r.findings.filter((f) => f.rule === rule && f.severity !== "info");
}

export function check(wb: WorkbookSnapshot): CheckResult {
  return checkWorkbook(wb);
}
