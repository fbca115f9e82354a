/**
 * Finds the tables of a workbook by their titles (never by address) and parses
 * each region with its template.
 *
 * - A title is a short text cell, anywhere, that names a known table and ends
 *   with 表 (after removing "公开02表", the year and a trailing "(续)").
 *   Table-of-contents lines ("1. 2026年部门收入预算总表 ……") and narrative
 *   headings ("三、支出决算情况说明") are not titles.
 * - Several tables per sheet: stacked tables split the sheet by rows, tables
 *   side by side (titles within two rows of each other) split it by columns.
 * - A sheet whose title is missing but that carries the code "公开05表" (in a
 *   cell or in its name) is read as that table, header permitting.
 * - A parser that fails gives a ParseFailure (reported as a finding); one that
 *   throws is caught, so no workbook can crash recognition.
 */
import { RangePos, rangeA1 } from "../grid/address";
import { MergeIndex, SheetSnapshot, WorkbookSnapshot } from "../grid/snapshot";
import { ParseFailure } from "../tables/base";
import { RegionContext } from "../tables/header";
import { norm, startsWithNumbering } from "./normalize";
import { Table, TemplateDef, allTemplates, templateByCode, templatesVersion } from "./templates";
import { findGenericTables } from "../tables/generic";
import { documentStage, headerTitle, perfRegions } from "./byHeader";
import { isIndicatorHeader } from "../tables/perf/indicators";
import { formRow } from "../tables/perf/form";
import { isNarrativeSheet } from "../narrative/text";
import { findSupplementSheet } from "../narrative/supplement";

export interface TitleHit {
  row: number;
  col: number;
  text: string;
  def: TemplateDef;
  /** Right edge of the title's merge, if merged. */
  mergeRight?: number;
  /** Starts with an outline number: kept only when its region parses (see isWeakTitle). */
  weak?: boolean;
}

export interface Recognition {
  tables: Table[];
  failures: ParseFailure[];
  /** Sheets that hold no recognised table (narratives, covers…). */
  otherSheets: string[];
  /** Of those, the sheets that hold a narrative (情况说明). */
  narratives: string[];
  /** The 补充信息 sheet, when there is one. */
  supplement?: string;
}

/** Sequence prefixes of a title: "表4", "附表3-2", "附件2-1：", "表1-1", "5.", "6、", "（二）", "一、". */
const BREAK = "\u0001";
const TITLE_PREFIX = [
  /^(附表|附件|表)\u0001?[\d一二三四五六七八九十]+([-－—_.．]\d+)*(?:[:：.．、]|\u0001)?/,
  // "5." / "6、" / "2.2024年…", not a decimal ("1.5万元").
  /^\d{1,2}([-－]\d{1,2})*(?:[、:：]|[.．](?=\D|20\d{2}年)|\u0001)/,
  /^\([一二三四五六七八九十\d]+\)[、.．]?/,
  /^[一二三四五六七八九十]+[、.．]/,
];
/** A unit written inside the title cell ("…总表\n（单位：万元）", "…总表 金额单位:元"). */
const TITLE_UNIT = /\(?(金额)?单位[:：]?(亿元|万元|千元|元)\)?/g;

/**
 * Title text reduced to what template matchers test: normalised (spaces and line
 * breaks removed), without its sequence prefix, the 公开NN表 code, a unit written
 * in the title, a trailing "(续)" or "(2021年度)". The department and the year
 * stay inside (matchers test words, not whole titles).
 */
export function cleanTitle(text: string): string {
  // Spaces and line breaks end a prefix ("表8\n2024年…"): keep them as a mark until the prefix is gone.
  let t = norm((text ?? "").trim().replace(/\s+/g, BREAK));
  t = t.replace(/公开\d+表/g, "");
  t = t.replace(TITLE_UNIT, "");
  for (let guard = 0; guard < 3; guard++) {
    const before = t;
    for (const re of TITLE_PREFIX) t = t.replace(re, "").replace(/^\u0001+/, "");
    if (t === before) break;
  }
  t = t.replace(/\u0001/g, "");
  t = t.replace(/\((续|续表|单位:?[^)]*|20\d{2}年度?)\)$/, "");
  t = t.replace(/\((20\d{2})年度?\)/g, "");
  t = t.replace(/[…．.]+$/, "");
  return t;
}

/**
 * A title that starts with an outline number ("1.", "一、", "（二）") is a weak
 * title: tables of contents and narrative headings are written the same way, so
 * recognition keeps it only when the region below it reads as that table.
 */
export function isWeakTitle(text: string): boolean {
  return startsWithNumbering(text);
}

/**
 * Title matches by cell text: a workbook repeats its labels (200 绩效 forms each
 * hold "年度绩效目标", "指标值"…), and matching is pure in the text. Emptied at
 * the start of every check (checkWorkbook), like the narrative's figure cache.
 */
const titleCache = new Map<string, TemplateDef | null>();
const TITLE_CACHE_SIZE = 5000;
let titleCacheVersion = -1;

export function clearTitleCache(): void {
  titleCache.clear();
}

export function matchTitle(text: string): TemplateDef | undefined {
  if (!text) return undefined;
  if (titleCacheVersion !== templatesVersion()) {
    titleCache.clear();
    titleCacheVersion = templatesVersion();
  }
  const known = titleCache.get(text);
  if (known !== undefined) return known ?? undefined;
  const def = matchTitleUncached(text);
  if (titleCache.size >= TITLE_CACHE_SIZE) titleCache.clear();
  titleCache.set(text, def ?? null);
  return def;
}

function matchTitleUncached(text: string): TemplateDef | undefined {
  const raw = norm(text);
  if (raw.length < 4 || raw.length > 80) return undefined;
  if (/说明|目录|……|\.{3,}/.test(raw)) return undefined;
  const t = cleanTitle(text);
  for (const def of allTemplates()) {
    if (!def.titleNeedNotEndWithBiao && !/表$/.test(t)) continue;
    if (def.matchTitle(t)) return def;
  }
  return undefined;
}

const TITLE_WORD = /表|评价|自评|目标/;

export function findTitles(sheet: SheetSnapshot, merges: MergeIndex): TitleHit[] {
  const hits: TitleHit[] = [];
  // forEach rather than for…of: no entry array per cell (sheets hold 100,000 cells).
  sheet.rows.forEach((cols, row) => {
    cols.forEach((cell, col) => {
      if (typeof cell.value !== "string") return;
      const text = cell.text;
      if (text.length < 4 || text.length > 100) return;
      if (!TITLE_WORD.test(text)) return;
      const def = matchTitle(text);
      if (!def) return;
      const m = merges.mergeOf(row, col);
      hits.push({ row, col, text: text.trim(), def, mergeRight: m?.right, weak: isWeakTitle(text) || undefined });
    });
  });
  hits.sort((a, b) => a.row - b.row || a.col - b.col);
  return hits;
}

function regionsFor(sheet: SheetSnapshot, hits: TitleHit[]): RangePos[] {
  const b = sheet.bounds!;
  return hits.map((h, i) => {
    // Side-by-side siblings: titles within two rows, to the left or right.
    const siblings = hits.filter((o, j) => j !== i && Math.abs(o.row - h.row) <= 2);
    const rightSib = siblings.filter((o) => o.col > h.col).sort((x, y) => x.col - y.col)[0];
    const leftSib = siblings.filter((o) => o.col < h.col).sort((x, y) => y.col - x.col)[0];
    const left = leftSib ? (leftSib.mergeRight !== undefined ? leftSib.mergeRight + 1 : h.col) : b.left;
    const right = rightSib ? rightSib.col - 1 : b.right;
    // Stacked: the next title below in an overlapping column band ends this region.
    const below = hits
      .filter((o) => o.row > h.row + 2 && o.col <= right && (o.mergeRight ?? o.col) >= left)
      .sort((x, y) => x.row - y.row)[0];
    const bottom = below ? below.row - 1 : b.bottom;
    return { top: h.row, left: Math.min(left, h.col), bottom, right: Math.max(right, h.mergeRight ?? h.col) };
  });
}

function parseRegion(def: TemplateDef, ctx: RegionContext): Table | ParseFailure {
  try {
    return def.parse(ctx);
  } catch (e) {
    return { failed: true, template: def.info, reason: `读取时出错：${e instanceof Error ? e.message : String(e)}`, ctx };
  }
}

/**
 * A table code that labels the sheet ("公开05表" in a corner cell, "公开05表 一般公共
 * 预算财政拨款支出决算表" without the usual layout): a short cell of its own. A code
 * inside a sentence ("注：本表数据与公开01表一致。", a finding "公开01表!C13 应为…")
 * refers to another table, and codes listed down a column (a 目录, a list of
 * findings by sheet) are data: neither makes the sheet that table.
 */
function codeLabel(text: string): TemplateDef | undefined {
  const t = norm(text);
  if (t.length > 40 || /[，。；;！!？?]|^(注|说明|备注|附注)/.test(t)) return undefined;
  return templateOfCode(t);
}

/** The template whose code ("公开05表") the normalised text holds. */
function templateOfCode(t: string): TemplateDef | undefined {
  const m = /公开(\d{2})表/.exec(t);
  return m ? templateByCode(`公开${m[1]}表`) : undefined;
}

function codeHint(sheet: SheetSnapshot): { def: TemplateDef; row: number; col: number; text: string } | undefined {
  const b = sheet.bounds;
  if (!b) return undefined;
  let hint: { def: TemplateDef; row: number; col: number; text: string } | undefined;
  for (let r = b.top; r <= Math.min(b.bottom, b.top + 6); r++) {
    const cols = sheet.rows.get(r);
    if (!cols) continue;
    for (const [col, cell] of cols) {
      const def = codeLabel(cell.text);
      if (!def) continue;
      // A second code cell in these rows (another table's, or the same one again down a column): a list, not a label.
      if (hint) return undefined;
      hint = { def, row: r, col, text: cell.text };
    }
  }
  if (hint) return hint;
  const def = templateOfCode(norm(sheet.name));
  return def ? { def, row: b.top - 1, col: b.left, text: sheet.name } : undefined;
}

/** A bare sequence label ("表5", "附表3-2"): a title cell that names no table (a bare "5" may be a 科目 code). */
const BARE_NUMBER = /^附?表\s*[\d一二三四五六七八九十]+([-－—]\d+)?$/;

/**
 * The sheet tab as the table's title, when no cell holds one: the title row is
 * the bare "表N" cell in the first rows, or the row above the sheet's content.
 */
function sheetNameTitle(sheet: SheetSnapshot): { def: TemplateDef; row: number; col: number } | undefined {
  const b = sheet.bounds;
  if (!b) return undefined;
  const def = matchTitle(sheet.name);
  if (!def) return undefined;
  for (let r = b.top; r <= Math.min(b.bottom, b.top + 3); r++) {
    const cols = sheet.rows.get(r);
    if (!cols) continue;
    for (const [col, cell] of cols) if (typeof cell.value === "string" && BARE_NUMBER.test(norm(cell.text.trim()))) return { def, row: r, col };
  }
  return { def, row: b.top - 1, col: b.left };
}

/** The tables of one sheet, and the sheet's merge index (built once, kept for the untitled-sheet passes of recognize()). */
export function recognizeSheet(sheet: SheetSnapshot): { tables: Table[]; failures: ParseFailure[]; merges: MergeIndex } {
  const tables: Table[] = [];
  const failures: ParseFailure[] = [];
  const merges = new MergeIndex(sheet.merges);
  if (!sheet.bounds) return { tables, failures, merges };
  const hits = findTitles(sheet, merges);
  if (hits.length === 0) {
    const hint = codeHint(sheet);
    if (hint) {
      const region = { ...sheet.bounds, top: Math.max(0, hint.row) };
      const ctx: RegionContext = { sheet, merges, region, titleRow: hint.row, titleCol: hint.col, title: hint.text };
      const res = parseRegion(hint.def, ctx);
      if ("failed" in res) failures.push(res);
      else tables.push(res);
      return { tables, failures, merges };
    }
    // The table's name only on the sheet tab ("表5 一般公共预算支出表"), the sheet holding a bare
    // "表5" or nothing above the header: a weak title, kept only when the sheet reads as that table.
    const named = sheetNameTitle(sheet);
    if (named) {
      const region = { ...sheet.bounds, top: Math.max(0, named.row) };
      const res = parseRegion(named.def, { sheet, merges, region, titleRow: named.row, titleCol: named.col, title: sheet.name });
      if (!("failed" in res)) tables.push(res);
    }
    return { tables, failures, merges };
  }
  const parseAll = (list: TitleHit[]) => {
    const regions = regionsFor(sheet, list);
    return list.map((h, i) => parseRegion(h.def, { sheet, merges, region: regions[i], titleRow: h.row, titleCol: h.col, title: h.text }));
  };
  let results = parseAll(hits);
  // A weak title ("1. 部门收支总表" in a 目录, "（一）…" in a narrative) whose region is not that table is no title.
  const kept = hits.filter((h, i) => !h.weak || !("failed" in results[i]));
  if (kept.length !== hits.length) results = kept.length ? parseAll(kept) : [];
  for (const res of results) {
    if ("failed" in res) failures.push(res);
    else tables.push(res);
  }
  return { tables, failures, merges };
}

export function recognize(wb: WorkbookSnapshot): Recognition {
  const supplement = findSupplementSheet(wb)?.name;
  const out: Recognition = { tables: [], failures: [], otherSheets: [], narratives: [], supplement };
  const perSheet = wb.sheets.map((sheet) => recognizeSheet(sheet));
  // Sheets with no title: the template told by the header words (byHeader.ts), in a document
  // whose kind (决算/预算) its titled tables or its words say. By index; one merge index each.
  const untitled = wb.sheets
    .map((sheet, i) => ({ sheet, i }))
    .filter(({ sheet, i }) => !perSheet[i].tables.length && !perSheet[i].failures.length && sheet.bounds && sheet.name !== supplement)
    .map((u) => ({ ...u, merges: perSheet[u.i].merges }));
  // Performance forms first: a sheet with indicator headers is a form whatever the document.
  for (const u of untitled) perSheet[u.i].tables.push(...perfByHeader(u.sheet, u.merges));
  const stage = untitled.length ? documentStage(wb, perSheet.flatMap((p) => p.tables.map((t) => t.family))) : undefined;
  if (stage) {
    // Not the sheets just read as forms, nor a text of paragraphs (a 情况说明 names 三公 items and 收支 lines).
    const guesses = untitled.filter((u) => !perSheet[u.i].tables.length && longTexts(u.sheet) < 5).map((u) => ({ ...u, title: headerTitle(u.sheet, stage) }));
    const count = new Map<string, number>();
    for (const g of guesses) if (g.title) count.set(g.title, (count.get(g.title) ?? 0) + 1);
    const taken = new Set(perSheet.flatMap((p) => p.tables.map((t) => t.template)));
    for (const g of guesses) {
      // Two sheets read as the same table: the words do not tell them apart, so neither is taken.
      if (!g.title || count.get(g.title)! > 1) continue;
      const t = byHeaderTable(g.sheet, g.merges, g.title);
      // A template the workbook already holds under its title is not guessed a second time.
      if (t && !taken.has(t.template)) perSheet[g.i].tables.push(t);
    }
  }
  wb.sheets.forEach((sheet, i) => {
    const { tables, failures } = perSheet[i];
    out.tables.push(...tables);
    out.failures.push(...failures);
    if (tables.length === 0 && failures.length === 0) {
      // No template: a numeric table is still checked by its structure (tables/generic.ts);
      // a narrative or the 补充信息 is read by its own rules.
      const narrative = sheet.name !== supplement && isNarrativeSheet(sheet);
      if (narrative) out.narratives.push(sheet.name);
      const generic = sheet.name === supplement || narrative ? [] : findGenericTables(sheet);
      for (const g of generic) if (g.title) g.name = cleanTitle(g.title) || g.name;
      if (generic.length) out.tables.push(...generic);
      else out.otherSheets.push(sheet.name);
    }
  });
  return out;
}

/**
 * The table of an untitled sheet, read with the template its header words single
 * out; undefined when they single out none or the sheet does not read as that table.
 * Its title line is a bare "表N" in the first rows, or the line above the content.
 */
function byHeaderTable(sheet: SheetSnapshot, merges: MergeIndex, title: string): Table | undefined {
  const def = matchTitle(title);
  const b = sheet.bounds;
  if (!def || !b) return undefined;
  // The title line: none (the header opens the sheet), or one of the first rows ("表X", a
  // department line, a blank title left behind): the first reading that finds the header wins.
  for (let titleRow = b.top - 1; titleRow <= Math.min(b.bottom, b.top + 3); titleRow++) {
    const res = parseRegion(def, { sheet, merges, region: { ...b, top: Math.max(0, titleRow) }, titleRow, titleCol: b.left, title: "" });
    if ("failed" in res) continue;
    res.byHeader = true;
    return res;
  }
  return undefined;
}

/** Cells of more than 60 characters: paragraphs (a table holds at most a note or two). */
function longTexts(sheet: SheetSnapshot): number {
  let n = 0;
  sheet.rows.forEach((row) =>
    row.forEach((c) => {
      if (typeof c.value === "string" && c.text.length > 60) n++;
    }),
  );
  return n;
}

/** The performance forms of an untitled sheet (byHeader.ts perfRegions), each read by its template. */
function perfByHeader(sheet: SheetSnapshot, merges: MergeIndex): Table[] {
  const b = sheet.bounds;
  if (!b) return [];
  const whole: RegionContext = { sheet, merges, region: b, titleRow: b.top - 1, titleCol: b.left, title: "" };
  const regions = perfRegions(
    sheet,
    // Rows without a cell naming 指标 are passed over before any cell is read as a form cell.
    (r) => {
      let named = false;
      sheet.rows.get(r)?.forEach((c) => {
        if (!named && c.text.includes("指")) named = true;
      });
      return named && isIndicatorHeader(formRow(whole, r));
    },
    (r) => formRow(whole, r).map((c) => c.n),
  );
  const out: Table[] = [];
  for (const reg of regions) {
    const def = matchTitle(reg.title);
    if (!def) continue;
    const res = parseRegion(def, { sheet, merges, region: { ...b, top: Math.max(0, reg.top - 1), bottom: reg.bottom }, titleRow: reg.top - 1, titleCol: b.left, title: "" });
    if ("failed" in res) continue;
    res.byHeader = true;
    out.push(res);
  }
  return out;
}

export function describeTable(t: Table): string {
  return `${t.code ? t.code + " " : ""}${t.name}（${t.sheet}!${rangeA1(t.range)}）`;
}
