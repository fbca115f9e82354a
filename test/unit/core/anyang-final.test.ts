/**
 * Acceptance on a real publication (安阳市医疗保障局 2021年度部门决算), errors included.
 */
import { checkWorkbook } from "../../../src/core/check";
import { rangeA1 } from "../../../src/core/grid/address";
import { addr, cellsOf, fixture } from "../../support/fixtures";

describe("anyang-2021-final.xlsx", () => {
  let result: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    result = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  });

  test("recognises the eight final-accounts tables where they are", () => {
    const tables = result.tables.filter((t) => t.family === "final").map((t) => `${t.template}@${t.sheet}!${rangeA1(t.range)}`);
    expect(tables).toEqual([
      "final01@公开01表!A1:F37",
      "final02@公开02表!A1:I22",
      "final03@公开03表!A1:H22",
      "final04@公开04表!A1:I39",
      "final05@公开05表!A1:E21",
      "final06@公开06表!A1:I35",
      "final07@公开07表!A1:L9",
      "final08@公开08表!A1:H9",
    ]);
  });

  test("blank 其他收入 (C13) is reported with the figure 公开02表 gives, C13 first", () => {
    const f = result.findings.find((x) => x.rule === "final.01.blank-implied" && x.cells[0] && addr(x.cells[0]) === "公开01表!C13");
    expect(f).toBeDefined();
    expect(f!.severity).toBe("error");
    expect(f!.message).toContain("480.55");
    expect(f!.expected).toBe("480.55");
  });

  test("the failing 本年收入合计 relation ranks C13 as the most likely wrong cell", () => {
    const f = result.findings.find((x) => x.rule === "final.01.income-total");
    expect(f?.severity).toBe("error");
    expect(cellsOf(f!)[0]).toBe("公开01表!C13");
    expect(f!.message).toContain("1,923.35");
    expect(f!.message).toContain("1,442.80");
    expect(f!.message).toContain("480.55");
  });

  test("blank 年初结转和结余 (C34) is reported: 总计 − 本年收入合计 = 772.37", () => {
    const f = result.findings.find((x) => x.rule === "final.01.blank-implied" && addr(x.cells[0]) === "公开01表!C34");
    expect(f?.severity).toBe("error");
    expect(f!.expected).toBe("772.37");
    const grand = result.findings.find((x) => x.rule === "final.01.income-grand");
    expect(cellsOf(grand!)[0]).toBe("公开01表!C34");
  });

  test("01表其他收入 against 02表合计其他收入 is an error", () => {
    const f = result.findings.find((x) => x.rule === "final.02-01.totals");
    expect(f?.severity).toBe("error");
    expect(cellsOf(f!)).toEqual(expect.arrayContaining(["公开01表!C13", "公开02表!I7"]));
  });

  test("0.01 tails are info, never errors (本年支出合计 2,684.31 vs class sum 2,684.30)", () => {
    const tail = result.findings.find((x) => x.rule === "final.01.expense-total");
    expect(tail?.severity).toBe("info");
    expect(tail!.message).toContain("2,684.30");
    // (公开05表!D7 is also named by the 绩效 swap error, as the figure 整体 F17 should hold.)
    const errorCells = result.findings.filter((x) => x.severity === "error" && x.rule.startsWith("final.")).flatMap(cellsOf);
    expect(errorCells).not.toContain("公开01表!F32");
    expect(errorCells).not.toContain("公开05表!D7");
    expect(errorCells).not.toContain("公开06表!I34");
  });

  test("the empty 公开08表 with its note is accepted; the missing 公开09表 is a warning", () => {
    expect(result.findings.some((x) => x.rule === "final.empty-note")).toBe(false);
    const missing = result.findings.find((x) => x.rule === "final.set.completeness");
    expect(missing?.message).toContain("公开09表");
    expect(missing?.severity).toBe("warning");
  });

  test("errors are exactly the real ones of the publication", () => {
    const errors = result.findings.filter((x) => x.severity === "error").map((x) => `${x.rule}@${addr(x.cells[0])}`);
    expect(errors.sort()).toEqual(
      [
        "final.01.blank-implied@公开01表!C13",
        "final.01.blank-implied@公开01表!C34",
        "final.01.income-grand@公开01表!C34",
        "final.01.income-total@公开01表!C13",
        "final.02-01.totals@公开01表!C13",
        // 整体绩效自评: 资金结构 项目支出/基本支出 swapped against 公开05表.
        "perf.whole.structure-vs-05@整体绩效自评!F17",
      ].sort(),
    );
  });
});
