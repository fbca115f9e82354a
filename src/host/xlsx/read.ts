/**
 * .xlsx → WorkbookSnapshot, with ExcelJS. Works in Node and in the browser
 * (ExcelJS ships a browser build); the Node-only file helpers live in ./node.ts.
 *
 * ExcelJS gives raw values and number formats, not displayed text, so the text is
 * rendered with the core's number-format renderer. Merged slave cells (which
 * ExcelJS reports with the master's value) are skipped: a merged block's value
 * lives in its top-left cell only, as in Excel.
 */
import type ExcelJS from "exceljs";
import { isZip, notXlsxReason, zipReason } from "./sniff";
import { repairedWorkbook } from "./repair";
import { Workbook } from "./excel";
import { Cell, SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../core/grid/snapshot";
import { parseRangeA1 } from "../../core/grid/address";
import { formatDateValue, formatNumberWithFormat } from "../../core/grid/numfmt";
import { CellLimits, Cut, markCuts, withinCellLimits } from "./oversize";
import { BookModel, Skipped, loadModel, loadForReading, snapshotFromModel, withNoCellSheets } from "./model";

/** A sheet stops being read after this many cells (the rest is reported as truncated). */
export const MAX_CELLS_PER_SHEET = 2_000_000;

export class UnreadableWorkbookError extends Error {}

function richTextToString(rt: { richText: { text: string }[] }): string {
  return rt.richText.map((r) => r.text ?? "").join("");
}

/** Turns one ExcelJS cell value, its number format and its indent level into the core's Cell; undefined for an empty cell. */
export function toCell(value: unknown, numFmt: string | undefined, indent?: number): Cell | undefined {
  const c = cellOf(value, numFmt);
  if (c && typeof indent === "number" && indent > 0) c.indent = indent;
  return c;
}

function cellOf(value: unknown, numFmt: string | undefined): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  const fmt = numFmt && numFmt !== "General" ? numFmt : undefined;
  if (typeof value === "number") {
    return { text: formatNumberWithFormat(value, fmt), value, numberFormat: fmt };
  }
  if (typeof value === "string") {
    if (value === "") return undefined;
    return { text: value, value, numberFormat: fmt };
  }
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", value, numberFormat: fmt };
  if (value instanceof Date) {
    return { text: formatDateValue(value, fmt), value: value.toISOString(), numberFormat: fmt };
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const text = richTextToString(v as { richText: { text: string }[] });
      return text === "" ? undefined : { text, value: text, numberFormat: fmt };
    }
    if ("error" in v) {
      const err = String(v.error);
      return { text: err, value: null, error: err, numberFormat: fmt };
    }
    if ("formula" in v || "sharedFormula" in v) {
      const inner = toCell(v.result, fmt);
      if (!inner) return { text: "", value: null, numberFormat: fmt, formula: true };
      return { ...inner, formula: true };
    }
    if ("text" in v) {
      // Hyperlink: {text, hyperlink}
      const t = v.text;
      const text = typeof t === "string" ? t : t && typeof t === "object" && "richText" in (t as object) ? richTextToString(t as { richText: { text: string }[] }) : String(t ?? "");
      return text === "" ? undefined : { text, value: text, numberFormat: fmt };
    }
  }
  const text = String(value);
  return { text, value: text, numberFormat: fmt };
}

export function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const sheet = emptySheet(ws.name);
  sheet.hidden = ws.state !== undefined && ws.state !== "visible";
  const merges: string[] = ((ws as unknown as { model: { merges?: string[] } }).model?.merges) ?? [];
  for (const m of merges) {
    const r = parseRangeA1(m);
    if (r) sheet.merges.push(r);
  }
  let count = 0;
  let stopped = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (stopped) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (stopped) return;
      if (cell.isMerged && cell.master && cell.master !== cell) return;
      const c = toCell(cell.value, cell.numFmt, cell.alignment?.indent);
      if (!c) return;
      if (++count > MAX_CELLS_PER_SHEET) {
        stopped = true;
        sheet.truncated = { atRow: rowNumber - 1, reason: `工作表超过 ${MAX_CELLS_PER_SHEET} 个非空单元格，之后的内容未读取` };
        return;
      }
      setCell(sheet, rowNumber - 1, colNumber - 1, c);
    });
  });
  return sheet;
}

/**
 * The bytes, after the checks that need no parsing: empty, and files whose
 * content shows another format (./sniff.ts: .xls, a password, a web page
 * saved as .xls…), each with what to do about it. Zips of other formats
 * (.xlsb, .ods) are told once ExcelJS has failed on them (corrupt()).
 */
function xlsxBytes(data: ArrayBuffer | Uint8Array, name: string): Uint8Array {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new UnreadableWorkbookError(`${name}：文件为空`);
  const other = notXlsxReason(bytes, name);
  if (other) throw new UnreadableWorkbookError(`${name}：${other}`);
  if (!isZip(bytes)) throw new UnreadableWorkbookError(`${name}：不是 .xlsx 文件（文件内容不是 Excel 工作簿格式）`);
  return bytes;
}

/** What ExcelJS's load accepts: a Buffer in Node, an ArrayBuffer in the browser. */
function loadInput(bytes: Uint8Array): ArrayBuffer {
  const input: ArrayBuffer | Uint8Array = typeof Buffer !== "undefined" ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice().buffer;
  return input as ArrayBuffer;
}

const NO_SHEET = "没有任何工作表";

/**
 * The error for a zip ExcelJS could not read (it threw, or found no sheet):
 * another format or a zip of workbooks when its entries say so (./sniff.ts),
 * else damaged.
 */
function corrupt(name: string, bytes: Uint8Array, e: unknown): UnreadableWorkbookError {
  const other = zipReason(bytes);
  if (other) return new UnreadableWorkbookError(`${name}：${other}`);
  const msg = e instanceof Error ? e.message : String(e);
  return new UnreadableWorkbookError(`${name}：文件已损坏或不是有效的 .xlsx 工作簿（${msg}）`);
}

/** The sheets cut before loading (./oversize.ts), of workbooks opened with loadXlsx. */
const cutSheets = new WeakMap<ExcelJS.Workbook, Map<string, Cut>>();

/** The raw model of workbooks opened to be read (loadXlsx with forReading): their tabs, for withNoCellSheets. */
const rawModels = new WeakMap<ExcelJS.Workbook, BookModel>();

/**
 * A workbook opened with loadXlsx({ forReading: true }) as a snapshot, its chart
 * sheets listed (withNoCellSheets), and what the load left out; for one opened
 * whole, as excelToSnapshot gives it.
 */
export function readingOf(wb: ExcelJS.Workbook): { withTabs: (snap: WorkbookSnapshot) => WorkbookSnapshot; skipped?: Skipped; cuts: Map<string, Cut> } {
  const raw = rawModels.get(wb);
  const cuts = cutSheets.get(wb) ?? new Map<string, Cut>();
  return { withTabs: (snap) => markCuts(raw ? withNoCellSheets(snap, raw) : snap, cuts), skipped: raw?.skipped, cuts };
}

/**
 * Opens an .xlsx held in memory with ExcelJS. Throws UnreadableWorkbookError with a Chinese message.
 * `forReading`: the workbook is only read, never saved, so its drawings are left out
 * (model.ts, loadForReading: ExcelJS fails on some); a workbook that is edited and
 * saved again (the standalone page) is loaded whole, so that saving keeps its pictures.
 */
export async function loadXlsx(data: ArrayBuffer | Uint8Array, name: string, opts: { forReading?: boolean; limits?: CellLimits } = {}): Promise<ExcelJS.Workbook> {
  const { bytes, cuts } = await withinCellLimits(xlsxBytes(data, name), opts.limits);
  const wb = await retryRepaired(bytes, (b) => loadXlsxOnce(b, name, opts));
  if (cuts.size) cutSheets.set(wb, cuts);
  return wb;
}

/**
 * `read` on the bytes; when ExcelJS fails on them and a repair applies
 * (./repair.ts: a SpreadsheetML prefix, cells without addresses), `read` once
 * more on the repaired bytes. The first failure is what is reported when that
 * does not help.
 */
async function retryRepaired<T>(bytes: Uint8Array, read: (b: Uint8Array) => Promise<T>): Promise<T> {
  try {
    return await read(bytes);
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError) || !isZip(bytes)) throw e;
    const plain = await repairedWorkbook(bytes).catch(() => undefined);
    if (!plain) throw e;
    try {
      return await read(plain);
    } catch {
      throw e;
    }
  }
}

async function loadXlsxOnce(bytes: Uint8Array, name: string, opts: { forReading?: boolean }): Promise<ExcelJS.Workbook> {
  const wb = new Workbook();
  try {
    if (opts.forReading) {
      const raw = await loadForReading(wb, loadInput(bytes));
      if (raw) rawModels.set(wb, raw);
    } else await wb.xlsx.load(loadInput(bytes));
  } catch (e) {
    throw corrupt(name, bytes, e);
  }
  // Excel always keeps at least one sheet: a zip without any is not a workbook.
  if (wb.worksheets.length === 0) throw corrupt(name, bytes, NO_SHEET);
  return wb;
}

/** An ExcelJS workbook as the core's snapshot (sheets for which `skip` is true are left out). */
export function excelToSnapshot(wb: ExcelJS.Workbook, name: string, skip: (ws: ExcelJS.Worksheet) => boolean = () => false): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    if (!skip(ws)) sheets.push(worksheetToSnapshot(ws));
  });
  return { name, sheets };
}

/**
 * Reads an .xlsx held in memory. Throws UnreadableWorkbookError with a Chinese message.
 * The snapshot is built from ExcelJS's parsed model (./model.ts, twice as fast);
 * a workbook that path declines is read the ordinary way, with the same result.
 */
export async function readXlsxBuffer(data: ArrayBuffer | Uint8Array, name: string, limits?: CellLimits): Promise<WorkbookSnapshot> {
  // A sheet of millions of cells is cut before ExcelJS reads it (./oversize.ts), and marked truncated.
  const { bytes, cuts } = await withinCellLimits(xlsxBytes(data, name), limits);
  return markCuts(await retryRepaired(bytes, (b) => readXlsxBytes(b, name)), cuts);
}

async function readXlsxBytes(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  let model;
  try {
    model = await loadModel(loadInput(bytes));
  } catch (e) {
    throw corrupt(name, bytes, e);
  }
  if (model && model.worksheets.length === 0) throw corrupt(name, bytes, NO_SHEET);
  let fast: WorkbookSnapshot | undefined;
  try {
    fast = model && snapshotFromModel(model, name);
  } catch {
    fast = undefined;
  }
  const snap = fast ?? excelToSnapshot(await loadXlsxOnce(bytes, name, { forReading: true }), name);
  // Chart sheets and the like: listed, not dropped.
  return model ? withNoCellSheets(snap, model) : snap;
}

/** The ordinary path alone (ExcelJS's Worksheet objects): the reference the fast path is tested against. */
export async function readXlsxBufferViaWorkbook(data: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const wb = await loadXlsx(data, name, { forReading: true });
  return readingOf(wb).withTabs(excelToSnapshot(wb, name));
}
