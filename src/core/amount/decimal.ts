/**
 * One configured decimal.js constructor for the whole engine. 40 significant
 * digits is far more than any amount needs (the default 20 can round sums of
 * large 元 amounts with many decimals silently).
 */
import DecimalBase from "decimal.js";

export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** 0.5 × 10^-dp: half of the last displayed unit. */
const halfUnits = new Map<number, Decimal>();
export function halfUnit(dp: number): Decimal {
  let h = halfUnits.get(dp);
  if (!h) {
    h = new Decimal(5).times(new Decimal(10).pow(-(dp + 1)));
    halfUnits.set(dp, h);
  }
  return h;
}
