/**
 * WorkbookSnapshot → .xlsx (ExcelJS). Used to write generated workbooks (tests,
 * bench, blank templates) and copies with highlighted cells.
 */
import type ExcelJS from "exceljs";
import { Workbook } from "./excel";
import { rangeA1 } from "../../core/grid/address";
import { WorkbookSnapshot } from "../../core/grid/snapshot";

export interface CellStyle {
  /** ARGB fill colour, e.g. "FFFFC7CE". */
  fill?: string;
  /** Note text shown on hover. */
  note?: string;
  bold?: boolean;
  wrap?: boolean;
}

export interface WriteOptions {
  /** Extra styling per "sheet!A1" address. */
  styles?: Map<string, CellStyle>;
  /** Column widths per sheet (characters). */
  widths?: Map<string, number[]>;
}

export function snapshotToExcel(wb: WorkbookSnapshot, opts: WriteOptions = {}): ExcelJS.Workbook {
  const out = new Workbook();
  for (const s of wb.sheets) {
    const ws = out.addWorksheet(s.name.slice(0, 31));
    for (const [r, cols] of s.rows) {
      for (const [c, cell] of cols) {
        const x = ws.getCell(r + 1, c + 1);
        if (cell.error) x.value = { error: cell.error as ExcelJS.CellErrorValue["error"] };
        else x.value = cell.value === null ? cell.text : (cell.value as ExcelJS.CellValue);
        if (cell.numberFormat) x.numFmt = cell.numberFormat;
        if (cell.indent) x.alignment = { ...(x.alignment ?? {}), indent: cell.indent };
      }
    }
    for (const m of s.merges) {
      try {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // Overlapping merges in a snapshot: keep the first one.
      }
    }
    const widths = opts.widths?.get(s.name);
    if (widths) widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    if (s.hidden) ws.state = "hidden";
  }
  if (opts.styles) {
    for (const [key, st] of opts.styles) {
      const bang = key.lastIndexOf("!");
      const ws = out.getWorksheet(key.slice(0, bang).slice(0, 31));
      if (!ws) continue;
      const cell = ws.getCell(key.slice(bang + 1));
      if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: st.fill } };
      if (st.note) cell.note = st.note;
      if (st.bold) cell.font = { ...(cell.font ?? {}), bold: true };
      if (st.wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: "top" };
    }
  }
  return out;
}

export async function snapshotToXlsxBuffer(wb: WorkbookSnapshot, opts: WriteOptions = {}): Promise<Uint8Array> {
  const buf = await snapshotToExcel(wb, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export { rangeA1 };
