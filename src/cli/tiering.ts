/**
 * V8's tiering, set for a batch of workbooks before the engine is loaded.
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
 * isolate started after it, which is all of the engine. A budget given on
 * node's own command line (node --interrupt-budget=… disclosure-check …) wins.
 * The flag exists under this name in every V8 of Node 20–24.
 */
import * as v8 from "v8";

export const BATCH_INTERRUPT_BUDGET = 400 * 1024;

let tuned = false;

/** Sets the batch budget once per process; a budget on node's command line is kept. */
export function tuneTieringForBatch(execArgv: readonly string[] = process.execArgv): boolean {
  if (tuned) return false;
  tuned = true;
  if (execArgv.some((a) => /^--interrupt[-_]budget(=|$)/.test(a))) return false;
  v8.setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
  return true;
}
