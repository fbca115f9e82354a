/**
 * "三公"经费 tables (公开07表 and the budget 三公经费(和机关运行经费)预算表).
 * Groups (预算数 / 决算数, or 本年 / 上年 / 增减) × items (合计, 因公出国(境)费,
 * 公务用车购置及运行(维护)费 小计, 购置费, 运行(维护)费, 公务接待费).
 * Horizontal layout (groups and items in the header, one data row) or vertical
 * (items as rows, groups as columns).
 */
import { norm } from "../recognize/normalize";
import { ParseFailure, TemplateInfo, amountCell, collectNotes, createBase, failure } from "./base";
import { MetaInfo, RegionContext, readHeader, rowCells, textAt } from "./header";
import { AmountCell, TableBase } from "./types";

export type SangongItem = "total" | "abroad" | "car" | "carPurchase" | "carRun" | "reception" | "operating";
export type SangongGroup = "budget" | "final" | "current" | "previous" | "change";

export const SANGONG_ITEM_TITLES: Record<SangongItem, string> = {
  total: "合计",
  abroad: "因公出国(境)费",
  car: "公务用车购置及运行费小计",
  carPurchase: "公务用车购置费",
  carRun: "公务用车运行费",
  reception: "公务接待费",
  operating: "机关运行经费",
};

export const SANGONG_GROUP_TITLES: Record<SangongGroup, string> = {
  budget: "预算数",
  final: "决算数",
  current: "本年",
  previous: "上年",
  change: "增减",
};

export interface SangongTable extends TableBase {
  kind: "sangong";
  groups: Partial<Record<SangongGroup, Partial<Record<SangongItem, AmountCell>>>>;
  /** 增减率 per item (percent), when the table has such a column (read only when the template asks, see rateOf). */
  rates?: Partial<Record<SangongItem, AmountCell>>;
}

export function sangongItemOf(label: string): SangongItem | null {
  const parts = label.split("/");
  const lastPart = parts[parts.length - 1];
  if (/机关运行经费|机关运行费/.test(label)) return "operating";
  if (/出国/.test(lastPart)) return "abroad";
  if (/接待/.test(lastPart)) return "reception";
  if (/购置及运行|购置和运行/.test(lastPart)) return "car";
  if (/小计/.test(lastPart) && /公务用车|车/.test(label)) return "car";
  if (/购置/.test(lastPart)) return "carPurchase";
  if (/运行|运维/.test(lastPart)) return "carRun";
  if (/合计|总计|三公经费$/.test(lastPart)) return "total";
  if (/^小计$/.test(lastPart)) return "car";
  return null;
}

export function sangongGroupOf(label: string, defaultGroup: SangongGroup): SangongGroup {
  if (/增减|增长|变动|比上年/.test(label)) return "change";
  if (/上年/.test(label)) return "previous";
  if (/决算/.test(label)) return "final";
  if (/本年|当年/.test(label)) return "current";
  if (/预算/.test(label)) return "budget";
  return defaultGroup;
}

export interface SangongOptions {
  /**
   * Group of a column from its composite header label (default: sangongGroupOf
   * with the default group). null skips the column (e.g. a 增减率 column). The
   * budget 三公 table uses it to tell "2026年预算数" (本年) from "2025年预算数" (上年).
   */
  groupOf?: (label: string) => SangongGroup | null;
  /** Whether a column is a 增减率 (read into `rates`). */
  rateOf?: (label: string) => boolean;
}

export function parseSangong(ctx: RegionContext, template: TemplateInfo, defaultGroup: SangongGroup, opts: SangongOptions = {}): SangongTable | ParseFailure {
  const groupOf = opts.groupOf ?? ((l: string) => sangongGroupOf(l, defaultGroup));
  const meta: MetaInfo = {};
  const header = readHeader(ctx, meta);
  if (header.bottom < header.top) return failure(template, ctx, "未找到表头");
  const table: SangongTable = { ...createBase(ctx, template, meta), kind: "sangong", groups: {} };
  const colItems = [...header.labels.entries()]
    .map(([col, l]) => ({ col, l, item: sangongItemOf(l) }))
    .filter((x) => x.item !== null)
    .sort((a, b) => a.col - b.col);
  const horizontal = colItems.filter((x) => x.item !== "operating").length >= 3;
  let lastRow = header.dataTop - 1;
  if (horizontal) {
    // The data row: the first row below the header with a figure in an item column (or the first row at all).
    let dataRow = -1;
    for (let r = header.dataTop; r <= ctx.region.bottom; r++) {
      // A note below an empty table ("注：本表反映……") is not its data row.
      if (rowCells(ctx, r).some(({ cell }) => /^(注|说明)[:：]/.test(norm(cell.text)) || /[\u4e00-\u9fff]{12,}/.test(cell.text))) break;
      const has = colItems.some((x) => {
        const c = ctx.sheet.rows.get(r)?.get(x.col);
        return !!c && c.text.trim() !== "";
      });
      if (has) {
        dataRow = r;
        break;
      }
    }
    if (dataRow < 0) dataRow = header.dataTop;
    for (const { col, l, item } of colItems) {
      if (opts.rateOf?.(l)) {
        const rates = (table.rates ??= {});
        if (!rates[item!]) rates[item!] = amountCell(ctx, table, dataRow, col, `增减率“${SANGONG_ITEM_TITLES[item!]}”`);
        continue;
      }
      const group = groupOf(l);
      if (!group) continue;
      const g = (table.groups[group] ??= {});
      if (g[item!]) continue;
      g[item!] = amountCell(ctx, table, dataRow, col, `${SANGONG_GROUP_TITLES[group]}“${SANGONG_ITEM_TITLES[item!]}”`);
    }
    lastRow = dataRow;
  } else {
    // Vertical: label column = first column; group columns = the others with a group word.
    const cols = [...header.labels.keys()].sort((a, b) => a - b);
    const labelCol = cols[0];
    const groupWords = opts.groupOf ? /预算|决算|本年|上年|增减|金额|20\d{2}年/ : /预算|决算|本年|上年|增减|金额/;
    const groupCols = cols.filter((c) => c !== labelCol && groupWords.test(header.labels.get(c)!) && groupOf(header.labels.get(c)!) !== null);
    if (labelCol === undefined || groupCols.length === 0) return failure(template, ctx, "未找到“三公”经费各项目栏");
    const rateCols = opts.rateOf ? cols.filter((c) => c !== labelCol && opts.rateOf!(header.labels.get(c)!)) : [];
    for (let r = header.dataTop; r <= ctx.region.bottom; r++) {
      const item = sangongItemOf(norm(textAt(ctx, r, labelCol)).replace(/^[一二三四五六七八九十\d]+[、.]/, ""));
      if (!item) continue;
      if (rateCols.length) {
        const rates = (table.rates ??= {});
        if (!rates[item]) rates[item] = amountCell(ctx, table, r, rateCols[0], `增减率“${SANGONG_ITEM_TITLES[item]}”`);
      }
      for (const gc of groupCols) {
        const group = groupOf(header.labels.get(gc)!)!;
        const g = (table.groups[group] ??= {});
        if (!g[item]) g[item] = amountCell(ctx, table, r, gc, `${SANGONG_GROUP_TITLES[group]}“${SANGONG_ITEM_TITLES[item]}”`);
      }
      lastRow = r;
    }
    if (Object.keys(table.groups).length === 0) return failure(template, ctx, "未找到“三公”经费各项目行");
  }
  collectNotes(ctx, table, lastRow + 1);
  return table;
}
