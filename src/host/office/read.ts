/**
 * Reading the whole workbook through Office.js in a fixed number of round trips:
 *   1. the sheets (names, visibility);
 *   2. every sheet's used range (values only: formatting-only cells do not count)
 *      and its merged areas (ExcelApi 1.13, when available);
 *   3. values, displayed text, number formats and value types of all used ranges
 *      together, in batches of at most `batchCells` cells (a workbook larger than
 *      that adds round trips in proportion to its size, never to its sheet count;
 *      Excel on the web limits a request to 5 MB).
 * A sheet of more than `maxCellsPerSheet` cells is read up to that size and marked
 * truncated (reported as a finding). getMergedAreas fails above 512 areas in a
 * sheet: the read is then retried without merges, and the merged ranges are read
 * sheet by sheet, skipping the sheets that have too many.
 */
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../core/grid/snapshot";
import { parseRangeA1 } from "../../core/grid/address";
import { HostOptions, throwIfCancelled } from "../host";

export interface OfficeReadOptions extends HostOptions {
  /** ExcelApi 1.13 is available (Range.getMergedAreasOrNullObject). */
  mergedAreas: boolean;
  batchCells?: number;
  maxCellsPerSheet?: number;
  /** Name shown in messages. */
  workbookName?: string;
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
  await ctx.sync(); // 1
  throwIfCancelled(opts.signal);
  const list = sheets.items.map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
  opts.onProgress?.({ stage: "read", message: `正在读取 ${list.length} 张工作表的范围……`, done: 0, total: list.length });

  const queue = (withMerges: boolean): SheetRead[] =>
    list.map((s) => {
      const used = sheets.getItem(s.name).getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      let merged: Excel.RangeAreas | undefined;
      if (withMerges) {
        merged = used.getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { ...s, used, merged };
    });
  let reads = queue(opts.mergedAreas);
  let mergesPerSheet = false;
  try {
    await ctx.sync(); // 2
  } catch (e) {
    if (!opts.mergedAreas) throw e;
    // Too many merged areas somewhere (limit 512): read the ranges again without merges.
    reads = queue(false);
    await ctx.sync();
    mergesPerSheet = true;
  }
  throwIfCancelled(opts.signal);

  const snapshots: SheetSnapshot[] = [];
  // Values of all sheets, batched by cell count.
  type Part = { read: SheetRead; snap: SheetSnapshot; range: Excel.Range; row0: number; col0: number };
  let batch: Part[] = [];
  let batchSize = 0;
  const flush = async () => {
    if (!batch.length) return;
    await ctx.sync(); // 3 (more only for very large workbooks)
    throwIfCancelled(opts.signal);
    for (const p of batch) {
      const { values, text, numberFormat, valueTypes } = p.range;
      for (let r = 0; r < values.length; r++)
        for (let c = 0; c < values[r].length; c++) {
          const cell = cellFrom(values[r][c], text[r][c], numberFormat[r][c] as string, valueTypes[r][c] as string);
          if (cell) setCell(p.snap, p.row0 + r, p.col0 + c, cell);
        }
    }
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
    const rows = read.used.rowCount;
    const cols = read.used.columnCount;
    let total = rows * cols;
    let rowLimit = rows;
    if (total > maxCells) {
      rowLimit = Math.max(1, Math.floor(maxCells / cols));
      snap.truncated = { atRow: read.used.rowIndex + rowLimit, reason: `工作表超过 ${maxCells} 个单元格，之后的内容未读取` };
      total = rowLimit * cols;
    }
    const ws = sheets.getItem(read.name);
    // Whole used range in one piece when it fits a batch, else row blocks.
    const block = Math.max(1, Math.floor(batchCells / Math.max(1, cols)));
    for (let start = 0; start < rowLimit; start += block) {
      const n = Math.min(block, rowLimit - start);
      const range = start === 0 && n === rows ? read.used : ws.getRangeByIndexes(read.used.rowIndex + start, read.used.columnIndex, n, cols);
      range.load("values,text,numberFormat,valueTypes");
      batch.push({ read, snap, range, row0: read.used.rowIndex + start, col0: read.used.columnIndex });
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
