/**
 * disclosure-check: checks disclosure workbooks (.xlsx) from the command line.
 *
 *   disclosure-check FILE.xlsx|DIR [FILE…] [--json] [--no-info] [--jobs N] [--summary 汇总.xlsx|.csv]
 *
 * A directory stands for the .xlsx/.xlsm files in it (recursively, sorted).
 * Several files are checked by a pool of worker threads (./batch.ts); the output
 * keeps the input order whatever the completion order.
 *
 * Exit code: 0 no error found, 1 errors found, 2 a file could not be read
 * (reported on stderr; the other files are still checked).
 */
// First: the modules loaded after it go through Node's compile cache (Node 22+).
import "./compileCache";
import * as path from "path";
import { promises as fs } from "fs";
// The engine, ExcelJS and docx are loaded where a command needs them (import()
// below): a batch's main thread only hands out files, and loading them all took
// longer than starting the workers that do the checking.
import { FileOutcome, FileTask, errorText, failedOutcome } from "./outcome";
import { effectiveJobs, expandInputs, runBatch } from "./batch";
import { SummaryRecord, summaryFormatProblem, summaryProblem, summaryRecord, writeSummaryKeeping } from "./summary";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
  /** stderr is a terminal: a batch shows a progress line there. */
  progress?: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  progress: !!process.stderr.isTTY,
};

export const USAGE = `用法：
  disclosure-check 文件.xlsx [文件2.xlsx …] [选项]
  disclosure-check 文件夹 [文件夹2 …] [--jobs N] [--summary 汇总.xlsx|汇总.csv]
  disclosure-check narrative 文件.xlsx [--out 情况说明.docx|情况说明.txt] [--json] [--supplement 补充信息.xlsx]
  disclosure-check narrative 文件.xlsx --supplement-template 补充信息.xlsx

校验部门决算（预算）公开表：表内、表间勾稽关系，尾差，科目编码与名称等。
给出文件夹时校验其中（含子文件夹）全部 .xlsx / .xlsm 文件（按文件名排序，跳过 ~$ 开头的临时文件）。

选项：
  --json       以 JSON 输出（每个文件一个对象；多个文件或给出文件夹时为数组）
  --no-info    不显示“提示”级别的结果（如四舍五入尾差）
  --rules      列出全部校验规则（编号、级别、说明）
  --files-from 清单.txt
               从清单读入要校验的文件（每行一个路径；- 表示标准输入），可与文件参数并用
  --jobs N     同时校验 N 个文件（默认为本机的处理器核数，多于核数时按核数：多开只会更慢）；
               结果仍按输入顺序输出
  --timeout 秒数
               多个文件分给工作线程校验时，一个文件最多用多少秒（默认 300，0 为不限）；
               超时的文件记为无法校验并写明原因，其余文件照常校验；只有一个工作线程可用时（一个文件、
               --jobs 1、单核机器）不给此项则在本线程中逐个校验、不限时，给了则照样限时
  --summary 文件
               全部文件校验完后写出汇总：.xlsx 含“汇总”（每个文件一行：文件、部门、
               识别的表、错误、警告、提示、原因、前三条问题、状态）和“全部问题”
               （每条问题一行）两张表；.csv 只含“汇总”各行（UTF-8 带 BOM）
  -h, --help   显示本帮助

narrative（生成情况说明）：
  按公开表和“补充信息”表生成决算情况说明；缺少的数字和原因写成【请填写……】并列出。
  --out 文件     写入 .docx（Word）或 .txt；不写则输出到屏幕
  --json         输出 JSON：每个数字的来源单元格和计算公式
  --supplement 文件         从另一个 .xlsx 读取“补充信息”表
  --supplement-template 文件 生成空白“补充信息”表（含本文件公开05表的各项级科目）

退出码：0 未发现错误；1 发现错误；2 有文件无法读取。
`;

interface Parsed {
  files: string[];
  json: boolean;
  info: boolean;
  help: boolean;
  rules: boolean;
  unknown: string[];
  /** Worker threads for several files (--jobs); undefined: one per core. */
  jobs?: number;
  /** Seconds one workbook may take in a worker (--timeout; 0: no limit); undefined: the default. */
  timeout?: number;
  summary?: string;
  /** Lists of files, one path a line (--files-from; "-" is stdin). */
  lists: string[];
  /** Options given a bad value. */
  problems: string[];
}

export function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { files: [], json: false, info: true, help: false, rules: false, unknown: [], lists: [], problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => {
      if (name !== a) return a.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith("-") && v.length > 1)) return undefined;
      i++;
      return v;
    };
    if (a === "--json") p.json = true;
    else if (a === "--no-info") p.info = false;
    else if (a === "-h" || a === "--help") p.help = true;
    else if (a === "--rules") p.rules = true;
    else if (name === "--jobs" || a === "-j") {
      const v = value();
      const n = v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!(n >= 1)) p.problems.push(`--jobs 后面需要一个正整数（同时校验的文件数），而不是“${v ?? ""}”`);
      else p.jobs = n;
    } else if (name === "--timeout") {
      const v = value();
      const n = v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!(n >= 0)) p.problems.push(`--timeout 后面需要一个秒数（0 表示不限），而不是“${v ?? ""}”`);
      else p.timeout = n;
    } else if (name === "--summary") {
      const v = value();
      if (!v) p.problems.push("--summary 后面需要一个文件名（.xlsx 或 .csv）");
      else {
        const why = summaryFormatProblem(v);
        if (why) p.problems.push(why);
        else p.summary = v;
      }
    } else if (name === "--files-from") {
      const v = name !== a ? a.slice(eq + 1) : argv[i + 1];
      if (name === a && v !== undefined) i++;
      if (!v) p.problems.push("--files-from 后面需要一个文件名（每行一个要校验的文件；- 表示标准输入）");
      else p.lists.push(v);
    } else if (a.startsWith("-")) p.unknown.push(a);
    else p.files.push(a);
  }
  return p;
}

/** The progress line of a batch on stderr ("已校验 12/100 …", redrawn with \r). */
class Progress {
  private shown = false;
  private last = 0;
  private readonly t0 = Date.now();
  constructor(private io: Io, private total: number, private enabled: boolean) {}
  update(done: number, bad: number, withErrors: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100 && done < this.total) return;
    this.last = now;
    const secs = (now - this.t0) / 1000;
    const rate = secs > 0 ? ` ${Math.round((done / secs) * 60)} 个/分钟` : "";
    this.io.err(`\r\x1b[K已校验 ${done}/${this.total}（有错误 ${withErrors}，无法读取 ${bad}）${rate}`);
    this.shown = true;
  }
  /** Clears the line before other output. */
  clear(): void {
    if (this.shown) this.io.err("\r\x1b[K");
    this.shown = false;
  }
}

/** JSON.stringify(array, null, 2), one element at a time. */
function arrayElement(j: unknown, first: boolean): string {
  const body = JSON.stringify(j, null, 2).replace(/\n/g, "\n  ");
  return `${first ? "[\n" : ",\n"}  ${body}`;
}

/** The paths of a --files-from list: one a line, blank lines skipped. */
async function readList(list: string): Promise<string[]> {
  const text = list === "-" ? await new Promise<string>((resolve, reject) => {
    let s = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (d) => (s += d));
    process.stdin.on("end", () => resolve(s));
    process.stdin.on("error", reject);
  }) : await fs.readFile(list, "utf8");
  return text.replace(/^\ufeff/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
}

export async function checkCommand(args: Parsed, io: Io = defaultIo): Promise<number> {
  const files = [...args.files];
  for (const list of args.lists) {
    try {
      files.push(...(await readList(list)));
    } catch (e) {
      io.err(`无法读取文件清单 ${list}：${errorText(e)}\n`);
      return 2;
    }
  }
  const { inputs, directories } = await expandInputs(files);
  // The summary being written is no input (it may sit in the folder checked).
  const summaryAt = args.summary ? path.resolve(args.summary) : undefined;
  const list = inputs.filter((x) => path.resolve(x.file) !== summaryAt);
  if (list.length === 0) {
    io.err(`没有要校验的 .xlsx 文件。\n`);
    return 2;
  }
  // Before the batch, not after it: a summary open in Excel would cost the whole batch's work.
  if (args.summary) {
    const why = await summaryProblem(args.summary);
    if (why) {
      io.err(`${why}\n`);
      return 2;
    }
  }
  const wantJson = args.json || !!args.summary;
  const tasks: FileTask[] = list.map((x) => ({ file: x.file, info: args.info, json: wantJson, text: !args.json, color: io.color }));
  const asArray = list.length > 1 || directories > 0 || args.lists.length > 0;
  const progress = new Progress(io, list.length, !!io.progress && list.length > 3);
  const records: SummaryRecord[] = new Array(list.length);
  const pending = new Map<number, FileOutcome>();
  let emitted = 0;
  let done = 0;
  let unreadable = 0;
  let withErrors = 0;

  const emit = (o: FileOutcome) => {
    if (o.status !== "ok") {
      io.err(`${o.status === "unreadable" ? "无法读取" : "无法校验"} ${o.reason}\n`);
    }
    if (args.json) io.out(asArray ? arrayElement(o.json, emitted === 0) : JSON.stringify(o.json, null, 2) + "\n");
    else if (o.text !== undefined) io.out(o.text + "\n\n");
  };
  const onOutcome = (i: number, o: FileOutcome) => {
    done++;
    if (o.status !== "ok") unreadable++;
    else if (o.errors) withErrors++;
    if (args.summary) records[i] = summaryRecord(o);
    if (!args.json) o.json = undefined; // kept only in the summary record
    pending.set(i, o);
    if (pending.has(emitted)) progress.clear();
    // Everything up to the first file still running goes out now, in input order.
    while (pending.has(emitted)) {
      emit(pending.get(emitted)!);
      pending.delete(emitted);
      emitted++;
    }
    progress.update(done, unreadable, withErrors);
  };

  // Arguments that yield no workbook (an empty folder) are outcomes from the start.
  const work: { index: number; task: FileTask }[] = [];
  const early: [number, FileOutcome][] = [];
  list.forEach((x, i) => (x.reason ? early.push([i, failedOutcome(tasks[i], "unreadable", x.reason)]) : work.push({ index: i, task: tasks[i] })));
  for (const [i, o] of early) onOutcome(i, o);
  await runBatch(
    work.map((w) => w.task),
    effectiveJobs(args.jobs),
    (k, o) => onOutcome(work[k].index, o),
    undefined,
    args.timeout,
  );
  progress.update(done, unreadable, withErrors, true);
  progress.clear();
  if (args.json && asArray) io.out("\n]\n");
  let code = unreadable ? 2 : withErrors ? 1 : 0;
  if (args.summary) {
    try {
      const { written, why } = await writeSummaryKeeping(args.summary, records);
      if (why) io.err(`${why}，汇总已改为写入 ${written}\n`);
      io.err(`已写入汇总 ${written}（${list.length} 个文件，有错误 ${withErrors} 个，无法读取 ${unreadable} 个）\n`);
    } catch (e) {
      io.err(`无法写入汇总：${errorText(e)}\n`);
      code = 2;
    }
  }
  return code;
}

interface NarrativeArgs {
  file?: string;
  out?: string;
  json: boolean;
  supplement?: string;
  template?: string;
  problems: string[];
}

function parseNarrativeArgs(argv: string[]): NarrativeArgs {
  const a: NarrativeArgs = { json: false, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v || v.startsWith("-")) a.problems.push(`${x} 后面需要一个文件名`);
      return v;
    };
    if (x === "--out" || x === "-o") a.out = value();
    else if (x === "--json") a.json = true;
    else if (x === "--supplement") a.supplement = value();
    else if (x === "--supplement-template") a.template = value();
    else if (x.startsWith("-")) a.problems.push(`未知选项：${x}`);
    else if (!a.file) a.file = x;
    else a.problems.push(`多余的参数：${x}`);
  }
  if (!a.file) a.problems.push("请给出公开表所在的 .xlsx 文件");
  return a;
}

export async function narrativeCommand(argv: string[], io: Io = defaultIo): Promise<number> {
  const a = parseNarrativeArgs(argv);
  if (a.problems.length) {
    io.err(`${a.problems.join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const { readXlsxFile } = await import("../host/xlsx/node");
  const { snapshotToXlsxBuffer } = await import("../host/xlsx/write");
  const { narrativeDocx } = await import("../host/docx/narrative");
  const { draftNarrative } = await import("../core/narrative/draft");
  const { narrativeToJson, narrativeToText } = await import("../core/narrative/generate");
  const { findSupplementSheet, readSupplement, supplementForWorkbook } = await import("../core/narrative/supplement");
  let wb;
  let supplement;
  try {
    wb = await readXlsxFile(a.file!);
    if (a.supplement) {
      const sw = await readXlsxFile(a.supplement);
      const sheet = findSupplementSheet(sw) ?? sw.sheets[0];
      supplement = readSupplement(sheet);
    }
  } catch (e) {
    io.err(`无法读取 ${errorText(e)}\n`);
    return 2;
  }
  if (a.template) {
    const { sheet, format, items } = supplementForWorkbook(wb);
    const data = await snapshotToXlsxBuffer({ name: path.basename(a.template), sheets: [sheet] }, { widths: new Map([[sheet.name, format.columnWidths!]]) });
    await fs.writeFile(a.template, data);
    io.out(`已生成空白补充信息表：${a.template}（${items} 个项级科目的年初预算行）。填好后复制到工作簿中，或用 --supplement 指定。\n`);
    return 0;
  }
  const n = draftNarrative(wb, { supplement });
  if (a.out) {
    if (/\.docx$/i.test(a.out)) await fs.writeFile(a.out, await narrativeDocx(n));
    else await fs.writeFile(a.out, narrativeToText(n) + "\n", "utf8");
    io.err(`已写入 ${a.out}（待填写 ${n.placeholders.length} 处）\n`);
  }
  if (a.json) io.out(JSON.stringify(narrativeToJson(n), null, 2) + "\n");
  else if (!a.out) io.out(narrativeToText(n) + "\n");
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv[0] === "narrative") return narrativeCommand(argv.slice(1), io);
  const args = parseArgs(argv);
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.rules) {
    await import("../core/check"); // registers every family's rules
    const { allRules } = await import("../core/rules/registry");
    const { ENGINE_FINDINGS } = await import("../core/rules/common/tableChecks");
    const zh = { error: "错误", warning: "警告", info: "提示" } as const;
    for (const r of [...allRules(), ...ENGINE_FINDINGS]) io.out(`${r.id.padEnd(34)} ${zh[r.severity]}  ${r.title}\n`);
    return 0;
  }
  if (args.unknown.length) {
    io.err(`未知选项：${args.unknown.join(" ")}\n\n${USAGE}`);
    return 2;
  }
  if (args.problems.length) {
    io.err(`${args.problems.join("\n")}\n\n${USAGE}`);
    return 2;
  }
  if (args.files.length === 0 && args.lists.length === 0) {
    io.err(`请给出要校验的 .xlsx 文件。\n\n${USAGE}`);
    return 2;
  }
  return checkCommand(args, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
