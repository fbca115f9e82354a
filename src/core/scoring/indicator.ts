/**
 * Recomputing an indicator's score (spec §3, 财预〔2020〕10号 practice):
 *
 * - quantitative (target and actual are numbers in the same unit):
 *   正向 (≥, more is better): 得分 = 实际值 ÷ 目标值 × 分值, at most 分值;
 *   反向 (≤, less is better: cost, time, error rates): 得分 = 目标值 ÷ 实际值 × 分值, at most 分值;
 *   定值 (=): full when met, else 分值 × (1 − |实际值 − 目标值| ÷ 目标值);
 *   区间: full inside the range, else proportional to the nearest bound.
 *   With no comparator written, the direction comes from the indicator's names
 *   (cost/time → 反向), else 正向, and the result says so.
 * - deadlines: met when the actual date is not later than the target date.
 * - qualitative: 达成 → 80–100 % of 分值, 部分达成 → 60–80 %, 未达成 → 0–60 %;
 *   full when the outcome equals or textually meets the target.
 *
 * Everything is exact (decimal.js); the caller compares with the stated score.
 */
import { Decimal, ONE, ZERO } from "../amount/decimal";
import { formatNumber } from "../amount/format";
import { IndicatorValue, baseValue, deadlineOrdinal, qualitativeOutcome, sameDeadline } from "../perf/indicator";
import { IndicatorNames, expectedDirection } from "../perf/direction";
import { norm } from "../recognize/normalize";

export type ScoreDirection = "higher" | "lower" | "equal" | "range";

export type IndicatorScore =
  | {
      kind: "computed";
      /** Exact recomputed score. */
      value: Decimal;
      completion: Decimal;
      direction: ScoreDirection;
      /** The rule applied, in words: "正向指标得分＝实际值÷目标值×分值，最高为分值". */
      rule: string;
      /** The arithmetic: "10990÷20000×8＝4.40". */
      formula: string;
      /** Set when the direction was not written and had to be assumed. */
      assumption?: string;
    }
  | { kind: "full"; reason: string }
  | { kind: "late"; reason: string }
  | { kind: "band"; lo: Decimal; hi: Decimal; rule: string; outcome: "met" | "partial" | "unmet" }
  | { kind: "unverifiable"; reason: string };

const POINT_8 = new Decimal("0.8");
const POINT_6 = new Decimal("0.6");

export const RULE_HIGHER = "正向指标得分＝实际值÷目标值×分值，最高为分值";
export const RULE_LOWER = "反向指标得分＝目标值÷实际值×分值，最高为分值";
export const RULE_EQUAL = "定值指标达到得满分，否则得分＝分值×（1－|实际值－目标值|÷目标值）";
export const RULE_RANGE = "区间指标在区间内得满分，否则按与最近端点之比计分";
export const RULE_QUALITATIVE = "定性指标：达成得分值的80%–100%，部分达成60%–80%，未达成0–60%";

function isNumeric(v: IndicatorValue): boolean {
  return v.kind === "quantity" || v.kind === "range";
}

/** Same unit after the multiplier; a bare "万" reads as 万元 against an amount in 元. */
export function comparableUnits(t: IndicatorValue, a: IndicatorValue): boolean {
  if (t.unit === a.unit) return true;
  const bareMoney = (v: IndicatorValue) => !v.unit && !!v.multiplier && !v.multiplier.eq(1);
  if ((t.unit === "元" && bareMoney(a)) || (a.unit === "元" && bareMoney(t))) return true;
  return false;
}

/** A figure as written for a formula: "20000", "81.9", "29.04". */
function shown(v: IndicatorValue, which: "number" | "upper", sameMultiplier: boolean): string {
  const q = which === "number" ? v.number! : v.upper!;
  if (sameMultiplier) return q.value.toFixed(q.decimals);
  return baseValue(v, which)!.toString();
}

function pts(p: Decimal): string {
  return p.isInteger() ? p.toFixed(0) : p.toString();
}

export function fmtScore(d: Decimal): string {
  return formatNumber(d, 2, false);
}

/**
 * A computed score whose arithmetic is written only when a finding shows it. A
 * class with the getters on its prototype, not an object literal with a getter:
 * a literal's getter is a new accessor per object, which gives every result a
 * hidden class of its own (kept by V8 until a full collection, so scoring 2,000
 * indicators slowed every young-generation collection down).
 *
 * The completion ratio is divided out only when asked for: a target met or
 * exceeded scores its full points, which needs a comparison, not a division
 * (most indicators of a self-evaluation are met).
 */
class ComputedScore {
  readonly kind = "computed" as const;
  constructor(
    readonly value: Decimal,
    private readonly ratioOf: () => Decimal,
    readonly direction: ScoreDirection,
    readonly rule: string,
    private readonly write: () => string,
    readonly assumption?: string,
  ) {}
  /** The completion ratio (each `ratioOf` divides at most once: scoreIndicator keeps the quotient). */
  get completion(): Decimal {
    return this.ratioOf();
  }
  get formula(): string {
    return this.write();
  }
}

function computed(value: Decimal, completion: () => Decimal, direction: ScoreDirection, rule: string, write: () => string, assumption?: string): IndicatorScore {
  return new ComputedScore(value, completion, direction, rule, write, assumption);
}

const ONE_RATIO = () => ONE;

/**
 * Recomputes one indicator's score from its target, actual value and points.
 * `year` dates deadlines written without a year ("12月底前").
 */
export function scoreIndicator(
  names: IndicatorNames,
  target: IndicatorValue,
  actual: IndicatorValue,
  points: Decimal,
  year?: number,
): IndicatorScore {
  if (actual.kind === "empty") return { kind: "unverifiable", reason: "实际完成值为空" };
  if (target.kind === "empty" || target.kind === "invalid") return { kind: "unverifiable", reason: "指标值无法识别" };
  const metBand = (): IndicatorScore => ({ kind: "band", lo: points.times(POINT_8), hi: points, rule: RULE_QUALITATIVE, outcome: "met" });
  if (target.raw === actual.raw || norm(target.raw) === norm(actual.raw)) return target.kind === "qualitative" ? metBand() : { kind: "full", reason: "实际完成值与指标值相同" };

  if (isNumeric(target) && actual.kind === "quantity") {
    if (!comparableUnits(target, actual)) return { kind: "unverifiable", reason: `指标值“${target.raw}”与实际完成值“${actual.raw}”单位不同，无法按比例计分` };
    const sameMult = (target.multiplier ?? ONE).eq(actual.multiplier ?? ONE);
    const a = baseValue(actual)!;
    // Figures as written, for the formula (built only when a finding shows it).
    const aShown = () => shown(actual, "number", sameMult);
    if (target.kind === "range") {
      const lo = baseValue(target)!;
      const hi = baseValue(target, "upper")!;
      if (a.gte(lo) && a.lte(hi))
        return computed(points, ONE_RATIO, "range", RULE_RANGE, () => `${aShown()}在${shown(target, "number", sameMult)}～${shown(target, "upper", sameMult)}之间，得${pts(points)}`);
      const below = a.lt(lo);
      const completion = below ? (lo.isZero() ? ONE : a.div(lo)) : a.isZero() ? ONE : hi.div(a);
      const formula = below
        ? () => `${aShown()}÷${shown(target, "number", sameMult)}×${pts(points)}＝${fmtScore(points.times(completion))}`
        : () => `${shown(target, "upper", sameMult)}÷${aShown()}×${pts(points)}＝${fmtScore(points.times(completion))}`;
      return computed(completion.gte(ONE) ? points : points.times(completion), () => completion, "range", RULE_RANGE, formula);
    }
    const t = baseValue(target)!;
    const tShown = () => shown(target, "number", sameMult);
    let direction: ScoreDirection;
    let assumption: string | undefined;
    switch (target.comparator) {
      case ">=":
      case ">":
        direction = "higher";
        break;
      case "<=":
      case "<":
        direction = "lower";
        break;
      case "=":
        direction = "equal";
        break;
      default: {
        const hint = expectedDirection(names, target);
        direction = hint ? hint.direction : "higher";
        assumption = hint
          ? `指标值未写比较符，按${hint.direction === "lower" ? "反向指标" : "正向指标"}计：${hint.reason}`
          : "指标值未写比较符，按正向指标（越高越好）计";
      }
    }
    // completion: the ratio; full: whether it is at least 1 (decided by comparing, when that suffices).
    let completion: () => Decimal;
    let full: boolean;
    let write: () => string;
    let rule: string;
    if (direction === "higher") {
      rule = RULE_HIGHER;
      if (t.isZero()) {
        const c = a.gte(0) ? ONE : ZERO;
        completion = () => c;
        full = c === ONE;
      } else if (t.gt(0)) {
        // a ≥ t > 0 ⇔ a ÷ t ≥ 1.
        full = a.gte(t);
        let ratio: Decimal | undefined;
        completion = () => (ratio ??= a.div(t));
      } else {
        const c = a.div(t);
        completion = () => c;
        full = c.gte(ONE);
      }
      write = () => `${aShown()}÷${tShown()}×${pts(points)}＝${fmtScore(points.times(completion()))}`;
    } else if (direction === "lower") {
      rule = RULE_LOWER;
      if (a.lte(0)) {
        completion = ONE_RATIO;
        full = true;
      } else {
        // a > 0: t ÷ a ≥ 1 ⇔ t ≥ a.
        full = t.gte(a);
        let ratio: Decimal | undefined;
        completion = () => (ratio ??= t.div(a));
      }
      write = () => (a.lte(0) ? `实际值为 ${aShown()}，不超过目标值，得${pts(points)}` : `${tShown()}÷${aShown()}×${pts(points)}＝${fmtScore(points.times(completion()))}`);
    } else {
      rule = RULE_EQUAL;
      if (t.isZero()) {
        const c = a.isZero() ? ONE : ZERO;
        completion = () => c;
        full = c === ONE;
      } else if (a.eq(t)) {
        completion = ONE_RATIO;
        full = true;
      } else {
        const c = Decimal.max(ZERO, ONE.minus(a.minus(t).abs().div(t)));
        completion = () => c;
        full = c.gte(ONE);
      }
      write = () => (a.eq(t) ? `实际值等于目标值，得${pts(points)}` : `${pts(points)}×（1－|${aShown()}－${tShown()}|÷${tShown()}）＝${fmtScore(points.times(completion()))}`);
    }
    // Past its target an indicator scores its points (capped at 分值).
    const value = full ? points : points.times(completion());
    const formula = () => (full && completion().gt(ONE) ? `${write().replace(/＝[^＝]*$/, "")}，超过分值按${pts(points)}计` : write());
    return computed(value, completion, direction, rule, formula, assumption);
  }

  if (target.kind === "deadline" && actual.kind === "deadline") {
    if (sameDeadline(target.deadline!, actual.deadline!)) return { kind: "full", reason: "实际完成时间与目标时间相同" };
    const to = deadlineOrdinal(target.deadline!, year);
    const ao = deadlineOrdinal(actual.deadline!, year);
    if (to === undefined || ao === undefined) return { kind: "unverifiable", reason: "完成时间无法与目标时间比较" };
    if (ao <= to) return { kind: "full", reason: `实际完成时间“${actual.raw}”不晚于目标“${target.raw}”` };
    return { kind: "late", reason: `实际完成时间“${actual.raw}”晚于目标“${target.raw}”` };
  }

  if (actual.kind === "qualitative") {
    const outcome = qualitativeOutcome(actual.phrase!);
    if (outcome === "partial")
      return { kind: "band", lo: points.times(POINT_6), hi: points.times(POINT_8), rule: RULE_QUALITATIVE, outcome };
    if (outcome === "unmet") return { kind: "band", lo: ZERO, hi: points.times(POINT_6), rule: RULE_QUALITATIVE, outcome };
    if (target.kind === "qualitative" && (actual.phrase!.includes(target.phrase!) || target.phrase!.includes(actual.phrase!))) return metBand();
    if (outcome === "met") return metBand();
    return { kind: "unverifiable", reason: `定性指标的实际完成情况“${actual.raw}”与目标“${target.raw}”表述不同，无法判断达成程度` };
  }
  return { kind: "unverifiable", reason: `指标值“${target.raw}”与实际完成值“${actual.raw}”无法比较` };
}
