/**
 * Reading the whole workbook through Office.js in 2 round trips, whatever the
 * number of sheets:
 *   1. the sheets (names, visibility);
 *   2. for every sheet at once: its used range (values only: formatting-only
 *      cells do not count), its merged areas (ExcelApi 1.13, when available),
 *      and the values, displayed text, number formats and value types of the
 *      used cells inside a window at the top left of the sheet.
 * The windows of all sheets together hold at most `batchCells` cells (Excel on
 * the web limits a response to 5 MB): each sheet gets an equal share, at most
 * 32 columns wide. A sheet whose used range does not fit its window (a long
 * table, a wide one) has the rest read afterwards, in batches of at most
 * `batchCells` cells: a large workbook adds round trips in proportion to its
 * size, never to its sheet count.
 * A sheet of more than `maxCellsPerSheet` cells is read up to that size and marked
 * truncated (reported as a finding). getMergedAreas fails above 512 areas in a
 * sheet: the read is then retried without merges, and the merged ranges are read
 * sheet by sheet, skipping the sheets that have too many.
 */
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../core/grid/snapshot";
import { parseRangeA1 } from "../../core/grid/address";
import { HostOptions, throwIfCancelled } from "../host";
import { HIGHLIGHT_NS, rememberRecord } from "./highlight";

export interface OfficeReadOptions extends HostOptions {
  /** ExcelApi 1.13 is available (Range.getMergedAreasOrNullObject). */
  mergedAreas: boolean;
  /**
   * ExcelApi 1.5 is available: the highlight record (custom XML part, see
   * highlight.ts) is read along, in the same round trips, so that clearing
   * highlights later needs 2 round trips even in a reopened workbook.
   */
  highlightRecord?: boolean;
  /**
   * ExcelApi 1.9 is available: the indent level (Format Cells → Alignment → Indent) of
   * the label columns is read along, in the same round trip, for outlines told by
   * indentation alone (see INDENT_COLS, INDENT_ROWS).
   */
  indents?: boolean;
  batchCells?: number;
  maxCellsPerSheet?: number;
  /** Name shown in messages. */
  workbookName?: string;
}

/** Sets Cell.indent from getCellProperties results whose top-left is A1 (only where a text cell holds a label). */
function applyIndents(snap: SheetSnapshot, props: Excel.CellProperties[][] | undefined): void {
  if (!props) return;
  for (let r = 0; r < props.length; r++)
    for (let c = 0; c < props[r].length; c++) {
      const level = props[r][c]?.format?.indentLevel;
      if (!level || level <= 0) continue;
      const cell = snap.rows.get(r)?.get(c);
      if (cell && typeof cell.value === "string") cell.indent = level;
    }
}

/** Parses "Sheet1!A1:B2, 'My sheet'!C3:D4" into ranges (sheet prefixes dropped). */
export function parseAreas(address: string | null | undefined) {
  if (!address) return [];
  const out = [];
  for (const part of address.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)) {
    const bare = part.trim();
    const r = parseRangeA1(bare.slice(bare.lastIndexOf("!") + 1));
    if (r) out.push(r);
  }
  return out;
}

type Ctx = Excel.RequestContext;

interface SheetRead {
  name: string;
  hidden: boolean;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  /** Used cells inside the window (rows < windowRows, columns < windowCols). */
  window: Excel.Range;
  /** Indent levels of the first INDENT_COLS columns of the window (ExcelApi 1.9). */
  indents?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * Row labels sit in the first columns: their indent levels are read for the first 3
 * columns and 2,000 rows of each sheet (a few kB in the response, against Excel on the
 * web's 5 MB limit). Labels further down or right keep only their leading spaces.
 */
const INDENT_COLS = 3;
const INDENT_ROWS = 2000;

const WINDOW_COLS = 32;

/** Rows and columns of each sheet's window: all windows together hold at most `batchCells` cells. */
export function windowShape(sheets: number, batchCells: number): { rows: number; cols: number } {
  const perSheet = Math.max(1, Math.floor(batchCells / Math.max(1, sheets)));
  const cols = Math.min(WINDOW_COLS, perSheet);
  return { rows: Math.max(1, Math.floor(perSheet / cols)), cols };
}

function cellFrom(value: unknown, text: string, format: string, type: string): import("../../core/grid/snapshot").Cell | undefined {
  if (type === "Empty" || (value === "" && text === "")) return undefined;
  const numberFormat = format && format !== "General" ? format : undefined;
  if (type === "Error") return { text, value: null, error: text || String(value) };
  if (typeof value === "number") return { text, value, numberFormat };
  if (typeof value === "boolean") return { text, value, numberFormat };
  return { text: text ?? String(value), value: String(value), numberFormat };
}

export async function readWorkbookOffice(ctx: Ctx, opts: OfficeReadOptions): Promise<WorkbookSnapshot> {
  const batchCells = opts.batchCells ?? 150_000;
  const maxCells = opts.maxCellsPerSheet ?? 2_000_000;
  const sheets = ctx.workbook.worksheets;
  sheets.load("items");
  const parts = opts.highlightRecord ? ctx.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS) : undefined;
  parts?.load("items");
  await ctx.sync(); // 1
  throwIfCancelled(opts.signal);
  const list = sheets.items.map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
  opts.onProgress?.({ stage: "read", message: `正在读取 ${list.length} 张工作表……`, done: 0, total: list.length });
  const win = windowShape(list.length, batchCells);

  const queue = (withMerges: boolean): SheetRead[] =>
    list.map((s) => {
      const ws = sheets.getItem(s.name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      let merged: Excel.RangeAreas | undefined;
      if (withMerges) {
        merged = used.getMergedAreasOrNullObject();
        merged.load("address");
      }
      const window = ws.getRangeByIndexes(0, 0, win.rows, win.cols).getUsedRangeOrNullObject(true);
      window.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,valueTypes");
      const indents = opts.indents
        ? ws.getRangeByIndexes(0, 0, Math.min(win.rows, INDENT_ROWS), Math.min(win.cols, INDENT_COLS)).getCellProperties({ format: { indentLevel: true } })
        : undefined;
      return { ...s, used, merged, window, indents };
    });
  // The usual case is one highlight record or none; several are rare (read at clearing time).
  const record = () => (parts && parts.items.length === 1 ? parts.items[0].getXml() : undefined);
  let reads = queue(opts.mergedAreas);
  let recordXml = record();
  let mergesPerSheet = false;
  try {
    await ctx.sync(); // 2
  } catch (e) {
    if (!opts.mergedAreas) throw e;
    // Too many merged areas somewhere (limit 512): read again without merges.
    reads = queue(false);
    recordXml = record();
    await ctx.sync();
    mergesPerSheet = true;
  }
  if (parts) rememberRecord(recordXml?.value);
  throwIfCancelled(opts.signal);

  const snapshots: SheetSnapshot[] = [];
  const copy = (snap: SheetSnapshot, range: Excel.Range, row0: number, col0: number, rowEnd: number) => {
    const { values, text, numberFormat, valueTypes } = range;
    const rows = Math.min(values.length, rowEnd - row0);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < values[r].length; c++) {
        const cell = cellFrom(values[r][c], text[r][c], numberFormat[r][c] as string, valueTypes[r][c] as string);
        if (cell) setCell(snap, row0 + r, col0 + c, cell);
      }
  };
  // The rest of the sheets that did not fit their window, batched by cell count.
  type Part = { snap: SheetSnapshot; range: Excel.Range; row0: number; col0: number; rowEnd: number };
  let batch: Part[] = [];
  let batchSize = 0;
  const flush = async () => {
    if (!batch.length) return;
    await ctx.sync(); // 3 (and more) only for sheets larger than their window
    throwIfCancelled(opts.signal);
    for (const p of batch) copy(p.snap, p.range, p.row0, p.col0, p.rowEnd);
    batch = [];
    batchSize = 0;
  };
  let done = 0;
  for (const read of reads) {
    const snap = emptySheet(read.name);
    snap.hidden = read.hidden;
    snapshots.push(snap);
    if (read.merged && !read.merged.isNullObject) snap.merges = parseAreas(read.merged.address);
    if (read.used.isNullObject) continue;
    const top = read.used.rowIndex;
    const left = read.used.columnIndex;
    const rows = read.used.rowCount;
    const cols = read.used.columnCount;
    let rowLimit = rows;
    if (rows * cols > maxCells) {
      rowLimit = Math.max(1, Math.floor(maxCells / cols));
      snap.truncated = { atRow: top + rowLimit, reason: `工作表超过 ${maxCells} 个单元格，之后的内容未读取` };
    }
    const end = top + rowLimit;
    // The window covers the used columns: its cells are read, the rows below it remain.
    let from = top;
    if (left + cols <= win.cols) {
      if (!read.window.isNullObject) copy(snap, read.window, read.window.rowIndex, read.window.columnIndex, end);
      from = Math.max(top, win.rows);
    }
    if (read.indents) applyIndents(snap, read.indents.value);
    const ws = sheets.getItem(read.name);
    const block = Math.max(1, Math.floor(batchCells / Math.max(1, cols)));
    for (let start = from; start < end; start += block) {
      const n = Math.min(block, end - start);
      const range = ws.getRangeByIndexes(start, left, n, cols);
      range.load("values,text,numberFormat,valueTypes");
      batch.push({ snap, range, row0: start, col0: left, rowEnd: end });
      batchSize += n * cols;
      if (batchSize >= batchCells) await flush();
    }
    done++;
    opts.onProgress?.({ stage: "read", message: `正在读取工作表（${done}/${reads.length}）……`, done, total: reads.length });
  }
  await flush();

  if (mergesPerSheet) {
    // Rare path: sheet by sheet, so that one sheet with too many merges does not hide the others.
    for (const snap of snapshots) {
      const used = sheets.getItem(snap.name).getUsedRangeOrNullObject(true);
      const m = used.getMergedAreasOrNullObject();
      m.load("address");
      try {
        await ctx.sync();
        if (!m.isNullObject) snap.merges = parseAreas(m.address);
      } catch {
        // Over 512 merged areas: the sheet is read without its merges.
      }
    }
  }
  return { name: opts.workbookName ?? "当前工作簿", sheets: snapshots };
}
