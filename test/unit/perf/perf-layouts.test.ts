/**
 * Performance tables in layouts not in ../shared/fixtures (issue 11), read from the
 * .xlsx files of test/fixtures/perf-layouts/ written by
 * scripts/make-perf-layout-fixtures.ts (test/support/perfLayouts.ts):
 *
 * - 河北 项目绩效目标表 forms (label/value pairs along one row, 资金支出计划 by quarter
 *   as percentages or amounts, multi-line 年度绩效目标), four stacked on one sheet;
 * - a 四川 项目支出绩效自评表 with the scored 项目支出绩效评价表 of the same project.
 *
 * A correct workbook: every table recognised, nothing reported. Each planted mistake
 * is found by its rule with the planted cell first (and first cause when it is the only error).
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import { a1 } from "../../../src/core/grid/address";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { PerfTable } from "../../../src/core/tables/perf/model";
import { readXlsxFile } from "../../../src/host/xlsx/node";
import { addr, FIXTURES } from "../../support/fixtures";
import { HEBEI_TARGETS, PERF_LAYOUT_DOCS, perfLayoutWorkbook } from "../../support/perfLayouts";

const read = (name: string) => readXlsxFile(path.join(FIXTURES, "perf-layouts", `${name}.xlsx`));
const where = (at: [string, number, number]) => `${at[0]}!${a1(at[1], at[2])}`;

function cellTexts(wb: WorkbookSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of wb.sheets) for (const [r, row] of s.rows) for (const [c, cell] of row) out[`${s.name}!${a1(r, c)}`] = cell.text;
  return out;
}

describe.each(PERF_LAYOUT_DOCS.map((d) => [d.name, d] as const))("%s", (_n, doc) => {
  test("the fixture is what the script writes", async () => {
    expect(cellTexts(await read(doc.name))).toEqual(cellTexts(perfLayoutWorkbook(doc)));
  });

  test("correct: every table recognised, nothing reported", async () => {
    const r = checkWorkbook(await read(doc.name));
    expect(r.tables.map((t) => t.kind)).toEqual(doc.kinds);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
    expect(r.sheets.every((s) => s.status === "template")).toBe(true);
  });

  test.each(doc.plants.map((p) => [p.id, p] as const))("planted %s: found by its rule, its cell first", async (_id, plant) => {
    const r = checkWorkbook(await read(`${doc.name}--${plant.id}`));
    expect(r.tables.map((t) => t.kind)).toEqual(doc.kinds);
    const cell = where(plant.at);
    const hits = r.findings.filter((f) => f.rule === plant.rule && f.severity === plant.severity);
    expect(hits.map((f) => addr(f.cells[0]))).toContain(cell);
    // Nothing else is reported.
    expect(r.findings.filter((f) => f.severity !== "info" && f.rule !== plant.rule).map((f) => f.message)).toEqual([]);
    const errors = r.causes.filter((c) => c.severity === "error");
    if (plant.severity === "error" && errors.length === 1) expect(addr(r.causes[0].cells[0])).toBe(cell);
    if (plant.severity === "warning") expect(errors).toEqual([]);
    expect(addr(r.causes[0].cells[0])).toBe(cell);
  });
});

describe("河北 form read by its labels", () => {
  const r = checkWorkbook(perfLayoutWorkbook(HEBEI_TARGETS));
  const tables = r.tables as PerfTable[];

  test("project, funds pairs along one row and the quarterly plan", () => {
    expect(tables.map((t) => t.subject?.text)).toEqual(["食品安全抽检专项资金（含专家费）", "智慧监管平台运维项目", "特种设备安全监察专项资金", "消费者权益保护专项资金"]);
    const t = tables[1];
    expect(t.funds!.lines.map((l) => [l.key, l.cells.budget?.amount?.value.toString()])).toEqual([
      ["total", "18.6"],
      ["fiscal", "15.6"],
      ["other", "3"],
    ]);
    expect(tables[0].plan!.map((p) => [p.month, p.label.text])).toEqual([
      [3, "一季度"],
      [6, "二季度"],
      [9, "三季度"],
      [12, "四季度"],
    ]);
  });

  test("indicators under 一级/二级/三级指标 with 产出/效益/满意度 and a 成本指标", () => {
    const t = tables[0];
    expect(t.indicators!.indicators).toHaveLength(8);
    expect(new Set(t.indicators!.indicators.map((i) => i.level1Name))).toEqual(new Set(["产出指标", "效益指标", "满意度指标"]));
    expect(t.indicators!.indicators.find((i) => i.level2Name === "成本指标")!.target!.text).toBe("≤5.07万元");
  });

  test("a plan in amounts per quarter adds up to the project's money; cumulative amounts run up to it", () => {
    const base = perfLayoutWorkbook(HEBEI_TARGETS);
    expect(checkWorkbook(base).findings.filter((f) => f.rule === "perf.target.spending-plan")).toEqual([]);
    const plant = HEBEI_TARGETS.plants.find((p) => p.id === "plan-amounts")!;
    const f = checkWorkbook(perfLayoutWorkbook(HEBEI_TARGETS, plant)).findings.find((x) => x.rule === "perf.target.spending-plan")!;
    expect(f.message).toContain("各期之和 18.00万元");
    expect(f.message).toContain("18.6万元");
    // Cumulative amounts ending at the project's money are fine.
    const cumulative = {
      ...plant,
      id: "cumulative",
      apply: (s: Record<string, unknown[][]>) => {
        const row = (plant.at[1]);
        s[plant.at[0]][row] = [null, { v: 4.65, fmt: "0.00" }, { v: 9.3, fmt: "0.00" }, { v: 13.95, fmt: "0.00" }, { v: 18.6, fmt: "0.00" }];
      },
    };
    expect(checkWorkbook(perfLayoutWorkbook(HEBEI_TARGETS, cumulative as typeof plant)).findings.filter((x) => x.severity !== "info")).toEqual([]);
  });
});
