/**
 * Titles as really written (issue 11, point 1): sequence prefixes, the department,
 * the year and a project name inside the title, a title over two lines, and the unit
 * line anywhere above the header. Recognition normalises the title before matching.
 */
import "../../../src/core/families";
import { cleanTitle, isWeakTitle, matchTitle, recognize } from "../../../src/core/recognize/recognize";
import { a1 } from "../../../src/core/grid/address";
import { checkWorkbook } from "../../../src/core/check";
import { buildWorkbook, CellInput } from "../../support/sheet";
import { blockSheet, frameworkRows, selfEvalRows, targetRows } from "../../support/perfSet";
import { generateFinalSet } from "../../support/finalSet";

describe("cleanTitle removes sequence prefixes, codes and a unit written in the title", () => {
  test.each([
    ["表4 财政拨款收支总表", "财政拨款收支总表"],
    ["表 1:收入支出决算总表", "收入支出决算总表"],
    ["表1-1 部门收支总表", "部门收支总表"],
    ["附表3-2 一般公共预算支出表", "一般公共预算支出表"],
    ["附件2-1：收入支出决算总表", "收入支出决算总表"],
    ["5.XX专项资金（含专家费）绩效目标表", "XX专项资金(含专家费)绩效目标表"],
    ["6、一般公共预算基本支出表", "一般公共预算基本支出表"],
    ["9．国有资本经营预算支出表", "国有资本经营预算支出表"],
    ["2.2024年部门收入总表", "2024年部门收入总表"],
    ["（二）财政拨款收支总表", "财政拨款收支总表"],
    ["一、部门收支总表", "部门收支总表"],
    ["表8\n2024年政府性基金预算支出表", "2024年政府性基金预算支出表"],
    ["附件2-3\n测试县农业农村局2023年度支出决算表", "测试县农业农村局2023年度支出决算表"],
    ["2024年部门收支总表\n单位：万元", "2024年部门收支总表"],
    ["表1-1 部门收支总表（金额单位：万元）", "部门收支总表"],
    ["公开02表 收入决算表（续）", "收入决算表"],
  ])("%s → %s", (title, clean) => {
    expect(cleanTitle(title)).toBe(clean);
  });
});

describe("titles as really written are recognised", () => {
  test.each([
    ["表1 部门收支总表", "budget01"],
    ["1.部门收支总表", "budget01"],
    ["2.2024年部门收入总表", "budget02"],
    ["附表1-3 部门支出总表", "budget03"],
    ["（四）2024年财政拨款收支总表", "budget04"],
    ["表5-1 一般公共预算支出表", "budget05"],
    ["6、一般公共预算基本支出表", "budget08"],
    ["附表7 一般公共预算“三公”经费支出表", "budgetSangong"],
    ["表8\n2024年政府性基金预算支出表", "budget06"],
    ["9．国有资本经营预算支出表", "budget07"],
    ["表1 测试市医疗保障局2024年部门收支总表", "budget01"],
    ["附件2-1：测试县农业农村局2023年度收入支出决算总表", "final01"],
    ["附件2-4 财政拨款收入支出决算总表", "final04"],
    ["XX市医疗保障局2019年XX项目支出绩效评价表", "perfFrameworkProject"],
    ["5.XX专项资金（含专家费）绩效目标表", "perfTarget"],
    ["附表3-2 XX项目支出绩效自评表", "perfSelfEval"],
  ])("%s → %s", (title, id) => {
    expect(matchTitle(title)?.info.id).toBe(id);
  });

  test.each(["1. 2021年收入支出决算总表 ……………………", "三、支出决算情况说明", "（五）一般公共预算财政拨款支出决算情况说明", "目录"])("%s is not a title", (text) => {
    expect(matchTitle(text)).toBeUndefined();
  });

  test("a title numbered like an outline line is weak; 表N / 附表N / 附件N are not", () => {
    expect(isWeakTitle("1.部门收支总表")).toBe(true);
    expect(isWeakTitle("（四）财政拨款收支总表")).toBe(true);
    expect(isWeakTitle("表4 财政拨款收支总表")).toBe(false);
    expect(isWeakTitle("附件2-1 收入支出决算总表")).toBe(false);
  });
});

/** A small 部门支出总表 under `above` rows (title and meta lines), the header on the row after them. */
function expenseTable(above: CellInput[][], header: CellInput[] = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]): CellInput[][] {
  return [...above, header, ["合计", null, 30, 10, 20], ["201", "一般公共服务支出", 30, 10, 20]];
}

describe("the unit line anywhere above the header", () => {
  test.each<[string, CellInput[][], CellInput[] | undefined, string, string]>([
    ["on its own row below the title", [["部门支出总表"], ["部门：测试局", null, null, null, "单位：元"]], undefined, "元", "E2"],
    ["on the title row", [["部门支出总表", null, null, null, "单位:元"]], undefined, "元", "E1"],
    ["inside the title cell, on a second line", [["部门支出总表\n（单位：元）"]], undefined, "元", "A1"],
    ["above the title", [[null, null, null, null, "金额单位：元"], ["部门支出总表"]], undefined, "元", "E1"],
    ["at the right of the header row", [["部门支出总表"]], ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "单位：元"], "元", "F2"],
    ["written on the 部门 label (部门：万元)", [["部门支出总表"], ["部门：万元"]], undefined, "万元", "A2"],
  ])("%s", (_label, above, header, unit, at) => {
    const wb = buildWorkbook("u.xlsx", [{ name: "表3", rows: expenseTable(above, header) }]);
    const rec = recognize(wb);
    expect(rec.failures).toEqual([]);
    expect(rec.tables.map((t) => t.template)).toEqual(["budget03"]);
    const t = rec.tables[0];
    expect(t.unit).toBe(unit);
    expect(t.unitExplicit).toBe(true);
    expect(a1(t.unitRef!.row, t.unitRef!.col)).toBe(at);
  });
});

describe("weak titles are kept only when their region reads as the table", () => {
  test("a 目录 without leader dots lists numbered table names: not tables, no finding", () => {
    const toc: CellInput[][] = [["目  录"], ["一、部门收支总表"], ["二、部门收入总表"], ["三、部门支出总表"], ["1.财政拨款收支总表"], ["（五）一般公共预算支出表"]];
    const wb = buildWorkbook("toc.xlsx", [{ name: "目录", rows: toc }, { name: "表3", rows: expenseTable([["3.部门支出总表"]]) }]);
    const rec = recognize(wb);
    expect(rec.failures).toEqual([]);
    expect(rec.tables.map((t) => `${t.template}@${t.sheet}`)).toEqual(["budget03@表3"]);
    expect(rec.otherSheets).toEqual(["目录"]);
    expect(checkWorkbook(wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("a strong title whose table cannot be read is still reported", () => {
    const wb = buildWorkbook("bad.xlsx", [{ name: "表3", rows: [["表3 部门支出总表"], ["这里没有表头"]] }]);
    const r = checkWorkbook(wb);
    expect(r.findings.map((f) => f.rule)).toContain("common.table-structure");
  });
});

describe("performance tables titled with their project, department and year", () => {
  test.each([
    ["5.XX专项资金（含专家费）绩效目标表", "perfTarget", () => targetRows({ annual: 40 })],
    ["XX市医疗保障局2019年XX项目支出绩效评价表", "perfFrameworkProject", () => frameworkRows()],
    ["附表3-2\nXX市医疗保障局2022年度XX项目支出绩效自评表", "perfSelfEval", () => selfEvalRows()],
  ])("%s → %s, read and raising no error", (title, id, make) => {
    const block = make();
    block.rows[0] = [title];
    const wb = buildWorkbook("perf.xlsx", [blockSheet("绩效", block)]);
    const r = checkWorkbook(wb);
    expect(r.tables.map((t) => t.template)).toEqual([id]);
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
  });
});

describe("final-accounts names without 总 (Yunnan and others)", () => {
  test.each([
    ["一、收入支出决算表", "final01"],
    ["四、财政拨款收入支出决算表", "final04"],
    ["五、一般公共预算财政拨款收入支出决算表", "final05"],
    ["八、政府性基金预算财政拨款收入支出决算表", "final08"],
    ["九、国有资本经营预算财政拨款收入支出决算表", "final09"],
    ["项目收入支出决算表", "finalProject"],
    ["三、支出决算表", "final03"],
  ])("%s → %s", (title, id) => {
    expect(matchTitle(title)?.info.id).toBe(id);
  });
});

test("a final-accounts set titled without 总 is read in full and raises nothing", () => {
  const set = generateFinalSet({ seed: 31 });
  const sheets = set.sheets.map((s) => ({ ...s, rows: s.rows.map((r, i) => (i === 0 && typeof r[0] === "string" ? [r[0].replace("决算总表", "决算表"), ...r.slice(1)] : r)) }));
  const r = checkWorkbook(buildWorkbook("yn.xlsx", sheets));
  expect(r.tables.map((t) => t.template)).toEqual(["final01", "final02", "final03", "final04", "final05", "final06", "final07", "final08", "final09"]);
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
});
