/**
 * V8's tiering, set for a batch of workbooks before the engine is loaded.
 * (The figures below are from Node 20; the flag of other Node versions is at the end.)
 *
 * What the profile showed (anyang example, `--trace-opt`, 480 files in one
 * process): the engine is a large body of code in which most functions run once
 * per workbook (a rule's check, a table's parser, the narrative catalogue).
 * With V8's default budget each of them, after enough workbooks, becomes "hot"
 * and is compiled by TurboFan on a background thread, and they keep arriving:
 * about 200 compilations per 40 workbooks were still being made between the
 * 240th and the 480th file, some of 50–250 ms each (buildFinalFacts, the rules'
 * check functions). That background compiling was a third of the batch's CPU
 * time, and on a machine where every core runs a worker it takes the cores the
 * workers need.
 *
 * A larger interrupt budget (the bytecode a function must execute before V8
 * considers optimising it) leaves the once-per-workbook functions to the
 * baseline tiers and still optimises the truly hot ones (the XML parser, the
 * amount parser, the loops over cells). Measured on 120 files in one process,
 * CPU per file (all threads): 80–88 ms by default, 59–66 ms with 200 K to
 * 1.6 M (all about equal); main-thread time unchanged, also after 480 files.
 * 400 K is ≈6× Node 20's default (67,584: `node --v8-options`). The cost: a
 * flag changed after start makes Node's built-in code cache unusable, so each
 * worker starts about 10 ms later (47 → 56 ms, measured); once per worker.
 *
 * The flag is set at run time with v8.setFlagsFromString, which Node documents
 * as unsafe in general because most flags shape structures V8 has already
 * built. This one does not: V8 reads it each time it gives a function a new
 * budget, so it takes effect for code loaded after it and for every worker
 * isolate started after it, which is all of the engine. A threshold given on
 * node's own command line (node --interrupt-budget=… disclosure-check …) wins.
 *
 * The flag depends on the V8 (checked with each Node's `node --v8-options`):
 * - V8 11.3 (Node 20) has --interrupt-budget, default 67,584: set to 400 K.
 * - V8 12 (Node 22) and V8 13 (Node 24) have no --interrupt-budget: V8 prints
 *   "Error: unrecognized flag" for it on stderr, in the middle of the output.
 *   They count invocations instead (--invocation-count-for-turbofan, default
 *   3,000; Maglev, a tier Node 20 does not run, comes at 400). On Node 22.23,
 *   60 files in one process, CPU (all threads, four runs each): 6.4–6.8 s by
 *   default, 5.0–5.9 s with 18,000 (6×); so 18,000 is set there. On Node 24.22
 *   the default already gave 4.1–5.0 s and 18,000 4.2–4.7 s, no gain out of
 *   the noise: nothing is set.
 * - Any other V8 (Node 21, or a Node not released yet): nothing is set; a flag
 *   that V8 does not know would only print its error.
 *
 * Efficiency mode, V8 13 (Node 24) only, and only when every core runs a
 * worker. `--efficiency-mode` ("no latency requirements, uses fewer threads")
 * makes V8 compile and collect garbage mostly on the thread that runs the code
 * instead of on background threads, and tier up later. Where a core is free
 * (one file after another in this thread, or fewer workers than cores) the
 * background threads run there for nothing, and the mode only lengthens the
 * batch: --jobs 1, 120 files, four runs each, 5.55–5.82 s by default against
 * 6.02–7.76 s. Where every core runs a worker they take the workers' cores:
 * --jobs 2 on 2 cores, 120 files, interleaved runs, median 5.35 s (CPU 10.0 s)
 * by default against 4.78 s (9.1 s) over six runs, and 5.66 against 4.75 s over
 * five. On Node 22.23 it gave nothing (median 5.18 s against 5.24, five runs,
 * with its invocation count set): it is not set there, nor on Node 20, whose
 * V8 has no such flag. Set at run time, it takes effect in worker isolates
 * started after it (checked: their background CPU time drops to almost none).
 * `--efficiency-mode` or `--no-efficiency-mode` on node's command line wins.
 */
import * as v8 from "v8";

export const BATCH_INTERRUPT_BUDGET = 400 * 1024;
export const BATCH_TURBOFAN_INVOCATIONS = 18_000;

/** The tiering flags chosen below; one of them on node's own command line is kept as given. */
const TIERING_FLAGS = ["interrupt-budget", "invocation-count-for-turbofan"] as const;

/** The tiering flag worth setting for a batch on this V8 (see above), or undefined. */
export function batchTieringFlag(v8Version: string = process.versions.v8): { name: (typeof TIERING_FLAGS)[number]; value: number } | undefined {
  const [major, minor] = v8Version.split(".").map(Number);
  if (major === 11 && minor <= 3) return { name: "interrupt-budget", value: BATCH_INTERRUPT_BUDGET };
  if (major === 12) return { name: "invocation-count-for-turbofan", value: BATCH_TURBOFAN_INVOCATIONS };
  return undefined;
}

/** The name of a node option, "_" read as "-" (V8 takes both), without a leading "no-". */
function optionName(arg: string): string | undefined {
  return /^--([a-z_-]+)(=|$)/.exec(arg)?.[1]?.replace(/_/g, "-").replace(/^no-/, "");
}

/** Whether a node option is one of the tiering flags. */
function isTieringFlag(arg: string): boolean {
  const name = optionName(arg);
  return !!name && (TIERING_FLAGS as readonly string[]).includes(name);
}

/** Whether V8's efficiency mode is worth setting (see above): V8 13, and as many workers as cores. */
export function batchEfficiencyMode(workers: number, cores: number, v8Version: string = process.versions.v8): boolean {
  return Number(v8Version.split(".")[0]) === 13 && workers >= 2 && workers >= cores;
}

/** How the batch will run: its worker threads (0: every file in this thread) and the machine's cores. */
export interface BatchLoad {
  workers: number;
  cores: number;
}

/** This process's node options, V8 and v8.setFlagsFromString, unless a test gives others. */
export interface TieringEnv {
  execArgv?: readonly string[];
  v8Version?: string;
  set?: (flags: string) => void;
}

let tuned = false;

/**
 * Sets the batch's V8 flags once per process, before the engine is loaded here
 * or in a worker: the threshold of this V8 and, where it pays, efficiency mode.
 * A flag of either kind on node's command line is kept as given. Returns the
 * flags set.
 */
export function tuneTieringForBatch(load: BatchLoad, env: TieringEnv = {}): string[] {
  const { execArgv = process.execArgv, v8Version = process.versions.v8, set = v8.setFlagsFromString } = env;
  if (tuned) return [];
  tuned = true;
  const flags: string[] = [];
  const flag = batchTieringFlag(v8Version);
  if (flag && !execArgv.some(isTieringFlag)) flags.push(`--${flag.name}=${flag.value}`);
  if (batchEfficiencyMode(load.workers, load.cores, v8Version) && !execArgv.some((a) => optionName(a) === "efficiency-mode")) flags.push("--efficiency-mode");
  for (const f of flags) set(f);
  return flags;
}
