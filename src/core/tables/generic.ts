/**
 * Generic tables: a numeric table that matches no template (a standalone “三公”
 * table with two year columns and 增减金额, a 项目资金 table with 预算数 / 执行数 /
 * 执行率, a 固定资产 table with 年初 / 增加 / 减少 / 年末) is still read, by its
 * structure, and checked by the generic rules (rules/common/generic.ts).
 *
 * Reading (decisions where the spec is silent):
 * - The data block is a run of at least 3 consecutive rows with figures in at
 *   least 2 columns (a blank row ends it; 2 blank rows end the table).
 * - The label column is the leftmost column left of the figures with text in
 *   most rows of the block; a 代码 column next to it is part of the label. A
 *   text column between figure columns (收入 | 支出 side by side) starts a
 *   second table: each side is read on its own.
 * - Row labels that start with a 科目 code nest by its length (类 3 digits above
 *   款 5 above 项 7, tables/outline.ts), like outline numbering.
 * - The header is the rows of text just above the block (up to 4), read like
 *   every template's (merged cells spread over their columns); the title is the
 *   nearest short text above the header; "单位：万元" anywhere above it.
 * - Column roles come from the header words: a rate (率 / 占比 / 比重 / %), a
 *   difference (增减 / 增加额 / 减少额 / 差额 / 变动), a balance roll-forward
 *   (年初 / 本年增加 / 本年减少 / 年末, 期初 / 期末), the rest are figures; a
 *   column's period (its year, 本年 / 上年, 预算 / 执行) orders two figures.
 */
import { RangePos } from "../grid/address";
import { MergeIndex, SheetSnapshot } from "../grid/snapshot";
import { readAmountFast, readAmount } from "../amount/amount";
import { isCode, norm } from "../recognize/normalize";
import { AmountCell, TableBase } from "./types";
import { RegionContext, MetaInfo, readHeader, scanMeta, textAt } from "./header";
import { TemplateInfo, amountCell, collectNotes, createBase } from "./base";
import { OutlineNode, indentLevel, outline, isIndented } from "./outline";

export const GENERIC: TemplateInfo = { id: "generic", code: "", name: "通用数值表", family: "other", defaultUnit: "万元" };

export type ColumnRole = "figure" | "difference" | "rate" | "opening" | "increase" | "decrease" | "closing";

export interface GenericColumn {
  col: number;
  label: string;
  role: ColumnRole;
  /** For ordering two figure columns: larger is later (a year, 本年 > 上年, 执行 > 预算); null when unknown. */
  period: number | null;
  /** 执行率 / 完成率 (execution over budget), 增长率 (change over the earlier), 占比 (of the total row). */
  rateKind?: "execution" | "growth" | "share";
}

export interface GenericRow {
  row: number;
  label: string;
  /** 合计 / 总计 / 小计 / 共计 lines. */
  total: "grand" | "sub" | null;
  cells: Map<number, AmountCell>;
}

export interface GenericTable extends TableBase {
  kind: "generic";
  columns: GenericColumn[];
  rows: GenericRow[];
  outline: OutlineNode[];
}

const RATE = /率|占比|比重|比例|百分比|%|％/;
const DIFF = /增减|增加额|减少额|差额|变动额|增\(减\)|增减额|增减变化|变动(金额|情况)?$|比上年增|较上年增|同比增/;
const OPENING = /年初|期初|上年末|年初数|年初余额/;
const CLOSING = /年末|期末|本年末|年末数|年末余额/;
const INCREASE = /本年增加|本期增加|增加$|新增/;
const DECREASE = /本年减少|本期减少|减少$|处置/;
const TOTAL = /^(合计|总计|共计|总合计)$|合计$|^合计|^总计/;
const SUBTOTAL = /小计$|^小计/;

function periodOf(label: string): number | null {
  const y = /(20\d{2})/.exec(label);
  if (y) return parseInt(y[1], 10) * 10;
  if (/调整后|调整|全年/.test(label) && /预算/.test(label)) return 2;
  if (/上年|去年|上期/.test(label)) return 1;
  if (/本年|当年|本期/.test(label)) return 2;
  if (/预算|计划|年初/.test(label) && !/执行|决算|完成|实际/.test(label)) return 1;
  if (/执行|决算|完成|实际/.test(label)) return 2;
  return null;
}

function roleOf(label: string): { role: ColumnRole; rateKind?: GenericColumn["rateKind"] } {
  if (RATE.test(label)) {
    const rateKind = /执行率|完成率|支出率|到位率/.test(label) ? "execution" : /增长率|增减率|增幅|降幅|变动率|增长%|增减%/.test(label) ? "growth" : /占比|比重|比例|占/.test(label) ? "share" : undefined;
    return { role: "rate", rateKind };
  }
  if (INCREASE.test(label) && !DIFF.test(label.replace(INCREASE, ""))) return { role: "increase" };
  if (DECREASE.test(label) && !DIFF.test(label.replace(DECREASE, ""))) return { role: "decrease" };
  if (DIFF.test(label)) return { role: "difference" };
  // "年初预算" is a budget figure, not an opening balance.
  if (/预算|计划/.test(label)) return { role: "figure" };
  if (OPENING.test(label)) return { role: "opening" };
  if (CLOSING.test(label)) return { role: "closing" };
  return { role: "figure" };
}

function isFigure(sheet: SheetSnapshot, r: number, c: number): boolean {
  const cell = sheet.rows.get(r)?.get(c);
  if (!cell) return false;
  if (typeof cell.value === "number") return true;
  const a = readAmountFast(cell);
  if (a && !a.blank) return true;
  const full = readAmount(cell);
  return full.ok && !full.amount.blank;
}

/** A 科目 code typed as text ("208", "2080505"): part of a row label, not a figure. */
function isCodeText(sheet: SheetSnapshot, r: number, c: number): boolean {
  const cell = sheet.rows.get(r)?.get(c);
  return !!cell && typeof cell.value === "string" && isCode(cell.text);
}

/** A cell that can be part of a row label: not a figure, or a 科目 code typed as text. */
function isLabelCell(sheet: SheetSnapshot, r: number, c: number): boolean {
  return !isFigure(sheet, r, c) || isCodeText(sheet, r, c);
}

function isBlankRow(sheet: SheetSnapshot, r: number): boolean {
  const row = sheet.rows.get(r);
  if (!row) return true;
  for (const cell of row.values()) if (cell.text.trim() !== "" || (cell.value !== null && cell.value !== "")) return false;
  return true;
}

/** Data blocks of a sheet: row ranges with figures in ≥ 2 columns on ≥ 3 consecutive rows. */
function blocks(sheet: SheetSnapshot): { top: number; bottom: number; cols: number[] }[] {
  if (!sheet.bounds) return [];
  const out: { top: number; bottom: number; cols: number[] }[] = [];
  let cur: { top: number; bottom: number; count: Map<number, number>; rows: number } | null = null;
  let blank = 0;
  const close = () => {
    if (cur && cur.rows >= 3) {
      const cols = [...cur.count].filter(([, n]) => n >= Math.max(2, Math.ceil(cur!.rows / 3))).map(([c]) => c).sort((a, b) => a - b);
      if (cols.length >= 2) out.push({ top: cur.top, bottom: cur.bottom, cols });
    }
    cur = null;
  };
  for (let r = sheet.bounds.top; r <= sheet.bounds.bottom + 1; r++) {
    const row = sheet.rows.get(r);
    const figs: number[] = [];
    if (row) for (const c of row.keys()) if (isFigure(sheet, r, c)) figs.push(c);
    if (figs.length >= 1 && (cur || figs.length >= 2)) {
      blank = 0;
      if (!cur) cur = { top: r, bottom: r, count: new Map(), rows: 0 };
      cur.bottom = r;
      cur.rows++;
      for (const c of figs) cur.count.set(c, (cur.count.get(c) ?? 0) + 1);
    } else if (cur && isBlankRow(sheet, r)) {
      if (++blank >= 2) close();
    } else if (cur && row && figs.length === 0) {
      // A text-only line inside the block (a heading line "一、…" with blank figures) continues it.
      const texts = [...row.values()].filter((x) => x.text.trim()).length;
      if (texts <= 2 && r < sheet.bounds.bottom) {
        cur.bottom = r;
        continue;
      }
      close();
    }
  }
  close();
  return out;
}

/**
 * Side-by-side tables in one block (收入 | 支出 of a summary table): a text column
 * between figure columns, with text in most rows, is the row label of the columns
 * right of it. The block is split there; each side is read as a table of its own,
 * so that a 支出 figure is never added to the 收入 lines.
 */
function splitSides(sheet: SheetSnapshot, merges: MergeIndex, b: { top: number; bottom: number; cols: number[] }): { top: number; bottom: number; cols: number[]; side?: boolean; minLabel?: number }[] {
  const rows = b.bottom - b.top + 1;
  const first = b.cols[0];
  const last = b.cols[b.cols.length - 1];
  const figureCols = new Set(b.cols);
  const cuts: number[] = [];
  for (let c = first; c < last; c++) {
    // Text (names) or 科目 codes typed as text: a label column, even where its codes look like figures.
    let labels = 0;
    let codes = 0;
    let figures = 0;
    for (let r = b.top; r <= b.bottom; r++) {
      const t = textAt({ sheet, merges } as RegionContext, r, c);
      if (!t) continue;
      if (isCodeText(sheet, r, c)) codes++;
      if (isLabelCell(sheet, r, c)) labels++;
      else figures++;
    }
    if (figures > 0 && figureCols.has(c)) continue;
    // Names in most rows, or 科目 codes (however few: a short list beside a long one).
    if (labels >= Math.ceil(rows / 2) || (codes >= 2 && figures === 0)) cuts.push(c);
  }
  if (!cuts.length) return [b];
  // Each side may hold a single figure column (人员经费 | 公用经费 lists side by side, one 决算数 each).
  // Each side's labels are the run of cut columns just left of its figures (codes, names).
  const out: { top: number; bottom: number; cols: number[]; side?: boolean; minLabel?: number }[] = [];
  let from = -Infinity;
  let runStart: number | undefined;
  for (const cut of [...cuts, Infinity]) {
    const cols = b.cols.filter((c) => c > from && c < cut && !cuts.includes(c));
    if (cols.length >= 1) out.push({ top: b.top, bottom: b.bottom, cols, side: true, minLabel: runStart });
    if (cols.length || runStart === undefined) runStart = cut;
    from = cut;
  }
  return out;
}

/** Generic tables of a sheet that holds no template table. */
export function findGenericTables(sheet: SheetSnapshot): GenericTable[] {
  const out: GenericTable[] = [];
  const merges = new MergeIndex(sheet.merges);
  for (const b of blocks(sheet).flatMap((x) => splitSides(sheet, merges, x))) {
    // A 序号 column (1, 2, 3 …) or a code column (2010601 …) is part of the row label, not a figure.
    const isLabelLike = (c: number) => {
      // Headed 行次 / 序号 / 栏次: line numbers, whatever their values.
      for (let r = b.top - 1; r >= Math.max(0, b.top - 4); r--) if (/^(行次|序号|栏次|编号)$/.test(norm(textAt({ sheet, merges } as RegionContext, r, c)))) return true;
      const vals: string[] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const t = sheet.rows.get(r)?.get(c)?.text.trim();
        if (t) vals.push(t);
      }
      // The 合计 / 总计 line writes its label in the code column ("合计 | | 1,894.27").
      const digits = vals.filter((v) => !TOTAL.test(norm(v)) && !SUBTOTAL.test(norm(v)));
      if (!digits.length || !digits.every((v) => /^\d+$/.test(v))) return false;
      const n = digits.map(Number);
      return n.every((v, i) => v === n[0] + i) || digits.every((v) => v.length >= 3 && v.length <= 7);
    };
    while (b.cols.length && isLabelLike(b.cols[0])) b.cols.shift();
    const minCols = b.side ? 1 : 2;
    if (b.cols.length < minCols) continue;
    const firstFig = b.cols[0];
    const right = b.cols[b.cols.length - 1];
    // The label column: text in most rows, left of the figures.
    let labelCol = -1;
    for (let c = firstFig - 1; c >= (b.minLabel ?? sheet.bounds?.left ?? 0); c--) {
      let n = 0;
      for (let r = b.top; r <= b.bottom; r++) if (textAt({ sheet, merges } as RegionContext, r, c) && isLabelCell(sheet, r, c)) n++;
      if (n >= Math.ceil((b.bottom - b.top + 1) / 2)) {
        labelCol = c;
        // A 代码 column right of the names stays in the label: take the leftmost text column.
        continue;
      }
      if (labelCol >= 0) break;
    }
    if (labelCol < 0) continue;
    // Header rows: text rows just above the block.
    let top = b.top;
    for (let r = b.top - 1; r >= Math.max(0, b.top - 4); r--) {
      const row = sheet.rows.get(r);
      if (!row) break;
      const texts = [...row.entries()].filter(([c, x]) => c >= labelCol && c <= right && x.text.trim() && !isFigure(sheet, r, c));
      if (texts.length >= 2) top = r;
      else break;
    }
    if (top === b.top) continue; // no header: not a table we can read
    // Title: nearest short text above the header (skipping unit lines).
    let titleRow = top - 1;
    let titleCol = labelCol;
    let title = "";
    for (let r = top - 1; r >= Math.max(0, top - 4); r--) {
      const row = sheet.rows.get(r);
      if (!row) continue;
      const cells = [...row.entries()].filter(([, x]) => x.text.trim());
      const t = cells.find(([, x]) => !/单位[:：]|^部门[:：]|^编制单位/.test(norm(x.text)) && norm(x.text).length <= 60);
      if (t) {
        titleRow = r;
        titleCol = t[0];
        title = t[1].text.trim();
        break;
      }
    }
    const region: RangePos = { top: Math.max(0, titleRow), left: labelCol, bottom: b.bottom, right };
    const ctx: RegionContext = { sheet, merges, region, titleRow: title ? titleRow : top - 1, titleCol, title };
    const meta: MetaInfo = {};
    scanMeta(ctx, meta, Math.max(0, top - 4), top);
    const header = readHeader({ ...ctx, titleRow: top - 1 }, meta, 4);
    const base = createBase(ctx, { ...GENERIC, name: title ? norm(title) : "通用数值表" }, meta);
    const columns: GenericColumn[] = [];
    for (const c of b.cols) {
      if (c <= labelCol) continue;
      const label = header.labels.get(c) ?? "";
      const { role, rateKind } = roleOf(label);
      columns.push({ col: c, label, role, period: periodOf(label), rateKind });
    }
    if (columns.length < minCols) continue;
    const table: GenericTable = { ...base, kind: "generic", columns, rows: [], outline: [] };
    const dataTop = Math.max(header.dataTop, b.top);
    const labelOf = (r: number) => {
      const parts: string[] = [];
      for (let c = labelCol; c < firstFig; c++) {
        const t = textAt(ctx, r, c);
        // A 行次 / 序号 number is not part of the name ("本年收入合计", not "本年收入合计 6").
        if (t && !parts.includes(t) && isLabelCell(sheet, r, c)) parts.push(t);
      }
      return parts.join(" ");
    };
    for (let r = dataTop; r <= b.bottom; r++) {
      // A line merged across the sides ("公用经费合计" over two column groups) belongs to no one side.
      const lm = merges.mergeOf(r, labelCol);
      if (b.side && lm && lm.left < labelCol) continue;
      const label = labelOf(r);
      if (!label && ![...columns].some((c) => isFigure(sheet, r, c.col))) continue;
      const n = norm(label).replace(/^[一二三四五六七八九十\d]+[、.．]/, "");
      const total = SUBTOTAL.test(n) ? "sub" : TOTAL.test(n) ? "grand" : null;
      const cells = new Map<number, AmountCell>();
      for (const c of columns) cells.set(c.col, amountCell(ctx, table, r, c.col, label || `第${r + 1}行`, c.label || undefined));
      table.rows.push({ row: r, label, total, cells });
    }
    if (table.rows.length < 2) continue;
    table.outline = outline(
      table.rows.map((x) => {
        const cell = sheet.rows.get(x.row)?.get(labelCol);
        const raw = cell?.text ?? "";
        return { text: x.label, indented: isIndented(raw), indent: indentLevel(raw, cell?.indent) };
      }),
    );
    collectNotes(ctx, table, b.bottom + 1);
    out.push(table);
  }
  return out;
}
