/**
 * A table known only by its sheet's name ("公开05表", no title row) whose header
 * starts in the sheet's first row: found by the fuzzer's shape of damage (title
 * block deleted). Its title row used to be −1, so the table's id was "公开05表!A0"
 * and findings that point at a table (e.g. a different 部门名称) named row −1.
 */
import { checkWorkbook } from "../../../src/core/check";
import { SheetSnapshot, emptySheet, setCell } from "../../../src/core/grid/snapshot";
import { generateFinalSet } from "../../support/finalSet";

function withoutTitle(s: SheetSnapshot, dept: string): SheetSnapshot {
  const first = [...s.rows.keys()].sort((a, b) => a - b).find((r) => [...s.rows.get(r)!.values()].some((c) => /项目|科目/.test(c.text)))!;
  const out = emptySheet(s.name);
  for (const [r, m] of s.rows) if (r >= first) for (const [c, cell] of m) setCell(out, r - first, c, cell);
  out.merges = s.merges.filter((m) => m.top >= first).map((m) => ({ ...m, top: m.top - first, bottom: m.bottom - first }));
  setCell(out, 0, (out.bounds?.right ?? 0) + 2, { text: `部门：${dept}`, value: `部门：${dept}` });
  return out;
}

test("a title-less table in row 1 is named by its first row, never row −1", () => {
  const set = generateFinalSet({ seed: 1, department: "甲局" });
  const sheets = set.workbook.sheets.map((s) => (s.name === "公开05表" ? withoutTitle(s, "乙局") : s));
  const r = checkWorkbook({ name: "no-title.xlsx", sheets });
  const t05 = r.tables.find((t) => t.sheet === "公开05表")!;
  expect(t05).toBeDefined();
  expect(t05.id).toBe("公开05表!A1");
  expect(t05.titleRef).toMatchObject({ row: 0, col: 0 });
  const dept = r.findings.find((f) => f.rule === "common.department-name");
  expect(dept?.cells).toEqual([{ sheet: "公开05表", row: 0, col: 0 }]);
  for (const f of r.findings) for (const c of f.cells) expect(c.row).toBeGreaterThanOrEqual(0);
});
