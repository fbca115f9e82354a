/**
 * Batch throughput of the command line: the bundled example copied N times
 * (BENCH_BATCH_FILES, default 120) into a temporary folder, checked with
 * `node bin/disclosure-check.js DIR --jobs J --json >/dev/null` for J = 1, 2, 4.
 *
 * Per core = files per minute ÷ min(J, cores): a run with more jobs than cores
 * gets no more CPU than the cores. Target: ≥ 1,000 workbooks per minute per core.
 * The wall time includes process start, worker start and module loading.
 *
 * On a shared machine the wall time says more about the neighbours than about
 * the program, so the CPU time the run used (all its threads, from the kernel's
 * account of waited-for children, Linux only) is printed too: files per
 * CPU-minute is the throughput of one core that is not shared.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "disclosure-check.js");
const EXAMPLE = path.join(ROOT, "examples", "anyang-2021-final.xlsx");
const N = Number(process.env.BENCH_BATCH_FILES ?? 120);
const TARGET = 1000;
const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;

/** CPU seconds used by this process's waited-for children (Linux /proc), or undefined. */
function childCpuSeconds(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 16 and 17 (cutime, cstime), counted from 1 with pid and comm: index 13, 14 here.
  const ticks = Number(f[13]) + Number(f[14]);
  let hz = 100;
  try {
    hz = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    // keep 100
  }
  return ticks / hz;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "disclosure-bench-batch-"));
for (let i = 0; i < N; i++) copyFileSync(EXAMPLE, path.join(dir, `部门${String(i + 1).padStart(4, "0")}.xlsx`));

console.log(`批量吞吐：${N} 个工作簿（${path.basename(EXAMPLE)} 的副本），本机 ${cores} 核，负载 ${os.loadavg()[0].toFixed(2)}`);
let allMet = true;
for (const jobs of [1, 2, 4]) {
  const devnull = openSync(os.devNull, "w");
  const cpu0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, dir, "--jobs", String(jobs), "--json"], { stdio: ["ignore", devnull, "pipe"], encoding: "utf8" });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childCpuSeconds();
  const cpu = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  closeSync(devnull);
  if (r.status !== 1) {
    console.error(`--jobs ${jobs}：退出码 ${r.status}（应为 1：示例有错误）\n${r.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const perMin = (N / secs) * 60;
  const perCore = perMin / Math.min(jobs, cores);
  const met = perCore >= TARGET;
  allMet &&= met;
  const cpuText = cpu ? `；CPU ${cpu.toFixed(2)} 秒，${Math.round((N / cpu) * 60)} 个/CPU分钟` : "";
  console.log(
    `批量吞吐：--jobs ${jobs}  ${secs.toFixed(2)} 秒，${Math.round(perMin)} 个/分钟，${Math.round(perCore)} 个/分钟/核 (target ≥ ${TARGET}/min/core): ${met ? "met" : "not met"}${cpuText}`,
  );
}
rmSync(dir, { recursive: true, force: true });
if (!allMet) console.log("（未达标：用 node --cpu-prof bin/disclosure-check.js 文件夹 --jobs 1 查看每个工作簿的时间花在哪里）");
