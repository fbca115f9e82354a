/**
 * Add-in figures for `npm run bench` (after `npm run build:all`):
 *   - production bundle size (dist/taskpane.js: bytes, gzip), the chunks loaded
 *     on demand, and the standalone page's bundles;
 *   - what @microsoft/office-js-helpers would cost if imported for host/platform
 *     detection (a throwaway webpack build of `import { Utilities }`), and whether
 *     that code contains network APIs;
 *   - Office.js round trips (context.sync calls) of the adapter, counted on an
 *     office-addin-mock Excel: reading a workbook, highlighting, clearing;
 *   - the standalone page in headless chromium: time to first render (the
 *     performance mark the page sets once its toolbar and pane are rendered),
 *     time to open the anyang workbook, time for 校验 (read, check, highlight,
 *     list), and with 5,000+ findings the time to check and to re-filter the list.
 * Each browser figure is the median of several runs. Figures with a target are
 * printed as "figure — target — met / not met".
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { chromium } from "playwright-core";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { manyFindingsWorkbook } from "../test/support/manyFindings";
import "./office-mock-resolve";
import { mockExcel } from "../test/support/excelMock";
import { generateFinalSet } from "../test/support/finalSet";
import { buildSheet } from "../test/support/sheet";
import { readWorkbookOffice } from "../src/host/office/read";
import type * as HighlightModule from "../src/host/office/highlight";
import type * as ReadModule from "../src/host/office/read";
import type { Finding } from "../src/core/report/finding";
import type { WorkbookSnapshot } from "../src/core/grid/snapshot";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("./serve-static.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpack = require("webpack");

const ROOT = path.join(__dirname, "..");
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function size(file: string): { raw: number; gzip: number } {
  const data = fs.readFileSync(file);
  return { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

async function helpersCost(): Promise<{ raw: number; gzip: number; network: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ojh-"));
  const entry = path.join(dir, "entry.js");
  fs.writeFileSync(entry, 'import { Utilities } from "@microsoft/office-js-helpers";\nconsole.log(Utilities.host, Utilities.platform);\n');
  await new Promise<void>((resolve, reject) =>
    webpack({ mode: "production", entry, output: { path: dir, filename: "out.js" }, resolve: { modules: [path.join(ROOT, "node_modules")] }, performance: { hints: false } }, (err: Error | null, stats: { hasErrors: () => boolean; toString: () => string }) =>
      err || stats.hasErrors() ? reject(err ?? new Error(stats.toString())) : resolve(),
    ),
  );
  const out = path.join(dir, "out.js");
  const code = fs.readFileSync(out, "utf8");
  const network = ["XMLHttpRequest", "fetch(", "WebSocket"].filter((a) => code.includes(a));
  return { ...size(out), network };
}

const verdict = (met: boolean) => (met ? "met" : "not met");
const FIRST_RENDER_MARK = "disclosure-checker:first-render";
const FIRST_RENDER_TARGET_MS = 1000;
const ROUND_TRIP_TARGET = 2;

/** A fresh copy of the highlight adapter: a pane that has not written the workbook's record (a reopened workbook). */
function freshHighlightModule(): typeof HighlightModule {
  const id = require.resolve("../src/host/office/highlight");
  delete require.cache[id];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id);
}

/** A fresh pane session: its read adapter and the highlight adapter it shares (a reopened workbook). */
function freshPaneModules(): { read: typeof ReadModule; highlight: typeof HighlightModule } {
  for (const m of ["../src/host/office/highlight", "../src/host/office/read"]) delete require.cache[require.resolve(m)];
  /* eslint-disable @typescript-eslint/no-require-imports */
  const read = require("../src/host/office/read") as typeof ReadModule;
  const highlight = require("../src/host/office/highlight") as typeof HighlightModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { read, highlight };
}

/** Round trips of the Office adapter on office-addin-mock, for a 3-sheet and a 12-sheet workbook. */
export async function officeRoundTrips(): Promise<{ what: string; counts: number[]; noTarget?: boolean }[]> {
  const set = generateFinalSet({ seed: 91, tails: true }).workbook;
  const twelve: WorkbookSnapshot = {
    name: "twelve.xlsx",
    sheets: [...set.sheets, buildSheet({ name: "封面", rows: [["测试局2023年度部门决算"]] }), buildSheet({ name: "说明", rows: [["一、收入支出决算总体情况说明"]] }), buildSheet({ name: "空白", rows: [] })],
  };
  const three: WorkbookSnapshot = { name: "three.xlsx", sheets: twelve.sheets.slice(0, 3) };
  const findings = (wb: WorkbookSnapshot, n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => ({ rule: "bench", severity: i % 3 ? "error" : "warning", message: `${i}`, cells: [{ sheet: wb.sheets[i % wb.sheets.length].name, row: 5 + Math.floor(i / wb.sheets.length), col: 2 + (i % 4) }] }));
  const read: number[] = [];
  const apply: number[] = [];
  const clearSame: number[] = [];
  const clearReopened: number[] = [];
  const clearCold: number[] = [];
  for (const [wb, n] of [
    [three, 10],
    [twelve, 3000],
  ] as [WorkbookSnapshot, number][]) {
    const m = mockExcel(wb);
    await readWorkbookOffice(m.context, { mergedAreas: true });
    read.push(m.syncs());
    const h = freshHighlightModule();
    const a = mockExcel(wb);
    await h.applyHighlights(a.context, findings(wb, n));
    apply.push(a.syncs());
    await h.clearHighlightsOffice(a.context);
    clearSame.push(a.syncs() - apply[apply.length - 1]);
    const b = mockExcel(wb);
    await h.applyHighlights(b.context, findings(wb, n));
    // Reopened, as the pane works: it reads the workbook (the record comes along), then clears.
    const reopened = mockExcel(wb, b.fills(), b.parts);
    const pane = freshPaneModules();
    await pane.read.readWorkbookOffice(reopened.context, { mergedAreas: true, highlightRecord: true });
    const afterRead = reopened.syncs();
    await pane.highlight.clearHighlightsOffice(reopened.context);
    clearReopened.push(reopened.syncs() - afterRead);
    // Reopened and cleared without a read first (not the pane's way): the record must be read before the fills.
    const c = mockExcel(wb);
    await h.applyHighlights(c.context, findings(wb, n));
    const cold = mockExcel(wb, c.fills(), c.parts);
    await freshHighlightModule().clearHighlightsOffice(cold.context);
    clearCold.push(cold.syncs());
  }
  return [
    { what: "read the workbook", counts: read },
    { what: "highlight", counts: apply },
    { what: "clear highlights (same session)", counts: clearSame },
    { what: "clear highlights (workbook reopened, after the pane read it)", counts: clearReopened },
    { what: "clear highlights (workbook reopened, no read first; not the pane's way)", counts: clearCold, noTarget: true },
  ];
}

async function browserFigures() {
  const demo = path.join(ROOT, "dist-demo");
  const server = await serve(demo, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"] });
  const many = path.join(os.tmpdir(), "bench-many-findings.xlsx");
  fs.writeFileSync(many, await snapshotToXlsxBuffer(manyFindingsWorkbook()));
  const anyang = path.join(ROOT, "test", "fixtures", "anyang-2021-final.xlsx");
  const first: number[] = [];
  const open: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector('[data-testid="open"]');
    // When the page's own mark was set (React has rendered the toolbar and the pane), from navigation start.
    first.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, FIRST_RENDER_MARK));
    let t = Date.now();
    await page.setInputFiles('[data-testid="file"]', anyang);
    await page.waitForSelector('[data-testid="check"]');
    open.push(Date.now() - t);
    t = Date.now();
    await page.click('[data-testid="check"]');
    await page.waitForSelector('[data-testid="finding"], [data-testid="cause"]');
    await page.waitForSelector('[data-testid="progress"]', { state: "detached" });
    check.push(Date.now() - t);
    await page.close();
  }
  const manyCheck: number[] = [];
  const refilter: number[] = [];
  let count = "";
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.setInputFiles('[data-testid="file"]', many);
    await page.waitForSelector('[data-testid="check"]');
    let t = Date.now();
    await page.click('[data-testid="check"]');
    await page.waitForSelector('[data-testid="finding"], [data-testid="cause"]');
    await page.waitForSelector('[data-testid="progress"]', { state: "detached", timeout: 120_000 });
    manyCheck.push(Date.now() - t);
    count = (await page.textContent('[data-testid="count-error"]')) ?? "";
    // Filter the whole list out and back in (5,000+ rows regrouped and re-rendered each time).
    t = Date.now();
    await page.click('[data-testid="count-error"]');
    await page.waitForSelector("text=没有符合筛选条件的问题");
    await page.click('[data-testid="count-error"]');
    await page.waitForSelector('[data-testid="finding"], [data-testid="cause"]');
    refilter.push((Date.now() - t) / 2);
    await page.close();
  }
  await browser.close();
  server.close();
  return { first: median(first), open: median(open), check: median(check), manyCheck: median(manyCheck), refilter: median(refilter), count };
}

export async function benchAddin(): Promise<void> {
  console.log("\n— Add-in —");
  const task = size(path.join(ROOT, "dist", "taskpane.js"));
  console.log(`Production bundle dist/taskpane.js: ${kb(task.raw)} minified, ${kb(task.gzip)} gzip (React, Fluent UI v9, engine; office.js not included)`);
  for (const f of fs.readdirSync(path.join(ROOT, "dist")).filter((f) => f.endsWith(".js") && !["taskpane.js", "commands.js"].includes(f))) {
    const c = size(path.join(ROOT, "dist", f));
    console.log(`  loaded on demand: dist/${f} ${kb(c.raw)} minified, ${kb(c.gzip)} gzip`);
  }
  const demoFiles = fs.readdirSync(path.join(ROOT, "dist-demo")).filter((f) => f.endsWith(".js"));
  for (const f of demoFiles.sort((a, b) => Number(b.startsWith("demo.")) - Number(a.startsWith("demo.")))) {
    const d = size(path.join(ROOT, "dist-demo", f));
    const role = f.startsWith("demo.") ? "loaded with the page" : f.startsWith("exceljs.") ? "ExcelJS, loaded when a workbook is opened" : "loaded on demand";
    console.log(`Standalone page dist-demo/${f}: ${kb(d.raw)} minified, ${kb(d.gzip)} gzip (${role})`);
  }
  const h = await helpersCost();
  console.log(`@microsoft/office-js-helpers, importing only Utilities: ${kb(h.raw)} minified, ${kb(h.gzip)} gzip; network APIs inside: ${h.network.join(", ") || "none"} (not used by the pane)`);
  console.log(`Office.js round trips (context.sync, office-addin-mock; 3 sheets/10 findings, 12 sheets/3,000 findings):`);
  for (const r of await officeRoundTrips()) {
    const worst = Math.max(...r.counts);
    console.log(r.noTarget ? `  ${r.what}: ${r.counts.join(" / ")}` : `  ${r.what}: ${r.counts.join(" / ")} — target ${ROUND_TRIP_TARGET} — ${verdict(worst <= ROUND_TRIP_TARGET)}`);
  }
  const b = await browserFigures();
  console.log(`Standalone page in headless chromium (median of ${RUNS}): first render ${b.first.toFixed(0)} ms — target ≤ ${FIRST_RENDER_TARGET_MS} ms — ${verdict(b.first <= FIRST_RENDER_TARGET_MS)}`);
  console.log(`  open anyang .xlsx ${b.open} ms; 校验 (read, check, highlight, list) ${b.check} ms`);
  console.log(`5,000+ findings (${b.count.trim()}): 校验 ${b.manyCheck} ms; switching the error filter re-renders the list in ${b.refilter} ms`);
}

if (require.main === module) {
  benchAddin().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
