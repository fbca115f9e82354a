/**
 * Comparing a stated score with a recomputed one (spec §3: a difference of more
 * than 0.01 is a finding). The recomputed value may be an interval (when its
 * inputs are rounded amounts) or exact. A stated figure that is the recomputed
 * value correctly rounded passes; one off by at most 0.01 is a rounding tail
 * (info); anything further is a difference (warning).
 */
import { Amount } from "../amount/amount";
import { Decimal, halfUnit } from "../amount/decimal";
import { Interval } from "../amount/interval";

export type ScoreCheck = { verdict: "ok" } | { verdict: "tail"; diff: Decimal } | { verdict: "differs"; diff: Decimal };

export const SCORE_TOLERANCE = new Decimal("0.01");

export function compareScore(stated: Amount, computed: Interval | Decimal): ScoreCheck {
  const iv = computed instanceof Interval ? computed : Interval.exact(computed);
  const s = stated.value;
  const diff = iv.contains(s) ? new Decimal(0) : s.lt(iv.lo) ? iv.lo.minus(s) : s.minus(iv.hi);
  if (diff.lte(halfUnit(Math.max(stated.decimals, 0)))) return { verdict: "ok" };
  if (diff.lte(SCORE_TOLERANCE)) return { verdict: "tail", diff };
  return { verdict: "differs", diff };
}
