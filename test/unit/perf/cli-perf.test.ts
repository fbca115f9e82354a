/**
 * The command line's JSON output (same shape as for the final accounts)
 * carries the performance tables and findings.
 */
import * as path from "path";
import { main } from "../../../src/cli/main";
import { FIXTURES } from "../../support/fixtures";

async function runJson(file: string): Promise<{ code: number; json: any }> {
  let out = "";
  const code = await main([path.join(FIXTURES, file), "--json"], { out: (s) => (out += s), err: () => undefined, color: false });
  return { code, json: JSON.parse(out) };
}

test("baotou: tables and the recomputed scores in --json", async () => {
  const { code, json } = await runJson("baotou-2022-project-selfeval.xlsx");
  expect(code).toBe(1); // the narrative contradicts a table: an error
  expect(Object.keys(json).sort()).toEqual(["causeSummary", "causes", "file", "findings", "sheets", "summary", "tables"]);
  expect(json.tables[0]).toEqual({ sheet: "项目自评-慢性病鉴定复检", template: "项目支出绩效自评表", range: "A1:I39" });
  const f = json.findings.find((x: any) => x.rule === "perf.selfeval.indicator-score" && x.cells[0].cell === "H12");
  expect(f).toMatchObject({
    severity: "warning",
    expected: "4.40",
    actual: "6",
    cells: [
      { sheet: "项目自评-慢性病鉴定复检", cell: "H12" },
      { sheet: "项目自评-慢性病鉴定复检", cell: "F12" },
      { sheet: "项目自评-慢性病鉴定复检", cell: "E12" },
      { sheet: "项目自评-慢性病鉴定复检", cell: "G12" },
    ],
  });
  for (const x of json.findings) for (const k of Object.keys(x)) expect(["rule", "severity", "message", "cells", "expected", "actual", "cause"]).toContain(k);
  // The one info: the 情况说明 cannot be checked figure by figure without 公开表 in the workbook.
  // Two of the warnings are the text's own: "完成预算的 0.00%" over the zero budgets of 出国 and 接待 (情况说明!A60).
  expect(json.summary).toEqual({ error: 2, warning: 13, info: 1 });
  expect(json.findings.filter((x: { rule: string }) => x.rule === "narrative.change").map((x: { cells: { cell: string }[] }) => x.cells[0].cell)).toEqual(["A60", "A60"]);
});

test("anyang final: the swapped 资金结构 is an error in --json", async () => {
  const { code, json } = await runJson("anyang-2021-final.xlsx");
  expect(code).toBe(1);
  expect(json.tables.map((t: any) => t.template)).toContain("部门（单位）整体预算绩效自评表");
  const f = json.findings.find((x: any) => x.rule === "perf.whole.structure-vs-05" && x.severity === "error");
  expect(f.cells.slice(0, 2)).toEqual([
    { sheet: "整体绩效自评", cell: "F17" },
    { sheet: "整体绩效自评", cell: "F18" },
  ]);
});

test("--rules lists the performance rules", async () => {
  let out = "";
  await main(["--rules"], { out: (s) => (out += s), err: () => undefined, color: false });
  for (const id of ["perf.selfeval.indicator-score", "perf.selfeval.total", "perf.target.value-parse", "perf.target.direction", "perf.whole.structure-vs-05", "perf.narrative.figures"]) expect(out).toContain(id);
});
