/**
 * One project, one set of figures (issue 11 point 5): a project that appears in
 * several tables of the workbook — its 绩效目标表, its 自评表 / 评价表, a 项目资金
 * table (a generic table with 预算数 / 执行数 per project) — must have the same
 * money in each.
 *
 * - Projects are matched by name, allowing the usual abbreviations: names are
 *   compared without the year, brackets, spaces and a trailing 项目 / 专项 / 经费 /
 *   资金; one name (of at least 4 characters) contained in the other is the same
 *   project ("第三方审核平台" and "第三方审核平台基础性服务").
 * - 执行数 is compared with 执行数; the 自评表's 全年预算数 with a 项目资金 table's
 *   预算数 (its 年初预算数 when that table says 年初); a 绩效目标表's 年度资金总额 with
 *   the 自评表's 年初预算数 (the target is set on the budget of the year's start).
 * - Each difference is an error naming both cells (a relation: the ranking and
 *   the causes treat it like every other).
 */
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { AmountCell, refA1 } from "../../tables/types";
import { GenericTable } from "../../tables/generic";
import { PerfTable, perfLabel } from "../../tables/perf/model";
import { equals } from "../relation";
import { Rule, RuleContext } from "../types";
import { perfTables } from "./common";

export function projectKey(name: string): string {
  return norm(name)
    .replace(/20\d{2}年度?/g, "")
    .replace(/\([^)]*\)|（[^）]*）/g, "")
    .replace(/^[\d一二三四五六七八九十]+[、.．\s]*/, "")
    .replace(/(项目支出|专项资金|项目|专项|经费|资金)$/g, "")
    .replace(/["“”]/g, "");
}

export function sameProject(a: string, b: string): boolean {
  return sameKey(projectKey(a), projectKey(b));
}

/** sameProject() on names already reduced by projectKey(). */
function sameKey(x: string, y: string): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  const s = x.length <= y.length ? x : y;
  const l = s === x ? y : x;
  if (s.length < 4 || !l.includes(s)) return false;
  // Numbers in a name tell projects apart ("项目10" is not "项目100", "一期" is not "二期"): they must agree.
  const nums = (t: string) => (t.match(/\d+|[一二三四五六七八九十]+期/g) ?? []).join(",");
  return nums(x) === nums(y);
}

interface ProjectFigures {
  name: string;
  where: string;
  tables: string[];
  yearStart?: AmountCell;
  budget?: AmountCell;
  executed?: AmountCell;
  annual?: AmountCell;
  /** A 项目资金 table's 预算数, when it does not say 年初 or 全年. */
  anyBudget?: AmountCell;
}

function fromPerf(t: PerfTable): ProjectFigures | null {
  const name = t.subject?.text?.trim();
  if (!name || t.kind === "perfWhole") return null;
  const line = t.funds?.lines.find((l) => l.key === "total") ?? t.funds?.lines[0];
  if (!line) return null;
  const c = line.cells;
  return { name, where: perfLabel(t), tables: [t.id], yearStart: c.yearStart, budget: c.budget, executed: c.executed, annual: c.annual };
}

function fromGeneric(t: GenericTable): ProjectFigures[] {
  const budgetCol = t.columns.find((c) => c.role === "figure" && /预算|计划|批复|下达/.test(c.label));
  const execCol = t.columns.find((c) => c.role === "figure" && /执行|决算|完成|实际|支出数/.test(c.label) && c !== budgetCol);
  if (!budgetCol && !execCol) return [];
  const out: ProjectFigures[] = [];
  for (const r of t.rows) {
    if (r.total || !r.label) continue;
    const name = r.label.replace(/^\d+\s+/, "");
    const b = budgetCol ? r.cells.get(budgetCol.col) : undefined;
    const f: ProjectFigures = { name, where: `“${t.name}”`, tables: [t.id], executed: execCol ? r.cells.get(execCol.col) : undefined };
    if (b) {
      if (/年初/.test(budgetCol!.label)) f.yearStart = b;
      else if (/全年|调整/.test(budgetCol!.label)) f.budget = b;
      else f.anyBudget = b;
    }
    out.push(f);
  }
  return out;
}

const present = (c?: AmountCell): c is AmountCell => !!c && !!c.amount && !c.amount.blank;

export const projectFigures: Rule = {
  id: "perf.project.same-figures",
  title: "同一项目在各表（绩效目标表、自评表、项目资金表）中的预算数、执行数应一致",
  severity: "error",
  family: "perf",
  check(ctx: RuleContext) {
    const out: Finding[] = [];
    const projects: ProjectFigures[] = [];
    for (const t of perfTables(ctx)) {
      const p = fromPerf(t);
      if (p) projects.push(p);
    }
    for (const t of ctx.tables) if (t.kind === "generic") projects.push(...fromGeneric(t as GenericTable));
    const seen = new Set<string>();
    // Every pair is compared: reduce each name once (200 projects are 19,900 pairs).
    const keys = projects.map((p) => projectKey(p.name));
    for (let i = 0; i < projects.length; i++)
      for (let j = i + 1; j < projects.length; j++) {
        const a = projects[i];
        const b = projects[j];
        if (a.tables[0] === b.tables[0] || !sameKey(keys[i], keys[j])) continue;
        const pairs: [AmountCell | undefined, AmountCell | undefined, string][] = [
          [a.executed, b.executed, "执行数"],
          [a.yearStart, b.yearStart, "年初预算数"],
          [a.budget, b.budget, "全年预算数"],
          [a.annual, b.yearStart, "年度资金（年初预算数）"],
          [a.yearStart, b.annual, "年初预算数（年度资金）"],
          [a.anyBudget, b.budget ?? b.yearStart ?? b.annual, "预算数"],
          [a.budget ?? a.yearStart ?? a.annual, b.anyBudget, "预算数"],
        ];
        for (const [x, y, what] of pairs) {
          if (!present(x) || !present(y)) continue;
          const k = `${refA1(x.ref)}${x.ref.sheet}|${refA1(y.ref)}${y.ref.sheet}`;
          if (seen.has(k)) continue;
          seen.add(k);
          // A 预算数 that says neither 年初 nor 全年 may be either: no finding when it is the other one.
          if (what === "预算数") {
            const other = x === a.anyBudget ? b : a;
            const alt = other.yearStart ?? other.annual;
            const val = (x === a.anyBudget ? x : y).amount!.value;
            if (alt?.amount && alt.amount.value.eq(val)) continue;
          }
          const f = equals(
            ctx,
            this.id,
            () => `项目“${a.name}”在${a.where}与${b.where}中的${what}应相同`,
            x,
            () => `${a.where}${what}（${x.ref.sheet}）`,
            y,
            () => `${b.where}${what}（${y.ref.sheet}）`,
          );
          if (f) {
            f.tables = [...a.tables, ...b.tables];
            out.push(f);
          }
        }
      }
    return out;
  },
};

export const PROJECT_RULES = [projectFigures];
