/**
 * The proportional rubric of scored evaluation tables (部门整体支出绩效评价表,
 * 项目支出绩效评价表 and their variants; issue 11 point 6): a row whose completion
 * is stated as a fraction ("44.36/45=98.58%") or as a rate next to a rate
 * indicator ("预算执行率 … 100%"), or whose 预算执行率 follows from the project's
 * own 预算数 / 执行数 elsewhere in the workbook, should score rate × 分值, capped
 * at 分值, to the precision the score is written with. A departure is a warning
 * (the evaluator may apply another rubric) whose message shows the rubric's score.
 */
import { Decimal, HUNDRED } from "../../amount/decimal";
import { halfUnit } from "../../amount/decimal";
import { formatNumber } from "../../amount/format";
import { Interval } from "../../amount/interval";
import { intervalOf } from "../../amount/amount";
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { refA1 } from "../../tables/types";
import { GenericTable } from "../../tables/generic";
import { PerfIndicator, PerfTable, perfLabel } from "../../tables/perf/model";
import { Rule, RuleContext } from "../types";
import { perfTables } from "./common";
import { sameProject } from "./projects";

const FRACTION = /(\d+(?:\.\d+)?)\s*[/／÷]\s*(\d+(?:\.\d+)?)(?:\s*[=＝]\s*(\d+(?:\.\d+)?)\s*[%％])?/;
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/;
const RATE_NAME = /预算执行率|预算完成率|资金执行率|执行率|完成率|到位率|支出率/;
const EXECUTION_NAME = /预算执行率|预算完成率|资金执行率|预算完成|支出进度/;

/** The completion stated in the row's text cells, as a rate interval (0–1). */
function statedRate(ctx: RuleContext, t: PerfTable, ind: PerfIndicator): { iv: Interval; shown: string; ref: { sheet: string; row: number; col: number } } | null {
  const sheet = ctx.workbook.sheets.find((s) => s.name === t.sheet);
  const row = sheet?.rows.get(ind.row);
  if (!row) return null;
  const skip = new Set([ind.level1?.ref.col, ind.level2?.ref.col, ind.level3?.ref.col, ind.points?.ref.col, ind.score?.ref.col, ind.target?.ref.col]);
  for (const [col, cell] of row) {
    if (skip.has(col) || col < t.range.left || col > t.range.right || typeof cell.value === "number") continue;
    const text = norm(cell.text);
    const f = FRACTION.exec(text);
    if (f && !/\d{4}[/／]\d/.test(text)) {
      const a = new Decimal(f[1]);
      const b = new Decimal(f[2]);
      if (b.isZero()) continue;
      const dp = (s: string) => (s.includes(".") ? s.length - s.indexOf(".") - 1 : 0);
      const iv = Interval.around(a, halfUnit(dp(f[1]))).div(Interval.around(b, halfUnit(dp(f[2]))));
      if (iv) return { iv, shown: f[0], ref: { sheet: t.sheet, row: ind.row, col } };
    }
    const p = PERCENT.exec(text);
    if (p && RATE_NAME.test(ind.name + ind.level2Name)) {
      const dp = p[1].includes(".") ? p[1].length - p[1].indexOf(".") - 1 : 0;
      return { iv: Interval.around(new Decimal(p[1]), halfUnit(dp)).times(new Decimal("0.01")), shown: p[0], ref: { sheet: t.sheet, row: ind.row, col } };
    }
  }
  return null;
}

/** The project's 执行数 ÷ 预算数 from another table of the workbook (a self-evaluation, a 项目资金 table). */
function executionElsewhere(ctx: RuleContext, t: PerfTable): { iv: Interval; shown: string; refs: { sheet: string; row: number; col: number }[] } | null {
  const name = t.subject?.text?.trim();
  if (!name) return null;
  for (const o of perfTables(ctx)) {
    if (o === t || !o.subject?.text || !sameProject(o.subject.text, name)) continue;
    const line = o.funds?.lines.find((l) => l.key === "total") ?? o.funds?.lines[0];
    const exec = line?.cells.executed;
    const budget = line?.cells.budget ?? line?.cells.yearStart;
    if (exec?.amount && budget?.amount && !budget.amount.value.isZero()) {
      const iv = intervalOf(exec.amount).div(intervalOf(budget.amount));
      if (iv) return { iv, shown: `${exec.amount.value.toString()}÷${budget.amount.value.toString()}`, refs: [exec.ref, budget.ref] };
    }
  }
  for (const g of ctx.tables.filter((x): x is GenericTable => x.kind === "generic")) {
    const b = g.columns.find((c) => c.role === "figure" && /预算|计划/.test(c.label));
    const e = g.columns.find((c) => c.role === "figure" && /执行|决算|完成|实际/.test(c.label));
    if (!b || !e) continue;
    for (const r of g.rows) {
      if (r.total || !sameProject(r.label.replace(/^\d+\s+/, ""), name)) continue;
      const [bc, ec] = [r.cells.get(b.col), r.cells.get(e.col)];
      if (!bc?.amount || !ec?.amount || bc.amount.value.isZero()) continue;
      const iv = intervalOf(ec.amount).div(intervalOf(bc.amount));
      if (iv) return { iv, shown: `${ec.amount.value.toString()}÷${bc.amount.value.toString()}`, refs: [ec.ref, bc.ref] };
    }
  }
  return null;
}

export const frameworkRubric: Rule = {
  id: "perf.framework.rubric",
  title: "绩效评价表：写明完成比例（如“44.36/45=98.58%”）或可由项目预算数、执行数算出执行率的指标，得分应为完成比例×分值（不超过分值）",
  severity: "warning",
  family: "perf",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of perfTables(ctx, ["perfFramework", "perfWhole"])) {
      for (const ind of t.indicators?.indicators ?? []) {
        const pts = ind.points?.amount;
        const sc = ind.score?.amount;
        if (!pts || !sc || sc.blank || pts.value.isZero()) continue;
        const stated = statedRate(ctx, t, ind);
        const elsewhere = !stated && EXECUTION_NAME.test(ind.name + ind.level2Name) ? executionElsewhere(ctx, t) : null;
        const rate = stated ?? elsewhere;
        if (!rate) continue;
        const one = new Decimal(1);
        const capped = new Interval(Decimal.min(rate.iv.lo, one), Decimal.min(rate.iv.hi, one));
        const expected = capped.times(pts.value);
        const said = Interval.around(sc.value, halfUnit(sc.decimals));
        if (expected.overlaps(said)) continue;
        const mid = Decimal.min(rate.iv.mid(), one).times(pts.value);
        const dp = Math.max(sc.decimals, 0);
        out.push({
          rule: this.id,
          severity: "warning",
          message: `${perfLabel(t)}“${ind.name}”（${refA1(ind.score!.ref)}）：完成比例 ${stated ? `“${stated.shown}”` : `${rate.shown}（项目执行数÷预算数）`}= ${formatNumber(rate.iv.mid().times(HUNDRED), 2)}%，按比例计分应得 ${formatNumber(mid, dp)} 分（分值 ${pts.value.toString()} × 完成比例${rate.iv.mid().gt(one) ? "，以分值为限" : ""}），表中为 ${sc.value.toString()} 分。`,
          cells: [ind.score!.ref, ind.points!.ref, ...(stated ? [stated.ref] : elsewhere!.refs)],
          expected: formatNumber(mid, dp),
          actual: sc.value.toString(),
          tables: [t.id],
        });
      }
    }
    return out;
  },
};

export const RUBRIC_RULES = [frameworkRubric];
