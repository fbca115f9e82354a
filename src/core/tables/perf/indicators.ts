/**
 * The indicator block of any performance table: a header row holding
 * 一级指标 / 二级指标 / 三级指标 (指标内容) and the value columns, possibly over two
 * header rows ("指标值" over "年度指标值 | 实际完成值"), then one indicator per
 * row. 一级 and 二级 labels are usually merged down their rows, or repeated on
 * every row; both read the same. Placeholder rows ("指标 1:", "……") and empty
 * 二级指标 rows are dropped. Columns are found by their labels only.
 */
import { parseIndicatorValue } from "../../perf/indicator";
import { norm } from "../../recognize/normalize";
import { memoByText } from "../../util/memo";
import { RegionContext } from "../header";
import { splitOutlineMark } from "../outline";
import { AmountCell, TableBase } from "../types";
import { RowLabel } from "../base";
import { FormCell, formRow, scoreCell, splitPoints, textCellAt } from "./form";
import { IndicatorBlock, IndicatorGroup, IndicatorRole, PerfIndicator, TextCell, ValueCell } from "./model";

interface RoleTest {
  role: IndicatorRole;
  test: (label: string) => boolean;
}

/** Tried in this order on each column's composite label; the first role not yet taken wins. */
const ROLE_TESTS: RoleTest[] = [
  { role: "level1", test: (l) => /一级指标/.test(l) },
  { role: "level2", test: (l) => /二级指标/.test(l) },
  { role: "level3", test: (l) => /三级指标|指标内容|指标名称/.test(l) },
  { role: "basis", test: (l) => /确定依据|设定依据|指标值说明|指标值依据|计算公式|数据来源|取值依据/.test(l) },
  { role: "reason", test: (l) => /原因|改进措施|偏差/.test(l) },
  { role: "description", test: (l) => /指标描述|指标解释|指标内涵|评价要点|评分标准|评分细则|指标说明/.test(l) },
  { role: "comparator", test: (l) => /指标性质|比较符|指标方向/.test(l) },
  { role: "unit", test: (l) => /度量单位|计量单位|^单位$/.test(l) },
  { role: "points", test: (l) => /分值|权重|标准分|满分/.test(l) && !/得分/.test(l) },
  { role: "score", test: (l) => /得分|自评分|评分|评价分/.test(l) && !/标准|细则|依据|说明/.test(l) },
  { role: "actual", test: (l) => /实际完成|完成值|实际值|完成指标值|实际完成率/.test(l) },
  { role: "target", test: (l) => /指标值|目标值|指标\(目标\)值|预期值/.test(l) },
];

/**
 * The roles a column label can take, in ROLE_TESTS order (tested once per distinct label).
 */
const rolesOf = memoByText((label: string): IndicatorRole[] => ROLE_TESTS.filter((t) => t.test(label)).map((t) => t.role));

const ANY_ROLE = (l: string) => rolesOf(l).length > 0;

/** The one indicator column of an outline layout ("绩效指标 | 指标值", levels written as 一、/（一）/1.). */
const OUTLINE_NAME = /^(绩效指标|绩效指标名称|指标名称|指标|指标内容)$/;
const OUTLINE_VALUE = /^(指标值|年度指标值|目标值|预期指标值|预期目标值|绩效指标值|指标目标值)$/;

/**
 * A header row of an indicator block: 一级指标 and one of 二级/三级/指标内容; or,
 * in an outline layout, one indicator column and one value column and no 一级指标.
 */
export function isIndicatorHeader(cells: FormCell[]): boolean {
  // Both layouts need a cell naming 指标 ("一级指标", "绩效指标"): rows without 指 are passed over
  // before their cells are normalised (every indicator row is tested).
  if (!cells.some((c) => c.text.includes("指"))) return false;
  // Each label holds the character named (norm() leaves Chinese characters as they are): a cell without it is not normalised.
  const has = (ch: string, re: RegExp) => cells.some((c) => c.text.includes(ch) && re.test(c.n));
  if (has("级", /^一级指标/)) return has("指", /^(二级指标|三级指标|指标内容|指标名称)/);
  return cells.length <= 6 && has("指", OUTLINE_NAME) && has("值", OUTLINE_VALUE);
}


const TOTAL_RE = /^(总分|合计|总计|得分合计|总得分|自评总分|评价总分|绩效自评综合得分|自评综合得分|综合得分|自评得分|项目自评得分|绩效评价得分|评价得分)$/;
const STOP_RE = /^(评价等次|等次|评价等级|绩效等级|自评等级|评价结论|备注|说明|注[:：\d]|存在问题|改进措施|填报说明|填表说明)/;

export function isTotalLabel(n: string): boolean {
  if (n.length > 16 || !/[分计]/.test(n)) return false;
  return TOTAL_RE.test(n.replace(/[:：]$/, "").replace(/\(\d+分?\)$/, ""));
}

export function isPlaceholderName(n: string): boolean {
  return /^(指标\d*[:：.、]?|指标[一二三四五]*[:：]?|…+|\.+|-+|—+|无|其他|其它)$/.test(n);
}

/** A 分值 or 得分 figure present in its cell (a number, or text that is not one). */
function hasFigure(a?: AmountCell): boolean {
  return !!a && (a.amount === null || !a.amount.blank);
}

/** "“鉴定人次”分值", composed when the figure is named in a message. */
class FigureLabel {
  constructor(
    private readonly text: string,
    private readonly row: number,
    private readonly what: string,
  ) {}
  toString(): string {
    return `“${this.text.trim() || `第${this.row + 1}行`}”${this.what}`;
  }
}

/**
 * textCellAt(): the text shown at (r, c), following merges, taken from the rows
 * already read (formRow) when the merge's first cell is inside the region.
 */
function shownCell(ctx: RegionContext, r: number, c: number): FormCell | TextCell | undefined {
  const m = ctx.merges.mergeOf(r, c);
  const mr = m ? m.top : r;
  const mc = m ? m.left : c;
  const { left, right, top, bottom } = ctx.region;
  if (mc < left || mc > right || mr < top || mr > bottom) return textCellAt(ctx, r, c);
  const cells = formRow(ctx, mr);
  for (let k = 0; k < cells.length; k++) {
    const fc = cells[k];
    if (fc.col === mc) return fc.text ? fc : undefined;
    if (fc.col > mc) break;
  }
  return undefined;
}

function composite(ctx: RegionContext, top: number, bottom: number, col: number): string {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    // norm() of the text shown (a row's cells keep theirs: the header row's were made to find it).
    const shown = shownCell(ctx, r, col);
    const t = shown ? ("n" in shown ? shown.n : norm(shown.text)) : "";
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join("/");
}

/**
 * Reads the indicator block whose header row is `headerRow`; data rows run to
 * `endRow` at most (stopping at a 总分/合计 line or a 评价等次/备注 line).
 */
export function readIndicatorBlock(ctx: RegionContext, table: TableBase, headerRow: number, endRow: number): IndicatorBlock {
  // A second header row holds only header words ("年度指标值 | 实际完成值").
  let bottom = headerRow;
  const next = formRow(ctx, headerRow + 1);
  if (next.length && next.every((c) => !c.numeric && ANY_ROLE(c.n)) && !next.some((c) => /^一级指标/.test(c.n))) bottom = headerRow + 1;

  const columns: Partial<Record<IndicatorRole, number>> = {};
  const columnLabels: Partial<Record<IndicatorRole, string>> = {};
  const taken = new Set<number>();
  for (let c = ctx.region.left; c <= ctx.region.right; c++) {
    const label = composite(ctx, headerRow, bottom, c);
    if (!label) continue;
    // A column covered by the merge of a column already assigned repeats its label.
    const m = ctx.merges.mergeOf(headerRow, c);
    if (m && m.left < c && taken.has(m.left) && ctx.merges.mergeOf(bottom, c) === m) continue;
    for (const role of rolesOf(label)) {
      if (columns[role] !== undefined) continue;
      columns[role] = c;
      columnLabels[role] = label;
      taken.add(c);
      break;
    }
  }

  // Outline layout: the levels are in one column, marked 一、/（一）/1. (no 一级/二级 columns).
  let outlined = false;
  if (columns.level1 === undefined && columns.level2 === undefined && columns.level3 === undefined) {
    const nameCell = formRow(ctx, headerRow).find((c) => OUTLINE_NAME.test(c.n));
    if (nameCell) {
      columns.level3 = nameCell.col;
      columnLabels.level3 = nameCell.n;
      outlined = true;
    }
  }

  // The label spanning the block on its left ("绩效指标 (90)").
  let firstRoleCol = Infinity;
  for (const k in columns) firstRoleCol = Math.min(firstRoleCol, columns[k as IndicatorRole]!);
  let blockLabel: IndicatorBlock["blockLabel"];
  for (const c of formRow(ctx, headerRow)) {
    if (c.col >= firstRoleCol) break;
    const sp = splitPoints(c.text);
    blockLabel = { text: c.text, ref: c.ref, statedPoints: sp.points };
  }

  const indicators: PerfIndicator[] = [];
  const groups: IndicatorGroup[] = [];
  const groupByKey = new Map<number, IndicatorGroup>();
  let lastRow = bottom;
  let l1: TextCell | undefined;
  let l2: TextCell | undefined;

  /** The text shown at (r, c) when its cell (or merge) starts on row r: not merged down from a row above. */
  const cellIn = (c: number | undefined, r: number): TextCell | undefined => {
    if (c === undefined) return undefined;
    const m = ctx.merges.mergeOf(r, c);
    return m && m.top !== r ? undefined : shownCell(ctx, r, c);
  };
  const figure = (c: number | undefined, r: number, label: RowLabel): AmountCell | undefined => {
    if (c === undefined) return undefined;
    const m = ctx.merges.mergeOf(r, c);
    if (m && m.top !== r) return undefined;
    return scoreCell(ctx, table, r, m ? m.left : c, label);
  };
  const group = (level: 1 | 2, label: TextCell | undefined): IndicatorGroup | undefined => {
    if (!label) return undefined;
    // level, row and column in one number (rows < 2^20, columns < 2^14).
    const key = (level * 1048576 + label.ref.row) * 16384 + label.ref.col;
    let g = groupByKey.get(key);
    if (g) return g;
    const sp = split(label.text);
    // Labels repeated on every row (not merged) belong to the same group as the row above.
    let prev: IndicatorGroup | undefined;
    for (let k = groups.length - 1; k >= 0 && !prev; k--) if (groups[k].level === level) prev = groups[k];
    if (prev && prev.name === sp.name && prev.indicators.length && prev.indicators[prev.indicators.length - 1].row >= label.ref.row - 1) g = prev;
    if (!g) {
      g = { level, name: sp.name, label, statedPoints: sp.points, indicators: [] };
      groups.push(g);
    }
    groupByKey.set(key, g);
    return g;
  };

  // The columns, read once (not looked up by role on every row).
  const col = {
    level1: columns.level1,
    level2: columns.level2,
    level3: columns.level3,
    target: columns.target,
    actual: columns.actual,
    reason: columns.reason,
    description: columns.description,
    basis: columns.basis,
    comparator: columns.comparator,
    unit: columns.unit,
    points: columns.points,
    score: columns.score,
  };
  const stopCol = col.level2 ?? col.level3;
  let prevL1: TextCell | undefined;
  let prevL2: TextCell | undefined;
  let l1Name = "";
  let l2Split: ReturnType<typeof splitPoints> | undefined;
  for (let r = bottom + 1; r <= endRow; r++) {
    const cells = formRow(ctx, r);
    const first = cells[0];
    if (first && (isTotalLabel(first.n) || STOP_RE.test(first.n)) && first.col <= (stopCol ?? first.col)) break;
    if (first && isIndicatorHeader(cells)) break;
    const raw1 = col.level1 !== undefined ? shownCell(ctx, r, col.level1) : undefined;
    const raw2 = col.level2 !== undefined ? shownCell(ctx, r, col.level2) : undefined;
    if (raw1) l1 = raw1;
    if (raw2) l2 = raw2;
    else if (raw1 && raw1.ref.row === r) l2 = undefined;
    let l3 = cellIn(col.level3, r);
    if (outlined && l3) {
      // "一、产出指标" opens a 一级, "（一）数量指标" a 二级; "1.培训人次" is an indicator (outline marks, tables/outline.ts).
      const { mark, rest } = splitOutlineMark(l3.text);
      if (mark === "cn") {
        l1 = { text: rest, ref: l3.ref };
        l2 = undefined;
        if (cells.length) lastRow = r;
        continue;
      }
      if (mark === "cnParen") {
        l2 = { text: rest, ref: l3.ref };
        if (cells.length) lastRow = r;
        continue;
      }
      l3 = { text: mark === "num" || mark === "numParen" ? rest : l3.text, ref: l3.ref };
    }
    if (!cells.length) continue;
    let target = cellIn(col.target, r);
    const actual = cellIn(col.actual, r);
    const reason = cellIn(col.reason, r);
    const description = cellIn(col.description, r);
    const basis = cellIn(col.basis, r);
    const cmp = cellIn(col.comparator, r);
    const unit = cellIn(col.unit, r);
    if (target && (cmp || unit)) target = { text: `${cmp?.text ?? ""}${target.text}${unit && !target.text.endsWith(unit.text) ? unit.text : ""}`, ref: target.ref };
    const name = l3 ? norm(l3.text) : col.level3 === undefined && raw2 && raw2.ref.row === r ? norm(raw2.text) : "";
    // 一级/二级 labels are usually the same cell as on the row above (merged down).
    if (l1 !== prevL1) {
      prevL1 = l1;
      l1Name = l1 ? split(l1.text).name : "";
    }
    if (l2 !== prevL2) {
      prevL2 = l2;
      l2Split = l2 ? split(l2.text) : undefined;
    }
    const l2Name = l2Split ? l2Split.name : "";
    const rowText = l3?.text ?? l2?.text ?? l1?.text ?? "";
    const points = figure(col.points, r, new FigureLabel(rowText, r, "分值"));
    const score = figure(col.score, r, new FigureLabel(rowText, r, "得分"));
    const hasValue = !!(target?.text || actual?.text);
    const placeholder = !name || isPlaceholderName(name);
    lastRow = r;
    if (placeholder && !hasValue && !hasFigure(points) && !hasFigure(score)) {
      // A group subtotal line ("决策 | | | 20 | 18") of a scored framework.
      if (raw1 && raw1.ref.row === r && !l3 && (hasFigure(points) || hasFigure(score))) group(1, raw1);
      continue;
    }
    const ind: PerfIndicator = {
      row: r,
      level1: l1,
      level1Name: l1Name,
      level2: l2,
      level2Name: l2Name,
      level3: l3 ?? (col.level3 === undefined ? raw2 : undefined),
      name,
      target: target ? withValue(target) : col.target !== undefined ? { text: "", ref: { sheet: ctx.sheet.name, row: r, col: col.target }, value: valueOf("") } : undefined,
      actual: actual ? withValue(actual) : col.actual !== undefined ? { text: "", ref: { sheet: ctx.sheet.name, row: r, col: col.actual }, value: valueOf("") } : undefined,
      points,
      score,
      reason,
      description,
      basis,
    };
    indicators.push(ind);
    group(1, l1)?.indicators.push(ind);
    if (l2 && l2Split?.points) group(2, l2)?.indicators.push(ind);
  }

  const block: IndicatorBlock = {
    headerRow,
    columns,
    columnLabels,
    indicators,
    groups: groups.filter((g) => g.indicators.length > 0 || g.statedPoints),
    blockLabel,
    actualIsCompletionPercent: false,
    lastRow,
  };
  block.actualIsCompletionPercent = completionPercent(block);
  return block;
}

/**
 * Indicator values read, by text: the same "≥90%", "12月底前" or "逐步完善" recurs in
 * every form of a workbook. parseIndicatorValue depends on the text alone and its
 * results are never modified, so one value serves them all. The same holds for the
 * points split from 一级/二级 labels ("产出指标（50）"). Both memos are emptied at the
 * start of every check (checkWorkbook), like the engine's other caches.
 */
const valueOf = memoByText(parseIndicatorValue, 8192);
const split = memoByText(splitPoints, 8192);

export function clearIndicatorValueCache(): void {
  valueOf.clear();
  split.clear();
}

function withValue(t: TextCell): ValueCell {
  return { text: t.text, ref: t.ref, value: valueOf(t.text) };
}

/**
 * 实际完成值 written as a percentage of the target (100 = achieved, 94.7 for
 * 142 of 150万元): the header says 完成率/完成比例, or every actual is a bare
 * number while the targets carry units.
 */
function completionPercent(b: IndicatorBlock): boolean {
  const label = b.columnLabels.actual ?? "";
  if (/完成率|完成比例|完成程度|完成百分比/.test(label)) return true;
  const pairs = b.indicators.filter((i) => i.actual && i.actual.text);
  if (pairs.length < 2) return false;
  const bare = pairs.filter((i) => i.actual!.value.kind === "quantity" && i.actual!.value.noUnit);
  if (bare.length !== pairs.length) return false;
  const targetsWithUnits = pairs.filter((i) => i.target && (i.target.value.kind === "deadline" || i.target.value.kind === "qualitative" || (i.target.value.kind === "quantity" && !i.target.value.noUnit)));
  const hundreds = bare.filter((i) => i.actual!.value.number!.value.eq(100));
  return targetsWithUnits.length * 2 >= pairs.length && hundreds.length * 2 >= pairs.length;
}
