/**
 * Property: in a consistent budget set, changing any single amount of any of its
 * tables (元 tables and the 万元 “三公” table; blank cells included) yields an
 * error whose cells include that cell.
 */
import { checkWorkbook } from "../../../src/core/check";
import { formatNumber } from "../../../src/core/amount/format";
import { Decimal } from "../../../src/core/amount/decimal";
import { figuresOf } from "../../../src/core/rules/common/tableChecks";
import { BudgetSetOptions, generateBudgetSet } from "../../support/budgetSet";
import { withCell } from "../../support/sheet";
import { addr } from "../../support/fixtures";

const TEMPLATES = ["budget01", "budget02", "budget03", "budget04", "budget05", "budget06", "budget07", "budget08", "budgetSangong"];

describe.each<[string, BudgetSetOptions]>([
  ["部门, exact figures, 基金 and 国资 money", { seed: 3, govFund: true, soe: true }],
  ["单位, rounding tails, 三公 with 本年/上年/增减", { seed: 11, tails: true, scope: "unit", sangong: "yoy", govFund: true }],
  ["text amounts, numeric codes, one sheet, vertical 三公, empty 基金/国资 tables", { seed: 5, tails: true, textNumbers: true, numericCodes: true, oneSheet: true, sangong: "yoy-vertical" }],
])("single wrong amount (%s)", (_label, opts) => {
  const { workbook } = generateBudgetSet(opts);
  const base = checkWorkbook(workbook);
  const targets = base.tables
    .filter((t) => t.family === "budget")
    .flatMap((t) => figuresOf(t).map((f) => f.cell))
    .filter((c) => c.amount);

  test("the consistent set has no error or warning, and every budget table holds figures", () => {
    expect(base.summary).toMatchObject({ error: 0, warning: 0 });
    expect(base.tables.map((t) => t.template)).toEqual(TEMPLATES);
    for (const id of TEMPLATES) expect(targets.some((c) => c.table.template === id)).toBe(true);
    expect(targets.length).toBeGreaterThan(300);
  });

  test("every changed figure is named by an error", () => {
    const missed: string[] = [];
    for (const c of targets) {
      const wrong = c.amount!.value.plus(new Decimal("1.23"));
      const wb = withCell(workbook, c.ref.sheet, c.ref.row, c.ref.col, formatNumber(wrong, 2), wrong.toNumber());
      const r = checkWorkbook(wb);
      const named = r.findings.some((f) => f.severity === "error" && f.cells.some((x) => addr(x) === addr(c.ref)));
      if (!named) missed.push(`${c.table.name} ${addr(c.ref)} ${c.label}`);
    }
    expect(missed).toEqual([]);
  });
});
