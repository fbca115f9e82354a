/**
 * Batch throughput of the command line: the bundled example copied N times
 * (BENCH_BATCH_FILES, default 120) into a temporary folder, checked with
 * `node bin/disclosure-check.js DIR --jobs J --json >/dev/null` for J = 1, 2, 4.
 *
 * Per core = files per minute ÷ min(J, cores): a run with more jobs than cores
 * gets no more CPU than the cores. Target: ≥ 1,000 workbooks per minute per core.
 * The wall time includes process start, worker start and module loading.
 * Each --jobs value runs BENCH_BATCH_RUNS times (default 3, interleaved with the
 * others) and the median run is reported: on a shared machine one run of the
 * same build can be a third slower than the next.
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
const RUNS = Math.max(1, Number(process.env.BENCH_BATCH_RUNS ?? 3));
const JOBS = [1, 2, 4];
interface Run {
  secs: number;
  cpu?: number;
}
const runs = new Map<number, Run[]>(JOBS.map((j) => [j, []]));
for (let r = 0; r < RUNS; r++) {
  for (const jobs of JOBS) {
    const devnull = openSync(os.devNull, "w");
    const cpu0 = childCpuSeconds();
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [BIN, dir, "--jobs", String(jobs), "--json"], { stdio: ["ignore", devnull, "pipe"], encoding: "utf8" });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu1 = childCpuSeconds();
    closeSync(devnull);
    if (res.status !== 1) {
      console.error(`--jobs ${jobs}：退出码 ${res.status}（应为 1：示例有错误）\n${res.stderr}`);
      process.exitCode = 1;
      continue;
    }
    runs.get(jobs)!.push({ secs, cpu: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined });
  }
}
let allMet = true;
for (const jobs of JOBS) {
  const list = runs.get(jobs)!.sort((a, b) => a.secs - b.secs);
  if (!list.length) {
    allMet = false;
    continue;
  }
  const { secs, cpu } = list[(list.length - 1) >> 1];
  const workers = Math.min(jobs, cores);
  const perMin = (N / secs) * 60;
  const perCore = perMin / workers;
  const met = perCore >= TARGET;
  allMet &&= met;
  const cpuText = cpu ? `；CPU ${cpu.toFixed(2)} 秒，${Math.round((N / cpu) * 60)} 个/CPU分钟` : "";
  const spread = list.length > 1 ? `（${list.length} 次：${list.map((x) => x.secs.toFixed(2)).join("、")} 秒，取中位数）` : "";
  console.log(
    `批量吞吐：--jobs ${jobs}${workers < jobs ? `（${workers} 个工作线程：不多于核数）` : ""}  ${secs.toFixed(2)} 秒，${Math.round(perMin)} 个/分钟，${Math.round(perCore)} 个/分钟/核 (target ≥ ${TARGET}/min/core): ${met ? "met" : "not met"}${cpuText}${spread}`,
  );
}
rmSync(dir, { recursive: true, force: true });
if (!allMet) console.log("（未达标：用 node --cpu-prof bin/disclosure-check.js 文件夹 --jobs 1 查看每个工作簿的时间花在哪里）");
