/**
 * disclosure-check: checks disclosure workbooks (.xlsx) from the command line.
 *
 *   disclosure-check FILE.xlsx [FILE…] [--json] [--no-info]
 *
 * Exit code: 0 no error found, 1 errors found, 2 a file could not be read
 * (reported on stderr; the other files are still checked).
 */
import * as path from "path";
import { CheckJson, checkWorkbook, resultToJson } from "../core/check";
import { formatText } from "../core/report/text";
import { allRules } from "../core/rules/registry";
import { ENGINE_FINDINGS } from "../core/rules/common/tableChecks";
import { UnreadableWorkbookError } from "../host/xlsx/read";
import { readXlsxFile } from "../host/xlsx/node";

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

校验部门决算（预算）公开表：表内、表间勾稽关系，尾差，科目编码与名称等。

选项：
  --json       以 JSON 输出（每个文件一个对象；多个文件时为数组）
  --no-info    不显示“提示”级别的结果（如四舍五入尾差）
  --rules      列出全部校验规则（编号、级别、说明）
  -h, --help   显示本帮助

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
    findings: [{ rule: "common.unreadable", severity: "error", message, cells: [] }],
    summary: { error: 1, warning: 0, info: 0 },
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

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
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
