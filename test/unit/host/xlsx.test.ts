/** The .xlsx host: what ExcelJS gives, turned into the core's grid. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { readXlsxBuffer, readXlsxBufferViaWorkbook, toCell, UnreadableWorkbookError } from "../../../src/host/xlsx/read";
import { checkWorkbook } from "../../../src/core/check";
import { snapshotToXlsxBuffer } from "../../../src/host/xlsx/write";
import { getCell } from "../../../src/core/grid/snapshot";
import { rangeA1 } from "../../../src/core/grid/address";
import { FIXTURES, fixture } from "../../support/fixtures";
import { buildWorkbook } from "../../support/sheet";

async function bookBuffer(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("表1"));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("values of every kind become displayed text and raw value", async () => {
  const buf = await bookBuffer((ws) => {
    ws.getCell("A1").value = 1442.8;
    ws.getCell("A1").numFmt = "#,##0.00";
    ws.getCell("A2").value = { richText: [{ text: "收入" }, { text: "合计" }] };
    ws.getCell("A3").value = { formula: "A1*2", result: 2885.6 };
    ws.getCell("A3").numFmt = "#,##0.00";
    ws.getCell("A4").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell("A5").value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell("A5").numFmt = "yyyy-mm-dd";
    ws.getCell("A6").value = { text: "链接", hyperlink: "https://example.invalid" };
    ws.getCell("A7").value = { formula: "1/0" };
    ws.getCell("A8").value = 0.726;
    ws.getCell("A8").numFmt = "0.0%";
  });
  const wb = await readXlsxBuffer(buf, "kinds.xlsx");
  const s = wb.sheets[0];
  const cell = (a: string) => getCell(s, parseInt(a.slice(1), 10) - 1, a.charCodeAt(0) - 65);
  expect(cell("A1")).toMatchObject({ text: "1,442.80", value: 1442.8 });
  expect(cell("A2")).toMatchObject({ text: "收入合计" });
  expect(cell("A3")).toMatchObject({ text: "2,885.60", value: 2885.6, formula: true });
  expect(cell("A4")).toMatchObject({ error: "#REF!" });
  expect(cell("A5")!.text).toBe("2021-12-31");
  expect(cell("A6")!.text).toBe("链接");
  expect(cell("A7")).toMatchObject({ text: "", formula: true });
  expect(cell("A8")!.text).toBe("72.6%");
});

test("merged cells: the value lives in the top-left cell only", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const s = wb.sheets.find((x) => x.name === "公开01表")!;
  expect(s.merges.map(rangeA1)).toContain("A1:F1");
  expect(getCell(s, 0, 0)!.text).toBe("收入支出决算总表");
  expect(getCell(s, 0, 1)).toBeUndefined();
});

test("a snapshot written to .xlsx reads back the same", async () => {
  const snap = buildWorkbook("x.xlsx", [{ name: "公开05表", rows: [["一般公共预算财政拨款支出决算表"], ["合计", null, 1442.8, "1,442.80"]], merges: ["A1:D1"] }]);
  const back = await readXlsxBuffer(await snapshotToXlsxBuffer(snap), "x.xlsx");
  const s = back.sheets[0];
  expect(getCell(s, 1, 2)).toMatchObject({ text: "1,442.80", value: 1442.8 });
  expect(getCell(s, 1, 3)).toMatchObject({ text: "1,442.80", value: "1,442.80" });
  expect(s.merges.map(rangeA1)).toEqual(["A1:D1"]);
});

test("hidden sheets are marked", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("看得见").getCell("A1").value = "x";
  const h = wb.addWorksheet("隐藏");
  h.state = "hidden";
  h.getCell("A1").value = "y";
  const snap = await readXlsxBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "h.xlsx");
  expect(snap.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
    ["看得见", false],
    ["隐藏", true],
  ]);
});

test("toCell never throws on odd values", () => {
  for (const v of [undefined, null, "", 0, -0, NaN, Infinity, true, {}, { richText: [] }, { formula: "X" }, { sharedFormula: "A1", result: 3 }, [], Symbol.for("x").toString()])
    expect(() => toCell(v, undefined)).not.toThrow();
});

test("empty and garbage buffers are UnreadableWorkbookError", async () => {
  await expect(readXlsxBuffer(new Uint8Array(0), "e.xlsx")).rejects.toBeInstanceOf(UnreadableWorkbookError);
  await expect(readXlsxBuffer(new Uint8Array([1, 2, 3, 4, 5]), "g.xlsx")).rejects.toBeInstanceOf(UnreadableWorkbookError);
});

describe("drawings and chart sheets (ExcelJS 4.4 cannot reconcile some drawings: exceljs/exceljs#2591)", () => {
  const charts = () => new Uint8Array(readFileSync(path.join(FIXTURES, "other-formats", "charts-and-chart-sheets.xlsx")));

  test("a workbook with an embedded chart and chart sheets is read, its chart sheets listed at their place as not checked", async () => {
    const wb = await readXlsxBuffer(charts(), "charts.xlsx");
    const names = wb.sheets.map((s) => s.name);
    expect(names.slice(0, 7)).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "支出结构图", "公开06表"]);
    expect(names[names.length - 1]).toBe("隐藏的图");
    const chart = wb.sheets.find((s) => s.name === "支出结构图")!;
    expect(chart).toMatchObject({ noCells: "chart", bounds: null });
    expect(wb.sheets.find((s) => s.name === "隐藏的图")).toMatchObject({ noCells: "chart", hidden: true });
    // The tables are read as without the charts: the same findings as the anyang example the file was made from.
    const res = checkWorkbook(wb);
    const plain = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
    expect(res.findings.map((f) => f.message)).toEqual(plain.findings.map((f) => f.message));
    const status = res.sheets.find((s) => s.sheet === "支出结构图")!;
    expect(status.status).toBe("unchecked");
    expect(status.detail).toMatch(/^图表工作表/);
    // The ordinary path (ExcelJS's Worksheet objects) reads it too.
    expect((await readXlsxBufferViaWorkbook(charts(), "charts.xlsx")).sheets.map((s) => s.name)).toContain("公开05表");
  });

  test("a picture on a sheet (a scanned seal) leaves the cells as they are", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("公开05表");
    ws.getCell("A1").value = "一般公共预算财政拨款支出决算表";
    ws.getCell("C7").value = 2203.76;
    // A 1×1 PNG.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, "E2:F4");
    const snap = await readXlsxBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "seal.xlsx");
    expect(snap.sheets.map((s) => s.name)).toEqual(["公开05表"]);
    expect(getCell(snap.sheets[0], 6, 2)?.value).toBe(2203.76);
    expect(getCell(snap.sheets[0], 0, 0)?.text).toBe("一般公共预算财政拨款支出决算表");
  });

  test("a comment kept where ExcelJS does not look (openpyxl's xl/comments/comment1.xml) does not turn the workbook away", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, "other-formats", "comment-in-subfolder.xlsx")));
    // ExcelJS alone fails on it.
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)).rejects.toThrow(/comments/);
    const wb = await readXlsxBuffer(bytes, "comment.xlsx");
    expect(checkWorkbook(wb).findings.map((f) => f.message)).toEqual(checkWorkbook(await fixture("anyang-2021-final.xlsx")).findings.map((f) => f.message));
    expect((await readXlsxBufferViaWorkbook(bytes, "comment.xlsx")).sheets.length).toBe(wb.sheets.length);
  });
});
