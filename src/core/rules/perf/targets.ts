/**
 * Targets (绩效指标值) of every performance table, and the budget-stage target
 * tables' funds and spending plan: every value readable ("比较符＋数值＋单位" or a
 * qualitative phrase), directions that make sense, cost ceilings within the
 * project's money, every indicator category present, 资金 totals, and a
 * 资金支出计划 that rises to 100 %.
 */
import { Decimal, HUNDRED, ONE, halfUnit } from "../../amount/decimal";
import { Amount } from "../../amount/amount";
import { Finding } from "../../report/finding";
import { comparatorSymbol, moneyInYuan } from "../../perf/indicator";
import { expectedDirection, isCostIndicator, subCategory, topCategory } from "../../perf/direction";
import { FundLine, PerfIndicator, PerfKind, PerfTable } from "../../tables/perf/model";
import { AmountCell } from "../../tables/types";
import { atMost } from "../relation";
import { Rule } from "../types";
import { at, finding, indName, num, perfLabel, perfRule, present, shownAmount } from "./common";
import { fundsRelations } from "./scores";
import { isPlaceholderName } from "../../tables/perf/indicators";

const ALL: PerfKind[] | undefined = undefined;

function realIndicators(t: PerfTable): PerfIndicator[] {
  // A placeholder name ("指标 1:", "…") with a value written next to it is still a row to check.
  return (t.indicators?.indicators ?? []).filter((i) => (i.name && !isPlaceholderName(i.name)) || (i.target && i.target.text));
}

export const targetValueParse = perfRule(
  "perf.target.value-parse",
  "绩效目标：每个指标值都应可识别——“比较符＋数值＋单位”（如“≥95%”“≤1天”“=1套”）或明确的定性表述；空白或只写单位（如“%”）是错误",
  "error",
  ALL,
  (t, _c, r) => {
    const out: Finding[] = [];
    const block = t.indicators;
    if (!block || block.columns.target === undefined) return out;
    for (const i of realIndicators(t)) {
      if (!i.target) continue;
      const v = i.target.value;
      if (!v.problem && !(v.kind === "quantity" && v.noUnit)) continue;
      const where = `${perfLabel(t)}${indName(i)}的指标值（${at(i.target.ref)}）`;
      if (v.problem) {
        const severity = v.problem.code === "unparseable" ? "warning" : "error";
        const what =
          v.problem.code === "empty"
            ? "为空，没有可考核的目标"
            : v.problem.code === "bare-unit"
              ? `“${i.target.text}”只有${v.comparator ? "比较符和" : ""}单位，没有数值，无法考核`
              : `“${i.target.text}”无法识别`;
        out.push(
          finding({
            rule: r.id,
            severity,
            table: t,
            message: `${where}${what}；应写成“比较符＋数值＋单位”（如“≥95%”“≤1天”“=1套”），不能量化的写明确的定性表述。`,
            cells: [i.target.ref],
            actual: i.target.text || "（空）",
          }),
        );
      } else if (v.kind === "quantity" && v.noUnit) {
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${where}“${i.target.text}”只有数值，没有计量单位（%、人、个、万元…），目标含义不明确。`,
            cells: [i.target.ref],
            actual: i.target.text,
          }),
        );
      }
    }
    return out;
  },
);

export const targetDirection = perfRule(
  "perf.target.direction",
  "绩效目标：比较符方向应合理——满意度、覆盖率、落实率、及时率等应越高越好（≥），数量指标为下限，成本、时限、违规率等为上限（≤）；“≤100%”没有约束力",
  "warning",
  ALL,
  (t, _c, r) => {
    const out: Finding[] = [];
    for (const i of realIndicators(t)) {
      if (!i.target) continue;
      const v = i.target.value;
      if ((v.kind !== "quantity" && v.kind !== "range") || !v.comparator) continue;
      const hint = expectedDirection(i, v);
      const upper = v.comparator === "<=" || v.comparator === "<";
      const lower = v.comparator === ">=" || v.comparator === ">";
      const target = i.target;
      // Named only when a finding is written.
      const where = () => `${perfLabel(t)}${indName(i)}的指标值“${target.text}”（${at(target.ref)}）`;
      const sym = comparatorSymbol(v.comparator);
      if (hint?.direction === "higher" && upper) {
        const vacuous = v.unit === "%" && v.number!.value.eq(100);
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${where()}写成了上限（${sym}）：${hint.reason}，应写“≥”或“=”${vacuous ? "；“≤100%”任何结果都满足，没有约束力" : ""}。`,
            cells: [i.target.ref],
            expected: "≥ 或 =",
            actual: i.target.text,
          }),
        );
      } else if (hint?.direction === "lower" && lower) {
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${where()}写成了下限（${sym}）：${hint.reason}。`,
            cells: [i.target.ref],
            expected: "≤",
            actual: i.target.text,
          }),
        );
      } else if (!hint && upper && v.unit === "%" && v.number!.value.eq(100)) {
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${where()}为“≤100%”：任何结果都满足这个上限，目标没有约束力；比率类指标一般应写“≥”（如“≥95%”）或“=100%”。`,
            cells: [i.target.ref],
            expected: "≥ 或 =",
            actual: i.target.text,
          }),
        );
      }
    }
    return out;
  },
);

/** The project's money for the year, in 元, from the funds block (年度资金总额 / 全年预算数 / 年初预算数). */
function yearFunds(t: PerfTable): (AmountCell & { amount: Amount }) | undefined {
  const total = t.funds?.lines.find((l: FundLine) => l.key === "total");
  if (!total) return undefined;
  const c = total.cells;
  const candidates = [c.annual, c.budget, c.yearStart, c.value].filter((x): x is AmountCell & { amount: Amount } => present(x));
  if (!candidates.length) return undefined;
  // The largest of the year's figures: a ceiling above every one of them is above the money.
  return candidates.reduce((a, b) => (b.amount.value.gt(a.amount.value) ? b : a));
}

export const targetCostCeiling = perfRule(
  "perf.target.cost-ceiling",
  "绩效目标：以金额表示的成本指标不应超过项目当年资金",
  "warning",
  ALL,
  (t, _c, r) => {
    const out: Finding[] = [];
    // The year's money, worked out when the form has a cost indicator written as an amount.
    let year: { funds: AmountCell & { amount: Amount }; ceiling: Decimal } | undefined;
    for (const i of realIndicators(t)) {
      if (!i.target || !isCostIndicator(i)) continue;
      if (/人均|单价|均价|每/.test(i.name)) continue;
      const yuan = moneyInYuan(i.target.value, true);
      if (!yuan) continue;
      if (!year) {
        const f = yearFunds(t);
        if (!f) return [];
        // The upper end of the figure's rounding interval, in 元.
        year = { funds: f, ceiling: f.amount.value.plus(halfUnit(f.amount.decimals)).times(t.scale) };
      }
      if (yuan.lte(year.ceiling)) continue;
      const funds = year.funds;
      const inUnit = yuan.div(t.scale);
      out.push(
        finding({
          rule: r.id,
          severity: "warning",
          table: t,
          message: `${perfLabel(t)}成本指标${indName(i)}的指标值“${i.target.text}”（${at(i.target.ref)}）为 ${num(inUnit)}${t.unit}，超过项目当年资金 ${shownAmount(funds.amount)}${t.unit}（${at(funds.ref)}），多出 ${num(inUnit.minus(funds.amount.value))}${t.unit}；成本不会超过项目资金，请核对指标值或单位。`,
          cells: [i.target.ref, funds.ref],
          expected: `≤ ${shownAmount(funds.amount)}${t.unit}`,
          actual: i.target.text,
        }),
      );
    }
    return out;
  },
);

const PROJECT: PerfKind[] = ["perfSelfEval", "perfTarget", "perfCompletion"];

export const targetCategories = perfRule(
  "perf.target.categories",
  "绩效目标：产出指标（数量、质量、时效、成本）、效益指标、满意度指标各至少有一个指标",
  "warning",
  PROJECT,
  (t, _c, r) => {
    const ind = realIndicators(t).filter((i) => (i.target && i.target.value.kind !== "empty") || present(i.points));
    if (!ind.length || !t.indicators) return [];
    const have = new Set<string>();
    for (const i of ind) {
      const top = topCategory(i.level1Name);
      const sub = subCategory(i.level2Name, i.level1Name);
      if (top === "成本" || sub === "成本") have.add("成本");
      else if (top === "产出" && (sub === "数量" || sub === "质量" || sub === "时效")) have.add(sub);
      if (top === "效益") have.add("效益");
      if (top === "满意度" || sub === "满意度") have.add("满意度");
    }
    const need = ["数量", "质量", "时效", "成本", "效益", "满意度"];
    const missing = need.filter((k) => !have.has(k));
    if (!missing.length) return [];
    const names = missing.map((k) => (k === "效益" || k === "满意度" ? `${k}指标` : `产出指标中的${k}指标`));
    const headerCell = t.indicators.columns.level1 !== undefined ? { sheet: t.sheet, row: t.indicators.headerRow, col: t.indicators.columns.level1 } : undefined;
    return [
      finding({
        rule: r.id,
        severity: "warning",
        table: t,
        message: `${perfLabel(t)}缺少${names.join("、")}（没有填写指标值的行不算）。`,
        cells: headerCell ? [headerCell] : [],
        expected: need.join("、"),
        actual: [...have].join("、") || "（无）",
      }),
    ];
  },
);

const TARGET: PerfKind[] = ["perfTarget"];

export const targetFundsSum = perfRule("perf.target.funds-sum", "绩效目标表：年度（实施期）资金总额应等于财政拨款与其他资金之和", "error", TARGET, (t, ctx, r) => fundsRelations(ctx, r.id, t));

export const targetPeriodFunds = perfRule("perf.target.period-funds", "绩效目标表：实施期资金总额不应小于年度资金总额", "warning", TARGET, (t, ctx, r) => {
  const out: Finding[] = [];
  for (const l of t.funds?.lines ?? []) {
    const p = l.cells.period;
    const a = l.cells.annual;
    if (!p || !a) continue;
    const fd = atMost(ctx, r.id, () => `${perfLabel(t)}：“${l.label}”的年度资金不应超过实施期资金`, [a], `年度资金（${at(a.ref)}）`, [p], `实施期资金（${at(p.ref)}）`, "warning");
    if (fd) out.push(fd);
  }
  return out;
});

export const targetSpendingPlan = perfRule(
  "perf.target.spending-plan",
  "绩效目标表：资金支出计划（3月底、6月底、10月底、12月底或各季度累计进度）应逐期不减，并在年底达到 100%；按金额编列的各期之和（或累计末期）应等于项目当年资金",
  "error",
  ALL,
  (t, _c, r) => {
    const plan = t.plan;
    if (!plan || plan.length < 2) return [];
    const vals = plan.map((p) => p.cell.amount);
    if (vals.some((v) => !v)) return [];
    // Fractions (0.25 … 1) in a column without %: read as percentages.
    const fraction = vals.every((v) => !v!.percent && v!.value.lte(ONE));
    const pct = (i: number) => (fraction ? vals[i]!.value.times(HUNDRED) : vals[i]!.value);
    const out: Finding[] = [];
    // Amounts rather than percentages (河北: 一季度 … 四季度 in 万元): no %, not fractions, not a
    // cumulative run to 100. They must add up to the project's money (per period), or run up to it (cumulative).
    const funds = yearFunds(t);
    const rising = vals.every((v, k) => k === 0 || v!.value.gte(vals[k - 1]!.value));
    if (funds?.amount && !fraction && vals.every((v) => !v!.percent) && !(rising && pct(plan.length - 1).eq(HUNDRED))) {
      const total = funds.amount.value;
      const decimals = Math.max(funds.amount.decimals, ...vals.map((v) => v!.decimals));
      const tol = new Decimal(5).times(new Decimal(10).pow(-(decimals + 1))).times(plan.length);
      const sum = vals.reduce((a, v) => a.plus(v!.value), new Decimal(0));
      const lastV = vals[plan.length - 1]!.value;
      if (sum.minus(total).abs().lte(tol) || (rising && lastV.minus(total).abs().lte(tol))) return out;
      const last = plan[plan.length - 1];
      return [
        finding({
          rule: r.id,
          severity: "error",
          table: t,
          message: `${perfLabel(t)}资金支出计划按金额编列：各期之和 ${num(sum)}${t.unit}（${at(plan[0].cell.ref)}–${at(last.cell.ref)}）不等于项目当年资金 ${shownAmount(funds.amount)}${t.unit}（${at(funds.ref)}），相差 ${num(sum.minus(total))}${t.unit}${rising ? "；若为累计数，末期也应等于项目资金" : ""}。`,
          cells: [last.cell.ref, ...plan.slice(0, -1).map((p) => p.cell.ref), funds.ref],
          expected: shownAmount(funds.amount),
          actual: num(sum),
        }),
      ];
    }
    for (let k = 1; k < plan.length; k++) {
      if (pct(k).gte(pct(k - 1))) continue;
      out.push(
        finding({
          rule: r.id,
          severity: "error",
          table: t,
          message: `${perfLabel(t)}资金支出计划是累计进度，应逐期不减：“${plan[k].label.text}”（${at(plan[k].cell.ref)}）为 ${num(pct(k))}%，低于“${plan[k - 1].label.text}”（${at(plan[k - 1].cell.ref)}）的 ${num(pct(k - 1))}%。`,
          cells: [plan[k].cell.ref, plan[k - 1].cell.ref],
          expected: `≥ ${num(pct(k - 1))}%`,
          actual: `${num(pct(k))}%`,
        }),
      );
    }
    const last = plan[plan.length - 1];
    const lastPct = pct(plan.length - 1);
    if (!lastPct.eq(HUNDRED))
      out.push(
        finding({
          rule: r.id,
          severity: "error",
          table: t,
          message: `${perfLabel(t)}资金支出计划最后一期“${last.label.text}”（${at(last.cell.ref)}）应为 100%，表中为 ${num(lastPct)}%${last.month !== 12 ? "；计划也应排到 12 月底" : ""}。`,
          cells: [last.cell.ref],
          expected: "100%",
          actual: `${num(lastPct)}%`,
        }),
      );
    return out;
  },
);

export const TARGET_RULES: Rule[] = [targetValueParse, targetDirection, targetCostCeiling, targetCategories, targetFundsSum, targetPeriodFunds, targetSpendingPlan];
