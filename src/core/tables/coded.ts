/**
 * Coded tables: a 合计 row, then one row per classification code (类/款/项),
 * with named amount columns. 公开02/03/05/08/09表, the newer 项目 tables, and the
 * budget 收入/支出/功能分类/经济分类 tables are all of this shape.
 *
 * The code may be in one column ("2101501"), split into 类/款/项 columns
 * ("210" | "15" | "01", 款/项 often text with a leading zero, or a number that
 * lost it), or written in front of the name ("2101501 行政运行").
 */
import { norm } from "../recognize/normalize";
import { CodeNameLabel, ParseFailure, RowLabel, TemplateInfo, amountCell, collectNotes, createBase, failure, labelAt } from "./base";
import { HeaderBlock, MetaInfo, RegionContext, findColumn, readHeader, textAt } from "./header";
import { AmountCell, CellRef, TableBase } from "./types";

export interface ColumnSpec {
  key: string;
  /** Chinese column title for messages, e.g. "本年收入合计". */
  title: string;
  match: (label: string, parts: string[]) => boolean;
  required?: boolean;
}

export type CodeKind = "function" | "economic";

export interface CodedRow {
  row: number;
  kind: "total" | "code" | "other";
  code: string;
  /** 1 = 类, 2 = 款, 3 = 项; 0 for total and other rows. */
  level: number;
  name: string;
  codeRef?: CellRef;
  nameRef?: CellRef;
  cells: Record<string, AmountCell>;
}

export interface CodedTable extends TableBase {
  kind: "coded";
  codeKind: CodeKind;
  columns: { key: string; title: string; col: number }[];
  total?: CodedRow;
  rows: CodedRow[];
  others: CodedRow[];
  /** Rows written as "…" (template placeholders): not data, not errors. */
  placeholders: number[];
}

export interface CodedOptions {
  columns: ColumnSpec[];
  codeKind?: CodeKind;
  /** Extra check on the header (e.g. that it is not a look-alike table). */
  accept?: (header: HeaderBlock) => string | null;
}

const CODE_LABEL = /编码|代码|科目编号/;
const NAME_LABEL = /名称|^项目$|\/项目$|^项目\//;

function codeLevel(code: string): number {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : 0;
}

function pad2(t: string): string {
  return t.length === 1 ? `0${t}` : t;
}

export function isPlaceholderText(t: string): boolean {
  return /^[…\.。·]+$|^…+$|^\.{2,}$/.test(norm(t)) || norm(t) === "……";
}

interface CodeColumns {
  single?: number;
  split?: number[]; // 类, 款, 项
}

function findCodeColumns(header: HeaderBlock): CodeColumns {
  const split: number[] = [];
  for (const [c, ps] of [...header.parts.entries()].sort((a, b) => a[0] - b[0])) {
    const last = ps[ps.length - 1];
    if (/^(类|款|项)$/.test(last)) split.push(c);
  }
  if (split.length >= 2) return { split };
  const single = findColumn(header, (l) => CODE_LABEL.test(l) && !/名称/.test(l.split("/").pop()!));
  return { single };
}

function readCode(ctx: RegionContext, row: number, cc: CodeColumns): { code: string; raw: string; ref?: CellRef } {
  const sheet = ctx.sheet.name;
  if (cc.split) {
    const parts = cc.split.map((c) => {
      const t = textAt(ctx, row, c);
      return /^\d*$/.test(t) ? t : norm(t);
    });
    const [lei, kuan, xiang] = parts;
    const ref = { sheet, row, col: cc.split[0] };
    const raw = parts.filter(Boolean).join("|");
    if (!/^\d{3}$/.test(lei ?? "")) return { code: "", raw, ref };
    let code = lei;
    if (kuan) {
      if (/^\d{5}$/.test(kuan) && kuan.startsWith(lei)) code = kuan;
      else if (/^\d{1,2}$/.test(kuan)) code = lei + pad2(kuan);
      else return { code: "", raw, ref };
    }
    if (xiang && cc.split.length >= 3) {
      if (/^\d{7}$/.test(xiang) && xiang.startsWith(code)) code = xiang;
      else if (/^\d{1,2}$/.test(xiang) && code.length === 5) code = code + pad2(xiang);
      else return { code: "", raw, ref };
    }
    return { code, raw, ref };
  }
  if (cc.single !== undefined) {
    const rawText = textAt(ctx, row, cc.single);
    const t = /^\d+$/.test(rawText) ? rawText : norm(rawText);
    return { code: /^\d{3}(\d{2}){0,2}$/.test(t) ? t : "", raw: t, ref: { sheet, row, col: cc.single } };
  }
  return { code: "", raw: "" };
}

export function parseCoded(
  ctx: RegionContext,
  template: TemplateInfo,
  opts: CodedOptions,
): CodedTable | ParseFailure {
  const meta: MetaInfo = {};
  const header = readHeader(ctx, meta);
  if (header.bottom < header.top) return failure(template, ctx, "未找到表头");
  const rejected = opts.accept?.(header);
  if (rejected) return failure(template, ctx, rejected);
  const used = new Set<number>();
  const codeCols = findCodeColumns(header);
  for (const c of codeCols.split ?? []) used.add(c);
  if (codeCols.single !== undefined) used.add(codeCols.single);
  const nameCol = findColumn(header, (l) => NAME_LABEL.test(l) && !/支出|收入|合计|小计/.test(l.split("/").pop()!), used);
  if (nameCol !== undefined) used.add(nameCol);
  const columns: { key: string; title: string; col: number }[] = [];
  const missing: string[] = [];
  for (const spec of opts.columns) {
    const col = findColumn(header, spec.match, used);
    if (col === undefined) {
      if (spec.required !== false) missing.push(spec.title);
      continue;
    }
    used.add(col);
    columns.push({ key: spec.key, title: spec.title, col });
  }
  if (missing.length) return failure(template, ctx, `表头缺少：${missing.join("、")}`);

  const table: CodedTable = {
    ...createBase(ctx, template, meta),
    kind: "coded",
    codeKind: opts.codeKind ?? "function",
    columns,
    rows: [],
    others: [],
    placeholders: [],
  };
  const labelCols = [...(codeCols.split ?? []), ...(codeCols.single !== undefined ? [codeCols.single] : []), ...(nameCol !== undefined ? [nameCol] : [])];
  const firstLabelCol = labelCols.length ? Math.min(...labelCols) : ctx.region.left;
  let lastDataRow = header.dataTop - 1;
  const sheetRows = ctx.sheet.rows;
  for (let r = header.dataTop; r <= ctx.region.bottom; r++) {
    const rowMap = sheetRows.get(r);
    if (!rowMap || rowMap.size === 0) continue;
    const { code: rawCode, raw, ref: codeRef } = readCode(ctx, r, codeCols);
    let name = nameCol !== undefined ? labelAt(ctx, r, nameCol) : "";
    let code = rawCode;
    if (!code && !raw && name) {
      // "2101501 行政运行" in the name column.
      const m = /^(\d{3}(?:\d{2}){0,2})\s*(.*)$/.exec(name.trim());
      if (m) {
        code = m[1];
        name = m[2];
      }
    }
    // Most rows carry a code: skip the label work for them.
    const leftText = code ? "" : norm(labelAt(ctx, r, firstLabelCol));
    const rowLabel = code ? "" : norm(name) || leftText;
    let hasAmounts = false;
    for (const c of columns) {
      const cell = rowMap.get(c.col);
      if (cell && cell.text.trim() !== "") {
        hasAmounts = true;
        break;
      }
    }
    const isTotal = !code && (/^(合计|总计|本年合计)$/.test(leftText) || /^(合计|总计)$/.test(norm(name)));
    if (!isTotal && !code && (isPlaceholderText(raw) || isPlaceholderText(name) || isPlaceholderText(leftText))) {
      table.placeholders.push(r);
      continue;
    }
    // A row with neither code, total label nor figures is a note or stray text (collected below).
    if (!isTotal && !code && !hasAmounts) continue;
    const kind: CodedRow["kind"] = isTotal ? "total" : code ? "code" : "other";
    const display: RowLabel = isTotal ? "合计行" : code ? new CodeNameLabel(code, name) : rowLabel || `第${r + 1}行`;
    const row: CodedRow = {
      row: r,
      kind,
      code,
      level: code ? codeLevel(code) : 0,
      name: isTotal ? "合计" : name,
      codeRef,
      nameRef: nameCol !== undefined ? { sheet: ctx.sheet.name, row: r, col: nameCol } : undefined,
      cells: {},
    };
    for (const c of columns) row.cells[c.key] = amountCell(ctx, table, r, c.col, display, c.title);
    if (kind === "total") {
      if (!table.total) table.total = row;
      else table.others.push(row);
    } else if (kind === "code") table.rows.push(row);
    else table.others.push(row);
    lastDataRow = r;
  }
  collectNotes(ctx, table, lastDataRow + 1);
  return table;
}

interface CodeIndex {
  byCode: Map<string, CodedRow>;
  children: Map<string, CodedRow[]>;
}

const indexes = new WeakMap<CodedTable, CodeIndex>();

/** Rows by code and children by parent code, built once per table (tables have thousands of rows). */
function indexOf(table: CodedTable): CodeIndex {
  let ix = indexes.get(table);
  if (!ix) {
    ix = { byCode: new Map(), children: new Map() };
    for (const r of table.rows) {
      if (!ix.byCode.has(r.code)) ix.byCode.set(r.code, r);
      if (r.level > 1) {
        const parent = r.code.slice(0, r.code.length - 2);
        const list = ix.children.get(parent) ?? [];
        list.push(r);
        ix.children.set(parent, list);
      }
    }
    indexes.set(table, ix);
  }
  return ix;
}

/** Children of a coded row: the rows one level down whose code starts with its code. */
const NO_CHILDREN: readonly CodedRow[] = Object.freeze([]);

export function childrenOf(table: CodedTable, parent: CodedRow): readonly CodedRow[] {
  return indexOf(table).children.get(parent.code) ?? NO_CHILDREN;
}

export function rowByCode(table: CodedTable, code: string): CodedRow | undefined {
  return indexOf(table).byCode.get(code);
}

export function columnTitle(table: CodedTable, key: string): string {
  return table.columns.find((c) => c.key === key)?.title ?? key;
}

export function hasColumn(table: CodedTable, key: string): boolean {
  return table.columns.some((c) => c.key === key);
}
