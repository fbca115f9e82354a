/**
 * Figures of a wider entity than the department (narrative/entity.ts): "全区…",
 * "区本级…", "全市水利系统…" are neither held against the department's own
 * figures in the text nor checked against its tables, and the report says why.
 * A region word that names what the money was for ("用于全区河道清淤") leaves the
 * figure the department's.
 */
import { checkWorkbook } from "../../../src/core/check";
import { otherEntity } from "../../../src/core/narrative/entity";
import { readXlsxFile } from "../../../src/host/xlsx/node";
import { HUBEI_FINAL, NARRATIVE_DOCS, docWorkbook, planted } from "../../support/narrativeDocs";
import * as path from "path";

const EXAMPLE_FINAL = path.join(__dirname, "..", "..", "..", "examples", "anyang-2021-final.xlsx");

const at = (text: string, figure: string) => otherEntity(text, text.indexOf(figure));

describe("otherEntity", () => {
  test.each([
    ["2021年全区一般公共预算支出52.36亿元，比上年增长8.20%，其中基本支出18.40亿元。", "18.40", "全区"],
    ["区本级一般公共预算财政拨款支出12,500.00万元。", "12,500", "区本级"],
    ["全市水利系统2021年度收入总计8,600.00万元。", "8,600", "全市水利系统"],
    ["其中：全县“三公”经费支出决算1,230.50万元。", "1,230", "全县"],
    ["2022年度全省教育行业项目支出3.2亿元。", "3.2", "全省教育行业"],
  ])("%s → %s", (text, fig, who) => {
    expect(at(text, fig)).toBe(who);
  });

  test.each([
    ["主要用于全区河道清淤，支出500.00万元。", "500"],
    ["全区经济增长8%，本部门支出总计1,286.45万元。", "1,286"],
    ["全局收入总计1,286.45万元。", "1,286"],
    ["2021年全区一般公共预算支出52.36亿元。基本支出650.00万元。", "650"],
    ["2021年度收入总计1,286.45万元，支出总计1,286.45万元。", "1,286"],
  ])("the department's own: %s", (text, fig) => {
    expect(at(text, fig)).toBeUndefined();
  });
});

/** Sentences about the whole region, written as a district's department would. */
const regionParagraphs = (year: string) => [
  "2021年全区一般公共预算支出52.36亿元，比上年增长8.20%，其中基本支出18.40亿元。",
  "区本级一般公共预算财政拨款支出12,500.00万元，全区“三公”经费支出决算1,230.50万元。",
  "全市水利系统2021年度收入总计8,600.00万元，支出总计8,420.00万元，全市公务用车保有量360辆。",
].map((p) => p.replace(/2021/g, year));

/** The paragraphs with the region's sentences after the third, in the document's year. */
const withRegion = (paragraphs: string[]) => {
  const out = [...paragraphs];
  const year = /20\d{2}/.exec(paragraphs.slice(0, 3).join(""))?.[0] ?? "2021";
  out.splice(3, 0, ...regionParagraphs(year));
  return out;
};

describe("a narrative that quotes the region's figures", () => {
  test.each(NARRATIVE_DOCS.map((d) => [d.name, d] as const))("%s: still no error or warning, and the region's figures are listed with the reason", (_n, doc) => {
    const r = checkWorkbook(docWorkbook(doc, withRegion(doc.paragraphs)));
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
    const why = r.findings.filter((f) => f.rule === "narrative.unverified" && /不是本部门/.test(f.message));
    expect(why.map((f) => f.message.match(/“(全区|区本级|全市水利系统|全市)”/g)?.join("")).join("")).toMatch(/全区.*区本级.*全市水利系统/s);
  });

  test.each(HUBEI_FINAL.plants.map((p) => [p.id, p] as const))("湖北 plant %s is still found beside them", (_id, plant) => {
    const r = checkWorkbook(docWorkbook(HUBEI_FINAL, withRegion(planted(HUBEI_FINAL, plant))));
    expect(r.findings.some((f) => f.rule === plant.rule && f.severity === plant.severity)).toBe(true);
  });

  test("the bundled example with a 全市 sentence: no new error or warning, the sentence listed as the city's", async () => {
    const wb = await readXlsxFile(EXAMPLE_FINAL);
    const key = (f: { rule: string; message: string }) => `${f.rule} ${f.message}`;
    const before = new Set(checkWorkbook(wb).findings.filter((f) => f.severity !== "info").map(key));
    const sheet = wb.sheets.find((s) => s.name === "情况说明")!;
    const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
    const cell = [...sheet.rows.get(rows[6])!.values()][0];
    const text = `2021年全市一般公共预算支出526.36亿元，比上年增长8.20%，其中基本支出118.40亿元。${cell.text}`;
    Object.assign(cell, { text, value: text });
    const r = checkWorkbook(wb);
    expect(r.findings.filter((f) => f.severity !== "info").map(key).filter((k) => !before.has(k))).toEqual([]);
    expect(r.findings.some((f) => f.rule === "narrative.unverified" && /“全市”/.test(f.message) && /526\.36亿元/.test(f.message))).toBe(true);
  });
});
