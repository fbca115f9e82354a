/**
 * lastEndBefore: where the clause or sentence of a figure starts, the search the
 * linker, the counts, the identities and the figures rules share.
 */
import { CLAUSE_END, SENTENCE_END, clauseBefore, lastEndBefore, sentenceBefore } from "../../../src/core/narrative/text";

test("the last clause or sentence end at or before an index, within a lower bound", () => {
  const t = "收入合计100万元，其中：财政拨款80万元；其他收入20万元。支出合计100万元";
  const at = (s: string) => t.indexOf(s);
  expect(lastEndBefore(t, at("80万元") - 1, 0, CLAUSE_END)).toBe(at("：财政"));
  expect(lastEndBefore(t, at("80万元") - 1, 0, SENTENCE_END)).toBe(-1);
  expect(lastEndBefore(t, at("支出合计") - 1, 0, SENTENCE_END)).toBe(at("。支出"));
  expect(lastEndBefore(t, at("20万元") - 1, 0, SENTENCE_END)).toBe(at("；其他"));
  // Nothing at or after the lower bound: lower - 1.
  expect(lastEndBefore(t, at("财政拨款") + 3, at("财政拨款"), CLAUSE_END)).toBe(at("财政拨款") - 1);
  // Half-width marks count as the full-width ones do.
  expect(lastEndBefore("a,b;c:d", 6, 0, CLAUSE_END)).toBe(5);
  expect(lastEndBefore("a,b;c:d", 6, 0, SENTENCE_END)).toBe(3);
  expect(lastEndBefore("", -1, 0, CLAUSE_END)).toBe(-1);
});

test("the normalised words of a figure's clause and sentence before it", () => {
  const t = "收入合计 100万元，其中：财政拨款（本级） 80万元；其他收入20万元";
  const at = (s: string) => t.indexOf(s);
  expect(clauseBefore(t, at("80万元"))).toBe("财政拨款(本级)");
  expect(clauseBefore(t, at("20万元"))).toBe("其他收入");
  // From the previous figure's end when that is later than the last mark.
  expect(clauseBefore(t, at("80万元"), at("（本级）"))).toBe("(本级)");
  expect(sentenceBefore(t, at("80万元"))).toBe("收入合计100万元,其中:财政拨款(本级)");
  expect(sentenceBefore(t, at("20万元"))).toBe("其他收入");
  expect(clauseBefore(t, 0)).toBe("");
});
