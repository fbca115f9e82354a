/**
 * Building WorkbookSnapshots in tests, the way a host would: numbers get their
 * displayed text through the number format, merged ranges are recorded.
 */
import { parseRangeA1 } from "../../src/core/grid/address";
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../src/core/grid/snapshot";
import { formatNumberWithFormat } from "../../src/core/grid/numfmt";

export type CellInput = string | number | null | undefined | { v: number | string; fmt?: string; error?: string };

export interface SheetSpec {
  name: string;
  rows: CellInput[][];
  /** Where rows[0][0] goes (0-based). */
  origin?: { row: number; col: number };
  merges?: string[];
  /** Number format applied to plain numbers (default "#,##0.00"). */
  numberFormat?: string;
}

export function buildSheet(spec: SheetSpec): SheetSnapshot {
  const sheet = emptySheet(spec.name);
  const r0 = spec.origin?.row ?? 0;
  const c0 = spec.origin?.col ?? 0;
  const fmt = spec.numberFormat ?? "#,##0.00";
  spec.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined || v === "") return;
      if (typeof v === "number") setCell(sheet, r0 + i, c0 + j, { text: formatNumberWithFormat(v, fmt), value: v, numberFormat: fmt });
      else if (typeof v === "string") setCell(sheet, r0 + i, c0 + j, { text: v, value: v });
      else if (v.error) setCell(sheet, r0 + i, c0 + j, { text: v.error, value: null, error: v.error });
      else if (typeof v.v === "number") setCell(sheet, r0 + i, c0 + j, { text: formatNumberWithFormat(v.v, v.fmt ?? fmt), value: v.v, numberFormat: v.fmt ?? fmt });
      else setCell(sheet, r0 + i, c0 + j, { text: v.v, value: v.v });
    }),
  );
  for (const m of spec.merges ?? []) {
    const r = parseRangeA1(m);
    if (r) sheet.merges.push(r);
  }
  return sheet;
}

export function buildWorkbook(name: string, sheets: SheetSpec[]): WorkbookSnapshot {
  return { name, sheets: sheets.map(buildSheet) };
}

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
