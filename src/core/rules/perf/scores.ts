/**
 * Scores of the evaluation tables (项目支出绩效自评表, 整体自评表, scored frameworks):
 * funds, 预算执行率 and its score, every indicator's score recomputed, 0 ≤ 得分 ≤ 分值,
 * Σ 分值 = 100 and the subtotals written in labels, the standard weight split,
 * missing 偏差原因, 总分 = Σ 得分, and 评价等次.
 */
import { Amount, exactInFixed } from "../../amount/amount";
import { Decimal, HUNDRED } from "../../amount/decimal";
import { FIXED_HUNDRED, FIXED_ONE, fixedToDecimal } from "../../amount/fixed";
import { Finding } from "../../report/finding";
import { fmtScore, scoreIndicator } from "../../scoring/indicator";
import { compareScore } from "../../scoring/compare";
import { RULE_EXECUTION, executionScoreHolds, executionScoreInterval, rateInterval, statedRateHolds, statedRateInterval } from "../../scoring/execution";
import { NATIONAL_GRADES, describeScheme, gradeOf, readGrade, schemeOf } from "../../scoring/grade";
import { expectedDirection, topCategory } from "../../perf/direction";
import { FundLine, FundsBlock, PerfIndicator, PerfKind, PerfTable } from "../../tables/perf/model";
import { AmountCell, CellRef } from "../../tables/types";
import { Term, checkRelation, sumEquals } from "../relation";
import { Rule, RuleContext } from "../types";
import { at, finding, indName, num, perfLabel, perfRule, present, shownAmount, sumFixed, within } from "./common";

const EVAL: PerfKind[] = ["perfSelfEval", "perfCompletion"];
const HALF_CENT = new Decimal("0.005");
const FIXED_ZERO = BigInt(0);
/** 0.005 in fixed point (value × 10^7). */
const HALF_CENT_FIXED = BigInt(50000);
const LOCAL_RULE_NOTE = "如执行本地评分办法，请在偏差原因中注明所用办法。";

// ---------------------------------------------------------------- funds

const SOURCE_KEYS = new Set(["fiscal", "carry", "other", "part"]);
const STRUCTURE_KEYS = new Set(["basic", "project"]);

function columnTitle(f: FundsBlock, k: string): string {
  return (f.columnLabels as Record<string, string | undefined>)[k] ?? k;
}

/** 资金总额 = Σ 其中 lines (sources), and = 基本支出 + 项目支出 (structure), per column; 结余 = 预算 − 执行. */
export function fundsRelations(ctx: RuleContext, rule: string, t: PerfTable): Finding[] {
  const f = t.funds;
  if (!f) return [];
  const out: Finding[] = [];
  const total = f.lines.find((l) => l.key === "total");
  if (total) {
    for (const [keys, what] of [
      [SOURCE_KEYS, "资金来源各项"],
      [STRUCTURE_KEYS, "基本支出与项目支出"],
    ] as [Set<string>, string][]) {
      const parts = f.lines.filter((l) => keys.has(l.key));
      if (!parts.length || (parts.length === 1 && keys === SOURCE_KEYS && parts[0].key !== "fiscal" && parts[0].key !== "part")) continue;
      for (const col of f.columns) {
        if (col === "balance") continue;
        const tc = total.cells[col];
        const items = parts.map((p) => p.cells[col]).filter((c): c is AmountCell => !!c);
        if (!tc || !items.length) continue;
        const names = parts.map((p) => `“${p.label.replace(/^其中[:：]/, "")}”`).join("＋");
        const fd = sumEquals(
          ctx,
          rule,
          () => `${perfLabel(t)}：“${total.label}”的“${columnTitle(f, col)}”应等于${what}之和（${names}）`,
          tc,
          `“${total.label}”`,
          items,
          names,
        );
        if (fd) out.push(fd);
      }
    }
  }
  // 结余 = 预算 − 执行 on every line that has the three.
  if (f.columns.includes("balance")) {
    for (const l of f.lines) {
      const bal = l.cells.balance;
      const bud = l.cells.budget ?? l.cells.yearStart;
      const exe = l.cells.executed;
      if (!bal || !bud || !exe) continue;
      const fd = checkRelation(ctx, {
        rule,
        severity: "error",
        kind: "eq",
        statement: () => `${perfLabel(t)}：“${l.label}”结余应等于全年预算数减实际支出`,
        lhs: { terms: [bal], label: "结余" },
        rhs: { terms: [bud, { cell: exe, sign: -1 }] as Term[], label: "预算数－实际支出" },
        lead: [bal.ref],
      });
      if (fd) out.push(fd);
    }
  }
  return out;
}

function budgetOf(l: FundLine): AmountCell | undefined {
  return present(l.cells.budget) ? l.cells.budget : present(l.cells.yearStart) ? l.cells.yearStart : l.cells.value;
}

/** Stated 执行率 = 执行数 ÷ 预算数 on every line that states one. */
export function rateChecks(rule: string, t: PerfTable): Finding[] {
  const f = t.funds;
  if (!f) return [];
  const out: Finding[] = [];
  for (const l of f.lines) {
    if (!present(l.rate)) continue;
    const exe = l.cells.executed;
    const bud = budgetOf(l);
    if (!present(exe) || !present(bud)) continue;
    if (statedRateHolds(l.rate.amount, exe.amount, bud.amount)) continue;
    const iv = rateInterval(exe.amount, bud.amount);
    if (!iv) continue;
    const stated = statedRateInterval(l.rate.amount);
    if (stated.overlaps(iv)) continue;
    const exact = exe.amount.value.div(bud.amount.value).times(HUNDRED);
    out.push(
      finding({
        rule,
        severity: "error",
        table: t,
        message: `${perfLabel(t)}“${l.label}”的执行率应等于执行数÷预算数：${num(exe.amount.value)}（${at(exe.ref)}）÷${num(bud.amount.value)}（${at(bud.ref)}）＝${num(exact)}%，表中执行率（${at(l.rate.ref)}）为 ${shownAmount(l.rate.amount)}。`,
        cells: [l.rate.ref, exe.ref, bud.ref],
        expected: `${num(exact)}%`,
        actual: shownAmount(l.rate.amount),
      }),
    );
  }
  return out;
}

export const selfevalFundsSum = perfRule("perf.selfeval.funds-sum", "项目支出绩效自评表：年度资金总额应等于财政拨款与其他资金之和（各金额栏）；结余应等于预算数减实际支出", "error", EVAL, (t, ctx, r) =>
  fundsRelations(ctx, r.id, t),
);

export const selfevalExecutionRate = perfRule("perf.selfeval.execution-rate", "项目支出绩效自评表：执行率应等于全年执行数÷全年预算数（按显示位数允许尾差）", "error", EVAL, (t, _ctx, r) => rateChecks(r.id, t));

export const selfevalExecutionScore = perfRule(
  "perf.selfeval.execution-score",
  "项目支出绩效自评表：预算执行率得分应为分值×执行率（超过100%按100%计）",
  "warning",
  EVAL,
  (t, _ctx, r) => {
    const f = t.funds;
    if (!f || !present(f.points) || !present(f.score)) return [];
    const total = f.lines.find((l) => l.key === "total") ?? f.lines[0];
    const exe = total.cells.executed;
    const bud = budgetOf(total);
    if (!present(exe) || !present(bud)) return [];
    if (executionScoreHolds(f.score.amount, exe.amount, bud.amount, f.points.amount)) return [];
    const iv = rateInterval(exe.amount, bud.amount);
    if (!iv) return [];
    const points = f.points.amount.value;
    const scoreIv = executionScoreInterval(iv, points);
    const cmp = compareScore(f.score.amount, scoreIv);
    if (cmp.verdict === "ok") return [];
    const rate = exe.amount.value.div(bud.amount.value).times(HUNDRED);
    const capped = Decimal.min(rate, HUNDRED);
    const computed = capped.times(points).div(HUNDRED);
    const over = rate.gt(HUNDRED) ? `，超过100%按100%计` : "";
    const formula = `执行率 ${num(exe.amount.value)}÷${num(bud.amount.value)}＝${num(rate)}%${over}，${fmtPts(points)}×${num(capped)}%＝${fmtScore(computed)}`;
    return [
      finding({
        rule: r.id,
        severity: cmp.verdict === "tail" ? "info" : "warning",
        table: t,
        message:
          cmp.verdict === "tail"
            ? `${perfLabel(t)}预算执行率得分（${at(f.score.ref)}）为 ${shownAmount(f.score.amount)}，按‘${RULE_EXECUTION}’计算为 ${fmtScore(computed)}，相差 ${num(cmp.diff)}，在尾差范围内。`
            : `${perfLabel(t)}预算执行率得分（${at(f.score.ref)}）为 ${shownAmount(f.score.amount)}，按‘${RULE_EXECUTION}’计算：${formula}，相差 ${num(f.score.amount.value.minus(computed).abs())}。${LOCAL_RULE_NOTE.replace("偏差原因中", "说明中")}`,
        cells: [f.score.ref, exe.ref, bud.ref, f.points.ref],
        expected: fmtScore(computed),
        actual: shownAmount(f.score.amount),
      }),
    ];
  },
);

function fmtPts(p: Decimal): string {
  return p.isInteger() ? p.toFixed(0) : p.toString();
}

// ---------------------------------------------------------------- indicators

function scoredIndicators(t: PerfTable): (PerfIndicator & { points: AmountCell; score: AmountCell })[] {
  return (t.indicators?.indicators ?? []).filter((i): i is PerfIndicator & { points: AmountCell; score: AmountCell } => present(i.points) && present(i.score));
}

export const selfevalIndicatorScore = perfRule(
  "perf.selfeval.indicator-score",
  "项目支出绩效自评表：定量指标得分应按完成比例计算（正向：实际值÷目标值×分值；反向：目标值÷实际值×分值；最高为分值）；定性指标得分应在达成程度对应的档次内",
  "warning",
  EVAL,
  (t, _ctx, r) => {
    const out: Finding[] = [];
    for (const i of scoredIndicators(t)) {
      if (!i.target || !i.actual) continue;
      const points = i.points.amount!.value;
      const stated = i.score.amount!;
      const s = scoreIndicator(i, i.target.value, i.actual.value, points, t.year);
      // Named only when a finding is written.
      const where = () => `${perfLabel(t)}${indName(i)}得分（${at(i.score.ref)}）为 ${shownAmount(stated)}`;
      const base = () => ({ rule: r.id, table: t, cells: [i.score.ref, i.actual!.ref, i.target!.ref, i.points.ref] as CellRef[] });
      if (s.kind === "computed") {
        const cmp = compareScore(stated, s.value);
        if (cmp.verdict === "ok") continue;
        const assumption = s.assumption ? `（${s.assumption}）` : "";
        if (cmp.verdict === "tail")
          out.push(finding({ ...base(), severity: "info", message: `${where()}，按‘${s.rule}’计算为 ${fmtScore(s.value)}${assumption}，相差 ${num(cmp.diff)}，属尾差。`, expected: fmtScore(s.value), actual: shownAmount(stated) }));
        else
          out.push(
            finding({
              ...base(),
              severity: "warning",
              message: `${where()}，与指标值“${i.target.text}”（${at(i.target.ref)}）、实际完成值“${i.actual.text}”（${at(i.actual.ref)}）、分值 ${fmtPts(points)} 不符：按‘${s.rule}’计算：${s.formula}${assumption}，相差 ${num(stated.value.minus(s.value).abs())}。${LOCAL_RULE_NOTE}`,
              expected: fmtScore(s.value),
              actual: shownAmount(stated),
            }),
          );
      } else if (s.kind === "full") {
        if (compareScore(stated, points).verdict !== "differs") continue;
        out.push(
          finding({
            ...base(),
            severity: "warning",
            message: `${where()}，低于分值 ${fmtPts(points)}：${s.reason}，目标已达成，按‘达成目标得满分’应得 ${fmtScore(points)}。${LOCAL_RULE_NOTE}`,
            expected: fmtScore(points),
            actual: shownAmount(stated),
          }),
        );
      } else if (s.kind === "late") {
        const full = compareScore(stated, points).verdict !== "differs";
        out.push(
          finding({
            ...base(),
            severity: full ? "warning" : "info",
            message: full
              ? `${where()}（满分），但${s.reason}，未按期完成不应得满分。`
              : `${where()}：${s.reason}，已扣分；扣分幅度无统一公式，未复核。`,
            expected: full ? `低于 ${fmtPts(points)}` : undefined,
            actual: shownAmount(stated),
          }),
        );
      } else if (s.kind === "band") {
        const v = stated.value;
        if (s.outcome === "met" && compareScore(stated, points).verdict !== "differs") continue; // achieved, full score
        const inBand = v.gte(s.lo.minus(HALF_CENT)) && v.lte(s.hi.plus(HALF_CENT));
        const what = s.outcome === "met" ? "达成" : s.outcome === "partial" ? "部分达成" : "未达成";
        out.push(
          finding({
            ...base(),
            severity: inBand ? "info" : "warning",
            message: inBand
              ? `${where()}：实际完成情况“${i.actual.text}”为${what}，得分在‘${s.rule}’的相应档次（${fmtScore(s.lo)}–${fmtScore(s.hi)}）内，具体分数无法复核。`
              : `${where()}：实际完成情况“${i.actual.text}”为${what}，按‘${s.rule}’应在 ${fmtScore(s.lo)}–${fmtScore(s.hi)} 之间。${LOCAL_RULE_NOTE}`,
            expected: `${fmtScore(s.lo)}–${fmtScore(s.hi)}`,
            actual: shownAmount(stated),
          }),
        );
      } else if (compareScore(stated, points).verdict === "differs" || s.reason.includes("单位不同")) {
        out.push(finding({ ...base(), severity: "info", message: `${where()}：${s.reason}，得分未复核。`, actual: shownAmount(stated) }));
      }
    }
    return out;
  },
);

function scoreRange(rule: string, t: PerfTable): Finding[] {
  const out: Finding[] = [];
  // `name` gives the figure's name, written only in a finding.
  const check = (score: AmountCell, points: AmountCell, name: () => string) => {
    // Decided on the fixed-point figures when they are exact (decimals are made only for a message).
    const sa = score.amount!;
    const pa = points.amount!;
    const exact = exactInFixed(sa) && exactInFixed(pa);
    if (exact && sa.fixed >= FIXED_ZERO && sa.fixed <= pa.fixed + HALF_CENT_FIXED) return;
    const s = sa.value;
    const p = pa.value;
    if (s.lt(0))
      out.push(finding({ rule, severity: "error", table: t, message: `${perfLabel(t)}${name()}得分（${at(score.ref)}）为负数 ${shownAmount(score.amount)}。`, cells: [score.ref], expected: `0–${fmtPts(p)}`, actual: shownAmount(score.amount) }));
    else if (s.gt(p.plus(HALF_CENT)))
      out.push(
        finding({
          rule,
          severity: "error",
          table: t,
          message: `${perfLabel(t)}${name()}得分（${at(score.ref)}）为 ${shownAmount(score.amount)}，超过其分值 ${fmtPts(p)}（${at(points.ref)}）：得分最高为分值。`,
          cells: [score.ref, points.ref],
          expected: `≤ ${fmtPts(p)}`,
          actual: shownAmount(score.amount),
        }),
      );
  };
  for (const i of scoredIndicators(t)) check(i.score, i.points, () => indName(i));
  if (t.funds && present(t.funds.points) && present(t.funds.score)) check(t.funds.score, t.funds.points, () => "预算执行率");
  return out;
}

/** Σ 分值 = 100 (with 预算执行率), the 总分 line's 分值 = Σ, and the block label ("绩效指标 (90)") = Σ indicator 分值. */
function pointsTotal(ctx: RuleContext, rule: string, t: PerfTable): Finding[] {
  const block = t.indicators;
  if (!block) return [];
  const ind = block.indicators.filter((i) => present(i.points)).map((i) => i.points!);
  if (!ind.length) return [];
  const all = t.funds && present(t.funds.points) ? [t.funds.points, ...ind] : ind;
  const out: Finding[] = [];
  const total = sumFixed(all);
  if (!within(total, FIXED_HUNDRED)) {
    const sum = fixedToDecimal(total.sum);
    const lead: CellRef[] = t.total && present(t.total.points) ? [t.total.points.ref] : [];
    out.push(
      finding({
        rule,
        severity: "error",
        table: t,
        message: `${perfLabel(t)}各项分值之和应为 100${t.funds && present(t.funds.points) ? `（含预算执行率 ${fmtPts(t.funds.points.amount.value)} 分）` : ""}，实际为 ${num(sum)}，相差 ${num(sum.minus(100).abs())}。`,
        cells: [...lead, ...all.map((c) => c.ref)],
        expected: "100",
        actual: num(sum),
      }),
    );
  }
  if (t.total && present(t.total.points)) {
    const fd = sumEquals(ctx, rule, () => `${perfLabel(t)}：${t.total!.label.text}行的分值应等于各项分值之和`, t.total.points, `${t.total.label.text}分值`, all, "各项分值之和");
    if (fd) out.push(fd);
  }
  const bl = block.blockLabel;
  const indSum = sumFixed(ind);
  if (bl?.statedPoints && !within(indSum, bl.statedPoints.fixed)) {
    const s2 = fixedToDecimal(indSum.sum);
    out.push(
      finding({
        rule,
        severity: "error",
        table: t,
        message: `${perfLabel(t)}“${bl.text}”（${at(bl.ref)}）标明 ${fmtPts(bl.statedPoints.value)} 分，但其下各指标分值之和为 ${num(s2)}，相差 ${num(s2.minus(bl.statedPoints.value).abs())}。`,
        cells: [bl.ref, ...ind.map((c) => c.ref)],
        expected: fmtPts(bl.statedPoints.value),
        actual: num(s2),
      }),
    );
  }
  return out;
}

/** The points written in a group label ("产出指标 (50)") = Σ the group's 分值. */
function groupPoints(rule: string, t: PerfTable): Finding[] {
  const out: Finding[] = [];
  for (const g of t.indicators?.groups ?? []) {
    if (!g.statedPoints) continue;
    const cells = g.indicators.filter((i) => present(i.points)).map((i) => i.points!);
    if (!cells.length) continue;
    const total = sumFixed(cells);
    if (within(total, g.statedPoints.fixed)) continue;
    const sum = fixedToDecimal(total.sum);
    out.push(
      finding({
        rule,
        severity: "error",
        table: t,
        message: `${perfLabel(t)}“${g.label.text}”（${at(g.label.ref)}）标明 ${fmtPts(g.statedPoints.value)} 分，其下各指标分值之和为 ${num(sum)}，相差 ${num(sum.minus(g.statedPoints.value).abs())}。`,
        cells: [g.label.ref, ...cells.map((c) => c.ref)],
        expected: fmtPts(g.statedPoints.value),
        actual: num(sum),
      }),
    );
  }
  return out;
}

/** 总分 = Σ 得分 (with 预算执行率 得分). Without per-indicator scores the 总分 cannot be verified (info). */
function totalScore(ctx: RuleContext, rule: string, t: PerfTable): Finding[] {
  const total = t.total;
  if (!total || !present(total.score)) return [];
  const scores = (t.indicators?.indicators ?? []).filter((i) => present(i.score)).map((i) => i.score!);
  if (!scores.length) {
    return [
      finding({
        rule,
        severity: "info",
        table: t,
        message: `${perfLabel(t)}没有逐项的分值和得分栏，${total.label.text}（${at(total.score.ref)}）${shownAmount(total.score.amount)} 无法复核。`,
        cells: [total.score.ref],
      }),
    ];
  }
  const items = t.funds && present(t.funds.score) ? [t.funds.score, ...scores] : scores;
  const fd = sumEquals(
    ctx,
    rule,
    () => `${perfLabel(t)}：${total.label.text}应等于各项得分之和${t.funds && present(t.funds.score) ? "（含预算执行率得分）" : ""}`,
    total.score,
    total.label.text,
    items,
    "各项得分之和",
  );
  return fd ? [fd] : [];
}

function gradeCheck(rule: string, t: PerfTable): Finding[] {
  if (!t.grade || !t.total || !present(t.total.score)) return [];
  const scheme = schemeOf(t.grade.text);
  const stated = readGrade(t.grade.text, scheme);
  const expected = gradeOf(t.total.score.amount.value, scheme);
  if (!stated)
    return [
      finding({
        rule,
        severity: "warning",
        table: t,
        message: `${perfLabel(t)}评价等次（${at(t.grade.ref)}）写为“${t.grade.text}”，不是“${scheme.levels.map((l) => l.name).join("/")}”之一；按 ${shownAmount(t.total.score.amount)} 分应为“${expected.name}”。`,
        cells: [t.grade.ref, t.total.score.ref],
        expected: expected.name,
        actual: t.grade.text,
      }),
    ];
  if (stated.name === expected.name) return [];
  return [
    finding({
      rule,
      severity: "error",
      table: t,
      message: `${perfLabel(t)}评价等次（${at(t.grade.ref)}）为“${t.grade.text}”，但${t.total.label.text}（${at(t.total.score.ref)}）为 ${shownAmount(t.total.score.amount)}，按（${describeScheme(scheme)}）应为“${expected.name}”。`,
      cells: [t.grade.ref, t.total.score.ref],
      expected: expected.name,
      actual: t.grade.text,
    }),
  ];
}


const STANDARD_SPLIT: [string, number][] = [
  ["产出", 50],
  ["效益", 30],
  ["满意度", 10],
  ["预算执行率", 10],
];

export const selfevalWeights = perfRule("perf.selfeval.weights", "项目支出绩效自评表：权重一般为产出50、效益30、满意度10、预算执行率10（调整权重应说明理由）", "warning", ["perfSelfEval"], (t) => {
  const ind = (t.indicators?.indicators ?? []).filter((i) => present(i.points));
  if (!ind.length) return [];
  // Exact sums on the fixed-point form of the points (the standard split is in whole points).
  const sums = new Map<string, bigint>(STANDARD_SPLIT.map(([k]) => [k, FIXED_ZERO]));
  for (const i of ind) {
    let top: string = topCategory(i.level1Name);
    if (top === "成本") top = "产出";
    const sum = sums.get(top);
    if (sum === undefined) return []; // an unusual framework: no standard to compare with
    sums.set(top, sum + i.points!.amount!.fixed);
  }
  sums.set("预算执行率", t.funds && present(t.funds.points) ? t.funds.points.amount.fixed : FIXED_ZERO);
  const differs = STANDARD_SPLIT.some(([k, v]) => sums.get(k)! !== BigInt(v) * FIXED_ONE);
  if (!differs) return [];
  const split = STANDARD_SPLIT.map(([k]) => `${k} ${fmtPts(fixedToDecimal(sums.get(k)!))}`).join("、");
  const labels = (t.indicators?.groups ?? []).filter((g) => g.level === 1).map((g) => g.label.ref);
  return [
    finding({
      rule: "perf.selfeval.weights",
      severity: "warning",
      table: t,
      message: `${perfLabel(t)}的分值分配为 ${split}，与通常的“产出 50、效益 30、满意度 10、预算执行率 10”不同；特殊情况可以调整，但应说明理由。`,
      cells: [...labels, ...(t.funds?.points ? [t.funds.points.ref] : [])],
      expected: "产出 50、效益 30、满意度 10、预算执行率 10",
      actual: split,
    }),
  ];
});

const NO_REASON = /^(无|-|—|\/|空|\.+|…+)?$/;

/** 得分 < 分值 − 0.005: on the fixed-point figures when they are exact, else on the decimals. */
function scoreBelowPoints(score: Amount, points: Amount): boolean {
  if (exactInFixed(score) && exactInFixed(points)) return score.fixed < points.fixed - HALF_CENT_FIXED;
  return score.value.lt(points.value.minus(HALF_CENT));
}

export const selfevalDeviationReason = perfRule(
  "perf.selfeval.deviation-reason",
  "项目支出绩效自评表：得分低于分值（或未完成目标）的指标应填写偏差原因分析及改进措施",
  "warning",
  EVAL,
  (t, _ctx, r) => {
    const out: Finding[] = [];
    const block = t.indicators;
    if (!block) return out;
    const reasonCol = block.columns.reason;
    const reasonRef = (i: PerfIndicator): CellRef[] => (reasonCol !== undefined ? [{ sheet: t.sheet, row: i.row, col: reasonCol }] : []);
    const missing = (i: PerfIndicator) => !i.reason || NO_REASON.test(i.reason.text.replace(/\s/g, ""));
    for (const i of block.indicators) {
      if (!missing(i)) continue;
      if (present(i.score) && present(i.points) && scoreBelowPoints(i.score.amount, i.points.amount)) {
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${perfLabel(t)}${indName(i)}得分 ${shownAmount(i.score.amount)}（${at(i.score.ref)}）低于分值 ${fmtPts(i.points.amount.value)}，扣了 ${num(i.points.amount.value.minus(i.score.amount.value))} 分，但没有填写偏差原因分析及改进措施。`,
            cells: [...reasonCol !== undefined ? reasonRef(i) : [], i.score.ref],
          }),
        );
        continue;
      }
      // 实际完成值 written as a percentage of the target: below 100 (or above 100 against a ceiling) is a miss.
      if (block.actualIsCompletionPercent && i.actual && i.actual.value.kind === "quantity" && i.target) {
        const pct = i.actual.value.number!.value;
        const tv = i.target.value;
        const cmp = tv.comparator;
        const lowerIsBetter = cmp === "<=" || cmp === "<" || (!cmp && expectedDirection(i, tv)?.direction === "lower");
        const missed = cmp === "=" ? !pct.eq(100) : lowerIsBetter ? pct.gt(100) : pct.lt(100);
        if (!missed) continue;
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${perfLabel(t)}${indName(i)}实际完成值（${at(i.actual.ref)}）为目标“${i.target.text}”的 ${i.actual.text}%，未完全达到目标，但没有填写偏差原因分析及改进措施。`,
            cells: [...reasonRef(i), i.actual.ref],
          }),
        );
      }
    }
    return out;
  },
);

export const selfevalScoreRange = perfRule("perf.selfeval.score-range", "项目支出绩效自评表：每项得分应在 0 与分值之间", "error", EVAL, (t, _c, r) => scoreRange(r.id, t));
export const selfevalPointsTotal = perfRule("perf.selfeval.points-total", "项目支出绩效自评表：各项分值（含预算执行率）之和应为 100，总分行分值、“绩效指标（90）”等标明的分值应与各项之和一致", "error", EVAL, (t, c, r) => pointsTotal(c, r.id, t));
export const selfevalGroupPoints = perfRule("perf.selfeval.group-points", "项目支出绩效自评表：一级指标标明的分值（如“产出指标（50）”）应等于其下各指标分值之和", "error", EVAL, (t, _c, r) => groupPoints(r.id, t));
export const selfevalTotal = perfRule("perf.selfeval.total", "项目支出绩效自评表：总分应等于各项得分之和（含预算执行率得分）", "error", EVAL, (t, c, r) => totalScore(c, r.id, t));
export const selfevalGrade = perfRule("perf.selfeval.grade", `项目支出绩效自评表：评价等次应与总分相符（${describeScheme(NATIONAL_GRADES)}）`, "error", EVAL, (t, _c, r) => gradeCheck(r.id, t));

export const selfevalActualValue = perfRule(
  "perf.selfeval.actual-value",
  "项目支出绩效自评表：实际完成值应填写，并与指标值使用同一计量单位",
  "warning",
  EVAL,
  (t, _c, r) => {
    const out: Finding[] = [];
    const block = t.indicators;
    if (!block || block.columns.actual === undefined) return out;
    for (const i of block.indicators) {
      if (!i.target || !i.actual || i.target.value.kind === "empty") continue;
      const a = i.actual.value;
      if (a.kind === "empty" || a.kind === "invalid") {
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${perfLabel(t)}${indName(i)}的实际完成值（${at(i.actual.ref)}）${a.kind === "empty" ? "为空" : `“${i.actual.text}”无法识别（${a.problem!.message}）`}，无法判断是否完成目标“${i.target.text}”。`,
            cells: [i.actual.ref, i.target.ref],
          }),
        );
        continue;
      }
      const tv = i.target.value;
      if (block.actualIsCompletionPercent) continue;
      if ((tv.kind === "quantity" || tv.kind === "range") && a.kind === "quantity" && tv.unit !== a.unit && !(tv.noUnit || a.noUnit)) {
        const bare = (v: typeof a) => !v.unit && v.multiplier && !v.multiplier.eq(1);
        if ((tv.unit === "元" && bare(a)) || (a.unit === "元" && bare(tv))) continue;
        out.push(
          finding({
            rule: r.id,
            severity: "warning",
            table: t,
            message: `${perfLabel(t)}${indName(i)}的指标值“${i.target.text}”（${at(i.target.ref)}）与实际完成值“${i.actual.text}”（${at(i.actual.ref)}）计量单位不同，无法比较完成程度。`,
            cells: [i.actual.ref, i.target.ref],
          }),
        );
      }
    }
    return out;
  },
);

// ---------------------------------------------------------------- frameworks and whole-department tables

const FRAME: PerfKind[] = ["perfFramework"];
export const frameworkGroupPoints = perfRule("perf.framework.group-points", "绩效评价表：一级（二级）指标标明的分值应等于其下各指标分值之和", "error", FRAME, (t, _c, r) => groupPoints(r.id, t));
export const frameworkPointsTotal = perfRule("perf.framework.points-total", "绩效评价表：各指标分值之和应为 100，合计行分值应等于各项之和", "error", FRAME, (t, c, r) => pointsTotal(c, r.id, t));
export const frameworkScoreRange = perfRule("perf.framework.score-range", "绩效评价表：自评分应在 0 与分值之间", "error", FRAME, (t, _c, r) => scoreRange(r.id, t));
export const frameworkTotal = perfRule("perf.framework.total", "绩效评价表：合计（总分）应等于各项自评分之和", "error", FRAME, (t, c, r) => totalScore(c, r.id, t));
export const frameworkGrade = perfRule("perf.framework.grade", `绩效评价表：评价等次应与总分相符（${describeScheme(NATIONAL_GRADES)}）`, "error", FRAME, (t, _c, r) => gradeCheck(r.id, t));

const WHOLE: PerfKind[] = ["perfWhole"];
export const wholeFundsSum = perfRule("perf.whole.funds-sum", "整体绩效表：部门预算总额应等于财政性资金与其他资金之和，也应等于基本支出与项目支出之和", "error", WHOLE, (t, ctx, r) => fundsRelations(ctx, r.id, t));
export const wholeExecutionRate = perfRule("perf.whole.execution-rate", "整体绩效自评表：执行率应等于实际执行数÷全年预算数", "error", WHOLE, (t, _c, r) => rateChecks(r.id, t));
export const wholePointsTotal = perfRule("perf.whole.points-total", "整体绩效自评表：各指标分值之和应为 100", "error", WHOLE, (t, c, r) => pointsTotal(c, r.id, t));
export const wholeTotal = perfRule("perf.whole.total", "整体绩效自评表：总分应等于各项自评分之和", "error", WHOLE, (t, c, r) => totalScore(c, r.id, t));
export const wholeGrade = perfRule("perf.whole.grade", `整体绩效自评表：评价等次应与总分相符（${describeScheme(NATIONAL_GRADES)}）`, "error", WHOLE, (t, _c, r) => gradeCheck(r.id, t));

export const SCORE_RULES: Rule[] = [
  selfevalFundsSum,
  selfevalExecutionRate,
  selfevalExecutionScore,
  selfevalIndicatorScore,
  selfevalScoreRange,
  selfevalPointsTotal,
  selfevalGroupPoints,
  selfevalWeights,
  selfevalDeviationReason,
  selfevalTotal,
  selfevalGrade,
  selfevalActualValue,
  frameworkGroupPoints,
  frameworkPointsTotal,
  frameworkScoreRange,
  frameworkTotal,
  frameworkGrade,
  wholeFundsSum,
  wholeExecutionRate,
  wholePointsTotal,
  wholeTotal,
  wholeGrade,
];
