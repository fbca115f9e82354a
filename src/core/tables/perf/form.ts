/**
 * Reading performance forms: label cells, the value next to a label, the
 * numbers of a row, points written in a label ("产出指标 (50)"), and scores
 * written with their unit ("8分"). Labels are matched on norm() text (no
 * spaces, ASCII brackets and colons), never by position.
 */
import { readAmount } from "../../amount/amount";
import { Decimal } from "../../amount/decimal";
import { digitsToFixed } from "../../amount/fixed";
import { isNumberText, parseNumberText } from "../../amount/parse";
import { a1 } from "../../grid/address";
import { getCell } from "../../grid/snapshot";
import { norm } from "../../recognize/normalize";
import { RowLabel, amountCell } from "../base";
import { RegionContext, textAt } from "../header";
import { AmountCell, CellRef, TableBase } from "../types";
import { StatedPoints, TextCell } from "./model";

export interface FormCell {
  col: number;
  /** Text as displayed (trimmed). */
  text: string;
  /** norm() of the text. */
  readonly n: string;
  readonly ref: CellRef;
  readonly numeric: boolean;
  /** Last column covered (merges). */
  right: number;
}

const rowCache = new WeakMap<RegionContext, Map<number, FormCell[]>>();

/**
 * Non-empty cells of a row inside the region (merge masters only), left to right.
 * A form is scanned several times (header, funds, plan, indicators, 总分): rows are
 * read once per region and kept while the region is parsed.
 */
export function formRow(ctx: RegionContext, row: number): FormCell[] {
  let cache = rowCache.get(ctx);
  if (!cache) {
    cache = new Map();
    rowCache.set(ctx, cache);
  }
  let cells = cache.get(row);
  if (!cells) {
    cells = readFormRow(ctx, row);
    cache.set(row, cells);
  }
  return cells;
}

const NO_CELLS: FormCell[] = Object.freeze([]) as unknown as FormCell[];
const DIGIT = /\d/;

/**
 * A FormCell whose normalised text, reference and number test are worked out on
 * first use: a form's rows are all read, but most of their cells are only
 * counted or passed over (20,000 cells in 200 forms).
 */
class LazyFormCell implements FormCell {
  private nText: string | undefined = undefined;
  private cellRef: CellRef | undefined = undefined;
  private isNumeric: boolean | undefined = undefined;
  constructor(
    readonly col: number,
    readonly text: string,
    readonly right: number,
    private readonly row: number,
    private readonly sheet: string,
    private readonly numberValue: boolean,
  ) {}
  get n(): string {
    if (this.nText === undefined) this.nText = norm(this.text);
    return this.nText;
  }
  get ref(): CellRef {
    if (this.cellRef === undefined) this.cellRef = { sheet: this.sheet, row: this.row, col: this.col };
    return this.cellRef;
  }
  get numeric(): boolean {
    if (this.isNumeric === undefined) {
      const t = this.text;
      this.isNumeric = this.numberValue || (t.length < 40 && DIGIT.test(t) && isNumberText(t));
    }
    return this.isNumeric;
  }
}

function readFormRow(ctx: RegionContext, row: number): FormCell[] {
  const cols = ctx.sheet.rows.get(row);
  if (!cols) return NO_CELLS;
  const { left, right } = ctx.region;
  const sheet = ctx.sheet.name;
  const merges = ctx.merges;
  const out: FormCell[] = [];
  let sorted = true;
  // The same test as rowCells(), without its intermediate array.
  cols.forEach((cell, col) => {
    if (col < left || col > right) return;
    const text = cell.text.trim();
    if (cell.value === null && text === "") return;
    const m = merges.mergeOf(row, col);
    if (out.length && out[out.length - 1].col > col) sorted = false;
    out.push(new LazyFormCell(col, text, m ? m.right : col, row, sheet, typeof cell.value === "number"));
  });
  if (!sorted) out.sort((a, b) => a.col - b.col);
  return out;
}

/** The text a cell shows, following merges, with the reference of the cell that holds it. */
export function textCellAt(ctx: RegionContext, row: number, col: number): TextCell | undefined {
  const m = ctx.merges.mergeOf(row, col);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  const text = textAt(ctx, row, col);
  if (!text) return undefined;
  return { text, ref: { sheet: ctx.sheet.name, row: r, col: c } };
}

/** Top-left cell of the merge holding (row, col). */
export function masterOf(ctx: RegionContext, row: number, col: number): { row: number; col: number } {
  return ctx.merges.master(row, col);
}

/** First row in [from, to] satisfying `test`. */
export function findRow(ctx: RegionContext, from: number, to: number, test: (cells: FormCell[], row: number) => boolean): number | undefined {
  for (let r = from; r <= to; r++) {
    const cells = formRow(ctx, r);
    if (cells.length && test(cells, r)) return r;
  }
  return undefined;
}

/**
 * A field written as "label | value" on one row (项目名称 | 医保慢性病鉴定复检).
 * Returns the first non-empty cell right of the first label cell matching `label`.
 * `mustHave`, when given, is a test every label passes on its raw text.
 */
export function fieldValue(ctx: RegionContext, from: number, to: number, label: RegExp, mustHave?: RegExp): TextCell | undefined {
  for (let r = from; r <= to; r++) {
    const cells = formRow(ctx, r);
    // `mustHave`: characters of which every label holds one (norm() leaves Chinese characters as they are),
    // tested on the text first so that most cells of a form are passed over without being normalised.
    const i = cells.findIndex((c) => (!mustHave || mustHave.test(c.text)) && c.n.length <= 16 && label.test(c.n.replace(/[:：]$/, "")));
    if (i < 0) continue;
    const next = cells[i + 1];
    if (next && !label.test(next.n)) return { text: next.text, ref: next.ref };
    // "项目名称：医保慢性病鉴定复检" in one cell.
    const inline = /[:：](.+)$/.exec(cells[i].text);
    if (inline && inline[1].trim()) return { text: inline[1].trim(), ref: cells[i].ref };
  }
  return undefined;
}

const POINTS_RE = /^(.*?)[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/;
const POINTS_TAIL_RE = /^(.*?[^\d.])(\d+(?:\.\d+)?)\s*分$/;

/** "产出指标 (50)", "产出指标（50分）", "决策(20分)", "产出指标50分" → name and points. */
export function splitPoints(text: string): { name: string; points?: StatedPoints } {
  const t = text.trim();
  const m = POINTS_RE.exec(t) ?? POINTS_TAIL_RE.exec(t);
  if (!m) return { name: norm(t) };
  const digits = m[2];
  const dot = digits.indexOf(".");
  const points = new Points(digits, dot);
  return { name: norm(m[1]), points };
}

/** Points written in a label: fixed point at once, the decimal on first use (messages only). */
class Points implements StatedPoints {
  readonly fixed: bigint;
  readonly decimals: number;
  private dec: Decimal | undefined = undefined;
  /** `digits`: "50" or "2.5"; `dot`: the position of its point (−1 when none). */
  constructor(
    private readonly digits: string,
    dot: number,
  ) {
    this.fixed = dot < 0 ? digitsToFixed(false, digits, "") : digitsToFixed(false, digits.slice(0, dot), digits.slice(dot + 1));
    this.decimals = dot < 0 ? 0 : digits.length - dot - 1;
  }
  get value(): Decimal {
    return (this.dec ??= new Decimal(this.digits));
  }
}

/**
 * A score or points figure: a number, or a number written with 分 ("8分").
 * Blank cells read as blank (0); text that is not a figure becomes a table issue.
 */
export function scoreCell(ctx: RegionContext, table: TableBase, row: number, col: number, label: RowLabel): AmountCell {
  const cell = getCell(ctx.sheet, row, col);
  const text = cell && typeof cell.value !== "number" ? cell.text.trim() : "";
  const m = text.endsWith("分") ? /^(.*\d)\s*分$/.exec(text) : null;
  if (cell && m) {
    const p = parseNumberText(m[1]);
    if (p.kind === "number") {
      const read = readAmount({ text: m[1], value: m[1] }, table.precision);
      if (read.ok) return { ref: { sheet: ctx.sheet.name, row, col }, label: String(label), amount: read.amount, table };
    }
  }
  return amountCell(ctx, table, row, col, label);
}

export function cellAddress(ref: CellRef): string {
  return a1(ref.row, ref.col);
}

/** The first numeric cell right of `col` on a row (a value written next to its label). */
export function numberRightOf(cells: FormCell[], col: number): FormCell | undefined {
  return cells.find((c) => c.col > col && c.numeric);
}
