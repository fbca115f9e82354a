/**
 * Building WorkbookSnapshots in tests, the way a host would: numbers get their
 * displayed text through the number format, merged ranges are recorded.
 */
import { SheetSnapshot, WorkbookSnapshot, setCell } from "../../src/core/grid/snapshot";
export { buildSheet, buildWorkbook } from "../../src/core/grid/build";
export type { CellInput, SheetSpec } from "../../src/core/grid/build";

/** Sets one cell of a snapshot (returns a deep-enough copy so fixtures stay intact). */
export function withCell(wb: WorkbookSnapshot, sheet: string, row: number, col: number, text: string, value: number | string | null): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => {
    if (s.name !== sheet) return s;
    const rows = new Map([...s.rows].map(([r, m]) => [r, new Map(m)]));
    const copy: SheetSnapshot = { ...s, rows, merges: [...s.merges], bounds: s.bounds ? { ...s.bounds } : null };
    if (text === "" && value === null) copy.rows.get(row)?.delete(col);
    else setCell(copy, row, col, { text, value, numberFormat: typeof value === "number" ? "#,##0.00" : undefined });
    return copy;
  });
  return { ...wb, sheets };
}
