/**
 * Reading the top of a table: meta lines ("部门：…", "单位：万元", "公开02表"),
 * the header block (one or more rows, merged cells spread over the columns they
 * cover), the optional 栏次 row, and where the data starts.
 *
 * Each column gets a composite label made of its header texts from top to
 * bottom, e.g. "预算数/公务用车购置及运行费/公务用车购置费" for 公开07表 column D.
 */
import { RangePos } from "../grid/address";
import { Cell, MergeIndex, SheetSnapshot, getCell } from "../grid/snapshot";
import { Unit } from "../amount/amount";
import { isCode, norm, startsWithNumbering } from "../recognize/normalize";
import { parseNumberText } from "../amount/parse";
import { CellRef } from "./types";

export interface RegionContext {
  sheet: SheetSnapshot;
  merges: MergeIndex;
  region: RangePos;
  titleRow: number;
  titleCol: number;
  title: string;
}

export interface MetaInfo {
  unit?: Unit;
  unitRef?: CellRef;
  department?: string;
  year?: number;
  code?: string;
}

export interface HeaderBlock {
  /** First and last header rows (inclusive); bottom < top when there is no header. */
  top: number;
  bottom: number;
  /** The 栏次 row, when present. */
  columnNumberRow?: number;
  /** First row after the header block. */
  dataTop: number;
  /** col → composite label (normalised parts joined by "/"). */
  labels: Map<number, string>;
  /** col → label parts, top-down. */
  parts: Map<number, string[]>;
}

const UNIT_RE = /(?:金额)?单位[:：]?\s*(亿元|万元|千元|元)/;
const DEPT_RE = /^(?:部门|单位|编制部门|编制单位|填报单位|预算单位|部门名称|单位名称)(?:\(单位\))?[:：](.*)$/;
const YEAR_RE = /(20\d{2})\s*年/;

export function rowCells(ctx: RegionContext, row: number): { col: number; cell: Cell }[] {
  const r = ctx.sheet.rows.get(row);
  if (!r) return [];
  const out: { col: number; cell: Cell }[] = [];
  const { left, right } = ctx.region;
  let sorted = true;
  r.forEach((cell, col) => {
    if (col < left || col > right) return;
    if (cell.value === null && cell.text.trim() === "") return;
    if (out.length && out[out.length - 1].col > col) sorted = false;
    out.push({ col, cell });
  });
  // Cells are usually stored left to right: sort (which copies the array) only when they are not.
  if (!sorted) out.sort((a, b) => a.col - b.col);
  return out;
}

/** Text of a cell, following merges (a merged block reads as its top-left text). */
export function textAt(ctx: RegionContext, row: number, col: number): string {
  const m = ctx.merges.mergeOf(row, col);
  const c = m ? getCell(ctx.sheet, m.top, m.left) : getCell(ctx.sheet, row, col);
  return c ? c.text.trim() : "";
}

function isBareYear(t: string): boolean {
  return /^\(?(20\d{2})年度?\)?$/.test(norm(t));
}

function spansColumns(ctx: RegionContext, row: number, col: number): boolean {
  const m = ctx.merges.mergeOf(row, col);
  return !!m && m.right > m.left;
}

function isMetaText(t: string): boolean {
  const n = norm(t);
  return (
    UNIT_RE.test(n) ||
    DEPT_RE.test(n) ||
    /公开\d+表/.test(n) ||
    /^表\d+(-\d+)?$/.test(n) ||
    isBareYear(n) ||
    /^(单位|编制部门|部门)[:：]?$/.test(n)
  );
}

export function parseMeta(ctx: RegionContext, row: number, meta: MetaInfo): boolean {
  const cells = rowCells(ctx, row);
  if (cells.length === 0) return true;
  let any = false;
  for (const { col, cell } of cells) {
    const n = norm(cell.text);
    if (!isMetaText(cell.text)) continue;
    any = true;
    const u = UNIT_RE.exec(n);
    if (u) {
      meta.unit = u[1] as Unit;
      meta.unitRef = { sheet: ctx.sheet.name, row, col };
    }
    const d = u ? null : DEPT_RE.exec(n);
    // "部门：万元" is a unit line written on the 部门 label.
    if (d && /^(亿元|万元|千元|元)$/.test(d[1])) {
      meta.unit = d[1] as Unit;
      meta.unitRef = { sheet: ctx.sheet.name, row, col };
    } else if (d && d[1]) meta.department = d[1];
    const c = /公开\d+表/.exec(n);
    if (c) meta.code = c[0];
    const y = YEAR_RE.exec(n);
    if (y && !meta.year) meta.year = parseInt(y[1], 10);
  }
  // A meta row holds only meta texts (one unknown cell makes it a header row).
  return any && cells.every(({ cell }) => isMetaText(cell.text) || norm(cell.text) === "");
}

const TOTAL_WORDS = /^(合计|总计|本年收入合计|本年支出合计|收入合计|支出合计)$/;

/** A 栏次 row: "栏次" label and/or the column numbers 1, 2, 3 … */
export function isColumnNumberRow(ctx: RegionContext, row: number): boolean {
  const cells = rowCells(ctx, row);
  if (cells.length === 0) return false;
  let hasLabel = false;
  const nums: number[] = [];
  for (const { cell } of cells) {
    const n = norm(cell.text);
    if (n === "栏次" || n === "栏号") hasLabel = true;
    else if (typeof cell.value === "number" && Number.isInteger(cell.value) && cell.value > 0 && cell.value < 100) nums.push(cell.value);
    else if (/^\d{1,2}$/.test(n)) nums.push(parseInt(n, 10));
    else if (/^[甲乙丙丁]$/.test(n)) continue;
    else return false;
  }
  if (hasLabel) return true;
  if (nums.length < 3 || nums[0] !== 1) return false;
  return nums.every((v, i) => i === 0 || v > nums[i - 1]);
}

/**
 * A header row holds labels only. A row is data as soon as it holds a figure
 * (a number, or text that reads as one: "1,923.35"), a classification code, a
 * numbered line label ("一、一般公共服务支出"), or nothing but a total word
 * (an empty 合计 row). "合计" next to other labels is a column header (公开07表).
 */
function looksLikeHeaderRow(ctx: RegionContext, row: number): boolean {
  const cells = rowCells(ctx, row);
  if (cells.length === 0) return false;
  let onlyTotals = true;
  for (const { cell } of cells) {
    if (typeof cell.value === "number") return false;
    const t = cell.text.trim();
    const n = norm(t);
    if (isCode(n)) return false;
    if (parseNumberText(t).kind === "number") return false;
    if (startsWithNumbering(t) && n.length > 4) return false;
    if (n.length > 40) return false;
    if (!TOTAL_WORDS.test(n)) onlyTotals = false;
  }
  return !onlyTotals;
}

/**
 * Meta written around the title rather than below it: a unit inside the title cell
 * ("…总表\n（单位：万元）"), meta cells on the title row ("单位:万元" at its right),
 * and meta-only rows just above the title ("金额单位：万元" over the title).
 */
function metaAroundTitle(ctx: RegionContext, meta: MetaInfo): void {
  if (ctx.titleRow < 0) return;
  const u = UNIT_RE.exec(norm(ctx.title));
  if (u) {
    meta.unit = u[1] as Unit;
    meta.unitRef = { sheet: ctx.sheet.name, row: ctx.titleRow, col: ctx.titleCol };
  }
  for (let r = ctx.titleRow - 1; r >= Math.max(0, ctx.titleRow - 2); r--) {
    const cells = rowCells(ctx, r);
    if (cells.length === 0) continue;
    if (!cells.every(({ cell }) => isMetaText(cell.text))) break;
    parseMeta(ctx, r, meta);
  }
  parseMeta(ctx, ctx.titleRow, meta);
}

/**
 * Reads the header block that follows the title. `maxRows` bounds the search.
 * The unit may be written anywhere above the header: in or beside the title, on a
 * line above it, between the title and the header, or at the right of a header row.
 */
export function readHeader(ctx: RegionContext, meta: MetaInfo, maxRows = 8): HeaderBlock {
  metaAroundTitle(ctx, meta);
  let r = ctx.titleRow + 1;
  const last = Math.min(ctx.region.bottom, ctx.titleRow + 1 + maxRows + 4);
  // Meta rows (and blank rows) between the title and the header.
  while (r <= last) {
    const cells = rowCells(ctx, r);
    if (cells.length === 0) {
      r++;
      continue;
    }
    if (parseMeta(ctx, r, meta)) {
      r++;
      continue;
    }
    break;
  }
  const top = r;
  let bottom = top - 1;
  let columnNumberRow: number | undefined;
  while (r <= ctx.region.bottom && r < top + maxRows) {
    const cells = rowCells(ctx, r);
    if (cells.length === 0) {
      // A blank row inside a header is unusual; stop the header there.
      if (bottom >= top) break;
      r++;
      continue;
    }
    if (isColumnNumberRow(ctx, r)) {
      columnNumberRow = r;
      r++;
      break;
    }
    if (bottom >= top && !looksLikeHeaderRow(ctx, r)) break;
    if (bottom < top && !looksLikeHeaderRow(ctx, r)) break;
    // Unit or department on the right of a header row: remember it, it is not a label.
    parseMeta(ctx, r, meta);
    bottom = r;
    r++;
  }
  const labels = new Map<number, string>();
  const parts = new Map<number, string[]>();
  for (let c = ctx.region.left; c <= ctx.region.right; c++) {
    const ps: string[] = [];
    for (let hr = top; hr <= bottom; hr++) {
      const t = textAt(ctx, hr, c);
      // A year heading one column ("2023年 | 2022年 | 增减") is that column's label, not a year line.
      if (!t || (isMetaText(t) && !(isBareYear(t) && !spansColumns(ctx, hr, c)))) continue;
      const n = norm(t);
      if (ps[ps.length - 1] !== n) ps.push(n);
    }
    if (ps.length) {
      parts.set(c, ps);
      labels.set(c, ps.join("/"));
    }
  }
  return { top, bottom, columnNumberRow, dataTop: r, labels, parts };
}

/** Finds the first column (left to right, not yet used) whose composite label satisfies `test`. */
export function findColumn(
  header: HeaderBlock,
  test: (label: string, parts: string[]) => boolean,
  used?: Set<number>,
  from = -1,
): number | undefined {
  const cols = [...header.labels.keys()].sort((a, b) => a - b);
  for (const c of cols) {
    if (c <= from) continue;
    if (used?.has(c)) continue;
    if (test(header.labels.get(c)!, header.parts.get(c)!)) return c;
  }
  return undefined;
}

/** Meta lines can also sit below the title row but inside the header band: scan a few rows for them. */
export function scanMeta(ctx: RegionContext, meta: MetaInfo, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (const { col, cell } of rowCells(ctx, r)) {
      const n = norm(cell.text);
      const u = UNIT_RE.exec(n);
      if (u && !meta.unit) {
        meta.unit = u[1] as Unit;
        meta.unitRef = { sheet: ctx.sheet.name, row: r, col };
      }
      const d = u ? null : DEPT_RE.exec(n);
      if (d && d[1] && !meta.department) meta.department = d[1];
      const y = YEAR_RE.exec(n);
      if (y && !meta.year) meta.year = parseInt(y[1], 10);
    }
  }
}
