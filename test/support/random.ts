/**
 * Seeded randomness for generated workbooks and fuzz tests: the same seed gives
 * the same workbook on every machine.
 */
import { SheetSnapshot, emptySheet, setCell } from "../../src/core/grid/snapshot";
import { Decimal } from "../../src/core/amount/decimal";

/** xorshift32: a deterministic generator of numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export interface RandomSheetOptions {
  /** Texts to draw from; one starting with "#" becomes an error value, "" an empty cell. */
  words: string[];
  maxRows: number;
  maxCols: number;
  /** Share of cells (after 30 % left empty) holding a figure, as a cumulative threshold. */
  numberBelow: number;
  /** Figures are drawn from [−low, high − low), with 2 decimals. */
  span: number;
  low: number;
}

/** A grid of random figures, words and garbage with merged cells anywhere. */
export function randomSheet(rand: () => number, name: string, o: RandomSheetOptions): SheetSnapshot {
  const s = emptySheet(name);
  const rows = 1 + Math.floor(rand() * o.maxRows);
  const cols = 1 + Math.floor(rand() * o.maxCols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const p = rand();
      if (p < 0.3) continue;
      if (p < o.numberBelow) {
        const v = Math.round((rand() * o.span - o.low) * 100) / 100;
        setCell(s, r, c, { text: v.toFixed(2), value: v, numberFormat: "#,##0.00" });
      } else {
        const t = o.words[Math.floor(rand() * o.words.length)];
        if (t.startsWith("#")) setCell(s, r, c, { text: t, value: null, error: t });
        else if (t) setCell(s, r, c, { text: t, value: t });
      }
    }
  for (let i = Math.floor(rand() * 6); i > 0; i--) {
    const top = Math.floor(rand() * rows);
    const left = Math.floor(rand() * cols);
    s.merges.push({ top, left, bottom: top + Math.floor(rand() * 3), right: left + Math.floor(rand() * 4) });
  }
  return s;
}

/** `whole` split into `n` random parts at `dp` decimals that add up to it exactly (the last takes the rest). */
export function randomSplit(whole: Decimal, n: number, rand: () => number, dp: number): Decimal[] {
  const parts: Decimal[] = [];
  let left = whole;
  for (let k = 0; k < n - 1; k++) {
    const p = whole.times(new Decimal((rand() * 0.8) / n + 0.02)).toDecimalPlaces(dp);
    parts.push(p);
    left = left.minus(p);
  }
  parts.push(left);
  return parts;
}
