/** The same fact stated twice gives one finding naming both places (report/repeats.ts). */
import { checkWorkbook } from "../../../src/core/check";
import { mergeRepeatedStatements } from "../../../src/core/report/repeats";
import { Finding } from "../../../src/core/report/finding";
import { CellRef } from "../../../src/core/tables/types";
import { fixture, addr } from "../../support/fixtures";
import { withCell } from "../../support/sheet";

const ref = (sheet: string, row: number, col = 0): CellRef => ({ sheet, row, col });
const f = (o: Partial<Finding>): Finding => ({ rule: "narrative.figure-mismatch", severity: "error", message: "m", cells: [], ...o });

test("anyang: a figure changed in two sentences is one finding with both sentences", async () => {
  let wb = await fixture("anyang-2021-final.xlsx");
  const s = wb.sheets.find((x) => x.name === "情况说明")!;
  // 公务接待费 1.97 is stated in the 三公 overview (A29) and in its own paragraph (A34).
  const rows = [...s.rows.entries()].filter(([, r]) => /公务接待费[^。；;]*?支出决算\s*为?\s*1\.97/.test(String(r.get(0)?.text ?? ""))).map(([n]) => n);
  expect(rows.length).toBe(2);
  for (const r of rows) {
    const t = String(s.rows.get(r)!.get(0)!.text).replace("1.97", "1.99");
    wb = withCell(wb, "情况说明", r, 0, t, t);
  }
  const res = checkWorkbook(wb);
  const about = res.findings.filter((x) => x.severity !== "info" && x.cells.some((c) => c.sheet === "情况说明" && rows.includes(c.row)) && x.actual === "1.99万元");
  expect(about).toHaveLength(1);
  expect(about[0].cells.slice(0, 2).map(addr)).toEqual(rows.map((r) => `情况说明!A${r + 1}`));
  expect(about[0].message).toContain(`A${rows[1] + 1} 再次出现`);
});

describe("mergeRepeatedStatements", () => {
  const table = ref("公开07表", 7, 6);
  test("same rule, values and evidence, two sentences → one finding", () => {
    const out = mergeRepeatedStatements([
      f({ cells: [ref("情况说明", 3), table], expected: "5", actual: "6" }),
      f({ cells: [ref("情况说明", 9), table], expected: "5", actual: "6" }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0].cells.map(addr)).toEqual(["情况说明!A4", "情况说明!A10", "公开07表!G8"]);
  });
  test.each<[string, Partial<Finding>]>([
    ["another stated value", { actual: "7" }],
    ["other evidence", { cells: [ref("情况说明", 9), ref("公开07表", 7, 7)] }],
    ["a table rule, not a statement", { rule: "final.07.total" }],
  ])("kept apart: %s", (_l, o) => {
    const a = f({ cells: [ref("情况说明", 3), table], expected: "5", actual: "6", ...(o.rule ? { rule: o.rule } : {}) });
    const b = f({ cells: [ref("情况说明", 9), table], expected: "5", actual: "6", ...o });
    expect(mergeRepeatedStatements([a, b])).toHaveLength(2);
  });
  test("kept apart: wording findings without evidence (two places to edit)", () => {
    const a = f({ rule: "narrative.wording", severity: "warning", cells: [ref("情况说明", 3)] });
    const b = f({ rule: "narrative.wording", severity: "warning", cells: [ref("情况说明", 9)] });
    expect(mergeRepeatedStatements([a, b])).toHaveLength(2);
  });
});
