/** Building blocks every table parser uses. */
import { a1, rangeA1 } from "../grid/address";
import { getCell } from "../grid/snapshot";
import { Amount, UNIT_SCALE, Unit, readAmount, readAmountFields, setHidden } from "../amount/amount";
import { Decimal } from "../amount/decimal";
import { FIXED_DP } from "../amount/fixed";
import { formatAmount } from "../amount/format";
import { norm } from "../recognize/normalize";
import { MetaInfo, RegionContext, rowCells, textAt } from "./header";
import { AmountCell, CellRef, TableBase, TableFamily } from "./types";

export interface TemplateInfo {
  id: string;
  code: string;
  name: string;
  family: TableFamily;
  /** Unit assumed when the table has no "单位：" line. */
  defaultUnit?: Unit;
}

export interface ParseFailure {
  failed: true;
  template: TemplateInfo;
  reason: string;
  ctx: RegionContext;
}

export function failure(template: TemplateInfo, ctx: RegionContext, reason: string): ParseFailure {
  return { failed: true, template, reason, ctx };
}

export function createBase(ctx: RegionContext, t: TemplateInfo, meta: MetaInfo): TableBase {
  const unit = meta.unit ?? t.defaultUnit ?? "万元";
  // A table known only by its sheet's name ("公开05表") has no title cell: its title
  // row is the one above its first row, −1 when that is the sheet's first row. The
  // table is then named by its first row (no finding may name row −1, "A0").
  const titleRow = Math.max(0, ctx.titleRow);
  return {
    id: `${ctx.sheet.name}!${a1(titleRow, ctx.titleCol)}`,
    template: t.id,
    code: t.code,
    name: t.name,
    family: t.family,
    sheet: ctx.sheet.name,
    range: { ...ctx.region },
    title: ctx.title,
    titleRef: { sheet: ctx.sheet.name, row: titleRow, col: ctx.titleCol },
    unit,
    unitExplicit: meta.unit !== undefined,
    unitRef: meta.unitRef,
    scale: UNIT_SCALE[unit],
    precision: 2,
    department: meta.department,
    year: meta.year ?? yearFromTitle(ctx.title),
    notes: [],
    issues: [],
  };
}

function yearFromTitle(title: string): number | undefined {
  const m = /(20\d{2})\s*年/.exec(title);
  return m ? parseInt(m[1], 10) : undefined;
}

/**
 * "2101101 行政运行", composed when a figure is named (a 5,000-row table would
 * otherwise build a label per row that is almost never read).
 */
export class CodeNameLabel {
  constructor(
    readonly code: string,
    readonly name: string,
  ) {}
  toString(): string {
    return `${this.code} ${this.name}`.trim();
  }
}

/** A row's name written when a figure is named ("“鉴定人次”分值"): text, or an object that composes it then. */
export interface ComposedLabel {
  toString(): string;
}

export type RowLabel = string | ComposedLabel;

/**
 * An AmountCell whose label is composed on demand (tables hold 100,000 figures;
 * few are ever named). It is its own CellRef and its own Amount: one object per
 * figure, not three (a 5,000-row workbook's check spent a third of its time in
 * the garbage collector copying them).
 */
class Figure extends Amount implements AmountCell, CellRef {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly col: number,
    private readonly rowLabel: RowLabel,
    private readonly colTitle: string | undefined,
    readonly table: TableBase,
    fixed: bigint,
    decimals: number,
    blank: boolean,
    percent: boolean,
    readonly invalid?: AmountCell["invalid"],
    value?: Decimal,
  ) {
    super(fixed, decimals, blank, percent, value);
  }
  get amount(): Amount | null {
    return this.invalid ? null : this;
  }
  get ref(): CellRef {
    return this;
  }
  get label(): string {
    const row = typeof this.rowLabel === "string" ? this.rowLabel : this.rowLabel.toString();
    return this.colTitle === undefined ? row : `${row}“${this.colTitle}”`;
  }
  toJSON(): CellRef {
    return { sheet: this.sheet, row: this.row, col: this.col };
  }
}

const NO_FIXED = BigInt(0);

/**
 * Reads one figure; a cell that is not a number becomes a table issue (and amount null).
 * The label is `rowLabel` alone, or `rowLabel“colTitle”` when a column title is given.
 */
export function amountCell(ctx: RegionContext, table: TableBase, row: number, col: number, rowLabel: RowLabel, colTitle?: string): AmountCell {
  const cell = getCell(ctx.sheet, row, col);
  const sheet = ctx.sheet.name;
  const fast = readAmountFields(cell, table.precision);
  if (fast) {
    const { fixed, decimals, blank, stored, shown } = fast;
    const f = new Figure(sheet, row, col, rowLabel, colTitle, table, fixed, decimals, blank, false);
    if (stored === undefined) return f;
    setHidden(f, stored, shown, false);
    if (!f.hidden) return f;
    // Hidden decimals: the full reader writes the table issue.
  }
  const read = readAmount(cell, table.precision);
  const ref: CellRef = { sheet, row, col };
  const label = colTitle === undefined ? String(rowLabel) : `${rowLabel}“${colTitle}”`;
  if (!read.ok) {
    table.issues.push({
      kind: "not-a-number",
      severity: "error",
      message: `${table.code || table.name} ${label}（${a1(row, col)}）应为金额，但内容为“${read.text}”（${read.reason}）`,
      cells: [ref],
    });
    return new Figure(sheet, row, col, rowLabel, colTitle, table, NO_FIXED, table.precision, false, false, { text: read.text, reason: read.reason });
  }
  const a = read.amount;
  if (a.hidden && !a.percent) {
    table.issues.push({
      kind: "hidden-decimals",
      severity: "info",
      message: `${table.code || table.name} ${label}（${a1(row, col)}）显示为 ${formatAmount(a)}，但单元格实际存储的数值是 ${a.hidden.toString()}；公开的数字与存储值不同`,
      cells: [ref],
    });
  }
  // The decimal is made on first use, from the fixed-point form, which holds the figure exactly up to 7 decimals.
  const f = new Figure(sheet, row, col, rowLabel, colTitle, table, a.fixed, a.decimals, a.blank, a.percent, undefined, a.decimals > FIXED_DP ? a.value : undefined);
  f.hidden = a.hidden;
  return f;
}

/** True when every figure is blank or zero (an empty table). */
export function allBlankOrZero(cells: AmountCell[]): boolean {
  return cells.every((c) => !c.amount || c.amount.value.isZero());
}

const NOTE_RE = /^(注|说明|备注|附注)[:：\d]?/;

/** Collects note rows ("注：…", "说明：…", long text) from `fromRow` to the end of the region. */
export function collectNotes(ctx: RegionContext, table: TableBase, fromRow: number): void {
  for (let r = fromRow; r <= ctx.region.bottom; r++) {
    for (const { col, cell } of rowCells(ctx, r)) {
      const t = cell.text.trim();
      if (typeof cell.value === "number") continue;
      const n = norm(t);
      if (NOTE_RE.test(n) || n.length >= 20) table.notes.push({ text: t, ref: { sheet: ctx.sheet.name, row: r, col } });
    }
  }
}

/** Label text of a row at a column, following merges. */
export function labelAt(ctx: RegionContext, row: number, col: number): string {
  return textAt(ctx, row, col);
}

export function describeRange(table: TableBase): string {
  return rangeA1(table.range);
}
