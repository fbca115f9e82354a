import { figuresIn, narrativeSheets, paragraphsOf } from "../../../src/core/narrative/text";
import { fixture } from "../../support/fixtures";

const show = (t: string) => figuresIn(t).map((f) => `${f.value.toString()}|${f.decimals}|${f.unit}${f.countWord ? ":" + f.countWord : ""}`);

describe("figuresIn", () => {
  test("amounts, shares and changes of a published sentence", () => {
    expect(show("2021年度收、支总计均为 2,695.72 万元。与上年度相比，收、支总计各增加 443.23 万元，增长 19.68%。")).toEqual([
      "2695.72|2|万元",
      "443.23|2|万元",
      "19.68|2|%",
    ]);
  });
  test("spaces inside numbers, full-width digits, counts", () => {
    expect(show("收入合计 1, 442. 80万元，占７５.０２％；共有车辆 2 辆，接待 150 人次")).toEqual(["1442.8|2|万元", "75.02|2|%", "2|0|count:辆", "150|0|count:人次"]);
  });
  test("years, dates, ordinals and codes are not figures", () => {
    expect(show("1. 截至 2022 年 12 月 31 日，2101501 行政运行 120万元")).toEqual(["120|0|万元"]);
    expect(show("卫生健康支出（210类）1,988.64万元")).toEqual(["1988.64|2|万元"]);
    expect(show("（三）2021年度三公经费 5.54万元")).toEqual(["5.54|2|万元"]);
  });
  test("percent of zero written as 0.%", () => {
    expect(show("经营收入 0 万元，占 0.%")).toEqual(["0|0|万元", "0|0|%"]);
  });
});

describe("narrative sheets", () => {
  test("the 情况说明 sheet of the anyang fixture is found and read as paragraphs", async () => {
    const wb = await fixture("anyang-2021-final.xlsx");
    const sheets = narrativeSheets(wb);
    expect(sheets.map((s) => s.name)).toEqual(["情况说明"]);
    const ps = paragraphsOf(sheets[0]);
    expect(ps.length).toBeGreaterThan(50);
    expect(ps[2].text).toContain("2,695.72");
    expect(ps[2].ref).toEqual({ sheet: "情况说明", row: 2, col: 0 });
  });
});
