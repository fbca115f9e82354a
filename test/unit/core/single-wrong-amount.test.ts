/**
 * Property: in an internally consistent set, changing any single amount of
 * 公开01–07表 yields an error that names that cell.
 */
import { checkWorkbook } from "../../../src/core/check";
import { formatNumber } from "../../../src/core/amount/format";
import { Decimal } from "../../../src/core/amount/decimal";
import { figuresOf } from "../../../src/core/rules/common/tableChecks";
import { generateFinalSet } from "../../support/finalSet";
import { withCell } from "../../support/sheet";
import { addr } from "../../support/fixtures";

describe.each([
  ["exact figures", { seed: 3 }],
  ["figures with rounding tails", { seed: 11, tails: true }],
  ["figures stored as text, one sheet, no 行次", { seed: 5, tails: true, textNumbers: true, oneSheet: true, rowNumbers: false }],
])("single wrong amount (%s)", (_label, opts) => {
  const { workbook } = generateFinalSet(opts);
  const base = checkWorkbook(workbook);
  const targets = base.tables
    .filter((t) => /^final0[1-7]$/.test(t.template))
    .flatMap((t) => figuresOf(t).map((f) => f.cell))
    .filter((c) => c.amount);

  test("the consistent set has no error", () => {
    expect(base.summary.error).toBe(0);
    expect(targets.length).toBeGreaterThan(100);
  });

  test("every changed figure is named by an error", () => {
    const missed: string[] = [];
    for (const c of targets) {
      const wrong = c.amount!.value.plus(new Decimal("1.23"));
      const text = formatNumber(wrong, 2);
      const wb = withCell(workbook, c.ref.sheet, c.ref.row, c.ref.col, text, wrong.toNumber());
      const r = checkWorkbook(wb);
      const named = r.findings.some((f) => f.severity === "error" && f.cells.some((x) => addr(x) === addr(c.ref)));
      if (!named) missed.push(`${addr(c.ref)} ${c.label}`);
    }
    expect(missed).toEqual([]);
  });
});
