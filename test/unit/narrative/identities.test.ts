/**
 * A 情况说明 without its tables, checked against itself (narrative/statements.ts,
 * rules/narrative/identities.ts): the workbooks of test/fixtures/narrative/,
 * written in 湖北, 广东 and 四川 phrasings. The consistent texts give no error and
 * no warning; each planted contradiction is found by its rule, naming the
 * sentence(s) involved, and it is the first cause of the workbook.
 *
 * Rules covered: "narrative.consistency", "narrative.identity", "narrative.change",
 * "narrative.share" (and "narrative.parts-sum" on a text without tables).
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import { readXlsxFile } from "../../../src/host/xlsx/node";
import { extractStatements } from "../../../src/core/narrative/statements";
import { extractCounts } from "../../../src/core/narrative/counts";
import { paragraphsOf } from "../../../src/core/narrative/text";
import { FIXTURES } from "../../support/fixtures";
import { Rule } from "../../../src/core/rules/types";
import { change, consistency, identity, localChange, share } from "../../../src/core/rules/narrative/identities";
import { NARRATIVE_DOCS, docWorkbook, planted } from "../../support/narrativeDocs";

const DIR = path.join(FIXTURES, "narrative");

/** The findings of a narrative-only workbook whose one sheet, 情况说明, holds these paragraphs. */
const narrativeFindings = (paragraphs: string[]) => checkWorkbook(docWorkbook({ name: "t", title: "情况说明", paragraphs, plants: [] })).findings;
/** The rules of its errors and warnings, after a title paragraph. */
const ruleIdsOf = (title: string, texts: string[]) => narrativeFindings([title, ...texts]).filter((f) => f.severity !== "info").map((f) => f.rule);

const read = (name: string) => readXlsxFile(path.join(DIR, `${name}.xlsx`));

describe.each(NARRATIVE_DOCS.map((d) => [d.name, d] as const))("%s", (_n, doc) => {
  test("the consistent text: no error, no warning, no table needed", async () => {
    const r = checkWorkbook(await read(doc.name));
    expect(r.tables).toEqual([]);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
  });

  test.each(doc.plants.map((p) => [p.id, p] as const))("planted %s: found, naming its sentences, first cause", async (_id, plant) => {
    const wb = await read(`${doc.name}--${plant.id}`);
    const r = checkWorkbook(wb);
    const sheet = wb.sheets[0];
    const textOf = (c: { row: number; col: number }) => String(sheet.rows.get(c.row)?.get(c.col)?.text ?? "");
    const hits = r.findings.filter((f) => f.rule === plant.rule && f.severity === plant.severity);
    // One finding, or several of one cause (a wrong direction makes the 增减额 and the rate wrong).
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(new Set(hits.map((h) => h.cause)).size).toBe(1);
    const f = hits[0];
    for (const want of plant.cells) expect(f.cells.some((c) => textOf(c).includes(want))).toBe(true);
    if (plant.cells.length > 1) expect(new Set(f.cells.map((c) => c.row)).size).toBeGreaterThanOrEqual(2);
    // One mistake, one cause, and it comes first.
    expect(r.causes[0].findings).toContain(f);
    expect(r.causes.filter((c) => c.severity === "error").length).toBeLessThanOrEqual(1);
  });

  test("the fixture files are the documents of test/support/narrativeDocs.ts", async () => {
    const wb = await read(doc.name);
    expect(paragraphsOf(wb.sheets[0], 1).map((p) => p.text)).toEqual(doc.paragraphs);
    for (const p of doc.plants) expect(planted(doc, p)).not.toEqual(doc.paragraphs);
  });
});

describe("reading the text", () => {
  const paras = (texts: string[]) => paragraphsOf(docWorkbook({ name: "t", title: "情况说明", paragraphs: texts, plants: [] }).sheets[0], 1);
  const read = (texts: string[], year = 2021, kind: "final" | "budget" = "final") => extractStatements(paras(texts), { year, kind });

  test("a prior year's figure is 上年, never compared with 本年", () => {
    const s = read(["2021年度公务接待费支出2.30万元，上年为3.00万元，比上年减少0.70万元。", "上年公务接待费支出3.00万元。"]);
    expect(s.map((x) => [x.concept, x.kind, x.year, x.value.toString()])).toEqual([
      ["reception", "amount", "cur", "2.3"],
      ["reception", "amount", "prev", "3"],
      ["reception", "change", "cur", "-0.7"],
      ["reception", "amount", "prev", "3"],
    ]);
    const r = checkWorkbook(docWorkbook({ name: "t", title: "情况说明", paragraphs: ["2021年度公务接待费支出2.30万元，与2020年度相比减少0.70万元。", "上年公务接待费支出3.00万元。"], plants: [] }));
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("“与2020年度相比” says what a change is measured against, not the year of the figure", () => {
    const s = read(["2021年度收入总计1,286.45万元。与2020年度相比，收、支总计各增加222.25万元，增长20.88%。"]);
    expect(s.map((x) => `${x.concept}/${x.kind}/${x.year}`)).toEqual([
      "incomeTotal/amount/cur",
      "incomeTotal/change/cur",
      "expenseTotal/change/cur",
      "incomeTotal/changePct/cur",
      "expenseTotal/changePct/cur",
    ]);
  });

  test("scope words: 一般公共预算 inside 一般公共预算财政拨款 is a scope, not a budget stage", () => {
    const s = read(["2021年度一般公共预算财政拨款支出年初预算为1,000.00万元，支出决算为1,100.00万元，完成年初预算的110.00%。"]);
    expect(s.map((x) => `${x.concept}/${x.kind}/${x.stage}/${x.scope}`)).toEqual(["expense/amount/budget/gpb", "expense/amount/actual/gpb", "expense/rate/actual/gpb"]);
  });

  test("a 功能分类 item is not the scope's total; a share after it is not read", () => {
    const s = read(["2021年度一般公共预算财政拨款支出2,203.76万元，主要用于：一般公共服务（类）支出142万元，占6.44%；卫生健康支出（类）支出1988.64万元，占90.24%。"]);
    expect(s.map((x) => `${x.concept}/${x.kind}`)).toEqual(["expense/amount"]);
  });

  test("shares adjusted so they add up to 100.00% are a tail (info), not an error", () => {
    const r = checkWorkbook(
      docWorkbook({ name: "t", title: "情况说明", paragraphs: ["三、支出决算情况说明", "本年支出合计3,000.00万元，其中：基本支出1,000.00万元，占33.33%；项目支出1,000.00万元，占33.33%；上缴上级支出1,000.00万元，占33.34%。"], plants: [] }),
    );
    const shares = r.findings.filter((f) => f.rule === "narrative.share");
    expect(shares.map((f) => f.severity)).toEqual(["info"]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("claims, one correct and one wrong sentence each", () => {
  const check = (texts: string[], title = "情况说明") => checkWorkbook(docWorkbook({ name: "t", title, paragraphs: ["某某局2021年度部门决算情况说明", ...texts], plants: [] }));
  const rules = (texts: string[]) => check(texts).findings.filter((f) => f.severity !== "info").map((f) => f.rule);

  test.each([
    ["narrative.compare-words", "“三公”经费支出预算为10.00万元，支出决算为7.50万元，决算数小于预算数。", "“三公”经费支出预算为10.00万元，支出决算为7.50万元，决算数大于预算数。"],
    ["narrative.compare-words", "2021年度公务接待费支出2.00万元，上年为2.00万元，与上年持平。", "2021年度公务接待费支出2.30万元，上年为2.00万元，与上年持平。"],
    ["narrative.compare-words", "公务接待费支出预算为2.00万元，支出决算为1.98万元，决算数与预算基本持平。", "公务接待费支出预算为2.00万元，支出决算为1.20万元，决算数与预算基本持平。"],
    ["narrative.as-of-date", "截至2021年12月31日，本部门共有车辆2辆，其中一般公务用车2辆，执法执勤用车0辆。", "截至2019年12月31日，本部门共有车辆2辆，其中一般公务用车2辆，执法执勤用车0辆。"],
    ["narrative.code-name", "一般公共预算财政拨款支出主要用于2080505机关事业单位基本养老保险缴费支出120.00万元。", "一般公共预算财政拨款支出主要用于2080505行政单位离退休120.00万元。"],
    ["narrative.identity", "政府采购支出总额100.00万元，其中授予中小企业合同金额80.00万元。", "政府采购支出总额100.00万元，其中授予中小企业合同金额120.00万元。"],
    ["narrative.identity", "本部门为行政单位，日常公用经费89.70万元。2021年度机关运行经费支出89.70万元。", "本部门为行政单位，日常公用经费89.70万元。2021年度机关运行经费支出98.70万元。"],
  ])("%s: “%s” passes, “%s” is found", (rule, good, bad) => {
    expect(rules([good])).toEqual([]);
    expect(rules([bad])).toContain(rule);
  });

  test("a budget's assets are as of the end of the year before", () => {
    const budget = (t: string) =>
      checkWorkbook(docWorkbook({ name: "t", title: "预算说明", paragraphs: ["某某局2026年部门预算编制说明", t], plants: [] })).findings.filter((f) => f.rule === "narrative.as-of-date");
    expect(budget("截至2025年12月31日，本部门共有车辆2辆，其中一般公务用车2辆，执法执勤用车0辆。")).toEqual([]);
    expect(budget("截至2026年12月31日，本部门共有车辆2辆，其中一般公务用车2辆，执法执勤用车0辆。")).toHaveLength(1);
  });

  test("an old 科目 name next to its code is named as old", () => {
    const r = check(["一般公共预算财政拨款支出主要用于210医疗卫生与计划生育支出（类）80.00万元，用于医疗保障经办。"]);
    expect(r.findings.filter((f) => f.rule === "narrative.code-name").map((f) => f.message)).toEqual([expect.stringContaining("以前年度的名称")]);
  });
});

test("narrative.department: the title names the department of the tables", async () => {
  const { fixture } = await import("../../support/fixtures");
  const { withCell } = await import("../../support/sheet");
  const wb = await fixture("anyang-2021-final.xlsx");
  const titled = (t: string) => checkWorkbook(withCell(wb, "情况说明", 0, 0, t, t)).findings.filter((f) => f.rule === "narrative.department");
  expect(titled("安阳市医疗保障局2021年度部门决算情况说明")).toEqual([]);
  const wrong = titled("安阳市财政局2021年度部门决算情况说明");
  expect(wrong).toHaveLength(1);
  expect(wrong[0].message).toContain("安阳市医疗保障局");
});

describe("narrative.empty-table-figure: the text gives money to a fund whose table is empty", () => {
  const withNarrative = async (base: "budget" | "final", paragraphs: string[]) => {
    const { buildSheet } = await import("../../support/sheet");
    const { generateFinalSet } = await import("../../support/finalSet");
    const wb = base === "budget" ? await readXlsxFile(path.join(FIXTURES, "budget", "consistent-department.xlsx")) : generateFinalSet({ seed: 3 }).workbook;
    return checkWorkbook({ ...wb, sheets: [...wb.sheets, buildSheet({ name: "情况说明", rows: paragraphs.map((p) => [p]) })] });
  };
  const rule = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.rule === "narrative.empty-table-figure");

  test("budget: a 政府性基金 amount against the empty 政府性基金 table is an error naming the sentence and the table's note", async () => {
    const r = await withNarrative("budget", ["2026年部门预算编制说明", "二、政府性基金预算支出情况", "2026年政府性基金预算支出300.00万元，主要用于城市基础设施建设。"]);
    const hits = rule(r);
    expect(hits).toHaveLength(1);
    expect(hits[0].severity).toBe("error");
    expect(hits[0].message).toContain("300.00万元");
    expect(hits[0].message).toContain("本表无数据");
    expect(hits[0].cells[0]).toMatchObject({ sheet: "情况说明", row: 2 });
    expect(hits[0].cells[1].sheet).toBe("部门政府性基金拨款表");
    // The figure is judged: it is not listed again as one that could not be verified.
    expect(r.findings.filter((f) => f.rule === "narrative.unverified" && f.message.includes("300.00"))).toEqual([]);
  });

  test("budget: saying there is none, or giving last year's amount, is consistent with the empty table", async () => {
    const r = await withNarrative("budget", [
      "2026年部门预算编制说明",
      "二、政府性基金预算支出情况",
      "本部门2026年没有使用政府性基金预算拨款安排的支出，故政府性基金预算支出功能分类预算表无数据。",
      "2025年政府性基金预算支出50.00万元。",
    ]);
    expect(rule(r)).toEqual([]);
  });

  test("final: the same for 公开08表, and a 国有资本经营 amount is checked against 公开09表", async () => {
    const bad = await withNarrative("final", ["一、政府性基金预算财政拨款支出决算情况说明", "2021年度政府性基金预算财政拨款支出80.00万元，主要用于城乡社区支出。"]);
    const hits = rule(bad);
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toContain("公开08表");
    expect(hits[0].message).toContain("80.00万元");
    const good = await withNarrative("final", ["一、政府性基金预算财政拨款支出决算情况说明", "本部门2021年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。"]);
    expect(rule(good)).toEqual([]);
    const soe = rule(await withNarrative("final", ["一、国有资本经营预算财政拨款支出决算情况说明", "2021年度国有资本经营预算财政拨款支出20.00万元，主要用于国有企业资本金注入。"]));
    expect(soe).toHaveLength(1);
    expect(soe[0].message).toContain("公开09表");
  });
});

test("narrative.code-name: a retired 科目 name written with its level and no code is named, with the current name and code", () => {
  const codeNames = (t: string) =>
    narrativeFindings(["某某局2021年度部门决算情况说明", t]).filter((f) => f.rule === "narrative.code-name");
  const old = codeNames("一般公共预算财政拨款基本支出主要用于社会保障和就业支出（类）行政事业单位离退休（款）120.00万元。");
  expect(old).toHaveLength(1);
  expect(old[0].message).toContain("行政事业单位养老支出");
  expect(old[0].message).toContain("20805");
  expect(codeNames("一般公共预算财政拨款基本支出主要用于社会保障和就业支出（类）行政事业单位养老支出（款）120.00万元。")).toEqual([]);
  // A name our list does not hold is never called wrong.
  expect(codeNames("一般公共预算财政拨款基本支出主要用于城乡社区支出（类）城乡社区公共设施（款）120.00万元。")).toEqual([]);
  // With its code, the old name is reported once (by the code check).
  expect(codeNames("一般公共预算财政拨款支出主要用于210医疗卫生与计划生育支出（类）80.00万元，用于医疗保障经办。")).toHaveLength(1);
});

describe("counts of the text (车辆, 批次, 人次, 设备)", () => {
  const paras = (texts: string[]) => paragraphsOf(docWorkbook({ name: "t", title: "情况说明", paragraphs: texts, plants: [] }).sheets[0], 1);
  const counts = (texts: string[], year = 2021, kind: "final" | "budget" = "final") =>
    extractCounts(paras(texts), { year, kind }).map((c) => [c.concept, c.year, c.scope, c.value.toString()]);
  const SANGONG = "七、“三公”经费支出决算情况说明";
  const ASSETS = "九、国有资产占用情况";
  const consistencyOf = (texts: string[]) =>
    narrativeFindings(["某某局2021年度部门决算情况说明", ...texts]).filter((f) => f.rule === "narrative.consistency");

  test("批次 and 人次 written with one name, a foreign reception left out, a change not read as a count", () => {
    expect(counts([SANGONG, "2021年国内公务接待共30批次（其中外事接待26批次），579人次（其中外事接待500人次），比上年减少4批次。"])).toEqual([
      ["receptionBatches", "cur", "all", "30"],
      ["receptionPeople", "cur", "all", "579"],
    ]);
    expect(counts([SANGONG, "2021年共接待国（境）外来访团组0个、来访外宾0人次。2021年共接待国内来访团组18个、来宾150人次。"])).toEqual([
      ["receptionBatches", "cur", "all", "18"],
      ["receptionPeople", "cur", "all", "150"],
    ]);
    expect(counts([SANGONG, "2021年因公出国（境）团组0次，出国（境）0人；全年国内公务接待批次为520个，接待人次为4200人，上年为15批次。"])).toEqual([
      ["abroadGroups", "cur", "all", "0"],
      ["abroadPeople", "cur", "all", "0"],
      ["receptionBatches", "cur", "all", "520"],
      ["receptionPeople", "cur", "all", "4200"],
      ["receptionBatches", "prev", "all", "15"],
    ]);
  });

  test("what is held is not what was bought or disposed of; the “三公” fleet is not the department's vehicles", () => {
    expect(
      counts([
        SANGONG,
        "本年购置公务用车1辆，年末公务用车保有量为3辆，其中一般公务用车3辆。",
        ASSETS,
        "截至2021年12月31日，本部门共有车辆5辆，其中一般公务用车3辆；单价50万元以上通用设备2台（套），本年购置单价50万元以上通用设备1台（套），报废车辆1辆。年初公务用车保有量为4辆。",
      ]),
    ).toEqual([
      ["carBought", "cur", "fiscal", "1"],
      ["carFleet", "cur", "fiscal", "3"],
      ["generalCar", "cur", "fiscal", "3"],
      ["vehicles", "cur", "all", "5"],
      ["generalCar", "cur", "all", "3"],
      ["equipGeneral", "cur", "all", "2"],
      ["equipBought", "cur", "all", "1"],
      ["carDisposed", "cur", "all", "1"],
      ["carFleet", "prev", "all", "4"],
    ]);
  });

  test("counts in 绩效 and 项目 sections are about projects and are not read", () => {
    expect(counts(["十、绩效自评情况", "项目共接待群众咨询1200人次，购置设备3台。"])).toEqual([]);
  });

  test("narrative.consistency: one count stated twice with two numbers is an error naming both paragraphs", () => {
    const ok = [SANGONG, "公务接待费2.30万元，国内公务接待12批次、86人次。", "2021年度公务接待费主要用于检查指导，全年接待12批次，上年为15批次。"];
    expect(consistencyOf(ok)).toEqual([]);
    const wrong = [SANGONG, "公务接待费2.30万元，国内公务接待12批次、86人次。", "2021年度公务接待费主要用于检查指导，全年接待21批次，上年为15批次。"];
    const f = consistencyOf(wrong);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("国内公务接待批次");
    expect(new Set(f[0].cells.map((c) => c.row)).size).toBe(2);
    // The 财政拨款 fleet of the “三公” section and the department's vehicles are different things.
    expect(consistencyOf([SANGONG, "年末公务用车保有量为3辆。", ASSETS, "截至2021年12月31日，本部门共有车辆5辆，其中一般公务用车5辆。"])).toEqual([]);
  });
});

describe("lists of figures, truncated rates, items of an outline", () => {
  const paras = (texts: string[]) => paragraphsOf(docWorkbook({ name: "t", title: "情况说明", paragraphs: texts, plants: [] }).sheets[0], 1);
  const read = (texts: string[], year = 2022) => extractStatements(paras(texts), { year, kind: "final" }).map((x) => [x.concept, x.kind, x.value.toString()]);
  const findings = (texts: string[]) =>
    narrativeFindings(["某某单位2022年度单位决算情况说明", ...texts]).filter((f) => f.severity !== "info" || f.rule === "narrative.change");

  test("“收、支总计各是A,B万元”: one figure per concept, in order; the earlier figure takes the list's unit", () => {
    expect(read(["2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"])).toEqual([
      ["incomeTotal", "amount", "4125.49"],
      ["expenseTotal", "amount", "4143.91"],
      ["incomeTotal", "change", "-1267.86"],
      ["expenseTotal", "change", "-2570.97"],
      ["incomeTotal", "changePct", "-23.51"],
      ["expenseTotal", "changePct", "-38.28"],
    ]);
    expect(read(["2022年度基本支出和项目支出分别为716.45万元和500.00万元。"])).toEqual([
      ["basic", "amount", "716.45"],
      ["project", "amount", "500"],
    ]);
    // A list whose concepts cannot be told apart is not read (no guess).
    expect(read(["2022年度支出分别为716.45万元、500.00万元和70.00万元。"])).toEqual([]);
  });

  test("the two totals of a final account stated as a list must still be equal; a list read right gives no false error", () => {
    const wrong = findings(["2022年度收、支总计各是4125.49,4143.91万元。"]);
    expect(wrong.map((f) => f.rule)).toEqual(["narrative.identity"]);
    expect(wrong[0].message).toContain("4125.49万元");
    expect(findings(["2022年度收、支总计各是4143.91,4143.91万元。与2021年相比,收、支总计各减少2570.97万元,下降38.29%。"])).toEqual([]);
  });

  test("a rate cut after its last decimal instead of rounded is info, not an error", () => {
    // 2570.97 ÷ (4143.91 + 2570.97) = 38.2876…%: rounded 38.29%, truncated 38.28%.
    const cut = findings(["2022年度支出总计4143.91万元，与2021年相比减少2570.97万元，下降38.28%。"]);
    expect(cut.map((f) => [f.rule, f.severity])).toEqual([["narrative.change", "info"]]);
    expect(cut[0].message).toContain("截去尾数");
    const wrong = findings(["2022年度支出总计4143.91万元，与2021年相比减少2570.97万元，下降38.18%。"]);
    expect(wrong.map((f) => [f.rule, f.severity])).toEqual([["narrative.change", "error"]]);
  });

  test("narrative.same-figure: the same words under two outline items are two items", () => {
    const basic = "1.基本支出 1133753.33 元，主要用于保障机构正常运转和完成日常工作任务。";
    const goods = "商品和服务支出预算 75800 元,占基本支出预算 6.69%,主要用于办公费、印刷费、水电费。";
    const text = ["五、一般公共预算支出情况", basic, goods, "2.项目支出 0元,同比减少 47600 元，主要是编外人员经费改列基本支出。其中:", "商品和服务支出预算 0元,同比减少 47600 元，原因是编外人员经费改列基本支出。"];
    expect(findings(text).filter((f) => f.rule === "narrative.same-figure")).toEqual([]);
    const twice = ["五、一般公共预算支出情况", basic, goods, "商品和服务支出预算 75000 元,主要用于办公费、印刷费、水电费和差旅费。"];
    expect(findings(twice).filter((f) => f.rule === "narrative.same-figure")).toHaveLength(1);
  });
});

describe("phrasings of published texts that are not contradictions", () => {
  const check = (texts: string[], title = "某某单位2021年度单位决算情况说明") =>
    narrativeFindings([title, ...texts]).filter((f) => f.severity !== "info");
  const msgs = (texts: string[], title?: string) => check(texts, title).map((f) => `${f.rule}: ${f.message}`);

  test("总收入 is the total; 其中本年收入 is the year's income, not 收入总计", () => {
    expect(msgs(["（一）本单位2021年度总收入600.00万元，其中本年收入400.00万元，较2020年度决算数减少100.00万元，下降20.00%。", "（二）本单位2021年度总支出600.00万元，其中本年支出500.00万元，较2020年度决算数减少50.00万元，下降9.09%。"])).toEqual([]);
    // Two different totals stay an error.
    expect(msgs(["（一）本单位2021年度总收入600.00万元，其中本年收入400.00万元。", "（二）本单位2021年度总支出610.00万元，其中本年支出500.00万元。"]).map((m) => m.split(":")[0])).toEqual(["narrative.identity"]);
  });

  test("a change of an item named without its amount is not the change of the amount before it", () => {
    expect(
      msgs([
        "七、“三公”经费支出决算情况说明",
        "2021年度“三公”经费支出决算总额为6.00万元，比去年增加2.00万元，增长50%，公务用车运行维护费支出决算比预算无增减变化，比去年增加0.40万元，增长25%，公务接待费支出决算比预算无增减变化，比去年增加1.60万元，增长160%。",
      ]),
    ).toEqual([]);
  });

  test("parts-sum: a change listed between the parts is not a part; an outline number ends the list", () => {
    expect(msgs(["2021年政府采购预算20000元，同比增加20000元，上年无该预算。其中：政府集中采购预算20000元，占政府采购预算的100%，同比增加20000元；分散采购0元，占政府采购预算的0%。"], "某某单位2021年部门预算情况说明")).toEqual([]);
    expect(
      msgs(["2021年一般公共预算“三公”经费预算安排600万元，与上年预算持平：一、因公出国（境）费预算200万元，二、公务用车购置及运行费预算180万元，其中公务用车运行费180万元，公务用车购置费0万元，三、公务接待费预算220万元，与上年预算持平。"], "某某开发区2021年部门预算情况说明"),
    ).toEqual([]);
  });

  test("counts: the items of a vehicle list, foreign receptions and “分别为” lists are read one by one", () => {
    expect(msgs(["九、国有资产占用情况", "截至2021年12月31日，共有车辆2辆，其中：一般公务用车0辆、一般执法执勤用车0辆、特种专业技术用车2辆、其他用车0辆。"])).toEqual([]);
    expect(msgs(["七、“三公”经费支出决算情况说明", "2021年国内公务接待批次1200个，接待人次9000人；国（境）外公务接待批次15个，接待人次90人。"])).toEqual([]);
    const fleet = ["七、“三公”经费支出决算情况说明", "2021年公务用车购置数及保有量分别为2辆和80辆，主要是公务用车改革完成，保留车辆减少。"];
    expect(msgs([...fleet, "截至2021年末，开支财政拨款的公务用车保有量80辆，均为执法执勤用车。"])).toEqual([]);
    expect(msgs([...fleet, "截至2021年末，开支财政拨款的公务用车保有量81辆，均为执法执勤用车。"]).map((m) => m.split(":")[0])).toEqual(["narrative.consistency"]);
  });

  test("a 功能分类 item's own 基本支出 and 项目支出, and a paragraph cut from the line above, are not the department's", () => {
    const budget = "某某单位2024年单位预算情况说明";
    expect(
      msgs(
        [
          "（一）按功能分类：2080505机关事业单位基本养老保险缴费支出（项）119816.81元，其中基本支出119816.81元，项目支出0元，主要用于人员经费保障。",
          "19816.81 元，项目支出 0元。主要用于人员经费保障。",
          "（二）按支出结构分类：项目支出 469500 元，同比增加 70100 元，增长 17.55%，主要是新增业务项目。",
        ],
        budget,
      ),
    ).toEqual([]);
  });

  test("a change “与2021年度预算相比” in a final account is measured against the budget, and said so", () => {
    const f = check(["七、“三公”经费支出决算情况说明", "2021年度公务接待费支出2.14万元，与2021年度预算相比，增加1.14万元，增长1.14%，主要是接待任务增加。"]);
    expect(f.map((x) => x.rule)).toEqual(["narrative.change"]);
    expect(f[0].message).toContain("预算为 1.00万元");
  });
});

describe("narrative.local-change: the arithmetic of one sentence, whatever it is about", () => {
  const local = (text: string, title = "某某单位2025年部门预算情况说明") =>
    narrativeFindings([title, "五、一般公共预算支出情况", text]).filter((f) => f.rule === "narrative.local-change");

  test("本年数, 增减额, 增减率 of a 功能分类 item: the rate is over the earlier figure", () => {
    expect(local("（二）社会保障和就业支出类科目 116433.12 元，占支出总预算 10.73%，同比增加 16803.36 元，增长 16.87%，主要是养老保险缴费基数调整。")).toEqual([]);
    const wrong = local("（二）社会保障和就业支出类科目 116433.12 元，占支出总预算 10.73%，同比增加 16803.36 元，增长 14.43%，主要是养老保险缴费基数调整。");
    expect(wrong).toHaveLength(1);
    expect(wrong[0].severity).toBe("error");
    expect(wrong[0].message).toContain("16.87%");
    expect(wrong[0].message).toContain("以本年数为基数");
    // A decrease: the earlier figure is 本年 + 减少额.
    expect(local("（三）住房保障支出 74784.48 元，同比减少 5215.52 元，下降 6.52%，主要是住房公积金缴存人数减少。")).toEqual([]);
    expect(local("（三）住房保障支出 74784.48 元，同比减少 5215.52 元，下降 6.97%，主要是住房公积金缴存人数减少。").map((f) => f.severity)).toEqual(["error"]);
  });

  test("预算数, 决算数, 完成率 of any item: 决算 ÷ 预算", () => {
    const title = "某某中心2023年度部门决算情况说明";
    expect(local("2.办公设备购置费预算为12.00万元，支出决算为9.60万元，完成预算的80.00%，主要是部分设备延后采购。", title)).toEqual([]);
    expect(local("2.办公设备购置费预算为12.00万元，支出决算为9.60万元，完成预算的20.00%，主要是部分设备延后采购。", title).map((f) => f.severity)).toEqual(["error"]);
  });
});

test("narrative.local-change: a share of a whole named in its own words (“占基本支出预算79.89%”) is checked against the text's amount for it", () => {
  const doc = (share: string) =>
    checkWorkbook(
      docWorkbook({
        name: "t",
        title: "情况说明",
        paragraphs: ["某某单位2022年部门预算情况说明", "六、一般公共预算基本支出情况说明", "2022年一般公共预算基本支出 1133753.33 元，主要用于保障机构正常运转和完成日常工作任务。", `工资福利支出预算 905709.06 元，占基本支出预算 ${share}，主要用于在职人员工资和社会保险缴费。`],
        plants: [],
      }),
    ).findings.filter((f) => f.rule === "narrative.local-change");
  expect(doc("79.89%")).toEqual([]);
  expect(doc("79.88%").map((f) => f.severity)).toEqual(["info"]);
  const wrong = doc("89.79%");
  expect(wrong.map((f) => f.severity)).toEqual(["error"]);
  expect(wrong[0].message).toContain("79.89%");
  expect(new Set(wrong[0].cells.map((c) => c.row)).size).toBe(2);
});

describe("more phrasings of published texts (second round)", () => {
  const rules = (texts: string[], title = "某某单位2021年度部门决算情况说明") => ruleIdsOf(title, texts);

  test("“收入合计X，支出合计Y” and “收入合计X，支出Y” name two totals; 上年结余 is not a year", () => {
    expect(rules(["2021年度本年收入合计120.50万元，本年支出合计110.20万元，年末结转和结余10.30万元，主要是项目跨年实施。"])).toEqual([]);
    expect(rules(["政府性基金上年结余26.38万元，上级补助收入14.78万元，收入合计42.50万元，支出19.43万元，年终结余23.07万元。"])).toEqual([]);
  });

  test("parts-sum: figures of comparison are neither the total nor parts; a list may go on in the next sentence", () => {
    const text = (reception: string) => [
      "七、“三公”经费支出决算情况说明",
      `2021年“三公”经费支出决算汇总数为1134万元，较上年1174万元减少40万元，下降3%，较预算数1237万元减少103万元，下降8%。其中：因公出国（境）费为0万元，较上年6万元减少6万元，下降100%；公务接待费为${reception}万元，较上年144万元减少22万元，下降15%。公务用车购置及运行维护费为1012万元，较上年1024万元减少12万元，下降1%。`,
    ];
    expect(rules(text("122"))).toEqual([]);
    // Parts already above the total are an error, wherever the list goes on.
    expect(rules(text("1222"))).toContain("narrative.parts-sum");
  });

  test("parts-sum: a “；” before a new total ends the list, and parts of a part in brackets are left out", () => {
    expect(rules(["2021年政府性基金收入总计3319万元，其中本级收入103万元，上级补助收入1331万元，上年结余1885万元；政府性基金支出总计3319万元，其中本级支出1703万元，调出资金103万元，结转下年使用1513万元。"])).toEqual([]);
    expect(rules(["上级转移支付收入1884万元，其中：一般转移支付收入1478万元（含均衡性转移支付收入166万元、结算补助收入1312万元），专项转移支付收入406万元。"])).toEqual([]);
    expect(rules(["上级转移支付收入1884万元，其中：一般转移支付收入1478万元（含均衡性转移支付收入166万元、结算补助收入1312万元），专项转移支付收入460万元。"])).toEqual(["narrative.parts-sum"]);
  });

  test("a budget reports the year before it without a year warning", () => {
    expect(rules(["二、2020年“三公”经费决算情况", "2020年度“三公”经费合计支出20.12万元，其中：因公出国（境）经费0万元，公务接待12.39万元，公务用车运行费用7.73万元。"], "某单位2021年部门预算“三公”经费情况说明")).toEqual([]);
  });
});

describe("more phrasings of published texts (third round)", () => {
  const rules = (texts: string[], title = "某某学校2022年度单位决算情况说明") => ruleIdsOf(title, texts);

  test("部门收入 is not 收入总计; 其它人员经费 is a line of 人员经费", () => {
    expect(rules(["——部门收入640.48万元。学费等收入440万元；房租等其他收入140万元；课后延时服务费60.48万元。", "③部门支出用途。支出预算7526.86万元，主要用于教育教学和校舍维修。"], "某某中学2022年经费预算信息")).toEqual([]);
    expect(rules(["——预算补助6286.38万元。其中人员经费5836.98万元，主要是在职教职工工资和社会保险缴费。", "——其它人员经费177.48万元。教育局聘用人员51人177.48万元。"], "某某中学2022年经费预算信息")).toEqual([]);
  });

  test("the changes of the items a total's change is explained by are not the total's", () => {
    expect(
      rules([
        "2.收入情况。2022年度收入总计2,519.13万元，收入较上年决算数减少106.71万元，下降4.1%，主要原因是（1）本年度财政拨款收入较上年决算数减少112.6万元，下降4.4%，（2）事业收入较上年决算数增加5.89万元，增长11.0%。其中：财政拨款收入2,459.67万元，占97.6%；事业收入59.46万元，占2.4%。",
      ]),
    ).toEqual([]);
  });

  test("the title decides 部门 or 单位, whatever the body says of the parent's report", () => {
    expect(rules(["一、单位基本情况", "我单位为二级预算单位，纳入某某区教育委员会编制2022年度部门决算，无下级单位，主要承担小学义务教育。"])).toEqual([]);
  });

  test("parts-sum: a bracketed note is not the total; two change columns each have their own total", () => {
    expect(rules(["（一）收入预算：2023年年初预算数761.21万元（含上年结转5.01万元），其中：一般公共预算拨款761.21万元（含上年结转5.01万元），政府性基金预算拨款0万元。"], "某某小学2023年部门预算情况说明")).toEqual([]);
    expect(
      rules([
        "七、“三公”经费支出决算情况说明",
        "公务用车购置及运行维护费为1012万元，较上年1024万元减少12万元，下降1%，较预算数898万元增加114万元，增长13%（其中：公务用车购置费209万元，较上年251万元减少42万元，下降17%，较预算数62万元增加147万元，增长237%；公务用车运行维护费803万元，较上年773万元增加30万元，增长4%，较预算数836万元减少33万元，下降4%）。",
      ]).filter((r) => r === "narrative.parts-sum"),
    ).toEqual([]);
  });
});

test("narrative.identity: 收入总计 and 支出总计 balance every year, so their stated changes are the same", () => {
  const doc = (expenseChange: string) =>
    checkWorkbook(
      docWorkbook({
        name: "t",
        title: "情况说明",
        paragraphs: ["某某局2021年度部门决算情况说明", "一、收入支出决算总体情况说明", `2021年度收入总计225.12万元，支出总计225.12万元。收入总计较上年减少90.80万元，主要是园舍建设项目结束；支出总计较上年${expenseChange}，主要是园舍建设项目结束。`],
        plants: [],
      }),
    ).findings.filter((f) => f.rule === "narrative.identity");
  expect(doc("减少90.80万元")).toEqual([]);
  const wrong = doc("增加32.95万元");
  expect(wrong).toHaveLength(1);
  expect(wrong[0].message).toContain("增减额也应相同");
});

describe("more phrasings of published texts (fourth round: budgets)", () => {
  const rules = (texts: string[], title = "某某局2021年部门预算情况说明") => ruleIdsOf(title, texts);

  test("parts-sum: a list ends at the “；” or bracket after which the total's sibling comes", () => {
    expect(rules(["2021年部门经费预算7464053元，基本支出4566793元，其中工资福利支出3265013元，商品和服务支出843942元，对个人和家庭补助支出457838元；项目支出2897260元。"])).toEqual([]);
    expect(rules(["2021年部门收入预算496,555.7万元。其中，本年收入合计493,824.1万元，包括一般公共预算拨款收入11,495.9万元、事业收入476,485万元、其他收入5843.2万元；上年结转结余2,731.6万元。"])).toEqual([]);
    expect(rules(["目前核定的工资岗位为专技岗7人（其中：专技6级1人、专技十级2人、专技十一级1人、专技十二级3人）；管理岗位4人（其中：管理八级2人，管理九级2人）；工勤岗3人。"])).toEqual([]);
    // Parts that do not reach the total before any such mark stay an error.
    expect(rules(["2021年部门经费预算7464053元，基本支出4566793元，其中工资福利支出3265013元，商品和服务支出843942元，对个人和家庭补助支出457830元；项目支出2897260元。"])).toContain("narrative.parts-sum");
  });

  test("parts-sum: 预算 figures of comparison, signed changes, a nested 其中 and partial counts", () => {
    const title = "某某厅2023年度部门决算情况说明";
    expect(
      rules(
        [
          "2023年度“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元。其中：因公出国（境）费支出决算为12.02万元，完成预算12.02万元的100%，比上年决算数增加12.02万元；公务用车购置及运行维护费支出决算为27.46万元，完成预算29.6万元的92.8%，比上年决算数增加6.32万元；其中：公务用车购置支出决算为0万元；公务用车运行维护费支出决算为27.46万元；公务接待费支出决算为22.59万元，完成预算43.2万元的52.3%，比上年决算数增加20.63万元。",
        ],
        title,
      ),
    ).toEqual([]);
    expect(rules(["本局2021年“三公”经费财政拨款预算控制数为55万元，较2020年下降1万元，其中：因公出国（境）经费未安排预算；公务接待费30万元，较2020年预算下降6万元；公务用车购置及运行维护费25万元，较2020年预算增加5万元。"])).toEqual([]);
    expect(rules(["医院设临床及医技科室38个，其中内科设12个专业科室，外科设11个专业科室，主要承担区域医疗服务。"])).toEqual([]);
  });

  test("a comparison with an earlier year states that year's amount; an item's two years carry its change; a sub-item of 项目支出 is not 项目支出", () => {
    const title = "某单位2015年度单位决算情况说明";
    expect(rules(["2015年“三公”经费合计31.23万元，其中：公务接待费1.58万元，公务用车运行维护费29.65万元，因公出国（境）费0万元。较2014年度“三公”经费合计16.08万元增加15.15万元。"], title)).toEqual([]);
    expect(rules(["2016年三公经费预算拨入33万元，2015年三公经费预算拨入45.5万元，与上年对比减少12.5万元。其中：1、公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.5万元；减少率36%。"], "某某局2016年部门预算情况说明")).toEqual([]);
    expect(rules(["2016年我院支出合计26,994.72万元，其中基本支出12,270.36万元，项目支出14,629.33万元，经营支出95.03万元。", "②项目支出：本年度我院项目支出14,629.33万元，在项目支出当中，教育事业支出14,412.87万元，科研支出166.87万元，医疗卫生支出49.59万元。"], "某某医学院2016年度部门决算情况说明").filter((r) => r !== "narrative.old-name")).toEqual([]);
  });
});

test("narrative.old-name: a 类 name is old only from the year it was replaced, and the name to use is the document year's", () => {
  const warn = (year: number, name: string) =>
    checkWorkbook(docWorkbook({ name: "t", title: "情况说明", paragraphs: [`某某医院${year}年度部门决算情况说明`, `${year}年度一般公共预算财政拨款支出主要用于${name}12,500.00万元，占全部支出的85.00%，主要是医疗服务和公共卫生项目。`], plants: [] }))
      .findings.filter((f) => f.rule === "narrative.old-name")
      .map((f) => f.expected);
  expect(warn(2016, "医疗卫生与计划生育支出")).toEqual([]);
  expect(warn(2016, "医疗卫生支出")).toEqual(["医疗卫生与计划生育支出"]);
  expect(warn(2021, "医疗卫生与计划生育支出")).toEqual(["卫生健康支出"]);
  expect(warn(2012, "医疗卫生支出")).toEqual([]);
});

describe("a change stated in another paragraph than its amount (narrative.change)", () => {
  const rules = (texts: string[], title = "某某县水利局2021年度部门决算情况说明") => ruleIdsOf(title, texts);
  // 湖北-style overview, the comparison in a paragraph of its own.
  const hubei = (change: string, rate: string) => [
    "一、收入支出决算总体情况",
    "2021年度收入总计1,286.45万元，支出总计1,286.45万元。",
    "上年收入总计1,064.20万元，支出总计1,064.20万元。",
    "二、收入支出决算增减变动情况",
    `与上年相比，收入总计增加${change}万元，增长${rate}%，主要原因是人员增加。`,
  ];
  // 广东-style: the amounts in the 支出 section, the change in a later 变动 paragraph.
  const guangdong = (change: string) => [
    "三、支出决算情况说明",
    "2021年度本年支出合计980.00万元，其中：基本支出600.00万元，项目支出380.00万元。上年支出合计1,030.00万元。",
    "四、主要变动说明",
    `本年支出合计较上年减少${change}万元，主要是会议费压减。`,
  ];

  test("correct: no error", () => {
    expect(rules(hubei("222.25", "20.88"))).toEqual([]);
    expect(rules(guangdong("50.00"))).toEqual([]);
  });

  test("a wrong change or rate is found against the amounts of the other paragraphs", () => {
    expect(rules(hubei("232.25", "20.88"))).toEqual(["narrative.change"]);
    expect(rules(hubei("222.25", "21.88"))).toEqual(["narrative.change"]);
    expect(rules(guangdong("40.00"))).toEqual(["narrative.change"]);
    const f = narrativeFindings(["某某县水利局2021年度部门决算情况说明", ...hubei("232.25", "20.88")]).find((x) => x.rule === "narrative.change")!;
    // Both sentences it rests on are named.
    expect(f.cells.map((c) => c.row).sort()).toEqual([2, 3, 5]);
  });

  test("when the text gives the amount twice with different values, the change is not checked against either", () => {
    const texts = [...hubei("232.25", "20.88"), "三、收入决算情况说明", "2021年度收入总计1,296.45万元。"];
    expect(rules(texts)).not.toContain("narrative.change");
  });
});

describe("itemised changes add up to the total's change (narrative.identity)", () => {
  const title = "某某县水利局2021年度部门决算情况说明";
  const found = (texts: string[]) => narrativeFindings([title, ...texts]).filter((f) => f.severity !== "info" && f.rule === "narrative.identity");
  // 四川-style: the parts' changes after "主要是", in the total's sentence.
  const mainly = (b: string, p: string) => ["三、支出决算情况说明", `2021年度本年支出合计1,216.45万元，比上年增加221.85万元，主要是基本支出增加${b}万元、项目支出增加${p}万元。`, "其中：基本支出716.45万元，项目支出500.00万元。"];
  // 广东-style: each part with its own change, in a later paragraph.
  const apart = (tot: string) => ["三、支出决算情况说明", `2021年度本年支出合计1,216.45万元，比上年增加${tot}万元。`, "基本支出716.45万元，比上年增加150.00万元；项目支出500.00万元，比上年减少8.00万元。"];
  // The fiscal scope has no optional parts: an error, not a presumption.
  const fiscal = (b: string) => ["四、财政拨款支出决算情况说明", `2021年度财政拨款支出1,100.00万元，比上年增加150.00万元。其中：基本支出650.00万元，项目支出450.00万元。财政拨款基本支出比上年增加${b}万元，财政拨款项目支出比上年增加50.00万元。`];

  test("correct: nothing", () => {
    expect(found(mainly("150.00", "71.85"))).toEqual([]);
    expect(found(apart("142.00"))).toEqual([]);
    expect(found(fiscal("100.00"))).toEqual([]);
  });

  test("parts that do not add up to the total's change are found, naming every sentence", () => {
    expect(found(mainly("150.00", "81.85")).map((f) => f.severity)).toEqual(["warning"]);
    const f = found(apart("152.00"));
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].message).toMatch(/合计增加 142\.00万元，相差 10\.00万元/);
    expect(f[0].cells.map((c) => c.row).sort()).toEqual([2, 3]);
  });

  test("without optional parts (财政拨款) the difference is an error", () => {
    const f = found(fiscal("110.00"));
    expect(f.map((x) => x.severity)).toEqual(["error"]);
  });

  test("one part's change not stated: nothing is checked", () => {
    expect(found(["三、支出决算情况说明", "2021年度本年支出合计1,216.45万元，比上年增加152.00万元，主要是基本支出增加150.00万元。", "其中：基本支出716.45万元，项目支出500.00万元。"])).toEqual([]);
  });
});

describe("the identity rules run once per check", () => {
  // narrative.unverified asks which figures the identities confirm (textVerified) before the
  // identity rules have had their turn; at their turn they must give the findings of that run,
  // not compute everything a second time.
  test("each rule's check runs once, and a planted contradiction is reported once", async () => {
    const doc = NARRATIVE_DOCS.find((d) => d.plants.some((p) => p.rule === "narrative.identity"))!;
    const plant = doc.plants.find((p) => p.rule === "narrative.identity")!;
    const wb = await read(`${doc.name}--${plant.id}`);
    const raw: Rule[] = [consistency, identity, change, share, localChange];
    const originals = raw.map((r) => r.check);
    const calls = raw.map(() => 0);
    const spies = raw.map((r, i) =>
      jest.spyOn(r, "check").mockImplementation((ctx) => {
        calls[i]++;
        return originals[i].call(r, ctx);
      }),
    );
    try {
      const r = checkWorkbook(wb);
      expect(calls).toEqual(raw.map(() => 1));
      const messages = r.findings.filter((f) => f.rule === plant.rule).map((f) => f.message);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(new Set(messages).size).toBe(messages.length);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});
