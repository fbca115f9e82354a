/**
 * Two-sided summary tables: income on the left, expense on the right, each a list
 * of labelled lines (公开01表, 公开04表, and the budget 收支总表 / 财政拨款收支总表).
 * Lines are matched by label, never by row number (行次 changes every year).
 */
import { classCodeByName } from "../codes/functional";
import { label as labelNorm, norm } from "../recognize/normalize";
import { ParseFailure, TemplateInfo, amountCell, collectNotes, createBase, failure } from "./base";
import { HeaderBlock, MetaInfo, RegionContext, readHeader, textAt } from "./header";
import { AmountCell, CellRef, TableBase } from "./types";
import { getCell } from "../grid/snapshot";
import { isIndented, outline, topLevelOf } from "./outline";

export interface Line {
  /** Canonical key ("gpb", "total", "class", …); "item" for an unrecognised line. */
  key: string;
  label: string;
  row: number;
  labelRef: CellRef;
  /** Amount cells by column key ("amount" for single-column sides). */
  cells: Record<string, AmountCell>;
  classCode?: string;
  oldClassName?: boolean;
  /** Section the line sits in: "main" (before the 合计 line) or a sub-block key. */
  section: string;
  /** Outline (see outline.ts): depth of the label's numbering, the row of its parent line, a "其中" part. */
  depth?: number;
  parentRow?: number;
  among?: boolean;
  /** The label was written with leading spaces. */
  indented?: boolean;
}

export interface SideSpec {
  /** Maps a normalised label (numbering removed) to a key, given the section it appears in. */
  classify: (label: string, section: string) => string;
  /** Keys of the amount columns on this side, by header label; one unnamed column → "amount". */
  columns?: { key: string; title: string; match: (label: string) => boolean }[];
  /** Section transitions: when a line with this key is met, following lines belong to `next`. */
  sections?: Record<string, string>;
  /** Keys a sub-section may hold; any other line closes it (back to "main"). */
  sectionKeys?: Record<string, string[]>;
  /** Lines of these keys with an expense-class label are classes. */
  classLines?: boolean;
}

export interface Side {
  lines: Line[];
  byKey: Map<string, Line>;
  columns: { key: string; title: string; col: number }[];
  labelCol: number;
}

export interface SidedTable extends TableBase {
  kind: "sided";
  income: Side;
  expense: Side;
}

const LABEL_COL = /(^|\/)(项目|科目|项目名称|收入项目|支出项目|功能分类科目名称)$/;
const ROWNO_COL = /(^|\/)(行次|行号)$/;

function sideColumns(header: HeaderBlock): { income: number[]; expense: number[]; incomeLabel: number; expenseLabel: number } | null {
  const cols = [...header.labels.keys()].sort((a, b) => a - b);
  const labelCols = cols.filter((c) => LABEL_COL.test(header.labels.get(c)!));
  if (labelCols.length < 2) return null;
  let incomeLabel = labelCols.find((c) => /收入/.test(header.labels.get(c)!)) ?? labelCols[0];
  let expenseLabel = labelCols.find((c) => c > incomeLabel && /支出/.test(header.labels.get(c)!)) ?? labelCols.find((c) => c > incomeLabel);
  if (expenseLabel === undefined) return null;
  if (incomeLabel > expenseLabel) [incomeLabel, expenseLabel] = [expenseLabel, incomeLabel];
  const isAmount = (c: number) => !ROWNO_COL.test(header.labels.get(c)!) && !LABEL_COL.test(header.labels.get(c)!);
  const income = cols.filter((c) => c > incomeLabel && c < expenseLabel && isAmount(c));
  const expense = cols.filter((c) => c > expenseLabel && isAmount(c));
  return { income, expense, incomeLabel, expenseLabel };
}

function readSide(
  ctx: RegionContext,
  table: TableBase,
  header: HeaderBlock,
  labelCol: number,
  amountCols: number[],
  spec: SideSpec,
  sideName: string,
): Side | string {
  const columns: { key: string; title: string; col: number }[] = [];
  if (spec.columns && spec.columns.length > 1) {
    const used = new Set<number>();
    for (const cs of spec.columns) {
      const col = amountCols.find((c) => !used.has(c) && cs.match(header.labels.get(c)!));
      if (col === undefined) return `${sideName}缺少“${cs.title}”栏`;
      used.add(col);
      columns.push({ key: cs.key, title: cs.title, col });
    }
  } else {
    if (amountCols.length === 0) return `${sideName}缺少金额栏`;
    const title = spec.columns?.[0]?.title ?? "金额";
    columns.push({ key: spec.columns?.[0]?.key ?? "amount", title, col: amountCols[0] });
  }
  const lines: Line[] = [];
  const byKey = new Map<string, Line>();
  let section = "main";
  for (let r = header.dataTop; r <= ctx.region.bottom; r++) {
    const raw = textAt(ctx, r, labelCol);
    if (!raw) continue;
    const l = labelNorm(raw);
    if (!l || /^栏次$/.test(l)) continue;
    if (/^(注|说明)[:：]?/.test(norm(raw)) && l.length > 12) continue;
    let key = spec.classify(l, section);
    if (section !== "main" && spec.sectionKeys?.[section] && !spec.sectionKeys[section].includes(key)) {
      section = "main";
      key = spec.classify(l, section);
    }
    const line: Line = {
      key,
      label: raw.trim(),
      row: r,
      labelRef: { sheet: ctx.sheet.name, row: r, col: labelCol },
      cells: {},
      section,
      indented: isIndented(rawLabelAt(ctx, r, labelCol)),
    };
    if (spec.classLines && key === "item") {
      const cls = classCodeByName(l);
      if (cls) {
        line.key = "class";
        line.classCode = cls.code;
        line.oldClassName = cls.old;
      }
    }
    for (const c of columns) {
      const title = columns.length > 1 ? `“${raw.trim()}”${c.title}` : `“${raw.trim()}”`;
      line.cells[c.key] = amountCell(ctx, table, r, c.col, title);
    }
    lines.push(line);
    const k = line.key === "class" ? `class:${line.classCode}` : line.section === "main" ? line.key : `${line.section}.${line.key}`;
    if (!byKey.has(k)) byKey.set(k, line);
    const next = spec.sections?.[line.key];
    if (next) section = next;
  }
  linkOutline(lines);
  return { lines, byKey, columns, labelCol };
}

/** The label cell's text as written (leading spaces kept), following merges. */
function rawLabelAt(ctx: RegionContext, row: number, col: number): string {
  const m = ctx.merges.mergeOf(row, col);
  return (m ? getCell(ctx.sheet, m.top, m.left) : getCell(ctx.sheet, row, col))?.text ?? "";
}

/** Sets each line's outline depth and parent (call again after removing lines). */
export function linkOutline(lines: Line[]): void {
  const nodes = outline(lines.map((l) => ({ text: l.label, indented: l.indented })));
  lines.forEach((l, i) => {
    l.depth = nodes[i].depth;
    l.among = nodes[i].among;
    l.parentRow = nodes[i].parent >= 0 ? lines[nodes[i].parent].row : undefined;
  });
}

/** The direct outline children of a line, "其中" parts left out: its parts when it is written above them. */
export function childLines(side: Side, parent: Line): Line[] {
  return side.lines.filter((l) => l.parentRow === parent.row && !l.among);
}

/**
 * The lines of `candidates` that a total written below them adds up: those not
 * below another candidate in the outline, and no "其中" part.
 */
export function topLevelLines(side: Side, candidates: Line[]): Line[] {
  const index = new Map(side.lines.map((l, i) => [l.row, i]));
  const nodes = side.lines.map((l) => ({ depth: l.depth ?? 0, parent: l.parentRow !== undefined ? index.get(l.parentRow) ?? -1 : -1, among: !!l.among, mark: "none" as const }));
  const idx = candidates.map((l) => index.get(l.row)).filter((i): i is number => i !== undefined);
  const keep = new Set(topLevelOf(nodes, idx));
  return candidates.filter((l) => keep.has(index.get(l.row)!));
}

/**
 * The lines a total stands for: its direct children when it is written above its
 * parts ("一、本年收入" over "（一）…"), else the top-level lines of the main section
 * above it. A parent is never added together with its own children.
 */
export function partsOf(side: Side, total: Line, accept: (l: Line) => boolean = () => true): Line[] {
  const kids = childLines(side, total).filter(accept);
  if (kids.length) return kids;
  return topLevelLines(side, side.lines.filter((l) => l.row < total.row && l.section === "main" && accept(l)));
}

export function parseSided(
  ctx: RegionContext,
  template: TemplateInfo,
  incomeSpec: SideSpec,
  expenseSpec: SideSpec,
): SidedTable | ParseFailure {
  const meta: MetaInfo = {};
  const header = readHeader(ctx, meta);
  if (header.bottom < header.top) return failure(template, ctx, "未找到表头");
  const sides = sideColumns(header);
  if (!sides) return failure(template, ctx, "未找到收入、支出两侧的“项目”栏");
  const base = createBase(ctx, template, meta);
  const table = { ...base, kind: "sided" } as SidedTable;
  const income = readSide(ctx, table, header, sides.incomeLabel, sides.income, incomeSpec, "收入侧");
  if (typeof income === "string") return failure(template, ctx, income);
  const expense = readSide(ctx, table, header, sides.expenseLabel, sides.expense, expenseSpec, "支出侧");
  if (typeof expense === "string") return failure(template, ctx, expense);
  table.income = income;
  table.expense = expense;
  const lastRow = Math.max(0, ...income.lines.map((l) => l.row), ...expense.lines.map((l) => l.row));
  collectNotes(ctx, table, lastRow + 1);
  return table;
}

/**
 * The items the line with key `totalKey` sums: the lines before it in the main
 * section (top-level ones only), or its outline children when it heads them.
 */
export function linesBefore(side: Side, totalKey: string): Line[] {
  const total = side.byKey.get(totalKey);
  if (!total) return [];
  return partsOf(side, total);
}

export function lineAmount(side: Side, key: string, col = "amount"): AmountCell | undefined {
  return side.byKey.get(key)?.cells[col];
}
