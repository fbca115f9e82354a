/**
 * Funds blocks of the performance forms, in the three layouts met in practice:
 *
 * - a matrix: a header row of columns (年初预算数 | 全年预算数 | 全年执行数 | 分值 |
 *   执行率 | 得分) over lines (年度资金总额 / 其中：财政拨款 / 其他资金; or 部门预算总额 /
 *   资金来源 财政拨款 / 资金结构 基本支出, 项目支出);
 * - label/value pairs: "实施期资金总额: | 9,000.00 | 年度资金总额: | 3,000.00" over
 *   "其中:财政拨款 | … | 其中:财政拨款 | …" (each label column is one funds column);
 * - the 资金支出计划 (3月底 / 6月底 / 10月底 / 12月底 percentages).
 */
import { amountCell } from "../base";
import { RegionContext, textAt } from "../header";
import { norm } from "../../recognize/normalize";
import { memoByText } from "../../util/memo";
import { TableBase } from "../types";
import { FormCell, formRow } from "./form";
import { FundColumn, FundLine, FundLineKey, FundsBlock, PlanPoint } from "./model";

const COLUMN_TESTS: [FundColumn | "rate" | "points" | "score" | "reason", RegExp][] = [
  ["reason", /原因|说明|措施/],
  ["rate", /执行率|完成率|执行进度/],
  ["points", /分值|权重/],
  ["score", /得分/],
  ["period", /实施期/],
  ["yearStart", /年初预算/],
  ["budget", /全年预算|调整后预算|调整预算|^预算数|^全年数/],
  ["executed", /执行数|实际支出|实际执行|决算数|支出数|实际完成数|^执行$/],
  ["balance", /结余|结转/],
  ["annual", /年度资金总额|年度资金|年度预算/],
  ["value", /预算总额|资金总额|^总额|^金额/],
];

/** The funds column a (normalised) label names; tested once per distinct label. */
export const fundColumnOf = memoByText((label: string): FundColumn | "rate" | "points" | "score" | "reason" | undefined => {
  for (const [k, re] of COLUMN_TESTS) if (re.test(label)) return k;
  return undefined;
});

const LINE_TESTS: [FundLineKey, RegExp][] = [
  ["basic", /基本支出/],
  ["project", /项目支出/],
  ["carry", /上年结转|结转资金|结转结余/],
  ["other", /其他资金|其它资金|^(其中:)?(其他|其它)$|自筹|单位资金|社会资金|\(\d\)(其他|其它)$/],
  ["part", /上级财政|市级财政|省级财政|中央财政|本级财政|县级财政|区级财政|专项资金|财政专户/],
  ["fiscal", /财政拨款|财政资金|财政性资金|一般公共预算/],
  ["total", /资金总额|预算总额|^合计$|^总计$|总额|项目资金$|资金合计/],
];

/** The funds line a label names; tested once per distinct label. */
export const fundLineOf = memoByText((label: string): FundLineKey | undefined => {
  const n = norm(label);
  for (const [k, re] of LINE_TESTS) if (re.test(n)) return k;
  return undefined;
});

const STOP_FUNDS = /年度总体目标|绩效目标|年度目标|一级指标|绩效指标|主要任务|履职目标/;

/** The amount columns a funds header names, as bits (yearStart, budget, executed, period, annual). */
const HEADER_KIND_BIT: Partial<Record<string, number>> = { yearStart: 1, budget: 2, executed: 4, period: 8, annual: 16 };

function isFundHeader(cells: FormCell[]): boolean {
  let kinds = 0;
  let rate = false;
  for (let i = 0; i < cells.length; i++) if (cells[i].numeric) return false;
  for (let i = 0; i < cells.length; i++) {
    const k = fundColumnOf(cells[i].n);
    if (k === undefined) continue;
    if (k === "rate") rate = true;
    else kinds |= HEADER_KIND_BIT[k] ?? 0;
  }
  // Two amount columns, or one and a 执行率 column.
  const two = (kinds & (kinds - 1)) !== 0;
  return two || (kinds !== 0 && rate);
}

/** Reads the funds block between `from` and `to` (rows), in whichever layout it is written. */
export function readFunds(ctx: RegionContext, table: TableBase, from: number, to: number): FundsBlock | undefined {
  for (let r = from; r <= to; r++) {
    const cells = formRow(ctx, r);
    if (cells.length && isFundHeader(cells)) {
      const m = readMatrix(ctx, table, r, to);
      if (m) return m;
    }
  }
  return readHorizontal(ctx, table, from, to) ?? readPairs(ctx, table, from, to);
}

const TOTALISH = (n: string) => {
  const k = fundColumnOf(n);
  return k === "budget" || k === "annual" || k === "value" || k === "yearStart" || fundLineOf(n) === "total";
};
const PARTISH = (n: string) => {
  const k = fundLineOf(n);
  return k === "fiscal" || k === "other" || k === "carry" || k === "part";
};

/**
 * One row naming the total and its parts: "预算数 | 100 | 财政资金 | 80 | 其他资金 | 20",
 * or a label row "预算数 | 财政资金 | 其他资金" over a row of figures.
 */
function readHorizontal(ctx: RegionContext, table: TableBase, from: number, to: number): FundsBlock | undefined {
  for (let r = from; r <= to; r++) {
    const cells = formRow(ctx, r);
    // Pairs on one row.
    const pairs: { label: FormCell; value: FormCell }[] = [];
    for (let i = 0; i + 1 < cells.length; i++) if (!cells[i].numeric && cells[i + 1].numeric) pairs.push({ label: cells[i], value: cells[i + 1] });
    let items: { label: FormCell; value: FormCell }[] | undefined;
    if (pairs.length >= 2 && TOTALISH(pairs[0].label.n) && pairs.slice(1).every((p) => PARTISH(p.label.n))) items = pairs;
    // Labels over figures.
    const labels = cells.filter((c) => !c.numeric);
    if (!items && labels.length >= 2 && labels.length === cells.length && TOTALISH(labels[0].n) && labels.slice(1).every((c) => PARTISH(c.n))) {
      const below = formRow(ctx, r + 1);
      const vals = labels.map((l) => below.find((b) => b.col === l.col && b.numeric));
      if (vals.every((v) => !!v)) items = labels.map((l, i) => ({ label: l, value: vals[i]! }));
    }
    if (!items) continue;
    const head = items[0];
    const kind = fundColumnOf(head.label.n);
    const column: FundColumn = kind === "budget" || kind === "annual" || kind === "yearStart" ? kind : "value";
    const title = head.label.text.replace(/[:：]$/, "");
    const lines: FundLine[] = items.map((it, i) => {
      const label = it.label.text.replace(/[:：]$/, "");
      const key: FundLineKey = i === 0 ? "total" : fundLineOf(it.label.n) ?? "part";
      return { key, label, labelRef: it.label.ref, row: it.value.ref.row, cells: { [column]: amountCell(ctx, table, it.value.ref.row, it.value.col, `“${label}”`) } };
    });
    return { columns: [column], columnLabels: { [column]: title }, lines };
  }
  return undefined;
}

function readMatrix(ctx: RegionContext, table: TableBase, headerRow: number, to: number): FundsBlock | undefined {
  const cols = new Map<string, number>();
  const labels: Partial<Record<FundColumn, string>> = {};
  for (const c of formRow(ctx, headerRow)) {
    const k = fundColumnOf(c.n);
    if (k && !cols.has(k)) {
      cols.set(k, c.col);
      if (k !== "rate" && k !== "points" && k !== "score" && k !== "reason") labels[k] = c.text;
    }
  }
  const figureCols = [...cols.entries()].filter(([k]) => k !== "reason");
  if (!figureCols.length) return undefined;
  const firstCol = Math.min(...figureCols.map(([, c]) => c));
  const columns = (["yearStart", "budget", "executed", "balance", "period", "annual", "value"] as FundColumn[]).filter((k) => cols.has(k));
  const block: FundsBlock = { columns, columnLabels: labels, lines: [] };
  // Each amount column with its cell column and title, read once for all lines.
  const figureColumns = columns.map((k) => [k, cols.get(k)!, labels[k] ?? k] as [FundColumn, number, string]);
  const rc = cols.get("rate");
  for (let r = headerRow + 1; r <= to; r++) {
    const cells = formRow(ctx, r);
    const labelCells = cells.filter((c) => c.col < firstCol && !c.numeric);
    // The 资金结构 label merged over two lines belongs to both.
    let text = labelCells.map((c) => c.text).join("");
    if (!labelCells.length) {
      const merged = norm(textAt(ctx, r, firstCol - 1));
      if (merged) text = merged;
    }
    if (STOP_FUNDS.test(norm(text))) break;
    const key = text ? fundLineOf(text) : undefined;
    if (!key) {
      if (!cells.length) continue;
      break;
    }
    const labelRef = labelCells.length ? labelCells[labelCells.length - 1].ref : { sheet: ctx.sheet.name, row: r, col: firstCol - 1 };
    const shortLabel = labelCells.length ? labelCells[labelCells.length - 1].text : text;
    const name = shortLabel.trim();
    const rowLabel = `“${name}”`;
    const line: FundLine = { key, label: name, labelRef, row: r, cells: {} };
    for (let j = 0; j < figureColumns.length; j++) {
      const [k, c, title] = figureColumns[j];
      line.cells[k] = amountCell(ctx, table, r, c, rowLabel, title);
    }
    if (rc !== undefined) {
      const rate = amountCell(ctx, table, r, rc, rowLabel, "执行率");
      if (!rate.amount || !rate.amount.blank) line.rate = rate;
    }
    block.lines.push(line);
  }
  if (!block.lines.length) return undefined;
  const total = block.lines.find((l) => l.key === "total") ?? block.lines[0];
  const pc = cols.get("points");
  const sc = cols.get("score");
  if (pc !== undefined) block.points = amountCell(ctx, table, total.row, pc, "预算执行率", "分值");
  if (sc !== undefined) block.score = amountCell(ctx, table, total.row, sc, "预算执行率", "得分");
  if (total.rate) block.rate = total.rate;
  return block;
}

interface Pair {
  label: FormCell;
  value: FormCell;
  row: number;
}

function readPairs(ctx: RegionContext, table: TableBase, from: number, to: number): FundsBlock | undefined {
  // Every "label | number" pair whose label names a funds column or line.
  const byLabelCol = new Map<number, Pair[]>();
  for (let r = from; r <= to; r++) {
    const cells = formRow(ctx, r);
    if (cells.some((c) => STOP_FUNDS.test(c.n)) && cells.every((c) => !c.numeric)) continue;
    for (let i = 0; i + 1 < cells.length; i++) {
      const l = cells[i];
      const v = cells[i + 1];
      if (l.numeric || !v.numeric) continue;
      if (!fundLineOf(l.n) && !fundColumnOf(l.n)) continue;
      const list = byLabelCol.get(l.col) ?? [];
      list.push({ label: l, value: v, row: r });
      byLabelCol.set(l.col, list);
    }
  }
  if (!byLabelCol.size) return undefined;
  const block: FundsBlock = { columns: [], columnLabels: {}, lines: [] };
  const lineByRow = new Map<number, FundLine>();
  for (const [, pairs] of [...byLabelCol.entries()].sort((a, b) => a[0] - b[0])) {
    // One column per label column: its first label names it; contiguous rows below are its lines.
    const head = pairs[0];
    const colKind = fundColumnOf(head.label.n);
    const column: FundColumn = colKind && colKind !== "rate" && colKind !== "points" && colKind !== "score" && colKind !== "reason" ? colKind : "value";
    if (block.columns.includes(column)) continue;
    block.columns.push(column);
    block.columnLabels[column] = head.label.text.replace(/[:：]$/, "");
    let prevRow = head.row - 1;
    for (const p of pairs) {
      if (p.row !== prevRow + 1 && p !== head) {
        // A gap: rows below belong to another block unless they are funds lines too.
        if (p.row - prevRow > 2) break;
      }
      prevRow = p.row;
      const key: FundLineKey = p === head ? "total" : fundLineOf(p.label.n) ?? "part";
      let line = lineByRow.get(p.row);
      if (!line) {
        line = { key, label: p.label.text.replace(/[:：]$/, ""), labelRef: p.label.ref, row: p.row, cells: {} };
        lineByRow.set(p.row, line);
      }
      line.cells[column] = amountCell(ctx, table, p.row, p.value.col, `“${line.label}”`, block.columnLabels[column]);
    }
  }
  block.lines = [...lineByRow.values()].sort((a, b) => a.row - b.row);
  if (!block.lines.length || !block.lines.some((l) => l.key === "total")) return undefined;
  return block;
}

const PLAN_RE = /^(?:截至|截止|至)?(\d{1,2})月(?:底|末|份)?(?:前)?(?:累计)?(?:支出|执行)?(?:进度|比例|计划)?(?:\(%\)|%)?$/;

const QUARTER_RE = /^(?:第)?([一二三四1-4])季度(?:末|底)?(?:累计)?(?:支出|执行)?(?:进度|比例|计划|金额)?(?:\(%\)|%|\(万元\))?$/;

/**
 * 资金支出计划: month labels (or quarters: 一季度 … 四季度) (3月底, 6月底, 10月底, 12月底) with a percentage
 * below them or next to them. At least two months make a plan.
 */
export function readPlan(ctx: RegionContext, table: TableBase, from: number, to: number): PlanPoint[] | undefined {
  const points: PlanPoint[] = [];
  for (let r = from; r <= to; r++) {
    const cells = formRow(ctx, r);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c.numeric) continue;
      const m = PLAN_RE.exec(c.n);
      const q = QUARTER_RE.exec(c.n);
      if (!m && !q) continue;
      // A quarter is read as its last month: 一季度 → 3月底 … 四季度 → 12月底.
      const month = m ? parseInt(m[1], 10) : 3 * ("一二三四".indexOf(q![1]) >= 0 ? "一二三四".indexOf(q![1]) + 1 : parseInt(q![1], 10));
      if (month < 1 || month > 12) continue;
      // Value below (header layout) or to the right (pairs).
      const below = formRow(ctx, r + 1).find((x) => x.col === c.col && x.numeric);
      const right = cells[i + 1] && cells[i + 1].numeric ? cells[i + 1] : undefined;
      const v = below ?? right;
      if (!v) continue;
      points.push({ month, label: { text: c.text, ref: c.ref }, cell: amountCell(ctx, table, v.ref.row, v.col, `资金支出计划“${c.text}”`) });
    }
  }
  if (points.length < 2) return undefined;
  return points.sort((a, b) => a.month - b.month);
}
