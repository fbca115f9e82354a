/**
 * Tables that match no template are checked by their structure (tables/generic.ts,
 * rules/common/generic.ts): the workbooks of test/fixtures/generic/. A correct
 * table gives no finding; each planted mistake is found by its rule and its
 * cell is the first cause; every sheet says what became of it.
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import { formatText } from "../../../src/core/report/text";
import { readXlsxFile } from "../../../src/host/xlsx/node";
import { addr, FIXTURES } from "../../support/fixtures";
import { GENERIC_DOCS, genericWorkbook } from "../../support/genericTables";
import { buildWorkbook } from "../../support/sheet";

const read = (name: string) => readXlsxFile(path.join(FIXTURES, "generic", `${name}.xlsx`));

describe.each(GENERIC_DOCS.map((d) => [d.name, d] as const))("%s", (_n, doc) => {
  test("correct: recognised, no finding, the sheet reported as checked", async () => {
    const r = checkWorkbook(await read(doc.name));
    expect(r.tables).toHaveLength(1);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
    expect(r.sheets.map((s) => s.status)).toEqual([r.tables[0].kind === "generic" ? "generic" : "template"]);
  });
  test.each(doc.plants.map((p) => [p.id, p] as const))("planted %s: found, its cell the first cause", async (_id, plant) => {
    const r = checkWorkbook(await read(`${doc.name}--${plant.id}`));
    const cell = addr({ sheet: doc.sheet, row: plant.at[0], col: plant.at[1] });
    const hits = r.findings.filter((f) => f.rule === plant.rule && f.severity === "error");
    expect(hits.map((f) => f.cells.map(addr))).toEqual(expect.arrayContaining([expect.arrayContaining([cell])]));
    expect(addr(r.causes[0].cells[0])).toBe(cell);
    expect(r.causes.filter((c) => c.severity === "error")).toHaveLength(1);
  });
});

test("the report says which tables were checked by the generic rules, and why a sheet was not checked", () => {
  const wb = genericWorkbook(GENERIC_DOCS[1]);
  const r = checkWorkbook({ ...wb, sheets: [...wb.sheets, ...buildWorkbook("x", [{ name: "说明", rows: [["本表为项目资金执行情况"]] }, { name: "数字", rows: [[1, 2], [3, 4]] }, { name: "空表", rows: [] }]).sheets] });
  const text = formatText("x.xlsx", r);
  expect(text).toContain("2023年度部门项目资金执行情况表（按通用规则校验）");
  expect(r.sheets.map((s) => [s.sheet, s.status])).toEqual([
    ["项目资金", "generic"],
    ["说明", "unchecked"],
    ["数字", "unchecked"],
    ["空表", "unchecked"],
  ]);
  expect(text).toContain("工作表“说明”：未校验——只有文字，没有可核对的数字");
  expect(text).toContain("工作表“数字”：未校验——有数字，但没有可识别的表头");
  expect(text).toContain("工作表“空表”：未校验——空工作表");
});

test("a parent line is never added together with its own children", async () => {
  const r = checkWorkbook(await read("special-fund-outline--grand"));
  const f = r.findings.find((x) => x.rule === "generic.total" && addr(x.cells[0]) === "专项资金!B10")!;
  // 合计 = 一、 + 二、, not 一、 + （一） + （二） + 二、 + ….
  expect(f.cells.slice(1).map(addr).sort()).toEqual(["专项资金!B4", "专项资金!B7"]);
});

test.each(["generic.total", "generic.difference", "generic.rollforward", "generic.rate"])("%s is raised by a planted mistake and never on a correct table", (rule) => {
  const planted = GENERIC_DOCS.flatMap((d) => d.plants.filter((p) => p.rule === rule).map((p) => checkWorkbook(genericWorkbook(d, p))));
  expect(planted.length).toBeGreaterThan(0);
  for (const r of planted) expect(r.findings.some((f) => f.rule === rule && f.severity === "error")).toBe(true);
  for (const d of GENERIC_DOCS) expect(checkWorkbook(genericWorkbook(d)).findings.filter((f) => f.rule === rule && f.severity !== "info")).toEqual([]);
});
