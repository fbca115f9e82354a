/**
 * Sets whose titles are gone (a bare "表X" where the name was, sheets named
 * Sheet1…): each table's template is told from its header words and row labels
 * (recognize/byHeader.ts), so the template's rules and the cross-table checks run;
 * a table whose header several templates share and that names no fund stays a
 * generic table, and rules that would call its table missing say so as a warning.
 */
import { checkWorkbook } from "../../../src/core/check";
import { a1 } from "../../../src/core/grid/address";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { matchTitle } from "../../../src/core/recognize/recognize";
import { Basic06Table } from "../../../src/core/tables/final/basic06";
import { layoutFixtures } from "../../../scripts/make-layout-fixtures";
import { bump } from "../../support/mutate";
import { generateFinalSet } from "../../support/finalSet";
import { generateBudgetSet } from "../../support/budgetSet";

/** The workbook with every title cell replaced by "表X" and the sheets renamed Sheet1, Sheet2 … */
function untitled(wb: WorkbookSnapshot): { wb: WorkbookSnapshot; names: Map<string, string> } {
  const names = new Map<string, string>();
  const sheets = wb.sheets.map((s, i) => {
    const rows = new Map([...s.rows].map(([r, row]) => [r, new Map([...row].map(([c, cell]) => [c, typeof cell.value === "string" && matchTitle(cell.text) ? { ...cell, text: "表X", value: "表X" } : cell]))]));
    names.set(s.name, `Sheet${i + 1}`);
    return { ...s, name: `Sheet${i + 1}`, rows };
  });
  return { wb: { ...wb, sheets }, names };
}

const fixtures = layoutFixtures().filter((f) => /^(classic-budget|county-final|numbered-budget|tabbed-budget)(--.*)?\.xlsx$/.test(f.file));
const cellsOf = (x: { cells: { sheet: string; row: number; col: number }[] }) => x.cells.map((c) => `${c.sheet}!${a1(c.row, c.col)}`);

describe.each(fixtures.map((f) => [f.file, f] as const))("untitled %s", (_file, f) => {
  const titled = checkWorkbook(f.workbook);
  const { wb, names } = untitled(f.workbook);
  const r = checkWorkbook(wb);

  test("each sheet's template is the one its title named, or it stays a generic table", () => {
    for (const s of wb.sheets) {
      const original = [...names].find(([, n]) => n === s.name)![0];
      const want = titled.tables.filter((t) => t.sheet === original && t.kind !== "generic").map((t) => t.template);
      const got = r.tables.filter((t) => t.sheet === s.name);
      if (got.some((t) => t.kind !== "generic")) {
        expect(got.map((t) => t.template)).toEqual(want);
        expect(got.every((t) => t.byHeader)).toBe(true);
        expect(r.sheets.find((x) => x.sheet === s.name)!.detail).toMatch(/无标题，按表头识别/);
      } else expect(got.length).toBeGreaterThan(0);
    }
    // Most tables are told: all nine of the county's final set, seven of nine or more of a budget set.
    expect(r.tables.filter((t) => t.kind !== "generic").length).toBeGreaterThanOrEqual(/county/.test(f.file) ? 9 : 7);
  });

  test("no error but the planted mistakes, and every planted mistake on a told table is found", () => {
    const planted = f.planted.map((p) => {
      const [sheet, cell] = p.split("!");
      return `${names.get(sheet)}!${cell}`;
    });
    const errors = r.findings.filter((x) => x.severity === "error");
    for (const e of errors) expect(cellsOf(e).some((c) => planted.includes(c))).toBe(true);
    const told = new Set(r.tables.filter((t) => t.kind !== "generic").map((t) => t.sheet));
    for (const p of planted.filter((x) => told.has(x.split("!")[0]))) expect(errors.some((e) => cellsOf(e).includes(p))).toBe(true);
  });
});

test("a mistake only another table shows (公开06表 against 公开05表) is found once both are told by their headers", () => {
  const base = fixtures.find((f) => f.file === "county-final.xlsx")!;
  const t06 = checkWorkbook(base.workbook).tables.find((t) => t.template === "final06") as Basic06Table;
  const item = t06.items.find((i) => i.code === "30101")!;
  const cls = t06.items.find((i) => i.code === "301")!;
  // 公开06表 stays consistent in itself: 基本工资, 工资福利支出, 人员经费合计 (and 合计) move together.
  let wrong = base.workbook;
  for (const c of [item.amount, cls.amount, t06.personnelTotal!, ...(t06.total ? [t06.total] : [])]) wrong = bump(wrong, c, 1);
  const { wb, names } = untitled(wrong);
  expect(checkWorkbook(untitled(base.workbook).wb).findings.filter((f) => f.rule === "final.05-06.basic")).toEqual([]);
  const hit = checkWorkbook(wb).findings.filter((f) => f.rule === "final.05-06.basic" && f.severity === "error");
  const ref = t06.personnelTotal!.ref;
  expect(hit.flatMap(cellsOf)).toContain(`${names.get(ref.sheet)}!${a1(ref.row, ref.col)}`);
});

test("a table the header cannot single out stays generic, and its template is not called missing as an error", () => {
  const base = fixtures.find((f) => f.file === "numbered-budget.xlsx")!;
  const r = checkWorkbook(untitled(base.workbook).wb);
  const generic = r.tables.filter((t) => t.kind === "generic");
  expect(generic.length).toBeGreaterThan(0);
  const missing = r.findings.filter((f) => /但工作簿中没有/.test(f.message));
  expect(missing.length).toBeGreaterThan(0);
  for (const m of missing) {
    expect(m.severity).toBe("warning");
    expect(m.message).toContain(`“${generic[0].sheet}”`);
  }
});

test.each([
  ["the generated final set (standard 公开01–09表)", () => generateFinalSet({ seed: 3 }).workbook],
  ["the generated budget set (上海 layout, amounts in 元)", () => generateBudgetSet({ seed: 3 }).workbook],
])("%s, untitled: every table told, no finding", (_n, make) => {
  const wb = make();
  const titled = checkWorkbook(wb);
  const r = checkWorkbook(untitled(wb).wb);
  expect(r.tables.map((t) => t.template)).toEqual(titled.tables.map((t) => t.template));
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
});

describe("performance forms and a whole final-accounts workbook with their titles blanked", () => {
  const { readdirSync } = jest.requireActual("fs") as typeof import("fs");
  const path = jest.requireActual("path") as typeof import("path");
  const { readXlsxFile } = jest.requireActual("../../../src/host/xlsx/node") as typeof import("../../../src/host/xlsx/node");
  const dir = path.join(__dirname, "..", "..", "fixtures");
  const files = [
    ...readdirSync(path.join(dir, "perf-layouts")).map((f) => path.join(dir, "perf-layouts", f)),
    path.join(dir, "anyang-2021-targets.xlsx"),
    path.join(dir, "baotou-2022-project-selfeval.xlsx"),
    path.join(dir, "anyang-2021-final.xlsx"),
  ];
  /** Title cells emptied (no "表X" left behind), sheets renamed. */
  const blanked = (wb: WorkbookSnapshot): WorkbookSnapshot => ({
    ...wb,
    sheets: wb.sheets.map((s, i) => ({
      ...s,
      name: `Sheet${i + 1}`,
      rows: new Map([...s.rows].map(([r, row]) => [r, new Map([...row].map(([c, cell]) => [c, typeof cell.value === "string" && matchTitle(cell.text) ? { ...cell, text: "", value: null } : cell]))])),
    })),
  });
  const rulesOf = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}:${f.severity}`).sort();

  test.each(files.map((f) => [path.basename(f), f] as const))("%s: the same tables and the same findings as with its titles", async (_n, file) => {
    const wb = await readXlsxFile(file);
    const titled = checkWorkbook(wb);
    const r = checkWorkbook(blanked(wb));
    expect(r.tables.map((t) => t.kind)).toEqual(titled.tables.map((t) => t.kind));
    expect(r.tables.filter((t) => t.family === "perf").every((t) => t.byHeader)).toBe(true);
    expect(rulesOf(r)).toEqual(rulesOf(titled));
  });
});
