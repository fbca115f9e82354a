/**
 * Text normalisation for matching titles and labels written by many hands:
 * spaces anywhere ("收  入"), full- and half-width brackets, curly or straight
 * quotes around 三公, numbering prefixes ("一、", "1.", "（一）", "其中："),
 * and footnote stars.
 */

const QUOTES = /[“”"'‘’「」『』〝〞＂]/g;

/** Removes all spaces and quotes; folds brackets, colons and full-width letters/digits. */
export function norm(text: string): string {
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
  return s.replace(QUOTES, "");
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
