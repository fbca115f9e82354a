/**
 * The fast way from an .xlsx to a snapshot: ExcelJS parses and reconciles the
 * file (shared strings, styles, dates, hyperlinks) into its plain model, and the
 * snapshot is built from that model directly — without the Worksheet, Row and
 * Cell objects ExcelJS would build next. Building those (and applying every
 * merge cell by cell, each checked against every earlier merge) took about half
 * of the read time of a typical disclosure workbook, and the snapshot reads
 * nothing from them but values, number formats and merges.
 *
 * The result must equal excelToSnapshot(ExcelJS workbook) exactly (tested on
 * every fixture and on damaged workbooks). Anything out of the ordinary — odd
 * sheet ids or names, rows without numbers, cells without addresses, merges that
 * overlap or are huge — returns undefined, and the caller builds the workbook the
 * ordinary way, which then behaves (and fails) as it always did.
 */
import { Workbook } from "./excel";
import { RangePos } from "../../core/grid/address";
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../core/grid/snapshot";
import { MAX_CELLS_PER_SHEET, toCell } from "./read";

/** ExcelJS's cell value types (lib/doc/enums.js ValueType). */
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

interface CellModel {
  address?: string;
  type: number;
  value?: unknown;
  text?: unknown;
  hyperlink?: unknown;
  tooltip?: unknown;
  formula?: unknown;
  sharedFormula?: unknown;
  result?: unknown;
  ref?: unknown;
  shareType?: unknown;
  style?: { numFmt?: string; alignment?: { indent?: number } };
}

interface RowModel {
  number: number;
  cells: CellModel[];
}

interface SheetModel {
  id: number;
  name: unknown;
  state?: string;
  rows?: RowModel[];
  mergeCells?: unknown[];
}

interface BookModel {
  sheets?: { id: number }[];
  worksheets: SheetModel[];
}

/** Merges larger than this (cells in all) are left to ExcelJS, as before. */
const MAX_MERGED_CELLS = 1_000_000;
const ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** What ExcelJS's Cell.value returns for a cell of this model. */
function cellValue(m: CellModel): unknown {
  switch (m.type) {
    case T.Null:
      return null;
    case T.Hyperlink: {
      const v: Record<string, unknown> = { text: m.text, hyperlink: m.hyperlink };
      if (m.tooltip) v.tooltip = m.tooltip;
      return v;
    }
    case T.Formula: {
      // FormulaValue._copyModel: only the truthy fields.
      const v: Record<string, unknown> = {};
      for (const k of ["formula", "result", "ref", "shareType", "sharedFormula"] as const) if (m[k]) v[k] = m[k];
      return v;
    }
    case T.Number:
    case T.String:
    case T.Date:
    case T.SharedString:
    case T.RichText:
    case T.Boolean:
    case T.Error:
      return m.value;
    default:
      throw new Error(`unexpected cell type ${m.type}`);
  }
}

function validName(name: unknown, taken: Set<string>): name is string {
  if (typeof name !== "string" || name === "" || name === "History" || name.length > 31) return false;
  if (/[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) return false;
  const key = name.toLowerCase();
  if (taken.has(key)) return false;
  taken.add(key);
  return true;
}

/** Merges as ExcelJS would keep them, or undefined when ExcelJS itself must decide (overlaps, huge, malformed). */
function mergesOf(list: unknown[] | undefined): RangePos[] | undefined {
  const out: RangePos[] = [];
  const covered = new Set<number>();
  let area = 0;
  for (const m of list ?? []) {
    if (typeof m !== "string") return undefined;
    const parts = m.split(":");
    if (parts.length > 2) return undefined;
    const a = ADDRESS.exec(parts[0]);
    const b = ADDRESS.exec(parts[parts.length - 1]);
    if (!a || !b) return undefined;
    const [c1, c2, r1, r2] = [colNumber(a[1]), colNumber(b[1]), Number(a[2]), Number(b[2])];
    if (c1 > 16384 || c2 > 16384) return undefined;
    const r: RangePos = { top: Math.min(r1, r2) - 1, left: Math.min(c1, c2) - 1, bottom: Math.max(r1, r2) - 1, right: Math.max(c1, c2) - 1 };
    area += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area > MAX_MERGED_CELLS) return undefined;
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) {
        const k = i * 16384 + j;
        if (covered.has(k)) return undefined; // ExcelJS throws "Cannot merge already merged cells"
        covered.add(k);
      }
    out.push(r);
  }
  return out;
}

/** A cell of a row with its column (1-based). */
interface Placed {
  col: number;
  cell: CellModel;
}

/**
 * The column (1-based) of an address as ADDRESS reads it ("A1" … "XFD1048576":
 * 1–3 capital letters, then 1–7 digits not starting with 0), or 0 when it is not
 * one. Written out rather than with ADDRESS.exec: it runs once per cell.
 */
export function addressColumn(a: string): number {
  let i = 0;
  let col = 0;
  while (i < a.length && i < 4) {
    const ch = a.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
    i++;
  }
  if (i === 0 || i > 3) return 0;
  const digits = a.length - i;
  if (digits < 1 || digits > 7 || a.charCodeAt(i) === 48) return 0;
  for (let k = i; k < a.length; k++) {
    const ch = a.charCodeAt(k);
    if (ch < 48 || ch > 57) return 0;
  }
  return col;
}

/** A row's cells without merge cells, by column, a later cell of a column replacing the earlier; undefined for an address ExcelJS itself must judge. */
function cellsInOrder(cells: CellModel[]): Placed[] | undefined {
  const out: Placed[] = [];
  let ascending = true;
  for (const c of cells) {
    if (c.type === T.Merge) continue;
    const col = typeof c.address === "string" ? addressColumn(c.address) : 0;
    if (!col || col > 16384) return undefined;
    if (out.length && col <= out[out.length - 1].col) ascending = false;
    out.push({ col, cell: c });
  }
  if (ascending) return out;
  const last = new Map<number, Placed>();
  for (const p of out) last.set(p.col, p);
  return [...last.values()].sort((a, b) => a.col - b.col);
}

function sheetFromModel(ws: SheetModel, name: string): SheetSnapshot | undefined {
  const merges = mergesOf(ws.mergeCells);
  if (!merges) return undefined;
  const sheet = emptySheet(name);
  sheet.hidden = !!ws.state && ws.state !== "visible";
  sheet.merges.push(...merges);
  // Slave cells of a merge (all but its top-left) are skipped, as ExcelJS makes them merge cells.
  const slave = new Set<number>();
  for (const r of merges)
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) if (i > r.top || j > r.left) slave.add(i * 16384 + j);
  // A later <row r> with the same number replaces the earlier one; a later <c r> the earlier cell.
  // Rows and cells are nearly always in ascending order: they are kept as read, and only an
  // out-of-order sheet is gathered by number and sorted.
  const rowNumbers: number[] = [];
  const rowCells: Placed[][] = [];
  let rowsAscending = true;
  for (const row of ws.rows ?? []) {
    if (!Number.isInteger(row.number) || row.number < 1 || row.number > 1_048_576) return undefined;
    if (rowNumbers.length && row.number <= rowNumbers[rowNumbers.length - 1]) rowsAscending = false;
    const cells = cellsInOrder(row.cells);
    if (!cells) return undefined;
    rowNumbers.push(row.number);
    rowCells.push(cells);
  }
  let order = rowNumbers.map((_, i) => i);
  if (!rowsAscending) {
    const last = new Map<number, number>();
    rowNumbers.forEach((n, i) => last.set(n, i));
    order = [...last.values()].sort((a, b) => rowNumbers[a] - rowNumbers[b]);
  }
  let count = 0;
  for (const i of order) {
    const rowNumber = rowNumbers[i];
    for (const m of rowCells[i]) {
      const col = m.col;
      if (slave.size && slave.has((rowNumber - 1) * 16384 + (col - 1))) continue;
      const c = toCell(cellValue(m.cell), m.cell.style?.numFmt, m.cell.style?.alignment?.indent);
      if (!c) continue;
      if (++count > MAX_CELLS_PER_SHEET) {
        sheet.truncated = { atRow: rowNumber - 1, reason: `工作表超过 ${MAX_CELLS_PER_SHEET} 个非空单元格，之后的内容未读取` };
        return sheet;
      }
      setCell(sheet, rowNumber - 1, col - 1, c);
    }
  }
  return sheet;
}

/** The snapshot of ExcelJS's parsed model, or undefined when the ordinary path must decide. */
export function snapshotFromModel(model: BookModel, name: string): WorkbookSnapshot | undefined {
  const byId: { ws: SheetModel; orderNo: number }[] = [];
  const ids = new Set<number>();
  for (const ws of model.worksheets) {
    if (!Number.isInteger(ws.id) || ws.id < 1 || ids.has(ws.id)) return undefined;
    ids.add(ws.id);
    byId[ws.id] = { ws, orderNo: model.sheets ? model.sheets.findIndex((s) => s.id === ws.id) : -1 };
  }
  const ordered = byId.slice(1).sort((a, b) => a.orderNo - b.orderNo).filter(Boolean);
  const taken = new Set<string>();
  const sheets: SheetSnapshot[] = [];
  for (const { ws } of ordered) {
    if (!validName(ws.name, taken)) return undefined;
    const s = sheetFromModel(ws, ws.name);
    if (!s) return undefined;
    sheets.push(s);
  }
  return { name, sheets };
}

/**
 * Parses the .xlsx with ExcelJS up to its plain model: the workbook's `model`
 * setter, the last step of xlsx.load, is intercepted. The workbook object
 * itself stays empty.
 */
export async function loadModel(input: ArrayBuffer): Promise<BookModel | undefined> {
  const wb = new Workbook();
  let captured: BookModel | undefined;
  Object.defineProperty(wb, "model", {
    configurable: true,
    get: () => captured,
    set: (m: BookModel) => {
      captured = m;
    },
  });
  await wb.xlsx.load(input);
  return captured && Array.isArray(captured.worksheets) ? captured : undefined;
}
