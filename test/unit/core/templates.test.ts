/**
 * Blank templates: each is recognised as the table it stands for, raises nothing
 * while empty, and — filled in — is checked at the right cells.
 */
import { finalTemplates } from "../../../src/core/templates/final";
import { budgetTemplates } from "../../../src/core/templates/budget";
import { checkWorkbook } from "../../../src/core/check";
import { WorkbookSnapshot, setCell } from "../../../src/core/grid/snapshot";
import { parseA1 } from "../../../src/core/grid/address";
import { formatNumber } from "../../../src/core/amount/format";
import { Decimal } from "../../../src/core/amount/decimal";

const blankFinal = (): WorkbookSnapshot => ({ name: "blank.xlsx", sheets: finalTemplates().map((t) => t.sheet) });

function put(wb: WorkbookSnapshot, sheet: string, a1: string, v: number) {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const p = parseA1(a1)!;
  setCell(s, p.row, p.col, { text: formatNumber(new Decimal(v), 2), value: v, numberFormat: "#,##0.00" });
}

test("the nine blank 决算 tables are recognised, each on its sheet; only the blank 公开07表 asks for figures or a note", () => {
  const r = checkWorkbook(blankFinal());
  expect(r.tables.map((t) => `${t.template}@${t.sheet}`)).toEqual(["final01@公开01表", "final02@公开02表", "final03@公开03表", "final04@公开04表", "final05@公开05表", "final06@公开06表", "final07@公开07表", "final08@公开08表", "final09@公开09表"]);
  // 08/09 carry the “本表无数据” note to keep or delete; 07 (most departments have 三公 spending) does not.
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}@${f.cells[0]?.sheet}`)).toEqual(["final.empty-note@公开07表"]);
});

test("公开01表 filled in: totals that hold pass, a wrong 总计 is reported at its cell", () => {
  const wb = blankFinal();
  // Rows: 7 = 行次1 (一、一般公共预算财政拨款收入 | 一、一般公共服务支出), 9 = 行次3 … 33 = 本年收入合计, 37 = 总计.
  put(wb, "公开01表", "C7", 100);
  put(wb, "公开01表", "F15", 100); // 九、卫生健康支出
  put(wb, "公开01表", "C33", 100);
  put(wb, "公开01表", "F33", 100);
  put(wb, "公开01表", "C37", 100);
  put(wb, "公开01表", "F37", 100);
  const ok = checkWorkbook(wb);
  expect(ok.findings.filter((f) => f.severity === "error" && f.rule.startsWith("final.01."))).toEqual([]);
  put(wb, "公开01表", "F37", 110);
  const bad = checkWorkbook(wb).findings.filter((f) => f.severity === "error" && f.rule.startsWith("final.01"));
  expect(bad.length).toBeGreaterThan(0);
  expect(bad.every((f) => f.cells.some((c) => c.sheet === "公开01表" && c.row === 36 && c.col === 5))).toBe(true);
});

test("templates name their sheets and carry formats for the writer", () => {
  for (const t of finalTemplates()) {
    expect(t.sheet.name).toBe(t.name);
    expect(t.format.numberFormats!.length).toBeGreaterThan(0);
    expect(t.format.borders!.length).toBe(1);
    // The department line is a visible placeholder.
    expect([...t.sheet.rows.get(2)!.values()][0].text).toContain("【请填写部门名称】");
  }
});

test("the blank budget tables (部门 and 单位 sets, Shanghai 2026 layout) are recognised as the tables they are and raise no error", () => {
  const all = budgetTemplates(2027);
  for (const group of ["部门预算", "单位预算"] as const) {
    const set = all.filter((t) => t.group === group);
    expect(set).toHaveLength(9);
    const r = checkWorkbook({ name: `${group}.xlsx`, sheets: set.map((t) => t.sheet) });
    expect(r.tables.map((t) => `${t.template}@${t.sheet}`)).toEqual(set.map((t) => `${t.id.split(":")[1]}@${t.name}`));
    expect(r.tables.every((t) => t.year === 2027)).toBe(true);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  }
});

test("budgetLayouts.json is what scripts/make-budget-templates.ts makes of the official templates", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildLayouts } = require("../../../scripts/make-budget-templates");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(JSON.parse(JSON.stringify(await buildLayouts()))).toEqual(require("../../../src/core/templates/budgetLayouts.json"));
});
