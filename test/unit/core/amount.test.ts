import { parseNumberText } from "../../../src/core/amount/parse";
import { readAmount, intervalOf, formatDecimals } from "../../../src/core/amount/amount";
import { Interval, sumIntervals } from "../../../src/core/amount/interval";
import { Decimal } from "../../../src/core/amount/decimal";
import { formatNumber } from "../../../src/core/amount/format";

function num(text: string) {
  const p = parseNumberText(text);
  if (p.kind !== "number") throw new Error(`${text} → ${p.kind}`);
  return { v: p.value.toString(), dp: p.decimals, pct: p.percent };
}

describe("parseNumberText", () => {
  test.each([
    ["1,442.80", "1442.8", 2],
    ["1, 442. 80", "1442.8", 2],
    ["１４４２.８", "1442.8", 1],
    ["１，４４２．８０", "1442.8", 2],
    ["(12.50)", "-12.5", 2],
    ["（12.50）", "-12.5", 2],
    ["-12.5", "-12.5", 1],
    ["−12.5", "-12.5", 1],
    ["+5", "5", 0],
    ["0.00", "0", 2],
    ["142", "142", 0],
    [" 2,684.31 ", "2684.31", 2],
    ["1.2E+03", "1200", 0],
  ])("%s → %s (%d dp)", (text, v, dp) => {
    expect(num(text)).toEqual({ v, dp, pct: false });
  });

  test("percent text", () => {
    expect(num("72.6%")).toEqual({ v: "72.6", dp: 1, pct: true });
    expect(num("100.00％")).toEqual({ v: "100", dp: 2, pct: true });
  });

  test.each(["", "-", "—", "——", "–", "－", "/", "无"])("%p is blank", (text) => {
    expect(parseNumberText(text).kind).toBe("blank");
  });

  test.each([
    ["abc", "不是数字"],
    ["12.3.4", "数字格式无法识别"],
    ["1442,80", "数字格式无法识别"],
    ["#REF!", "单元格为错误值 #REF!"],
    ["12万", "数字格式无法识别"],
  ])("%p is invalid (%s)", (text, reason) => {
    const p = parseNumberText(text);
    expect(p.kind).toBe("invalid");
    if (p.kind === "invalid") expect(p.reason).toBe(reason);
  });
});

describe("readAmount", () => {
  test("formatted number carries the displayed decimals", () => {
    const r = readAmount({ text: "1,442.80", value: 1442.8, numberFormat: "#,##0.00" });
    expect(r.ok && r.amount.decimals).toBe(2);
    expect(r.ok && r.amount.hidden).toBeUndefined();
  });
  test("typed integer text gets the table precision", () => {
    const r = readAmount({ text: "142", value: "142" }, 2);
    expect(r.ok && r.amount.decimals).toBe(2);
  });
  test("format hiding decimals keeps the stored value as hidden", () => {
    const r = readAmount({ text: "2,203.76", value: 2203.7563, numberFormat: "#,##0.00" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.amount.value.toString()).toBe("2203.76");
      expect(r.amount.hidden?.toString()).toBe("2203.7563");
    }
  });
  test("integer format over a decimal value gives a wide interval", () => {
    const r = readAmount({ text: "1,443", value: 1442.8, numberFormat: "#,##0" });
    expect(r.ok && intervalOf(r.amount).toString()).toBe("[1442.5, 1443.5]");
  });
  test("percent from a formatted fraction", () => {
    const r = readAmount({ text: "72.6%", value: 0.726, numberFormat: "0.0%" });
    expect(r.ok && r.amount.percent).toBe(true);
    expect(r.ok && r.amount.value.toString()).toBe("72.6");
    expect(r.ok && r.amount.hidden).toBeUndefined();
  });
  test("empty cell is a blank zero", () => {
    const r = readAmount(undefined);
    expect(r.ok && r.amount.blank).toBe(true);
  });
  test("error value is not an amount", () => {
    const r = readAmount({ text: "#REF!", value: null, error: "#REF!" });
    expect(r.ok).toBe(false);
  });
  test("garbled text is not an amount", () => {
    const r = readAmount({ text: "约12万", value: "约12万" });
    expect(r.ok).toBe(false);
  });
  test("formatDecimals", () => {
    expect(formatDecimals("#,##0.00")).toBe(2);
    expect(formatDecimals("#,##0_ ")).toBe(0);
    expect(formatDecimals("0.0%")).toBe(1);
    expect(formatDecimals("General")).toBeNull();
    expect(formatDecimals("@")).toBeNull();
    expect(formatDecimals('#,##0.00;[Red]-#,##0.00;"-"')).toBe(2);
  });
});

describe("Interval", () => {
  const d = (s: string | number) => new Decimal(s);
  test("n displayed terms may differ from their total by (n+1) half units", () => {
    const items = ["142.00", "73.11", "2469.19"].map((s) => Interval.around(d(s), d("0.005")));
    const total = Interval.around(d("2684.31"), d("0.005"));
    expect(sumIntervals(items).overlaps(total)).toBe(true); // 2684.30 vs .31: a tail
    const far = Interval.around(d("2684.33"), d("0.005"));
    expect(sumIntervals(items).overlaps(far)).toBe(false);
  });
  test("ratio interval accepts 28.63% for 0.89/3.11 (spec §5)", () => {
    const change = Interval.around(d("0.89"), d("0.005"));
    const base = Interval.around(d("3.11"), d("0.005"));
    const ratio = change.div(base)!.times(d(100));
    expect(ratio.overlaps(Interval.around(d("28.63"), d("0.005")))).toBe(true);
    expect(ratio.overlaps(Interval.around(d("29.50"), d("0.005")))).toBe(false);
  });
  test("division by an interval containing zero is unbounded", () => {
    expect(Interval.exact(d(1)).div(Interval.around(d(0), d("0.005")))).toBeNull();
  });
});

describe("formatNumber", () => {
  test.each([
    ["1442.8", "1,442.80"],
    ["142", "142.00"],
    ["-12.5", "-12.50"],
    ["1234567.891", "1,234,567.89"],
    ["-0.001", "0.00"],
  ])("%s → %s", (v, s) => expect(formatNumber(new Decimal(v))).toBe(s));
});

describe("scanPlainNumber (fast path) agrees with the general parser", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { scanPlainNumber, fixedToDecimal } = require("../../../src/core/amount/fixed");
  test.each(["1,442.80", "142", "0.00", "-12.5", "2203.7563", "1,234,567.891", "0", "-0.00", "12.", "1234567"])("%p", (t) => {
    const fast = scanPlainNumber(t);
    const slow = parseNumberText(t);
    expect(fast).not.toBeNull();
    expect(slow.kind).toBe("number");
    if (slow.kind === "number") {
      expect(fixedToDecimal(fast.fixed).eq(slow.value)).toBe(true);
      expect(fast.decimals).toBe(slow.decimals);
    }
  });
  test.each(["1,44.2", "1442,80", ",123", "1,234,56", "12a", "", "-", "(12)", "１２", "12%", " 12"])("%p is left to the general parser", (t) => {
    expect(scanPlainNumber(t)).toBeNull();
  });
});
