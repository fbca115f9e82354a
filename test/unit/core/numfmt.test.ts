import { formatGeneral, formatNumberWithFormat } from "../../../src/core/grid/numfmt";

describe("formatNumberWithFormat", () => {
  test.each([
    [1442.8, "#,##0.00", "1,442.80"],
    [142, "#,##0.00", "142.00"],
    [0, "#,##0.00", "0.00"],
    [1.005, "0.00", "1.01"],
    [2.675, "0.00", "2.68"],
    [999.995, "#,##0.00", "1,000.00"],
    [-12.5, "#,##0.00", "-12.50"],
    [-12.5, "#,##0.00;(#,##0.00)", "(12.50)"],
    [0, '#,##0.00;-#,##0.00;"-"', "-"],
    [2203.7563, "#,##0.0000", "2,203.7563"],
    [2203.7563, "#,##0.00", "2,203.76"],
    [1234567, "#,##0_ ", "1,234,567"],
    [0.726, "0.0%", "72.6%"],
    [0.1, "0%", "10%"],
    [69.3, "0.0", "69.3"],
    [1234567, "#,##0,", "1,235"],
    [0.5, "#.##", ".5"],
    [12, '0"人"', "12人"],
  ])("%p with %p → %p", (v, f, out) => {
    expect(formatNumberWithFormat(v, f)).toBe(out);
  });

  test("General", () => {
    expect(formatGeneral(1442.8)).toBe("1442.8");
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(100)).toBe("100");
    expect(formatNumberWithFormat(11031.9805, "General")).toBe("11031.9805");
  });

  test("date formats", () => {
    expect(formatNumberWithFormat(44561, "yyyy-mm-dd")).toBe("2021-12-31");
    expect(formatNumberWithFormat(44561, 'yyyy"年"m"月"d"日"')).toBe("2021年12月31日");
  });
});
