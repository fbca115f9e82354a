/**
 * Fast paths of the amount code must give exactly what the general code gives:
 * fixedToDecimal() (the point put back instead of a division) and isNumberText()
 * (a number test that does not parse).
 */
import { Decimal } from "../../../src/core/amount/decimal";
import { fixedToDecimal } from "../../../src/core/amount/fixed";
import { isNumberText, parseNumberText } from "../../../src/core/amount/parse";
import { readAmount } from "../../../src/core/amount/amount";
import { Cell } from "../../../src/core/grid/snapshot";
import { rng } from "../../support/random";

const SCALE = new Decimal(10).pow(7);

test("fixedToDecimal equals the division by 10^7, digit for digit", () => {
  const rand = rng(11);
  const values: bigint[] = [BigInt(0), BigInt(1), BigInt(-1), BigInt(10000000), BigInt(-9999999), BigInt("123456789012345678901234567890123456789"), BigInt("-12345678901234567890123456789012345678901234")];
  for (let i = 0; i < 20000; i++) {
    const len = 1 + Math.floor(rand() * 24);
    let d = String(1 + Math.floor(rand() * 9));
    for (let k = 1; k < len; k++) d += String(Math.floor(rand() * 10));
    values.push(BigInt(rand() < 0.3 ? `-${d}` : d));
  }
  for (const f of values) {
    const a = fixedToDecimal(f);
    const b = new Decimal(f.toString()).div(SCALE);
    expect([f.toString(), a.toString(), a.decimalPlaces(), a.isNegative()]).toEqual([f.toString(), b.toString(), b.decimalPlaces(), b.isNegative()]);
  }
});

test("isNumberText agrees with parseNumberText on figures, words and garbage", () => {
  const alphabet = [..."0123456789０１２３,.，．。､、-－−﹣+＋()（）%％Ee Ｅｅ¥￥ \u3000\u00a0\u200b#无…—–/\\分元万≥a"];
  const rand = rng(5);
  const texts = ["", "-", "1,442.80", "(12.50)", "（12.50）", "72.6%", "1.2E+03", "1.2e+03", "¥100", "12.5-", "1, 442. 80", "１４４２.８", "无", "#N/A", "≥95%", "8分"];
  for (let i = 0; i < 30000; i++) {
    let t = "";
    const n = 1 + Math.floor(rand() * 10);
    for (let k = 0; k < n; k++) t += alphabet[Math.floor(rand() * alphabet.length)];
    texts.push(t);
  }
  const differ = texts.filter((t) => isNumberText(t) !== (parseNumberText(t).kind === "number"));
  expect(differ).toEqual([]);
});

test("readAmount reads a plain figure with a percent sign as the general parser does", () => {
  const rand = rng(23);
  const texts = ["72.6%", "100%", "0%", "-5%", "1,234.5%", "98.50%", "5.%", "1,23.4%", "%", "-%", ".5%", "72.1234567%", "72.123456789%", "0.00000005%"];
  for (let i = 0; i < 5000; i++) {
    let t = rand() < 0.2 ? "-" : "";
    // Up to 12 characters: figures past 7 decimals too (their fixed form is rounded: the exact value must be kept).
    const n = 1 + Math.floor(rand() * 12);
    for (let k = 0; k < n; k++) t += "0123456789,."[Math.floor(rand() * 12)];
    texts.push(`${t}%`);
  }
  for (const text of texts) {
    for (const numeric of [false, true]) {
      const p = parseNumberText(text);
      const value = numeric && p.kind === "number" ? p.value.div(100).toNumber() : null;
      const cell = { text, value, numberFormat: numeric ? "0.0%" : undefined } as Cell;
      const got = readAmount(cell, 2);
      if (p.kind !== "number") {
        // Not a figure for the general parser: the percent path must not make one.
        if (got.ok) expect({ text, blank: got.amount.blank }).toEqual({ text, blank: true });
        continue;
      }
      expect(got.ok).toBe(true);
      if (!got.ok) continue;
      const decimals = numeric ? p.decimals : Math.max(p.decimals, 2);
      expect({ text, numeric, v: got.amount.value.toString(), d: got.amount.decimals, pct: got.amount.percent }).toEqual({
        text,
        numeric,
        v: p.value.toString(),
        d: decimals,
        pct: true,
      });
    }
  }
});
