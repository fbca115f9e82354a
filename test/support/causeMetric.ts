/**
 * The cause metric of issue 13: in a consistent generated workbook, change one
 * figure (add an amount, or blank it) and see whether the engine's first cause
 * is that cell, and whether the value it suggests is the original figure.
 * Used by the unit test (a sample) and by scripts/cause-metric.ts (every figure).
 */
import { checkWorkbook } from "../../src/core/check";
import { Decimal } from "../../src/core/amount/decimal";
import { formatNumber } from "../../src/core/amount/format";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { figuresOf } from "../../src/core/rules/common/tableChecks";
import { AmountCell, refKey } from "../../src/core/tables/types";
import { withCell } from "./sheet";
import { addr } from "./fixtures";

export type Mutation = "bump" | "blank";

export interface CauseMetric {
  cases: number;
  /** The mutated cell is cells[0] of the first cause. */
  first: number;
  /** The mutation produced no error or warning at all. */
  undetected: number;
  /** The first cause is the mutated cell and the relations determine one value for it. */
  determined: number;
  /** The first cause is the mutated cell and rounding tails leave a range of values; the original is inside it. */
  ranged: number;
  /** … and that value equals the original figure. */
  restored: number;
  misses: string[];
  wrongValues: string[];
}

export function emptyMetric(): CauseMetric {
  return { cases: 0, first: 0, undetected: 0, determined: 0, ranged: 0, restored: 0, misses: [], wrongValues: [] };
}

export function addMetric(a: CauseMetric, b: CauseMetric): CauseMetric {
  return {
    cases: a.cases + b.cases,
    first: a.first + b.first,
    undetected: a.undetected + b.undetected,
    determined: a.determined + b.determined,
    ranged: a.ranged + b.ranged,
    restored: a.restored + b.restored,
    misses: [...a.misses, ...b.misses],
    wrongValues: [...a.wrongValues, ...b.wrongValues],
  };
}

/** The figures a single mutation may hit: every amount of the tables whose template matches. */
export function mutationTargets(wb: WorkbookSnapshot, template: RegExp): AmountCell[] {
  const base = checkWorkbook(wb);
  return base.tables
    .filter((t) => template.test(t.template))
    .flatMap((t) => figuresOf(t).map((f) => f.cell))
    .filter((c) => c.amount && !c.amount.blank);
}

/** Runs one mutation per target (every `step`-th target) and tallies the metric. */
export function measureCauses(wb: WorkbookSnapshot, targets: AmountCell[], mutation: Mutation, step = 1): CauseMetric {
  const m = emptyMetric();
  for (let i = 0; i < targets.length; i += step) {
    const c = targets[i];
    const original = c.amount!.value;
    if (mutation === "blank" && original.isZero()) continue;
    // A delta that is not a rounding tail and not a round multiple of the figure.
    const wrong = original.plus(new Decimal(i % 2 ? "137.21" : "-8.09"));
    const mutated =
      mutation === "blank"
        ? withCell(wb, c.ref.sheet, c.ref.row, c.ref.col, "", null)
        : withCell(wb, c.ref.sheet, c.ref.row, c.ref.col, formatNumber(wrong, 2), wrong.toNumber());
    const r = checkWorkbook(mutated);
    m.cases++;
    const first = r.causes[0];
    if (!first) {
      m.undetected++;
      m.misses.push(`${addr(c.ref)} ${c.label}: 未发现`);
      continue;
    }
    if (first.cells[0] && refKey(first.cells[0]) === refKey(c.ref)) {
      m.first++;
      const range = first.suggested?.range;
      if (range) {
        const lo = new Decimal(range.low.replace(/,/g, ""));
        const hi = new Decimal(range.high.replace(/,/g, ""));
        if (original.gte(lo) && original.lte(hi)) m.ranged++;
        else m.wrongValues.push(`${addr(c.ref)} ${c.label}: 范围 ${range.low}–${range.high}，原值 ${original.toFixed()}`);
      } else if (first.suggested) {
        m.determined++;
        if (new Decimal(first.suggested.plain).equals(original)) m.restored++;
        else m.wrongValues.push(`${addr(c.ref)} ${c.label}: 建议 ${first.suggested.plain}，原值 ${original.toFixed()}`);
      }
    } else m.misses.push(`${addr(c.ref)} ${c.label}: 第一原因为 ${first.title}`);
  }
  return m;
}
