/** Scoring functions on their own: indicator scores, rates, tolerances, grades, directions. */
import { Decimal } from "../../../src/core/amount/decimal";
import { Amount } from "../../../src/core/amount/amount";
import { parseNumberText } from "../../../src/core/amount/parse";
import { parseIndicatorValue as v } from "../../../src/core/perf/indicator";
import { expectedDirection } from "../../../src/core/perf/direction";
import { IndicatorScore, scoreIndicator } from "../../../src/core/scoring/indicator";
import { compareScore } from "../../../src/core/scoring/compare";
import { executionScoreHolds, executionScoreInterval, rateInterval, statedRateHolds, statedRateInterval } from "../../../src/core/scoring/execution";
import { rng } from "../../support/random";
import { NATIONAL_GRADES, SHANGHAI_GRADES, describeScheme, gradeOf, readGrade } from "../../../src/core/scoring/grade";

const names = (level2: string, name: string, level1 = "产出指标") => ({ level1Name: level1, level2Name: level2, name });
const D = (x: string | number) => new Decimal(x);
const amt = (text: string, minDecimals = 2): Amount => {
  const p = parseNumberText(text);
  if (p.kind !== "number") throw new Error(text);
  return Amount.of(p.value, Math.max(p.decimals, p.percent ? p.decimals : minDecimals), false, p.percent);
};
const computed = (s: IndicatorScore) => {
  if (s.kind !== "computed") throw new Error(`not computed: ${s.kind}`);
  return s;
};

describe("scoreIndicator", () => {
  test("正向: 10990 of 20000人次 for 8 points is 4.40", () => {
    const s = computed(scoreIndicator(names("数量指标", "鉴定人次"), v("20000人次"), v("10990人次"), D(8)));
    expect(s.value.toFixed(2)).toBe("4.40");
    expect(s.formula).toBe("10990÷20000×8＝4.40");
    expect(s.direction).toBe("higher");
  });
  test("反向: a cost over its target (38 ÷ 73.96 × 5 = 2.57), and under it (full)", () => {
    const s = computed(scoreIndicator(names("成本指标", "成本控制在预算内"), v("38万元"), v("73.96万元"), D(5)));
    expect(s.value.toFixed(2)).toBe("2.57");
    expect(s.direction).toBe("lower");
    expect(s.assumption).toContain("反向指标");
    expect(computed(scoreIndicator(names("成本指标", "鉴定总费用"), v("40万元"), v("29.04万元"), D(5))).value.toString()).toBe("5");
  });
  test("the comparator written decides the direction; 超过 100 % is capped", () => {
    const s = computed(scoreIndicator(names("质量指标", "合格率"), v("≥95%"), v("98%"), D(10)));
    expect(s.value.toString()).toBe("10");
    expect(s.formula).toContain("超过分值按10计");
    expect(computed(scoreIndicator(names("时效指标", "办理时限"), v("≤3个工作日"), v("6个工作日"), D(5))).value.toFixed(2)).toBe("2.50");
    expect(computed(scoreIndicator(names("质量指标", "违规率"), v("≤3%"), v("0%"), D(5))).value.toString()).toBe("5");
  });
  test("定值 and 区间", () => {
    expect(computed(scoreIndicator(names("成本指标", "软件采购成本"), v("=150万元"), v("142万元"), D(10))).value.toFixed(2)).toBe("9.47");
    expect(computed(scoreIndicator(names("质量指标", "达标率"), v("90%-100%"), v("95%"), D(10))).value.toString()).toBe("10");
    expect(computed(scoreIndicator(names("质量指标", "达标率"), v("90%-100%"), v("81%"), D(10))).value.toFixed(2)).toBe("9.00");
  });
  test("万 against 万元 compares; different units do not", () => {
    expect(computed(scoreIndicator(names("成本指标", "总投入"), v("<=30万"), v("29.4万元"), D(10))).value.toString()).toBe("10");
    expect(scoreIndicator(names("质量指标", "通过率"), v("85%"), v("81.9人"), D(8)).kind).toBe("unverifiable");
  });
  test("deadlines: met, late, recurring", () => {
    expect(scoreIndicator(names("时效指标", "完成时间"), v("12月底前"), v("2022年11月30日"), D(5), 2022).kind).toBe("full");
    expect(scoreIndicator(names("时效指标", "完成时间"), v("=10月份"), v("12月底"), D(5), 2022).kind).toBe("late");
    expect(scoreIndicator(names("时效指标", "发放时限"), v("每月10日前"), v("每月10日前"), D(5)).kind).toBe("full");
  });
  test("qualitative bands", () => {
    const met = scoreIndicator(names("社会效益指标", "知晓度", "效益指标"), v("不断提高"), v("不断提高"), D(15));
    expect(met).toMatchObject({ kind: "band", outcome: "met" });
    const part = scoreIndicator(names("社会效益指标", "知晓度", "效益指标"), v("有效提高"), v("部分达成"), D(15));
    expect(part.kind === "band" && [part.lo.toString(), part.hi.toString()]).toEqual(["9", "12"]);
    const un = scoreIndicator(names("社会效益指标", "知晓度", "效益指标"), v("有效提高"), v("未完成"), D(10));
    expect(un.kind === "band" && [un.lo.toString(), un.hi.toString()]).toEqual(["0", "6"]);
  });
});

describe("rates and tolerance", () => {
  test("72.6% for 29.04 ÷ 40 overlaps; 72.7% does not", () => {
    const iv = rateInterval(amt("29.04"), amt("40"))!;
    expect(statedRateInterval(amt("72.6%")).overlaps(iv)).toBe(true);
    expect(statedRateInterval(amt("72.7%")).overlaps(iv)).toBe(false);
    expect(rateInterval(amt("1"), amt("0"))).toBeNull();
  });
  test("the execution score interval is capped at 100 %", () => {
    const iv = executionScoreInterval(rateInterval(amt("73.96"), amt("38"))!, D(10));
    expect([iv.lo.toString(), iv.hi.toString()]).toEqual(["10", "10"]);
  });
  test("compareScore: exact rounding passes, ≤ 0.01 is a tail, more differs", () => {
    expect(compareScore(amt("7.71"), D("7.7082")).verdict).toBe("ok");
    expect(compareScore(amt("7.70"), D("7.7082")).verdict).toBe("tail");
    expect(compareScore(amt("8"), D("7.7082")).verdict).toBe("differs");
  });
});

describe("fixed-point screens agree with the interval arithmetic", () => {
  // Seeded (xorshift): figures of 0–8 decimals near each other, so that many cases sit on a rounding boundary.
  const rand = rng(20261207);
  const rnd = (n: number) => Math.floor(rand() * n);
  const fig = (units: number, dp: number, percent = false): Amount => amt((units / 10 ** dp).toFixed(dp) + (percent ? "%" : ""), dp);
  const nearby = (v: Decimal, dp: number, percent: boolean): Amount => amt(v.plus(D(rnd(5) - 2).times(D(10).pow(-dp))).toFixed(dp) + (percent ? "%" : ""), dp);
  const dpOf = () => (rnd(10) === 0 ? 7 + rnd(2) : rnd(4));
  const cases = () => {
    const dpE = dpOf();
    const dpB = dpOf();
    const exe = fig((rnd(5000) - 50) * 10 ** Math.max(0, dpE - 2) + rnd(10 ** Math.min(dpE, 2)), dpE);
    const bud = fig((rnd(5000) - 20) * 10 ** Math.max(0, dpB - 2) + rnd(10 ** Math.min(dpB, 2)), dpB);
    return { exe, bud };
  };
  const kinds = { percent: 0, fraction: 0, long: 0 };
  test("statedRateHolds(…) never passes a rate the interval test fails, and decides every covered case (6,000 cases)", () => {
    let decided = 0;
    for (let k = 0; k < 6000; k++) {
      const { exe, bud } = cases();
      const iv = rateInterval(exe, bud);
      const ratio = bud.value.isZero() ? D(0) : exe.value.div(bud.value);
      // As a percentage with 0–2 decimals (the usual "72.6%"), as a fraction with 3–4, or with 7–9 digits.
      const form = rnd(6);
      const asFraction = form === 0 || form === 1;
      const dp = form === 5 ? 7 + rnd(3) : asFraction ? 3 + rnd(2) : rnd(3);
      const stated = nearby(asFraction ? ratio : ratio.times(100), dp, !asFraction);
      if (dp > 6) kinds.long++;
      else if (asFraction) kinds.fraction++;
      else kinds.percent++;
      const exact = iv !== null && statedRateInterval(stated).overlaps(iv);
      const fast = statedRateHolds(stated, exe, bud);
      if (fast) decided++;
      expect({ k, fast: fast && !exact }).toEqual({ k, fast: false });
      const covered = [exe, bud].every((a) => a.decimals <= 6) && stated.decimals <= (asFraction ? 7 : 6) && iv && exe.value.gte(0) && iv.lo.gt(0);
      if (covered) expect({ k, fast }).toEqual({ k, fast: exact });
    }
    expect(decided).toBeGreaterThan(1000);
    expect(Math.min(kinds.percent, kinds.fraction, kinds.long)).toBeGreaterThan(500);
  });
  test("executionScoreHolds(…) never passes a score compareScore does not find ok, and decides every covered case (6,000 cases)", () => {
    let decided = 0;
    for (let k = 0; k < 6000; k++) {
      const { exe, bud } = cases();
      const pdp = rnd(5) === 0 ? rnd(3) + (rnd(4) === 0 ? 6 : 0) : 0;
      const points = fig((rnd(3) === 0 ? 20 : 10) * 10 ** pdp + (pdp ? rnd(10) : 0), pdp);
      const iv = rateInterval(exe, bud);
      const rate = bud.value.isZero() ? D(0) : Decimal.min(exe.value.div(bud.value), 1);
      const dp = rnd(8) === 0 ? 7 + rnd(2) : rnd(3);
      const score = nearby(points.value.times(rate), dp, false);
      const exact = iv !== null && compareScore(score, executionScoreInterval(iv, points.value)).verdict === "ok";
      const fast = executionScoreHolds(score, exe, bud, points);
      if (fast) decided++;
      expect({ k, fast: fast && !exact }).toEqual({ k, fast: false });
      const covered = [exe, bud, score].every((a) => a.decimals <= 6) && points.decimals <= 7 && iv && exe.value.gte(0) && iv.lo.gt(0);
      if (covered) expect({ k, fast }).toEqual({ k, fast: exact });
    }
    expect(decided).toBeGreaterThan(500);
  });
  test("figures past 7 decimals are left to the interval arithmetic (their fixed form is rounded)", () => {
    // 0.12345678 as a fraction is 12.345678 %, not the 12.35 % of 12.345680 ÷ 100.
    expect(statedRateHolds(amt("0.12345678", 8), amt("12.345680", 6), amt("100.000000", 6))).toBe(false);
    expect(statedRateInterval(amt("0.12345678", 8)).overlaps(rateInterval(amt("12.345680", 6), amt("100.000000", 6))!)).toBe(false);
    // 分值 10.00000054: a score of 10.000000 is a tail, not exactly right.
    const points = amt("10.00000054", 8);
    expect(executionScoreHolds(amt("10.000000", 6), amt("100.00"), amt("50.00"), points)).toBe(false);
    expect(compareScore(amt("10.000000", 6), executionScoreInterval(rateInterval(amt("100.00"), amt("50.00"))!, points.value)).verdict).toBe("tail");
  });
});

describe("grades", () => {
  test("national boundaries", () => {
    expect(["95.05", "90", "89.99", "80", "79.99", "60", "59.99"].map((x) => gradeOf(D(x)).name)).toEqual(["优", "优", "良", "良", "中", "中", "差"]);
    expect(describeScheme(NATIONAL_GRADES)).toBe("优 ≥ 90，良 80–90，中 60–80，差 < 60");
  });
  test("names written by clerks, and the Shanghai names", () => {
    expect(readGrade("“优”")!.name).toBe("优");
    expect(readGrade("优秀")!.name).toBe("优");
    expect(readGrade("良好")!.name).toBe("良");
    expect(readGrade("好")).toBeUndefined();
    expect(gradeOf(D(70), SHANGHAI_GRADES).name).toBe("合格");
    expect(readGrade("不合格", SHANGHAI_GRADES)!.name).toBe("不合格");
  });
});

describe("expected directions", () => {
  test.each([
    ["数量指标", "享受待遇人数", "≤550人", "higher"],
    ["质量指标", "医保政策落实率", "≤100%", "higher"],
    ["服务对象满意度指标", "服务对象满意度", "≥95%", "higher"],
    ["质量指标", "医疗机构违规率", "≤3%", "lower"],
    ["成本指标", "医疗费用总额", "=3000万元", "lower"],
    ["时效指标", "市内报销时间", "≤1天", "lower"],
    ["经济效益指标", "减轻家庭医疗负担", "≤3000万元", "higher"],
    ["经济效益指标", "年度追回医保基金", ">=100万", "higher"],
    ["成本指标", "软件占资比例", ">=90%", undefined],
    ["成本指标", "成本控制率", "95%", undefined],
    // Work with a negative subject: the limit, the unit cost, the rate and the satisfaction keep their own direction.
    ["时效指标", "隐患整改期限", "≤30天", "lower"],
    ["成本指标", "单台设备检查成本", "≤200元", "lower"],
    ["数量指标", "受理投诉举报件数", "≥1200件", "higher"],
    ["质量指标", "投诉按时办结率", "≥98%", "higher"],
    ["服务对象满意度指标", "投诉人满意度", "≥90%", "higher"],
    ["质量指标", "不合格率", "≤2%", "lower"],
    ["社会效益指标", "重大事故发生率", "≤1%", "lower"],
    // Money under 效益指标 is a benefit, never a cost ceiling; recovering wages is work done.
    ["经济效益指标", "带动社会投资金额", "≥500万元", undefined],
    ["社会效益指标", "为劳动者追讨欠薪金额", "≥200万元", "higher"],
  ])("%s %s %s", (l2, name, value, dir) => {
    const l1 = l2 === "成本指标" ? "成本指标" : /效益/.test(l2) ? "效益指标" : "产出指标";
    expect(expectedDirection(names(l2, name, l1), v(value))?.direction).toBe(dir);
  });
});
