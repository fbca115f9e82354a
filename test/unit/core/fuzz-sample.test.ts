/**
 * A seeded sample of the fuzz cases `npm run fuzz` runs by the ten thousand
 * (test/support/fuzzCases.ts): random grids, damaged workbooks and garbled
 * narratives through recognize, checkWorkbook, the reports and the narrative
 * draft — nothing throws, findings are well formed, causes hold together, the
 * input is left as it was.
 */
import { SheetSnapshot, emptySheet, setCell } from "../../../src/core/grid/snapshot";
import { FuzzBase, fuzzBases, insideSheet, makeFuzzCase, runFuzzCase, serializeWorkbook, vocabulary } from "../../support/fuzzCases";

let bases: FuzzBase[];
let words: string[];

beforeAll(async () => {
  bases = await fuzzBases();
  words = vocabulary(bases);
}, 60000);

test("the same seed gives the same case", () => {
  const a = makeFuzzCase(4242, bases, words);
  const b = makeFuzzCase(4242, bases, words);
  expect(a.label).toBe(b.label);
  expect(serializeWorkbook(a.workbook)).toBe(serializeWorkbook(b.workbook));
  expect(serializeWorkbook(makeFuzzCase(4243, bases, words).workbook)).not.toBe(serializeWorkbook(a.workbook));
});

test("cases leave their base workbooks untouched", () => {
  const before = bases.map((b) => serializeWorkbook(b.workbook));
  for (let s = 1; s <= 30; s++) makeFuzzCase(s, bases, words);
  expect(bases.map((b) => serializeWorkbook(b.workbook))).toEqual(before);
});

test("150 seeded cases: no crash, well-formed findings and causes, input unchanged", () => {
  const kinds = new Map<string, number>();
  for (let seed = 90001; seed < 90151; seed++) {
    const c = makeFuzzCase(seed, bases, words);
    kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    runFuzzCase(c); // throws a FuzzFailure naming the step, the seed and the broken invariant
  }
  // Every kind of case is represented in the sample.
  expect([...kinds.keys()].sort()).toEqual(["grid", "mutated", "narrative"]);
}, 120000);

test("seed 929: the case that found a title-less 公开07表 named row −1 (tables/base.ts)", () => {
  runFuzzCase(makeFuzzCase(929, bases, words));
});

test("insideSheet: Excel's grid, the used range and its margin, a truncated sheet's first unread row", () => {
  const s: SheetSnapshot = emptySheet("x");
  setCell(s, 10, 2, { text: "a", value: "a" });
  expect(insideSheet(s, s.bounds, 10, 2)).toBe(true);
  expect(insideSheet(s, s.bounds, -1, 2)).toBe(false);
  expect(insideSheet(s, s.bounds, 10, 2.5)).toBe(false);
  expect(insideSheet(s, s.bounds, 40, 2)).toBe(false);
  expect(insideSheet({ ...s, truncated: { atRow: 40, reason: "" } }, s.bounds, 40, 0)).toBe(true);
});
