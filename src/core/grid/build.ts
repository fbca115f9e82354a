/**
 * Building sheets from rows of values, the way a host would: numbers get their
 * displayed text through the number format, merged ranges are recorded. Used by
 * the blank templates, the 补充信息 sheet and the tests.
 */
import { parseRangeA1 } from "./address";
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "./snapshot";
import { formatNumberWithFormat } from "./numfmt";

export type CellInput = string | number | null | undefined | { v: number | string; fmt?: string; error?: string; indent?: number };

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
      else setCell(sheet, r0 + i, c0 + j, v.indent ? { text: v.v, value: v.v, indent: v.indent } : { text: v.v, value: v.v });
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


/**
 * How a written sheet should look (the host applies it): column widths in
 * characters, bold and marked rows, wrapped columns, number formats of ranges
 * (blank amount cells of a template), and ranges drawn with thin borders.
 */
export interface SheetFormat {
  columnWidths?: number[];
  wrapColumns?: number[];
  /** Rows (0-based) to mark visibly (placeholders to fill in). */
  markRows?: number[];
  /** Rows (0-based) written in bold (titles, headers, totals). */
  boldRows?: number[];
  numberFormats?: { range: string; format: string }[];
  /** A1 ranges drawn with thin borders (the table grid). */
  borders?: string[];
}
