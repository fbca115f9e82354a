/**
 * Acceptance (issue 12): the generated 情况说明, fed back through the checker in
 * place of the clerk's text, gives no narrative error and no narrative warning
 * on every fixture workbook — the generator and the checker (table links and
 * the text's own identities: "narrative.consistency", "narrative.identity",
 * "narrative.change", "narrative.share", "narrative.compare-words") agree.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import { draftNarrative } from "../../../src/core/narrative/draft";
import { narrativeSheet } from "../../../src/core/narrative/sheet";
import { narrativeSheets } from "../../../src/core/narrative/text";
import { readXlsxFile } from "../../../src/host/xlsx/node";
import { FIXTURES } from "../../support/fixtures";

// layouts/: the correct workbook of each layout (its "--mistake" variants have tables that disagree, which the text then quotes).
const files = [FIXTURES, path.join(FIXTURES, "budget"), path.join(FIXTURES, "layouts")].flatMap((d) =>
  fs
    .readdirSync(d)
    .filter((f) => f.endsWith(".xlsx") && (!d.endsWith("layouts") || !f.includes("--")))
    .map((f) => path.join(d, f)),
);

test("every fixture with 决算 or 预算 tables: the generated text raises no narrative error or warning", async () => {
  const checked: string[] = [];
  const bad: string[] = [];
  for (const file of files) {
    const wb = await readXlsxFile(file);
    const r0 = checkWorkbook(wb);
    // Workbooks of 绩效 tables only have nothing to draft a 情况说明 from.
    if (!r0.tables.some((t) => t.family === "final" || t.family === "budget")) continue;
    checked.push(path.relative(FIXTURES, file));
    const gen = draftNarrative(wb);
    const own = new Set(narrativeSheets(wb, new Set(r0.tables.map((t) => t.sheet))).map((s) => s.name));
    const ns = narrativeSheet(gen);
    const fed = { ...wb, sheets: [...wb.sheets.filter((s) => !own.has(s.name)), { ...ns.sheet, name: "情况说明" }] };
    const r = checkWorkbook(fed);
    for (const f of r.findings)
      if (f.severity !== "info" && f.cells[0]?.sheet === "情况说明" && /narrative/.test(f.rule) && f.rule !== "narrative.placeholder") bad.push(`${path.relative(FIXTURES, file)} ${f.rule}: ${f.message}`);
  }
  expect(checked).toEqual(expect.arrayContaining(["anyang-2021-final.xlsx", "budget/consistent-department.xlsx", "budget/consistent-unit.xlsx", "layouts/county-final.xlsx", "layouts/classic-budget.xlsx", "layouts/numbered-budget.xlsx", "layouts/tabbed-budget.xlsx"]));
  expect(checked.length).toBeGreaterThanOrEqual(12);
  expect(bad).toEqual([]);
}, 120000);

test("the round trip can fail: one figure of the generated anyang text changed is an error on that paragraph", async () => {
  const wb = await readXlsxFile(path.join(FIXTURES, "anyang-2021-final.xlsx"));
  const r0 = checkWorkbook(wb);
  const own = new Set(narrativeSheets(wb, new Set(r0.tables.map((t) => t.sheet))).map((s) => s.name));
  const sheet = { ...narrativeSheet(draftNarrative(wb)).sheet, name: "情况说明" };
  // The paragraph with 收、支总计: its first figure plus 100.
  const rows = new Map([...sheet.rows].map(([r, m]) => [r, new Map(m)]));
  const [row, cells] = [...rows].find(([, m]) => /收、支总计/.test(String(m.get(0)?.text ?? "")))!;
  const text = String(cells.get(0)!.text).replace(/(\d[\d,]*\.\d{2})/, (m) => (Number(m.replace(/,/g, "")) + 100).toFixed(2));
  cells.set(0, { text, value: text });
  const r = checkWorkbook({ ...wb, sheets: [...wb.sheets.filter((s) => !own.has(s.name)), { ...sheet, rows }] });
  expect(r.findings.some((f) => f.severity === "error" && f.cells[0]?.sheet === "情况说明" && f.cells[0].row === row)).toBe(true);
});
