/**
 * Causes (report/cause.ts): one mistake, one entry, with the value the cell
 * should hold when the relations determine it.
 */
import { checkWorkbook } from "../../../src/core/check";
import { resultToJson } from "../../../src/core/check";
import { formatText } from "../../../src/core/report/text";
import { Decimal } from "../../../src/core/amount/decimal";
import { generateFinalSet } from "../../support/finalSet";
import { generateBudgetSet } from "../../support/budgetSet";
import { fixture, addr } from "../../support/fixtures";
import { measureCauses, mutationTargets } from "../../support/causeMetric";
import { withCell } from "../../support/sheet";
import { table } from "../../support/mutate";
import { figuresOf } from "../../../src/core/rules/common/tableChecks";
import { highlightPlan } from "../../../src/host/office/highlight";

describe("anyang-2021-final.xlsx: two blank cells in 公开01表", () => {
  let r: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  });

  test("each blank cell is one cause with the value it should hold", () => {
    const blanks = r.causes.filter((c) => c.cells[0]?.sheet === "公开01表");
    expect(blanks.map((c) => [addr(c.cells[0]), c.suggested?.plain, c.suggested?.current])).toEqual([
      ["公开01表!C13", "480.55", ""],
      ["公开01表!C34", "772.37", ""],
    ]);
    expect(blanks[0].title).toBe("公开01表!C13 应为 480.55（现为空）");
    // The three findings of C13: its column sum, 公开02表's total, the blank the totals imply.
    expect(blanks[0].findings.map((f) => f.rule).sort()).toEqual(["final.01.blank-implied", "final.01.income-total", "final.02-01.totals"]);
    expect(r.causes[0]).toBe(blanks[0]);
  });

  test("every error and warning belongs to exactly one cause; info findings to none", () => {
    const seen = new Set<unknown>();
    for (const c of r.causes) for (const f of c.findings) {
      expect(seen.has(f)).toBe(false);
      seen.add(f);
      expect(f.cause).toBe(c.id);
    }
    for (const f of r.findings) expect(seen.has(f)).toBe(f.severity !== "info");
    expect(r.causeSummary.error).toBe(r.causes.filter((c) => c.severity === "error").length);
    expect(r.causeSummary.error).toBeLessThan(r.summary.error);
  });

  test("a cause's severity is its worst finding's; errors come first", () => {
    for (const c of r.causes) expect(c.severity).toBe(c.findings.some((f) => f.severity === "error") ? "error" : "warning");
    const sev = r.causes.map((c) => c.severity);
    expect(sev.indexOf("warning")).toBeGreaterThan(sev.lastIndexOf("error"));
  });

  test("JSON: causes name their findings by index, findings name their cause", () => {
    const j = resultToJson("x.xlsx", r);
    for (const c of j.causes) for (const i of c.findings) expect(j.findings[i].cause).toBe(c.id);
    expect(j.causes[0]).toMatchObject({ cells: [{ sheet: "公开01表", cell: "C13" }], suggested: { value: "480.55", current: "" } });
  });

  test("the highlights are the causes' cells: one coloured cell per cause", () => {
    const plan = highlightPlan(r.findings);
    const painted = [...plan].flatMap(([sheet, m]) => [...m.keys()].map((a) => `${sheet}!${a}`)).sort();
    const causeCells = [...new Set(r.causes.filter((c) => c.cells.length).map((c) => addr(c.cells[0])))].sort();
    expect(painted).toEqual(causeCells);
  });

  test("text output leads with the causes and counts them", () => {
    const t = formatText("anyang.xlsx", r, { info: false });
    expect(t).toContain("C13 应为 480.55（现为空） — 由此有 3 处问题：");
    expect(t).toMatch(/合计：错误 3 处（涉及 \d+ 项关系）/);
  });
});

describe("generated sets", () => {
  const { workbook } = generateFinalSet({ seed: 3 });

  test("a consistent set has no cause", () => {
    expect(checkWorkbook(workbook).causes).toEqual([]);
  });

  test("a wrong leaf figure: the first cause is that cell and suggests the original figure", () => {
    const t02 = table(checkWorkbook(workbook), "final02");
    const leaf = figuresOf(t02).map((f) => f.cell).find((c) => c.amount && !c.amount.blank && /^\d{7}$/.test(c.label.split(" ")[0]))!;
    expect(leaf).toBeDefined();
    const wrong = leaf.amount!.value.plus(new Decimal("12.34"));
    const r = checkWorkbook(withCell(workbook, leaf.ref.sheet, leaf.ref.row, leaf.ref.col, wrong.toFixed(2), wrong.toNumber()));
    const first = r.causes[0];
    expect(addr(first.cells[0])).toBe(addr(leaf.ref));
    expect(new Decimal(first.suggested!.plain).equals(leaf.amount!.value)).toBe(true);
    expect(first.suggested!.current).toBe(wrong.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/, ","));
    // Its row and its column, and the 项's 类/款 above it, all broken by the one figure.
    expect(first.findings.filter((f) => f.relation).length).toBeGreaterThanOrEqual(2);
    expect(r.causes.filter((c) => c.severity === "error").length).toBe(1);
  });

  test("two independent mistakes give two causes, each with its own value", () => {
    const base = checkWorkbook(workbook);
    const t02 = table(base, "final02");
    const t06 = table(base, "final06");
    const a = figuresOf(t02).map((f) => f.cell).find((c) => c.amount && !c.amount.blank && /^\d{7}$/.test(c.label.split(" ")[0]))!;
    const b = figuresOf(t06).map((f) => f.cell).filter((c) => c.amount && !c.amount.blank).slice(-1)[0];
    let wb = withCell(workbook, a.ref.sheet, a.ref.row, a.ref.col, "", null);
    const bw = b.amount!.value.plus(5);
    wb = withCell(wb, b.ref.sheet, b.ref.row, b.ref.col, bw.toFixed(2), bw.toNumber());
    const r = checkWorkbook(wb);
    const errs = r.causes.filter((c) => c.severity === "error");
    expect(errs.map((c) => addr(c.cells[0])).sort()).toEqual([addr(a.ref), addr(b.ref)].sort());
    const byCell = new Map(errs.map((c) => [addr(c.cells[0]), c.suggested!]));
    expect(new Decimal(byCell.get(addr(a.ref))!.plain).equals(a.amount!.value)).toBe(true);
    expect(byCell.get(addr(a.ref))!.current).toBe("");
    expect(new Decimal(byCell.get(addr(b.ref))!.plain).equals(b.amount!.value)).toBe(true);
  });

  test("figures with rounding tails: a range when the displayed figures cannot all agree, the original inside it", () => {
    const tails = generateFinalSet({ seed: 11, tails: true }).workbook;
    const targets = mutationTargets(tails, /^final0[1-3]$/);
    const m = measureCauses(tails, targets, "bump", 4);
    expect(m.ranged).toBeGreaterThan(0);
    expect(m.wrongValues.filter((s) => s.includes("范围"))).toEqual([]);
  });

  // The acceptance figure on a sample (scripts/cause-metric.ts runs every figure).
  test.each([
    ["决算", generateFinalSet({ seed: 3 }).workbook, /^final0[1-8]$/],
    ["预算", generateBudgetSet({ seed: 7 }).workbook, /^budget/],
  ] as const)("single mutations of the %s set: the mutated cell is the first cause in ≥ 90 %%, its value restored", (_n, wb, re) => {
    const targets = mutationTargets(wb, re);
    for (const mu of ["bump", "blank"] as const) {
      const m = measureCauses(wb, targets, mu, 5);
      expect(m.cases).toBeGreaterThan(30);
      expect(m.first / m.cases).toBeGreaterThanOrEqual(0.9);
      expect(m.restored).toBe(m.determined);
    }
  });
});
