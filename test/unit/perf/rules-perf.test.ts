/**
 * Every performance rule with a passing case (a consistent generated workbook
 * holding one table of each kind, plus a narrative) and a failing case (one
 * targeted change that raises the rule and names the changed cell).
 */
import { allRules } from "../../../src/core/rules/registry";
import { checkWorkbook } from "../../../src/core/check";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { Finding } from "../../../src/core/report/finding";
import { CellInput, SheetSpec, buildWorkbook, withCell } from "../../support/sheet";
import { setNumber, setText } from "../../support/mutate";
import { addr } from "../../support/fixtures";
import {
  Block,
  blockSheet,
  completionRows,
  frameworkRows,
  selfEvalRows,
  standardIndicators,
  standardTargets,
  stackSheet,
  targetRows,
  wholeSelfEvalRows,
  wholeTargetRows,
} from "../../support/perfSet";
import { PerfTable } from "../../../src/core/tables/perf/model";

const final05: SheetSpec = {
  name: "公开05表",
  rows: [
    ["一般公共预算财政拨款支出决算表"],
    [null, null, null, null, "公开05表"],
    ["部门：某某局", null, null, null, "单位：万元"],
    ["项目", null, "本年支出"],
    ["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"],
    ["合计", null, 2203.76, 1219.27, 984.49],
    ["210", "卫生健康支出", 2203.76, 1219.27, 984.49],
    ["21015", "医疗保障管理事务", 2203.76, 1219.27, 984.49],
    ["2101501", "行政运行", 1219.27, 1219.27, 0],
    ["2101599", "其他医疗保障管理事务支出", 984.49, 0, 984.49],
  ],
  merges: ["A4:B4", "C4:E4", "A6:B6"],
};

const NARRATIVE = [
  "十二、预算绩效情况说明",
  "1. 业务培训项目自评综述：根据年初设定的绩效目标，项目自评得分 98 分。全年预算数为 40 万元，执行数为 36 万元，完成预算的 90%。",
  "2. 以“业务培训”项目为例，该项目绩效评价综合得分为 98 分，绩效评价结果为“优”。",
  "我部门 2021 年度整体支出预算总额 2203.76 万元，决算总额 2203.76 万元，部门绩效自评得分 100 分。",
];

function narrativeSheet(lines: string[]): SheetSpec {
  return { name: "情况说明", rows: lines.map((l) => [l]) };
}

interface Layout {
  self: Block;
  target: Block;
  whole: Block;
  wholeTarget: Block;
  frame: Block;
  completion: Block;
}

function layout(over: Partial<Layout> = {}): Layout {
  return {
    self: over.self ?? selfEvalRows({ grade: true }),
    target: over.target ?? targetRows({ project: "宣传印刷", plan: [25, 50, 80, 100] }),
    whole: over.whole ?? wholeSelfEvalRows({ department: "某某局", grade: "优", basic: 1219.2654, project: 984.4909 }),
    wholeTarget: over.wholeTarget ?? wholeTargetRows({ department: "某某局" }),
    frame: over.frame ?? frameworkRows({ project: "信息系统运维" }),
    completion: over.completion ?? completionRows({ project: "宣传印刷" }),
  };
}

function workbook(l: Layout, narrative = NARRATIVE): WorkbookSnapshot {
  return buildWorkbook("perf.xlsx", [
    blockSheet("自评", l.self),
    blockSheet("目标", l.target),
    blockSheet("整体自评", l.whole),
    blockSheet("整体目标", l.wholeTarget),
    blockSheet("评价", l.frame),
    blockSheet("完成", l.completion),
    final05,
    narrativeSheet(narrative),
  ]);
}

const base = layout();
const baseWb = workbook(base);
const baseResult = checkWorkbook(baseWb);

const ref = (sheet: string, b: Block, key: string) => {
  const p = b.at[key];
  if (!p) throw new Error(`no cell ${key}`);
  return { sheet, row: p.row, col: p.col };
};
const A = (sheet: string, b: Block, key: string) => addr(ref(sheet, b, key));

function perfFindings(wb: WorkbookSnapshot, rule: string): Finding[] {
  return checkWorkbook(wb).findings.filter((f) => f.rule === rule);
}

/** The rule is raised at `severity` and one of its findings lists `cell` (first when `first`). */
function expectRaised(wb: WorkbookSnapshot, rule: string, severity: "error" | "warning" | "info", cell?: string, first = false): Finding[] {
  const fs = perfFindings(wb, rule).filter((f) => f.severity === severity);
  expect(fs.length).toBeGreaterThan(0);
  if (cell) {
    const hit = fs.find((f) => f.cells.some((c) => addr(c) === cell));
    expect(hit).toBeDefined();
    if (first) expect(addr(hit!.cells[0])).toBe(cell);
  }
  return fs;
}

test("the consistent workbook: every table is recognised and no perf rule raises an error or a warning", () => {
  // The narrative is matched: its quotes are checked (and agree).
  expect(baseResult.relations.length).toBeGreaterThan(0);
  expect(baseResult.tables.filter((t) => t.family === "perf").map((t) => `${t.template}@${t.sheet}`)).toEqual([
    "perfSelfEval@自评",
    "perfTarget@目标",
    "perfWholeSelfEval@整体自评",
    "perfWholeTarget@整体目标",
    "perfFrameworkProject@评价",
    "perfCompletion@完成",
  ]);
  const bad = baseResult.findings.filter((f) => f.rule.startsWith("perf.") && f.severity !== "info");
  expect(bad.map((f) => f.message)).toEqual([]);
  // The spending plan and both fund layouts were read.
  const target = baseResult.tables.find((t) => t.template === "perfTarget") as PerfTable;
  expect(target.plan?.map((p) => p.month)).toEqual([3, 6, 10, 12]);
  expect(target.funds?.columns).toEqual(["period", "annual"]);
});

describe("项目支出绩效自评表", () => {
  const S = "自评";
  const b = base.self;
  test("perf.selfeval.funds-sum", () => {
    expectRaised(setNumber(baseWb, ref(S, b, "fiscalBudget"), 39), "perf.selfeval.funds-sum", "error", A(S, b, "fiscalBudget"));
  });
  test("perf.selfeval.execution-rate: the stated rate against 执行数 ÷ 预算数 (72.6% for 29.04/40 passes)", () => {
    const fs = expectRaised(setText(baseWb, ref(S, b, "rate"), "80%"), "perf.selfeval.execution-rate", "error", A(S, b, "rate"), true);
    expect(fs[0].expected).toBe("90.00%");
    const ok = workbook(layout({ self: selfEvalRows({ budget: 40, executed: 29.04 }) }));
    expect(perfFindings(setText(ok, ref(S, b, "rate"), "72.6%"), "perf.selfeval.execution-rate")).toEqual([]);
  });
  test("perf.selfeval.execution-score: 分值 × 执行率, capped at 100 %", () => {
    const fs = expectRaised(setNumber(baseWb, ref(S, b, "execScore"), 8), "perf.selfeval.execution-score", "warning", A(S, b, "execScore"), true);
    expect(fs[0].expected).toBe("9.00");
    expect(fs[0].message).toContain("36.00÷40.00＝90.00%");
    // Over-execution (73.96 of 38): the score is 10, not 9.52.
    const over = selfEvalRows({ budget: 38, executed: 73.96 });
    const wb = workbook(layout({ self: over }));
    expect(perfFindings(wb, "perf.selfeval.execution-score")).toEqual([]);
    const fs2 = expectRaised(setNumber(wb, ref(S, over, "execScore"), 9.52), "perf.selfeval.execution-score", "warning", A(S, over, "execScore"));
    expect(fs2[0].expected).toBe("10.00");
    expect(fs2[0].message).toContain("超过100%按100%计");
  });
  test("perf.selfeval.indicator-score: proportional score with the direction of the target, formula shown", () => {
    const fs = expectRaised(setNumber(baseWb, ref(S, b, "score1"), 10), "perf.selfeval.indicator-score", "warning", A(S, b, "score1"), true);
    expect(fs[0].expected).toBe("9.00");
    expect(fs[0].message).toContain("1800÷2000×10＝9.00");
    expect(fs[0].message).toContain("正向指标得分＝实际值÷目标值×分值");
    // A cost over its ceiling (反向): ≤40万元 with 50万元 spent → 40 ÷ 50 × 10 = 8.00.
    let wb = setText(baseWb, ref(S, b, "actual5"), "50万元");
    const cost = expectRaised(wb, "perf.selfeval.indicator-score", "warning", A(S, b, "score5"));
    expect(cost.find((f) => addr(f.cells[0]) === A(S, b, "score5"))!.message).toContain("40÷50×10＝8.00");
    // A deadline missed but scored in full.
    wb = setText(baseWb, ref(S, b, "actual3"), "次年3月底");
    expect(perfFindings(wb, "perf.selfeval.indicator-score").filter((f) => f.severity !== "info")).toEqual([]);
    wb = setText(baseWb, ref(S, b, "actual3"), "2023年3月底");
    expectRaised(wb, "perf.selfeval.indicator-score", "warning", A(S, b, "score3"));
    // A qualitative outcome only partly reached, scored in full.
    wb = setText(baseWb, ref(S, b, "actual7"), "部分完善");
    const q = expectRaised(wb, "perf.selfeval.indicator-score", "warning", A(S, b, "score7"));
    expect(q[0].expected).toBe("9.00–12.00");
    // Within the band: info only.
    wb = setNumber(setText(baseWb, ref(S, b, "actual7"), "部分完善"), ref(S, b, "score7"), 10);
    expect(perfFindings(wb, "perf.selfeval.indicator-score").map((f) => f.severity)).toEqual(["info"]);
  });
  test("perf.selfeval.score-range", () => {
    expectRaised(setNumber(baseWb, ref(S, b, "score0"), 12), "perf.selfeval.score-range", "error", A(S, b, "score0"), true);
  });
  test("perf.selfeval.score-range: a formula's leftover shown as -1.42109E-14 is a negative score (past 7 decimals)", () => {
    const r = ref(S, b, "score0");
    const wb = withCell(baseWb, r.sheet, r.row, r.col, "-1.42109E-14", -1.42109e-14);
    const fs = perfFindings(wb, "perf.selfeval.score-range");
    expect(fs.some((f) => f.message.includes("为负数"))).toBe(true);
  });
  test("perf.selfeval.points-total", () => {
    const fs = expectRaised(setNumber(baseWb, ref(S, b, "points0"), 12), "perf.selfeval.points-total", "error", A(S, b, "points0"));
    expect(fs.some((f) => f.message.includes("之和应为 100") && f.actual === "102.00")).toBe(true);
  });
  test("perf.selfeval.group-points", () => {
    expectRaised(setText(baseWb, ref(S, b, "l1_0"), "产出指标（60）"), "perf.selfeval.group-points", "error", A(S, b, "l1_0"), true);
  });
  test("perf.selfeval.weights", () => {
    let wb = setNumber(baseWb, ref(S, b, "points0"), 15);
    wb = setNumber(wb, ref(S, b, "score0"), 15);
    wb = setNumber(wb, ref(S, b, "points6"), 10);
    wb = setNumber(wb, ref(S, b, "score6"), 10);
    wb = setText(wb, ref(S, b, "l1_0"), "产出指标（55）");
    wb = setText(wb, ref(S, b, "l1_6"), "效益指标（25）");
    const fs = expectRaised(wb, "perf.selfeval.weights", "warning");
    expect(fs[0].actual).toBe("产出 55、效益 25、满意度 10、预算执行率 10");
    expect(perfFindings(wb, "perf.selfeval.group-points")).toEqual([]);
    expect(perfFindings(wb, "perf.selfeval.points-total")).toEqual([]);
  });
  test("perf.selfeval.deviation-reason", () => {
    expectRaised(setText(baseWb, ref(S, b, "reason1"), ""), "perf.selfeval.deviation-reason", "warning", A(S, b, "reason1"), true);
  });
  test("perf.selfeval.total", () => {
    expectRaised(setNumber(baseWb, ref(S, b, "total"), 97), "perf.selfeval.total", "error", A(S, b, "total"), true);
  });
  test("perf.selfeval.grade", () => {
    const fs = expectRaised(setText(baseWb, ref(S, b, "grade"), "良"), "perf.selfeval.grade", "error", A(S, b, "grade"), true);
    expect(fs[0].expected).toBe("优");
  });
  test("perf.selfeval.actual-value", () => {
    expectRaised(setText(baseWb, ref(S, b, "actual0"), ""), "perf.selfeval.actual-value", "warning", A(S, b, "actual0"), true);
    expectRaised(setText(baseWb, ref(S, b, "actual2"), "98人"), "perf.selfeval.actual-value", "warning", A(S, b, "actual2"), true);
  });
});

describe("绩效目标 (every table's targets)", () => {
  const T = "目标";
  const b = base.target;
  test("perf.target.value-parse: empty and bare units are errors, unreadable text a warning", () => {
    expectRaised(setText(baseWb, ref(T, b, "target1"), "%"), "perf.target.value-parse", "error", A(T, b, "target1"));
    expectRaised(setText(baseWb, ref(T, b, "target0"), ""), "perf.target.value-parse", "error", A(T, b, "target0"));
    expectRaised(setText(baseWb, ref(T, b, "target0"), "详见附件"), "perf.target.value-parse", "warning", A(T, b, "target0"));
    expectRaised(setText(baseWb, ref(T, b, "target0"), "500"), "perf.target.value-parse", "warning", A(T, b, "target0"));
    // The self-evaluation's 年度指标值 are targets too.
    expectRaised(setText(baseWb, ref("自评", base.self, "target0"), "人次"), "perf.target.value-parse", "error", A("自评", base.self, "target0"));
  });
  test("perf.target.direction", () => {
    const fs = expectRaised(setText(baseWb, ref(T, b, "target1"), "≤100%"), "perf.target.direction", "warning", A(T, b, "target1"));
    expect(fs[0].message).toContain("没有约束力");
    expectRaised(setText(baseWb, ref(T, b, "target0"), "≤550人次"), "perf.target.direction", "warning", A(T, b, "target0"));
    expectRaised(setText(baseWb, ref(T, b, "target3"), "≥40万元"), "perf.target.direction", "warning", A(T, b, "target3"));
  });
  test("perf.target.cost-ceiling", () => {
    const fs = expectRaised(setText(baseWb, ref(T, b, "target3"), "≤120万元"), "perf.target.cost-ceiling", "warning", A(T, b, "target3"), true);
    expect(fs[0].message).toContain("超过项目当年资金 40");
  });
  test("perf.target.categories", () => {
    const list = standardTargets(40).filter((t) => t.l2 !== "时效指标");
    const wb = workbook(layout({ target: targetRows({ project: "宣传印刷", indicators: list }) }));
    const fs = expectRaised(wb, "perf.target.categories", "warning");
    expect(fs[0].message).toContain("时效指标");
  });
  test("perf.target.funds-sum", () => {
    expectRaised(setText(baseWb, ref(T, b, "annualFiscal"), "35"), "perf.target.funds-sum", "error", A(T, b, "annualFiscal"));
  });
  test("perf.target.period-funds", () => {
    const t = targetRows({ project: "宣传印刷", period: 30, annual: 40 });
    expectRaised(workbook(layout({ target: t })), "perf.target.period-funds", "warning", A(T, t, "annual"));
  });
  test("perf.target.spending-plan", () => {
    const down = targetRows({ project: "宣传印刷", plan: [25, 60, 50, 100] });
    expectRaised(workbook(layout({ target: down })), "perf.target.spending-plan", "error");
    const short = targetRows({ project: "宣传印刷", plan: [25, 50, 80, 90] });
    const fs = expectRaised(workbook(layout({ target: short })), "perf.target.spending-plan", "error");
    expect(fs[0].expected).toBe("100%");
  });
});

describe("整体绩效表", () => {
  const W = "整体自评";
  const b = base.whole;
  test("perf.whole.funds-sum", () => {
    expectRaised(setNumber(baseWb, ref(W, b, "basic"), 1200), "perf.whole.funds-sum", "error", A(W, b, "basic"));
  });
  test("perf.whole.execution-rate", () => {
    expectRaised(setText(baseWb, ref(W, b, "rate"), "90.00%"), "perf.whole.execution-rate", "error", A(W, b, "rate"), true);
  });
  test("perf.whole.points-total", () => {
    expectRaised(setNumber(baseWb, { sheet: W, row: b.at.score0.row, col: 4 }, 50), "perf.whole.points-total", "error");
  });
  test("perf.whole.total", () => {
    expectRaised(setNumber(baseWb, ref(W, b, "totalScore"), 99), "perf.whole.total", "error", A(W, b, "totalScore"), true);
  });
  test("perf.whole.grade", () => {
    expectRaised(setText(baseWb, ref(W, b, "grade"), "中"), "perf.whole.grade", "error", A(W, b, "grade"), true);
  });
  test("perf.whole.structure-vs-05: a swap is one error naming both cells; a plain mismatch names the cell", () => {
    const swapped = wholeSelfEvalRows({ department: "某某局", grade: "优", swap: true });
    const fs = expectRaised(workbook(layout({ whole: swapped })), "perf.whole.structure-vs-05", "error");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("填反");
    expect(fs[0].cells.map(addr)).toEqual(expect.arrayContaining([A(W, swapped, "basic"), A(W, swapped, "project"), "公开05表!D6", "公开05表!E6"]));
    const other = wholeSelfEvalRows({ department: "某某局", grade: "优", basic: 1200, project: 1003.76 });
    const fs2 = expectRaised(workbook(layout({ whole: other })), "perf.whole.structure-vs-05", "error", A(W, other, "basic"));
    expect(fs2.every((f) => !f.message.includes("填反"))).toBe(true);
  });
});

describe("绩效评价表 (scored framework)", () => {
  const F = "评价";
  const b = base.frame;
  test("perf.framework.group-points", () => {
    expectRaised(setText(baseWb, ref(F, b, "l1_0"), "决策（25分）"), "perf.framework.group-points", "error", A(F, b, "l1_0"), true);
  });
  test("perf.framework.points-total", () => {
    const fs = expectRaised(setNumber(baseWb, ref(F, b, "points7"), 12), "perf.framework.points-total", "error", A(F, b, "points7"));
    expect(fs.some((f) => f.actual === "102.00")).toBe(true);
  });
  test("perf.framework.score-range", () => {
    expectRaised(setNumber(baseWb, ref(F, b, "score1"), 11), "perf.framework.score-range", "error", A(F, b, "score1"), true);
  });
  test("perf.framework.total", () => {
    expectRaised(setNumber(baseWb, ref(F, b, "total"), 90), "perf.framework.total", "error", A(F, b, "total"), true);
  });
  test("perf.framework.grade", () => {
    expectRaised(setText(baseWb, ref(F, b, "grade"), "良"), "perf.framework.grade", "error", A(F, b, "grade"), true);
  });
});

describe("项目绩效目标完成情况表", () => {
  test("perf.completion.unmet", () => {
    const c = completionRows({ project: "宣传印刷", actualIssued: "1800册" });
    const fs = expectRaised(workbook(layout({ completion: c })), "perf.completion.unmet", "warning", A("完成", c, "actual1"), true);
    expect(fs[0].message).toContain("90.00%");
    const explained = completionRows({ project: "宣传印刷", actualIssued: "1800册", reason: "部分资料改为电子版" });
    expect(perfFindings(workbook(layout({ completion: explained })), "perf.completion.unmet")).toEqual([]);
  });
});

describe("情况说明", () => {
  const b = base.self;
  test("perf.narrative.figures: budget, execution, rate, score and grade quoted from the tables", () => {
    expect(perfFindings(baseWb, "perf.narrative.figures")).toEqual([]);
    const lines = [...NARRATIVE];
    lines[1] = "1. 业务培训项目自评综述：根据年初设定的绩效目标，项目自评得分 95 分。全年预算数为 46.67 万元，执行数为 36 万元，完成预算的 90%。";
    const fs = expectRaised(workbook(base, lines), "perf.narrative.figures", "error", A("自评", b, "budget"));
    expect(fs.map((f) => addr(f.cells[0]))).toEqual(["情况说明!A2", "情况说明!A2"]);
    expect(fs.find((f) => f.message.includes("46.67"))!.message).toContain("40.00");
    expect(fs.some((f) => f.cells.some((c) => addr(c) === A("自评", b, "total")))).toBe(true);
    lines[1] = NARRATIVE[1];
    lines[2] = "2. 以“业务培训”项目为例，该项目绩效评价综合得分为 98 分，绩效评价结果为“良”。";
    expectRaised(workbook(base, lines), "perf.narrative.figures", "error", "情况说明!A3");
    lines[2] = "2. 以“业务培训”项目为例，其绩效评价结果为“良”。"; // the grade alone
    expectRaised(workbook(base, lines), "perf.narrative.figures", "error", "情况说明!A3");
    lines[2] = NARRATIVE[2];
    lines[3] = "我部门 2021 年度整体支出预算总额 2203.75 万元，决算总额 2203.76 万元，部门绩效自评得分 100 分。";
    const w = expectRaised(workbook(base, lines), "perf.narrative.figures", "info", "情况说明!A4");
    expect(w[0].message).toContain("不应截尾");
  });
});

describe("layouts", () => {
  test("several self-evaluation tables stacked on one sheet are read separately", () => {
    const blocks = [selfEvalRows({ project: "甲" }), selfEvalRows({ project: "乙", issued: 2000 }), selfEvalRows({ project: "丙", budget: 10, executed: 9.5 })];
    const { sheet, offsets } = stackSheet("自评汇总", blocks);
    const wb = buildWorkbook("stack.xlsx", [sheet]);
    const r = checkWorkbook(wb);
    const perf = r.tables.filter((t) => t.family === "perf") as PerfTable[];
    expect(perf.map((t) => t.subject?.text)).toEqual(["甲", "乙", "丙"]);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const wrong = setNumber(wb, { sheet: "自评汇总", row: offsets[2] + blocks[2].at.score1.row, col: blocks[2].at.score1.col }, 10);
    const fs = perfFindings(wrong, "perf.selfeval.indicator-score");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("丙");
  });
  test("targets with 指标性质 and 度量单位 columns (四川版) are read as one value", () => {
    const rows: CellInput[][] = [
      ["项目支出绩效目标表"],
      ["项目名称", "业务培训"],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["产出指标", "数量指标", "培训人次", "≥", 500, "人次"],
      ["产出指标", "质量指标", "培训合格率", "≤", 95, "%"],
    ];
    const r = checkWorkbook(buildWorkbook("sc.xlsx", [{ name: "目标", rows, numberFormat: "General" }]));
    const t = r.tables.find((x) => x.family === "perf") as PerfTable;
    expect(t.indicators!.indicators.map((i) => i.target!.text)).toEqual(["≥500人次", "≤95%"]);
    expect(r.findings.filter((f) => f.rule === "perf.target.direction").map((f) => addr(f.cells[0]))).toEqual(["目标!E5"]);
  });
  test("the standard indicators of the generator score consistently", () => {
    expect(standardIndicators(40, 36, 1800).reduce((a, i) => a + i.points, 0)).toBe(90);
  });
});

test("every registered perf-family rule is exercised by this file (perf.project.* by projects.test.ts)", () => {
  const fs = require("fs");
  const src = fs.readFileSync(__filename, "utf8") + fs.readFileSync(require("path").join(__dirname, "projects.test.ts"), "utf8") + fs.readFileSync(require("path").join(__dirname, "rubric.test.ts"), "utf8");
  const missing = allRules()
    .filter((r) => r.family === "perf")
    .map((r) => r.id)
    .filter((id) => !src.includes(`"${id}"`));
  expect(missing).toEqual([]);
});

describe("绩效目标表 with 预算数 / 财政资金 / 其他资金", () => {
  const sheet = (over: CellInput[][]): SheetSpec => ({
    name: "目标",
    numberFormat: "General",
    rows: [
      ["绩效目标表"],
      ["项目名称", "办公楼维修"],
      ...over,
      ["年度目标", "完成办公楼维修。"],
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
      ["产出指标", "数量指标", "维修面积", "维修的建筑面积", "≥800平方米", "计划标准"],
      ["产出指标", "成本指标", "维修总成本", "全部维修费用", "≤12.40万元", "预算批复"],
    ],
  });
  test("label row over figures, and pairs on one row, are read; the parts must add up; the cost ceiling applies", () => {
    for (const funds of [
      [
        ["预算数（万元）", "财政资金", "其他资金"],
        [4.1, 4.1, 0],
      ],
      [["预算数（万元）", 4.1, "财政资金", 4.1, "其他资金", 0]],
    ] as CellInput[][][]) {
      const wb = buildWorkbook("t.xlsx", [sheet(funds)]);
      const r = checkWorkbook(wb);
      const t = r.tables.find((x) => x.family === "perf") as PerfTable;
      expect(t.template).toBe("perfTarget");
      expect(t.funds!.lines.map((l) => l.key)).toEqual(["total", "fiscal", "other"]);
      expect(t.indicators!.columns.description).toBeDefined();
      expect(t.indicators!.columns.basis).toBeDefined();
      const cost = r.findings.filter((f) => f.rule === "perf.target.cost-ceiling");
      expect(cost.map((f) => addr(f.cells[0]))).toEqual(["目标!E" + (funds.length + 6)]);
      expect(cost[0].message).toContain("12.40万元");
      expect(r.findings.filter((f) => f.rule === "perf.target.funds-sum")).toEqual([]);
      expect(t.funds!.columns).toEqual(["budget"]);
      const fiscal = t.funds!.lines[1].cells.budget!.ref;
      expectRaised(setNumber(wb, fiscal, 3), "perf.target.funds-sum", "error", addr(fiscal));
    }
  });
});

describe("qualitative scores", () => {
  const b = base.self;
  test("an achieved qualitative indicator may score 80–100 % of its points (info), below that is a warning", () => {
    // 长效机制建设: 逐步完善 / 逐步完善, 15 points.
    let wb = setNumber(baseWb, ref("自评", b, "score7"), 13);
    wb = setText(wb, ref("自评", b, "reason7"), "部分制度尚在修订");
    expect(perfFindings(wb, "perf.selfeval.indicator-score").map((f) => f.severity)).toEqual(["info"]);
    wb = setNumber(wb, ref("自评", b, "score7"), 10);
    const fs = expectRaised(wb, "perf.selfeval.indicator-score", "warning", A("自评", b, "score7"), true);
    expect(fs[0].expected).toBe("12.00–15.00");
  });
});

describe("grade names", () => {
  test("Shanghai's 合格/不合格 are read with their own scheme", () => {
    const f = frameworkRows({ project: "信息系统运维", total: 75, grade: "合格", items: [{ l1: "产出（100分）", l2: "产出数量", name: "完成率", points: 100, score: 75 }] });
    expect(perfFindings(workbook(layout({ frame: f })), "perf.framework.grade")).toEqual([]);
    const g = frameworkRows({ project: "信息系统运维", total: 55, grade: "合格", items: [{ l1: "产出（100分）", l2: "产出数量", name: "完成率", points: 100, score: 55 }] });
    const fs = expectRaised(workbook(layout({ frame: g })), "perf.framework.grade", "error");
    expect(fs[0].expected).toBe("不合格");
    expect(fs[0].message).toContain("优 ≥ 90，良 80–90，合格 60–80，不合格 < 60");
  });
});
