/**
 * WorkbookSnapshot: what the core knows of a workbook. Hosts (ExcelJS for .xlsx
 * files, Office.js inside Excel) build one; nothing in the core reads a workbook
 * any other way. Cells are stored sparsely (a map per row) so that a sheet whose
 * formatting reaches row 3,380 but whose data stops at row 21 costs nothing.
 */
import { CellPos, RangePos, rangeContains } from "./address";

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** What the clerk sees in the cell (Excel's displayed text). */
  text: string;
  /** Raw value: a number for numeric cells, a string for text cells, null when empty. */
  value: CellValue;
  /** Excel number format code, e.g. "#,##0.00"; "General" or undefined when none. */
  numberFormat?: string;
  /** Set when the cell holds an Excel error such as "#REF!" or "#DIV/0!". */
  error?: string;
  /** True when the value comes from a formula. */
  formula?: boolean;
  /** Excel's indent level of the cell (Format Cells → Alignment → Indent), when above 0. */
  indent?: number;
}

export interface SheetSnapshot {
  name: string;
  /** rows.get(r).get(c) → cell; both 0-based. Only non-empty cells are stored. */
  rows: Map<number, Map<number, Cell>>;
  /** Merged ranges; the value sits in the top-left cell. */
  merges: RangePos[];
  /** Bounding box of the stored cells (inclusive), or null for an empty sheet. */
  bounds: RangePos | null;
  hidden?: boolean;
  /** Set by a host that had to stop reading (e.g. a sheet of millions of cells). */
  truncated?: { atRow: number; reason: string };
  /**
   * A sheet of the workbook that holds no cells to read: a chart sheet (a tab
   * that is one chart), or a dialog / macro sheet of old Excel. Kept, empty, at
   * its place among the tabs so that it is listed as not checked, with why.
   */
  noCells?: "chart" | "other";
}

export interface WorkbookSnapshot {
  /** File name or workbook title, for messages. */
  name: string;
  sheets: SheetSnapshot[];
}

export function emptySheet(name: string): SheetSnapshot {
  return { name, rows: new Map(), merges: [], bounds: null };
}

export function setCell(sheet: SheetSnapshot, row: number, col: number, cell: Cell): void {
  let r = sheet.rows.get(row);
  if (!r) {
    r = new Map();
    sheet.rows.set(row, r);
  }
  r.set(col, cell);
  const b = sheet.bounds;
  if (!b) sheet.bounds = { top: row, left: col, bottom: row, right: col };
  else {
    if (row < b.top) b.top = row;
    if (row > b.bottom) b.bottom = row;
    if (col < b.left) b.left = col;
    if (col > b.right) b.right = col;
  }
}

export function getCell(sheet: SheetSnapshot, row: number, col: number): Cell | undefined {
  return sheet.rows.get(row)?.get(col);
}

/** Displayed text of a cell, trimmed; "" when empty. */
export function cellText(sheet: SheetSnapshot, row: number, col: number): string {
  const c = sheet.rows.get(row)?.get(col);
  return c ? c.text.trim() : "";
}

/** Row indexes that hold at least one cell, ascending. */
export function rowIndexes(sheet: SheetSnapshot): number[] {
  return [...sheet.rows.keys()].sort((a, b) => a - b);
}

/**
 * Index of merged ranges for quick lookup of the merge a cell belongs to.
 */
export class MergeIndex {
  /** Key row × 16384 + col (Excel has 16,384 columns): a number, no string per lookup. */
  private byCell = new Map<number, RangePos>();
  constructor(merges: RangePos[]) {
    for (const m of merges) {
      // Large merges are rare; guard anyway against absurd ranges.
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 100000) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.byCell.set(r * 16384 + c, m);
    }
  }
  get size(): number {
    return this.byCell.size;
  }
  mergeOf(row: number, col: number): RangePos | undefined {
    return this.byCell.size === 0 ? undefined : this.byCell.get(row * 16384 + col);
  }
  /** Top-left cell of the merge holding (row, col), or the cell itself. */
  master(row: number, col: number): CellPos {
    const m = this.mergeOf(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }
  contains(m: RangePos, row: number, col: number): boolean {
    return rangeContains(m, row, col);
  }
}
