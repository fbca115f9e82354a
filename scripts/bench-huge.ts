/**
 * A workbook too large to read whole (src/host/xlsx/oversize.ts): a data sheet
 * of BENCH_HUGE_ROWS rows × 10 columns (default 400,000: 4,000,010 cells, twice
 * the per-sheet limit), checked by the command line in a process limited to a
 * 1 GB heap, as on a small office laptop (Node gives itself about a quarter of
 * the memory). Before the cut existed, 10,000,000 cells needed 3.2 GB and
 * killed a process limited to 2 GB ("Reached heap limit").
 *
 * Printed: time, the process's peak memory (resident), and whether it ended
 * with the sheet reported as truncated instead of a crash.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "disclosure-check.js");
const ROWS = Number(process.env.BENCH_HUGE_ROWS ?? 400_000);
const HEAP_MB = 1024;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "disclosure-bench-huge-"));
  const file = path.join(dir, "明细账.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet("明细");
  ws.addRow(["日期", "科目", "金额", "摘要", "借方", "贷方", "余额", "凭证号", "附件", "备注"]).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(Array.from({ length: 10 }, (_, c) => (c === 1 ? `科目${i % 50}` : i * 7 + c + 0.25))).commit();
  ws.commit();
  await wb.commit();
  // The child's own peak memory, printed at its exit (Node has no rusage of children).
  const probe = path.join(dir, "maxrss.js");
  writeFileSync(probe, `process.on("exit", () => process.stderr.write("\\nMAXRSS " + process.resourceUsage().maxRSS + "\\n"));\n`);
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--require", probe, BIN, file, "--json"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Number(/MAXRSS (\d+)/.exec(res.stderr ?? "")?.[1] ?? NaN) / 1024;
  let truncated: string | undefined;
  try {
    const json = JSON.parse(res.stdout) as { findings: { rule: string; message: string }[] };
    truncated = json.findings.find((f) => f.rule === "common.sheet-truncated")?.message;
  } catch {
    truncated = undefined;
  }
  const met = (res.status === 0 || res.status === 1) && !!truncated;
  console.log(
    `超大工作表：${(ROWS * 10 + 10).toLocaleString("en-US")} 个单元格，堆上限 ${HEAP_MB} MB：${secs.toFixed(1)} 秒，峰值内存 ${Number.isFinite(rss) ? rss.toFixed(0) : "?"} MB，` +
      `退出码 ${res.status ?? res.signal} (target: no crash, the sheet reported as truncated): ${met ? "met" : "not met"}`,
  );
  if (truncated) console.log(`  ${truncated}`);
  else console.log(res.stderr.split("\n").slice(-8).join("\n"));
  rmSync(dir, { recursive: true, force: true });
  if (!met) process.exitCode = 1;
}

void main();
