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
/**
 * The number of column letters of an A1 address as ExcelJS's model gives it
 * ("A1" … "XFD1048576": 1–3 capital letters, then 1–7 digits not starting
 * with 0), or 0 when `a` is not one. A scan, not a regex: it runs once per cell.
 */
function addressLetters(a: string): number {
  let n = 0;
  while (n < a.length && n < 4) {
    const ch = a.charCodeAt(n);
    if (ch < 65 || ch > 90) break;
    n++;
  }
  if (n === 0 || n > 3) return 0;
  const digits = a.length - n;
  if (digits < 1 || digits > 7 || a.charCodeAt(n) === 48) return 0;
  for (let k = n; k < a.length; k++) {
    const ch = a.charCodeAt(k);
    if (ch < 48 || ch > 57) return 0;
  }
  return n;
}

/** The column (1-based) of the first `letters` characters of an address. */
function colNumber(a: string, letters: number): number {
  let n = 0;
  for (let i = 0; i < letters; i++) n = n * 26 + a.charCodeAt(i) - 64;
  return n;
}

/** The column (1-based) of an A1 address (see addressLetters), or 0 when it is not one. */
export function addressColumn(a: string): number {
  const n = addressLetters(a);
  return n ? colNumber(a, n) : 0;
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
    const a = parts[0];
    const b = parts[parts.length - 1];
    const na = addressLetters(a);
    const nb = addressLetters(b);
    if (!na || !nb) return undefined;
    const [c1, c2, r1, r2] = [colNumber(a, na), colNumber(b, nb), Number(a.slice(na)), Number(b.slice(nb))];
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
 * Items by ascending key, a later item of a key replacing the earlier (as ExcelJS
 * does with a row or cell written twice). Rows and cells are nearly always in
 * ascending order already: then the list itself is returned.
 */
function lastByKey<I>(items: I[], key: (item: I) => number): I[] {
  let ascending = true;
  for (let i = 1; i < items.length && ascending; i++) ascending = key(items[i - 1]) < key(items[i]);
  if (ascending) return items;
  const last = new Map<number, I>();
  for (const item of items) last.set(key(item), item);
  return [...last.values()].sort((a, b) => key(a) - key(b));
}

/** A row's cells without merge cells, by column; undefined for an address ExcelJS itself must judge. */
function cellsInOrder(cells: CellModel[]): Placed[] | undefined {
  const out: Placed[] = [];
  for (const c of cells) {
    if (c.type === T.Merge) continue;
    const col = typeof c.address === "string" ? addressColumn(c.address) : 0;
    if (!col || col > 16384) return undefined;
    out.push({ col, cell: c });
  }
  return lastByKey(out, (p) => p.col);
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
  const read: { rowNumber: number; cells: Placed[] }[] = [];
  for (const row of ws.rows ?? []) {
    if (!Number.isInteger(row.number) || row.number < 1 || row.number > 1_048_576) return undefined;
    const cells = cellsInOrder(row.cells);
    if (!cells) return undefined;
    read.push({ rowNumber: row.number, cells });
  }
  let count = 0;
  for (const { rowNumber, cells } of lastByKey(read, (r) => r.rowNumber)) {
    for (const m of cells) {
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
