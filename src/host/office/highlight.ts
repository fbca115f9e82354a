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
 * record), clearing 4 (find the records; read them; read current fills; restore
 * and delete the records), whatever the number of sheets or cells, up to
 * `chunk` cells per batch.
 */
import { Finding, Severity } from "../../core/report/finding";
import { refA1 } from "../../core/tables/types";
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

/** Cells to fill: the worst severity per cell (errors over warnings; info is not highlighted). */
export function highlightPlan(findings: Finding[]): Map<string, Map<string, Severity>> {
  const plan = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    for (const c of f.cells) {
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

function protectedError(sheet: string): HostError {
  return new HostError("protected", `工作表“${sheet}”受保护，无法标记或还原单元格颜色。请先撤消工作表保护（“审阅”→“撤消工作表保护”），或只在窗格中查看结果。工作簿未作任何修改。`);
}

export async function applyHighlights(ctx: Ctx, findings: Finding[], opts: HostOptions = {}): Promise<HighlightSummary> {
  const plan = highlightPlan(findings);
  const sheets = [...plan.keys()];
  if (!sheets.length) return { cells: 0, sheets: [] };
  const ws = (n: string) => ctx.workbook.worksheets.getItem(n);
  const protections = sheets.map((n) => {
    const p = ws(n).protection;
    p.load("protected");
    return { n, p };
  });
  const cells: { sheet: string; address: string; sev: Severity; fill: Excel.RangeFill }[] = [];
  for (const [sheet, m] of plan)
    for (const [address, sev] of m) {
      const fill = ws(sheet).getRange(address).format.fill;
      fill.load("color,pattern,patternColor");
      cells.push({ sheet, address, sev, fill });
    }
  opts.onProgress?.({ stage: "highlight", message: `正在读取 ${cells.length} 个单元格原来的颜色……` });
  await ctx.sync(); // 1
  throwIfCancelled(opts.signal);
  const locked = protections.find((x) => x.p.protected);
  if (locked) throw protectedError(locked.n);
  const stored: StoredFill[] = cells.map((c) => ({
    sheet: c.sheet,
    address: c.address,
    color: c.fill.color ?? null,
    pattern: (c.fill.pattern as string) ?? null,
    patternColor: c.fill.patternColor ?? null,
    applied: HIGHLIGHT_FILL[c.sev as "error" | "warning"],
  }));
  for (let i = 0; i < cells.length; i++) cells[i].fill.color = stored[i].applied;
  ctx.workbook.customXmlParts.add(fillsToXml(stored));
  opts.onProgress?.({ stage: "highlight", message: `正在标记 ${cells.length} 个单元格……` });
  await ctx.sync(); // 2
  return { cells: cells.length, sheets };
}

export async function clearHighlightsOffice(ctx: Ctx, opts: HostOptions = {}): Promise<number> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
  parts.load("items");
  const sheets = ctx.workbook.worksheets;
  sheets.load("items");
  await ctx.sync(); // 1: the records, and which sheets exist
  if (!parts.items.length) return 0;
  const xmls = parts.items.map((p) => p.getXml());
  await ctx.sync(); // 2
  throwIfCancelled(opts.signal);
  const existing = new Set(sheets.items.map((w) => w.name));
  const stored = xmls.flatMap((x) => fillsFromXml(x.value)).filter((s) => existing.has(s.sheet));
  const protections = [...new Set(stored.map((s) => s.sheet))].map((n) => {
    const p = sheets.getItem(n).protection;
    p.load("protected");
    return { n, p };
  });
  const current = stored.map((s) => {
    const fill = sheets.getItem(s.sheet).getRange(s.address).format.fill;
    fill.load("color");
    return { s, fill };
  });
  await ctx.sync(); // 3
  const locked = protections.find((x) => x.p.protected);
  if (locked) throw protectedError(locked.n);
  let restored = 0;
  for (const { s, fill } of current) {
    // A fill the clerk changed after we highlighted is theirs: leave it.
    if ((fill.color ?? "").toUpperCase() !== s.applied.toUpperCase()) continue;
    if (!s.pattern || s.pattern === "None") fill.clear();
    else {
      fill.pattern = s.pattern as Excel.FillPattern;
      if (s.color) fill.color = s.color;
      if (s.patternColor && s.pattern !== "Solid") fill.patternColor = s.patternColor;
    }
    restored++;
  }
  for (const p of parts.items) p.delete();
  opts.onProgress?.({ stage: "clear", message: `正在还原 ${restored} 个单元格的颜色……` });
  await ctx.sync(); // 4
  return restored;
}

export async function hasHighlightsOffice(ctx: Ctx): Promise<boolean> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
  parts.load("items");
  await ctx.sync();
  return parts.items.length > 0;
}
