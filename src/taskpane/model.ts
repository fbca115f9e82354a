/**
 * What the pane shows, computed from a check result (pure, tested without a
 * browser): findings grouped by table (or sheet), filtered by severity and by a
 * search text, flattened into rows for the virtual list; an index from cells to
 * their findings for the detail of the selected cell.
 *
 * Order: groups in workbook order (first cell of the group); inside a group,
 * errors first, then warnings, then info, keeping the engine's order otherwise.
 */
import { CheckResult } from "../core/check";
import { Finding, SEVERITY_RANK, Severity } from "../core/report/finding";
import { CellRef, refA1 } from "../core/tables/types";

export interface Group {
  key: string;
  /** "公开01表 收入支出决算总表", or the sheet name, or "整个工作簿". */
  title: string;
  findings: Finding[];
  counts: Record<Severity, number>;
}

export type Row = { kind: "group"; group: Group } | { kind: "finding"; finding: Finding; group: Group };

export function cellLabel(c: CellRef): string {
  return `${c.sheet}!${refA1(c)}`;
}

export function groupFindings(result: Pick<CheckResult, "findings" | "tables" | "workbook">): Group[] {
  const tableTitle = new Map(result.tables.map((t) => [t.id, t.code && t.name ? `${t.code} ${t.name}` : t.code || t.name || t.sheet]));
  const sheetOrder = new Map(result.workbook.sheets.map((s, i) => [s.name, i]));
  const groups = new Map<string, Group & { order: number }>();
  for (const f of result.findings) {
    const tableId = f.tables?.find((id) => tableTitle.has(id));
    const first = f.cells[0];
    const key = tableId ?? (first ? `sheet:${first.sheet}` : "workbook");
    let g = groups.get(key);
    if (!g) {
      const title = tableId ? tableTitle.get(tableId)! : first ? first.sheet : "整个工作簿";
      const t = tableId ? result.tables.find((x) => x.id === tableId) : undefined;
      const order = t ? (sheetOrder.get(t.sheet) ?? 999) * 1e7 + t.range.top * 1e3 + t.range.left : first ? (sheetOrder.get(first.sheet) ?? 999) * 1e7 + 9e6 : 1e12;
      g = { key, title, findings: [], counts: { error: 0, warning: 0, info: 0 }, order };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.counts[f.severity]++;
  }
  const out = [...groups.values()].sort((a, b) => a.order - b.order);
  for (const g of out) g.findings = g.findings.map((f, i) => [f, i] as const).sort((a, b) => SEVERITY_RANK[a[0].severity] - SEVERITY_RANK[b[0].severity] || a[1] - b[1]).map(([f]) => f);
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

/** Rows of the list: a header per group with at least one finding left, then its findings. */
export function visibleRows(groups: Group[], filter: Filter): Row[] {
  const q = filter.search.trim().toLowerCase();
  const rows: Row[] = [];
  for (const g of groups) {
    const fs = g.findings.filter((f) => filter.severities.has(f.severity) && matches(f, g, q));
    if (!fs.length) continue;
    rows.push({ kind: "group", group: g });
    for (const f of fs) rows.push({ kind: "finding", finding: f, group: g });
  }
  return rows;
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
