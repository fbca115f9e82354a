/**
 * 政府采购预算表 (budgetProcurement). Two layouts are read into one model:
 * - columns: a header with 合计 / 货物 / 工程 / 服务 (and optionally 面向中小企业预留 /
 *   其中：小微企业) columns, one record per data row (a unit, a project, or 合计);
 * - list: labelled lines ("政府采购预算总额", "货物", "工程", "服务", "面向中小企业预留",
 *   "其中：小型和微型企业"), each with its figure to the right: one record.
 *
 * Model: `records` (label, row, cells by key total / goods / works / services /
 * sme / micro) and `total`, the 合计 record of the columns layout.
 */
import { label as labelNorm, norm } from "../../recognize/normalize";
import { ParseFailure, amountCell, collectNotes, createBase, failure } from "../base";
import { MetaInfo, RegionContext, readHeader, rowCells, textAt } from "../header";
import { AmountCell, TableBase } from "../types";
import { BUDGET_PROCUREMENT } from "./info";

export type ProcKey = "total" | "goods" | "works" | "services" | "sme" | "micro";

export const PROC_TITLES: Record<ProcKey, string> = {
  total: "政府采购预算总额",
  goods: "货物",
  works: "工程",
  services: "服务",
  sme: "面向中小企业预留",
  micro: "其中：小微企业",
};

export interface ProcRecord {
  label: string;
  row: number;
  cells: Partial<Record<ProcKey, AmountCell>>;
}

export interface BudgetProcurementTable extends TableBase {
  kind: "procurement";
  records: ProcRecord[];
  total?: ProcRecord;
}

export function procKeyOf(l: string): ProcKey | null {
  if (/小微|小型和微型/.test(l)) return "micro";
  if (/中小企业/.test(l)) return "sme";
  if (/货物/.test(l)) return "goods";
  if (/工程/.test(l)) return "works";
  if (/服务/.test(l)) return "services";
  if (/采购预算(总额|合计|总计)?$|^(合计|总计|小计|总额)$|采购(预算)?总额/.test(l)) return "total";
  return null;
}

const TOTAL_ROW = /^(合计|总计)$/;

export function parseBudgetProcurement(ctx: RegionContext): BudgetProcurementTable | ParseFailure {
  const meta: MetaInfo = {};
  const header = readHeader(ctx, meta);
  const table: BudgetProcurementTable = { ...createBase(ctx, BUDGET_PROCUREMENT, meta), kind: "procurement", records: [] };
  const cols = new Map<ProcKey, number>();
  for (const [c, l] of [...header.labels.entries()].sort((a, b) => a[0] - b[0])) {
    const k = procKeyOf(l.split("/").pop()!) ?? (/金额|预算数/.test(l.split("/").pop()!) && /合计|总额/.test(l) ? "total" : null);
    if (k && !cols.has(k)) cols.set(k, c);
  }
  let lastRow = header.dataTop;
  if (["goods", "works", "services"].filter((k) => cols.has(k as ProcKey)).length >= 2) {
    const labelCol = Math.min(...[...header.labels.keys()]);
    for (let r = header.dataTop; r <= ctx.region.bottom; r++) {
      const row = ctx.sheet.rows.get(r);
      if (!row) continue;
      const hasFigure = [...cols.values()].some((c) => (row.get(c)?.text.trim() ?? "") !== "");
      const lbl = textAt(ctx, r, labelCol);
      if (!hasFigure && !TOTAL_ROW.test(norm(lbl))) continue;
      if (norm(lbl).length > 40) continue;
      const rec: ProcRecord = { label: lbl || `第${r + 1}行`, row: r, cells: {} };
      for (const [k, c] of cols) rec.cells[k] = amountCell(ctx, table, r, c, `“${rec.label}”`, PROC_TITLES[k]);
      if (TOTAL_ROW.test(norm(lbl)) && !table.total) table.total = rec;
      else table.records.push(rec);
      lastRow = r;
    }
  } else {
    // List layout: label cells with a figure to their right.
    const rec: ProcRecord = { label: "政府采购预算", row: header.dataTop, cells: {} };
    for (let r = Math.max(header.top, ctx.titleRow + 1); r <= ctx.region.bottom; r++) {
      const cells = rowCells(ctx, r);
      for (let i = 0; i < cells.length - 1; i++) {
        const { cell } = cells[i];
        if (typeof cell.value === "number") continue;
        const l = labelNorm(cell.text);
        if (!l || l.length > 40) continue;
        const k = procKeyOf(l);
        if (!k || rec.cells[k]) continue;
        const next = cells.slice(i + 1).find((x) => typeof x.cell.value === "number" || /^[\d,.\s()-]+$/.test(norm(x.cell.text)) || x.cell.text.trim() === "");
        if (!next) continue;
        rec.cells[k] = amountCell(ctx, table, r, next.col, `“${cell.text.trim()}”`);
        lastRow = r;
      }
    }
    if (Object.keys(rec.cells).length < 2) return failure(BUDGET_PROCUREMENT, ctx, "未找到政府采购预算总额及货物、工程、服务金额");
    table.records.push(rec);
  }
  collectNotes(ctx, table, lastRow + 1);
  return table;
}
