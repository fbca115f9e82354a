/**
 * The web host (ExcelJS in memory, used by the standalone page): same findings
 * as the file reader, highlights restorable after saving and reopening the file,
 * the clerk's own fills kept, sheets written so that the checker reads them back.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { RECORD_SHEET, WebHost } from "../../../src/host/web/WebHost";
import { highlightPlan } from "../../../src/host/office/highlight";
import { HIGHLIGHT_FILL } from "../../../src/host/host";
import { checkWorkbook } from "../../../src/core/check";
import { finalTemplates } from "../../../src/core/templates/final";
import { draftNarrative } from "../../../src/core/narrative/draft";
import { narrativeSheet } from "../../../src/core/narrative/sheet";
import { chartPlan } from "../../../src/core/charts";
import { FIXTURES, fixture } from "../../support/fixtures";

/** The clerk fills one cell (its own style object: ExcelJS shares them between cells otherwise). */
function paint(host: WebHost, sheet: string, address: string, argb: string) {
  const cell = host.wb.getWorksheet(sheet)!.getCell(address);
  cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
}

const open = async (file = "anyang-2021-final.xlsx") => WebHost.open(await fs.readFile(path.join(FIXTURES, file)), file);

test("reads the same workbook as the file reader", async () => {
  const host = await open();
  const a = checkWorkbook(await host.readWorkbook());
  const b = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  expect(a.findings.map((f) => f.message)).toEqual(b.findings.map((f) => f.message));
});

test("highlight, save, reopen, clear: every cell gets its own fill back; values never change", async () => {
  const host = await open();
  const before = await host.readWorkbook();
  const result = checkWorkbook(before);
  const plan = highlightPlan(result.findings);
  const [sheet, cells] = [...plan][0];
  const [own, other] = [...cells.keys()];
  // The clerk had coloured one of the cells green.
  paint(host, sheet, own, "FF00B050");
  const summary = await host.highlight(result.findings);
  expect(summary.cells).toBe([...plan.values()].reduce((n, m) => n + m.size, 0));
  for (const [s, m] of plan) for (const [a, sev] of m) expect(host.fillOf(s, a)).toBe(HIGHLIGHT_FILL[sev as "error" | "warning"]);
  // The record is a very hidden sheet, not part of what is checked.
  expect(host.wb.getWorksheet(RECORD_SHEET)!.state).toBe("veryHidden");
  const during = await host.readWorkbook();
  expect(during.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  expect(checkWorkbook(during).findings.map((f) => f.message)).toEqual(result.findings.map((f) => f.message));

  const saved = await host.toXlsx();
  const reopened = await WebHost.open(saved, "reopened.xlsx");
  expect(await reopened.hasHighlights()).toBe(true);
  const restored = await reopened.clearHighlights();
  expect(restored).toBe(summary.cells);
  expect(reopened.fillOf(sheet, own)).toBe("#00B050");
  expect(reopened.fillOf(sheet, other)).toBeNull();
  expect(await reopened.hasHighlights()).toBe(false);
  expect(reopened.wb.getWorksheet(RECORD_SHEET)).toBeUndefined();
});

test("a colour painted over a highlight is kept by 清除标记", async () => {
  const host = await open();
  const result = checkWorkbook(await host.readWorkbook());
  await host.highlight(result.findings);
  const [sheet, cells] = [...highlightPlan(result.findings)][0];
  const [a] = [...cells.keys()];
  paint(host, sheet, a, "FF7030A0");
  await host.clearHighlights();
  expect(host.fillOf(sheet, a)).toBe("#7030A0");
});

test("written sheets read back: blank templates are recognised, the narrative is in column A", async () => {
  const host = await open();
  for (const t of finalTemplates()) await host.writeSheet(t.sheet, { name: `空白${t.name}`, replace: false, ...t.format });
  const n = draftNarrative(await fixture("anyang-2021-final.xlsx"));
  const ns = narrativeSheet(n);
  await host.writeSheet(ns.sheet, { name: "情况说明（生成稿）", replace: false, ...ns.format });
  const reread = await WebHost.open(await host.toXlsx(), "x.xlsx");
  const wb = await reread.readWorkbook();
  const r = checkWorkbook(wb);
  expect(r.tables.filter((t) => t.sheet.startsWith("空白")).map((t) => t.template)).toEqual(finalTemplates().map((t) => t.id));
  const sheet = wb.sheets.find((s) => s.name === "情况说明（生成稿）")!;
  expect(sheet.rows.get(0)!.get(0)!.text).toBe(n.title);
  expect([...sheet.rows.values()].every((row) => [...row.keys()].every((c) => c === 0))).toBe(true);
  // Writing again over an existing sheet needs the clerk's consent.
  await expect(host.writeSheet(ns.sheet, { name: "情况说明（生成稿）", replace: false })).rejects.toThrow("已有名为");
});

test("charts: data blocks link to the table cells that hold numbers", async () => {
  const host = await open();
  const wb = await host.readWorkbook();
  const plan = chartPlan(wb, checkWorkbook(wb).tables);
  await host.addCharts("图表", plan.charts);
  const ws = host.wb.getWorksheet("图表")!;
  const formulas: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => {
    const v = c.value as { formula?: string };
    if (v && typeof v === "object" && v.formula) formulas.push(v.formula);
  }));
  expect(formulas).toContain("'公开03表'!D7");
  expect(host.charts.get("图表")).toHaveLength(plan.charts.length);
});

describe("采用建议值 on the page (WebHost.applyValue / undoValue)", () => {
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code: string; message: string };
    }
    throw new Error("not refused");
  };

  test("anyang C13: the suggested value is written, the re-check loses that cause, 撤销 restores the blank", async () => {
    const host = await open();
    const before = checkWorkbook(await host.readWorkbook());
    const cause = before.causes[0];
    const ref = cause.cells[0];
    const edit = await host.applyValue(ref, cause.suggested!.plain, cause.suggested!.currentPlain);
    const after = checkWorkbook(await host.readWorkbook());
    expect(after.workbook.sheets.find((s) => s.name === ref.sheet)!.rows.get(ref.row)!.get(ref.col)!.value).toBe(480.55);
    expect(after.causes.map((c) => c.title)).not.toContain(cause.title);
    expect(after.causeSummary.error).toBe(before.causeSummary.error - 1);
    await host.undoValue(edit);
    const undone = checkWorkbook(await host.readWorkbook());
    expect(undone.workbook.sheets.find((s) => s.name === ref.sheet)!.rows.get(ref.row)?.get(ref.col)).toBeUndefined();
    expect(undone.causes.map((c) => c.title)).toEqual(before.causes.map((c) => c.title));
  });

  test("refuses a formula cell, a protected sheet and a changed cell, writing nothing", async () => {
    const host = await open();
    const ws = host.wb.getWorksheet("公开01表")!;
    ws.getCell("C13").value = { formula: "C14+C15", result: 0 };
    const f = await refusal(host.applyValue({ sheet: "公开01表", row: 12, col: 2 }, "480.55", "0"));
    expect(f.code).toBe("formula");
    expect(f.message).toContain("=C14+C15");
    expect((ws.getCell("C13").value as { formula: string }).formula).toBe("C14+C15");

    const c = await refusal(host.applyValue({ sheet: "公开01表", row: 33, col: 2 }, "772.37", "100"));
    expect(c.code).toBe("changed");

    await ws.protect("", {});
    const p = await refusal(host.applyValue({ sheet: "公开01表", row: 33, col: 2 }, "772.37", ""));
    expect(p.code).toBe("protected");
    expect(ws.getCell("C34").value).toBeNull();
  });
});

test("a workbook whose charts ExcelJS cannot read is opened for reading, with a warning; one it reads whole has none", async () => {
  const charts = await open("other-formats/charts-and-chart-sheets.xlsx");
  expect(charts.readWarning).toMatch(/（图片和图表），已略过.*不含图片和图表/);
  const res = checkWorkbook(await charts.readWorkbook());
  expect(res.tables.length).toBeGreaterThanOrEqual(12);
  // Its chart sheets are listed as not checked, as on the command line.
  expect(res.sheets.find((s) => s.sheet === "支出结构图")).toMatchObject({ status: "unchecked" });
  // A comment where ExcelJS does not look: the warning names the comments, not charts.
  const comment = await open("other-formats/comment-in-subfolder.xlsx");
  expect(comment.readWarning).toMatch(/（批注），已略过/);
  expect(comment.readWarning).not.toMatch(/图表/);
  expect((await open()).readWarning).toBeUndefined();
  // Not a workbook at all: the reason of the whole load, not of the second try.
  await expect(open("other-formats/excel-97-2003.xls")).rejects.toThrow(/Excel 97-2003/);
});
