/**
 * Rules are small modules, like ESLint rules: metadata (id, Chinese title,
 * default severity) plus one check function over the recognised tables.
 */
import { WorkbookSnapshot } from "../grid/snapshot";
import { Finding, Severity } from "../report/finding";
import { Table } from "../recognize/templates";
import { Relation, RelationSink } from "./relation";
import type { ParseFailure } from "../tables/base";

export interface RuleContext extends RelationSink {
  workbook: WorkbookSnapshot;
  tables: Table[];
  /** All recognised tables of a template, in workbook order. */
  all<T extends Table = Table>(template: string): T[];
  /** The first table of a template (cross-table rules compare the first of each). */
  one<T extends Table = Table>(template: string): T | undefined;
  relations: Relation[];
  /** Regions whose title was recognised but whose table could not be read. */
  failures: ParseFailure[];
}

export interface Rule {
  id: string;
  /** Chinese description of the relation or check, as a clerk would state it. */
  title: string;
  severity: Severity;
  family: "final" | "budget" | "perf" | "narrative" | "common";
  check(ctx: RuleContext): Finding[];
}

export function makeContext(workbook: WorkbookSnapshot, tables: Table[], failures: ParseFailure[] = []): RuleContext {
  const byTemplate = new Map<string, Table[]>();
  for (const t of tables) {
    const list = byTemplate.get(t.template) ?? [];
    list.push(t);
    byTemplate.set(t.template, list);
  }
  return {
    workbook,
    tables,
    failures,
    relations: [],
    all<T extends Table>(template: string) {
      return (byTemplate.get(template) ?? []) as T[];
    },
    one<T extends Table>(template: string) {
      return byTemplate.get(template)?.[0] as T | undefined;
    },
  };
}

/** Collects non-null findings. */
export function compact(xs: (Finding | null | undefined)[]): Finding[] {
  return xs.filter((x): x is Finding => !!x);
}

/**
 * For rules that report a table missing from the set: the sheets whose tables match no
 * template (generic tables, often a set's table whose title was lost). When there are
 * any, "the workbook has no 公开08表" may be wrong, and is said as a warning naming them.
 */
export function missingTableCaveat(ctx: Pick<RuleContext, "tables">): { severity: "error" | "warning"; note: string } {
  const sheets = [...new Set(ctx.tables.filter((t) => t.kind === "generic").map((t) => t.sheet))];
  if (!sheets.length) return { severity: "error", note: "" };
  return { severity: "warning", note: `（工作表${sheets.map((s) => `“${s}”`).join("、")}中有未能识别的无标题表，可能就是该表：若是，请补上表名，即可逐项核对。）` };
}
