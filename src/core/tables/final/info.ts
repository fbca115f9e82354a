/**
 * 机构运行经费支出、国有资产占用情况及政府采购支出信息表 (since 2022): a list of
 * labelled figures. Read as (label, figure) pairs wherever a label cell is
 * followed on its right by a figure cell; 行次 columns are skipped.
 */
import { label as labelNorm, norm } from "../../recognize/normalize";
import { ParseFailure, TemplateInfo, amountCell, createBase, failure } from "../base";
import { MetaInfo, RegionContext, readHeader, rowCells } from "../header";
import { AmountCell, TableBase } from "../types";

export const FINAL_INFO: TemplateInfo = { id: "finalInfo", code: "", name: "机构运行经费支出、国有资产占用情况及政府采购支出信息表", family: "final", defaultUnit: "万元" };

export type InfoKey =
  | "operating"
  | "procTotal"
  | "procGoods"
  | "procWorks"
  | "procServices"
  | "sme"
  | "micro"
  | "vehicles"
  | "other";

export interface InfoTable extends TableBase {
  kind: "info";
  items: { key: InfoKey; label: string; cell: AmountCell }[];
}

export function classifyInfo(l: string): InfoKey {
  if (/(机构|机关)运行经费/.test(l)) return "operating";
  if (/政府采购(支出)?总额/.test(l)) return "procTotal";
  if (/货物/.test(l) && /采购|支出/.test(l)) return "procGoods";
  if (/工程/.test(l) && /采购|支出/.test(l)) return "procWorks";
  if (/服务/.test(l) && /采购|支出/.test(l)) return "procServices";
  if (/小微企业/.test(l)) return "micro";
  if (/中小企业/.test(l)) return "sme";
  if (/车辆(数|合计|总数)|^车辆$/.test(l)) return "vehicles";
  return "other";
}

export function parseInfo(ctx: RegionContext): InfoTable | ParseFailure {
  const meta: MetaInfo = {};
  const header = readHeader(ctx, meta);
  const table: InfoTable = { ...createBase(ctx, FINAL_INFO, meta), kind: "info", items: [] };
  for (let r = Math.max(header.dataTop, ctx.titleRow + 1); r <= ctx.region.bottom; r++) {
    const cells = rowCells(ctx, r);
    for (let i = 0; i < cells.length; i++) {
      const { cell } = cells[i];
      if (typeof cell.value === "number") continue;
      const l = labelNorm(cell.text);
      if (!l || /^(项目|行次|栏次|金额|数量|单位)/.test(l) || l.length > 40) continue;
      // The first figure to the right, skipping a 行次 (small integer next to a label in a 行次 column).
      for (let j = i + 1; j < cells.length; j++) {
        const next = cells[j];
        if (typeof next.cell.value !== "number" && !/^[\d,.\s]+$/.test(norm(next.cell.text))) break;
        const isRowNo = header.labels.get(next.col) && /行次/.test(header.labels.get(next.col)!);
        if (isRowNo) continue;
        table.items.push({ key: classifyInfo(l), label: cell.text.trim(), cell: amountCell(ctx, table, r, next.col, `“${cell.text.trim()}”`) });
        break;
      }
    }
  }
  if (table.items.length === 0) return failure(FINAL_INFO, ctx, "未找到任何带数字的项目");
  return table;
}
