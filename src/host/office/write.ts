/**
 * Writing sheets (generated narrative, 补充信息, blank templates) and charts.
 * Two round trips each: look up the sheet; write everything.
 * Text is written with the "@" number format first, so that a paragraph starting
 * with "=", "+" or "-" is never taken for a formula.
 */
import { SheetSnapshot } from "../../core/grid/snapshot";
import { a1, colName, parseRangeA1, rangeA1 } from "../../core/grid/address";
import { ChartSpec, HostError, WriteSheetOptions } from "../host";

type Ctx = Excel.RequestContext;

export async function writeSheetOffice(ctx: Ctx, sheet: SheetSnapshot, opts: WriteSheetOptions): Promise<void> {
  const existing = ctx.workbook.worksheets.getItemOrNullObject(opts.name);
  existing.load("isNullObject");
  await ctx.sync(); // 1
  if (!existing.isNullObject && !opts.replace) throw new HostError("other", `已有名为“${opts.name}”的工作表。`);
  if (!existing.isNullObject) existing.delete();
  const ws = ctx.workbook.worksheets.add(opts.name);
  const b = sheet.bounds;
  if (b) {
    const rows = b.bottom + 1;
    const cols = b.right + 1;
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const vr: (string | number | boolean)[] = [];
      const fr: string[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = sheet.rows.get(r)?.get(c);
        if (!cell) {
          vr.push("");
          fr.push("General");
        } else if (typeof cell.value === "number" || typeof cell.value === "boolean") {
          vr.push(cell.value);
          fr.push(cell.numberFormat ?? "General");
        } else {
          vr.push(cell.text);
          fr.push("@");
        }
      }
      values.push(vr);
      formats.push(fr);
    }
    const range = ws.getRange(`A1:${a1(rows - 1, cols - 1)}`);
    range.numberFormat = formats;
    range.values = values;
    for (const m of sheet.merges) ws.getRange(rangeA1(m)).merge(false);
    for (const r of opts.markRows ?? []) {
      const row = ws.getRange(`A${r + 1}:${colName(cols - 1)}${r + 1}`);
      row.format.fill.color = "#FFF2CC";
      row.format.font.color = "#C00000";
    }
    for (const r of opts.boldRows ?? []) ws.getRange(`A${r + 1}:${colName(cols - 1)}${r + 1}`).format.font.bold = true;
    for (const f of opts.numberFormats ?? []) {
      const r = parseRangeA1(f.range);
      if (r) ws.getRange(f.range).numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => Array(r.right - r.left + 1).fill(f.format));
    }
    for (const b of opts.borders ?? []) {
      const borders = ws.getRange(b).format.borders;
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as Excel.BorderIndex[]) {
        const line = borders.getItem(edge);
        line.style = "Continuous";
        line.weight = "Thin";
      }
    }
  }
  (opts.columnWidths ?? []).forEach((w, i) => (ws.getRange(`${colName(i)}:${colName(i)}`).format.columnWidth = Math.round(w * 7)));
  for (const c of opts.wrapColumns ?? []) {
    const col = ws.getRange(`${colName(c)}:${colName(c)}`);
    col.format.wrapText = true;
    col.format.verticalAlignment = "Top";
  }
  if (b && opts.wrapColumns?.length) ws.getRange(`A1:${a1(b.bottom, b.right)}`).format.autofitRows();
  if (opts.activate) ws.activate();
  await ctx.sync(); // 2
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Each chart gets its data block (labels, and values as formulas pointing at the
 * table cells they come from, so they stay live) and the chart to its right.
 */
export async function addChartsOffice(ctx: Ctx, sheetName: string, specs: ChartSpec[]): Promise<void> {
  const old = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
  old.load("isNullObject");
  await ctx.sync(); // 1
  // The pane asked the clerk before replacing the sheet: its old charts go with it.
  if (!old.isNullObject) old.delete();
  const ws = ctx.workbook.worksheets.add(sheetName);
  let row = 0;
  for (const spec of specs) {
    const cols = 1 + spec.series.length;
    const rows = 1 + spec.points.length;
    ws.getRange(`A${row + 1}`).values = [[spec.title]];
    ws.getRange(`A${row + 1}`).format.font.bold = true;
    const top = row + 1;
    const header = [["项目", ...spec.series]];
    // Excel cells hold binary numbers: the exact decimal is converted only here, for drawing.
    const body = spec.points.map((p) => [p.label, ...p.values.map((v) => (v.source ? `=${quoteSheet(v.source.sheet)}!${a1(v.source.row, v.source.col)}` : Number(v.value)))]);
    const data = ws.getRange(`A${top + 1}:${colName(cols - 1)}${top + rows}`);
    data.formulas = [...header, ...body] as unknown as string[][];
    const chart = ws.charts.add(spec.kind === "pie" ? Excel.ChartType.pie : Excel.ChartType.columnClustered, data, Excel.ChartSeriesBy.columns);
    chart.title.text = spec.title;
    chart.setPosition(`${colName(cols + 1)}${top}`, `${colName(cols + 8)}${top + 15}`);
    if (spec.kind === "pie") chart.dataLabels.showPercentage = true;
    row = top + Math.max(rows, 16) + 2;
  }
  ws.getRange("A:A").format.columnWidth = 160;
  ws.activate();
  await ctx.sync(); // 2
}
