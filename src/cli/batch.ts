/**
 * Batch checking for reviewers: directories expand to the workbooks they hold,
 * and files are checked by a pool of worker threads (one workbook per task).
 * Results are handed back with their input index; the caller restores the input
 * order. A file that cannot be read, or whose check crashes (even the worker
 * itself), becomes an outcome with its reason: the batch always runs to the end.
 */
import { promises as fs, existsSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { FileOutcome, FileTask, errorText, failedOutcome } from "./outcome";
import { tuneTieringForBatch } from "./tiering";

/** Workbook files a directory may hold; Excel's lock files "~$名称.xlsx" are not workbooks. */
export function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(name) && !name.startsWith("~$");
}

/**
 * Spreadsheets of other formats a department may send instead (Excel 97-2003,
 * binary, WPS, OpenDocument). A folder's are taken in with its workbooks, so
 * that each is a row of the summary with its reason ("另存为 .xlsx"), never
 * silently missing from a review: reading them says what they are.
 */
export function isOtherSpreadsheetName(name: string): boolean {
  return /\.(xls|xlsb|et|ods)$/i.test(name) && !name.startsWith("~$");
}

export interface Input {
  file: string;
  /** Set when the argument cannot yield a workbook (an empty directory). */
  reason?: string;
}

/**
 * The workbooks under `dir` (recursively, sorted by name at each level). A
 * sub-folder that cannot be read (no permission, removed meanwhile) is an input
 * with its reason, at its place: the rest of the folder is still checked.
 */
async function walk(dir: string, out: Input[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const name of names) {
    const e = byName.get(name)!;
    const full = path.join(dir, name);
    if (e.isDirectory()) {
      await walk(full, out).catch((err) => {
        const code = (err as NodeJS.ErrnoException)?.code;
        const why = code === "EACCES" || code === "EPERM" ? "没有读取权限" : errorText(err);
        out.push({ file: full, reason: `${full}：这个文件夹读不了（${why}），其中的文件未校验` });
      });
    } else if (isWorkbookName(name) || isOtherSpreadsheetName(name)) {
      if (e.isFile()) out.push({ file: full });
      // A symbolic link to a workbook counts; links to directories are not followed (no cycles).
      else if (e.isSymbolicLink()) {
        const st = await fs.stat(full).catch(() => undefined);
        if (st?.isFile()) out.push({ file: full });
      }
    }
  }
}

/**
 * The command line's file arguments, directories expanded in place to their
 * .xlsx/.xlsm files and other spreadsheets (.xls, .xlsb, .et, .ods, which are
 * reported as unreadable with what to do; recursively, sorted by name). Anything that is not a
 * directory is kept as given: reading it reports what is wrong with it.
 */
export async function expandInputs(args: string[]): Promise<{ inputs: Input[]; directories: number }> {
  const inputs: Input[] = [];
  let directories = 0;
  for (const a of args) {
    const st = await fs.stat(a).catch(() => undefined);
    if (!st?.isDirectory()) {
      inputs.push({ file: a });
      continue;
    }
    directories++;
    const found: Input[] = [];
    try {
      await walk(a, found);
    } catch (e) {
      inputs.push({ file: a, reason: `${a}：无法读取文件夹（${errorText(e)}）` });
      continue;
    }
    if (found.length === 0) inputs.push({ file: a, reason: `${a}：这是一个文件夹，其中没有 .xlsx 或 .xlsm 文件` });
    else inputs.push(...found);
  }
  return { inputs, directories };
}

export function defaultJobs(): number {
  const n = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n || 1);
}

/**
 * Workers for a batch: as many as asked (default one per core), but never more
 * than the cores. More workers than cores only add each one's start and JIT
 * warm-up: measured on 2 cores, 120 files, --jobs 4 took 6.7–6.9 s against
 * 5.3–6.2 s for --jobs 2.
 */
export function effectiveJobs(requested: number | undefined, cores: number = defaultJobs()): number {
  return Math.max(1, Math.min(requested ?? cores, cores));
}

/** The compiled worker beside this file (absent when the sources run untranspiled, e.g. under tsx). */
export function workerScript(): string | undefined {
  const p = path.join(__dirname, "worker.js");
  return /\.js$/.test(__filename) && existsSync(p) ? p : undefined;
}

export type OnOutcome = (index: number, outcome: FileOutcome) => void;

/**
 * How long one workbook may take in a worker before it is stopped (seconds).
 * The largest workbooks measured take far less: 10,000,000 cells (cut to
 * 2,000,000, ../host/xlsx/oversize.ts) 30 s; a disclosure workbook well under
 * a second. A workbook that takes longer has met something nobody foresaw (a
 * pattern that makes a rule run on and on): it becomes a row with its reason
 * and its worker is replaced, so that the batch still ends.
 */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** setTimeout's longest delay (2³¹−1 ms, 24.8 days); a longer one would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Checks every task with `jobs` workers (in this thread when no compiled
 * worker exists, or as below) and calls `onOutcome` as each one finishes.
 * `script` is the worker's file (tests give ones that crash or hang).
 *
 * `timeoutSeconds`: given (--timeout), it applies to every file, so the files
 * are checked in a worker even when one worker is all there is (one file,
 * --jobs 1, one core); 0 is no limit. Not given, files are checked in this
 * thread when one worker is all there is (no worker to start: faster, and a
 * single file that runs on can be interrupted by its user), else in workers
 * with the default limit.
 */
export async function runBatch(
  tasks: FileTask[],
  jobs: number,
  onOutcome: OnOutcome,
  script: string | undefined = workerScript(),
  timeoutSeconds?: number,
): Promise<void> {
  const n = Math.min(jobs, tasks.length);
  const limited = timeoutSeconds !== undefined && timeoutSeconds > 0;
  const inThread = !script || (n <= 1 && !limited);
  const timeout = timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  // Before the engine is loaded here or in a worker (./tiering.ts); one file gains nothing from it.
  if (tasks.length > 1) tuneTieringForBatch({ workers: inThread ? 0 : n, cores: defaultJobs() });
  if (inThread) {
    // The engine is loaded here only: with workers, this thread never needs it.
    const { checkFile } = await import("./checkFile");
    for (let i = 0; i < tasks.length; i++) onOutcome(i, await checkFile(tasks[i]));
    return;
  }
  await new Promise<void>((resolve) => {
    let next = 0;
    let done = 0;
    let live = 0;
    const finish = (i: number, o: FileOutcome) => {
      done++;
      onOutcome(i, o);
    };
    const start = () => {
      const w = new Worker(script);
      live++;
      let current = -1;
      let dead = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stopTimer = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
      };
      const feed = () => {
        if (next >= tasks.length) {
          current = -1;
          void w.terminate();
          return;
        }
        current = next++;
        w.postMessage({ id: current, task: tasks[current] });
        if (timeout > 0) {
          timer = setTimeout(() => {
            timer = undefined;
            const i = current;
            die("", `${tasks[i].file}：校验超过 ${timeout} 秒仍未完成，已停止（可用 --timeout 加大时限，0 为不限）`);
            void w.terminate();
          }, Math.min(timeout * 1000, MAX_DELAY_MS));
        }
      };
      /** The worker is lost: its current file gets `message`, else "校验时出错（why）". */
      const die = (why: string, message?: string) => {
        stopTimer();
        if (dead) return;
        dead = true;
        live--;
        if (current >= 0) {
          const i = current;
          current = -1;
          finish(i, failedOutcome(tasks[i], "crash", message ?? `${tasks[i].file}：校验时出错（${why}）`));
        }
        // Replace the lost worker while work remains.
        if (next < tasks.length) start();
        else if (live === 0 || done === tasks.length) resolve();
      };
      w.on("message", (m: { id: number; outcome?: FileOutcome; error?: string }) => {
        if (m.id !== current || dead) return;
        stopTimer();
        const i = current;
        current = -1;
        // The worker gets its next file first: it checks while this thread writes the output.
        feed();
        finish(i, m.outcome ?? failedOutcome(tasks[i], "crash", `${tasks[i].file}：校验时出错（${m.error}）`));
      });
      w.on("error", (e) => die(`工作线程异常：${e && typeof e === "object" && "message" in e ? (e as Error).message : String(e)}`));
      w.on("exit", (code) => {
        if (current >= 0) die(`工作线程意外退出，退出码 ${code}`);
        else if (!dead) {
          dead = true;
          live--;
          if (live === 0) resolve();
        }
      });
      feed();
    };
    for (let k = 0; k < n; k++) start();
  });
}
