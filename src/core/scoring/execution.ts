/**
 * 预算执行率 and its score, with the rounding tolerance of spec §5: the exact
 * rate lies in the interval of 执行数 ÷ 预算数 computed from the intervals of the
 * two displayed amounts; a stated rate is right when its own display interval
 * overlaps that interval ("72.6%" for 29.04 ÷ 40 = 72.60 %).
 *
 *   执行率 = 全年执行数 ÷ 全年预算数
 *   预算执行率得分 = 分值 × 执行率，执行率超过 100% 按 100% 计
 */
import { Amount, exactInFixed, intervalOf } from "../amount/amount";
import { Decimal, HUNDRED, ONE, halfUnit } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { FIXED_DP, FIXED_HUNDRED, FIXED_ONE, halfFixed } from "../amount/fixed";

export const RULE_EXECUTION = "预算执行率得分＝分值×执行率（执行率＝全年执行数÷全年预算数，超过100%按100%计）";

/** Rates already computed, by the two figures (several rules ask for the same line's rate). */
const rates = new WeakMap<Amount, Map<Amount, Interval | null>>();

/** Interval of the exact rate, in percent; null when the budget may be zero. */
export function rateInterval(executed: Amount, budget: Amount): Interval | null {
  let byBudget = rates.get(executed);
  if (!byBudget) {
    byBudget = new Map();
    rates.set(executed, byBudget);
  }
  const known = byBudget.get(budget);
  if (known !== undefined) return known;
  const q = intervalOf(executed).div(intervalOf(budget));
  const rate = q ? q.times(HUNDRED) : null;
  byBudget.set(budget, rate);
  return rate;
}

/** The displayed rate as a percentage interval ("72.6%" → [72.55, 72.65]); a plain 0.726 in a percent column reads as 72.6 %. */
export function statedRateInterval(stated: Amount): Interval {
  const v = stated.value;
  if (!stated.percent && v.abs().lte(ONE) && stated.decimals > 2) {
    // 0.7260 stored as a fraction.
    return Interval.around(v.times(HUNDRED), halfUnit(stated.decimals - 2));
  }
  return intervalOf(stated);
}

/** Interval of the execution score: 分值 × min(rate, 100 %). */
export function executionScoreInterval(rate: Interval, points: Decimal): Interval {
  const capped = rate.capAt(HUNDRED);
  return new Interval(capped.lo.times(points).div(HUNDRED), capped.hi.times(points).div(HUNDRED));
}

// ------------------------------------------------------------------ fixed-point screens
//
// The tests a correct form passes, decided exactly on the fixed-point form of the
// figures (value × 10^7, BigInt: amount/fixed.ts) by cross-multiplying, with no
// division and no decimal.js value. They answer only "holds" or "not decided";
// a figure that fails (or one they do not cover) goes through the interval
// functions above, which also give the figures of the message. Covered: figures of
// at most 6 decimals (their fixed form is exact and their half-unit a whole number
// of 10^-7; a rate written as a fraction, 0.7260, up to 7), a budget whose interval
// is above zero and an executed amount whose interval is not below zero.

const BIG0 = BigInt(0);
const BIG100 = BigInt(100);

interface Bounds {
  lo: bigint;
  hi: bigint;
}

/** The rounding interval of a figure in fixed point, when its half-unit is exact there. */
function boundsOf(a: Amount): Bounds | null {
  if (a.decimals < 0 || a.decimals >= FIXED_DP) return null;
  const h = halfFixed(a.decimals);
  return { lo: a.fixed - h, hi: a.fixed + h };
}

/** statedRateInterval() in fixed point (percent). */
function statedRateBounds(stated: Amount): Bounds | null {
  // Past 7 decimals the fixed form is rounded: not decided here.
  if (!exactInFixed(stated)) return null;
  if (!stated.percent && stated.decimals > 2 && stated.fixed <= FIXED_ONE && stated.fixed >= -FIXED_ONE) {
    const v = stated.fixed * BIG100;
    const h = halfFixed(stated.decimals - 2);
    return { lo: v - h, hi: v + h };
  }
  return boundsOf(stated);
}

/** 执行数 and 预算数 intervals a ratio can be screened on: 执行数 ≥ 0, 预算数 > 0 throughout. */
function ratioBounds(executed: Amount, budget: Amount): { e: Bounds; b: Bounds } | null {
  const e = boundsOf(executed);
  const b = boundsOf(budget);
  if (!e || !b || e.lo < BIG0 || b.lo <= BIG0) return null;
  return { e, b };
}

/**
 * True when the stated 执行率 is right for 执行数 ÷ 预算数 (its interval overlaps
 * that of the exact rate: the test of rateChecks()); false when not decided here.
 */
export function statedRateHolds(stated: Amount, executed: Amount, budget: Amount): boolean {
  const eb = ratioBounds(executed, budget);
  const r = eb && statedRateBounds(stated);
  if (!eb || !r) return false;
  const { e, b } = eb;
  // rate interval [100·e.lo ÷ b.hi, 100·e.hi ÷ b.lo] (percent); both denominators > 0.
  // r.lo ≤ 100·e.hi ÷ b.lo  ⇔  r.lo·b.lo ≤ 100%·e.hi;  100·e.lo ÷ b.hi ≤ r.hi  ⇔  100%·e.lo ≤ r.hi·b.hi.
  return r.lo * b.lo <= FIXED_HUNDRED * e.hi && FIXED_HUNDRED * e.lo <= r.hi * b.hi;
}

/**
 * True when the stated 预算执行率得分 is within half its last unit of the interval
 * of 分值 × min(执行数 ÷ 预算数, 100 %) (compareScore's "ok"); false when not decided here.
 */
export function executionScoreHolds(stated: Amount, executed: Amount, budget: Amount, points: Amount): boolean {
  const eb = ratioBounds(executed, budget);
  const s = boundsOf(stated);
  if (!eb || !s || !exactInFixed(points) || points.fixed < BIG0) return false;
  const { e, b } = eb;
  const p = points.fixed;
  // lower bound of the score: p·min(e.lo ÷ b.hi, 1); upper: p·min(e.hi ÷ b.lo, 1).
  const lowOk = e.lo >= b.hi ? s.hi >= p : s.hi * b.hi >= p * e.lo;
  const highOk = e.hi >= b.lo ? s.lo <= p : s.lo * b.lo <= p * e.hi;
  return lowOk && highOk;
}
