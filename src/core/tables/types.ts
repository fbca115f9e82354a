/**
 * Typed table models shared by every template. A table is a recognised region of
 * one sheet; every figure in it is an AmountCell that remembers where it came from
 * (sheet + 0-based row/col) and what a clerk would call it ("合计行 其他收入").
 */
import { RangePos, a1 } from "../grid/address";
import { Amount, Unit } from "../amount/amount";
import { Decimal } from "../amount/decimal";

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function refA1(ref: CellRef): string {
  return a1(ref.row, ref.col);
}

export function sameRef(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

export function refKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}

/** The cells without repeats, in their order. */
export function uniqueRefs(cells: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = refKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface AmountCell {
  ref: CellRef;
  /** What the clerk calls this figure inside its table, e.g. "合计行“其他收入”". */
  label: string;
  /** The parsed figure; null when the cell holds something that is not a number. */
  amount: Amount | null;
  /** Why the cell is not a number (when amount is null). */
  invalid?: { text: string; reason: string };
  /** The table this cell belongs to (for unit conversion and messages). */
  table: TableBase;
}

export type TableFamily = "final" | "budget" | "perf" | "narrative" | "other";

/** Problems met while reading a table: they become findings of rule common.table-structure / common.not-a-number. */
export interface TableIssue {
  kind: "not-a-number" | "structure" | "hidden-decimals" | "truncated";
  message: string;
  cells: CellRef[];
  severity: "error" | "warning" | "info";
}

export interface TableBase {
  /** Unique id: sheet!A1 of the title (or region) cell. */
  id: string;
  template: string;
  /** Official short name, e.g. "公开01表". */
  code: string;
  /** Official table name, e.g. "收入支出决算总表". */
  name: string;
  family: TableFamily;
  sheet: string;
  range: RangePos;
  title: string;
  titleRef?: CellRef;
  unit: Unit;
  unitExplicit: boolean;
  unitRef?: CellRef;
  /** Multiply a figure in this table by `scale` to get 元. */
  scale: Decimal;
  /** Decimals a typed amount is read with (2: 0.01 万元 or 分). */
  precision: number;
  department?: string;
  year?: number;
  /** Notes below the table ("注：…", "说明：…"), for the empty-table rules. */
  notes: { text: string; ref: CellRef }[];
  issues: TableIssue[];
  /** Recognised by its header words, the sheet having no title (recognize/byHeader.ts). */
  byHeader?: boolean;
}

/** "公开02表" or the table's name when it has no official number. */
export function tableLabel(t: TableBase): string {
  return t.code || t.name;
}
