/**
 * The engine: snapshot → recognised tables → every registered rule → findings,
 * ranked and sorted. Pure; hosts (CLI, task pane) call checkWorkbook().
 * A rule that throws becomes an info finding; nothing a workbook contains can
 * stop the run.
 */
import { rangeA1 } from "./grid/address";
import { WorkbookSnapshot } from "./grid/snapshot";
import { Recognition, clearTitleCache, recognize } from "./recognize/recognize";
import { Table } from "./recognize/templates";
import { Finding, FindingJson, SEVERITY_RANK, Severity, findingToJson, summarize } from "./report/finding";
import { rankSuspects } from "./report/rank";
import { Cause, CauseJson, causeToJson, groupCauses, summarizeCauses } from "./report/cause";
import { collapseUnitErrors } from "./report/unitScale";
import { mergeRepeatedStatements } from "./report/repeats";
import { SheetStatus, sheetStatuses } from "./report/sheets";
import { allRules } from "./rules/registry";
import { Rule, makeContext } from "./rules/types";
import { Relation } from "./rules/relation";
import { clearFigureCache } from "./narrative/text";
import { clearDecimalCache } from "./amount/fixed";
import { clearIndicatorValueCache } from "./tables/perf/indicators";
import "./families";

export interface CheckOptions {
  /** Only run rules whose id starts with one of these prefixes. */
  only?: string[];
  /** Drop info findings (tails, unverified numbers). */
  noInfo?: boolean;
}

export interface CheckResult {
  workbook: WorkbookSnapshot;
  recognition: Recognition;
  tables: Table[];
  findings: Finding[];
  relations: Relation[];
  /** Findings counted by severity. */
  summary: Record<Severity, number>;
  /** One entry per mistake to fix (report/cause.ts), errors first. */
  causes: Cause[];
  /** Causes counted by severity: what the clerk has to fix. */
  causeSummary: Record<Severity, number>;
  /** What became of every sheet (no sheet is skipped silently). */
  sheets: SheetStatus[];
}

export interface TableJson {
  sheet: string;
  template: string;
  range: string;
}

export interface CheckJson {
  file: string;
  tables: TableJson[];
  /** Every sheet: template, generic (按通用规则校验), narrative, supplement, or unchecked with the reason (absent for a file that could not be read). */
  sheets?: SheetStatus[];
  /** One per mistake: the cell to correct, the value it should hold when determined, its findings (indices). */
  causes: CauseJson[];
  findings: FindingJson[];
  summary: Record<Severity, number>;
  causeSummary: Record<Severity, number>;
}

function runRule(rule: Rule, ctx: ReturnType<typeof makeContext>): Finding[] {
  try {
    return rule.check(ctx);
  } catch (e) {
    return [
      {
        rule: rule.id,
        severity: "info",
        message: `规则“${rule.title}”执行时出错，未完成检查：${e instanceof Error ? e.message : String(e)}`,
        cells: [],
      },
    ];
  }
}

export function checkWorkbook(wb: WorkbookSnapshot, opts: CheckOptions = {}): CheckResult {
  clearFigureCache();
  clearTitleCache();
  clearDecimalCache();
  clearIndicatorValueCache();
  const recognition = recognize(wb);
  const ctx = makeContext(wb, recognition.tables, recognition.failures);
  let findings: Finding[] = [];
  for (const rule of allRules()) {
    if (opts.only && !opts.only.some((p) => rule.id.startsWith(p))) continue;
    findings.push(...runRule(rule, ctx));
  }
  findings = collapseUnitErrors(findings);
  rankSuspects(findings, ctx.relations);
  findings = mergeRepeatedStatements(findings);
  if (opts.noInfo) findings = findings.filter((f) => f.severity !== "info");
  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => {
    const sa = a.cells[0] ? sheetOrder.get(a.cells[0].sheet) ?? 999 : 999;
    const sb = b.cells[0] ? sheetOrder.get(b.cells[0].sheet) ?? 999 : 999;
    if (sa !== sb) return sa - sb;
    if (SEVERITY_RANK[a.severity] !== SEVERITY_RANK[b.severity]) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    const ra = a.cells[0]?.row ?? 0;
    const rb = b.cells[0]?.row ?? 0;
    return ra - rb;
  });
  const causes = groupCauses(findings, sheetOrder);
  return {
    workbook: wb,
    recognition,
    tables: recognition.tables,
    findings,
    relations: ctx.relations,
    summary: summarize(findings),
    causes,
    causeSummary: summarizeCauses(causes),
    sheets: sheetStatuses(wb, recognition),
  };
}

export function resultToJson(file: string, r: CheckResult): CheckJson {
  const index = new Map(r.findings.map((f, i) => [f, i]));
  return {
    file,
    tables: r.tables.map((t) => ({ sheet: t.sheet, template: t.kind === "generic" ? `${t.name}（按通用规则校验）` : t.code ? `${t.code} ${t.name}` : t.name, range: rangeA1(t.range) })),
    sheets: r.sheets,
    causes: r.causes.map((c) => causeToJson(c, index)),
    findings: r.findings.map(findingToJson),
    summary: r.summary,
    causeSummary: r.causeSummary,
  };
}
