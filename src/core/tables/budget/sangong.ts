/**
 * “三公”经费(和机关运行经费)预算表 (budgetSangong): a SangongTable (kind "sangong",
 * read by tables/sangong.ts, horizontal or vertical layout).
 *
 * Groups (`groups[group][item]`):
 * - current: this year's budget (本年 / "2026年预算数" / Shanghai's single "“三公”经费预算数"
 *   group, and "机关运行经费预算数");
 * - previous: last year's budget (上年 / "2025年预算数");
 * - change: 增减金额 (增减 / 比上年增减). A 增减率 (%) column is not read.
 * A column headed with a year is 本年 when it is the table's year (from the title,
 * else the latest year in the header) and 上年 when it is the year before; other
 * years and 决算/执行数 columns are not read.
 *
 * Items: total (合计), abroad (因公出国(境)费), reception (公务接待费), car
 * (公务用车购置及运行费 小计), carPurchase (购置费), carRun (运行费), operating
 * (机关运行经费). Shanghai publishes this table in 万元 while the other tables are in 元.
 */
import { ParseFailure } from "../base";
import { RegionContext, readHeader } from "../header";
import { SangongGroup, SangongTable, parseSangong } from "../sangong";
import { BUDGET_SANGONG } from "./info";

const YEAR = /(20\d{2})\s*年?/;

export function budgetSangongGroupOf(label: string, currentYear: number | undefined): SangongGroup | null {
  if (/率|%|％|百分比/.test(label)) return null;
  if (/增减|增长|变动|比上年|差额/.test(label)) return "change";
  const y = YEAR.exec(label);
  if (y) {
    const year = parseInt(y[1], 10);
    if (currentYear === undefined || year === currentYear) return "current";
    if (year === currentYear - 1) return "previous";
    return null;
  }
  if (/上年|上一年/.test(label)) return "previous";
  if (/决算|执行/.test(label)) return null;
  return "current";
}

export function parseBudgetSangong(ctx: RegionContext): SangongTable | ParseFailure {
  const titleYear = YEAR.exec(ctx.title);
  let current = titleYear ? parseInt(titleYear[1], 10) : undefined;
  if (current === undefined) {
    // No year in the title: the latest year named in the header is this year.
    for (const l of readHeader(ctx, {}).labels.values()) {
      for (const m of l.matchAll(/(20\d{2})年/g)) current = Math.max(current ?? 0, parseInt(m[1], 10));
    }
  }
  return parseSangong(ctx, BUDGET_SANGONG, "current", { groupOf: (l) => budgetSangongGroupOf(l, current) });
}
