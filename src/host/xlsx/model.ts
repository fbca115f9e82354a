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

/** What loadForReading left out of a workbook: what a copy saved from it would lack. */
export interface Skipped {
  /** Drawing parts: pictures, shapes, charts. */
  drawings: number;
  /** Comments kept where ExcelJS does not look. */
  comments: number;
  /** Hyperlinks and table parts whose relationship is missing. */
  hyperlinks: number;
  tables: number;
}

export interface BookModel {
  /** Set by loadForReading. */
  skipped?: Skipped;
  /** Every tab of workbook.xml, worksheets or not (chart sheets are kept here only). */
  sheets?: { id: number; name?: string; rId?: string; state?: string }[];
  /** workbook.xml.rels as read, kept by loadForReading() (ExcelJS deletes workbookRels after reconciling). */
  tabRels?: { Id: string; Type?: string; Target?: string }[];
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
 * The tabs that hold no cells (chart sheets; dialog and macro sheets of old
 * Excel), which ExcelJS leaves out of its worksheets, put back empty at their
 * place among the tabs (SheetSnapshot.noCells), so that they are listed as not
 * checked rather than missing. A tab whose relationship is missing or of
 * another kind is left out, as ExcelJS leaves it.
 */
export function withNoCellSheets(snap: WorkbookSnapshot, model: BookModel): WorkbookSnapshot {
  const entries = model.sheets ?? [];
  const worksheetIds = new Set(model.worksheets.map((w) => w.id));
  const rels = new Map((model.tabRels ?? []).map((r) => [r.Id, r]));
  const kindOf = (e: (typeof entries)[number]): "chart" | "other" | undefined => {
    const type = (e.rId && rels.get(e.rId)?.Type) || "";
    if (/\/chartsheet$/i.test(type)) return "chart";
    if (/\/(dialogsheet|xlMacrosheet|xlIntlMacrosheet)$/i.test(type)) return "other";
    return undefined;
  };
  const extra = entries.filter((e) => !worksheetIds.has(e.id) && typeof e.name === "string" && e.name && kindOf(e));
  if (!extra.length) return snap;
  const byName = new Map(snap.sheets.map((s) => [s.name, s]));
  const out: SheetSnapshot[] = [];
  const placed = new Set<SheetSnapshot>();
  for (const e of entries) {
    if (typeof e.name !== "string" || !e.name) continue;
    const s = byName.get(e.name);
    if (worksheetIds.has(e.id)) {
      if (s && !placed.has(s)) out.push(s), placed.add(s);
      continue;
    }
    const kind = kindOf(e);
    if (!kind || s) continue; // never two sheets of one name
    const tab: SheetSnapshot = { ...emptySheet(e.name), noCells: kind, ...(e.state === "hidden" || e.state === "veryHidden" ? { hidden: true } : {}) };
    byName.set(e.name, tab);
    placed.add(tab);
    out.push(tab);
  }
  for (const s of snap.sheets) if (!placed.has(s)) out.push(s);
  return { ...snap, sheets: out };
}

/** An empty drawing: what ExcelJS's reconcile reads of one (its anchors). */
const NO_DRAWING = (): { anchors: never[] } => ({ anchors: [] });

interface ReferencingModel {
  worksheets?: { sheetNo?: number | string; hyperlinks?: { rId?: string }[]; tables?: { rId?: string }[] }[];
  worksheetRels?: Record<string, { Id: string; Type?: string; Target?: string }[] | undefined>;
  comments?: Record<string, unknown>;
  vmlDrawings?: Record<string, unknown>;
  tables?: Record<string, unknown>;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** An own key of the object ("constructor" is not one). */
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * What a worksheet refers to and ExcelJS did not load, made harmless before
 * ExcelJS's reconcile reads it unguarded: comments and their VML kept at a
 * path ExcelJS does not look in (openpyxl writes xl/comments/comment1.xml;
 * ExcelJS reads only xl/commentsN.xml) become empty, and hyperlinks or tables
 * whose relationship is missing are dropped. The checks read none of them;
 * without this, load() fails ("Cannot read properties of undefined (reading
 * 'comments')") on a sound workbook.
 */
function guardReferences(model: ReferencingModel, skipped: Skipped): void {
  const comments = (model.comments ??= {});
  const vml = (model.vmlDrawings ??= {});
  const tables = model.tables ?? {};
  for (const ws of model.worksheets ?? []) {
    const rels = (ws.sheetNo !== undefined && model.worksheetRels?.[String(ws.sheetNo)]) || [];
    const byId = new Map(rels.map((r) => [r.Id, r]));
    for (const r of rels) {
      if (!r.Target) continue;
      if (r.Type === `${REL}comments` && !hasOwn(comments, r.Target)) {
        comments[r.Target] = { comments: [] };
        skipped.comments++;
      }
      if (r.Type === `${REL}vmlDrawing` && !hasOwn(vml, r.Target)) vml[r.Target] = { comments: [] };
    }
    if (ws.hyperlinks) {
      const kept = ws.hyperlinks.filter((h) => !h.rId || byId.has(h.rId));
      skipped.hyperlinks += ws.hyperlinks.length - kept.length;
      ws.hyperlinks = kept;
    }
    if (ws.tables) {
      const kept = ws.tables.filter((t) => {
        const target = t.rId ? byId.get(t.rId)?.Target : undefined;
        return !!target && hasOwn(tables, target);
      });
      skipped.tables += ws.tables.length - kept.length;
      ws.tables = kept;
    }
  }
}

/**
 * xlsx.load on this workbook, as the checks need it:
 * - Without the drawings (pictures, shapes, charts), which the checks never
 *   read and ExcelJS 4.4 cannot always reconcile: a chart sheet's drawing, or
 *   a chart's user shapes, parse to nothing and load() then fails with "Cannot
 *   read properties of undefined (reading 'anchors')" (exceljs/exceljs#2591,
 *   open), turning a sound workbook away. So a drawing part is not parsed (an
 *   empty one takes its place), and a worksheet's <drawing> reference is not
 *   read (ExcelJS's ignoreNodes). Cells, merges, styles are read as before.
 * - Keeping workbook.xml.rels (as `tabRels`), which tells chart sheets from
 *   other tabs (withNoCellSheets); ExcelJS deletes it after reconciling.
 * - With what the worksheets refer to and ExcelJS did not load made harmless
 *   (guardReferences).
 */
export async function loadForReading(wb: InstanceType<typeof Workbook>, input: ArrayBuffer): Promise<BookModel | undefined> {
  type Model = { drawings: Record<string, unknown>; workbookRels?: unknown; tabRels?: unknown };
  const xlsx = wb.xlsx as unknown as {
    _processDrawingEntry?: (stream: unknown, model: Model, name: string) => Promise<void>;
    reconcile?: (model: Model, options: unknown) => void;
  };
  const skipped: Skipped = { drawings: 0, comments: 0, hyperlinks: 0, tables: 0 };
  if (typeof xlsx._processDrawingEntry === "function") {
    xlsx._processDrawingEntry = async (_stream, model, name) => {
      model.drawings[name] = NO_DRAWING();
      skipped.drawings++;
    };
  }
  const reconcile = xlsx.reconcile;
  let raw: Model | undefined;
  if (typeof reconcile === "function") {
    xlsx.reconcile = function (this: unknown, model: Model, options: unknown) {
      model.tabRels = model.workbookRels;
      raw = model;
      guardReferences(model as unknown as ReferencingModel, skipped);
      return reconcile.call(this, model, options);
    };
  }
  await wb.xlsx.load(input, { ignoreNodes: ["drawing"] } as Parameters<typeof wb.xlsx.load>[1]);
  // The parsed model as reconciled (its sheets, worksheets and tabRels are what withNoCellSheets reads).
  const m = raw as unknown as BookModel | undefined;
  if (m) m.skipped = skipped;
  return m && Array.isArray(m.worksheets) ? m : undefined;
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
  await loadForReading(wb, input);
  // The setter gets the model loadForReading saw reconciled: with its tabRels and skipped.
  return captured && Array.isArray(captured.worksheets) ? captured : undefined;
}
