/**
 * Facts: every figure a narrative may state, with its exact value, the interval
 * of exact values it stands for (the tables' figures are rounded), where it
 * comes from (cells) and how it was computed (formula). Generated text takes its
 * numbers only from facts; the checker links a clerk's numbers to facts.
 */
import { Decimal, HUNDRED, ZERO } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { Amount, intervalOf } from "../amount/amount";
import { formatNumber } from "../amount/format";
import { AmountCell, CellRef, refA1, tableLabel } from "../tables/types";
import { parseA1 } from "../grid/address";

export type FactUnit = "万元" | "%" | "count";

export interface FactSource {
  sheet: string;
  cell: string;
  /** What the cell is: "公开01表 本年收入合计". */
  label: string;
}

export type SectionId =
  | "total"
  | "income"
  | "expense"
  | "fiscal"
  | "gpb"
  | "basic"
  | "sangong"
  | "govFund"
  | "soe"
  | "operating"
  | "procurement"
  | "assets"
  | "perf"
  | "project"
  | "terms";

export interface Fact {
  id: string;
  /** Exact value behind the figure (万元 for amounts, percentage points for %, a count). */
  value: Decimal;
  /** Interval of exact values consistent with the source figures. */
  interval: Interval;
  /** Decimals the narrative shows. */
  decimals: number;
  unit: FactUnit;
  countWord?: string;
  /** The displayed figure (may be a rounding chosen to keep shares at 100 %). */
  shown: Decimal;
  sources: FactSource[];
  /** How the value was obtained, with cell addresses. */
  formula: string;
  /** A percentage whose base is zero (no percentage can be stated). */
  zeroBase?: boolean;
  /** Words that name the fact in a sentence (regular expressions, tried in order). */
  keys: RegExp[];
  /** When set, one of these must appear in the sentence or paragraph (an item's name). */
  requires?: RegExp[];
  sections: SectionId[];
  kind: "cell" | "sum" | "share" | "change" | "changePct" | "rate" | "supplement";
  /** For shares: the fact of the part whose share this is. */
  of?: string;
  /** A rule of another family reports mismatches with this fact (the narrative rules only count it as verified). */
  reportedBy?: string;
  /** A figure contradicting this fact is a warning, not an error (facts that need not hold exactly). */
  mismatchSeverity?: "warning";
}

export const TEN_THOUSAND = new Decimal(10000);

export function sourceOf(c: AmountCell, label?: string): FactSource {
  return { sheet: c.ref.sheet, cell: refA1(c.ref), label: label ?? `${tableLabel(c.table)} ${c.label}` };
}

/** The cells of a fact's sources, each once. */
export function sourceRefs(sources: FactSource[]): CellRef[] {
  const out: CellRef[] = [];
  // A total's sources can be hundreds of cells: each address is kept once, in order.
  const seen = new Set<string>();
  for (const s of sources) {
    const p = parseA1(s.cell);
    if (!p) continue;
    const k = `${s.sheet}!${p.row},${p.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: s.sheet, row: p.row, col: p.col });
  }
  return out;
}

export function addr(s: FactSource): string {
  return `${s.sheet}!${s.cell}`;
}

/** Value of a table figure in 万元, and its interval. */
export function wanOf(c: AmountCell): { v: Decimal; iv: Interval } {
  const a = c.amount!;
  const k = c.table.scale.div(TEN_THOUSAND);
  const iv = intervalOf(a);
  return k.eq(1) ? { v: a.value, iv } : { v: a.value.times(k), iv: iv.times(k) };
}

export interface FactInit {
  id: string;
  reportedBy?: string;
  unit: FactUnit;
  keys: RegExp[];
  requires?: RegExp[];
  sections: SectionId[];
  countWord?: string;
  decimals?: number;
}

/** A fact read straight from one table cell (amounts converted to 万元). */
export function cellFact(init: FactInit, c: AmountCell, label?: string): Fact {
  const { v, iv } = wanOf(c);
  return {
    ...init,
    value: v,
    interval: iv,
    decimals: init.decimals ?? 2,
    shown: v,
    sources: [sourceOf(c, label)],
    formula: `${c.ref.sheet}!${refA1(c.ref)}${c.table.unit !== "万元" ? `（${c.table.unit}，折合万元）` : ""}`,
    kind: "cell",
  };
}

/** A figure from the 补充信息 sheet. */
export function supplementFact(init: FactInit, a: Amount, ref: CellRef, label: string): Fact {
  return {
    ...init,
    value: a.value,
    interval: intervalOf(a),
    decimals: init.decimals ?? (init.unit === "count" ? 0 : 2),
    shown: a.value,
    sources: [{ sheet: ref.sheet, cell: refA1(ref), label: `补充信息 ${label}` }],
    formula: `${ref.sheet}!${refA1(ref)}`,
    kind: "supplement",
  };
}

/** Σ of facts (all in the same unit). */
export function sumFact(init: FactInit, parts: Fact[], formula?: string): Fact {
  let v = ZERO;
  let iv = Interval.exact(ZERO);
  for (const p of parts) {
    v = v.plus(p.value);
    iv = iv.add(p.interval);
  }
  return {
    ...init,
    value: v,
    interval: iv,
    decimals: init.decimals ?? 2,
    shown: v,
    sources: parts.flatMap((p) => p.sources),
    formula: formula ?? parts.map((p) => p.formula).join(" ＋ "),
    kind: "sum",
  };
}

/** a − b (a change against last year, or a difference). */
export function diffFact(init: FactInit, a: Fact, b: Fact): Fact {
  const v = a.value.minus(b.value);
  return {
    ...init,
    value: v,
    interval: a.interval.sub(b.interval),
    decimals: init.decimals ?? 2,
    shown: v,
    sources: [...a.sources, ...b.sources],
    formula: `${a.formula} − ${b.formula}`,
    kind: "change",
  };
}

/** num ÷ den × 100 (a share, a rate of completion, a change in percent). */
export function ratioFact(init: FactInit, num: Fact, den: Fact, kind: "share" | "rate" | "changePct"): Fact {
  const zeroBase = den.value.isZero();
  const value = zeroBase ? ZERO : num.value.div(den.value).times(HUNDRED);
  const q = zeroBase ? null : num.interval.div(den.interval);
  const interval = q ? q.times(HUNDRED) : Interval.exact(ZERO);
  return {
    ...init,
    unit: "%",
    value,
    interval,
    decimals: init.decimals ?? 2,
    shown: value.toDecimalPlaces(init.decimals ?? 2, Decimal.ROUND_HALF_UP),
    sources: [...num.sources, ...den.sources],
    formula: `${num.formula} ÷ ${den.formula} × 100%`,
    zeroBase,
    kind,
  };
}

/**
 * Whether a written figure (value, decimals) is consistent with a fact (interval
 * overlap, spec §5). A change is written as a magnitude with a direction word
 * ("减少37.32万元"), so changes are compared by absolute value.
 */
export function consistent(f: Fact, written: Decimal, decimals: number): boolean {
  return consistentWith(f, Interval.shown(written, decimals));
}

/** consistent(), given the written figure's interval (a figure is compared with dozens of facts). */
export function consistentWith(f: Fact, w: Interval): boolean {
  return w.overlaps(comparedInterval(f));
}

/** A fact's interval as a written figure is compared with it: a fall, written as a magnitude, by its absolute value. */
const magnitudes = new WeakMap<Fact, Interval>();
function comparedInterval(f: Fact): Interval {
  if (!((f.kind === "change" || f.kind === "changePct") && f.interval.hi.isNegative())) return f.interval;
  let m = magnitudes.get(f);
  if (!m) {
    m = f.interval.neg();
    magnitudes.set(f, m);
  }
  return m;
}

/**
 * Shares of one whole that add up to exactly 100.00 % (largest-remainder
 * rounding, on two decimals). When the exact share lies within rounding distance
 * of two displayed values (the table figures are themselves rounded), a value the
 * current narrative already states is kept if it is one of them and the total
 * still comes to 100 %; otherwise the larger remainder wins.
 */
export function apportion(shares: Fact[], preferred: Map<string, Decimal> = new Map(), decimals = 2): void {
  const unit = new Decimal(1).div(new Decimal(10).pow(decimals));
  const nonZero = shares.filter((s) => !s.value.isZero() && !s.zeroBase);
  if (nonZero.length === 0) return;
  const total = nonZero.reduce((a, s) => a.plus(s.value), ZERO);
  // Only apportion real parts of one whole (their exact shares add up to 100 % within rounding).
  if (total.minus(HUNDRED).abs().gt(new Decimal(nonZero.length).times(unit))) return;
  const floors = nonZero.map((s) => s.value.div(unit).floor().times(unit));
  const fixed = new Map<Fact, Decimal>();
  for (const s of nonZero) {
    const p = preferred.get(s.id);
    if (!p) continue;
    const f = s.value.div(unit).floor().times(unit);
    const c = f.plus(unit);
    if ((p.eq(f) || p.eq(c)) && consistent(s, p, decimals)) fixed.set(s, p);
  }
  const attempt = (useFixed: boolean): Decimal[] | null => {
    const out = nonZero.map((s, i) => (useFixed && fixed.has(s) ? fixed.get(s)! : floors[i]));
    let left = HUNDRED.minus(out.reduce((a, b) => a.plus(b), ZERO)).div(unit).round().toNumber();
    if (left < 0) return null;
    const order = nonZero
      .map((s, i) => ({ i, rem: s.value.minus(floors[i]) }))
      .filter(({ i }) => !(useFixed && fixed.has(nonZero[i])))
      .sort((a, b) => b.rem.cmp(a.rem));
    for (const { i } of order) {
      if (left <= 0) break;
      if (nonZero[i].value.eq(floors[i])) continue;
      out[i] = out[i].plus(unit);
      left--;
    }
    return left === 0 ? out : null;
  };
  const result = attempt(true) ?? attempt(false);
  if (!result) return;
  nonZero.forEach((s, i) => {
    s.shown = result[i];
    if (!result[i].eq(s.value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)))
      s.formula += `（各项占比按最大余数法取两位小数，合计为100%）`;
  });
}

/** "1,442.80万元" / "0万元" as the documents print amounts. */
export function showAmount(f: Fact): string {
  return f.shown.isZero() ? "0万元" : `${formatNumber(f.shown, f.decimals)}万元`;
}

/** "75.02%", "0%" for a zero share, "100%" never shortened otherwise. */
export function showPercent(f: Fact): string {
  if (f.shown.isZero()) return "0%";
  return `${formatNumber(f.shown, f.decimals, false)}%`;
}

export function showCount(f: Fact): string {
  const dp = f.shown.isInteger() ? 0 : Math.min(f.decimals, f.shown.decimalPlaces());
  return `${formatNumber(f.shown, dp, false)}${f.countWord ?? ""}`;
}

export function show(f: Fact): string {
  return f.unit === "%" ? showPercent(f) : f.unit === "count" ? showCount(f) : showAmount(f);
}
