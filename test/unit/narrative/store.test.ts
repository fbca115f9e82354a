/**
 * One store for the text's figures and the tables' (narrative/store.ts), and what
 * the identity rules gain from it: a figure the section linker cannot place by its
 * words is still compared with the table figure of the same concept, year, stage
 * and scope (narrative.consistency), and a total stated in the text is checked
 * against parts only the tables hold (narrative.identity). The text is written in
 * a 浙江/江苏 phrasing the fixtures lack (test/support/zhejiangNarrative.ts).
 */
import { checkWorkbook } from "../../../src/core/check";
import { narrativeContext } from "../../../src/core/narrative/context";
import { extractStatements } from "../../../src/core/narrative/statements";
import { buildStore, keysOfFact, storeKey } from "../../../src/core/narrative/store";
import { makeContext } from "../../../src/core/rules/types";
import { textVerified } from "../../../src/core/rules/narrative/identities";
import { WorkbookSnapshot, emptySheet, setCell } from "../../../src/core/grid/snapshot";
import { generateNarrativeSet } from "../../support/narrativeSet";
import { generateBudgetSet } from "../../support/budgetSet";
import { withBudgetNarrative } from "../../support/budgetNarrative";
import { fixture } from "../../support/fixtures";
import { sectionedDoc, zhejiangDoc } from "../../support/zhejiangNarrative";

const A = (row: number) => `情况说明!A${row + 1}`;
const cellsOf = (f: { cells: { sheet: string; row: number; col: number }[] }) => f.cells.map((c) => `${c.sheet}!${String.fromCharCode(65 + c.col)}${c.row + 1}`);

describe("the store's keys of the tables' figures are the keys the text's reading gives them", () => {
  const cases: [string, () => Promise<WorkbookSnapshot>, "final" | "budget"][] = [
    ["generated final accounts", async () => generateNarrativeSet().workbook, "final"],
    ["generated budget", async () => withBudgetNarrative(generateBudgetSet().workbook).workbook, "budget"],
    ["anyang with its 补充信息", () => fixture("anyang-2021-final-with-supplement.xlsx"), "final"],
  ];
  test.each(cases)("%s: every linked figure the store takes has its statement under the fact's key (or one of equal value)", async (_n, load, kind) => {
    const wb = await load();
    const r = checkWorkbook(wb);
    const ctx = makeContext(wb, r.tables, r.recognition.failures);
    const n = narrativeContext(ctx);
    const sts = extractStatements(n.paragraphs, { year: n.year, kind });
    const store = buildStore(sts, n.facts.facts, kind);
    let agree = 0;
    for (const l of n.links) {
      if (!l.fact || !keysOfFact(l.fact.id).length) continue;
      const mine = sts.filter((s) => s.paraIndex === l.index && s.figure.start === l.figure.start);
      if (!mine.length) continue;
      const keys = keysOfFact(l.fact.id).map(storeKey);
      // The linker may pick, among facts of equal value, another one (two 三公 parts both "增加0.50万元").
      const ok = mine.some((s) => keys.includes(storeKey(s)) || !!store.table(s)?.value.eq(l.fact!.value));
      expect({ fact: l.fact.id, text: mine.map(storeKey), ok }).toEqual({ fact: l.fact.id, text: mine.map(storeKey), ok: true });
      agree++;
    }
    expect(agree).toBeGreaterThan(kind === "budget" ? 10 : 40);
  });
});

describe("correct texts in phrasings the linker does not know: no error, no warning, every amount verified by the link or the store", () => {
  test.each([
    // Without the store, "未能核对": the totals, 本年收入/支出, 基本/项目支出, 一般公共预算财政拨款支出. Only the
    // difference from the budget ("少2.88万元") stays so: no table holds it.
    ["浙江 phrasing", zhejiangDoc, 6, [/^2\.88/]],
    // "第一部分 …": no heading the linker knows, so nothing is linked; the store verifies every figure.
    ["a text in parts", sectionedDoc, 10, []],
  ] as const)("%s", (_n, make, minUnlinked, leftOver) => {
    const doc = make();
    const r = checkWorkbook(doc.workbook);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
    const ctx = makeContext(doc.workbook, r.tables, r.recognition.failures);
    const held = textVerified(ctx);
    const unlinked = narrativeContext(ctx).links.filter((l) => l.status === "unlinked");
    expect(unlinked.length).toBeGreaterThanOrEqual(minUnlinked);
    const left = unlinked.filter((l) => !held.has(`${l.index}:${l.figure.start}`)).map((l) => l.figure.raw);
    expect(left).toHaveLength(leftOver.length);
    leftOver.forEach((re, i) => expect(left[i]).toMatch(re));
  });
});

describe("浙江 phrasing: headings and wordings the linker does not know", () => {
  test.each(["basic", "gpb", "incomeTotal", "grand", "grandChange"] as const)("a wrong %s the linker cannot place: narrative.consistency names the sentence and the table cell", (which) => {
    const right = zhejiangDoc();
    const wrong = (Number(right.figures[which]) + 10).toFixed(2);
    const doc = zhejiangDoc({ [which]: wrong });
    const r = checkWorkbook(doc.workbook);
    const errs = r.findings.filter((f) => f.severity === "error");
    const f = errs.find((x) => x.rule === "narrative.consistency" && x.actual === `${wrong}万元`);
    expect(f).toBeDefined();
    expect(cellsOf(f!)[0]).toBe(A(doc.rows[which]));
    // One mistake, one error: the sums it takes part in do not report it again, and it is not "未能核对".
    expect(errs.map((x) => x.rule)).toEqual(["narrative.consistency"]);
    expect(r.findings.filter((x) => x.rule === "narrative.unverified" && x.message.includes(wrong))).toEqual([]);
    // The other cell is the table's: a sheet of the workbook other than the text.
    expect(cellsOf(f!).slice(1).length).toBeGreaterThanOrEqual(1);
    expect(cellsOf(f!).slice(1).every((c) => !c.startsWith("情况说明!"))).toBe(true);
    expect(f!.message).toContain(`表中为 ${Number(right.figures[which]).toLocaleString("en-US", { minimumFractionDigits: 2 })}万元`);
  });

  test("a total stated in the text, a part only the tables hold: checked together, naming the table's cell", () => {
    // Without 公开05表 the text's 基本支出 has no table figure of its own; 公用经费 is only in 公开06表.
    const base = zhejiangDoc({}, /05/);
    const paras = (v: string) => ["六、一般公共预算财政拨款基本支出决算情况说明", `2023年度一般公共预算财政拨款基本支出${v}万元。`, `其中人员经费${base.figures.personnel}万元。`];
    const withText = (v: string): WorkbookSnapshot => {
      const sheet = emptySheet("情况说明");
      ["测试市医疗保障局2023年度部门决算情况说明", ...paras(v)].forEach((t, i) => setCell(sheet, i, 0, { text: t, value: t }));
      return { ...base.workbook, sheets: [...base.workbook.sheets.slice(0, -1), sheet] };
    };
    const ok = checkWorkbook(withText(base.figures.gpbBasic));
    expect(ok.findings.filter((f) => f.rule === "narrative.identity")).toEqual([]);
    const wrong = (Number(base.figures.gpbBasic) + 10).toFixed(2);
    const r = checkWorkbook(withText(wrong));
    const f = r.findings.find((x) => x.rule === "narrative.identity" && x.actual === `${wrong}万元`);
    expect(f).toBeDefined();
    expect(f!.message).toMatch(/公用经费 [\d,.]+万元（表中：公开06表/);
    expect(cellsOf(f!).some((c) => c.startsWith("公开06表!"))).toBe(true);
  });
});

describe("a text in parts (第一部分 …): no heading the linker knows", () => {
  test.each([
    ["sgChange", "error"],
    ["opChange", "error"],
    ["incomeTotal", "error"],
    // 人员经费 with no fund named: checked against 公开06表 (一般公共预算财政拨款), as a warning.
    ["personnel", "warning"],
  ] as const)("a wrong %s: one finding, narrative.consistency, %s, naming the sentence and the table", (which, severity) => {
    const right = sectionedDoc();
    const wrong = (Number(right.figures[which]) + 1).toFixed(2);
    const doc = sectionedDoc({ [which]: wrong });
    const r = checkWorkbook(doc.workbook);
    const bad = r.findings.filter((f) => f.severity !== "info");
    expect(bad.map((f) => [f.rule, f.severity])).toEqual([["narrative.consistency", severity]]);
    expect(cellsOf(bad[0])[0]).toBe(A(doc.rows[which]));
    expect(cellsOf(bad[0]).slice(1).some((c) => !c.startsWith("情况说明!"))).toBe(true);
  });

  test("a wrong rate whose budget and outcome are both written: narrative.change says it, once", () => {
    const doc = sectionedDoc({ gpbRate: (Number(sectionedDoc().figures.gpbRate) - 1).toFixed(2) });
    const bad = checkWorkbook(doc.workbook).findings.filter((f) => f.severity !== "info");
    expect(bad.map((f) => f.rule)).toEqual(["narrative.change"]);
  });
});

describe("what the store must not compare", () => {
  /** The generated set's tables with a 情况说明 of these paragraphs (after a title and a heading the linker does not know). */
  const findingsOf = (...paras: string[]) => {
    const wb = zhejiangDoc().workbook;
    const sheet = emptySheet("情况说明");
    ["测试市医疗保障局2023年度部门决算公开说明", "第三部分 其他重要事项", ...paras].forEach((t, i) => setCell(sheet, i, 0, { text: t, value: t }));
    return checkWorkbook({ ...wb, sheets: [...wb.sheets.slice(0, -1), sheet] }).findings.filter((f) => f.severity !== "info" && f.rule !== "narrative.missing-reason");
  };
  const F = zhejiangDoc().figures;

  test("a change against the budget is not the year's change", () => {
    const over = (Number(F.operating) - Number(F.operatingBudget)).toFixed(2);
    expect(findingsOf(`机关运行经费支出${F.operating}万元，比预算增加${over}万元，主要是业务量增加。`)).toEqual([]);
  });

  test("an 调整预算 or 全年预算 is not the 年初预算 the tables give", () => {
    expect(findingsOf("“三公”经费调整后预算为70.00万元。", "机关运行经费全年预算数为350.00万元。")).toEqual([]);
  });

  test("全年总收入 is the 收入总计, not the 本年收入合计", () => {
    expect(findingsOf(`本部门全年总收入${F.grand}万元（含上年结转）。`)).toEqual([]);
  });

  test("a fund named earlier in the paragraph makes the scope a guess: a warning at most, not an error", () => {
    const project = (Number(F.gpb) - Number(F.gpbBasic)).toFixed(2);
    const found = findingsOf(`本年支出${F.expenseTotal}万元，其中一般公共预算财政拨款支出${F.gpb}万元。按支出性质分，基本支出${F.gpbBasic}万元，项目支出${project}万元。`);
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a rate whose budget is in the sentence before: the tables judge it (narrative.change takes the budget of the rate's own sentence only)", () => {
    const rate = (Number(F.sangong) / Number(F.sgBudget)) * 100;
    const wrong = (rate - 5).toFixed(2);
    const found = findingsOf(`“三公”经费年初预算为${F.sgBudget}万元。“三公”经费支出决算为${F.sangong}万元，完成年初预算的${wrong}%。`);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["narrative.consistency", "error"]]);
    expect(found[0].message).toContain(`${rate.toFixed(2)}%`);
    expect(findingsOf(`“三公”经费年初预算为${F.sgBudget}万元。“三公”经费支出决算为${F.sangong}万元，完成年初预算的${rate.toFixed(2)}%。`)).toEqual([]);
  });

  test("one wrong amount, one error: the change written with it (the tables' own change) is not blamed too", () => {
    const wrongCur = (Number(F.operating) + 10).toFixed(2);
    const prev = (Number(F.operating) - Number(F.opChange)).toFixed(2);
    const found = findingsOf(`机关运行经费支出${wrongCur}万元，上年${prev}万元，比上年增加${F.opChange}万元，主要是业务量增加。`);
    expect(found.map((f) => f.rule)).toEqual(["narrative.consistency"]);
    expect(found[0].message).toContain(wrongCur);
  });

  test("a change written the wrong way round: the direction is named, not two equal-looking numbers", () => {
    const found = findingsOf(`与上年相比，收入总计、支出总计均减少${F.grandChange}万元，主要是业务调整。`);
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0].message).toContain("增减方向写反了");
  });
});

describe("readings the 浙江 text needed", () => {
  test("a scope word after an earlier sentence's figures is not the paragraph's subject; one opening the paragraph is", () => {
    const para = (text: string) => ({ text, ref: { sheet: "情况说明", row: 0, col: 0 } });
    const scopeOf = (text: string, raw: string) =>
      extractStatements([para(text)], { year: 2023, kind: "final" }).find((s) => s.figure.raw.startsWith(raw))?.scope;
    expect(scopeOf("本年收入4069.25万元，全部为财政拨款。本年支出5186.53万元。", "5186.53")).toBe("all");
    expect(scopeOf("财政拨款支出5146.65万元。其中基本支出2330.22万元。", "2330.22")).toBe("fiscal");
    expect(scopeOf("本年收入4069.25万元。一般公共预算财政拨款支出5108.03万元。", "5108.03")).toBe("gpb");
  });

  test("“与上年相比各增加X”: the change of both totals (各 after the comparison is not an item's name)", () => {
    const para = { text: "2023年度本部门收入、支出决算总计均为5226.23万元，与上年相比各增加4225.73万元，主要是业务量增加。", ref: { sheet: "情况说明", row: 0, col: 0 } };
    const changes = extractStatements([para], { year: 2023, kind: "final" }).filter((s) => s.kind === "change");
    expect(changes.map((s) => `${s.concept} ${s.value}`)).toEqual(["incomeTotal 4225.73", "expenseTotal 4225.73"]);
  });

  test("“较年初预算X少Y。其中……”: the parts are the amount's, not the difference's", () => {
    const doc = zhejiangDoc();
    expect(checkWorkbook(doc.workbook).findings.filter((f) => f.rule === "narrative.parts-sum")).toEqual([]);
    const bad = zhejiangDoc({ reception: (Number(doc.figures.reception) + 1).toFixed(2) });
    const f = checkWorkbook(bad.workbook).findings.filter((x) => x.rule === "narrative.parts-sum" && x.severity === "error");
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe(`${doc.figures.sangong}万元`);
  });

  test("a reason given as “，主要是……” after a difference from the budget is a reason", () => {
    const doc = zhejiangDoc();
    expect(checkWorkbook(doc.workbook).findings.filter((f) => f.rule === "narrative.missing-reason")).toEqual([]);
  });
});
