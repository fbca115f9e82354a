/**
 * Relations between figures, checked with interval arithmetic (spec §5,
 * XBRL Calculations 1.1 round-to-nearest). Every rule states its relations with
 * these helpers and never compares decimals itself.
 *
 * A relation is Σ signᵢ·xᵢ (lhs) versus Σ signⱼ·yⱼ (rhs), all converted to 元.
 * - "eq" holds when the intervals of both sides overlap. If they overlap but the
 *   displayed figures differ, the difference is a rounding tail: info, not error.
 * - "le" holds when the lower bound of the lhs does not exceed the upper bound of
 *   the rhs (lhs ≤ rhs is possible for some exact amounts behind the figures).
 *
 * Every relation checked (passing or not) is recorded, so that the suspect ranking
 * can ask, for a cell: which failing relations would one correction of this cell
 * repair, and which passing relations would it break?
 */
import { Decimal, ZERO } from "../amount/decimal";
import { Interval, sumIntervals } from "../amount/interval";
import { intervalOf } from "../amount/amount";
import { formatNumber } from "../amount/format";
import { Finding, Severity } from "../report/finding";
import { AmountCell, CellRef, refA1, tableLabel } from "../tables/types";

export interface RelTerm {
  cell: AmountCell;
  /** Coefficient on the lhs − rhs residual, in 元 per displayed unit (sign × table scale). */
  coef: Decimal;
}

export interface Relation {
  kind: "eq" | "le";
  terms: RelTerm[];
  /** Interval of lhs − rhs in 元. */
  residual: Interval;
  /** Displayed lhs − rhs in 元. */
  displayed: Decimal;
  holds: boolean;
  rule: string;
}

export type Term = AmountCell | { cell: AmountCell; sign: -1 | 1 };

function termCell(t: Term): AmountCell {
  return "sign" in t ? t.cell : t;
}
function termSign(t: Term): number {
  return "sign" in t ? t.sign : 1;
}

export interface RelationSink {
  relations: Relation[];
}

export interface SideSpec {
  terms: Term[];
  /** How a clerk names this side: "本年收入合计", "各项收入之和". */
  label: string;
}

export interface RelationSpec {
  rule: string;
  /** Severity when the relation fails (info for a rounding tail is automatic for "eq"). */
  severity: Severity;
  kind: "eq" | "le";
  lhs: SideSpec;
  rhs: SideSpec;
  /** Sentence stating the relation, e.g. "公开01表：本年收入合计应等于各项收入之和". */
  statement: string;
  /** Put these cells first among the suspects before ranking (e.g. the total). */
  lead?: CellRef[];
  /** Report a rounding tail as info (default true). */
  reportTails?: boolean;
}

/** Interval and displayed value of a cell in 元, computed once per cell. */
const inYuan = new WeakMap<AmountCell, { iv: Interval; v: Decimal }>();
function yuan(c: AmountCell): { iv: Interval; v: Decimal } {
  let x = inYuan.get(c);
  if (!x) {
    const one = c.table.scale.eq(1);
    x = { iv: one ? intervalOf(c.amount!) : intervalOf(c.amount!).times(c.table.scale), v: one ? c.amount!.value : c.amount!.value.times(c.table.scale) };
    inYuan.set(c, x);
  }
  return x;
}

function sideInterval(side: SideSpec): Interval {
  return sumIntervals(
    side.terms.map((t) => {
      const iv = yuan(termCell(t)).iv;
      return termSign(t) < 0 ? iv.neg() : iv;
    }),
  );
}

function sideDisplayed(side: SideSpec): Decimal {
  let s = ZERO;
  for (const t of side.terms) {
    const v = yuan(termCell(t)).v;
    s = termSign(t) < 0 ? s.minus(v) : s.plus(v);
  }
  return s;
}

/** Unit in which a side is shown: the unit of its first cell. */
function sideUnit(side: SideSpec, other: SideSpec): { scale: Decimal; unit: string } {
  const c = termCell(side.terms[0] ?? other.terms[0]);
  return { scale: c.table.scale, unit: c.table.unit };
}

function decimalsOf(side: SideSpec): number {
  let dp = 2;
  for (const t of side.terms) dp = Math.max(dp, Math.min(termCell(t).amount!.decimals, 6));
  return dp;
}

function fmt(v: Decimal, scale: Decimal, dp: number): string {
  return formatNumber(v.div(scale), dp);
}

function cellsText(side: SideSpec): string {
  const cells = side.terms.map(termCell);
  if (cells.length === 1) return `（${refA1(cells[0].ref)}）`;
  return "";
}

/** "为 1,442.80", or "为空（按 0 计）" for a single blank cell. */
function valueText(side: SideSpec, v: Decimal, scale: Decimal, dp: number, unit: string): string {
  const cells = side.terms.map(termCell);
  if (cells.length === 1 && cells[0].amount!.blank) return "为空（按 0 计）";
  return `为 ${fmt(v, scale, dp)}${unit}`;
}

function mixedUnits(spec: RelationSpec): boolean {
  const units = new Set([...spec.lhs.terms, ...spec.rhs.terms].map((t) => termCell(t).table.unit));
  return units.size > 1;
}

/**
 * Checks one relation; returns the finding (failure or tail) or null.
 * Relations with a cell that is not a number are skipped: that cell has its own finding.
 */
export function checkRelation(sink: RelationSink, spec: RelationSpec): Finding | null {
  const all = [...spec.lhs.terms, ...spec.rhs.terms];
  if (all.length === 0 || all.some((t) => termCell(t).amount === null)) return null;
  const l = sideInterval(spec.lhs);
  const r = sideInterval(spec.rhs);
  const residual = l.sub(r);
  const lv = sideDisplayed(spec.lhs);
  const rv = sideDisplayed(spec.rhs);
  const displayed = lv.minus(rv);
  const holds = spec.kind === "eq" ? residual.contains(ZERO) : residual.lo.lte(ZERO);
  const terms: RelTerm[] = [
    ...spec.lhs.terms.map((t) => ({ cell: termCell(t), coef: termSign(t) < 0 ? termCell(t).table.scale.neg() : termCell(t).table.scale })),
    ...spec.rhs.terms.map((t) => ({ cell: termCell(t), coef: termSign(t) < 0 ? termCell(t).table.scale : termCell(t).table.scale.neg() })),
  ];
  const relation: Relation = { kind: spec.kind, terms, residual, displayed, holds, rule: spec.rule };
  sink.relations.push(relation);
  // Nothing to report: stop before building any message.
  if (spec.kind === "eq" && (displayed.isZero() || (holds && spec.reportTails === false))) return null;
  if (spec.kind === "le" && holds) return null;

  const { scale, unit } = sideUnit(spec.lhs, spec.rhs);
  const dp = Math.max(decimalsOf(spec.lhs), decimalsOf(spec.rhs));
  const mixed = mixedUnits(spec);
  const u = mixed ? unit : "";
  const lText = `${spec.lhs.label}${cellsText(spec.lhs)}${valueText(spec.lhs, lv, scale, dp, u)}`;
  let rText: string;
  if (mixed) {
    const rs = sideUnit(spec.rhs, spec.lhs);
    rText = `${spec.rhs.label}${cellsText(spec.rhs)}${valueText(spec.rhs, rv, rs.scale, dp, rs.unit)}（折合 ${fmt(rv, scale, dp)}${unit}）`;
  } else rText = `${spec.rhs.label}${cellsText(spec.rhs)}${valueText(spec.rhs, rv, scale, dp, "")}`;
  const cells = orderCells(spec, all.map(termCell));
  const tables = [...new Set(all.map((t) => termCell(t).table.id))];

  if (spec.kind === "eq") {
    const diff = fmt(displayed.abs(), scale, dp);
    if (holds) {
      const slack = fmt(l.hi.minus(l.lo).plus(r.hi.minus(r.lo)).div(2), scale, dp);
      return {
        rule: spec.rule,
        severity: "info",
        message: `${spec.statement}。${lText}，${rText}，相差 ${diff}${u}，在四舍五入尾差允许范围（±${slack}${u}）内。`,
        cells,
        expected: fmt(rv, scale, dp),
        actual: fmt(lv, scale, dp),
        relation,
        tables,
      };
    }
    return {
      rule: spec.rule,
      severity: spec.severity,
      message: `${spec.statement}。${lText}，${rText}，相差 ${diff}${u}。`,
      cells,
      expected: fmt(rv, scale, dp),
      actual: fmt(lv, scale, dp),
      relation,
      tables,
    };
  }
  const over = fmt(displayed, scale, dp);
  return {
    rule: spec.rule,
    severity: spec.severity,
    message: `${spec.statement}。${lText}，${rText}，超出 ${over}${u}。`,
    cells,
    expected: `≤ ${fmt(rv, scale, dp)}`,
    actual: fmt(lv, scale, dp),
    relation,
    tables,
  };
}

function orderCells(spec: RelationSpec, cells: AmountCell[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  const push = (r: CellRef) => {
    const k = `${r.sheet}!${r.row},${r.col}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r);
    }
  };
  for (const r of spec.lead ?? []) push(r);
  for (const c of cells) push(c.ref);
  return out;
}

/** total = Σ items, within one table or across tables. */
export function sumEquals(
  sink: RelationSink,
  rule: string,
  statement: string,
  total: AmountCell,
  totalLabel: string,
  items: Term[],
  itemsLabel: string,
  severity: Severity = "error",
): Finding | null {
  return checkRelation(sink, {
    rule,
    severity,
    kind: "eq",
    statement,
    lhs: { terms: [total], label: totalLabel },
    rhs: { terms: items, label: itemsLabel },
    lead: [total.ref],
  });
}

/** a = b (one figure against another, e.g. across tables). */
export function equals(
  sink: RelationSink,
  rule: string,
  statement: string,
  a: AmountCell,
  aLabel: string,
  b: AmountCell,
  bLabel: string,
  severity: Severity = "error",
): Finding | null {
  return checkRelation(sink, {
    rule,
    severity,
    kind: "eq",
    statement,
    lhs: { terms: [a], label: aLabel },
    rhs: { terms: [b], label: bLabel },
  });
}

/** small ≤ big. */
export function atMost(
  sink: RelationSink,
  rule: string,
  statement: string,
  small: Term[],
  smallLabel: string,
  big: Term[],
  bigLabel: string,
  severity: Severity = "warning",
): Finding | null {
  return checkRelation(sink, {
    rule,
    severity,
    kind: "le",
    statement,
    lhs: { terms: small, label: smallLabel },
    rhs: { terms: big, label: bigLabel },
  });
}

/** A short human label of a cell: "公开02表 合计行“其他收入”（I7）". */
export function cellLabel(c: AmountCell, withTable = true): string {
  return `${withTable ? tableLabel(c.table) + " " : ""}${c.label}`;
}
