/**
 * The Host over an .xlsx file opened in a plain browser (the standalone page,
 * `npm run demo:web`), with ExcelJS holding the workbook in memory. It behaves
 * like Excel for the pane: highlights are cell fills, the record needed to
 * restore them lives inside the workbook (a very hidden sheet "_校验标记"), so
 * 清除标记 also works after the file was saved and opened again; sheets are
 * written with values, merges and formats. A grid view subscribes to changes.
 *
 * Charts: ExcelJS cannot write charts. The data block is written to the sheet
 * (as in Excel) and the chart specs are kept for the page to draw; a saved file
 * carries the data blocks only.
 */
import ExcelJS from "exceljs";
import { WorkbookSnapshot, SheetSnapshot } from "../../core/grid/snapshot";
import { a1, parseA1, parseRangeA1, rangeA1 } from "../../core/grid/address";
import { Finding } from "../../core/report/finding";
import { CellRef } from "../../core/tables/types";
import { highlightPlan } from "../office/highlight";
import { ChartSpec, HIGHLIGHT_FILL, HighlightSummary, Host, HostError, HostOptions, WriteSheetOptions, throwIfCancelled } from "../host";
import { excelToSnapshot, loadXlsx, readingOf } from "../xlsx/read";
import type { Skipped } from "../xlsx/model";
import type { CellLimits, Cut } from "../xlsx/oversize";
import { downloadFile } from "./download";
import { AppliedValue, CellNow, refuseApply, refuseUndo, valueToWrite } from "../../core/report/apply";

export const RECORD_SHEET = "_校验标记";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function fillColor(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern === "none") return null;
  const c = f.fgColor?.argb;
  return c ? `#${c.slice(-6).toUpperCase()}` : null;
}

function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  // A new style object per cell: ExcelJS shares style objects between cells.
  const style = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/** The warning for a workbook opened for reading only: what a copy saved from the page lacks. */
export function readWarningFor(skipped: Skipped | undefined): string {
  const parts: string[] = [];
  if (skipped?.drawings) parts.push("图片和图表");
  if (skipped?.comments) parts.push("批注");
  if (skipped?.hyperlinks) parts.push("部分超链接");
  if (skipped?.tables) parts.push("套用的表格格式（表对象）");
  const what = parts.length ? parts.join("、") : "部分内容";
  return `这个工作簿中有浏览器读不了的部分（${what}），已略过：表格照常校验，但“保存”得到的副本不含${what}。原文件不受影响。`;
}

/**
 * The warning for a workbook whose largest sheets were read only in part
 * (../xlsx/oversize.ts: millions of cells), or "" when none was.
 */
export function cutWarningFor(cuts: Map<string, Cut>): string {
  if (!cuts.size) return "";
  const which = [...cuts].map(([sheet, c]) => (c.atRow > 0 ? `“${sheet}”只读取到第 ${c.atRow.toLocaleString("en-US")} 行` : `“${sheet}”未读取`)).join("，");
  return `工作表过大：${which}，之后的内容未读取、未校验；“保存”得到的副本也只有读取的部分。原文件不受影响。`;
}

export class WebHost implements Host {
  readonly kind = "web" as const;
  /** Sheet shown and cells selected in the grid view. */
  active = "";
  selection: CellRef[] = [];
  /** Charts drawn by the page, per sheet. */
  charts = new Map<string, ChartSpec[]>();
  private listeners = new Set<() => void>();
  private selectionListeners = new Set<(c: CellRef | null) => void>();

  private constructor(
    public wb: ExcelJS.Workbook,
    public name: string,
  ) {
    this.active = this.visibleSheets()[0]?.name ?? "";
  }

  /**
   * Set when the workbook could only be opened for reading (ExcelJS fails on it
   * whole: some charts and chart sheets, exceljs/exceljs#2591; comments where it
   * does not look): the check is whole, but a copy saved from the page lacks
   * what was left out (readWarningFor). Shown above the grid.
   */
  readWarning?: string;

  /** `limits`: how many cells are read at most (../xlsx/oversize.ts; tests give small ones). */
  static async open(data: ArrayBuffer | Uint8Array, name: string, limits?: CellLimits): Promise<WebHost> {
    const host = await WebHost.load(data, name, limits);
    const cut = cutWarningFor(readingOf(host.wb).cuts);
    if (cut) host.readWarning = host.readWarning ? `${host.readWarning}${cut}` : cut;
    return host;
  }

  private static async load(data: ArrayBuffer | Uint8Array, name: string, limits?: CellLimits): Promise<WebHost> {
    try {
      return new WebHost(await loadXlsx(data, name, { limits }), name);
    } catch (whole) {
      // Loaded whole first, so that a saved copy keeps its pictures; failing that, for reading only.
      let wb: ExcelJS.Workbook;
      try {
        wb = await loadXlsx(data, name, { forReading: true, limits });
      } catch {
        throw whole;
      }
      const host = new WebHost(wb, name);
      host.readWarning = readWarningFor(readingOf(wb).skipped);
      return host;
    }
  }

  /** Sheets the clerk sees (not hidden, not our record). */
  visibleSheets(): ExcelJS.Worksheet[] {
    return this.wb.worksheets.filter((w) => w.name !== RECORD_SHEET && (w.state ?? "visible") === "visible");
  }

  subscribe(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  activate(sheet: string): void {
    this.active = sheet;
    this.changed();
  }

  /** The grid view reports a click. */
  userSelect(cell: CellRef | null): void {
    this.selection = cell ? [cell] : [];
    this.changed();
    for (const l of this.selectionListeners) l(cell);
  }

  async readWorkbook(o: HostOptions = {}): Promise<WorkbookSnapshot> {
    o.onProgress?.({ stage: "read", message: `正在读取 ${this.wb.worksheets.length} 张工作表……` });
    await Promise.resolve();
    throwIfCancelled(o.signal);
    // Chart sheets, where the workbook was opened for reading, are listed as not checked (as on the command line).
    return readingOf(this.wb).withTabs(excelToSnapshot(this.wb, this.name, (ws) => ws.name === RECORD_SHEET));
  }

  async select(cells: CellRef[]): Promise<void> {
    if (!cells.length) return;
    const sheet = cells[0].sheet;
    if (!this.wb.getWorksheet(sheet)) throw new HostError("notFound", `找不到工作表“${sheet}”，可能已被删除或改名。`);
    this.active = sheet;
    this.selection = cells.filter((c) => c.sheet === sheet);
    this.changed();
  }

  private recordSheet(create: boolean): ExcelJS.Worksheet | undefined {
    let ws = this.wb.getWorksheet(RECORD_SHEET);
    if (!ws && create) {
      ws = this.wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
      ws.addRow(["工作表", "单元格", "原填充", "标记色"]);
    }
    return ws;
  }

  async hasHighlights(): Promise<boolean> {
    const ws = this.recordSheet(false);
    return !!ws && ws.rowCount > 1;
  }

  async highlight(findings: Finding[], o: HostOptions = {}): Promise<HighlightSummary> {
    if (await this.hasHighlights()) await this.clearHighlights(o);
    const plan = highlightPlan(findings);
    for (const sheet of plan.keys()) if (!this.wb.getWorksheet(sheet)) throw new HostError("notFound", `找不到工作表“${sheet}”。`);
    const record = this.recordSheet(true)!;
    let cells = 0;
    for (const [sheet, m] of plan) {
      const ws = this.wb.getWorksheet(sheet)!;
      for (const [address, sev] of m) {
        const cell = ws.getCell(address);
        const applied = HIGHLIGHT_FILL[sev as "error" | "warning"];
        record.addRow([sheet, address, JSON.stringify(cell.fill ?? null), applied]);
        setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: argb(applied) } });
        cells++;
      }
    }
    o.onProgress?.({ stage: "highlight", message: `已标记 ${cells} 个单元格` });
    this.changed();
    return { cells, sheets: [...plan.keys()] };
  }

  async clearHighlights(o: HostOptions = {}): Promise<number> {
    const record = this.recordSheet(false);
    if (!record) return 0;
    let restored = 0;
    record.eachRow((row, n) => {
      if (n === 1) return;
      const [sheet, address, original, applied] = [1, 2, 3, 4].map((i) => String(row.getCell(i).value ?? ""));
      const ws = this.wb.getWorksheet(sheet);
      if (!ws || !parseA1(address)) return;
      const cell = ws.getCell(address);
      // A fill the clerk changed after highlighting is theirs: leave it.
      if ((fillColor(cell) ?? "") !== applied.toUpperCase()) return;
      const fill = JSON.parse(original || "null") as ExcelJS.Fill | null;
      setFill(cell, fill ?? undefined);
      restored++;
    });
    this.wb.removeWorksheet(record.id);
    o.onProgress?.({ stage: "clear", message: `已还原 ${restored} 个单元格` });
    this.changed();
    return restored;
  }

  async sheetNames(): Promise<string[]> {
    return this.wb.worksheets.filter((w) => w.name !== RECORD_SHEET).map((w) => w.name);
  }

  async writeSheet(sheet: SheetSnapshot, opts: WriteSheetOptions): Promise<void> {
    const existing = this.wb.getWorksheet(opts.name);
    if (existing && !opts.replace) throw new HostError("other", `已有名为“${opts.name}”的工作表。`);
    if (existing) this.wb.removeWorksheet(existing.id);
    const ws = this.wb.addWorksheet(opts.name);
    for (const [r, row] of sheet.rows)
      for (const [c, cell] of row) {
        const x = ws.getCell(r + 1, c + 1);
        if (typeof cell.value === "number" || typeof cell.value === "boolean") {
          x.value = cell.value;
          if (cell.numberFormat) x.numFmt = cell.numberFormat;
        } else {
          x.value = cell.text;
          x.numFmt = "@";
        }
      }
    for (const m of sheet.merges) ws.mergeCells(rangeA1(m));
    const width = Math.max(1, (sheet.bounds?.right ?? 0) + 1);
    (opts.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of opts.wrapColumns ?? []) ws.getColumn(c + 1).alignment = { wrapText: true, vertical: "top" };
    const eachInRow = (r: number, f: (c: ExcelJS.Cell) => void) => {
      for (let c = 0; c < width; c++) f(ws.getCell(r + 1, c + 1));
    };
    for (const r of opts.boldRows ?? []) eachInRow(r, (c) => (c.font = { ...c.font, bold: true }));
    for (const r of opts.markRows ?? [])
      eachInRow(r, (c) => {
        c.font = { ...c.font, color: { argb: "FFC00000" } };
        setFill(c, { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
      });
    const eachIn = (range: string, f: (c: ExcelJS.Cell) => void) => {
      const r = parseRangeA1(range);
      if (r) for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) f(ws.getCell(i + 1, j + 1));
    };
    for (const nf of opts.numberFormats ?? []) eachIn(nf.range, (c) => (c.numFmt = nf.format));
    const thin = { style: "thin" as const };
    for (const b of opts.borders ?? []) eachIn(b, (c) => (c.border = { top: thin, left: thin, bottom: thin, right: thin }));
    if (opts.activate) this.active = opts.name;
    this.changed();
  }

  async addCharts(sheetName: string, specs: ChartSpec[]): Promise<void> {
    const existing = this.wb.getWorksheet(sheetName);
    if (existing) this.wb.removeWorksheet(existing.id);
    const ws = this.wb.addWorksheet(sheetName);
    let row = 1;
    for (const spec of specs) {
      ws.getCell(row, 1).value = spec.title;
      ws.getCell(row, 1).font = { bold: true };
      ws.getRow(row + 1).values = ["项目", ...spec.series];
      spec.points.forEach((p, k) => {
        const r = ws.getRow(row + 2 + k);
        r.getCell(1).value = p.label;
        p.values.forEach((v, j) => {
          const result = Number(v.value);
          r.getCell(2 + j).value = v.source ? { formula: `'${v.source.sheet.replace(/'/g, "''")}'!${a1(v.source.row, v.source.col)}`, result } : result;
          r.getCell(2 + j).numFmt = "#,##0.00";
        });
      });
      row += 2 + spec.points.length + 16;
    }
    ws.getColumn(1).width = 26;
    this.charts.set(sheetName, specs);
    this.active = sheetName;
    this.changed();
  }

  onSelection(cb: (cell: CellRef | null) => void): () => void {
    this.selectionListeners.add(cb);
    return () => this.selectionListeners.delete(cb);
  }

  async saveFile(name: string, data: Uint8Array, mime: string): Promise<void> {
    downloadFile(name, data, mime);
  }

  /** The cell as the checks of core/report/apply.ts need it. */
  private cellNow(ref: CellRef): { cell: ExcelJS.Cell; now: CellNow; protectedSheet: boolean } {
    const ws = this.wb.getWorksheet(ref.sheet);
    if (!ws) throw new HostError("notFound", `找不到工作表“${ref.sheet}”，可能已被删除或改名。`);
    const cell = ws.getCell(ref.row + 1, ref.col + 1);
    const raw = cell.value as unknown;
    const formula = raw && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw) ? `=${(raw as { formula?: string; sharedFormula?: string }).formula ?? (raw as { sharedFormula: string }).sharedFormula}` : null;
    const v = formula ? ((raw as { result?: unknown }).result ?? null) : raw;
    const value = v === undefined || v === null || v === "" ? null : typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(cell.text);
    const sheetProtection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    const protectedSheet = !!sheetProtection?.sheet && cell.protection?.locked !== false;
    return { cell, now: { text: cell.text ?? "", value, formula, numberFormat: cell.numFmt || "General" }, protectedSheet };
  }

  async applyValue(ref: CellRef, value: string, expectedCurrent: string): Promise<AppliedValue> {
    const { cell, now, protectedSheet } = this.cellNow(ref);
    if (protectedSheet) throw new HostError("protected", `工作表“${ref.sheet}”受保护，无法写入。请先撤消工作表保护后再试。未作任何修改。`);
    const refusal = refuseApply(ref, now, expectedCurrent, value);
    if (refusal) throw new HostError(refusal.code, refusal.message);
    cell.value = valueToWrite(value, now.numberFormat);
    this.changed();
    return { ref, before: now, written: value };
  }

  async undoValue(edit: AppliedValue): Promise<void> {
    const { cell, now, protectedSheet } = this.cellNow(edit.ref);
    if (protectedSheet) throw new HostError("protected", `工作表“${edit.ref.sheet}”受保护，无法写入。请先撤消工作表保护后再试。未作任何修改。`);
    const refusal = refuseUndo(edit, now);
    if (refusal) throw new HostError(refusal.code, refusal.message);
    cell.value = edit.before.value;
    this.changed();
  }

  /** The workbook as an .xlsx file (with the highlight record). */
  async toXlsx(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }

  /** Fill colour of a cell as shown ("#FFC7CE"), or null without fill (for the grid view and tests). */
  fillOf(sheet: string, address: string): string | null {
    const ws = this.wb.getWorksheet(sheet);
    return ws ? fillColor(ws.getCell(address)) : null;
  }
}


