/**
 * “三公”经费(和机关运行经费)预算表 (budgetSangong): a SangongTable (kind "sangong",
 * read by tables/sangong.ts, horizontal or vertical layout).
 *
 * Groups (`groups[group][item]`):
 * - current: this year's budget (本年 / "2026年预算数" / Shanghai's single "“三公”经费预算数"
 *   group, and "机关运行经费预算数");
 * - previous: last year's budget (上年 / "2025年预算数");
 * - change: 增减金额 (增减 / 比上年增减);
 * - rates (not a group): 增减率 / 增长率 (%), checked by budget.sangong.change-rate.
 * A column headed with a year is 本年 when it is the table's year (from the title,
 * else the latest year in the header) and 上年 when it is the year before; other
 * years and 决算/执行数 columns are not read. A table whose figure columns are all 决算
 * (a year-on-year “三公” table of a final account, "2020年决算数 | 2021年决算数") is
 * named by its own title in messages, not as a 预算表.
 *
 * Items: total (合计), abroad (因公出国(境)费), reception (公务接待费), car
 * (公务用车购置及运行费 小计), carPurchase (购置费), carRun (运行费), operating
 * (机关运行经费). Shanghai publishes this table in 万元 while the other tables are in 元.
 */
import { ParseFailure } from "../base";
import { RegionContext, readHeader } from "../header";
import { SangongGroup, SangongTable, parseSangong } from "../sangong";
import { BUDGET_SANGONG } from "./info";
import { cleanTitle } from "../../recognize/recognize";

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
  // The header's labels, read once for the year and the stage (parseSangong reads the block itself).
  const labels = [...readHeader(ctx, {}).labels.values()];
  const titleYear = YEAR.exec(ctx.title);
  let current = titleYear ? parseInt(titleYear[1], 10) : undefined;
  if (current === undefined) {
    // No year in the title: the latest year named in the header is this year.
    for (const l of labels) for (const m of l.matchAll(/(20\d{2})年/g)) current = Math.max(current ?? 0, parseInt(m[1], 10));
  }
  const t = parseSangong(ctx, BUDGET_SANGONG, "current", { groupOf: (l) => budgetSangongGroupOf(l, current), rateOf: isChangeRate });
  if (!("failed" in t) && labels.some((l) => /决算|执行数|实际支出/.test(l)) && !labels.some((l) => /预算/.test(l))) t.name = ownName(ctx.title) || t.name;
  return t;
}

/** The table's own name from its title, without department and year: "“三公”经费支出情况表". */
function ownName(title: string): string {
  return cleanTitle(title)
    .replace(/^.*?20\d{2}年度?/, "")
    .replace(/^(一般公共预算(财政拨款)?)?三公/, (m) => m.replace(/三公$/, "“三公”"));
}

/** A 增减率 column: a rate (率, %) of a change (增减, 增长, 比上年, 同比). */
function isChangeRate(label: string): boolean {
  return /率|%|％|百分比/.test(label) && /增减|增长|增幅|降幅|变动|比上年|同比/.test(label);
}
