/**
 * End-to-end: the standalone page (dist-demo, built by `npm run build:demo`) in
 * Debian's chromium through playwright-core. The same pane as in Excel, on the
 * anyang workbook: 校验 lists the findings and colours the bad cells, clicking a
 * finding selects its cell, 清除标记 restores the cells, 生成情况说明 writes the
 * sheet (asking before overwriting), charts and templates are inserted, and a
 * workbook saved from the page keeps the record that restores its colours.
 * Screenshots go to test-artifacts/.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { checkWorkbook, CheckResult } from "../../src/core/check";
import { highlightPlan } from "../../src/host/office/highlight";
import { HIGHLIGHT_FILL } from "../../src/host/host";
import { WebHost } from "../../src/host/web/WebHost";
import { refA1 } from "../../src/core/tables/types";
import { snapshotToXlsxBuffer } from "../../src/host/xlsx/write";
import { FIXTURES, fixture } from "../support/fixtures";
import { manyFindingsWorkbook } from "../support/manyFindings";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../../scripts/serve-static.js");

const ROOT = path.join(__dirname, "..", "..");
const DEMO = path.join(ROOT, "dist-demo");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ANYANG = path.join(FIXTURES, "anyang-2021-final.xlsx");

jest.setTimeout(180_000);

let browser: Browser;
let server: { close: () => void; address: () => { port: number } };
let url: string;
let expected: CheckResult;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEMO, "index.html"))) throw new Error("dist-demo/index.html 不存在：先运行 npm run build:demo（npm test 会自动构建）");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} 不存在：apt-get install -y chromium fonts-noto-cjk（.ci/run 会自动安装）`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(DEMO, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"] });
  expected = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(url);
  await page.setInputFiles('[data-testid="file"]', file);
  await page.waitForSelector('[data-testid="grid"]');
  return page;
}

const fillOf = (page: Page, address: string) => page.getAttribute(`[data-testid="grid"] [data-cell="${address}"]`, "data-fill");

async function check(page: Page) {
  await page.click('[data-testid="check"]');
  await page.waitForSelector('[data-testid="finding"], [data-testid="cause"]');
  await page.waitForSelector('[data-testid="progress"]', { state: "detached" });
}

/** Every cell text of the sheet shown, by address. */
const gridTexts = (page: Page) =>
  page.$$eval('[data-testid="grid"] [data-cell]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-cell"), e.textContent ?? ""])));

test("校验 lists the findings with their counts and colours the bad cells; clicking selects; 清除标记 restores", async () => {
  const page = await openPage(ANYANG);
  await check(page);
  const summary = await page.textContent('[data-testid="summary"]');
  expect(summary).toContain(`识别 ${expected.tables.length} 张表`);
  // Errors and warnings count causes (what the clerk fixes); info counts findings.
  for (const [sev, word] of [["error", "错误"], ["warning", "警告"]] as const) expect(summary).toContain(`${word} ${expected.causeSummary[sev]} 处`);
  expect(summary).toContain(`错误 ${expected.causeSummary.error} 处（涉及 ${expected.causes.filter((c) => c.severity === "error").reduce((n, c) => n + c.findings.length, 0)} 项关系）`);
  expect(summary).toContain(`提示 ${expected.summary.info} 处`);
  // Groups are the tables.
  const groups = await page.$$eval('[data-testid="group"]', (els) => els.map((e) => e.textContent ?? ""));
  expect(groups.some((g) => g.startsWith("公开01表 收入支出决算总表") || g.startsWith("公开05表"))).toBe(true);

  // The first cause: click it, its sheet opens with the cell selected and red.
  const firstCause = expected.causes[0];
  const firstError = firstCause.findings[0];
  const cell = firstCause.cells[0];
  expect(await page.textContent('[data-testid="cause"][data-cause="1"] [data-testid="cause-title"]')).toBe(firstCause.title);
  await page.click('[data-testid="cause"][data-cause="1"] [data-testid="cause-title"]');
  await page.waitForSelector(`[data-testid="grid"][data-sheet="${cell.sheet}"]`);
  expect(await fillOf(page, refA1(cell))).toBe(HIGHLIGHT_FILL.error);
  // Every highlighted cell of that sheet has its severity's colour; others none.
  const plan = highlightPlan(expected.findings).get(cell.sheet)!;
  for (const [a, sev] of plan) expect(await fillOf(page, a)).toBe(HIGHLIGHT_FILL[sev as "error" | "warning"]);
  expect(await fillOf(page, "A1")).toBe("");
  await page.screenshot({ path: path.join(ARTIFACTS, "e2e-1-checked.png") });

  // Its findings are folded beneath it; 展开 shows them.
  expect(await page.$$('[data-testid="finding"][data-nested="true"]')).toHaveLength(0);
  await page.click('[data-testid="cause"][data-cause="1"] [data-testid="cause-toggle"]');
  await page.waitForSelector('[data-testid="finding"][data-nested="true"]');
  expect(await page.$$('[data-testid="finding"][data-nested="true"]')).toHaveLength(firstCause.findings.length);

  // Selecting a cell in the sheet shows its findings in the pane.
  await page.click(`[data-testid="grid"] [data-cell="${refA1(cell)}"]`);
  const detail = await page.textContent('[data-testid="cell-detail"]');
  expect(detail).toContain(firstError.message.slice(0, 30));

  // Filters and search.
  await page.click('[data-testid="count-info"]');
  expect(await page.$$('[data-testid="finding"][data-severity="info"]')).toHaveLength(0);
  await page.fill('input[aria-label="搜索问题"]', "公开07表");
  const texts = await page.$$eval('[data-testid="finding"], [data-testid="cause"]', (els) => els.map((e) => e.textContent ?? ""));
  expect(texts.length).toBeGreaterThan(0);
  await page.fill('input[aria-label="搜索问题"]', "");

  await page.click('[data-testid="clear"]');
  await page.waitForSelector('[data-testid="notice"]:has-text("已清除标记")');
  for (const [a] of plan) expect(await fillOf(page, a)).toBe("");
  await page.screenshot({ path: path.join(ARTIFACTS, "e2e-2-cleared.png") });
  await page.close();
});

test("采用建议值 writes the one cell after showing old → new and re-checks; 撤销 restores it exactly", async () => {
  const page = await openPage(ANYANG);
  await check(page);
  const cause = expected.causes[0];
  const ref = cause.cells[0];
  const at = refA1(ref);
  await page.click('[data-testid="cause"][data-cause="1"] [data-testid="cause-title"]');
  await page.waitForSelector(`[data-testid="grid"][data-sheet="${ref.sheet}"]`);
  const before = await gridTexts(page);
  expect(before[at] ?? "").toBe("");

  // old → new, and nothing written until the clerk confirms; 取消 writes nothing.
  await page.click('[data-testid="cause"][data-cause="1"] [data-testid="apply"]');
  expect(await page.textContent('[data-testid="apply-preview"]')).toContain(`${ref.sheet}!${at}：空 → ${cause.suggested!.shown}`);
  await page.click('[data-testid="apply-cancel"]');
  expect(await gridTexts(page)).toEqual(before);

  await page.click('[data-testid="cause"][data-cause="1"] [data-testid="apply"]');
  await page.click('[data-testid="apply-confirm"]');
  await page.waitForSelector(`[data-testid="notice"]:has-text("已将 ${ref.sheet}!${at} 由 空 改为 ${cause.suggested!.shown}")`);
  await page.waitForSelector('[data-testid="progress"]', { state: "detached" });
  const after = await gridTexts(page);
  // Exactly one cell changed, to the suggested value.
  expect(Number(after[at])).toBe(Number(cause.suggested!.plain));
  expect({ ...after, [at]: "" }).toEqual({ ...before, [at]: "" });
  // Re-checked: that cause is gone, one error fewer.
  expect(await page.textContent('[data-testid="summary"]')).toContain(`错误 ${expected.causeSummary.error - 1} 处`);
  expect(await page.$$eval('[data-testid="cause-title"]', (els) => els.map((e) => e.textContent))).not.toContain(cause.title);
  await page.screenshot({ path: path.join(ARTIFACTS, "e2e-6-applied.png") });

  await page.click('[data-testid="undo"]');
  await page.waitForSelector(`[data-testid="notice"]:has-text("已撤销：${ref.sheet}!${at} 恢复为 空")`);
  await page.waitForSelector('[data-testid="progress"]', { state: "detached" });
  await page.click('[data-testid="cause"][data-cause="1"] [data-testid="cause-title"]');
  expect(await gridTexts(page)).toEqual(before);
  expect(await page.textContent('[data-testid="summary"]')).toContain(`错误 ${expected.causeSummary.error} 处`);
  expect(await page.textContent('[data-testid="cause"][data-cause="1"] [data-testid="cause-title"]')).toBe(cause.title);
  expect(await page.$('[data-testid="undo"]')).toBeNull();
  await page.close();
});

test("生成情况说明 writes the sheet, asks before overwriting it, and offers the Word file", async () => {
  const page = await openPage(ANYANG);
  await page.click('[data-testid="tab-narrative"]');
  await page.click('[data-testid="generate"]');
  await page.waitForSelector('[data-testid="narrative-done"]');
  await page.waitForSelector('[data-testid="grid"][data-sheet="情况说明（生成稿）"]');
  const title = await page.textContent('[data-testid="grid"] [data-cell="A1"]');
  expect(title).toMatch(/2021年度.*决算/);
  const a = await page.textContent('[data-testid="grid"] [data-cell="A3"]');
  expect((a ?? "").length).toBeGreaterThan(20);
  await page.screenshot({ path: path.join(ARTIFACTS, "e2e-3-narrative.png") });
  // Again: the clerk is asked first.
  await page.click('[data-testid="generate"]');
  await page.waitForSelector('[data-testid="overwrite"]');
  await page.click('[data-testid="overwrite"]');
  await page.waitForSelector('[data-testid="notice"]:has-text("已写入工作表")');
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="docx"]')]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const saved = path.join(ARTIFACTS, "e2e-narrative.docx");
  await download.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
  await page.close();
});

test("charts and blank templates are inserted; a workbook saved from the page restores its colours when reopened", async () => {
  const page = await openPage(ANYANG);
  await page.click('[data-testid="tab-insert"]');
  await page.click('[data-testid="insert-charts"]');
  await page.waitForSelector('[data-testid="chart"]');
  expect((await page.$$('[data-testid="chart"]')).length).toBe(4);
  await page.screenshot({ path: path.join(ARTIFACTS, "e2e-4-charts.png") });
  await page.click('[data-testid="template-final01"]');
  await page.click('[data-testid="template-perfSelfEval"]');
  await page.click('[data-testid="insert-templates"]');
  await page.waitForSelector('[data-testid="notice"]:has-text("已插入 2 张空白表")');
  const tabs = await page.$$eval('[data-testid="sheet-tabs"] [data-sheet]', (els) => els.map((e) => e.getAttribute("data-sheet")));
  expect(tabs).toEqual(expect.arrayContaining(["公开01表(2)", "项目支出绩效自评表", "图表"]));

  await page.click('[data-testid="tab-check"]');
  await check(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="save"]')]);
  const file = path.join(ARTIFACTS, "e2e-saved.xlsx");
  await download.saveAs(file);
  const reopened = await WebHost.open(fs.readFileSync(file), "e2e-saved.xlsx");
  expect(await reopened.hasHighlights()).toBe(true);
  const wb = await reopened.readWorkbook();
  // The inserted blank templates are recognised like the others.
  expect(checkWorkbook(wb).tables.map((t) => t.sheet)).toEqual(expect.arrayContaining(["公开01表(2)", "项目支出绩效自评表"]));
  const restored = await reopened.clearHighlights();
  expect(restored).toBe([...highlightPlan(checkWorkbook(wb).findings).values()].reduce((n, m) => n + m.size, 0));
  await page.close();
});

test("5,000+ findings: the list is virtualised and scrolls to the last one", async () => {
  const file = path.join(ARTIFACTS, "many-findings.xlsx");
  const wb = manyFindingsWorkbook();
  fs.writeFileSync(file, await snapshotToXlsxBuffer(wb));
  const result = checkWorkbook(wb);
  expect(result.findings.length).toBeGreaterThanOrEqual(5000);
  const page = await openPage(file);
  await check(page);
  expect(await page.textContent('[data-testid="count-error"]')).toContain(String(result.summary.error));
  // Only the rows in view are in the page.
  expect((await page.$$('[data-testid="finding"], [data-testid="cause"]')).length).toBeLessThan(100);
  await page.$eval('[data-testid="findings"]', (el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForTimeout(300);
  const last = await page.$$eval('[data-testid="finding"], [data-testid="cause"]', (els) => els.map((e) => e.textContent ?? ""));
  expect(last.length).toBeGreaterThan(0);
  expect(last.length).toBeLessThan(100);
  await page.screenshot({ path: path.join(ARTIFACTS, "e2e-5-many.png") });
  await page.close();
});

test("a workbook with charts ExcelJS cannot read opens, is checked, and says what a saved copy lacks", async () => {
  const page = await openPage(path.join(FIXTURES, "other-formats", "charts-and-chart-sheets.xlsx"));
  expect(await page.textContent('[data-testid="read-warning"]')).toContain("不含图片和图表");
  await check(page);
  expect((await page.$$('[data-testid="finding"], [data-testid="cause"]')).length).toBeGreaterThan(0);
  await page.close();
  // A workbook ExcelJS reads whole carries no such warning.
  const plain = await openPage(ANYANG);
  expect(await plain.$('[data-testid="read-warning"]')).toBeNull();
  await plain.close();
});

test("a file that is not a workbook gets a clear message", async () => {
  const bad = path.join(ARTIFACTS, "not-a-workbook.xlsx");
  fs.writeFileSync(bad, "hello");
  const page = await browser.newPage();
  await page.goto(url);
  await page.setInputFiles('[data-testid="file"]', bad);
  await page.waitForSelector("text=不是 .xlsx 文件");
  // Another format is named, with what to do (the picker offers .xls, so that a clerk gets this rather than a greyed-out file).
  expect(await page.getAttribute('[data-testid="file"]', "accept")).toContain(".xls,");
  await page.setInputFiles('[data-testid="file"]', path.join(__dirname, "..", "fixtures", "other-formats", "excel-97-2003.xls"));
  await page.waitForSelector("text=Excel 97-2003 格式的工作簿");
  await page.close();
});
