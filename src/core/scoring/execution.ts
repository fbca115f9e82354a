/**
 * 预算执行率 and its score, with the rounding tolerance of spec §5: the exact
 * rate lies in the interval of 执行数 ÷ 预算数 computed from the intervals of the
 * two displayed amounts; a stated rate is right when its own display interval
 * overlaps that interval ("72.6%" for 29.04 ÷ 40 = 72.60 %).
 *
 *   执行率 = 全年执行数 ÷ 全年预算数
 *   预算执行率得分 = 分值 × 执行率，执行率超过 100% 按 100% 计
 */
import { Amount, intervalOf } from "../amount/amount";
import { Decimal, HUNDRED, ONE, halfUnit } from "../amount/decimal";
import { Interval } from "../amount/interval";

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
