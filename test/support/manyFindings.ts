/**
 * A workbook with thousands of findings (for the pane's list and the bench):
 * a generated consistent set with `items` 项 rows, where the 本年收入合计 of
 * every 项 row of 公开02表 and of the 本年支出合计 of 公开03表 is off by 1 — each
 * such row breaks its row sum, and the rows together break the 款 sums above them.
 */
import { WorkbookSnapshot, setCell } from "../../src/core/grid/snapshot";
import { formatNumber } from "../../src/core/amount/format";
import { Decimal } from "../../src/core/amount/decimal";
import { generateFinalSet } from "./finalSet";

export function manyFindingsWorkbook(items = 2600): WorkbookSnapshot {
  const wb = generateFinalSet({ seed: 17, items }).workbook;
  for (const sheet of wb.sheets.filter((s) => s.name === "公开02表" || s.name === "公开03表")) {
    for (const [r, row] of sheet.rows) {
      const code = row.get(0)?.text ?? "";
      const cell = row.get(2);
      if (!/^\d{7}$/.test(code) || !cell || typeof cell.value !== "number") continue;
      const v = new Decimal(cell.value).plus(1);
      setCell(sheet, r, 2, { text: formatNumber(v, 2), value: v.toNumber(), numberFormat: "#,##0.00" });
    }
  }
  return { ...wb, name: "many-findings.xlsx" };
}
