/**
 * Text normalisation for matching titles and labels written by many hands:
 * spaces anywhere ("收  入"), full- and half-width brackets, curly or straight
 * quotes around 三公, numbering prefixes ("一、", "1.", "（一）", "其中："),
 * and footnote stars.
 */
import { memoByText } from "../util/memo";

/**
 * What norm() does to one UTF-16 code unit: undefined keeps it, "" drops it,
 * any other string replaces it. Spaces (JS \s, plus U+200B) and quotes
 * (“”"'‘’「」『』〝〞＂) are dropped; full-width ASCII (U+FF01–U+FF5E) is folded,
 * except （）： which, like 〔【[ and 〕】], become ( ) :. Surrogate halves are
 * kept as they are (nothing outside the BMP is folded).
 */
function normUnit(code: number): string | undefined {
  if (code < 0x80) {
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return "";
    if (code === 0x22 || code === 0x27) return "";
    if (code === 0x5b) return "(";
    if (code === 0x5d) return ")";
    return undefined;
  }
  if (code >= 0xff01 && code <= 0xff5e) {
    if (code === 0xff08) return "(";
    if (code === 0xff09) return ")";
    if (code === 0xff1a) return ":";
    // ＂ and ＇ fold to quotes, which are dropped.
    if (code === 0xff02 || code === 0xff07) return "";
    return String.fromCharCode(code - 0xfee0);
  }
  switch (code) {
    case 0x00a0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
    case 0x200b:
    case 0x201c:
    case 0x201d:
    case 0x2018:
    case 0x2019:
    case 0x300c:
    case 0x300d:
    case 0x300e:
    case 0x300f:
    case 0x301d:
    case 0x301e:
      return "";
    case 0x3014:
    case 0x3010:
      return "(";
    case 0x3015:
    case 0x3011:
      return ")";
  }
  if (code >= 0x2000 && code <= 0x200a) return "";
  return undefined;
}

/**
 * Removes all spaces and quotes; folds brackets, colons and full-width letters/digits.
 * A text with nothing to change is returned as it is (labels are normalised by the
 * ten thousand: no new string for most of them).
 */
export function norm(text: string): string {
  if (!text) return "";
  // A paragraph of the 情况说明 is normalised by a dozen rules: once is enough (a string's
  // hash is kept in the string, so finding the same paragraph again costs no scan of it).
  return text.length < LONG_TEXT ? normScan(text) : longNorm(text);
}

/**
 * norm(text.slice(from, to)), for many slices of one paragraph ("the words before each
 * figure", "the opening of each sentence"): norm() works character by character, so the
 * paragraph is normalised once, with the offset of each character in the result.
 */
export function normSlice(text: string, from: number, to: number): string {
  const p = normWithOffsets(text);
  const clamp = (k: number) => Math.max(0, Math.min(k, text.length));
  return p.n.slice(p.at[clamp(from)], p.at[Math.max(clamp(from), clamp(to))]);
}

const normWithOffsets = memoByText((text: string): { n: string; at: Uint32Array } => {
  const at = new Uint32Array(text.length + 1);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    at[i] = out.length;
    out += normScan(text[i]);
  }
  at[text.length] = out.length;
  return { n: out, at };
}, 1000);

const LONG_TEXT = 40;
const longNorm = memoByText((text: string) => normScan(text), 1000);

function normScan(text: string): string {
  let out: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Common characters (ASCII letters and digits, CJK ideographs) first.
    if ((code > 0x5d && code < 0x80) || (code >= 0x30 && code <= 0x5a) || (code >= 0x4e00 && code <= 0x9fff)) continue;
    const rep = normUnit(code);
    if (rep === undefined) continue;
    out = out === undefined ? text.slice(start, i) + rep : out + text.slice(start, i) + rep;
    start = i + 1;
  }
  if (out === undefined) return text;
  return start < text.length ? out + text.slice(start) : out;
}

const NUMBERING = [
  /^(其中|其中:|其中：)/,
  /^[一二三四五六七八九十百零〇]+[、.．,，]/,
  /^\([一二三四五六七八九十]+\)[、.．]?/,
  /^\(\d+\)[、.．]?/,
  /^\d+[、.．](?!\d)/,
  /^[①②③④⑤⑥⑦⑧⑨⑩]/,
];

/** norm() plus removal of leading numbering and "其中：", repeatedly ("其中：1." → ""). */
export function label(text: string): string {
  let s = norm(text).replace(/^[*＊#]+|[*＊#]+$/g, "");
  for (let guard = 0; guard < 4; guard++) {
    const before = s;
    for (const re of NUMBERING) s = s.replace(re, "");
    s = s.replace(/^:/, "");
    if (s === before) break;
  }
  return s;
}

/** True when the text starts with an enumeration such as "1." or "一、" (table-of-contents lines). */
export function startsWithNumbering(text: string): boolean {
  const s = norm(text);
  return /^(\d+[、.．]|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十\d]+\))/.test(s);
}

/** A functional/economic classification code: 3, 5 or 7 digits. */
export function isCode(text: string): boolean {
  return /^\d{3}(\d{2}){0,2}$/.test(norm(text));
}
