/**
 * Amount parsing: the text a clerk sees in a cell → a decimal value plus the
 * number of decimals shown. The number of decimals matters as much as the value:
 * "1,442.80" stands for every exact amount in [1442.795, 1442.805] (spec §5).
 *
 * Accepted forms (after full-width → half-width folding):
 *   "1,442.80"  "1, 442. 80"  "１４４２.８"  "(12.50)"  "（12.50）"  "-12.5"  "−12.5"
 *   "+5"  "0.00"  "72.6%"  "1.2E+03"
 * Blank (counts as 0, remembered as blank): "", "-", "—", "–", "－", "——", "/", "无".
 * Anything else is `invalid`, which the rules turn into a finding, never a crash.
 */
import { Decimal } from "./decimal";

export type ParsedNumber =
  | { kind: "number"; value: Decimal; decimals: number; percent: boolean }
  | { kind: "blank"; text: string }
  | { kind: "invalid"; text: string; reason: string };

const FULL_WIDTH_OFFSET = 0xff10 - 0x30; // "０" - "0"

/** Folds full-width digits and punctuation to ASCII; removes every kind of space. */
export function foldNumberText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    else if (ch === "．" || ch === "。") out += ".";
    else if (ch === "，" || ch === "､" || ch === "、") out += ",";
    else if (ch === "－" || ch === "−" || ch === "﹣") out += "-";
    else if (ch === "＋") out += "+";
    else if (ch === "（") out += "(";
    else if (ch === "）") out += ")";
    else if (ch === "％") out += "%";
    else if (ch === "Ｅ" || ch === "ｅ") out += "E";
    else if (/\s/.test(ch) || ch === "\u3000" || ch === "\u00a0" || ch === "\u200b") continue;
    else out += ch;
  }
  return out;
}

const BLANK_TOKENS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "无", "/ ", "…"]);

export function isBlankText(text: string): boolean {
  return BLANK_TOKENS.has(foldNumberText(text));
}

const PLAIN = /^\d+(?:\.\d*)?$|^\.\d+$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?E[+-]?\d+$/i;

/**
 * Parses a displayed text. `decimals` is the count of digits after the point as
 * displayed ("142" → 0, "142.00" → 2, "72.6%" → 1).
 */
const FAST = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const FAST_PERCENT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%$/;

/**
 * A character no number text can hold (after folding, a number is digits, one
 * point, separators, a sign or brackets, %, an exponent, ¥, and spaces).
 */
const NOT_IN_A_NUMBER = /[^0-9０-９,.+()%Ee¥￥．。，､、－−﹣＋（）％Ｅｅ\-\s\u200b]/;

/** parseNumberText(raw).kind === "number", without building the value (or folding the text) in the common cases. */
export function isNumberText(raw: string): boolean {
  const text = raw ?? "";
  if (FAST.test(text) || FAST_PERCENT.test(text)) return true;
  if (NOT_IN_A_NUMBER.test(text)) return false;
  return parseNumberText(text).kind === "number";
}

export function parseNumberText(raw: string): ParsedNumber {
  const text = raw ?? "";
  // Fast path: the usual "1,442.80" / "142" / "-12.5" needs no folding.
  const f = FAST.exec(text);
  if (f) {
    const digits = f[2].includes(",") ? f[2].replace(/,/g, "") : f[2];
    const frac = f[3] ?? "";
    let value = new Decimal(frac ? `${digits}.${frac}` : digits);
    if (f[1] && !value.isZero()) value = value.neg();
    return { kind: "number", value, decimals: frac.length, percent: false };
  }
  let s = foldNumberText(text);
  if (BLANK_TOKENS.has(s)) return { kind: "blank", text };
  if (s.startsWith("#")) {
    return { kind: "invalid", text, reason: /^#+$/.test(s) ? "列宽不足，显示为####" : `单元格为错误值 ${s}` };
  }
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  // A trailing minus ("12.5-") appears in some exported ledgers.
  if (s.endsWith("-") && !negative) {
    negative = true;
    s = s.slice(0, -1);
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s.startsWith("¥") || s.startsWith("￥")) s = s.slice(1);

  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replace(/,/g, "");
  else if (SCIENTIFIC.test(s)) {
    const v = new Decimal(s);
    const dp = Math.max(0, v.decimalPlaces());
    return { kind: "number", value: negative ? v.neg() : v, decimals: dp, percent };
  } else {
    const reason = /\d/.test(s) ? "数字格式无法识别" : "不是数字";
    return { kind: "invalid", text, reason };
  }
  if (digits.endsWith(".")) digits = digits.slice(0, -1);
  const dot = digits.indexOf(".");
  const decimals = dot < 0 ? 0 : digits.length - dot - 1;
  let value = new Decimal(digits === "" ? "0" : digits);
  if (negative && !value.isZero()) value = value.neg();
  return { kind: "number", value, decimals, percent };
}
