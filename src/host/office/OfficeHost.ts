/**
 * The Host inside Excel. Each operation is one Excel.run; errors from Excel are
 * turned into messages a clerk can act on (a protected sheet, a cell being
 * edited, an Excel too old for an API), and the workbook is left unchanged when
 * an operation cannot complete (reads first, then one batch of writes).
 *
 * Requirement sets: ExcelApi 1.9 is the minimum declared in the manifest
 * (RangeAreas/getRanges, RangeFill.pattern); merged areas need 1.13 and are
 * read only where available (checked at run time).
 */
import { WorkbookSnapshot, SheetSnapshot } from "../../core/grid/snapshot";
import { Finding } from "../../core/report/finding";
import { CellRef, refA1 } from "../../core/tables/types";
import { parseA1 } from "../../core/grid/address";
import { ChartSpec, HighlightSummary, Host, HostError, HostOptions, WriteSheetOptions } from "../host";
import { readWorkbookOffice } from "./read";
import { applyHighlights, clearHighlightsOffice, hasHighlightsOffice } from "./highlight";
import { addChartsOffice, writeSheetOffice } from "./write";
import { applyValueOffice, undoValueOffice } from "./apply";
import { AppliedValue } from "../../core/report/apply";
import { downloadFile } from "../web/download";

/** Maps an Office.js error to a HostError with a Chinese message. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = (e as { code?: string })?.code ?? "";
  const msg = e instanceof Error ? e.message : String(e);
  if (code === "InvalidOperationInCellEditMode") return new HostError("cellEditMode", "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。工作簿未作任何修改。");
  if (code === "AccessDenied" || /protect/i.test(msg)) return new HostError("protected", "工作表或工作簿受保护，无法修改。请先撤消保护后再试。工作簿未作任何修改。");
  if (code === "ApiNotFound" || code === "NotImplemented" || code === "UnsupportedFeature" || code === "UnsupportedOperation")
    return new HostError("unsupported", "当前版本的 Excel 不支持此功能（需要 Excel 2019 / Microsoft 365 或网页版 Excel）。");
  if (/PayloadSizeLimitExceeded/.test(code)) return new HostError("tooLarge", "工作簿太大，Excel 一次无法传出这么多数据。请删除不需要的工作表后再试。");
  if (code === "ItemNotFound") return new HostError("notFound", "找不到要操作的工作表或单元格，可能已被删除或改名。");
  return new HostError("other", `Excel 返回错误：${msg}${code ? `（${code}）` : ""}`);
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export class OfficeHost implements Host {
  readonly kind = "excel" as const;

  private async run<T>(f: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run(f);
    } catch (e) {
      throw toHostError(e);
    }
  }

  readWorkbook(o: HostOptions = {}): Promise<WorkbookSnapshot> {
    return this.run((ctx) => readWorkbookOffice(ctx, { ...o, mergedAreas: supports("1.13"), highlightRecord: supports("1.5"), indents: supports("1.9") }));
  }

  select(cells: CellRef[]): Promise<void> {
    if (!cells.length) return Promise.resolve();
    const sheet = cells[0].sheet;
    const here = cells.filter((c) => c.sheet === sheet);
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRanges(here.map(refA1).join(",")).select();
      await ctx.sync();
    });
  }

  async highlight(findings: Finding[], o: HostOptions = {}): Promise<HighlightSummary> {
    if (await this.hasHighlights()) await this.clearHighlights(o);
    return this.run((ctx) => applyHighlights(ctx, findings, o));
  }

  clearHighlights(o: HostOptions = {}): Promise<number> {
    return this.run((ctx) => clearHighlightsOffice(ctx, o));
  }

  hasHighlights(): Promise<boolean> {
    return this.run((ctx) => hasHighlightsOffice(ctx));
  }

  sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const s = ctx.workbook.worksheets;
      s.load("items");
      await ctx.sync();
      return s.items.map((w) => w.name);
    });
  }

  writeSheet(sheet: SheetSnapshot, opts: WriteSheetOptions): Promise<void> {
    return this.run((ctx) => writeSheetOffice(ctx, sheet, opts));
  }

  addCharts(sheetName: string, specs: ChartSpec[]): Promise<void> {
    return this.run((ctx) => addChartsOffice(ctx, sheetName, specs));
  }

  onSelection(cb: (cell: CellRef | null) => void): () => void {
    const handler = () => {
      Excel.run(async (ctx) => {
        const r = ctx.workbook.getSelectedRange();
        r.load("address");
        r.worksheet.load("name");
        await ctx.sync();
        const addr = r.address.slice(r.address.lastIndexOf("!") + 1).split(":")[0];
        const p = parseA1(addr);
        cb(p ? { sheet: r.worksheet.name, row: p.row, col: p.col } : null);
      }).catch(() => cb(null));
    };
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, handler);
    return () => Office.context.document.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler });
  }

  applyValue(ref: CellRef, value: string, expectedCurrent: string): Promise<AppliedValue> {
    return this.run((ctx) => applyValueOffice(ctx, ref, value, expectedCurrent));
  }

  undoValue(edit: AppliedValue): Promise<void> {
    return this.run((ctx) => undoValueOffice(ctx, edit));
  }

  async saveFile(name: string, data: Uint8Array, mime: string): Promise<void> {
    downloadFile(name, data, mime);
  }
}

/** Host and platform, for the pane's footer and error reports (Office.context.diagnostics). */
export function officePlatform(): string {
  try {
    const d = Office.context.diagnostics;
    return `${d.host} ${d.platform} ${d.version}`;
  } catch {
    return "Excel";
  }
}
