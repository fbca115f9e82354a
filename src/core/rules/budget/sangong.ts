/**
 * “三公”经费和机关运行经费预算表 (budgetSangong), spec §2:
 * - budget.sangong.sum: 合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费;
 *   小计 = 购置费 + 运行费 (本年, 上年 and 增减 groups each);
 * - budget.sangong.change: 增减金额 = 本年 − 上年, per item;
 * - budget.sangong.change-rate: 增减率 = (本年 − 上年) ÷ 上年, per item (none over a zero 上年);
 * - budget.sangong-08.operating: 机关运行经费 against the 公用经费 合计 of the
 *   基本支出经济分类预算表 (万元 against 元: compared in 元, each shown in its unit).
 *
 * 机关运行经费 is, by definition (名词解释), the 日常公用经费 of 行政单位 and
 * 参公事业单位 paid from 一般公共预算 基本支出: it never exceeds the 公用经费 of the
 * 基本支出 table (warning), and equals it when the whole budget is that of
 * 行政/参公 units (error). The workbook says so when:
 * - a text states it: "本单位为行政单位", "属于参照公务员法管理的事业单位",
 *   "行政单位1家，事业单位0家" (the 机构设置 sheet);
 * - or it is a unit budget (titles "预算单位…", "单位“三公”…") of an organ whose
 *   name ends in 局 / 委员会 / 办公室 / 厅 / 人民政府 / 街道办事处 / 法院 / 检察院 ….
 * A department budget (部门 = the organ and its subordinate units, some of them
 * 事业单位) only gets the inequality unless a text says every unit is 行政/参公.
 */
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { BudgetCodedTable } from "../../tables/budget/coded";
import { SANGONG_ITEM_TITLES, SangongItem, SangongTable } from "../../tables/sangong";
import { refA1, tableLabel, uniqueRefs } from "../../tables/types";
import { Amount, intervalOf } from "../../amount/amount";
import { HUNDRED, halfUnit } from "../../amount/decimal";
import { formatNumber } from "../../amount/format";
import { Interval } from "../../amount/interval";
import { WorkbookSnapshot } from "../../grid/snapshot";
import { sangongSumRule } from "../final/final07";
import { Rule, compact } from "../types";
import { BudgetSet, budgetSets, eq, le } from "./sets";

export const budgetSangongSum = sangongSumRule(
  "budget.sangong.sum",
  "budgetSangong",
  "“三公”经费预算表：合计＝因公出国(境)费＋公务接待费＋公务用车购置及运行费；小计＝购置费＋运行费（本年、上年、增减各栏分别成立）",
  "budget",
);

export const budgetSangongChange: Rule = {
  id: "budget.sangong.change",
  title: "“三公”经费预算表：增减金额应等于本年预算数减上年预算数（每一项）",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<SangongTable>("budgetSangong")) {
      const { current, previous, change } = t.groups;
      if (!current || !previous || !change) continue;
      for (const item of Object.keys(change) as SangongItem[]) {
        const c = change[item];
        const a = current[item];
        const b = previous[item];
        if (!c || !a || !b) continue;
        const name = SANGONG_ITEM_TITLES[item];
        out.push(eq(ctx, this.id, `${tableLabel(t)}：${name}增减金额应等于本年预算数减上年预算数`, [c], `${name}增减金额`, [a, { cell: b, sign: -1 }], "本年预算数－上年预算数", "error", [c.ref]));
      }
    }
    return compact(out);
  },
};

/**
 * A stated rate as an interval in percent, by the decimals it shows ("12.5%" stands
 * for [12.45, 12.55]): the table's money precision does not apply to a rate. A
 * plain fraction (0.125 in a 增减率 column) reads as 12.5 %.
 */
function rateAsShown(a: Amount): Interval {
  const v = a.value;
  const dp = Math.max(v.decimalPlaces(), 0);
  if (!a.percent && v.abs().lte(1) && dp > 2) return Interval.around(v.times(HUNDRED), halfUnit(dp - 2));
  return Interval.around(v, halfUnit(dp));
}

/**
 * 增减率 = (本年 − 上年) ÷ 上年 × 100 %, per item (the 增减金额 column stands for
 * 本年 − 上年 when there is one). Interval tolerance: the exact rate lies between the
 * quotients of the two figures' rounding intervals; the stated rate is right when
 * its own display interval overlaps that range ("12.5%" for 1.35 ÷ 10.80). A rate
 * over a 上年 of zero is undefined: a figure written there (other than 0 or a dash)
 * is a warning ("上年为 0，增减率无法计算，应填“—”或不填").
 */
export const budgetSangongChangeRate: Rule = {
  id: "budget.sangong.change-rate",
  title: "“三公”经费表：增减率应等于（本年－上年）÷上年（每一项）；上年为 0 时不应填写增减率",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SangongTable>("budgetSangong")) {
      const { current, previous, change } = t.groups;
      if (!t.rates || !previous) continue;
      for (const item of Object.keys(t.rates) as SangongItem[]) {
        const r = t.rates[item]!;
        const prev = previous[item];
        if (!r.amount || r.amount.blank || !prev?.amount) continue;
        const diffCells = change?.[item]?.amount ? [change[item]!] : current?.[item]?.amount ? [current[item]!, prev] : undefined;
        if (!diffCells) continue;
        const name = SANGONG_ITEM_TITLES[item];
        const stated = rateAsShown(r.amount);
        const shown = `${r.amount.value.toString()}${r.amount.percent ? "%" : ""}`;
        const prevIv = intervalOf(prev.amount);
        if (prevIv.lo.lte(0) && prevIv.hi.gte(0)) {
          if (r.amount.value.isZero()) continue;
          out.push({
            rule: this.id,
            severity: "warning",
            message: `${tableLabel(t)}：${name}上年为 ${prev.amount.value.toString()}，增减率无法计算（以 0 为基数），但${refA1(r.ref)}填了 ${shown}；应填“—”或不填，并在说明中写“上年无此项支出”。`,
            cells: [r.ref, prev.ref],
            tables: [t.id],
            expected: "—",
            actual: shown,
          });
          continue;
        }
        const diff = diffCells.length === 1 ? intervalOf(diffCells[0].amount!) : intervalOf(diffCells[0].amount!).sub(prevIv);
        const rate = diff.div(prevIv)?.times(HUNDRED);
        if (!rate || rate.overlaps(stated)) continue;
        const mid = rate.mid();
        const how = diffCells.length === 1 ? `${refA1(diffCells[0].ref)} 增减金额 ÷ ${refA1(prev.ref)} 上年数` : `（${refA1(diffCells[0].ref)} 本年 − ${refA1(prev.ref)} 上年）÷ 上年`;
        out.push({
          rule: this.id,
          severity: "error",
          message: `${tableLabel(t)}：${name}增减率（${refA1(r.ref)}）为 ${shown}，按 ${how} 计算应为 ${formatNumber(mid, 2)}%。`,
          cells: uniqueRefs([r.ref, ...diffCells.map((c) => c.ref), prev.ref]),
          tables: [t.id],
          expected: `${formatNumber(mid, 2)}%`,
          actual: shown,
        });
      }
    }
    return out;
  },
};

const ADMIN_NAME = /(局|委员会|委|办公室|办|厅|人民政府|政府|办事处|人民法院|法院|人民检察院|检察院|监察委员会)$/;
const ADMIN_TEXT = /本(部门|单位)(为|是|系|属于?)(行政单位|行政机关|机关|参照公务员法管理的事业单位|参公事业单位|参公单位)/;
const COUNT = "(\\d+|[一二三四五六七八九十]+|零)";

/** Texts of a workbook's cells (covers, 机构设置, notes) without spaces, as written; cached per snapshot. */
const textsCache = new WeakMap<WorkbookSnapshot, string[]>();
function workbookTexts(wb: WorkbookSnapshot): string[] {
  let texts = textsCache.get(wb);
  if (!texts) {
    texts = [];
    for (const s of wb.sheets)
      for (const row of s.rows.values())
        for (const c of row.values()) if (typeof c.value === "string" && c.text.length >= 4 && /单位|机关|部门/.test(c.text)) texts.push(c.text.replace(/[\s\u3000]+/g, ""));
    textsCache.set(wb, texts);
  }
  return texts;
}

function zeroCount(s: string): boolean {
  return s === "0" || s === "零";
}

/** Why the set is the budget of 行政/参公 units only, or undefined when the workbook does not say so. */
export function administrativeReason(wb: WorkbookSnapshot, set: BudgetSet): string | undefined {
  const texts = workbookTexts(wb);
  for (const t of texts) {
    const m = ADMIN_TEXT.exec(t);
    if (m) return `工作簿写明“${m[0]}”`;
    const counts = new RegExp(`行政单位${COUNT}家.{0,6}事业单位${COUNT}家`).exec(t);
    if (counts && !zeroCount(counts[1]) && zeroCount(counts[2])) return `工作簿写明“${counts[0]}”`;
  }
  const unitBudget = set.tables.some((t) => /预算单位|^(20\d{2}年度?)?单位/.test(norm(t.title)));
  if (!unitBudget) return undefined;
  let name = set.tables.map((t) => t.department).find((d) => d && norm(d).length > 1);
  if (!name) {
    for (const t of texts) {
      const m = /^(预算单位|编制单位|单位名称)[:：](.{2,40})$/.exec(t);
      if (m) {
        name = m[2];
        break;
      }
    }
  }
  if (name && ADMIN_NAME.test(norm(name)) && !/XX|××/i.test(name)) return `预算单位“${name}”是行政机关`;
  return undefined;
}

export const budgetSangongOperating: Rule = {
  id: "budget.sangong-08.operating",
  title: "机关运行经费预算数：行政单位（含参公事业单位）应等于一般公共预算基本支出经济分类预算表公用经费合计；其他部门不应大于公用经费合计",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const sg = set.get<SangongTable>("budgetSangong");
      const t08 = set.get<BudgetCodedTable>("budget08");
      const op = sg?.groups.current?.operating;
      const pub = t08?.total?.cells.public;
      if (!sg || !t08 || !op || !pub) continue;
      const why = administrativeReason(ctx.workbook, set);
      const a = tableLabel(sg);
      const b = tableLabel(t08);
      if (why)
        out.push(eq(ctx, this.id, `${a}机关运行经费预算数应等于${b}公用经费合计（${why}，机关运行经费即其一般公共预算基本支出中的公用经费）`, [op], "机关运行经费预算数", [pub], `${b}公用经费合计`, "error", [op.ref]));
      else
        out.push(le(ctx, this.id, `${a}机关运行经费预算数不应大于${b}公用经费合计（机关运行经费是行政单位和参公事业单位公用经费的一部分）`, [op], "机关运行经费预算数", [pub], `${b}公用经费合计`, "warning"));
    }
    return compact(out);
  },
};

export const SANGONG_BUDGET_RULES: Rule[] = [budgetSangongSum, budgetSangongChange, budgetSangongChangeRate, budgetSangongOperating];
