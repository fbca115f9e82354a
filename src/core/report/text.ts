/** Plain-text report for people (CLI): findings grouped by sheet, addresses clickable in spirit. */
import { rangeA1 } from "../grid/address";
import { CheckResult } from "../check";
import { refA1 } from "../tables/types";
import { Finding, SEVERITY_ZH, Severity } from "./finding";

export interface TextOptions {
  color?: boolean;
  /** Show info findings (rounding tails…); default true. */
  info?: boolean;
}

const COLORS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };
const MARK: Record<Severity, string> = { error: "✗", warning: "!", info: "·" };

function cellsOf(f: Finding, sheet: string): string {
  return f.cells.map((c) => (c.sheet === sheet ? refA1(c) : `${c.sheet}!${refA1(c)}`)).join("、");
}

export function formatText(file: string, r: CheckResult, opts: TextOptions = {}): string {
  const showInfo = opts.info !== false;
  const paint = (s: Severity, t: string) => (opts.color ? `${COLORS[s]}${t}\x1b[0m` : t);
  const lines: string[] = [];
  lines.push(`文件：${file}`);
  if (r.tables.length === 0) lines.push("  没有识别到任何公开表（请确认表的标题，如“收入支出决算总表”，在表格上方）。");
  else {
    lines.push(`识别到 ${r.tables.length} 张表：`);
    for (const t of r.tables) lines.push(`  ${t.code ? t.code + " " : ""}${t.name}  ${t.sheet}!${rangeA1(t.range)}`);
  }
  if (r.recognition.otherSheets.length) lines.push(`其他工作表（未作为表格校验）：${r.recognition.otherSheets.join("、")}`);
  const groups = new Map<string, Finding[]>();
  for (const f of r.findings) {
    if (!showInfo && f.severity === "info") continue;
    const sheet = f.cells[0]?.sheet ?? "（整个工作簿）";
    const list = groups.get(sheet) ?? [];
    list.push(f);
    groups.set(sheet, list);
  }
  for (const [sheet, fs] of groups) {
    lines.push("");
    lines.push(`【${sheet}】`);
    for (const f of fs) {
      const where = f.cells.length ? `${refA1(f.cells[0])}  ` : "";
      lines.push(`  ${paint(f.severity, `${MARK[f.severity]} ${SEVERITY_ZH[f.severity]}`)}  ${where}${f.message}`);
      const more = f.cells.length > 1 ? `涉及单元格：${cellsOf(f, sheet)}；` : "";
      lines.push(`       ${more}规则 ${f.rule}`);
    }
  }
  lines.push("");
  const s = r.summary;
  lines.push(`合计：错误 ${s.error} 处，警告 ${s.warning} 处，提示 ${s.info} 处。${s.error === 0 ? "没有发现必须更正的错误。" : ""}`);
  return lines.join("\n");
}
