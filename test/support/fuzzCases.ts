/**
 * Seeded fuzz cases for the whole engine (scripts/fuzz.ts runs thousands, the
 * unit suite a sample): random grids, damaged copies of real and generated
 * workbooks, and garbled narratives. Case `seed` alone determines the workbook
 * (given the same bases), so a failing case is rerun with its seed.
 *
 * runFuzzCase() puts a case through everything a host calls — recognize,
 * checkWorkbook, the JSON and text reports, the drafted narrative, the blank
 * 补充信息 — and throws a FuzzFailure when an invariant breaks:
 *   - nothing throws, and no safety net was needed (a rule or a parser that
 *     threw and was turned into a finding counts as a crash);
 *   - every finding has a severity, a rule id and a message, and names only
 *     cells of existing sheets, on Excel's grid and in or next to the sheet's
 *     used range (cells and merges, widened by MARGIN: a rule may name the
 *     empty cell where a figure is missing);
 *   - causes reference findings of the result, each error/warning finding
 *     belongs to exactly one cause, and the counts add up;
 *   - the input snapshot is unchanged (compared in a serialised copy).
 */
import * as path from "path";
import { checkWorkbook, resultToJson } from "../../src/core/check";
import { Cell, SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../src/core/grid/snapshot";
import { recognize } from "../../src/core/recognize/recognize";
import { formatText } from "../../src/core/report/text";
import { draftNarrative } from "../../src/core/narrative/draft";
import { narrativeToJson, narrativeToText } from "../../src/core/narrative/generate";
import { supplementForWorkbook } from "../../src/core/narrative/supplement";
import { readXlsxFile } from "../../src/host/xlsx/node";
import { FIXTURES } from "./fixtures";
import { generateFinalSet } from "./finalSet";
import { generateNarrativeSet } from "./narrativeSet";
import { generateBudgetSet } from "./budgetSet";
import { withBudgetNarrative } from "./budgetNarrative";
import { generatePerfSet } from "./perfSet";
import { NARRATIVE_DOCS, docWorkbook } from "./narrativeDocs";
import { randomSheet, rng } from "./random";

export interface FuzzBase {
  name: string;
  workbook: WorkbookSnapshot;
}

export type FuzzKind = "grid" | "mutated" | "narrative";

export interface FuzzCase {
  seed: number;
  kind: FuzzKind;
  /** What the case is made of, for the failure report. */
  label: string;
  workbook: WorkbookSnapshot;
}

export class FuzzFailure extends Error {
  constructor(
    readonly fuzzCase: FuzzCase,
    readonly step: string,
    message: string,
  ) {
    super(`${step}: ${message}`);
  }
}

const FIXTURE_FILES = [
  "anyang-2021-final.xlsx",
  "anyang-2021-final-with-supplement.xlsx",
  "anyang-2021-targets.xlsx",
  "baotou-2022-project-selfeval.xlsx",
  "budget/consistent-department.xlsx",
  "budget/consistent-unit.xlsx",
  "budget/mistake-g-narrative-figure.xlsx",
  "templates/shanghai-putuo-2026-department-budget-template.xlsx",
];

/** The workbooks mutated cases start from, always in the same order. */
export async function fuzzBases(): Promise<FuzzBase[]> {
  const bases: FuzzBase[] = [];
  for (const f of FIXTURE_FILES) bases.push({ name: f, workbook: await readXlsxFile(path.join(FIXTURES, f)) });
  const budget = generateBudgetSet({ seed: 3, tails: true }).workbook;
  const generated: [string, () => WorkbookSnapshot][] = [
    ["finalSet seed 1", () => generateFinalSet({ seed: 1 }).workbook],
    ["finalSet seed 2 tails oneSheet", () => generateFinalSet({ seed: 2, tails: true, oneSheet: true }).workbook],
    ["finalSet seed 3 text numbers offset", () => generateFinalSet({ seed: 3, textNumbers: true, origin: { row: 2, col: 1 }, rowNumbers: true, columnNumberRow: true, govFund: true, items: 4 }).workbook],
    ["narrativeSet seed 4", () => generateNarrativeSet({ seed: 4, tails: true }).workbook],
    ["budgetSet seed 3", () => budget],
    ["budgetSet unit oneSheet", () => generateBudgetSet({ seed: 5, scope: "unit", oneSheet: true, numericCodes: true, sangong: "yoy-vertical" }).workbook],
    ["budget narrative", () => withBudgetNarrative(budget).workbook],
    ["finalSet seed 6 many items", () => generateFinalSet({ seed: 6, tails: true, items: 40, department: "某县教育局" }).workbook],
    ["budgetSet seed 7 yoy govFund soe", () => generateBudgetSet({ seed: 7, sangong: "yoy", govFund: true, soe: true, textNumbers: true, frontMatter: false }).workbook],
    ["perf self-evaluations", () => generatePerfSet({ tables: 6, perSheet: 3, seed: 8 })],
    ...NARRATIVE_DOCS.map((d) => [`narrative doc ${d.name}`, () => docWorkbook(d)] as [string, () => WorkbookSnapshot]),
  ];
  for (const [name, make] of generated) bases.push({ name, workbook: make() });
  return bases;
}

/** murmur3's finaliser: consecutive case seeds give unrelated generators. */
function mix(seed: number): number {
  let h = seed >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h || 0x9e3779b9;
}

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** Garbage a clerk, a converter or a broken formula leaves in cells. */
export const GARBAGE = [
  "1,2.3.4", "1.2.3", "12,34,5", "--", "-", "—", "——", "－", "…", "……", "#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
  "(12.50)", "（12.50）", "１,２３４.５", "1, 442. 80", "72.6%", "%", "12%%", "1e5", "1E+308", "-0", "0.00", " ", "\u3000", "\u200b", "\t1\t",
  "99999999999999999999999", "-999999999999999.99", "0.000000001", "1/2", "2021-12-31", "2021年", "万元", "单位：万元", "单位：元", "单位:千元",
  "金额单位：万元", "abc", "N/A", "null", "undefined", "NaN", "Infinity", "-Infinity", "=SUM(A1:A3)", "合计", "总计", "小计", "其中：",
  "一、", "（一）", "1.", "201", "20101", "2010101", "2010101001", "999", "00", "0", "30101", "项", "款", "类", "栏次", "行次", "1", "2", "3",
  "说明：本表无数据。", "注：", "本部门无此项支出", "公开01表", "公开05表", "公开10表", "表1", "表1-1", "表", "（续）", "决算数", "预算数",
  "🙂", "\ud800", "𠀀", "a\nb", "“”", "\"", "'", "\\", "<x>", "&amp;", "Ｘ", "ⅩⅡ", "①",
];

const SPECIAL_NUMBERS = [0, -0, 1e15, 1e20, 1e300, -1e300, 5e-324, 1.7976931348623157e308, 123456789012345680000, 0.1 + 0.2, 1 / 3, -0.005, 0.005, 9007199254740993, 1e-7, 100, 10000, -1];
const FORMATS = [undefined, "General", "0.00", "#,##0.00", "#,##0", "0.00%", "0%", "#,##0.00_);[Red](#,##0.00)", "0.0", "@", "yyyy-mm-dd", '#,##0.00"万元"', "0.00E+00", ";;;", "[>=10000]#,##0.0,\"万\";0", "0.000000", "#,##0.00;-#,##0.00;\"-\""];
const SHEET_NAMES = ["Sheet1", "公开01表", "公开02表", "公开05表", "公开08表", "情况说明", "说明", "补充信息", "目录", "封面", "甲", "表3", "财拨总表", "三公", "整体绩效自评", "项目自评", "x".repeat(31), " 空格 ", "公开01表(2)"];

const NARRATIVE_PIECES = {
  head: ["一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明", "（一）", "四、财政拨款收入支出决算总体情况说明", "五、一般公共预算财政拨款支出决算情况说明", "六、“三公”经费", "七、政府性基金预算", "其他重要事项的情况说明", "2021年度部门决算情况说明", "名词解释"],
  what: ["收入总计", "支出总计", "本年收入合计", "本年支出合计", "一般公共预算财政拨款收入", "财政拨款支出", "基本支出", "项目支出", "人员经费", "公用经费", "“三公”经费", "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "机关运行经费", "政府采购支出", "年初结转和结余", "年末结转和结余", "社会保障和就业支出（类）", "卫生健康支出"],
  cmp: ["比上年增加", "比上年减少", "与上年持平", "比年初预算增加", "较上年增长", "同比下降", "占", "完成年初预算的"],
  why: ["主要原因是人员增加。", "主要原因是项目减少。", "。", "，原因是", "……", "", "主要是落实过紧日子要求。"],
};

function garbageNumberText(rand: Rand): string {
  return pick(rand, ["1,2.3.4", "１２３.４５", "-0.00", "9999999999999999999999", "1e5", "12.5.6", "百分之五十", "0", "3,", ",5", "1.", ".5", "∞", "NaN", "(12)", "－12.3"]);
}

function amountText(rand: Rand): string {
  const p = rand();
  if (p < 0.15) return garbageNumberText(rand);
  const v = (rand() < 0.1 ? rand() * 1e12 : rand() * 20000) * (rand() < 0.1 ? -1 : 1);
  const d = pick(rand, [0, 1, 2, 2, 2, 4]);
  const s = v.toFixed(d);
  return rand() < 0.5 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : s;
}

/** A sentence that reads like a 情况说明 one, figures and all (some of them broken). */
export function randomSentence(rand: Rand): string {
  const parts: string[] = [];
  if (rand() < 0.2) return pick(rand, NARRATIVE_PIECES.head);
  parts.push(pick(rand, ["", "2021年度", "2026年", "本年度", "本部门"]), pick(rand, NARRATIVE_PIECES.what), amountText(rand), pick(rand, ["万元", "元", "万元", "%", "亿元", "", "个", "人"]));
  const n = int(rand, 0, 3);
  for (let i = 0; i < n; i++) {
    parts.push("，", pick(rand, NARRATIVE_PIECES.cmp));
    if (rand() < 0.5) parts.push(pick(rand, NARRATIVE_PIECES.what));
    parts.push(amountText(rand), pick(rand, ["万元", "%", "个百分点", "", "倍"]));
  }
  parts.push(pick(rand, NARRATIVE_PIECES.why));
  return parts.join("");
}

/** Garbles one narrative paragraph: figures broken, characters dropped, text repeated or cut. */
export function garbleText(rand: Rand, text: string): string {
  let t = text;
  const ops = int(rand, 1, 4);
  for (let k = 0; k < ops; k++) {
    const op = int(rand, 0, 8);
    if (op === 0) t = t.replace(/\d[\d,.]*/, () => garbageNumberText(rand));
    else if (op === 1) t = t.replace(/\d/g, (d) => (rand() < 0.3 ? String.fromCharCode(0xff10 + Number(d)) : d));
    else if (op === 2 && t.length > 2) {
      const i = int(rand, 0, t.length - 1);
      t = t.slice(0, i) + t.slice(i + int(rand, 1, 10));
    } else if (op === 3) t = t.slice(0, int(rand, 0, t.length));
    else if (op === 4) t = (t + t).slice(0, 4000);
    else if (op === 5) t = t.replace(/万元/g, () => pick(rand, ["万元", "元", "万元万元", "", "%", "亿元"]));
    else if (op === 6) t = t.replace(/%/g, () => pick(rand, ["%", "％", "", "%%", "个百分点"]));
    else if (op === 7) t = randomSentence(rand) + t;
    else t = t.replace(/[，。]/g, (c) => (rand() < 0.3 ? pick(rand, ["\n", ",", ".", "；", ""]) : c));
  }
  return t;
}

function cloneSheet(s: SheetSnapshot): SheetSnapshot {
  const copy: SheetSnapshot = { ...s, rows: new Map(), merges: s.merges.map((m) => ({ ...m })), bounds: s.bounds ? { ...s.bounds } : null };
  if (s.truncated) copy.truncated = { ...s.truncated };
  for (const [r, m] of s.rows) copy.rows.set(r, new Map([...m].map(([c, cell]) => [c, { ...cell }])));
  return copy;
}

/** Recomputes the stored cells' bounding box (mutations move and delete cells). */
function rebound(s: SheetSnapshot): SheetSnapshot {
  const out: SheetSnapshot = { ...s, rows: new Map(), bounds: null };
  const rows = [...s.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) for (const [c, cell] of s.rows.get(r)!) if (r >= 0 && c >= 0) setCell(out, r, c, cell);
  return out;
}

function cellsOf(s: SheetSnapshot): [number, number, Cell][] {
  const out: [number, number, Cell][] = [];
  for (const [r, m] of s.rows) for (const [c, cell] of m) out.push([r, c, cell]);
  return out;
}

function garbageCell(rand: Rand, words: string[]): Cell {
  const p = rand();
  if (p < 0.25) {
    const v = rand() < 0.5 ? pick(rand, SPECIAL_NUMBERS) : Math.round((rand() * 2e6 - 1e5) * 100) / 100;
    const fmt = pick(rand, FORMATS);
    return { text: rand() < 0.8 ? String(v) : pick(rand, GARBAGE), value: v, numberFormat: fmt };
  }
  const t = p < 0.65 ? pick(rand, GARBAGE) : pick(rand, words);
  if (t.startsWith("#") && t.length > 2) return { text: t, value: null, error: t };
  if (rand() < 0.05) return { text: t, value: t === "TRUE", formula: true };
  return { text: t, value: t };
}

function freshName(rand: Rand, taken: Set<string>): string {
  for (let i = 0; i < 20; i++) {
    const n = (rand() < 0.7 ? pick(rand, SHEET_NAMES) : `${pick(rand, SHEET_NAMES)}${int(rand, 1, 99)}`).slice(0, 31);
    if (!taken.has(n.toLowerCase())) return n;
  }
  let i = 1;
  while (taken.has(`sheet${i}`)) i++;
  return `Sheet${i}`;
}

/** One random damage to a copy of a sheet. */
function mutateSheet(rand: Rand, s: SheetSnapshot, words: string[]): SheetSnapshot {
  const cells = cellsOf(s);
  const b = s.bounds;
  const op = int(rand, 0, 16);
  const at = () => (cells.length ? pick(rand, cells) : undefined);
  switch (op) {
    case 0: // blank a few cells
    case 1:
      for (let i = int(rand, 1, 5); i > 0; i--) {
        const x = at();
        if (x) s.rows.get(x[0])?.delete(x[1]);
      }
      break;
    case 2: // garble cells
    case 3:
      for (let i = int(rand, 1, 6); i > 0; i--) {
        const x = at();
        if (x) s.rows.get(x[0])!.set(x[1], garbageCell(rand, words));
      }
      break;
    case 4: {
      // swap two cells
      const x = at();
      const y = at();
      if (x && y) {
        s.rows.get(x[0])!.set(x[1], y[2]);
        s.rows.get(y[0])!.set(y[1], x[2]);
      }
      break;
    }
    case 5: {
      // duplicate a cell somewhere in the used range (or just outside it)
      const x = at();
      if (x && b) setCell(s, int(rand, b.top, b.bottom + 2), int(rand, b.left, b.right + 2), { ...x[2] });
      break;
    }
    case 6: {
      // delete rows (the rows below move up)
      if (!b) break;
      const r0 = int(rand, b.top, b.bottom);
      const n = int(rand, 1, 3);
      const rows = new Map<number, Map<number, Cell>>();
      for (const [r, m] of s.rows) if (r < r0) rows.set(r, m);
      else if (r >= r0 + n) rows.set(r - n, m);
      s.rows = rows;
      break;
    }
    case 7: {
      // insert empty rows
      if (!b) break;
      const r0 = int(rand, b.top, b.bottom);
      const n = int(rand, 1, 3);
      const rows = new Map<number, Map<number, Cell>>();
      for (const [r, m] of s.rows) rows.set(r < r0 ? r : r + n, m);
      s.rows = rows;
      break;
    }
    case 8: {
      // duplicate a row below itself
      if (!b) break;
      const r0 = pick(rand, [...s.rows.keys()]);
      const rows = new Map<number, Map<number, Cell>>();
      for (const [r, m] of s.rows) rows.set(r <= r0 ? r : r + 1, m);
      rows.set(r0 + 1, new Map([...s.rows.get(r0)!].map(([c, cell]) => [c, { ...cell }])));
      s.rows = rows;
      break;
    }
    case 9: // truncate
      if (b) {
        const cut = int(rand, b.top, b.bottom);
        for (const r of [...s.rows.keys()]) if (r > cut) s.rows.delete(r);
        if (rand() < 0.3) s.truncated = { atRow: cut, reason: "工作表过大，之后的内容未读取（模糊测试）" };
      }
      break;
    case 10: // delete a column
      if (b) {
        const c0 = int(rand, b.left, b.right);
        for (const [r, m] of s.rows) s.rows.set(r, new Map([...m].filter(([c]) => c !== c0).map(([c, cell]) => [c > c0 ? c - 1 : c, cell])));
      }
      break;
    case 11: // numbers become text, or text numbers
      for (const [, m] of s.rows)
        for (const [c, cell] of m) {
          if (rand() > 0.1) continue;
          if (typeof cell.value === "number") m.set(c, { text: cell.text, value: cell.text });
          else if (typeof cell.value === "string" && /^-?[\d,]+(\.\d+)?$/.test(cell.value)) m.set(c, { ...cell, value: Number(cell.value.replace(/,/g, "")) });
        }
      break;
    case 12: // scale or negate amounts
      for (const [, m] of s.rows)
        for (const [c, cell] of m) {
          if (typeof cell.value !== "number" || rand() > 0.15) continue;
          const v = cell.value * pick(rand, [10000, 0.0001, -1, 100, 1e12, 0]);
          m.set(c, { ...cell, value: v, text: String(v) });
        }
      break;
    case 13: // merges: add odd ones, drop some
      if (rand() < 0.5) s.merges = s.merges.filter(() => rand() < 0.5);
      for (let i = int(rand, 1, 4); i > 0; i--) {
        const top = b ? int(rand, b.top, b.bottom + 1) : int(rand, 0, 5);
        const left = b ? int(rand, b.left, b.right + 1) : int(rand, 0, 5);
        s.merges.push({ top, left, bottom: top + int(rand, 0, rand() < 0.1 ? 200 : 3), right: left + int(rand, 0, 4) });
      }
      break;
    case 14: // number formats
      for (const [, m] of s.rows)
        for (const [c, cell] of m) if (typeof cell.value === "number" && rand() < 0.2) m.set(c, { ...cell, numberFormat: pick(rand, FORMATS) });
      break;
    case 16: {
      // the title block removed: the header moves up to the sheet's first row
      const first = [...s.rows.keys()].sort((a, b) => a - b).find((r) => [...s.rows.get(r)!.values()].some((c) => /项目|科目|指标|行次/.test(c.text)));
      if (first === undefined) break;
      const rows = new Map<number, Map<number, Cell>>();
      for (const [r, m] of s.rows) if (r >= first) rows.set(r - first, m);
      s.rows = rows;
      s.merges = s.merges.filter((m) => m.top >= first).map((m) => ({ ...m, top: m.top - first, bottom: m.bottom - first }));
      break;
    }
    default:
      s.hidden = !s.hidden;
  }
  return rebound(s);
}

/** Damage at the workbook level: rename, drop, duplicate, reorder sheets, plus sheet damage. */
function mutateWorkbook(rand: Rand, wb: WorkbookSnapshot, words: string[]): { wb: WorkbookSnapshot; ops: string[] } {
  let sheets = wb.sheets.map(cloneSheet);
  const ops: string[] = [];
  const n = int(rand, 1, 8);
  for (let k = 0; k < n; k++) {
    const p = rand();
    if (p < 0.08 && sheets.length) {
      const i = int(rand, 0, sheets.length - 1);
      const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
      const name = freshName(rand, taken);
      ops.push(`rename ${sheets[i].name}→${name}`);
      sheets[i] = { ...sheets[i], name };
    } else if (p < 0.12 && sheets.length > 1) {
      const i = int(rand, 0, sheets.length - 1);
      ops.push(`drop ${sheets[i].name}`);
      sheets.splice(i, 1);
    } else if (p < 0.15 && sheets.length) {
      const i = int(rand, 0, sheets.length - 1);
      const name = freshName(rand, new Set(sheets.map((s) => s.name.toLowerCase())));
      ops.push(`duplicate ${sheets[i].name} as ${name}`);
      sheets.push({ ...cloneSheet(sheets[i]), name });
    } else if (p < 0.18) {
      sheets = sheets.map((s) => ({ s, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.s);
      ops.push("shuffle sheets");
    } else if (p < 0.22 && sheets.length) {
      // a narrative sheet, garbled
      const name = freshName(rand, new Set(sheets.map((s) => s.name.toLowerCase())));
      sheets.splice(int(rand, 0, sheets.length), 0, narrativeSheet(rand, name.includes("说明") ? name : "情况说明" + int(rand, 1, 9), int(rand, 1, 30)));
      ops.push("add narrative");
    } else if (sheets.length) {
      const i = int(rand, 0, sheets.length - 1);
      const before = sheets[i];
      sheets[i] = mutateSheet(rand, cloneSheet(before), words);
      ops.push(`damage ${before.name}`);
    }
  }
  // Sheet names must stay unique (Excel enforces it).
  const seen = new Set<string>();
  for (let i = 0; i < sheets.length; i++) {
    let name = sheets[i].name;
    while (seen.has(name.toLowerCase())) name = `${name.slice(0, 28)}(${i})`;
    seen.add(name.toLowerCase());
    if (name !== sheets[i].name) sheets[i] = { ...sheets[i], name };
  }
  return { wb: { name: wb.name, sheets }, ops };
}

function narrativeSheet(rand: Rand, name: string, paragraphs: number): SheetSnapshot {
  const s = emptySheet(name);
  for (let r = 0; r < paragraphs; r++) {
    const t = rand() < 0.3 ? garbleText(rand, randomSentence(rand)) : randomSentence(rand);
    if (t) setCell(s, r, rand() < 0.9 ? 0 : int(rand, 1, 3), { text: t, value: t });
  }
  return s;
}

/** Texts of the bases (labels, titles, codes, names) plus garbage: what random grids are made of. */
export function vocabulary(bases: FuzzBase[]): string[] {
  const seen = new Set<string>(GARBAGE);
  for (const b of bases)
    for (const s of b.workbook.sheets)
      for (const [, m] of s.rows)
        for (const [, c] of m) {
          if (typeof c.value !== "string") continue;
          const t = c.text;
          if (t.length >= 1 && t.length <= 40) seen.add(t);
        }
  return [...seen].sort();
}

function randomGridWorkbook(rand: Rand, words: string[]): WorkbookSnapshot {
  const n = int(rand, 1, 5);
  const names = new Set<string>();
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < n; i++) {
    const name = freshName(rand, names);
    names.add(name.toLowerCase());
    const big = rand() < 0.1;
    const s = randomSheet(rand, name, { words, maxRows: big ? 200 : 40, maxCols: big ? 20 : 12, numberBelow: 0.3 + rand() * 0.5, span: rand() < 0.1 ? 1e13 : 20000, low: rand() < 0.2 ? 10000 : 100 });
    // Special figures and formats, and the odd title put where a table would start.
    for (const [, m] of s.rows)
      for (const [c, cell] of m) {
        const p = rand();
        if (p < 0.03) m.set(c, { text: String(pick(rand, SPECIAL_NUMBERS)), value: pick(rand, SPECIAL_NUMBERS), numberFormat: pick(rand, FORMATS) });
        else if (p < 0.06) m.set(c, garbageCell(rand, words));
        else if (typeof cell.value === "number" && p < 0.1) m.set(c, { ...cell, numberFormat: pick(rand, FORMATS) });
      }
    sheets.push(rebound(s));
  }
  return { name: "random.xlsx", sheets };
}

/** The case of one seed. */
export function makeFuzzCase(seed: number, bases: FuzzBase[], words: string[] = vocabulary(bases)): FuzzCase {
  const rand = rng(mix(seed));
  const p = rand();
  if (p < 0.3) return { seed, kind: "grid", label: "random grid", workbook: randomGridWorkbook(rand, words) };
  const base = pick(rand, bases);
  if (p < 0.85) {
    const { wb, ops } = mutateWorkbook(rand, base.workbook, words);
    return { seed, kind: "mutated", label: `${base.name}: ${ops.join("; ")}`, workbook: wb };
  }
  // Garbled narrative: the base's own narrative paragraphs garbled, or a random one added.
  const sheets = base.workbook.sheets.map(cloneSheet);
  let garbled = 0;
  for (const s of sheets)
    for (const [, m] of s.rows)
      for (const [c, cell] of m) {
        if (typeof cell.value !== "string" || cell.text.length < 20 || rand() > 0.5) continue;
        const t = garbleText(rand, cell.text);
        m.set(c, { ...cell, text: t, value: t });
        garbled++;
      }
  if (garbled === 0 || rand() < 0.3) {
    const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
    sheets.push(narrativeSheet(rand, taken.has("情况说明") ? "决算说明" : "情况说明", int(rand, 1, 40)));
  }
  return { seed, kind: "narrative", label: `${base.name}: ${garbled} paragraphs garbled`, workbook: { name: base.workbook.name, sheets: sheets.map(rebound) } };
}

/** A deterministic text of everything a snapshot holds (Map order included). */
export function serializeWorkbook(wb: WorkbookSnapshot): string {
  return JSON.stringify({
    name: wb.name,
    sheets: wb.sheets.map((s) => ({ ...s, rows: [...s.rows].map(([r, m]) => [r, [...m]]) })),
  });
}

function usedRange(s: SheetSnapshot): { top: number; left: number; bottom: number; right: number } | null {
  let box = s.bounds ? { ...s.bounds } : null;
  for (const m of s.merges) {
    if (!box) box = { ...m };
    else {
      box.top = Math.min(box.top, m.top);
      box.left = Math.min(box.left, m.left);
      box.bottom = Math.max(box.bottom, m.bottom);
      box.right = Math.max(box.right, m.right);
    }
  }
  return box;
}

/** Rows and columns past the used range a finding may still name (the empty cell where a figure is missing). */
export const MARGIN = 5;

/**
 * A cell a finding may name: on Excel's grid (non-negative integers, at most
 * 1,048,576 rows × 16,384 columns), in or next to the sheet's used range —
 * or the first row not read of a truncated sheet.
 */
export function insideSheet(s: SheetSnapshot, box: { top: number; left: number; bottom: number; right: number } | null, row: number, col: number): boolean {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= 1_048_576 || col >= 16_384) return false;
  if (s.truncated && row === s.truncated.atRow) return true;
  if (!box) return row < MARGIN && col < MARGIN;
  return row >= box.top - MARGIN && row <= box.bottom + MARGIN && col >= box.left - MARGIN && col <= box.right + MARGIN;
}

const SEVERITIES = new Set(["error", "warning", "info"]);

/** Everything a host does with a workbook; throws FuzzFailure when an invariant breaks. */
export function runFuzzCase(c: FuzzCase): void {
  const wb = c.workbook;
  const before = serializeWorkbook(wb);
  const fail = (step: string, message: string): never => {
    throw new FuzzFailure(c, step, message);
  };
  const guard = <T>(step: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof FuzzFailure) throw e;
      return fail(step, e instanceof Error ? `${e.message}\n${e.stack}` : String(e));
    }
  };
  const rec = guard("recognize", () => recognize(wb));
  const netted = rec.failures.filter((f) => f.reason.startsWith("读取时出错"));
  if (netted.length) fail("recognize", `a parser threw: ${netted[0].reason}`);
  const r = guard("checkWorkbook", () => checkWorkbook(wb));
  const sheets = new Map(wb.sheets.map((s) => [s.name, usedRange(s)]));
  for (const f of r.findings) {
    if (!SEVERITIES.has(f.severity)) fail("finding", `severity ${String(f.severity)} (${f.rule})`);
    if (typeof f.rule !== "string" || !f.rule) fail("finding", `no rule id: ${f.message}`);
    if (typeof f.message !== "string" || f.message.trim().length < 2) fail("finding", `no message (${f.rule})`);
    if (/执行时出错/.test(f.message)) fail("rule", `${f.rule} threw: ${f.message}`);
    const bad = /undefined|NaN|\[object Object\]/.exec(f.message);
    if (bad && !before.includes(bad[0])) fail("finding", `message shows a missing value (${f.rule}): ${f.message}`);
    for (const cell of f.cells) {
      if (!sheets.has(cell.sheet)) fail("finding", `${f.rule} names sheet “${cell.sheet}”, not in the workbook`);
      if (!insideSheet(wb.sheets.find((s) => s.name === cell.sheet)!, sheets.get(cell.sheet)!, cell.row, cell.col)) {
        fail("finding", `${f.rule} names ${cell.sheet} row ${cell.row} col ${cell.col}, outside the sheet (used range ${JSON.stringify(sheets.get(cell.sheet))}): ${f.message}`);
      }
    }
  }
  const inResult = new Set(r.findings);
  const owner = new Map<unknown, number>();
  r.causes.forEach((cause, i) => {
    if (cause.id !== i + 1) fail("causes", `cause ${i} has id ${cause.id}`);
    if (!cause.title) fail("causes", `cause ${cause.id} has no title`);
    if (cause.findings.length === 0) fail("causes", `cause ${cause.id} has no finding`);
    for (const f of cause.findings) {
      if (!inResult.has(f)) fail("causes", `cause ${cause.id} refers to a finding not in the result (${f.rule})`);
      if (owner.has(f)) fail("causes", `finding ${f.rule} in causes ${owner.get(f)} and ${cause.id}`);
      owner.set(f, cause.id);
      if (f.cause !== cause.id) fail("causes", `finding ${f.rule} says cause ${f.cause}, listed in ${cause.id}`);
    }
  });
  for (const f of r.findings) if (f.severity !== "info" && !owner.has(f)) fail("causes", `${f.severity} ${f.rule} belongs to no cause`);
  for (const s of ["error", "warning", "info"] as const) {
    if (r.summary[s] !== r.findings.filter((f) => f.severity === s).length) fail("summary", `${s} count`);
    if (r.causeSummary[s] !== r.causes.filter((x) => x.severity === s).length) fail("summary", `cause ${s} count`);
  }
  guard("resultToJson", () => JSON.stringify(resultToJson("fuzz.xlsx", r)));
  guard("formatText", () => formatText("fuzz.xlsx", r, { info: true }));
  const n = guard("draftNarrative", () => draftNarrative(wb));
  guard("narrativeToText", () => narrativeToText(n));
  guard("narrativeToJson", () => JSON.stringify(narrativeToJson(n)));
  guard("supplementForWorkbook", () => supplementForWorkbook(wb));
  if (serializeWorkbook(wb) !== before) fail("snapshot", "the input workbook was modified");
}
