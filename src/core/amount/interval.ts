/**
 * Closed intervals of exact amounts, as in XBRL Calculations 1.1 with
 * round-to-nearest: a displayed figure v with d decimals stands for
 * [v − ½·10^-d, v + ½·10^-d]. Sums add bounds; a relation holds when the
 * intervals of its two sides overlap. No epsilon anywhere.
 */
import { Decimal, ZERO, halfUnit } from "./decimal";

export class Interval {
  constructor(readonly lo: Decimal, readonly hi: Decimal) {}

  static exact(v: Decimal): Interval {
    return new Interval(v, v);
  }

  static around(v: Decimal, half: Decimal): Interval {
    return new Interval(v.minus(half), v.plus(half));
  }

  /** The exact values a figure shown with `decimals` decimals stands for: v ± ½·10^-decimals. */
  static shown(v: Decimal, decimals: number): Interval {
    return Interval.around(v, halfUnit(decimals));
  }

  add(o: Interval): Interval {
    return new Interval(this.lo.plus(o.lo), this.hi.plus(o.hi));
  }

  sub(o: Interval): Interval {
    return new Interval(this.lo.minus(o.hi), this.hi.minus(o.lo));
  }

  neg(): Interval {
    return new Interval(this.hi.neg(), this.lo.neg());
  }

  times(k: Decimal): Interval {
    const a = this.lo.times(k);
    const b = this.hi.times(k);
    return a.lte(b) ? new Interval(a, b) : new Interval(b, a);
  }

  mul(o: Interval): Interval {
    const c = [this.lo.times(o.lo), this.lo.times(o.hi), this.hi.times(o.lo), this.hi.times(o.hi)];
    return new Interval(Decimal.min(...c), Decimal.max(...c));
  }

  /** Quotient; null when the divisor interval contains zero (ratio unbounded). */
  div(o: Interval): Interval | null {
    if (o.lo.lte(0) && o.hi.gte(0)) return null;
    // Both intervals positive (every rate of two amounts): the bounds are known, two divisions suffice.
    if (o.lo.gt(0) && this.lo.gte(0)) return new Interval(this.lo.div(o.hi), this.hi.div(o.lo));
    const c = [this.lo.div(o.lo), this.lo.div(o.hi), this.hi.div(o.lo), this.hi.div(o.hi)];
    return new Interval(Decimal.min(...c), Decimal.max(...c));
  }

  overlaps(o: Interval): boolean {
    return this.lo.lte(o.hi) && o.lo.lte(this.hi);
  }

  contains(v: Decimal): boolean {
    return this.lo.lte(v) && v.lte(this.hi);
  }

  /** Gap between two disjoint intervals (0 when they overlap). */
  distance(o: Interval): Decimal {
    if (this.overlaps(o)) return ZERO;
    return this.hi.lt(o.lo) ? o.lo.minus(this.hi) : this.lo.minus(o.hi);
  }

  /** Interval of min(this, cap) for a constant cap. */
  capAt(cap: Decimal): Interval {
    return new Interval(Decimal.min(this.lo, cap), Decimal.min(this.hi, cap));
  }

  mid(): Decimal {
    return this.lo.plus(this.hi).div(2);
  }

  toString(): string {
    return `[${this.lo.toString()}, ${this.hi.toString()}]`;
  }
}

/** Sum of intervals; the exact zero interval for an empty list. */
export function sumIntervals(xs: Interval[]): Interval {
  let lo = ZERO;
  let hi = ZERO;
  for (const x of xs) {
    lo = lo.plus(x.lo);
    hi = hi.plus(x.hi);
  }
  return new Interval(lo, hi);
}
