/**
 * npm run fuzz [-- --seed S --count N --bytes B]: N seeded cases (default 10,000
 * from seed 1) through the whole engine — random grids, damaged real and
 * generated workbooks, garbled narratives (test/support/fuzzCases.ts) — checking
 * after each that nothing threw, every finding is well formed and names real
 * cells, causes hold together and the input was not modified. Then B damaged
 * files (default 1,000; test/support/byteFuzz.ts) through the .xlsx reader:
 * bytes changed, zeroed, cut or repeated, or an XML part garbled inside the zip,
 * over .xlsx, .xls, locked, .ods and HTML files; each must read to a workbook
 * that checks, or be refused with an UnreadableWorkbookError naming the file.
 *
 * Case k has seed S + k: a failing case is rerun alone with
 * `npm run fuzz -- --seed <its seed> --count 1` (a byte case with
 * `--count 0 --bytes 1 --seed <its seed>`). Exit 1 when any case failed.
 */
import { FuzzFailure, fuzzBases, makeFuzzCase, runFuzzCase, vocabulary } from "../test/support/fuzzCases";
import { byteBases, runByteCase } from "../test/support/byteFuzz";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  const v = eq ? eq.slice(name.length + 1) : i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} 需要一个非负整数，而不是“${v}”`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  const seed = arg("--seed", 1);
  const count = arg("--count", 10000);
  const verbose = process.argv.includes("--verbose");
  const t0 = Date.now();
  const bases = await fuzzBases();
  const words = vocabulary(bases);
  console.log(`模糊测试：${count} 个用例，种子 ${seed}…${seed + count - 1}；${bases.length} 个基础工作簿，词表 ${words.length} 条（准备用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  const failures = new Map<string, { seed: number; n: number; error: string; label: string }>();
  const kinds = new Map<string, number>();
  const slow: { seed: number; ms: number; label: string }[] = [];
  const t1 = Date.now();
  let lastShown = t1;
  for (let k = 0; k < count; k++) {
    const s = seed + k;
    const c0 = Date.now();
    let label = "";
    try {
      const c = makeFuzzCase(s, bases, words);
      label = `${c.kind}: ${c.label}`;
      kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
      runFuzzCase(c);
    } catch (e) {
      const error = e instanceof FuzzFailure ? e.message : `generator: ${e instanceof Error ? e.stack : String(e)}`;
      // One entry per distinct failure (first line, numbers folded).
      const key = error.split("\n")[0].replace(/\d+/g, "#").slice(0, 200);
      const f = failures.get(key);
      if (f) f.n++;
      else {
        failures.set(key, { seed: s, n: 1, error, label });
        console.log(`\n✗ 用例种子 ${s} 失败（${label.slice(0, 200)}）\n  ${error.split("\n").slice(0, 12).join("\n  ")}\n  重现：npm run fuzz -- --seed ${s} --count 1`);
      }
    }
    const ms = Date.now() - c0;
    if (ms > 2000) slow.push({ seed: s, ms, label });
    if (verbose) console.log(`${s} ${ms} ms ${label.slice(0, 120)}`);
    const now = Date.now();
    if (now - lastShown > 5000 || k === count - 1) {
      lastShown = now;
      const secs = (now - t1) / 1000;
      console.log(`已运行 ${k + 1}/${count}（${((k + 1) / secs).toFixed(1)} 个/秒，失败 ${[...failures.values()].reduce((a, f) => a + f.n, 0)}）`);
    }
  }
  const secs = Math.max(0.001, (Date.now() - t1) / 1000);
  console.log(
    `\n完成：${count} 个用例（${[...kinds].map(([k, n]) => `${k} ${n}`).join("，")}），用时 ${secs.toFixed(1)} 秒，${(count / secs).toFixed(1)} 个/秒`,
  );
  if (slow.length) {
    slow.sort((a, b) => b.ms - a.ms);
    console.log(`较慢的用例（> 2 秒）：${slow.slice(0, 5).map((x) => `种子 ${x.seed} ${x.ms} ms`).join("，")}`);
  }
  if (failures.size) {
    console.log(`失败：${[...failures.values()].reduce((a, f) => a + f.n, 0)} 个用例，${failures.size} 种错误：`);
    for (const f of failures.values()) console.log(`  种子 ${f.seed}（同类 ${f.n} 个）：${f.error.split("\n")[0]}`);
    return 1;
  }
  console.log("未发现问题。");
  return 0;
}

/** The byte stage: B damaged files through the reader. Returns the number of failed cases. */
async function byteStage(seed: number, count: number): Promise<number> {
  if (count === 0) return 0;
  const bases = byteBases();
  console.log(`\n文件损坏：${count} 个用例，种子 ${seed}…${seed + count - 1}，${bases.length} 个基础文件`);
  const t0 = Date.now();
  let read = 0;
  let refused = 0;
  let failed = 0;
  for (let k = 0; k < count; k++) {
    const s = seed + k;
    try {
      if ((await runByteCase(bases, s)) === "read") read++;
      else refused++;
    } catch (e) {
      failed++;
      console.log(`\n✗ 文件损坏用例种子 ${s} 失败\n  ${(e instanceof Error ? e.message : String(e)).split("\n").slice(0, 8).join("\n  ")}\n  重现：npm run fuzz -- --seed ${s} --count 0 --bytes 1`);
    }
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`完成：${count} 个损坏文件，读出并校验 ${read} 个，拒绝读取（原因写明）${refused} 个，失败 ${failed} 个，用时 ${secs.toFixed(1)} 秒`);
  return failed;
}

main()
  .then(async (code) => ((await byteStage(arg("--seed", 1), arg("--bytes", 1000))) ? 1 : code))
  .then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
