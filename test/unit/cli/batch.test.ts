/**
 * Batch mode as a reviewer uses it: a folder of workbooks (one good, one with
 * errors, one that is no workbook at all), --jobs, --summary .xlsx / .csv, and
 * the output order whatever the completion order.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, promises as fsPromises, readFileSync, readdirSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { snapshotToXlsxBuffer } from "../../../src/host/xlsx/write";
import { runBatch, expandInputs, isWorkbookName, isOtherSpreadsheetName, effectiveJobs } from "../../../src/cli/batch";
import { FileOutcome, FileTask, workbookDepartment } from "../../../src/cli/checkFile";
import { FINDINGS_HEADER, SUMMARY_HEADER, alternativeName, summaryProblem, writeSummaryKeeping, cellsText, columnWidths, displayWidth, statusOf, summaryRecord, toCsv } from "../../../src/cli/summary";
import { generateFinalSet } from "../../support/finalSet";
import { FIXTURES } from "../../support/fixtures";
import { rng } from "../../support/random";

const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "disclosure-check.js");
let dir: string;
let out: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = "";
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") row.push(f), (f = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(f), rows.push(row), (row = []), (f = ""), i++;
    } else f += ch;
  }
  if (f || row.length) row.push(f), rows.push(row);
  return rows;
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "build", "cli", "worker.js"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(path.join(os.tmpdir(), "disclosure-batch-"));
  out = mkdtempSync(path.join(os.tmpdir(), "disclosure-batch-out-"));
  copyFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx"), path.join(dir, "anyang.xlsx"));
  writeFileSync(path.join(dir, "consistent.xlsx"), await snapshotToXlsxBuffer(generateFinalSet({ seed: 51, tails: true }).workbook));
  const rand = rng(99);
  writeFileSync(path.join(dir, "bad.xlsx"), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rand() * 256))));
  // Excel's lock file and files of other kinds are no input.
  writeFileSync(path.join(dir, "~$anyang.xlsx"), "lock");
  writeFileSync(path.join(dir, "notes.txt"), "not a workbook");
}, 120000);

const files = () => ["anyang.xlsx", "bad.xlsx", "consistent.xlsx"].map((f) => path.join(dir, f));

test("a folder expands to its workbooks, sorted, recursively, lock files left out", async () => {
  const sub = mkdtempSync(path.join(os.tmpdir(), "disclosure-expand-"));
  mkdirSync(path.join(sub, "b"));
  for (const f of ["b/2.xlsm", "a.xlsx", "~$a.xlsx", "c.XLSX", "d.xls", "b/1.xlsx", "e.txt", "f.docx", "~$g.xls"]) writeFileSync(path.join(sub, f), "");
  const { inputs, directories } = await expandInputs([sub, "missing.xlsx"]);
  expect(directories).toBe(1);
  // Sorted by name at each level, sub-folders in place; a non-folder argument is kept as given.
  // A spreadsheet of another format (d.xls) is taken in, to be reported; other files and lock files are not.
  expect(inputs.map((x) => x.file)).toEqual([...["a.xlsx", "b/1.xlsx", "b/2.xlsm", "c.XLSX", "d.xls"].map((f) => path.join(sub, f)), "missing.xlsx"]);
  expect(isWorkbookName("~$x.xlsx")).toBe(false);
  expect(isWorkbookName("x.xlsm")).toBe(true);
  expect(["x.xls", "X.XLSB", "x.et", "x.ods"].every(isOtherSpreadsheetName)).toBe(true);
  expect(["~$x.xls", "x.xlsx", "x.csv", "x.docx", "x.xls.txt"].some(isOtherSpreadsheetName)).toBe(false);
  const empty = mkdtempSync(path.join(os.tmpdir(), "disclosure-empty-"));
  expect((await expandInputs([empty])).inputs[0].reason).toMatch(/文件夹/);
});

test("a sub-folder that cannot be read is an input with its reason; the rest of the folder is still taken", async () => {
  const top = mkdtempSync(path.join(os.tmpdir(), "disclosure-expand-"));
  for (const d of ["甲局", "乙局", "丙局"]) mkdirSync(path.join(top, d));
  for (const f of ["甲局/决算.xlsx", "乙局/决算.xlsx", "丙局/决算.xlsx"]) writeFileSync(path.join(top, f), "");
  // Tests run as any user (root reads every folder whatever its mode): the refusal is the file system's answer, given here.
  const real = fsPromises.readdir.bind(fsPromises);
  const spy = jest.spyOn(fsPromises, "readdir").mockImplementation(((p: string, o: unknown) => {
    if (path.basename(p) === "乙局") return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: "EACCES" }));
    return real(p, o as never);
  }) as typeof fsPromises.readdir);
  try {
    const { inputs } = await expandInputs([top]);
    expect(inputs).toEqual([
      { file: path.join(top, "丙局", "决算.xlsx") },
      { file: path.join(top, "乙局"), reason: `${path.join(top, "乙局")}：这个文件夹读不了（没有读取权限），其中的文件未校验` },
      { file: path.join(top, "甲局", "决算.xlsx") },
    ]);
  } finally {
    spy.mockRestore();
  }
});

describe("--jobs 2 --summary .xlsx", () => {
  let code: number | null;
  let err: string;
  let wb: ExcelJS.Workbook;
  const summary = () => path.join(out, "汇总.xlsx");
  beforeAll(async () => {
    ({ code, err } = run([dir, "--jobs", "2", "--summary", summary()]));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary());
  }, 120000);

  test("exit 2 (one file unreadable); the reason on stderr; no progress line off a terminal", () => {
    expect(code).toBe(2);
    expect(err).toMatch(/无法读取 bad\.xlsx：不是 \.xlsx 文件/);
    expect(err).toContain("已写入汇总");
    expect(err).not.toContain("\r");
    // Nothing from V8 about the batch's tiering flag (Node 22+ knows no --interrupt-budget).
    expect(err).not.toMatch(/unrecognized flag|Try --help/);
  });

  test("汇总: one row per workbook in input order, with department, counts, first problems, status", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "全部问题"]);
    const ws = wb.getWorksheet("汇总")!;
    const rows = ws.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual([...SUMMARY_HEADER]);
    expect(rows.length).toBe(4);
    const col = (name: string) => SUMMARY_HEADER.indexOf(name as (typeof SUMMARY_HEADER)[number]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(files());
    const [anyang, bad, good] = rows.slice(1);
    expect(bad[col("状态")]).toMatch(/^不是 \.xlsx 文件/);
    expect(bad[col("错误")]).toBeUndefined();
    expect(anyang[col("状态")]).toBe("已校验");
    expect(anyang[col("部门")]).toBe("安阳市医疗保障局");
    expect(anyang[col("错误")] as number).toBeGreaterThan(0);
    expect(anyang[col("识别的表")] as number).toBeGreaterThanOrEqual(9);
    expect(anyang[col("原因")] as number).toBeGreaterThan(0);
    expect(String(anyang[col("前三条问题")])).toMatch(/^① 公开01表!C13 应为 480\.55（现为空）；② 公开01表!C34 应为 772\.37/);
    expect(good[col("错误")]).toBe(0);
    expect(good[col("部门")]).toBe("测试市医疗保障局");
    expect(good[col("状态")]).toBe("已校验");
  });

  test("both sheets: frozen header, AutoFilter over it, widths set", () => {
    for (const [name, header] of [["汇总", SUMMARY_HEADER], ["全部问题", FINDINGS_HEADER]] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${String.fromCharCode(64 + header.length)}1`);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...header]);
      expect(ws.getRow(1).font?.bold ?? ws.getCell(1, 1).font?.bold).toBe(true);
      for (let c = 1; c <= header.length; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);
    }
  });

  test("全部问题 holds every finding of the --json run, in the same order", () => {
    const { out: json } = run([dir, "--jobs", "2", "--json"]);
    const j = JSON.parse(json) as { file: string; findings: { rule: string; message: string; cause?: number }[] }[];
    const ws = wb.getWorksheet("全部问题")!;
    const rows = ws.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    const all = j.flatMap((x) => x.findings.map((f) => [x.file, f.rule, f.message, f.cause]));
    expect(rows.length).toBe(all.length);
    expect(rows.map((r) => [r[0], r[3], r[5], r[6] ?? undefined])).toEqual(all);
    expect(rows.find((r) => r[3] === "common.unreadable")?.[4]).toBe("错误");
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["错误", "警告", "提示"]));
  });
});

test("a folder's spreadsheets of other formats are rows with what to do, not missing from the review", () => {
  const mixed = mkdtempSync(path.join(os.tmpdir(), "disclosure-mixed-"));
  mkdirSync(path.join(mixed, "二〇二一"));
  copyFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx"), path.join(mixed, "二〇二一", "医保局.xlsx"));
  // An .xlsx that someone renamed .xls is read for what it is.
  copyFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx"), path.join(mixed, "改名.xls"));
  const kinds: [string, string, RegExp][] = [
    ["excel-97-2003.xls", "教育局.xls", /Excel 97-2003 格式的工作簿（\.xls）/],
    ["password-1234.xlsx", "卫健委.xlsx", /设置了打开密码/],
    ["html-table.xls", "系统导出.xls", /网页（HTML）格式的表格/],
    ["opendocument.ods", "民政局.ods", /OpenDocument 表格/],
    ["binary.xlsb", "财政局.xlsb", /Excel 二进制工作簿/],
  ];
  for (const [from, to] of kinds) copyFileSync(path.join(FIXTURES, "other-formats", from), path.join(mixed, to));
  writeFileSync(path.join(mixed, "说明.txt"), "不是工作簿");
  const csv = path.join(out, "混合.csv");
  const r = run([mixed, "--jobs", "2", "--summary", csv, "--no-info"]);
  expect(r.code).toBe(2);
  const rows = parseCsv(readFileSync(csv, "utf8").slice(1));
  const byName = new Map(rows.slice(1).map((row) => [path.basename(row[0]), row]));
  expect([...byName.keys()].sort()).toEqual(["医保局.xlsx", "改名.xls", ...kinds.map((k) => k[1])].sort());
  const status = SUMMARY_HEADER.indexOf("状态");
  for (const [, name, re] of kinds) {
    expect(byName.get(name)![status]).toMatch(re);
    expect(r.err).toContain(`无法读取 ${name}：`);
  }
  expect(byName.get("改名.xls")![status]).toBe("已校验");
  expect(byName.get("改名.xls")![SUMMARY_HEADER.indexOf("部门")]).toBe("安阳市医疗保障局");
  expect(byName.get("医保局.xlsx")![status]).toBe("已校验");
});

test("--summary .csv: the 汇总 rows, UTF-8 with BOM, CRLF, quoted", () => {
  const csv = path.join(out, "汇总.csv");
  expect(run([...files(), "--jobs", "2", "--summary", csv, "--no-info"]).code).toBe(2);
  const text = readFileSync(csv, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.endsWith("\r\n")).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual([...SUMMARY_HEADER]);
  expect(rows.slice(1).map((r) => r[0])).toEqual(files());
  for (const r of rows) expect(r.length).toBe(SUMMARY_HEADER.length);
  expect(rows[1][5]).toBe("0"); // --no-info: no 提示
  expect(Number(rows[1][3])).toBeGreaterThan(0);
  expect(rows[2][8]).toMatch(/不是 \.xlsx 文件/);
  // One line per workbook.
  expect(text.split("\r\n").length).toBe(5);
});

test("output order with --jobs 2 equals --jobs 1 (text and JSON)", () => {
  const order = [path.join(dir, "consistent.xlsx"), path.join(dir, "bad.xlsx"), path.join(dir, "anyang.xlsx"), path.join(dir, "consistent.xlsx")];
  for (const mode of [[], ["--json"]]) {
    const one = run([...order, "--jobs", "1", ...mode]);
    const two = run([...order, "--jobs", "2", ...mode]);
    expect(two.code).toBe(2);
    expect(one.code).toBe(2);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
  }
  const j = JSON.parse(run([...order, "--json", "--jobs", "2"]).out);
  expect(j.map((x: { file: string }) => x.file)).toEqual(order);
});

test("--files-from: a list of files, one a line, checked like arguments (always an array)", () => {
  const list = path.join(out, "清单.txt");
  writeFileSync(list, "\ufeff" + files().reverse().join("\r\n") + "\r\n\r\n");
  const r = run(["--files-from", list, "--json", "--jobs", "2"]);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).map((x: { file: string }) => x.file)).toEqual(files().reverse());
  const one = path.join(out, "一个.txt");
  writeFileSync(one, files()[2] + "\n");
  expect(Array.isArray(JSON.parse(run(["--files-from", one, "--json"]).out))).toBe(true);
  expect(run(["--files-from", path.join(out, "nope.txt")]).err).toMatch(/无法读取文件清单/);
});

test("bad option values exit 2", () => {
  expect(run([dir, "--jobs", "0"]).err).toMatch(/--jobs 后面需要一个正整数/);
  expect(run([dir, "--jobs"]).code).toBe(2);
  expect(run([dir, "--summary", "x.txt"]).err).toMatch(/\.xlsx 或 \.csv/);
  expect(run([dir, "--timeout", "abc"]).err).toMatch(/--timeout 后面需要一个秒数/);
});

/** A worker script: `handler` is the body run for each `{ id, task }` it receives (`reply()` answers "ok"). */
function workerScript(name: string, handler: string): string {
  const script = path.join(out, name);
  writeFileSync(
    script,
    `const { parentPort } = require("worker_threads");
parentPort.on("message", ({ id, task }) => {
  const reply = () => parentPort.postMessage({ id, outcome: { file: task.file, status: "ok", tables: [], errors: false } });
  ${handler}
});`,
  );
  return script;
}

/** Runs files named `names` through `script` with `jobs` workers; the outcomes in input order. */
async function outcomesOf(names: string[], jobs: number, script: string, timeout?: number): Promise<FileOutcome[]> {
  const tasks: FileTask[] = names.map((file) => ({ file, info: true, json: true, text: false, color: false }));
  const got: [number, FileOutcome][] = [];
  await runBatch(tasks, jobs, (i, o) => got.push([i, o]), script, timeout);
  got.sort((a, b) => a[0] - b[0]);
  expect(got.map(([i]) => i)).toEqual(names.map((_, i) => i));
  return got.map(([, o]) => o);
}

test("a worker that crashes or exits costs only its file: the batch goes on", async () => {
  const script = workerScript(
    "crashy-worker.js",
    `if (task.file.includes("throw")) setTimeout(() => { throw new Error("boom"); });
  else if (task.file.includes("exit")) process.exit(7);
  else reply();`,
  );
  const got = await outcomesOf(["a", "throw-1", "b", "exit-1", "c", "throw-2", "d", "e"], 3, script);
  expect(got.map((o) => o.status)).toEqual(["ok", "crash", "ok", "crash", "ok", "crash", "ok", "ok"]);
  expect(got[1].reason).toMatch(/throw-1：校验时出错（工作线程异常：boom）/);
  expect(got[3].reason).toMatch(/退出码 7/);
  expect(got[1].json?.findings[0].rule).toBe("common.unreadable");
});

test("a workbook that takes too long in its worker is stopped, a row with its reason; its worker is replaced and the batch ends", async () => {
  // A worker that never answers for one file (as if a rule ran on and on), and answers at once for the others.
  const script = workerScript("hanging-worker.js", `if (task.file.includes("hang")) { for (;;) {} }
  reply();`);
  const t0 = Date.now();
  const got = await outcomesOf(["a", "hang-1", "b", "c", "hang-2", "d"], 2, script, 1);
  expect(got.map((o) => o.status)).toEqual(["ok", "crash", "ok", "ok", "crash", "ok"]);
  expect(got[1].reason).toBe("hang-1：校验超过 1 秒仍未完成，已停止（可用 --timeout 加大时限，0 为不限）");
  // Two stops of 1 s each, on two workers: the batch does not wait for the hung files to end (they never would).
  expect(Date.now() - t0).toBeLessThan(20_000);
  // A limit given applies when one worker is all there is too (one file, --jobs 1): it is checked in a worker.
  expect((await outcomesOf(["hang-1"], 1, script, 1)).map((o) => o.status)).toEqual(["crash"]);
  // A limit beyond what a timer can hold (24.8 days) is a limit that long, not one that fires at once.
  expect((await outcomesOf(["a", "b"], 2, script, 10_000_000)).map((o) => o.status)).toEqual(["ok", "ok"]);
}, 30_000);

test("a summary that cannot be written is said before any workbook is checked; nothing is left behind by asking", async () => {
  const missing = path.join(out, "没有这个文件夹", "汇总.xlsx");
  const r = run([dir, "--summary", missing]);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`汇总文件 ${missing} 所在的文件夹不存在\n`);
  expect(r.out).toBe("");
  // Asking leaves an existing file as it was, and creates none.
  const existing = path.join(out, "旧汇总.csv");
  writeFileSync(existing, "上次的汇总");
  expect(await summaryProblem(existing)).toBeUndefined();
  expect(readFileSync(existing, "utf8")).toBe("上次的汇总");
  const fresh = path.join(out, "新汇总.xlsx");
  expect(await summaryProblem(fresh)).toBeUndefined();
  expect(existsSync(fresh)).toBe(false);
  expect(await summaryProblem(out)).toMatch(/是一个文件夹/);
});

test("a summary that cannot replace its file at the end (opened in Excel meanwhile) goes beside it, under the first free name", async () => {
  expect(alternativeName("/x/汇总.xlsx", 2)).toBe("/x/汇总 (2).xlsx");
  expect(alternativeName("汇总", 3)).toBe("汇总 (3)");
  expect(alternativeName("/x/第1.批/汇总.csv", 2)).toBe("/x/第1.批/汇总 (2).csv");
  // What cannot be replaced here: a folder holding a file (Excel's lock on Windows refuses the same way).
  const target = path.join(out, "占用的汇总.csv");
  mkdirSync(target);
  writeFileSync(path.join(target, "x"), "");
  writeFileSync(path.join(out, "占用的汇总 (2).csv"), "another run's");
  let writes = 0;
  const r = await writeSummaryKeeping(target, [], async (f) => {
    writes++;
    writeFileSync(f, "the summary");
  });
  // Written once; "(2)" exists (another run's) and is left alone; "(3)" gets it.
  expect(writes).toBe(1);
  expect(r.written).toBe(path.join(out, "占用的汇总 (3).csv"));
  expect(readFileSync(r.written, "utf8")).toBe("the summary");
  expect(r.why).toMatch(/^汇总文件 .*占用的汇总\.csv 正被占用或不能替换/);
  expect(readFileSync(path.join(out, "占用的汇总 (2).csv"), "utf8")).toBe("another run's");
  expect(readdirSync(out).filter((f) => f.startsWith("~$"))).toEqual([]);
});

test("a summary whose writing fails midway (disk full) leaves the previous summary as it was, and nothing else", async () => {
  const target = path.join(out, "上次的汇总.csv");
  writeFileSync(target, "上次的汇总");
  const before = readdirSync(out).sort();
  await expect(
    writeSummaryKeeping(target, [], async (f) => {
      writeFileSync(f, "part of a summ");
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }),
  ).rejects.toThrow(`汇总文件 ${target} 无法写入（ENOSPC: no space left on device, write）`);
  expect(readFileSync(target, "utf8")).toBe("上次的汇总");
  expect(readdirSync(out).sort()).toEqual(before);
});

describe("summary rows (pure)", () => {
  test("statusOf drops the file name the reason starts with", () => {
    expect(statusOf("/x/bad.xlsx", "bad.xlsx：文件为空")).toBe("文件为空");
    expect(statusOf("/x/bad.xlsx", "/x/bad.xlsx：文件不存在")).toBe("文件不存在");
    expect(statusOf("a.xlsx", "其他")).toBe("其他");
  });

  test("summaryRecord: counts, causes, first three problems (causes first, then uncaused findings)", () => {
    const o: FileOutcome = {
      file: "f.xlsx",
      status: "ok",
      department: "某局",
      tables: ["公开01表 收入支出决算总表", "公开02表 收入决算表"],
      errors: true,
      json: {
        file: "f.xlsx",
        tables: [],
        causes: [{ id: 1, severity: "error", cells: [{ sheet: "S", cell: "A1" }], title: "S!A1 应为 1", findings: [0, 1] }],
        findings: [
          { rule: "r1", severity: "error", message: "m1", cells: [{ sheet: "S", cell: "A1" }, { sheet: "S", cell: "B2" }, { sheet: "T", cell: "C3" }], cause: 1 },
          { rule: "r2", severity: "error", message: "m2", cells: [], cause: 1 },
          { rule: "r3", severity: "info", message: "m3", cells: [{ sheet: "S", cell: "D4" }] },
          { rule: "r4", severity: "info", message: "m4", cells: [] },
          { rule: "r5", severity: "info", message: "m5", cells: [] },
        ],
        summary: { error: 2, warning: 0, info: 3 },
        causeSummary: { error: 1, warning: 0, info: 0 },
      },
    };
    const r = summaryRecord(o);
    expect(r.row).toEqual(["f.xlsx", "某局", 2, 2, 0, 3, 1, "① S!A1 应为 1；② m3；③ m4", "已校验"]);
    expect(r.findings[0]).toEqual(["f.xlsx", "S", "A1、B2、T!C3", "r1", "错误", "m1", 1]);
    expect(r.findings[2]).toEqual(["f.xlsx", "S", "D4", "r3", "提示", "m3", null]);
    expect(r.findings).toHaveLength(5);
    expect(cellsText([])).toBe("");
  });

  test("toCsv quotes what needs it", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], [1, null], [" lead", "多\n行"]])).toBe('\ufeffa,b\r\n"x,y","say ""hi"""\r\n1,\r\n" lead","多\n行"\r\n');
  });

  test("column widths: CJK counts double, capped, never narrower than the header", () => {
    expect(displayWidth("ab汉字")).toBe(6);
    expect(columnWidths(["文件", "级别"], [["很长的名字".repeat(30), "错误"]], [40, 4])).toEqual([40, 8]);
  });

  test("department: the majority name, the template placeholder ignored", () => {
    expect(workbookDepartment([{ department: "甲局" }, { department: "乙局" }, { department: " 乙局" }, {}])).toBe("乙局");
    expect(workbookDepartment([{ department: "【请填写部门名称】" }])).toBeUndefined();
  });

  test("workers: as many as asked, never more than the cores, at least one", () => {
    expect(effectiveJobs(8, 2)).toBe(2);
    expect(effectiveJobs(3, 4)).toBe(3);
    expect(effectiveJobs(1, 16)).toBe(1);
    expect(effectiveJobs(undefined, 4)).toBe(4);
    expect(effectiveJobs(undefined, 0)).toBe(1);
  });

  test("JIT tiering for a batch: set once per process, the flags of the V8 and the load, a flag on node's command line kept", () => {
    const NODE20 = "11.3.244.8-node.38";
    const NODE22 = "12.4.254.21-node.57";
    const NODE24 = "13.6.233.17-node.63";
    const inThread = { workers: 0, cores: 2 };
    const allCores = { workers: 2, cores: 2 };
    /** Each case in a fresh module (tuneTieringForBatch decides once per process): what it returned and what it set. */
    const tune = (calls: [readonly string[], string, { workers: number; cores: number }?][]) => {
      const set: string[] = [];
      const returned: string[][] = [];
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const { tuneTieringForBatch } = require("../../../src/cli/tiering") as typeof import("../../../src/cli/tiering");
        for (const [execArgv, v8Version, load] of calls) returned.push(tuneTieringForBatch(load ?? inThread, { execArgv, v8Version, set: (f) => set.push(f) }));
      });
      return { returned, set };
    };
    const budget = "--interrupt-budget=409600";
    expect(tune([[["--max-old-space-size=4096"], NODE20], [[], NODE20]])).toEqual({ returned: [[budget], []], set: [budget] });
    // Node 20's V8 has no efficiency mode: the same with every core busy.
    expect(tune([[[], NODE20, allCores]])).toEqual({ returned: [[budget]], set: [budget] });
    const count = "--invocation-count-for-turbofan=18000";
    expect(tune([[[], NODE22]])).toEqual({ returned: [[count]], set: [count] });
    expect(tune([[[], NODE22, allCores]])).toEqual({ returned: [[count]], set: [count] });
    // Node 24's V8: no threshold worth setting; efficiency mode only when every core runs a worker.
    expect(tune([[[], NODE24]])).toEqual({ returned: [[]], set: [] });
    expect(tune([[[], NODE24, { workers: 2, cores: 4 }]])).toEqual({ returned: [[]], set: [] });
    expect(tune([[[], NODE24, allCores]])).toEqual({ returned: [["--efficiency-mode"]], set: ["--efficiency-mode"] });
    expect(tune([[[], NODE24, { workers: 8, cores: 8 }]]).set).toEqual(["--efficiency-mode"]);
    // A flag given to node is kept, in either spelling, whichever V8.
    expect(tune([[["--interrupt-budget=100000"], NODE20], [[], NODE20]])).toEqual({ returned: [[], []], set: [] });
    expect(tune([[["--interrupt_budget", "100000"], NODE20]])).toEqual({ returned: [[]], set: [] });
    expect(tune([[["--invocation-count-for-turbofan=5000"], NODE22]])).toEqual({ returned: [[]], set: [] });
    expect(tune([[["--invocation_count_for_turbofan=5000"], NODE22]])).toEqual({ returned: [[]], set: [] });
    expect(tune([[["--no-efficiency-mode"], NODE24, allCores]])).toEqual({ returned: [[]], set: [] });
    expect(tune([[["--efficiency_mode"], NODE24, allCores]])).toEqual({ returned: [[]], set: [] });
  });

  test("efficiency mode: V8 13 only, and only with as many workers as cores", () => {
    const { batchEfficiencyMode } = require("../../../src/cli/tiering") as typeof import("../../../src/cli/tiering");
    expect(batchEfficiencyMode(2, 2, "13.6.233.17-node.63")).toBe(true);
    expect(batchEfficiencyMode(4, 2, "13.6.233.17-node.63")).toBe(true);
    expect(batchEfficiencyMode(3, 4, "13.6.233.17-node.63")).toBe(false);
    expect(batchEfficiencyMode(1, 1, "13.6.233.17-node.63")).toBe(false);
    expect(batchEfficiencyMode(0, 2, "13.6.233.17-node.63")).toBe(false);
    for (const v of ["11.3.244.8-node.38", "12.4.254.21-node.57", "14.1.0.0"]) expect(batchEfficiencyMode(2, 2, v)).toBe(false);
  });

  test("Node's compile cache: turned on where Node has it (22.1+), nothing where it does not, never an error", () => {
    const { enableCompileCache } = require("../../../src/cli/compileCache") as typeof import("../../../src/cli/compileCache");
    expect(enableCompileCache({})).toBe(false);
    let calls = 0;
    expect(enableCompileCache({ enableCompileCache: () => calls++ })).toBe(true);
    expect(calls).toBe(1);
    expect(
      enableCompileCache({
        enableCompileCache: () => {
          throw new Error("read-only folder");
        },
      }),
    ).toBe(false);
    // On the running Node: on exactly when it has the function.
    expect(enableCompileCache()).toBe(typeof (require("module") as { enableCompileCache?: unknown }).enableCompileCache === "function");
  });

  test("the flags chosen are ones the V8 knows: Node 20's budget, Node 22's invocation count, Node 24's efficiency mode, nothing elsewhere", () => {
    const { batchTieringFlag } = require("../../../src/cli/tiering") as typeof import("../../../src/cli/tiering");
    expect(batchTieringFlag("11.3.244.8-node.38")?.name).toBe("interrupt-budget");
    expect(batchTieringFlag("12.4.254.21-node.57")?.name).toBe("invocation-count-for-turbofan");
    for (const v of ["11.8.172.17-node.20", "13.6.233.17-node.63", "14.1.0.0", "10.2.154.26-node.26"]) expect(batchTieringFlag(v)).toBeUndefined();
    // What a batch with every core busy sets on the V8 running this test: each flag is one it knows
    // (an unknown one prints "unrecognized flag"), and Node 20, 22 and 24 each get one.
    let flags: string[] = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { tuneTieringForBatch } = require("../../../src/cli/tiering") as typeof import("../../../src/cli/tiering");
      flags = tuneTieringForBatch({ workers: 2, cores: 2 }, { execArgv: [], set: () => undefined });
    });
    const major = Number(process.versions.v8.split(".")[0]);
    if (major >= 11 && major <= 13) expect(flags.length).toBeGreaterThan(0);
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    for (const f of flags) expect(options).toMatch(new RegExp(`^\\s*${f.replace(/=.*/, "")}\\b`, "m"));
  });
});
