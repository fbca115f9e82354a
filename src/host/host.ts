/**
 * The Host interface: everything the task pane asks of a workbook, whatever
 * holds it — Excel through Office.js (src/host/office) or an .xlsx file opened in
 * a plain browser (src/host/web). The pane never touches Office directly.
 */
import { SheetSnapshot, WorkbookSnapshot } from "../core/grid/snapshot";
import { Finding } from "../core/report/finding";
import { CellRef } from "../core/tables/types";
import { ChartSpec } from "../core/charts";
import { SheetFormat } from "../core/grid/build";
import { AppliedValue } from "../core/report/apply";

export type { AppliedValue };

export type { ChartSpec };

export interface Progress {
  stage: "read" | "check" | "highlight" | "clear" | "write";
  /** What is being done, for the clerk ("正在读取第 3/12 张工作表"). */
  message: string;
  done?: number;
  total?: number;
}

export interface HostOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface HighlightSummary {
  /** Cells filled. */
  cells: number;
  sheets: string[];
}

export interface WriteSheetOptions extends SheetFormat {
  /** Sheet name to write; created when absent. */
  name: string;
  /** Replace an existing sheet of that name (the pane asks the clerk first). */
  replace: boolean;
  activate?: boolean;
}


export type HostErrorCode = "protected" | "cellEditMode" | "unsupported" | "tooLarge" | "cancelled" | "notFound" | "formula" | "changed" | "invalid" | "other";

/** An error with a message a clerk understands; the workbook is left unchanged. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new HostError("cancelled", "已取消。");
}

export interface Host {
  /** "excel" inside Excel, "web" in the standalone page. */
  readonly kind: "excel" | "web";
  readWorkbook(o?: HostOptions): Promise<WorkbookSnapshot>;
  /** Activates the sheet of the first cell and selects the cells of that sheet. */
  select(cells: CellRef[]): Promise<void>;
  /** Fills bad cells by severity, remembering each cell's own fill inside the workbook. */
  highlight(findings: Finding[], o?: HostOptions): Promise<HighlightSummary>;
  /** Restores every cell this add-in filled; returns how many cells were restored. */
  clearHighlights(o?: HostOptions): Promise<number>;
  hasHighlights(): Promise<boolean>;
  sheetNames(): Promise<string[]>;
  writeSheet(sheet: SheetSnapshot, opts: WriteSheetOptions): Promise<void>;
  /** Writes the chart data next to each chart on `sheetName` and adds the charts. */
  addCharts(sheetName: string, specs: ChartSpec[], o?: HostOptions): Promise<void>;
  /** Calls back with the selected cell whenever the selection changes. */
  onSelection(cb: (cell: CellRef | null) => void): () => void;
  /**
   * 采用建议值: writes the figure `value` ("480.55") into one cell, only if the
   * sheet is not protected, the cell holds no formula and it still shows
   * `expectedCurrent` (the figure the check saw, "" for blank); else throws a
   * HostError ("protected" | "formula" | "changed") and changes nothing.
   * Returns what 撤销 needs.
   */
  applyValue(ref: CellRef, value: string, expectedCurrent: string): Promise<AppliedValue>;
  /** 撤销: restores what the cell held before applyValue, while it still holds the value written. */
  undoValue(edit: AppliedValue): Promise<void>;
  /** Offers a file to the clerk (download). */
  saveFile(name: string, data: Uint8Array, mime: string): Promise<void>;
}

/** Fill colours of the highlights (Excel's own “bad” and “neutral” cell styles). */
export const HIGHLIGHT_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;
