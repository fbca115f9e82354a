/** Common checks, each with a passing and a failing case. */
import { allRules } from "../../../src/core/rules/registry";
import { CodedTable } from "../../../src/core/tables/coded";
import { SidedTable } from "../../../src/core/tables/sided";
import { generateFinalSet } from "../../support/finalSet";
import { check, raised, setText, table, setNumber } from "../../support/mutate";
import { buildWorkbook, withCell } from "../../support/sheet";
import { addr } from "../../support/fixtures";
import { checkWorkbook } from "../../../src/core/check";

const set = generateFinalSet({ seed: 31 });
const base = check(set.workbook);
const t02 = table<CodedTable>(base, "final02");
const t03 = table<CodedTable>(base, "final03");
const leaf = t03.rows.find((r) => r.level === 3 && !r.cells.basic.amount!.value.isZero())!;

test("the consistent set raises no common finding", () => {
  for (const id of ["common.not-a-number", "common.negative-amount", "common.code-name", "common.parent-code", "common.department-name", "common.table-structure", "common.unit-scale"])
    expect(raised(base, id)).toEqual([]);
  expect(base.findings.filter((f) => f.rule === "common.hidden-decimals")).toEqual([]);
});

test.each([
  ["abc", "不是数字"],
  ["12.3.4", "数字格式无法识别"],
  ["约12万", "数字格式无法识别"],
])("common.not-a-number: %p in an amount cell is an error, not a crash", (text, reason) => {
  const c = leaf.cells.basic;
  const r = check(setText(set.workbook, c.ref, text));
  const fs = raised(r, "common.not-a-number");
  expect(fs).toHaveLength(1);
  expect(fs[0].severity).toBe("error");
  expect(addr(fs[0].cells[0])).toBe(addr(c.ref));
  expect(fs[0].message).toContain(reason);
  expect(fs[0].message).toContain(text);
});

test("common.not-a-number: #REF! error value", () => {
  const c = leaf.cells.project;
  const wb = withCell(set.workbook, c.ref.sheet, c.ref.row, c.ref.col, "#REF!", null);
  wb.sheets.find((s) => s.name === c.ref.sheet)!.rows.get(c.ref.row)!.get(c.ref.col)!.error = "#REF!";
  const fs = raised(check(wb), "common.not-a-number");
  expect(fs[0].message).toContain("#REF!");
});

test("common.hidden-decimals: the display hides the stored value (info)", () => {
  const c = leaf.cells.basic;
  const v = c.amount!.value.toNumber() + 0.004;
  const wb = withCell(set.workbook, c.ref.sheet, c.ref.row, c.ref.col, c.amount!.value.toFixed(2), v);
  const fs = check(wb).findings.filter((f) => f.rule === "common.hidden-decimals");
  expect(fs).toHaveLength(1);
  expect(fs[0].severity).toBe("info");
  expect(fs[0].message).toContain(String(Number(v.toPrecision(15))));
});

test("common.negative-amount: a negative 支出 is a warning; a negative 结转结余 is not", () => {
  const r = check(setNumber(set.workbook, leaf.cells.upper.ref, -5));
  const fs = raised(r, "common.negative-amount");
  expect(fs.some((f) => addr(f.cells[0]) === addr(leaf.cells.upper.ref))).toBe(true);
  expect(fs[0].severity).toBe("warning");
  const t01 = table<SidedTable>(base, "final01");
  const end = t01.expense.byKey.get("endBalance")!.cells.amount;
  const r2 = check(setNumber(set.workbook, end.ref, -1));
  expect(raised(r2, "common.negative-amount").filter((f) => addr(f.cells[0]) === addr(end.ref))).toEqual([]);
});

test("common.code-name: a wrong name and an old name are warnings", () => {
  const row = t02.rows.find((r) => r.code === "210")!;
  const wrong = check(setText(set.workbook, row.nameRef!, "住房保障支出"));
  const fs = raised(wrong, "common.code-name");
  expect(fs).toHaveLength(1);
  expect(fs[0].expected).toBe("卫生健康支出");
  const old = check(setText(set.workbook, row.nameRef!, "医疗卫生与计划生育支出"));
  expect(raised(old, "common.code-name")[0].message).toContain("旧科目名称");
});

test("common.parent-code: a 项 under the wrong 款", () => {
  const item = t03.rows.find((r) => r.code === "2080506")!;
  const r = check(setText(set.workbook, item.codeRef!, "2101506"));
  const fs = raised(r, "common.parent-code");
  expect(fs.length).toBeGreaterThan(0);
  expect(fs[0].message).toContain("2101506");
});

test("common.department-name: one table names another department", () => {
  const t05 = table<CodedTable>(base, "final05");
  const deptCell = { sheet: t05.sheet, row: t05.range.top + 2, col: t05.range.left };
  const r = check(setText(set.workbook, deptCell, "部门：别的局"));
  const fs = raised(r, "common.department-name");
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("别的局");
});

test("common.table-structure: a title without its header is reported, not checked", () => {
  const wb = buildWorkbook("x.xlsx", [{ name: "Sheet1", rows: [["收入决算表"], ["部门：测试局"], [], ["这里没有表头"], ["只有一些文字", "和数字", 12]] }]);
  const r = checkWorkbook(wb);
  const fs = raised(r, "common.table-structure");
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("收入决算表");
  expect(r.tables).toEqual([]);
});

test("common.unit-scale: a table written in 元 under 单位：万元 is one finding", () => {
  // Rewrite 公开02表 in 元 while its unit line still says 万元.
  let wb = set.workbook;
  for (const r of [t02.total!, ...t02.rows])
    for (const c of Object.values(r.cells)) {
      const v = c.amount!.value.times(10000);
      wb = withCell(wb, c.ref.sheet, c.ref.row, c.ref.col, v.toFixed(2), v.toNumber());
    }
  const res = check(wb);
  const fs = raised(res, "common.unit-scale");
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("10,000 倍");
  expect(raised(res, "final.02-01.totals")).toEqual([]);
});

test("common.sheet-truncated: a host that stopped reading is reported", () => {
  const wb = buildWorkbook("x.xlsx", [{ name: "大表", rows: [["a"]] }]);
  wb.sheets[0].truncated = { atRow: 2000000, reason: "工作表超过 2000000 个非空单元格，之后的内容未读取" };
  const fs = raised(checkWorkbook(wb), "common.sheet-truncated");
  expect(fs).toHaveLength(1);
});

test("every registered common rule is exercised by this file (the generic-table rules by generic.test.ts)", () => {
  const fs = require("fs");
  const src = fs.readFileSync(__filename, "utf8") + fs.readFileSync(require("path").join(__dirname, "generic.test.ts"), "utf8");
  const missing = allRules()
    .filter((r) => r.family === "common")
    .map((r) => r.id)
    .filter((id) => !src.includes(`"${id}"`));
  expect(missing).toEqual([]);
});
