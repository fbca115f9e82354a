/**
 * npm run bench: times the engine on the fixtures and on generated large
 * workbooks, and prints, per workbook, the .xlsx load time, the check time and
 * their ratio. Targets: checking adds no more than 25 % to the load time on the
 * large generated workbook, and no more than 50 % on the 200 绩效 tables; each
 * is printed as "figure — target — met / not met". Each figure is the median of
 * several runs (BENCH_RUNS, 9), taken after ten warm-up runs (BENCH_WARMUP) of the same workbook (the JIT
 * compiles each family's code paths on its first workbooks: a reviewer's batch
 * checks hundreds of files in one process). The first, cold check of each
 * workbook — what a single `disclosure-check file.xlsx` pays — is printed
 * beside it ("cold check ms"), so the warm figure hides nothing.
 *
 * Each workbook is measured in a process of its own (this script run again with
 * BENCH_CASE set), as a single `disclosure-check` run would be: in one shared
 * process the figures depended on the order of the cases (the 200-table workbook,
 * measured after the 5,000-row one, inherited its heap and its JIT state and
 * read 10–15 points worse than when measured first).
 *
 * The check/load ratio is the median of each run's own ratio: a run's load and
 * check are timed back to back, so a slow moment of a shared machine weighs on
 * both, where a ratio of two separate medians mixes moments.
 */
import { spawnSync } from "child_process";
import { promises as fs, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { WorkbookSnapshot } from "../src/core/grid/snapshot";
import type * as CheckModule from "../src/core/check";
import type * as ReadModule from "../src/host/xlsx/read";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { generateFinalSet } from "../test/support/finalSet";
import { generatePerfSet } from "../test/support/perfSet";

// Time the compiled engine (build/, produced by `npm run build:cli`): the code the
// command line runs, not the on-the-fly transpiled sources.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { checkWorkbook } = require("../build/core/check") as typeof CheckModule;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { readXlsxBuffer } = require("../build/host/xlsx/read") as typeof ReadModule;

export interface BenchRow {
  name: string;
  cells: number;
  bytes: number;
  loadMs: number;
  checkMs: number;
  findings: number;
  /** Check time of the first run of this workbook, before any warm-up. */
  coldCheckMs: number;
  /** Median over the measured runs of each run's check time ÷ its own load time. */
  ratio: number;
  /** Peak resident memory of the process that measured it, MB. */
  peakRssMb?: number;
}

export interface BenchCase {
  name: string;
  data: Uint8Array;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** Runs of each workbook before the measured ones (discarded; the first gives the cold figure). */
const WARMUP = Math.max(1, Number(process.env.BENCH_WARMUP ?? 10));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function countCells(wb: WorkbookSnapshot): number {
  let n = 0;
  for (const s of wb.sheets) for (const r of s.rows.values()) n += r.size;
  return n;
}

async function measure(c: BenchCase): Promise<BenchRow> {
  const loads: number[] = [];
  const checks: number[] = [];
  const ratios: number[] = [];
  let cells = 0;
  let findings = 0;
  let coldCheckMs = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const wb = await readXlsxBuffer(c.data, c.name);
    const t1 = process.hrtime.bigint();
    const r = checkWorkbook(wb);
    const t2 = process.hrtime.bigint();
    if (i === 0) coldCheckMs = Number(t2 - t1) / 1e6;
    if (i < WARMUP) continue;
    loads.push(Number(t1 - t0) / 1e6);
    checks.push(Number(t2 - t1) / 1e6);
    ratios.push(Number(t2 - t1) / Number(t1 - t0));
    cells = countCells(wb);
    findings = r.findings.length;
  }
  return { name: c.name, cells, bytes: c.data.length, loadMs: median(loads), checkMs: median(checks), ratio: median(ratios), findings, coldCheckMs };
}

export async function fixtureCases(): Promise<BenchCase[]> {
  const dir = path.join(__dirname, "..", "test", "fixtures");
  const names = [
    "anyang-2021-final.xlsx",
    "anyang-2021-targets.xlsx",
    "baotou-2022-project-selfeval.xlsx",
    "templates/shanghai-putuo-2026-department-budget-template.xlsx",
    "templates/shanghai-putuo-2026-unit-budget-template.xlsx",
  ];
  const out: BenchCase[] = [];
  for (const n of names) out.push({ name: path.basename(n), data: new Uint8Array(await fs.readFile(path.join(dir, n))) });
  return out;
}

export async function generatedCases(): Promise<BenchCase[]> {
  const large = generateFinalSet({ items: 5000, tails: true, seed: 42 });
  return [{ name: "generated-final-5000-rows.xlsx", data: await snapshotToXlsxBuffer(large.workbook) }];
}

/** Extra cases contributed by other families (performance tables, budget…). */
export const extraCases: (() => Promise<BenchCase[]>)[] = [];

// Performance family: 200 project self-evaluation tables (10 stacked per sheet).
extraCases.push(async () => [{ name: "generated-perf-200-tables.xlsx", data: await snapshotToXlsxBuffer(generatePerfSet({ tables: 200, perSheet: 10 })) }]);

function pad(s: string, n: number): string {
  const w = [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 255 ? 2 : 1), 0);
  return s + " ".repeat(Math.max(0, n - w));
}

export async function runBench(): Promise<BenchRow[]> {
  const cases = [...(await fixtureCases()), ...(await generatedCases())];
  for (const extra of extraCases) cases.push(...(await extra()));
  const dir = mkdtempSync(path.join(os.tmpdir(), "disclosure-bench-"));
  const rows: BenchRow[] = [];
  try {
    for (const c of cases) {
      const file = path.join(dir, c.name);
      writeFileSync(file, c.data);
      // The same interpreter and loader (tsx) as this run, on one workbook.
      const r = spawnSync(process.execPath, [...process.execArgv, __filename], {
        env: { ...process.env, BENCH_CASE: file },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (r.error) throw new Error(`bench of ${c.name} could not start: ${r.error.message}`);
      const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
      if (r.status !== 0 || !line.startsWith("{")) throw new Error(`bench of ${c.name} failed (exit ${r.status}): ${r.stdout ?? ""}`);
      rows.push(JSON.parse(line) as BenchRow);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The child's job: measure the one workbook in BENCH_CASE and print its row as JSON. */
async function measureOne(file: string): Promise<void> {
  const row = await measure({ name: path.basename(file), data: new Uint8Array(readFileSync(file)) });
  row.peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(row) + "\n");
}

async function main(): Promise<void> {
  console.log(`披露表校验助手 bench — Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg()[0].toFixed(2)}, median of ${RUNS} runs after ${WARMUP} warm-up runs per workbook, each workbook in a process of its own\n`);
  const rows = await runBench();
  console.log(`${pad("workbook", 44)}${pad("cells", 9)}${pad("size", 10)}${pad("load ms", 10)}${pad("check ms", 10)}${pad("check/load", 12)}${pad("cold check ms", 15)}findings`);
  for (const r of rows) {
    const ratio = r.ratio;
    console.log(
      `${pad(r.name, 44)}${pad(String(r.cells), 9)}${pad(`${(r.bytes / 1024).toFixed(0)} KB`, 10)}${pad(r.loadMs.toFixed(1), 10)}${pad(r.checkMs.toFixed(1), 10)}${pad(`${(ratio * 100).toFixed(1)} %`, 12)}${pad(r.coldCheckMs.toFixed(1), 15)}${r.findings}`,
    );
  }
  // Targets: the check adds at most 25 % to the load time of the large generated workbook, 50 % on the 200 绩效 tables.
  const targets: [string, string, number][] = [
    ["generated-final", "Engine check, 5,000-row generated workbook", 0.25],
    ["generated-perf", "Engine check, 200 绩效 self-evaluation tables", 0.5],
  ];
  console.log("");
  for (const [prefix, what, target] of targets) {
    const r = rows.find((x) => x.name.startsWith(prefix));
    if (!r) continue;
    const ratio = r.ratio;
    console.log(
      `${what}: check ÷ .xlsx load ${(ratio * 100).toFixed(1)} % (median of ${RUNS} runs; check ${r.checkMs.toFixed(1)} ms, load ${r.loadMs.toFixed(1)} ms) — target ≤ ${target * 100} % — ${ratio <= target ? "met" : "not met"}`,
    );
  }
  const peak = rows.reduce((a, r) => (r.peakRssMb !== undefined && (!a || r.peakRssMb > (a.peakRssMb ?? 0)) ? r : a), undefined as BenchRow | undefined);
  if (peak) console.log(`Peak memory: ${peak.peakRssMb!.toFixed(0)} MB resident, measuring ${peak.name} (${RUNS + WARMUP} loads and checks)`);
}

if (require.main === module) {
  (process.env.BENCH_CASE ? measureOne(process.env.BENCH_CASE) : main()).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
