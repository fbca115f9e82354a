/**
 * Comparing a stated score with a recomputed one (spec §3: a difference of more
 * than 0.01 is a finding). The recomputed value may be an interval (when its
 * inputs are rounded amounts) or exact. A stated figure that is the recomputed
 * value correctly rounded passes; one off by at most 0.01 is a rounding tail
 * (info); anything further is a difference (warning).
 */
import { Amount } from "../amount/amount";
import { Decimal, ZERO, halfUnit } from "../amount/decimal";
import { Interval } from "../amount/interval";

export type ScoreCheck = { verdict: "ok" } | { verdict: "tail"; diff: Decimal } | { verdict: "differs"; diff: Decimal };

export const SCORE_TOLERANCE = new Decimal("0.01");

const OK: ScoreCheck = { verdict: "ok" };

export function compareScore(stated: Amount, computed: Interval | Decimal): ScoreCheck {
  const s = stated.value;
  let diff: Decimal;
  if (computed instanceof Interval) diff = computed.contains(s) ? ZERO : s.lt(computed.lo) ? computed.lo.minus(s) : s.minus(computed.hi);
  else {
    // An exact recomputed score: most stated scores equal it.
    const c = s.cmp(computed);
    if (c === 0) return OK;
    diff = c < 0 ? computed.minus(s) : s.minus(computed);
  }
  if (diff.lte(halfUnit(Math.max(stated.decimals, 0)))) return OK;
  if (diff.lte(SCORE_TOLERANCE)) return { verdict: "tail", diff };
  return { verdict: "differs", diff };
}
