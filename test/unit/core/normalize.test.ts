/**
 * norm() is written for speed (no new string when nothing changes); it must give
 * exactly what the straightforward character-by-character version gives.
 */
import { norm } from "../../../src/core/recognize/normalize";
import { rng } from "../../support/random";

/** The reference: the original, one character at a time. */
function normReference(text: string): string {
  let s = "";
  for (const ch of text ?? "") {
    const code = ch.codePointAt(0)!;
    if (/\s/.test(ch) || ch === "\u3000" || ch === "\u00a0" || ch === "\u200b") continue;
    if (code >= 0xff01 && code <= 0xff5e && ch !== "（" && ch !== "）" && ch !== "：") {
      s += String.fromCharCode(code - 0xfee0);
      continue;
    }
    if (ch === "（" || ch === "〔" || ch === "【" || ch === "[") s += "(";
    else if (ch === "）" || ch === "〕" || ch === "】" || ch === "]") s += ")";
    else if (ch === "：") s += ":";
    else s += ch;
  }
  return s.replace(/[“”"'‘’「」『』〝〞＂]/g, "");
}

test("norm() equals the character-by-character reference on every BMP character", () => {
  const differ: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const t = `a${String.fromCharCode(code)}b`;
    if (norm(t) !== normReference(t)) differ.push(code);
  }
  expect(differ).toEqual([]);
});

test("norm() equals the reference on random mixtures, surrogate pairs included", () => {
  const alphabet = [..."收入 支出（一）【二】〔三〕[四]：:“引号”\"'‘’「」『』〝〞＂＇ＡＢ１２３\u3000\u00a0\u200b\u2003\ufeff\t\n一、1.％－—…𠀀😀abcXYZ09"];
  const rand = rng(7);
  for (let i = 0; i < 5000; i++) {
    let t = "";
    const n = Math.floor(rand() * 24);
    for (let k = 0; k < n; k++) t += alphabet[Math.floor(rand() * alphabet.length)];
    expect(norm(t)).toBe(normReference(t));
  }
  expect(norm("")).toBe("");
  expect(norm(undefined as unknown as string)).toBe("");
  const plain = "一般公共预算财政拨款收入";
  expect(norm(plain)).toBe(plain);
});

describe("normSlice", () => {
  test("equals norm() of the slice, for every prefix and many slices of texts with spaces, brackets, full-width letters and quotes", () => {
    const { normSlice } = jest.requireActual("../../../src/core/recognize/normalize") as typeof import("../../../src/core/recognize/normalize");
    const texts = [
      "2021 年度“三公”经费财政拨款支出（决算）7.50 万元，ＡＢＣ１２３：其中： 公务接待费 2.30 万元。",
      "一、 收入支出决算总体情况\u3000说明(单位:万元)",
      "𠮷野家 2,684.31 万元",
      "",
    ];
    for (const t of texts) for (let k = 0; k <= t.length + 1; k++) expect(normSlice(t, 0, k)).toBe(norm(t.slice(0, k)));
    for (const t of texts) for (let a = 0; a <= t.length; a += 3) for (let b = a; b <= t.length + 1; b += 2) expect(normSlice(t, a, b)).toBe(norm(t.slice(a, b)));
  });
});
