/**
 * Relations between figures, checked with interval arithmetic (spec §5,
 * XBRL Calculations 1.1 round-to-nearest). Every rule states its relations with
 * these helpers and never compares decimals itself.
 *
 * A relation is Σ signᵢ·xᵢ (lhs) versus Σ signⱼ·yⱼ (rhs).
 * - "eq" holds when the intervals of both sides overlap. If they overlap but the
 *   displayed figures differ, the difference is a rounding tail: info, not error.
 * - "le" holds when the lower bound of the lhs does not exceed the upper bound of
 *   the rhs (lhs ≤ rhs is possible for some exact amounts behind the figures).
 *
 * Every rounding interval is symmetric around its figure, so a side's interval
 * is [Σ sign·v − Σ h, Σ sign·v + Σ h] with h the half-units: the same result
 * as adding interval bounds. Sums use the exact fixed-point form of each figure
 * (see amount/fixed.ts), in the tables' common unit, or in 元 across units.
 *
 * Every relation checked (passing or not) is recorded, so that the suspect
 * ranking can ask, for a cell: which failing relations would one correction of
 * this cell repair, and which passing relations would it break?
 */
import { Decimal } from "../amount/decimal";
import { fixedToDecimal, formatFixed, halfFixed, halfFixedNum } from "../amount/fixed";
import { formatNumber } from "../amount/format";
import { Finding, Severity } from "../report/finding";
import { AmountCell, CellRef, refA1, tableLabel } from "../tables/types";

const BIG0 = BigInt(0);

export interface RelTerm {
  cell: AmountCell;
  /** Coefficient on the lhs − rhs residual per displayed unit of the cell (±1, or ± the table scale across units). */
  coef: bigint;
}

export interface Relation {
  kind: "eq" | "le";
  lhs: Term[];
  rhs: Term[];
  /** Sums were taken in 元 (terms from tables of different units); else in the common table unit. */
  inYuan: boolean;
  /** Displayed lhs − rhs, fixed-point, in the relation's unit. */
  displayed: bigint;
  /** Σ half-units of all terms, fixed-point: the residual's interval is displayed ± slack. */
  slack: bigint;
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

/** A text, or a function that writes it: built only when a finding's message is read. */
export type Label = string | (() => string);

function labelText(l: Label): string {
  return typeof l === "function" ? l() : l;
}

export interface SideSpec {
  terms: Term[];
  /** How a clerk names this side: "本年收入合计", "各项收入之和" (a function: built only when reported). */
  label: Label;
}

export interface RelationSpec {
  rule: string;
  /** Severity when the relation fails (info for a rounding tail is automatic for "eq"). */
  severity: Severity;
  kind: "eq" | "le";
  lhs: SideSpec;
  rhs: SideSpec;
  /** Sentence stating the relation, e.g. "公开01表：本年收入合计应等于各项收入之和" (a function: built only when reported). */
  statement: Label;
  /** Put these cells first among the suspects before ranking (e.g. the total). */
  lead?: CellRef[];
  /** Report a rounding tail as info (default true). */
  reportTails?: boolean;
}

const scaleBig = new WeakMap<Decimal, bigint>();
function bigScale(d: Decimal): bigint {
  let b = scaleBig.get(d);
  if (b === undefined) {
    b = BigInt(d.toFixed(0));
    scaleBig.set(d, b);
  }
  return b;
}

/** Common table scale of all terms (sums in table units), or null (sums in 元). */
function commonScale(a: Term[], b: Term[]): Decimal | null {
  const first = a.length > 0 ? termCell(a[0]).table.scale : termCell(b[0]).table.scale;
  return sameScale(a, first) && sameScale(b, first) ? first : null;
}

function sameScale(terms: Term[], s: Decimal): boolean {
  for (let i = 0; i < terms.length; i++) {
    const k = termCell(terms[i]).table.scale;
    if (s !== k && !s.eq(k)) return false;
  }
  return true;
}

/** Σ sign·figure of a side, fixed-point (in 元 when `inYuan`). */
/** |fixed| below 2^48: up to 32 such terms add up exactly in a double (< 2^53). */
const SAFE_FIXED = BigInt(2) ** BigInt(48);
const MINUS_SAFE_FIXED = -SAFE_FIXED;

/**
 * Σ sign·figure of a side in one table unit, in a double, when that is exact:
 * at most 32 terms, each below 2^48 in fixed point (28 million units), so that
 * every partial sum stays below 2^53. NaN otherwise (the BigInt sums are used).
 */
function sumNumber(terms: Term[]): number {
  if (terms.length > 32) return NaN;
  let n = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const f = termCell(t).amount!.fixed;
    if (f >= SAFE_FIXED || f <= MINUS_SAFE_FIXED) return NaN;
    const x = Number(f);
    n = termSign(t) < 0 ? n - x : n + x;
  }
  return n;
}

/** Σ half-units of a side (table unit), as a number: small integers, exact. */
function halfNumber(terms: Term[]): number {
  let h = 0;
  for (let i = 0; i < terms.length; i++) h += halfFixedNum(termCell(terms[i]).amount!.decimals);
  return h;
}

/** Slacks take few distinct values: one BigInt each. */
const slackBigs = new Map<number, bigint>();
function bigOf(h: number): bigint {
  let b = slackBigs.get(h);
  if (b === undefined) {
    b = BigInt(h);
    if (slackBigs.size < 4096) slackBigs.set(h, b);
  }
  return b;
}

function sumValue(terms: Term[], inYuan: boolean): bigint {
  let v = BIG0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const c = termCell(t);
    const cv = inYuan ? c.amount!.fixed * bigScale(c.table.scale) : c.amount!.fixed;
    v = termSign(t) < 0 ? v - cv : v + cv;
  }
  return v;
}

/** Σ half-units of a side's figures, fixed-point (in 元 when `inYuan`). */
function sumHalf(terms: Term[], inYuan: boolean): bigint {
  if (inYuan) {
    let h = BIG0;
    for (const t of terms) {
      const c = termCell(t);
      h += halfFixed(c.amount!.decimals) * bigScale(c.table.scale);
    }
    return h;
  }
  // Half-units are small integers (≤ 5 × 10^6 each): count them as a number, exactly.
  let h = 0;
  for (let i = 0; i < terms.length; i++) h += halfFixedNum(termCell(terms[i]).amount!.decimals);
  return BigInt(h);
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
  return cells.length === 1 ? `（${refA1(cells[0].ref)}）` : "";
}

/** "为 1,442.80", or "为空（按 0 计）" for a single blank cell. */
function valueText(side: SideSpec, shown: string): string {
  if (side.terms.length === 1 && termCell(side.terms[0]).amount!.blank) return "为空（按 0 计）";
  return `为 ${shown}`;
}

/**
 * Checks one relation; returns the finding (failure or tail) or null.
 * Relations with a cell that is not a number are skipped: that cell has its own finding.
 */
export function checkRelation(sink: RelationSink, spec: RelationSpec): Finding | null {
  const ev = evaluate(sink, spec.rule, spec.kind, spec.lhs.terms, spec.rhs.terms, spec.reportTails !== false);
  return ev ? report(spec, ev) : null;
}

/**
 * Computes and records a relation; returns what the report needs when there is
 * something to report (a failure, or a tail when tails are reported), else null.
 * No object is built for the message unless it is reported.
 */
function evaluate(sink: RelationSink, rule: string, kind: "eq" | "le", lt: Term[], rt: Term[], tails: boolean): Relation | null {
  if (lt.length + rt.length === 0) return null;
  for (let i = 0; i < lt.length; i++) if (termCell(lt[i]).amount === null) return null;
  for (let i = 0; i < rt.length; i++) if (termCell(rt[i]).amount === null) return null;
  const inYuan = commonScale(lt, rt) === null;
  let displayed: bigint;
  let slack: bigint;
  let holds: boolean;
  const l = inYuan ? NaN : sumNumber(lt);
  const r = Number.isNaN(l) ? NaN : sumNumber(rt);
  if (!Number.isNaN(r)) {
    // Exact in doubles (see sumNumber): one BigInt at most, none when the sides agree.
    const d = l - r;
    const h = halfNumber(lt) + halfNumber(rt);
    displayed = d === 0 ? BIG0 : BigInt(d);
    slack = bigOf(h);
    holds = kind === "eq" ? Math.abs(d) <= h : d - h <= 0;
  } else {
    displayed = sumValue(lt, inYuan) - sumValue(rt, inYuan);
    slack = sumHalf(lt, inYuan) + sumHalf(rt, inYuan);
    holds = kind === "eq" ? (displayed < BIG0 ? -displayed : displayed) <= slack : displayed - slack <= BIG0;
  }
  const relation: Relation = { kind, lhs: lt, rhs: rt, inYuan, displayed, slack, holds, rule };
  sink.relations.push(relation);
  if (kind === "eq" && (displayed === BIG0 || (holds && !tails))) return null;
  if (kind === "le" && holds) return null;
  return relation;
}

/**
 * A finding about a relation. Its cells, severity and relation are set at once
 * (ranking and sorting need them); the message and the figures are written the
 * first time they are read: a 5,000-row table can give thousands of rounding
 * tails, and the pane only ever shows a screenful of them.
 */
class RelationFinding implements Finding {
  readonly rule: string;
  readonly severity: Severity;
  cells: CellRef[];
  readonly tables: string[];
  private text?: { message: string; expected: string; actual: string };
  constructor(
    private readonly spec: RelationSpec,
    readonly relation: Relation,
  ) {
    this.rule = spec.rule;
    this.severity = relation.kind === "eq" && relation.holds ? "info" : spec.severity;
    const all = [...spec.lhs.terms, ...spec.rhs.terms];
    this.cells = orderCells(spec, all);
    this.tables = [...new Set(all.map((t) => termCell(t).table.id))];
  }
  get message(): string {
    return this.write().message;
  }
  get expected(): string {
    return this.write().expected;
  }
  get actual(): string {
    return this.write().actual;
  }
  private write(): { message: string; expected: string; actual: string } {
    if (!this.text) this.text = writeRelation(this.spec, this.relation);
    return this.text;
  }
}

function report(spec: RelationSpec, relation: Relation): Finding {
  return new RelationFinding(spec, relation);
}

function writeRelation(spec: RelationSpec, relation: Relation): { message: string; expected: string; actual: string } {
  const { displayed, slack, holds } = relation;
  const inYuan = relation.inYuan;
  const L = { v: sumValue(relation.lhs, inYuan) };
  const R = { v: sumValue(relation.rhs, inYuan) };
  const statement = labelText(spec.statement);
  const dp = Math.max(decimalsOf(spec.lhs), decimalsOf(spec.rhs));
  let show: (f: bigint) => string;
  let lText: string;
  let rText: string;
  let u = "";
  if (!inYuan) {
    // One unit: format the fixed-point sums directly.
    show = (f) => formatFixed(f, dp);
    lText = `${labelText(spec.lhs.label)}${cellsText(spec.lhs)}${valueText(spec.lhs, show(L.v))}`;
    rText = `${labelText(spec.rhs.label)}${cellsText(spec.rhs)}${valueText(spec.rhs, show(R.v))}`;
  } else {
    // Mixed units (元 and 万元 tables): sums are in 元; show each side in its own unit.
    const ls = sideUnit(spec.lhs, spec.rhs);
    const rs = sideUnit(spec.rhs, spec.lhs);
    u = ls.unit;
    show = (f) => fmt(fixedToDecimal(f), ls.scale, dp);
    lText = `${labelText(spec.lhs.label)}${cellsText(spec.lhs)}${valueText(spec.lhs, show(L.v) + u)}`;
    rText = `${labelText(spec.rhs.label)}${cellsText(spec.rhs)}${valueText(spec.rhs, fmt(fixedToDecimal(R.v), rs.scale, dp) + rs.unit)}（折合 ${show(R.v)}${u}）`;
  }
  if (relation.kind === "eq") {
    const diff = show(displayed < BIG0 ? -displayed : displayed);
    const message = holds
      ? `${statement}。${lText}，${rText}，相差 ${diff}${u}，在四舍五入尾差允许范围（±${show(slack)}${u}）内。`
      : `${statement}。${lText}，${rText}，相差 ${diff}${u}。`;
    return { message, expected: show(R.v), actual: show(L.v) };
  }
  return { message: `${statement}。${lText}，${rText}，超出 ${show(displayed)}${u}。`, expected: `≤ ${show(R.v)}`, actual: show(L.v) };
}

function orderCells(spec: RelationSpec, terms: Term[]): CellRef[] {
  const lead = spec.lead ?? [];
  const out: CellRef[] = [...lead];
  for (const t of terms) {
    const r = termCell(t).ref;
    if (!lead.some((l) => l.row === r.row && l.col === r.col && l.sheet === r.sheet) && !out.includes(r)) out.push(r);
  }
  return out;
}

/** The relation's cells with their coefficients on lhs − rhs (built on demand). */
export function relationTerms(rel: Relation): RelTerm[] {
  const out: RelTerm[] = [];
  const one = BigInt(1);
  const add = (t: Term, lhs: boolean) => {
    const c = termCell(t);
    const k = rel.inYuan ? bigScale(c.table.scale) : one;
    out.push({ cell: c, coef: (termSign(t) > 0) === lhs ? k : -k });
  };
  for (const t of rel.lhs) add(t, true);
  for (const t of rel.rhs) add(t, false);
  return out;
}

/** Cells of a relation, without coefficients. */
export function relationCells(rel: Relation): AmountCell[] {
  return [...rel.lhs.map(termCell), ...rel.rhs.map(termCell)];
}

/** Whether a relation would hold after adding `delta` (fixed-point, in the cell's displayed unit) to a cell with coefficient `coef`. */
export function holdsAfter(rel: Relation, coef: bigint, delta: bigint): boolean {
  const d = rel.displayed + coef * delta;
  const zero = BigInt(0);
  return rel.kind === "eq" ? (d < zero ? -d : d) <= rel.slack : d - rel.slack <= zero;
}

/** total = Σ items, within one table or across tables. */
export function sumEquals(
  sink: RelationSink,
  rule: string,
  statement: Label,
  total: AmountCell,
  totalLabel: Label,
  items: Term[],
  itemsLabel: Label,
  severity: Severity = "error",
): Finding | null {
  const lt = [total];
  const ev = evaluate(sink, rule, "eq", lt, items, true);
  if (!ev) return null;
  return report({ rule, severity, kind: "eq", statement, lhs: { terms: lt, label: totalLabel }, rhs: { terms: items, label: itemsLabel }, lead: [total.ref] }, ev);
}

/** The labels of a sum relation, written only when it is reported. */
export interface SumLabels {
  statement: Label;
  total: Label;
  items: Label;
}

/**
 * sumEquals() for relations checked by the thousand (a row's total, a 类's 款):
 * `labels` is called only when there is something to report, so a passing row
 * costs no label closures.
 */
export function sumEqualsLabelled<A, B, C>(
  sink: RelationSink,
  rule: string,
  total: AmountCell,
  items: Term[],
  labels: (a: A, b: B, c: C) => SumLabels,
  a: A,
  b: B,
  c: C,
  severity: Severity = "error",
): Finding | null {
  const lt = [total];
  const ev = evaluate(sink, rule, "eq", lt, items, true);
  if (!ev) return null;
  const l = labels(a, b, c);
  return report({ rule, severity, kind: "eq", statement: l.statement, lhs: { terms: lt, label: l.total }, rhs: { terms: items, label: l.items }, lead: [total.ref] }, ev);
}

/** a = b (one figure against another, e.g. across tables). */
export function equals(
  sink: RelationSink,
  rule: string,
  statement: Label,
  a: AmountCell,
  aLabel: Label,
  b: AmountCell,
  bLabel: Label,
  severity: Severity = "error",
): Finding | null {
  const lt = [a];
  const rt = [b];
  const ev = evaluate(sink, rule, "eq", lt, rt, true);
  if (!ev) return null;
  return report({ rule, severity, kind: "eq", statement, lhs: { terms: lt, label: aLabel }, rhs: { terms: rt, label: bLabel } }, ev);
}

/** small ≤ big. */
export function atMost(
  sink: RelationSink,
  rule: string,
  statement: Label,
  small: Term[],
  smallLabel: Label,
  big: Term[],
  bigLabel: Label,
  severity: Severity = "warning",
): Finding | null {
  const ev = evaluate(sink, rule, "le", small, big, true);
  if (!ev) return null;
  return report({ rule, severity, kind: "le", statement, lhs: { terms: small, label: smallLabel }, rhs: { terms: big, label: bigLabel } }, ev);
}

/** A short human label of a cell: "公开02表 合计行“其他收入”". */
export function cellLabel(c: AmountCell, withTable = true): string {
  return `${withTable ? tableLabel(c.table) + " " : ""}${c.label}`;
}
