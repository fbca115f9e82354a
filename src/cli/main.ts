/**
 * disclosure-check: checks disclosure workbooks (.xlsx) from the command line.
 *
 *   disclosure-check FILE.xlsx [FILE…] [--json] [--no-info]
 *
 * Exit code: 0 no error found, 1 errors found, 2 a file could not be read
 * (reported on stderr; the other files are still checked).
 */
import * as path from "path";
import { promises as fs } from "fs";
import { CheckJson, checkWorkbook, resultToJson } from "../core/check";
import { formatText } from "../core/report/text";
import { allRules } from "../core/rules/registry";
import { ENGINE_FINDINGS } from "../core/rules/common/tableChecks";
import { UnreadableWorkbookError } from "../host/xlsx/read";
import { readXlsxFile } from "../host/xlsx/node";
import { snapshotToXlsxBuffer } from "../host/xlsx/write";
import { narrativeDocx } from "../host/docx/narrative";
import { draftNarrative } from "../core/narrative/draft";
import { narrativeToJson, narrativeToText } from "../core/narrative/generate";
import { findSupplementSheet, readSupplement, supplementForWorkbook } from "../core/narrative/supplement";
import { recognize } from "../core/recognize/recognize";
import { CodedTable } from "../core/tables/coded";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
};

export const USAGE = `用法：
  disclosure-check 文件.xlsx [文件2.xlsx …] [选项]
  disclosure-check narrative 文件.xlsx [--out 情况说明.docx|情况说明.txt] [--json] [--supplement 补充信息.xlsx]
  disclosure-check narrative 文件.xlsx --supplement-template 补充信息.xlsx

校验部门决算（预算）公开表：表内、表间勾稽关系，尾差，科目编码与名称等。

选项：
  --json       以 JSON 输出（每个文件一个对象；多个文件时为数组）
  --no-info    不显示“提示”级别的结果（如四舍五入尾差）
  --rules      列出全部校验规则（编号、级别、说明）
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
}

export function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { files: [], json: false, info: true, help: false, rules: false, unknown: [] };
  for (const a of argv) {
    if (a === "--json") p.json = true;
    else if (a === "--no-info") p.info = false;
    else if (a === "-h" || a === "--help") p.help = true;
    else if (a === "--rules") p.rules = true;
    else if (a.startsWith("-")) p.unknown.push(a);
    else p.files.push(a);
  }
  return p;
}

function unreadableJson(file: string, message: string): CheckJson {
  return {
    file,
    tables: [],
    causes: [{ id: 1, severity: "error", cells: [], title: message, findings: [0] }],
    findings: [{ rule: "common.unreadable", severity: "error", message, cells: [], cause: 1 }],
    summary: { error: 1, warning: 0, info: 0 },
    causeSummary: { error: 1, warning: 0, info: 0 },
  };
}

export async function checkCommand(args: Parsed, io: Io = defaultIo): Promise<number> {
  let unreadable = false;
  let errors = false;
  const jsons: CheckJson[] = [];
  for (const file of args.files) {
    let wb;
    try {
      wb = await readXlsxFile(file);
    } catch (e) {
      unreadable = true;
      const msg = e instanceof UnreadableWorkbookError ? e.message : `${file}：无法读取（${e instanceof Error ? e.message : String(e)}）`;
      io.err(`无法读取 ${msg}\n`);
      if (args.json) jsons.push(unreadableJson(file, msg));
      continue;
    }
    const result = checkWorkbook(wb, { noInfo: !args.info });
    if (result.summary.error > 0) errors = true;
    if (args.json) jsons.push(resultToJson(file, result));
    else io.out(formatText(path.basename(file), result, { color: io.color, info: args.info }) + "\n\n");
  }
  if (args.json) io.out(JSON.stringify(jsons.length === 1 ? jsons[0] : jsons, null, 2) + "\n");
  return unreadable ? 2 : errors ? 1 : 0;
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
    io.err(`无法读取 ${e instanceof Error ? e.message : String(e)}\n`);
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
    const zh = { error: "错误", warning: "警告", info: "提示" } as const;
    for (const r of [...allRules(), ...ENGINE_FINDINGS]) io.out(`${r.id.padEnd(34)} ${zh[r.severity]}  ${r.title}\n`);
    return 0;
  }
  if (args.unknown.length) {
    io.err(`未知选项：${args.unknown.join(" ")}\n\n${USAGE}`);
    return 2;
  }
  if (args.files.length === 0) {
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
