/**
 * The proportional rubric of scored evaluation tables (rule "perf.framework.rubric"):
 * a completion stated as a fraction or a rate, or a 预算执行率 that follows from the
 * project's own 预算数 / 执行数 in its self-evaluation table.
 */
import { checkWorkbook } from "../../../src/core/check";
import { buildWorkbook } from "../../support/sheet";
import { blockSheet, frameworkRows, selfEvalRows } from "../../support/perfSet";
import { addr } from "../../support/fixtures";

const items = (score: number, basis = "按完成情况计分", execScore = 9) => [
  { l1: "决策（20分）", l2: "项目立项", name: "立项依据充分性", points: 10, score: 10 },
  { l1: "决策（20分）", l2: "绩效目标", name: "绩效目标合理性", points: 10, score: 8 },
  { l1: "过程（20分）", l2: "资金管理", name: "预算执行率", points: 10, score: execScore },
  { l1: "过程（20分）", l2: "组织实施", name: "制度执行有效性", points: 10, score: 9 },
  { l1: "产出（40分）", l2: "产出数量", name: "实际完成率", points: 20, score, basis },
  { l1: "产出（40分）", l2: "产出质量", name: "质量达标率", points: 20, score: 20 },
  { l1: "效益（20分）", l2: "项目效益", name: "社会效益", points: 10, score: 9 },
  { l1: "效益（20分）", l2: "满意度", name: "服务对象满意度", points: 10, score: 9 },
];

function book(score: number, basis: string, execScore = 9, withSelfEval = false) {
  const b = frameworkRows({ items: items(score, basis, execScore) });
  // The 评分标准 column (E) of the 实际完成率 row states the completion.
  const row = b.at.score4.row;
  b.rows[row][4] = basis;
  const sheets = [blockSheet("评价", b)];
  if (withSelfEval) sheets.push(blockSheet("自评", selfEvalRows({ project: "业务培训", budget: 40, executed: 36 })));
  return { wb: buildWorkbook("r.xlsx", sheets), at: b.at };
}
const rubric = (wb: ReturnType<typeof book>["wb"]) => checkWorkbook(wb).findings.filter((f) => f.rule === "perf.framework.rubric");

test("a fraction: 44.36/45 of 20 points is 19.72; 19.72 passes, 20 is a warning showing the rubric's score", () => {
  expect(rubric(book(19.72, "完成44.36/45=98.58%").wb)).toEqual([]);
  const { wb, at } = book(20, "完成44.36/45=98.58%");
  const fs = rubric(wb);
  expect(fs).toHaveLength(1);
  expect(fs[0].severity).toBe("warning");
  expect(addr(fs[0].cells[0])).toBe(addr({ sheet: "评价", ...at.score4 }));
  expect(fs[0].message).toContain("应得 19.72 分");
});

test("a rate above 100 % is capped at the points", () => {
  expect(rubric(book(20, "完成率为105%").wb)).toEqual([]);
  expect(rubric(book(18, "完成率为105%").wb)).toHaveLength(1);
});

test("no stated completion: nothing to say", () => {
  expect(rubric(book(17, "按完成情况计分").wb)).toEqual([]);
});

test("预算执行率 from the project's own 预算数 and 执行数 (36 ÷ 40 = 90 % of 10 points)", () => {
  expect(rubric(book(19.72, "完成44.36/45=98.58%", 9, true).wb)).toEqual([]);
  const fs = rubric(book(19.72, "完成44.36/45=98.58%", 10, true).wb);
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("应得 9.00 分");
  expect(fs[0].cells.some((c) => c.sheet === "自评")).toBe(true);
});
