/** Plain-text report for people (CLI): findings grouped by sheet, addresses clickable in spirit. */
import { rangeA1 } from "../grid/address";
import { CheckResult } from "../check";
import { refA1 } from "../tables/types";
import { Cause, cellText, involvedText } from "./cause";
import { SHEET_STATUS_ZH } from "./sheets";
import { Finding, SEVERITY_ZH, Severity } from "./finding";

const WHOLE = "（整个工作簿）";

/** "合计：错误 3 处（涉及 7 项关系），警告 14 处，提示 45 处。": causes, the clerk's to-do list. */
export function summaryLine(r: CheckResult): string {
  const c = r.causeSummary;
  const detail = (s: Severity) => involvedText(r.causes, s);
  return `合计：错误 ${c.error} 处${detail("error")}，警告 ${c.warning} 处${detail("warning")}，提示 ${r.summary.info} 处。${c.error === 0 ? "没有发现必须更正的错误。" : ""}`;
}

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
    for (const t of r.tables) lines.push(`  ${t.code ? t.code + " " : ""}${t.name}${t.kind === "generic" ? "（按通用规则校验）" : ""}  ${t.sheet}!${rangeA1(t.range)}`);
  }
  // Every sheet without an official table says what became of it.
  for (const s of r.sheets ?? []) {
    if (s.status === "template" || s.status === "generic") continue;
    lines.push(`工作表“${s.sheet}”：${SHEET_STATUS_ZH[s.status]}${s.status === "unchecked" ? `——${s.detail}` : ""}`);
  }
  // Causes first: one entry per mistake, its broken relations folded beneath.
  const causesBySheet = new Map<string, Cause[]>();
  for (const c of r.causes) {
    const sheet = c.cells[0]?.sheet || c.findings[0].cells[0]?.sheet || WHOLE;
    const list = causesBySheet.get(sheet) ?? [];
    list.push(c);
    causesBySheet.set(sheet, list);
  }
  const infos = new Map<string, Finding[]>();
  if (showInfo)
    for (const f of r.findings) {
      if (f.severity !== "info") continue;
      const sheet = f.cells[0]?.sheet ?? WHOLE;
      const list = infos.get(sheet) ?? [];
      list.push(f);
      infos.set(sheet, list);
    }
  const order = [...r.workbook.sheets.map((s) => s.name), WHOLE];
  for (const k of [...causesBySheet.keys(), ...infos.keys()]) if (!order.includes(k)) order.splice(order.length - 1, 0, k);
  for (const sheet of order) {
    const cs = causesBySheet.get(sheet) ?? [];
    const is = infos.get(sheet) ?? [];
    if (cs.length === 0 && is.length === 0) continue;
    lines.push("");
    lines.push(`【${sheet}】`);
    for (const c of cs) {
      const head = `  ${paint(c.severity, `${MARK[c.severity]} ${SEVERITY_ZH[c.severity]}`)}  `;
      if (c.findings.length === 1 && !c.suggested) {
        const f = c.findings[0];
        const where = f.cells.length ? `${refA1(f.cells[0])}  ` : "";
        lines.push(`${head}${where}${f.message}`);
        const more = f.cells.length > 1 ? `涉及单元格：${cellsOf(f, sheet)}；` : "";
        lines.push(`       ${more}规则 ${f.rule}`);
        continue;
      }
      const where = c.cells[0] ? cellText(c.cells[0], sheet) : "";
      const what = c.suggested
        ? `${where} 应为 ${c.suggested.shown}（${c.suggested.current === "" ? "现为空" : `现为 ${c.suggested.current}`}）`
        : `${where} 可能有误`;
      const range = c.suggested?.range ? `（考虑尾差 ${c.suggested.range.low}–${c.suggested.range.high} 均可）` : "";
      if (!c.suggested && c.findings.every((f) => !f.relation)) lines.push(`${head}${where} 有 ${c.findings.length} 处问题：`);
      else lines.push(`${head}${what}${range} — 由此有 ${c.findings.length} 处问题：`);
      for (const f of c.findings) {
        lines.push(`       · ${f.message}`);
        const more = f.cells.length > 1 ? `涉及单元格：${cellsOf(f, sheet)}；` : "";
        lines.push(`         ${more}规则 ${f.rule}`);
      }
    }
    for (const f of is) {
      const where = f.cells.length ? `${refA1(f.cells[0])}  ` : "";
      lines.push(`  ${paint("info", `${MARK.info} ${SEVERITY_ZH.info}`)}  ${where}${f.message}`);
      lines.push(`       规则 ${f.rule}`);
    }
  }
  lines.push("");
  lines.push(summaryLine(r));
  return lines.join("\n");
}
