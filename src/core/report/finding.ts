/** Findings: what the checker tells a clerk. */
import { CellRef, refA1 } from "../tables/types";
import type { Relation } from "../rules/relation";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Rule id, e.g. "final.01.income-total". */
  rule: string;
  severity: Severity;
  /** One Chinese message: what should equal what, both values, the difference. */
  message: string;
  /** Every cell involved, the most likely wrong one first. */
  cells: CellRef[];
  expected?: string;
  actual?: string;
  /** The relation behind the finding (used to rank suspects; not serialised). */
  relation?: Relation;
  /** Ids of the tables the finding is about (for grouping in the pane). */
  tables?: string[];
  /** Id of the cause this finding belongs to (report/cause.ts); unset for info findings. */
  cause?: number;
}

export interface FindingJson {
  rule: string;
  severity: Severity;
  message: string;
  cells: { sheet: string; cell: string }[];
  expected?: string;
  actual?: string;
  /** Id of its cause in the result's `causes` array. */
  cause?: number;
}

export function findingToJson(f: Finding): FindingJson {
  const out: FindingJson = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cells: f.cells.map((c) => ({ sheet: c.sheet, cell: refA1(c) })),
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.cause !== undefined) out.cause = f.cause;
  return out;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export function summarize(findings: Finding[]): Record<Severity, number> {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
