/**
 * Add-in figures for `npm run bench` (after `npm run build:all`):
 *   - production bundle size (dist/taskpane.js: bytes, gzip) and the demo bundle;
 *   - what @microsoft/office-js-helpers would cost if imported for host/platform
 *     detection (a throwaway webpack build of `import { Utilities }`), and whether
 *     that code contains network APIs;
 *   - the standalone page in headless chromium: time to first render, time to
 *     open the anyang workbook, time for 校验 (read, check, highlight, list), and
 *     with 5,000+ findings the time to check and to re-filter the list.
 * Each browser figure is the median of several runs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { chromium } from "playwright-core";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { manyFindingsWorkbook } from "../test/support/manyFindings";
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
    first.push(await page.evaluate(() => performance.now()));
    let t = Date.now();
    await page.setInputFiles('[data-testid="file"]', anyang);
    await page.waitForSelector('[data-testid="check"]');
    open.push(Date.now() - t);
    t = Date.now();
    await page.click('[data-testid="check"]');
    await page.waitForSelector('[data-testid="finding"]');
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
    await page.waitForSelector('[data-testid="finding"]');
    await page.waitForSelector('[data-testid="progress"]', { state: "detached", timeout: 120_000 });
    manyCheck.push(Date.now() - t);
    count = (await page.textContent('[data-testid="count-error"]')) ?? "";
    // Filter the whole list out and back in (5,000+ rows regrouped and re-rendered each time).
    t = Date.now();
    await page.click('[data-testid="count-error"]');
    await page.waitForSelector("text=没有符合筛选条件的问题");
    await page.click('[data-testid="count-error"]');
    await page.waitForSelector('[data-testid="finding"]');
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
  console.log(`Production bundle dist/taskpane.js: ${kb(task.raw)} minified, ${kb(task.gzip)} gzip (React, Fluent UI v9, engine, Word writer; office.js not included)`);
  const demoJs = fs.readdirSync(path.join(ROOT, "dist-demo")).find((f) => /^demo\..*\.js$/.test(f));
  if (demoJs) {
    const d = size(path.join(ROOT, "dist-demo", demoJs));
    console.log(`Standalone page dist-demo/${demoJs}: ${kb(d.raw)} minified, ${kb(d.gzip)} gzip (adds ExcelJS)`);
  }
  const h = await helpersCost();
  console.log(`@microsoft/office-js-helpers, importing only Utilities: ${kb(h.raw)} minified, ${kb(h.gzip)} gzip; network APIs inside: ${h.network.join(", ") || "none"} (not used by the pane)`);
  const b = await browserFigures();
  console.log(`Standalone page in headless chromium (median of ${RUNS}): first render ${b.first.toFixed(0)} ms; open anyang .xlsx ${b.open} ms; 校验 (read, check, highlight, list) ${b.check} ms`);
  console.log(`5,000+ findings (${b.count.trim()}): 校验 ${b.manyCheck} ms; switching the error filter re-renders the list in ${b.refilter} ms`);
}

if (require.main === module) {
  benchAddin().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
