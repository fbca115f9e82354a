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

/** Column widths that let a reviewer read the tables in Excel (the fixture scripts write them). */
export function readableWidths(wb: WorkbookSnapshot): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of wb.sheets) {
    const w: number[] = [];
    for (const row of s.rows.values())
      for (const [c, cell] of row) {
        if (cell.text.length > 40) continue;
        const len = [...cell.text].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0);
        w[c] = Math.min(40, Math.max(w[c] ?? 8, len + 2));
      }
    out.set(s.name, Array.from(w, (x) => x ?? 8));
  }
  return out;
}
