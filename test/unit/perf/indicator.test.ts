/**
 * The indicator-value parser: every form the issue lists, and real values taken
 * from the fixtures (baotou-2022-project-selfeval, anyang-2021-targets,
 * anyang-2021-final), each with the structure it must read as.
 */
import { IndicatorValue, baseValue, deadlineOrdinal, moneyInYuan, parseIndicatorValue, qualitativeOutcome } from "../../../src/core/perf/indicator";
import { recognize } from "../../../src/core/recognize/recognize";
import "../../../src/core/families";
import { PerfTable } from "../../../src/core/tables/perf/model";
import { fixture } from "../../support/fixtures";

/** A compact, complete description of what was read. */
function brief(v: IndicatorValue): string {
  switch (v.kind) {
    case "quantity": {
      const mult = v.multiplier && !v.multiplier.eq(1) ? `×${v.multiplier.toString()}` : "";
      return `Q ${v.comparator ?? "·"} ${v.number!.value.toFixed(v.number!.decimals)}${mult} ${v.unit ?? "∅"}${v.relative ? " " + v.relative : ""}${v.note ? " +" + v.note : ""}`;
    }
    case "range":
      return `R ${v.number!.value.toString()}..${v.upper!.value.toString()} ${v.unit ?? "∅"}`;
    case "deadline": {
      const d = v.deadline!;
      const parts = [d.recurring, d.periodMonth && `第${d.periodMonth}月`, d.year && `${d.year}年`, d.month && `${d.month}月`, d.day && `${d.day}日`, d.endOfMonth && "月底", d.endOfYear && "年底", d.bound, d.note && "+" + d.note].filter(Boolean);
      return `D ${v.comparator ?? "·"} ${parts.join(" ")}`;
    }
    case "qualitative":
      return `T ${v.phrase}`;
    default:
      return `! ${v.problem!.code}`;
  }
}

const parse = (s: string | number) => brief(parseIndicatorValue(s));

/** Real values from the three fixtures, as written in the cells. */
const REAL: [string | number, string][] = [
  // baotou-2022-project-selfeval.xlsx (年度指标值 / 实际完成值)
  ["20000人次", "Q · 20000 人次"],
  ["10990人次", "Q · 10990 人次"],
  ["14000人次", "Q · 14000 人次"],
  ["9001人次", "Q · 9001 人次"],
  ["85%", "Q · 85 %"],
  ["81.9%", "Q · 81.9 %"],
  ["100万元", "Q · 100×10000 元"],
  ["255万元", "Q · 255×10000 元"],
  ["1个工作日", "Q · 1 个工作日"],
  ["20个工作日", "Q · 20 个工作日"],
  ["20元", "Q · 20 元"],
  ["40万元", "Q · 40×10000 元"],
  ["29.04万元", "Q · 29.04×10000 元"],
  ["持续保障", "T 持续保障"],
  ["持续节约", "T 持续节约"],
  ["96%", "Q · 96 %"],
  ["92%", "Q · 92 %"],
  ["6 万册", "Q · 6×10000 册"],
  ["100%", "Q · 100 %"],
  ["12月底前", "D <= 12月 月底 before"],
  ["95%", "Q · 95 %"],
  ["10万元", "Q · 10×10000 元"],
  ["不断提高", "T 不断提高"],
  [20, "Q · 20 ∅"],
  [19, "Q · 19 ∅"],
  ["每月10日前", "D <= 每月 10日 before"],
  ["每月22日前", "D <= 每月 22日 before"],
  ["38万元", "Q · 38×10000 元"],
  ["73.96万元", "Q · 73.96×10000 元"],
  ["全年", "T 全年"],
  ["90%", "Q · 90 %"],
  ["2次", "Q · 2 次"],
  ["有所提高", "T 有所提高"],
  ["2022年12月前", "D <= 2022年 12月 before"],
  ["234万元", "Q · 234×10000 元"],
  ["193.8万元", "Q · 193.8×10000 元"],
  ["70%", "Q · 70 %"],
  ["80%", "Q · 80 %"],
  ["10 项", "Q · 10 项"],
  ["1 个", "Q · 1 个"],
  ["2022年12月31日前", "D <= 2022年 12月 31日 before"],
  ["84.24万元", "Q · 84.24×10000 元"],
  ["强化", "T 强化"],
  ["完善", "T 完善"],
  // anyang-2021-targets.xlsx (指标值)
  [90, "Q · 90 ∅"],
  [10, "Q · 10 ∅"],
  [80, "Q · 80 ∅"],
  ["≤550人", "Q <= 550 人"],
  ["≤11家", "Q <= 11 家"],
  ["≤365天", "Q <= 365 天"],
  ["≤100%", "Q <= 100 %"],
  ["<10%", "Q < 10 %"],
  ["≤1天", "Q <= 1 天"],
  ["≤60天", "Q <= 60 天"],
  ["=3000万元", "Q = 3000×10000 元"],
  ["≤3000万元", "Q <= 3000×10000 元"],
  ["持续提高", "T 持续提高"],
  ["≥95%", "Q >= 95 %"],
  ["≥377万人", "Q >= 377×10000 人"],
  ["全年开展", "T 全年开展"],
  ["≥35家", "Q >= 35 家"],
  ["≤3%", "Q <= 3 %"],
  ["≤6671.3万元", "Q <= 6671.3×10000 元"],
  ["≤5%", "Q <= 5 %"],
  ["得到保障", "T 得到保障"],
  ["大幅降低", "T 大幅降低"],
  ["得到提升", "T 得到提升"],
  ["=1套", "Q = 1 套"],
  [">=3次", "Q >= 3 次"],
  ["有效提高", "T 有效提高"],
  [">=10%", "Q >= 10 %"],
  [">=5%", "Q >= 5 %"],
  [">=95%", "Q >= 95 %"],
  ["=10月份", "D = 10月 at"],
  [">=90%", "Q >= 90 %"],
  ["=150万元", "Q = 150×10000 元"],
  ["有一定降低", "T 有一定降低"],
  ["得到提高", "T 得到提高"],
  ["=100%", "Q = 100 %"],
  // anyang-2021-final.xlsx (指标(目标)值 / 实际完成值)
  [">=30家", "Q >= 30 家"],
  [">=100%", "Q >= 100 %"],
  [">=60家", "Q >= 60 家"],
  [">=10家", "Q >= 10 家"],
  [">=60%", "Q >= 60 %"],
  [">=80%", "Q >= 80 %"],
  ["<=100万", "Q <= 100×10000 ∅"],
  ["0.0", "Q · 0.0 ∅"],
  [100, "Q · 100 ∅"],
  [104, "Q · 104 ∅"],
  [156, "Q · 156 ∅"],
  ["规定时限内", "T 规定时限内"],
  ["<=30万", "Q <= 30×10000 ∅"],
  ["<1.5万", "Q < 1.5×10000 ∅"],
  [">=100万", "Q >= 100×10000 ∅"],
  ["明显遏制", "T 明显遏制"],
  ["选择典型案例进行公开曝光", "T 选择典型案例进行公开曝光"],
  [">=9条", "Q >= 9 条"],
  ["逐步完善", "T 逐步完善"],
  ["每季度第一", "! unparseable"],
  ["个月10日内", "! unparseable"],
  ["每季度第一个月15日内", "D <= 每季度 第1月 15日 within"],
  ["每月10日内上报上月报", "D <= 每月 10日 within +上报上月报"],
  ["<=90万", "Q <= 90×10000 ∅"],
  ["不低于800万", "Q >= 800×10000 ∅"],
  ["不低于500万", "Q >= 500×10000 ∅"],
  ["明显降低", "T 明显降低"],
  ["100.0", "Q · 100.0 ∅"],
  ["69.3", "Q · 69.3 ∅"],
  ["94.7", "Q · 94.7 ∅"],
];

describe("real values from the fixtures", () => {
  test("at least 60 real values", () => {
    expect(new Set(REAL.map((r) => String(r[0]))).size).toBeGreaterThanOrEqual(60);
  });
  test.each(REAL)("%s", (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  test("every value written in the fixtures' indicator blocks is covered by the list above", async () => {
    const listed = new Set(REAL.map((r) => String(r[0])));
    const missing: string[] = [];
    for (const f of ["baotou-2022-project-selfeval.xlsx", "anyang-2021-targets.xlsx", "anyang-2021-final.xlsx"]) {
      for (const t of recognize(await fixture(f)).tables) {
        if (t.family !== "perf") continue;
        for (const i of (t as PerfTable).indicators!.indicators)
          for (const v of [i.target, i.actual]) if (v && v.text && !listed.has(v.text)) missing.push(v.text);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe("every form the issue lists", () => {
  test.each([
    // comparators
    ["≥95%", "Q >= 95 %"],
    ["≤1天", "Q <= 1 天"],
    ["=1套", "Q = 1 套"],
    [">80%", "Q > 80 %"],
    ["<5%", "Q < 5 %"],
    ["≧90%", "Q >= 90 %"],
    ["≦3天", "Q <= 3 天"],
    [">=3次", "Q >= 3 次"],
    ["<=12.40万元", "Q <= 12.40×10000 元"],
    ["＞＝98％", "Q >= 98 %"],
    ["不低于95%", "Q >= 95 %"],
    ["不少于50人", "Q >= 50 人"],
    ["不高于3%", "Q <= 3 %"],
    ["不超过10万元", "Q <= 10×10000 元"],
    ["10%以内", "Q <= 10 %"],
    ["5项以上", "Q >= 5 项"],
    ["30分钟以内", "Q <= 30 分钟"],
    // numbers: 万, %, 个百分点, decimals, thousands separators, full-width digits
    ["1.5万人次", "Q · 1.5×10000 人次"],
    ["3,000人", "Q · 3000 人"],
    ["１２０户", "Q · 120 户"],
    ["提高2个百分点", "Q >= 2 个百分点 increase"],
    ["较上年提高2个百分点", "Q >= 2 个百分点 increase"],
    ["下降5%", "Q >= 5 % decrease"],
    ["≥1亿元", "Q >= 1×100000000 元"],
    // units
    ["12次", "Q · 12 次"],
    ["3册", "Q · 3 册"],
    ["15天", "Q · 15 天"],
    ["2个工作日", "Q · 2 个工作日"],
    ["6个月", "Q · 6 个月"],
    ["24小时", "Q · 24 小时"],
    ["30分钟", "Q · 30 分钟"],
    ["2辆", "Q · 2 辆"],
    ["8条", "Q · 8 条"],
    ["4套", "Q · 4 套"],
    ["1台（套）", "Q · 1 台套"],
    ["≥2家", "Q >= 2 家"],
    ["≥1.5万元/人/年", "Q >= 1.5 万元/人/年"],
    ["100%完成", "Q · 100 % +完成"],
    // ranges
    ["90%-100%", "R 90..100 %"],
    ["3~5次", "R 3..5 次"],
    // dates and deadlines
    ["12月底前", "D <= 12月 月底 before"],
    ["2022年12月31日前", "D <= 2022年 12月 31日 before"],
    ["每月10日前", "D <= 每月 10日 before"],
    ["每季度第一个月15日内", "D <= 每季度 第1月 15日 within"],
    ["不晚于2022年11月30日", "D <= 2022年 11月 30日 before"],
    ["2023年6月30日之前", "D <= 2023年 6月 30日 before"],
    ["年底前", "D <= 年底 before"],
    ["2022年底", "D · 2022年 年底 at"],
    ["6月30日", "D · 6月 30日 at"],
    // qualitative phrases
    ["有效提高", "T 有效提高"],
    ["明显遏制", "T 明显遏制"],
    ["持续保障", "T 持续保障"],
    ["按时完成", "T 按时完成"],
    ["普遍知晓", "T 普遍知晓"],
    ["达到预期", "T 达到预期"],
    ["不超过预算", "T 不超过预算"],
    ["是", "T 是"],
    // problems
    ["", "! empty"],
    ["—", "! empty"],
    ["/", "! empty"],
    ["%", "! bare-unit"],
    ["≥%", "! bare-unit"],
    ["万元", "! bare-unit"],
    ["人次", "! bare-unit"],
    ["≥", "! bare-unit"],
    ["12abc", "! unparseable"],
    ["详见附件", "! unparseable"],
    ["10个左右的", "! unparseable"],
  ])("%s", (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  test("null, undefined and numbers never throw", () => {
    expect(parse(null as unknown as string)).toBe("! empty");
    expect(parse(undefined as unknown as string)).toBe("! empty");
    expect(parse(0.5)).toBe("Q · 0.5 ∅");
  });
});

describe("helpers", () => {
  test("base values apply the multiplier; money is read in 元", () => {
    expect(baseValue(parseIndicatorValue("6 万册"))!.toString()).toBe("60000");
    expect(moneyInYuan(parseIndicatorValue("≤12.40万元"), false)!.toString()).toBe("124000");
    expect(moneyInYuan(parseIndicatorValue("<=30万"), true)!.toString()).toBe("300000");
    expect(moneyInYuan(parseIndicatorValue("<=30万"), false)).toBeUndefined();
    expect(moneyInYuan(parseIndicatorValue("30人"), true)).toBeUndefined();
  });
  test("deadline ordinals compare dates", () => {
    const a = deadlineOrdinal(parseIndicatorValue("2022年12月31日前").deadline!);
    const b = deadlineOrdinal(parseIndicatorValue("12月底前").deadline!, 2022);
    expect(a).toBe(b);
    expect(deadlineOrdinal(parseIndicatorValue("每月10日前").deadline!)).toBeUndefined();
  });
  test("qualitative outcomes", () => {
    expect(qualitativeOutcome("部分达成")).toBe("partial");
    expect(qualitativeOutcome("未完成")).toBe("unmet");
    expect(qualitativeOutcome("已完成")).toBe("met");
    expect(qualitativeOutcome("有所提高")).toBe("unknown");
  });
});
