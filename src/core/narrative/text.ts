/**
 * Reading a clerk's narrative (情况说明): paragraphs from a sheet, and every
 * figure written in a sentence (amounts, percentages, counts) with its unit and
 * position, parsed into decimals.
 *
 * A narrative sheet is a sheet named like 情况说明 / 说明 / 文字 with one
 * paragraph per row, or any sheet whose cells mostly hold long text.
 */
import { SheetSnapshot, WorkbookSnapshot } from "../grid/snapshot";
import { Decimal } from "../amount/decimal";
import { foldNumberText } from "../amount/parse";
import { CellRef } from "../tables/types";
import { norm, normSlice } from "../recognize/normalize";

/** ，,；;。：: — where a clause ends. Sets of character codes: text[i] of a CJK character is a new string each time. */
export const CLAUSE_END: ReadonlySet<number> = new Set([0xff0c, 0x2c, 0xff1b, 0x3b, 0x3002, 0xff1a, 0x3a]);
/** 。；; — where a sentence ends (for the words before a figure). */
export const SENTENCE_END: ReadonlySet<number> = new Set([0x3002, 0xff1b, 0x3b]);

/** The last index in [lower, from] whose character is one of `ends`, or lower - 1 when there is none. */
export function lastEndBefore(text: string, from: number, lower: number, ends: ReadonlySet<number>): number {
  let i = from;
  while (i >= lower && !ends.has(text.charCodeAt(i))) i--;
  return i;
}

/** The words of a figure's clause before it (from the last ，；。： or from `since`, the previous figure's end), normalised. */
export function clauseBefore(text: string, start: number, since = 0): string {
  return normSlice(text, lastEndBefore(text, start - 1, since, CLAUSE_END) + 1, start);
}

/** The words of a figure's sentence before it (from the last 。；), normalised. */
export function sentenceBefore(text: string, start: number): string {
  return normSlice(text, lastEndBefore(text, start - 1, 0, SENTENCE_END) + 1, start);
}

export interface Paragraph {
  text: string;
  ref: CellRef;
}

const NARRATIVE_NAME = /情况说明|说明|文字|正文|报告|narrative/i;

/** Long text cells of a sheet, top to bottom, one paragraph per cell (left to right within a row). */
export function paragraphsOf(sheet: SheetSnapshot, minLength = 8): Paragraph[] {
  const out: Paragraph[] = [];
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const cols = [...sheet.rows.get(r)!.entries()].sort((a, b) => a[0] - b[0]);
    for (const [c, cell] of cols) {
      if (typeof cell.value !== "string") continue;
      const t = cell.text.trim();
      if (t.length < minLength && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(t)) continue;
      out.push({ text: t, ref: { sheet: sheet.name, row: r, col: c } });
    }
  }
  return out;
}

/**
 * Sheets that hold a narrative: by name, or because most of their non-empty
 * cells are long texts (≥ 30 characters) in a single column.
 */
const NOT_NARRATIVE = /^(目录|封面|目\s*录|说明书封面)$/;

export function narrativeSheets(wb: WorkbookSnapshot, exclude: Set<string> = new Set()): SheetSnapshot[] {
  return wb.sheets.filter((s) => !exclude.has(s.name) && isNarrativeSheet(s));
}

/** Whether a sheet holds a narrative (see narrativeSheets). */
export function isNarrativeSheet(s: SheetSnapshot): boolean {
  {
    if (!s.bounds || NOT_NARRATIVE.test(s.name.trim())) return false;
    let cells = 0;
    let long = 0;
    for (const row of s.rows.values())
      for (const cell of row.values()) {
        cells++;
        // norm() only shortens a text: test the raw length first (sheets hold 100,000 cells).
        if (typeof cell.value === "string" && cell.text.length >= 30 && norm(cell.text).length >= 30) long++;
      }
    if (cells === 0) return false;
    if (NARRATIVE_NAME.test(s.name) && long >= 1) return true;
    return long >= 3 && long / cells >= 0.5;
  }
}

/** What joins the figures of a list ("4125.49,4143.91万元", "1辆和130辆"). */
export const LIST_SEP = /^\s*[,，、和与及]\s*$/;

export type FigureUnit = "万元" | "元" | "亿元" | "千元" | "%" | "个百分点" | "count" | "none";

export interface TextFigure {
  /** The figure as written, e.g. "1,442.80万元", "75.02%". */
  raw: string;
  value: Decimal;
  /** Decimals written (for the rounding interval). */
  decimals: number;
  unit: FigureUnit;
  /** The count word for "count" figures: 人, 人次, 个, 辆, 台(套)… */
  countWord?: string;
  /** Offsets in the paragraph text. */
  start: number;
  end: number;
}

const COUNT_WORDS = ["人次", "人", "个", "辆", "台（套）", "台(套)", "台", "套", "批次", "批", "次", "项", "家", "条", "册", "天", "个工作日", "件", "处", "所"];

// A number: digits with optional thousands separators (also with stray spaces
// "1, 442. 80"), optional decimals; full-width digits are folded first.
const NUMBER = /-?\d{1,3}(?:\s?,\s?\d{3})+(?:\s?\.\s?\d+)?|-?\d+(?:\s?\.\s?\d+)?/g;

/**
 * Every figure of a sentence. Years ("2021年"), dates ("12月31日"), ordinal
 * numbering ("1.", "（三）") and code-like digits (科目编码) are skipped.
 */
export function figuresIn(text: string): TextFigure[] {
  // Several rules read the figures of the same paragraphs (linking, statements, wording).
  const known = figureCache.get(text);
  if (known) return known;
  const figs = Object.freeze(readFigures(text)) as TextFigure[];
  if (figureCache.size >= FIGURE_CACHE_SIZE) figureCache.clear();
  figureCache.set(text, figs);
  return figs;
}

/**
 * Figures by paragraph text (pure in the text; the arrays and figures are never
 * modified). Emptied at the start of every check (checkWorkbook), so that one
 * workbook's check never profits from another's.
 */
const figureCache = new Map<string, TextFigure[]>();
const FIGURE_CACHE_SIZE = 5000;

export function clearFigureCache(): void {
  figureCache.clear();
}

function readFigures(text: string): TextFigure[] {
  const folded = foldFullWidthKeepLength(text);
  const out: TextFigure[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(folded))) {
    const start = m.index;
    let end = start + m[0].length;
    const after = folded.slice(end, end + 6).replace(/^\s+/, "");
    const before = folded.slice(Math.max(0, start - 2), start);
    // A stray point before a percent sign ("占 0.%") belongs to the number.
    if (/^[.．]\s*[%％]/.test(folded.slice(end))) end += 1;
    // Years ("2021年", "2021 年度"), months and days ("12月", "31日"), ordinals ("1.", "2、").
    if (/^年/.test(after) && /^\d{4}$/.test(m[0])) continue;
    if (/^(月|日|号)/.test(after)) continue;
    if (/^[.、．]/.test(after) && !/^[.．]\s*(\d|%|％)/.test(after) && (start === 0 || /[\s（(：:。；;]$/.test(before))) continue;
    // Enumerations "1)" "2）", thresholds "50万元以上", "100万元（含）以上".
    if (/^[)）]/.test(after) && (start === 0 || /[\s（(：:。；;]$/.test(before))) continue;
    if (/^\s*(万元|元)?\s*([（(]含[）)])?\s*(以上|以下)/.test(folded.slice(end))) continue;
    // Classification codes followed by their name ("2101501 行政运行", "210类").
    if (/^\d{3}(\d{2}){0,2}$/.test(m[0]) && /^[（(]?(类|款|项)/.test(after)) continue;
    if (/^\d{5}(\d{2})?$/.test(m[0]) && /^[\u4e00-\u9fa5]/.test(after) && !/^(万|元|亿|人|个|家|次|辆|台|套|项|条|天)/.test(after)) continue;
    const numText = m[0].replace(/\s/g, "");
    const digits = numText.replace(/,/g, "");
    let value: Decimal;
    try {
      value = new Decimal(digits);
    } catch {
      continue;
    }
    const dot = digits.indexOf(".");
    const decimals = dot < 0 ? 0 : digits.length - dot - 1;
    let unit: FigureUnit = "none";
    let countWord: string | undefined;
    const tail = folded.slice(end);
    const u = /^\s*(亿元|万元|千元|元|%|％|个百分点)/.exec(tail);
    if (u) {
      unit = (u[1] === "％" ? "%" : u[1]) as FigureUnit;
      end += u[0].length;
    } else {
      const rest = tail.slice(0, 40).replace(/^\s*/, "");
      const cw = COUNT_WORDS.find((w) => rest.startsWith(w));
      if (cw) {
        unit = "count";
        countWord = cw;
        end += tail.indexOf(cw) + cw.length;
      }
    }
    out.push({ raw: text.slice(start, end), value, decimals, unit, countWord, start, end });
  }
  return out;
}

const FULL_WIDTH_NUMERIC = /[０-９．，％－]/g;
const HAS_FULL_WIDTH_NUMERIC = /[０-９．，％－]/;

/** foldNumberText for digits and separators only, keeping string length (offsets stay valid). */
function foldFullWidthKeepLength(text: string): string {
  // One replace over the paragraph (each folded character is one code unit, as before).
  if (!HAS_FULL_WIDTH_NUMERIC.test(text)) return text;
  return text.replace(FULL_WIDTH_NUMERIC, (ch) => {
    const f = foldNumberText(ch) || ch;
    return f.length === 1 ? f : ch;
  });
}
