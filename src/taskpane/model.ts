/**
 * What the pane shows, computed from a check result (pure, tested without a
 * browser): causes (one per mistake, report/cause.ts) and info findings, grouped
 * by table (or sheet), filtered by severity and by a search text, flattened
 * into rows for the virtual list; an index from cells to their findings for the
 * detail of the selected cell.
 *
 * A cause of several findings is one card whose findings are folded beneath it
 * (rows only while the clerk has it expanded); a cause of one finding is that
 * finding's row. Info findings (rounding tails, figures not verified) are not
 * causes and are listed after them.
 *
 * Order: groups in workbook order (first cell of the group); inside a group,
 * causes in the engine's order (errors first), then info findings.
 */
import { CheckResult } from "../core/check";
import { Cause, causeCount as causeCounts } from "../core/report/cause";
import { Finding, SEVERITY_RANK, Severity } from "../core/report/finding";
import { CellRef, refA1 } from "../core/tables/types";

export interface Group {
  key: string;
  /** "公开01表 收入支出决算总表", or the sheet name, or "整个工作簿". */
  title: string;
  /** Every finding of the group (of its causes, and its info findings). */
  findings: Finding[];
  /** The causes whose first finding is in this group. */
  causes: Cause[];
  /** Info findings of the group. */
  infos: Finding[];
  /** Causes by severity (error, warning) and info findings. */
  counts: Record<Severity, number>;
}

export type Row =
  | { kind: "group"; group: Group }
  | { kind: "cause"; cause: Cause; group: Group }
  /** A finding: an info finding, the only finding of a cause (`cause` set), or one folded under an expanded cause (`nested`). */
  | { kind: "finding"; finding: Finding; group: Group; cause?: Cause; nested?: boolean };

export function cellLabel(c: CellRef): string {
  return `${c.sheet}!${refA1(c)}`;
}

export function groupFindings(result: Pick<CheckResult, "findings" | "tables" | "workbook"> & { causes?: Cause[] }): Group[] {
  const tableTitle = new Map(result.tables.map((t) => [t.id, t.code && t.name ? `${t.code} ${t.name}` : t.code || t.name || t.sheet]));
  const sheetOrder = new Map(result.workbook.sheets.map((s, i) => [s.name, i]));
  const groups = new Map<string, Group & { order: number }>();
  const groupOf = (f: Finding) => {
    const tableId = f.tables?.find((id) => tableTitle.has(id));
    const first = f.cells[0];
    const key = tableId ?? (first ? `sheet:${first.sheet}` : "workbook");
    let g = groups.get(key);
    if (!g) {
      const title = tableId ? tableTitle.get(tableId)! : first ? first.sheet : "整个工作簿";
      const t = tableId ? result.tables.find((x) => x.id === tableId) : undefined;
      const order = t ? (sheetOrder.get(t.sheet) ?? 999) * 1e7 + t.range.top * 1e3 + t.range.left : first ? (sheetOrder.get(first.sheet) ?? 999) * 1e7 + 9e6 : 1e12;
      g = { key, title, findings: [], causes: [], infos: [], counts: { error: 0, warning: 0, info: 0 }, order };
      groups.set(key, g);
    }
    return g;
  };
  const causes = result.causes ?? [];
  for (const c of causes) {
    const g = groupOf(c.findings[0]);
    g.causes.push(c);
    g.findings.push(...c.findings);
    g.counts[c.severity]++;
  }
  for (const f of result.findings) {
    if (f.cause !== undefined && causes.length) continue;
    const g = groupOf(f);
    g.findings.push(f);
    if (f.severity === "info" || !causes.length) {
      g.infos.push(f);
      g.counts[f.severity]++;
    }
  }
  const out = [...groups.values()].sort((a, b) => a.order - b.order);
  for (const g of out) {
    g.causes.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id - b.id);
    g.infos = g.infos.map((f, i) => [f, i] as const).sort((a, b) => SEVERITY_RANK[a[0].severity] - SEVERITY_RANK[b[0].severity] || a[1] - b[1]).map(([f]) => f);
  }
  return out;
}

export interface Filter {
  severities: Set<Severity>;
  search: string;
}

function matches(f: Finding, g: Group, q: string): boolean {
  if (!q) return true;
  if (f.message.toLowerCase().includes(q) || f.rule.toLowerCase().includes(q) || g.title.toLowerCase().includes(q)) return true;
  return f.cells.some((c) => cellLabel(c).toLowerCase().includes(q) || refA1(c).toLowerCase() === q);
}

function causeMatches(c: Cause, g: Group, q: string): boolean {
  if (!q) return true;
  if (c.title.toLowerCase().includes(q) || c.cells.some((x) => cellLabel(x).toLowerCase().includes(q) || refA1(x).toLowerCase() === q)) return true;
  return c.findings.some((f) => matches(f, g, q));
}

/**
 * Rows of the list: a header per group with something left, then its causes
 * (a cause of several findings is a card, its findings beneath it only when
 * its id is in `expanded`), then its info findings.
 */
export function visibleRows(groups: Group[], filter: Filter, expanded: ReadonlySet<number> = new Set()): Row[] {
  const q = filter.search.trim().toLowerCase();
  const rows: Row[] = [];
  for (const g of groups) {
    const cs = g.causes.filter((c) => filter.severities.has(c.severity) && causeMatches(c, g, q));
    const fs = g.infos.filter((f) => filter.severities.has(f.severity) && matches(f, g, q));
    if (!cs.length && !fs.length) continue;
    rows.push({ kind: "group", group: g });
    for (const c of cs) {
      if (c.findings.length === 1 && !c.suggested) {
        rows.push({ kind: "finding", finding: c.findings[0], group: g, cause: c });
        continue;
      }
      rows.push({ kind: "cause", cause: c, group: g });
      if (expanded.has(c.id)) for (const f of c.findings) rows.push({ kind: "finding", finding: f, group: g, cause: c, nested: true });
    }
    for (const f of fs) rows.push({ kind: "finding", finding: f, group: g });
  }
  return rows;
}

/** "错误 2 处（涉及 5 项关系）": causes of a severity and the findings they explain. */
export function causeCount(result: Pick<CheckResult, "causes">, sev: "error" | "warning"): { causes: number; findings: number } {
  return causeCounts(result.causes, sev);
}

/** Findings by "Sheet!A1" of every cell they involve. */
export function cellIndex(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings)
    for (const c of f.cells) {
      const k = cellLabel(c);
      const list = m.get(k);
      if (list) {
        if (!list.includes(f)) list.push(f);
      } else m.set(k, [f]);
    }
  return m;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
