/**
 * Highlights and their exact undo, kept inside the workbook.
 *
 * Highlighting fills each bad cell (red for errors, yellow for warnings) and
 * records, in a custom XML part of the workbook (ExcelApi 1.5), the cell's own
 * fill before (colour, pattern, pattern colour) and the colour applied. The
 * record is saved with the file, so 清除标记 works after the workbook was saved,
 * closed and reopened. Clearing restores each recorded cell — but only while it
 * still carries the colour we applied: a fill the clerk changed afterwards is
 * left alone. Validation never changes a cell value.
 *
 * Round trips: highlighting 2 (read protection and fills; write fills and the
 * record), whatever the number of sheets or cells, up to `chunk` cells per
 * batch. Clearing needs the current fill of every recorded cell before it may
 * restore it, and the cells are known only from the record:
 *   - in the session that highlighted, the pane still knows the record it wrote:
 *     2 (read the record, and the current fills of its cells; restore and
 *     delete the record), the record read back being checked to be that one;
 *   - after the pane read the workbook (read.ts reads the record in its own
 *     round trips, as the pane always does before it highlights): 2 as well;
 *   - otherwise (another pane wrote the record since): 3 (read the record;
 *     read the current fills; restore and delete).
 * Office.js cannot read a fill whose address is in a result of the same
 * request, and cannot make a write depend on a value it reads, so 3 is the
 * least that keeps "only restore cells still carrying our colour" when the
 * cells are not known in advance.
 */
import { Finding, Severity } from "../../core/report/finding";
import { refA1 } from "../../core/tables/types";
import { parseA1 } from "../../core/grid/address";
import { HIGHLIGHT_FILL, HighlightSummary, HostError, HostOptions, throwIfCancelled } from "../host";

export const HIGHLIGHT_NS = "urn:disclosure-checker:highlights:v1";

export interface StoredFill {
  sheet: string;
  address: string;
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
  applied: string;
}

/**
 * Cells to fill: for each error or warning, its most likely wrong cell (the
 * first of its cells, ranked by the engine), with the worst severity per cell
 * (errors over warnings; info is not highlighted). The other cells a finding
 * involves are listed in the pane, not painted: a row total that is off would
 * otherwise colour the whole row.
 */
export function highlightPlan(findings: Finding[]): Map<string, Map<string, Severity>> {
  const plan = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    for (const c of f.cells.slice(0, 1)) {
      const m = plan.get(c.sheet) ?? new Map<string, Severity>();
      const a = refA1(c);
      if (m.get(a) !== "error") m.set(a, f.severity);
      plan.set(c.sheet, m);
    }
  }
  return plan;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unesc = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function fillsToXml(cells: StoredFill[]): string {
  const rows = cells.map((c) => `<cell s="${esc(c.sheet)}" a="${c.address}" c="${esc(c.color ?? "")}" p="${esc(c.pattern ?? "")}" pc="${esc(c.patternColor ?? "")}" h="${c.applied}"/>`);
  return `<highlights xmlns="${HIGHLIGHT_NS}" version="1">${rows.join("")}</highlights>`;
}

export function fillsFromXml(xml: string): StoredFill[] {
  const out: StoredFill[] = [];
  for (const m of xml.matchAll(/<cell\s([^>]*?)\/>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/(\w+)="([^"]*)"/g)) attrs[a[1]] = unesc(a[2]);
    if (!attrs.s || !attrs.a) continue;
    out.push({ sheet: attrs.s, address: attrs.a, color: attrs.c || null, pattern: attrs.p || null, patternColor: attrs.pc || null, applied: attrs.h });
  }
  return out;
}

type Ctx = Excel.RequestContext;

interface Pos {
  row: number;
  col: number;
}

/**
 * Splits cells into rectangles of at most `maxCells` cells (row bands over the
 * cells' column span), for getCellProperties reads that stay far below Excel on
 * the web's 5 MB response limit.
 */
export function blocksOf<T extends Pos>(cells: T[], maxCells = 20_000): { top: number; left: number; bottom: number; right: number; cells: T[] }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { top: number; left: number; bottom: number; right: number; cells: T[] }[] = [];
  let cur: (typeof out)[number] | undefined;
  for (const c of sorted) {
    if (cur) {
      const left = Math.min(cur.left, c.col);
      const right = Math.max(cur.right, c.col);
      if ((c.row - cur.top + 1) * (right - left + 1) <= maxCells) {
        cur.left = left;
        cur.right = right;
        cur.bottom = c.row;
        cur.cells.push(c);
        continue;
      }
    }
    cur = { top: c.row, left: c.col, bottom: c.row, right: c.col, cells: [c] };
    out.push(cur);
  }
  return out;
}

/**
 * Address lists for Worksheet.getRanges: consecutive cells of a row joined into
 * one area, at most 300 areas and 6,000 characters per list (longer lists fail,
 * office-js #5198).
 */
export function areaLists(cells: Pos[]): string[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const areas: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[i].row && sorted[j + 1].col === sorted[j].col + 1) j++;
    const a = refA1({ sheet: "", row: sorted[i].row, col: sorted[i].col });
    areas.push(j > i ? `${a}:${refA1({ sheet: "", row: sorted[j].row, col: sorted[j].col })}` : a);
    i = j + 1;
  }
  const lists: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of areas) {
    if (cur.length && (cur.length >= 300 || len + a.length + 1 > 6000)) {
      lists.push(cur.join(","));
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.length + 1;
  }
  if (cur.length) lists.push(cur.join(","));
  return lists;
}

type FillProps = { color?: string; pattern?: string; patternColor?: string };

/** Reads the fills of the given cells of a sheet: one getCellProperties per block. */
function queueFillRead<T extends Pos>(ws: Excel.Worksheet, cells: T[], props: Excel.CellPropertiesLoadOptions) {
  return blocksOf(cells).map((b) => ({
    b,
    result: ws.getRange(`${refA1({ sheet: "", row: b.top, col: b.left })}:${refA1({ sheet: "", row: b.bottom, col: b.right })}`).getCellProperties(props),
  }));
}

function fillAt(reads: { b: { top: number; left: number; bottom: number; right: number }; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[], p: Pos): FillProps {
  for (const { b, result } of reads)
    if (p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right) return (result.value[p.row - b.top]?.[p.col - b.left]?.format?.fill ?? {}) as FillProps;
  return {};
}

function protectedError(sheet: string): HostError {
  return new HostError("protected", `工作表“${sheet}”受保护，无法标记或还原单元格颜色。请先撤消工作表保护（“审阅”→“撤消工作表保护”），或只在窗格中查看结果。工作簿未作任何修改。`);
}

export async function applyHighlights(ctx: Ctx, findings: Finding[], opts: HostOptions = {}): Promise<HighlightSummary> {
  const plan = highlightPlan(findings);
  const sheets = [...plan.keys()];
  if (!sheets.length) return { cells: 0, sheets: [] };
  const perSheet = sheets.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    ws.protection.load("protected");
    const cells = [...plan.get(name)!].map(([address, sev]) => ({ ...parseA1(address)!, address, sev }));
    const reads = queueFillRead(ws, cells, { format: { fill: { color: true, pattern: true, patternColor: true } } });
    return { name, ws, cells, reads };
  });
  const total = perSheet.reduce((n, s) => n + s.cells.length, 0);
  opts.onProgress?.({ stage: "highlight", message: `正在读取 ${total} 个单元格原来的颜色……` });
  await ctx.sync(); // 1
  throwIfCancelled(opts.signal);
  const locked = perSheet.find((s) => s.ws.protection.protected);
  if (locked) throw protectedError(locked.name);
  const stored: StoredFill[] = [];
  for (const s of perSheet) {
    for (const c of s.cells) {
      const f = fillAt(s.reads, c);
      stored.push({ sheet: s.name, address: c.address, color: f.color ?? null, pattern: f.pattern ?? null, patternColor: f.patternColor ?? null, applied: HIGHLIGHT_FILL[c.sev as "error" | "warning"] });
    }
    for (const sev of ["warning", "error"] as const)
      for (const list of areaLists(s.cells.filter((c) => c.sev === sev))) s.ws.getRanges(list).format.fill.color = HIGHLIGHT_FILL[sev];
  }
  const xml = fillsToXml(stored);
  ctx.workbook.customXmlParts.add(xml);
  opts.onProgress?.({ stage: "highlight", message: `正在标记 ${total} 个单元格……` });
  written = undefined;
  await ctx.sync(); // 2
  written = { xml, cells: stored };
  return { cells: total, sheets };
}

/**
 * The record this pane wrote last (its XML, parsed): clearing in the same
 * session reads the current fills of these cells in its first round trip. It is
 * used only when the record read back from the workbook is this very text.
 */
let written: { xml: string; cells: StoredFill[] } | undefined;

/**
 * The record as the pane last read it with the workbook (read.ts fetches it in
 * the read's own round trips): a workbook saved with highlights and reopened is
 * then cleared in 2 round trips too. Like the record this pane wrote, it is used
 * only when the record read back at clearing time is this very text.
 */
export function rememberRecord(xml: string | undefined): void {
  if (xml === undefined) {
    written = undefined;
    return;
  }
  try {
    written = { xml, cells: fillsFromXml(xml) };
  } catch {
    written = undefined;
  }
}

type Cells = (StoredFill & Pos)[];

function bySheetOf(stored: StoredFill[]): Map<string, Cells> {
  const bySheet = new Map<string, Cells>();
  for (const s of stored) {
    const p = parseA1(s.address);
    if (!p) continue;
    const list = bySheet.get(s.sheet);
    if (list) list.push({ ...s, ...p });
    else bySheet.set(s.sheet, [{ ...s, ...p }]);
  }
  return bySheet;
}

interface SheetFills {
  name: string;
  ws: Excel.Worksheet;
  cells: Cells;
  reads: ReturnType<typeof queueFillRead<StoredFill & Pos>>;
}

/** Queues, for each sheet, its protection and the current fill colour of its recorded cells. */
function queueCurrentFills(ctx: Ctx, bySheet: Map<string, Cells>): SheetFills[] {
  return [...bySheet].map(([name, cells]) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    ws.protection.load("protected");
    return { name, ws, cells, reads: queueFillRead(ws, cells, { format: { fill: { color: true } } }) };
  });
}

/** Writes back the recorded fills of the cells that still carry our colour (after the fills were read); returns how many. */
function queueRestore(perSheet: SheetFills[]): number {
  const locked = perSheet.find((s) => s.ws.protection.protected);
  if (locked) throw protectedError(locked.name);
  let restored = 0;
  for (const s of perSheet) {
    // A fill the clerk changed after we highlighted is theirs: leave it.
    const ours = s.cells.filter((c) => (fillAt(s.reads, c).color ?? "").toUpperCase() === c.applied.toUpperCase());
    restored += ours.length;
    const groups = new Map<string, Cells>();
    for (const c of ours) {
      const k = !c.pattern || c.pattern === "None" ? "none" : `${c.pattern}|${c.color ?? ""}|${c.patternColor ?? ""}`;
      const g = groups.get(k);
      if (g) g.push(c);
      else groups.set(k, [c]);
    }
    for (const [k, cells] of groups)
      for (const list of areaLists(cells)) {
        const fill = s.ws.getRanges(list).format.fill;
        if (k === "none") {
          fill.clear();
          continue;
        }
        const c = cells[0];
        // Colour first (it makes the fill solid), then the pattern over it.
        if (c.color) fill.color = c.color;
        fill.pattern = c.pattern as Excel.FillPattern;
        if (c.patternColor && c.pattern !== "Solid") fill.patternColor = c.patternColor;
      }
  }
  return restored;
}

export async function clearHighlightsOffice(ctx: Ctx, opts: HostOptions = {}): Promise<number> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
  parts.load("items");
  const sheets = ctx.workbook.worksheets;
  sheets.load("items");
  // The usual case: one record. getOnlyItem fails the request when there are none or several.
  const only = parts.getOnlyItem().getXml();
  const known = written;
  const early = known ? queueCurrentFills(ctx, bySheetOf(known.cells)) : undefined;
  let xmls: string[];
  try {
    await ctx.sync(); // 1: the record (and, in the session that wrote it, the current fills of its cells)
    xmls = [only.value];
  } catch {
    // No record, several records, or a sheet of the remembered record is gone: find the records first.
    const again = ctx.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
    again.load("items");
    sheets.load("items");
    await ctx.sync();
    if (!again.items.length) {
      written = undefined;
      return 0;
    }
    const results = again.items.map((p) => p.getXml());
    await ctx.sync();
    xmls = results.map((r) => r.value);
    return finishClear(ctx, opts, again.items, sheets, xmls, undefined);
  }
  throwIfCancelled(opts.signal);
  return finishClear(ctx, opts, parts.items, sheets, xmls, known && early && xmls[0] === known.xml ? early : undefined);
}

async function finishClear(ctx: Ctx, opts: HostOptions, items: Excel.CustomXmlPart[], sheets: Excel.WorksheetCollection, xmls: string[], early: SheetFills[] | undefined): Promise<number> {
  let perSheet = early;
  if (!perSheet) {
    const existing = new Set(sheets.items.map((w) => w.name));
    const stored = xmls.flatMap((x) => fillsFromXml(x)).filter((s) => existing.has(s.sheet));
    perSheet = queueCurrentFills(ctx, bySheetOf(stored));
    await ctx.sync(); // 2: current fills
    throwIfCancelled(opts.signal);
  }
  const restored = queueRestore(perSheet);
  for (const p of items) p.delete();
  opts.onProgress?.({ stage: "clear", message: `正在还原 ${restored} 个单元格的颜色……` });
  await ctx.sync(); // 2 in the session that highlighted, else 3
  written = undefined;
  return restored;
}

export async function hasHighlightsOffice(ctx: Ctx): Promise<boolean> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
  parts.load("items");
  await ctx.sync();
  return parts.items.length > 0;
}
