/**
 * The budget text (部门预算编制说明 and 其他相关情况说明): drafted in the template's
 * order from the tables and the 补充信息, every number traceable to a cell;
 * missing figures are placeholders; the command line drafts it too.
 */
import * as path from "path";
import { main, Io } from "../../../src/cli/main";
import { draftNarrative } from "../../../src/core/narrative/draft";
import { narrativeToJson } from "../../../src/core/narrative/generate";
import { supplementForWorkbook } from "../../../src/core/narrative/supplement";
import { checkWorkbook } from "../../../src/core/check";
import { generateBudgetSet } from "../../support/budgetSet";
import { withBudgetNarrative } from "../../support/budgetNarrative";
import { FIXTURES, fixture } from "../../support/fixtures";

test("drafted from the consistent budget: sections in the template's order, numbers from the tables", async () => {
  const wb = await fixture(path.join("budget", "consistent-department.xlsx"));
  checkWorkbook(wb);
  const n = draftNarrative(wb);
  expect(n.title).toMatch(/2026年部门预算编制说明/);
  expect(n.sections.map((s) => s.title)).toEqual(["部门预算编制说明", "一、2026年“三公”经费预算情况说明", "二、机关运行经费预算", "三、政府采购预算情况", "四、绩效目标设置情况", "五、国有资产占有使用情况"]);
  const first = n.sections[0].paragraphs[0].text;
  expect(first).toMatch(/^2026年，.+收入预算[\d,.]+万元，其中：财政拨款收入[\d,.]+万元/);
  // Without 补充信息 the comparisons with last year are placeholders, never guesses.
  expect(first).toContain("【请填写补充信息中的上年财政拨款预算数】");
  // Every number of the text is a fact with its cells.
  const json = narrativeToJson(n) as { sections: { paragraphs: { numbers: { sources: { sheet: string; cell: string }[] }[] }[] }[] };
  const numbers = json.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.numbers));
  expect(numbers.length).toBeGreaterThan(15);
  for (const x of numbers) expect(x.sources.length).toBeGreaterThan(0);
  // One “xx”科目 line per 项 of the 功能分类预算表.
  const items = n.sections[0].paragraphs.filter((p) => /^\d+\. “.+（类）.+（款）.+（项）”科目[\d,.]+万元，主要用于/.test(p.text));
  expect(items.length).toBeGreaterThan(5);
});

test("the budget 补充信息 lists last year's budgets and every 项's use; filled in, the text has no placeholder and checks clean", () => {
  const wb = generateBudgetSet({ tails: true, seed: 2030 }).workbook;
  checkWorkbook(wb);
  const { sheet } = supplementForWorkbook(wb);
  const keys = [...sheet.rows.values()].map((r) => r.get(3)?.text ?? "");
  expect(keys).toEqual(expect.arrayContaining(["bprev.income", "bprev.fiscal", "bprev.gpb", "bproc.total", "bperf.projects", "bassets.buy.vehicles"]));
  expect(keys.filter((k) => k.startsWith("use.")).length).toBeGreaterThan(5);
  const set = withBudgetNarrative(wb);
  expect(set.narrative.placeholders).toEqual([]);
  const r = checkWorkbook(set.workbook);
  expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("disclosure-check narrative on a budget workbook", async () => {
  let out = "";
  const io: Io = { out: (s) => (out += s), err: () => undefined, color: false };
  const code = await main(["narrative", path.join(FIXTURES, "budget", "consistent-unit.xlsx")], io);
  expect(code).toBe(0);
  expect(out).toMatch(/2026年单位预算编制说明/);
  expect(out).toMatch(/“三公”经费预算数为[\d,.]+万元，比2025年预算(增加|减少)[\d,.]+万元/);
});
