/** The outline of row labels (tables/outline.ts): a parent is never summed with its own children. */
import { childrenIn, outline, outlineMark, splitOutlineMark, topLevelOf } from "../../../src/core/tables/outline";

const rows = (...texts: string[]) => texts.map((text) => ({ text, indented: /^\s/.test(text) }));
const labels = (texts: string[], idx: number[]) => idx.map((i) => texts[i]);

describe("outlineMark", () => {
  test.each([
    ["一、本年收入", "cn"],
    ["十二、住房保障支出", "cn"],
    ["（一）一般公共预算拨款", "cnParen"],
    ["(三)国有资本经营预算拨款", "cnParen"],
    ["1.一般公共预算", "num"],
    ["2、政府性基金预算", "num"],
    ["３．国有资本经营预算", "num"],
    ["（1）办公费", "numParen"],
    ["①差旅费", "circled"],
    ["其中：公务用车购置费", "among"],
    ["收入总计", "none"],
    ["1.5万元以上", "none"],
  ])("%s → %s", (text, mark) => {
    expect(outlineMark(text)).toBe(mark);
  });
});

describe("splitOutlineMark", () => {
  test.each([
    ["一、产出指标", "cn", "产出指标"],
    ["二 、效益指标", "cn", "效益指标"],
    ["（一）数量指标", "cnParen", "数量指标"],
    ["( 二 )、质量指标", "cnParen", "质量指标"],
    ["1.培训人次", "num", "培训人次"],
    ["2、 鉴定人数", "num", "鉴定人数"],
    ["3)满意度", "num", "满意度"],
    ["３．国有资本经营预算", "num", "国有资本经营预算"],
    ["（12）办公费", "numParen", "办公费"],
    ["②差旅费", "circled", "差旅费"],
    ["其中：公务用车购置费", "among", "公务用车购置费"],
    ["1.5万元以上", "none", "1.5万元以上"],
    ["2080505 机关事业单位基本养老保险缴费支出", "none", "2080505 机关事业单位基本养老保险缴费支出"],
    ["社会效益指标", "none", "社会效益指标"],
  ])("%s → %s + %s", (text, mark, rest) => {
    expect(splitOutlineMark(text)).toEqual({ mark, rest });
  });

  test("the mark it finds is the one outlineMark() names", () => {
    for (const t of ["一、本年收入", "（一）一般公共预算拨款", "1.一般公共预算", "（1）办公费", "①差旅费", "其中：x", "收入总计"]) expect(splitOutlineMark(t).mark).toBe(outlineMark(t));
  });
});

describe("outline", () => {
  test("a total written above its parts: 一、本年收入 over （一）…, 二、上年结转 over its own （一）…", () => {
    const t = ["一、本年收入", "（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款", "二、上年结转", "（一）一般公共预算拨款", "（二）政府性基金预算拨款", "收入总计"];
    const n = outline(rows(...t));
    expect(labels(t, childrenIn(n, 0))).toEqual(t.slice(1, 4));
    expect(labels(t, childrenIn(n, 4))).toEqual(t.slice(5, 7));
    expect(childrenIn(n, 7)).toEqual([]);
    // 收入总计 sums the top level above it: 本年收入 and 上年结转, never their parts.
    expect(labels(t, topLevelOf(n, [0, 1, 2, 3, 4, 5, 6]))).toEqual(["一、本年收入", "二、上年结转"]);
  });

  test("three levels: the direct children only", () => {
    const t = ["一、本年收入", "（一）财政拨款收入", "1.一般公共预算拨款", "2.政府性基金预算拨款", "（二）事业收入", "（三）其他收入", "二、上年结转"];
    const n = outline(rows(...t));
    expect(labels(t, childrenIn(n, 0))).toEqual(["（一）财政拨款收入", "（二）事业收入", "（三）其他收入"]);
    expect(labels(t, childrenIn(n, 1))).toEqual(["1.一般公共预算拨款", "2.政府性基金预算拨款"]);
  });

  test("a level may be left out (一、 over 1.)", () => {
    const t = ["一、财政拨款收入", "1. 一般公共预算", "2. 政府性基金预算", "二、事业收入", "三、其他收入", "收入总计"];
    const n = outline(rows(...t));
    expect(labels(t, childrenIn(n, 0))).toEqual(["1. 一般公共预算", "2. 政府性基金预算"]);
    expect(labels(t, topLevelOf(n, [0, 1, 2, 3, 4]))).toEqual(["一、财政拨款收入", "二、事业收入", "三、其他收入"]);
  });

  test("其中 lines and their indented continuations are parts of the line above, never summed with it", () => {
    const t = ["一、财政拨款收入", "其中：一般公共预算财政拨款收入", "      政府性基金预算财政拨款收入", "二、上级补助收入", "三、其他收入", "本年收入合计"];
    const n = outline(rows(...t));
    expect(n[1].parent).toBe(0);
    expect(n[2].parent).toBe(0);
    expect(n[2].among).toBe(true);
    expect(childrenIn(n, 0)).toEqual([]);
    expect(childrenIn(n, 0, true)).toEqual([1, 2]);
    expect(labels(t, topLevelOf(n, [0, 1, 2, 3, 4]))).toEqual(["一、财政拨款收入", "二、上级补助收入", "三、其他收入"]);
  });

  test("an unnumbered total below numbered lines heads nothing; above them it heads them", () => {
    const below = ["一、一般公共预算财政拨款收入", "二、其他收入", "本年收入合计", "九、使用非财政拨款结余"];
    const nb = outline(rows(...below));
    expect(childrenIn(nb, 2)).toEqual([]);
    expect(nb[3].parent).toBe(-1);
    const above = ["合计", "一、XX局本级", "二、XX中心"];
    const na = outline(rows(...above));
    expect(childrenIn(na, 0)).toEqual([1, 2]);
  });

  test("an unnumbered layout is flat", () => {
    const t = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "本年收入合计", "年初财政拨款结转和结余", "一般公共预算财政拨款", "总计"];
    const n = outline(rows(...t));
    expect(n.every((x) => x.parent === -1)).toBe(true);
    expect(labels(t, topLevelOf(n, [0, 1]))).toEqual(t.slice(0, 2));
  });

  test("年初结转和结余 heads its numbered parts", () => {
    const t = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "本年收入合计", "年初财政拨款结转和结余", "（一）一般公共预算财政拨款", "（二）政府性基金预算财政拨款", "总计"];
    const n = outline(rows(...t));
    expect(labels(t, childrenIn(n, 3))).toEqual(t.slice(4, 6));
    expect(childrenIn(n, 2)).toEqual([]);
  });
});
