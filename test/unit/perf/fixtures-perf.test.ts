/**
 * Acceptance on real published performance tables, errors included:
 * baotou-2022-project-selfeval.xlsx (five 项目支出绩效自评表 + 情况说明),
 * anyang-2021-targets.xlsx (整体绩效目标表 + three 项目绩效目标表) and the 绩效
 * sheets of anyang-2021-final.xlsx (整体预算绩效自评表 + three 项目支出绩效评价自评表,
 * next to 公开01–08表).
 */
import { CheckResult, checkWorkbook } from "../../../src/core/check";
import { Finding } from "../../../src/core/report/finding";
import { PerfTable } from "../../../src/core/tables/perf/model";
import { addr, cellsOf, fixture } from "../../support/fixtures";
import { withCell } from "../../support/sheet";

const perf = (r: CheckResult) => r.tables.filter((t) => t.family === "perf") as PerfTable[];
const of = (r: CheckResult, rule: string, severity?: string) => r.findings.filter((f) => f.rule === rule && (!severity || f.severity === severity));
const at = (fs: Finding[], cell: string) => fs.find((f) => f.cells[0] && addr(f.cells[0]) === cell);

describe("baotou-2022-project-selfeval.xlsx", () => {
  let r: CheckResult;
  beforeAll(async () => {
    r = checkWorkbook(await fixture("baotou-2022-project-selfeval.xlsx"));
  });

  test("the five self-evaluation tables are recognised, with their projects, funds and indicators", () => {
    const ts = perf(r);
    expect(ts.map((t) => `${t.template}@${t.sheet}`)).toEqual([
      "perfSelfEval@项目自评-慢性病鉴定复检",
      "perfSelfEval@项目自评-停征医保证弥补成本",
      "perfSelfEval@项目自评-非在编人员经费",
      "perfSelfEval@项目自评-能力提升补助",
      "perfSelfEval@项目自评-产权变更税金",
    ]);
    expect(ts.map((t) => t.subject?.text)).toEqual(["医保慢性病鉴定复检", "停征城镇职工基本医疗保险证弥补成本性支出", "非在编人员经费", "医疗服务与保障能力提升补助资金（医疗保障）", "国有资产产权变更税金"]);
    expect(ts.map((t) => t.indicators!.indicators.length)).toEqual([11, 11, 11, 11, 11]);
    expect(ts.every((t) => t.year === 2022 && t.total?.score && t.funds?.score)).toBe(true);
    expect(r.recognition.failures).toEqual([]);
  });

  test("scores the rules do not give are reported with the recomputed value and the formula", () => {
    const fs = of(r, "perf.selfeval.indicator-score", "warning");
    const s = "项目自评-慢性病鉴定复检";
    const h12 = at(fs, `${s}!H12`)!;
    expect(h12.expected).toBe("4.40");
    expect(h12.actual).toBe("6");
    expect(h12.message).toContain("按‘正向指标得分＝实际值÷目标值×分值，最高为分值’计算：10990÷20000×8＝4.40");
    expect(cellsOf(h12)).toEqual([`${s}!H12`, `${s}!F12`, `${s}!E12`, `${s}!G12`]);
    expect(at(fs, `${s}!H13`)!.expected).toBe("4.50"); // 9001 ÷ 14000 × 7
    expect(at(fs, `${s}!H15`)!.expected).toBe("7.71"); // 81.9 ÷ 85 × 8
    expect(at(fs, `${s}!H36`)!.expected).toBe("9.58"); // 92 ÷ 96 × 10
    const cost = at(fs, "项目自评-非在编人员经费!H21")!;
    expect(cost.expected).toBe("2.57");
    expect(cost.message).toContain("38÷73.96×5＝2.57");
    expect(cost.message).toContain("反向指标");
    expect(fs.map((f) => addr(f.cells[0])).sort()).toEqual([`${s}!H12`, `${s}!H13`, `${s}!H15`, `${s}!H36`, "项目自评-非在编人员经费!H21"].sort());
  });

  test("tables whose scores are right raise no score warning", () => {
    const right = ["项目自评-停征医保证弥补成本", "项目自评-能力提升补助", "项目自评-产权变更税金"];
    const scoreRules = /^perf\.selfeval\.(indicator-score|execution-score|total|score-range|points-total|group-points|deviation-reason)$/;
    expect(r.findings.filter((f) => scoreRules.test(f.rule) && f.severity !== "info" && right.includes(f.cells[0].sheet))).toEqual([]);
    // 工资缴纳人数 20 → 19, 8 → 7.6 and 社保缴纳人数 7 → 6.65 are right.
    const fs = of(r, "perf.selfeval.indicator-score");
    expect(at(fs, "项目自评-非在编人员经费!H12")).toBeUndefined();
    expect(at(fs, "项目自评-非在编人员经费!H13")).toBeUndefined();
  });

  test("预算执行率 得分 9.52 for 194.63 % is 10.00 under the national rule; 72.6 % for 29.04/40 passes", () => {
    const fs = of(r, "perf.selfeval.execution-score");
    expect(fs).toHaveLength(1);
    expect(addr(fs[0].cells[0])).toBe("项目自评-非在编人员经费!H6");
    expect(fs[0].expected).toBe("10.00");
    expect(of(r, "perf.selfeval.execution-rate")).toEqual([]);
  });

  test("总分 sums are verified (five relations hold), Σ 分值 = 100 and the label subtotals agree", () => {
    const totals = r.relations.filter((x) => x.rule === "perf.selfeval.total");
    expect(totals).toHaveLength(5);
    expect(totals.every((x) => x.holds)).toBe(true);
    expect(of(r, "perf.selfeval.total")).toEqual([]);
    expect(of(r, "perf.selfeval.points-total")).toEqual([]);
    expect(of(r, "perf.selfeval.group-points")).toEqual([]);
    expect(of(r, "perf.selfeval.weights")).toEqual([]);
  });

  test("points lost without a 偏差原因 are reported", () => {
    const fs = of(r, "perf.selfeval.deviation-reason", "warning").map((f) => addr(f.cells[0]));
    expect(fs).toEqual(["项目自评-慢性病鉴定复检!I36", "项目自评-非在编人员经费!I13", "项目自评-非在编人员经费!I21"]);
  });

  test("the narrative's 46.67 万元 for 国有资产产权变更税金 contradicts its table (84.24)", () => {
    const fs = of(r, "perf.narrative.figures");
    expect(fs).toHaveLength(2);
    expect(fs.every((f) => f.severity === "error")).toBe(true);
    expect(fs.map(cellsOf)).toEqual([
      ["情况说明!A90", "项目自评-产权变更税金!D6"],
      ["情况说明!A90", "项目自评-产权变更税金!E6"],
    ]);
    expect(fs[0].message).toContain("46.67");
    expect(fs[0].message).toContain("84.24");
    expect(fs[0].message).toContain("37.57");
  });

  test("numbers without a unit are targets of unclear meaning (非在编 E12, E13: “20”)", () => {
    expect(of(r, "perf.target.value-parse").map((f) => addr(f.cells[0]))).toEqual(["项目自评-非在编人员经费!E12", "项目自评-非在编人员经费!E13"]);
    expect(of(r, "perf.target.value-parse").every((f) => f.severity === "warning")).toBe(true);
  });

  test("no error beyond the narrative; nothing else is reported", () => {
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["perf.narrative.figures", "perf.narrative.figures"]);
    // The one info: the 情况说明 cannot be checked figure by figure without 公开表 in the workbook.
    // Two warnings are the text's own: "完成预算的 0.00%" over the zero budgets of 出国 and 接待 (A60).
    expect(r.summary).toEqual({ error: 2, warning: 13, info: 1 });
  });
});

describe("anyang-2021-targets.xlsx", () => {
  let r: CheckResult;
  beforeAll(async () => {
    r = checkWorkbook(await fixture("anyang-2021-targets.xlsx"));
  });

  test("the whole-department target table and three project target tables are recognised", () => {
    expect(perf(r).map((t) => `${t.template}@${t.sheet}`)).toEqual([
      "perfWholeTarget@整体绩效目标",
      "perfTarget@项目目标-离休干部医疗费",
      "perfTarget@项目目标-城乡居民医保补助",
      "perfTarget@项目目标-医保信息化DRGs",
    ]);
    const whole = perf(r)[0];
    expect(whole.funds!.lines.map((l) => l.key)).toEqual(["total", "fiscal", "other", "basic", "project"]);
    expect(whole.year).toBe(2021);
  });

  test("“≤550人” on a 数量指标 count and “≤100%” on 落实率 indicators are direction warnings", () => {
    const fs = of(r, "perf.target.direction", "warning");
    const s = "项目目标-离休干部医疗费";
    expect(at(fs, `${s}!E14`)!.message).toContain("≤550人");
    expect(at(fs, `${s}!E14`)!.message).toContain("数量指标");
    expect(at(fs, `${s}!E17`)!.message).toContain("落实率");
    expect(at(fs, `${s}!E17`)!.message).toContain("没有约束力");
    expect(at(fs, `${s}!E21`)!.message).toContain("落实率");
    expect(at(fs, "项目目标-城乡居民医保补助!E17")).toBeDefined();
    expect(fs.map((f) => addr(f.cells[0]))).toEqual([
      `${s}!E14`,
      `${s}!E15`,
      `${s}!E16`,
      `${s}!E17`,
      `${s}!E21`,
      `${s}!E23`,
      `${s}!E24`,
      `${s}!E25`,
      "项目目标-城乡居民医保补助!E17",
    ]);
  });

  test("the funds add up (10,408.32 = 10,408.32 + 0 = 587.02 + 9,821.30) and no error is raised", () => {
    expect(of(r, "perf.whole.funds-sum")).toEqual([]);
    expect(of(r, "perf.target.funds-sum")).toEqual([]);
    expect(r.relations.filter((x) => x.rule === "perf.whole.funds-sum").length).toBe(2);
    expect(r.summary.error).toBe(0);
  });

  test("bare numbers as 指标值 (90, 10, 80, 90) lack a unit", () => {
    expect(of(r, "perf.target.value-parse").map((f) => addr(f.cells[0]))).toEqual(["整体绩效目标!D17", "整体绩效目标!D18", "整体绩效目标!D19", "整体绩效目标!D20"]);
  });
});

describe("anyang-2021-final.xlsx (绩效 sheets)", () => {
  let r: CheckResult;
  beforeAll(async () => {
    r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  });

  test("the whole-department self-evaluation and three project self-evaluations are recognised", () => {
    expect(perf(r).map((t) => `${t.template}@${t.sheet}`)).toEqual([
      "perfWholeSelfEval@整体绩效自评",
      "perfSelfEval@项目自评-基金监管专项",
      "perfSelfEval@项目自评-第三方审核平台",
      "perfSelfEval@项目自评-医保信息化DRGs",
    ]);
    const p = perf(r)[1];
    expect(p.indicators!.actualIsCompletionPercent).toBe(true);
    expect(p.grade?.text).toBe("优");
    expect(p.total?.score?.amount?.value.toString()).toBe("94.2");
  });

  test("资金结构 项目支出 and 基本支出 are swapped against 公开05表: one error naming both cells", () => {
    const fs = of(r, "perf.whole.structure-vs-05", "error");
    expect(fs).toHaveLength(1);
    expect(cellsOf(fs[0])).toEqual(["整体绩效自评!F17", "整体绩效自评!F18", "整体绩效自评!E17", "整体绩效自评!E18", "公开05表!D7", "公开05表!E7"]);
    expect(fs[0].message).toContain("填反");
    expect(fs[0].expected).toBe("基本支出 1,219.27，项目支出 984.49");
    expect(fs[0].actual).toBe("基本支出 984.49，项目支出 1,219.27");
    // The total agrees with 公开05表 within rounding (2,203.7563 vs 2,203.76): a tail, not an error.
    expect(of(r, "perf.whole.structure-vs-05", "info")).toHaveLength(1);
  });

  test("a cost ceiling above the project's money, and an unreadable target, are reported", () => {
    const cost = of(r, "perf.target.cost-ceiling");
    expect(cost.map(cellsOf)).toEqual([["项目自评-第三方审核平台!G29", "项目自评-第三方审核平台!C10"]]);
    expect(of(r, "perf.target.value-parse").map((f) => addr(f.cells[0]))).toContain("项目自评-第三方审核平台!G25");
  });

  test("grades agree with the 综合得分; 综合得分 without per-indicator scores is reported as not verifiable (info)", () => {
    expect(of(r, "perf.selfeval.grade")).toEqual([]);
    const info = of(r, "perf.selfeval.total", "info");
    expect(info.map((f) => addr(f.cells[0]))).toEqual(["项目自评-基金监管专项!C35", "项目自评-第三方审核平台!C38", "项目自评-医保信息化DRGs!C35"]);
  });

  test("the narrative quotes the three projects correctly; the 整体 figures are truncated (2,203.75 for 2,203.7563)", () => {
    const fs = of(r, "perf.narrative.figures");
    // Truncated, not rounded: info (issue 12: the clerk's habit, not a wrong figure).
    expect(fs.every((f) => f.severity === "info")).toBe(true);
    expect(fs.map(cellsOf)).toEqual([
      ["情况说明!A51", "整体绩效自评!E15"],
      ["情况说明!A51", "整体绩效自评!F15"],
    ]);
  });

  test("the project paragraphs are matched to their tables by name: a changed figure is caught", async () => {
    const wb = await fixture("anyang-2021-final.xlsx");
    const text = "1. 医保信息化建设(启动 DRGs)项目,项目 2021 年预算数 150万元,决算数 140万元,自评得分 95.2分。";
    const fs = of(checkWorkbook(withCell(wb, "情况说明", 53, 0, text, text)), "perf.narrative.figures", "error");
    expect(fs.map(cellsOf)).toEqual([["情况说明!A54", "项目自评-医保信息化DRGs!H10"]]);
    const text2 = "2. 基金监管专项经费项目,项目 2021 年预算数 30 万元,决算数 29.4 万元,自评得分 92.4 分。";
    const fs2 = of(checkWorkbook(withCell(wb, "情况说明", 54, 0, text2, text2)), "perf.narrative.figures", "error");
    expect(fs2.map(cellsOf)).toEqual([["情况说明!A55", "项目自评-基金监管专项!C35"]]);
  });

  test("the final-accounts findings are unchanged by the 绩效 family", () => {
    const finalErrors = r.findings.filter((f) => f.rule.startsWith("final.") && f.severity === "error").map((f) => `${f.rule}@${addr(f.cells[0])}`);
    expect(finalErrors).toEqual([
      "final.01.income-total@公开01表!C13",
      "final.01.blank-implied@公开01表!C13",
      "final.02-01.totals@公开01表!C13",
      "final.01.income-grand@公开01表!C34",
      "final.01.blank-implied@公开01表!C34",
    ]);
  });
});
