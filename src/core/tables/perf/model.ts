/**
 * Models of the performance (绩效) tables. They are forms rather than grids:
 * header fields (项目名称, 主管部门…), a funds block (项目资金 / 预算情况), an
 * optional 资金支出计划, an indicator block (一级/二级/三级指标, 指标值, 实际完成值,
 * 分值, 得分, 偏差原因…) and a 总分 / 综合得分 line with an optional 评价等次.
 * One model serves every layout; the parts a layout lacks are absent.
 */
import { Decimal } from "../../amount/decimal";
import { IndicatorValue } from "../../perf/indicator";
import { AmountCell, CellRef, TableBase } from "../types";

export interface TextCell {
  text: string;
  ref: CellRef;
}

export interface ValueCell extends TextCell {
  value: IndicatorValue;
}

export type IndicatorRole =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "actual"
  | "points"
  | "score"
  | "reason"
  | "description"
  | "basis"
  | "comparator"
  | "unit";

export interface PerfIndicator {
  row: number;
  /** 一级指标 label as written ("产出指标 (50)") and its name without the points ("产出指标"). */
  level1?: TextCell;
  level1Name: string;
  level2?: TextCell;
  level2Name: string;
  /** 三级指标 (指标内容, 指标名称). */
  level3?: TextCell;
  name: string;
  /** 年度指标值 / 指标值 / 指标(目标)值 / 预期指标值. */
  target?: ValueCell;
  /** 实际完成值 / 实际完成指标值. */
  actual?: ValueCell;
  points?: AmountCell;
  score?: AmountCell;
  /** 偏差原因分析及改进措施. */
  reason?: TextCell;
  /** 绩效指标描述 / 指标解释. */
  description?: TextCell;
  /** 指标值确定依据 / 指标值说明. */
  basis?: TextCell;
}

export interface StatedPoints {
  readonly value: Decimal;
  /** The value × 10^7 (amount/fixed.ts), for exact sums without decimals. */
  readonly fixed: bigint;
  readonly decimals: number;
}

export interface IndicatorGroup {
  level: 1 | 2;
  /** Name without the points: "产出指标". */
  name: string;
  label: TextCell;
  /** Points written in the label: "产出指标 (50)" → 50. */
  statedPoints?: StatedPoints;
  indicators: PerfIndicator[];
}

export interface IndicatorBlock {
  headerRow: number;
  columns: Partial<Record<IndicatorRole, number>>;
  /** Composite header label of each role column (for messages). */
  columnLabels: Partial<Record<IndicatorRole, string>>;
  indicators: PerfIndicator[];
  groups: IndicatorGroup[];
  /** The label spanning the block ("绩效指标 (90)"), with its points. */
  blockLabel?: TextCell & { statedPoints?: StatedPoints };
  /** 实际完成值 written as a percentage of the target (安阳 layout: 100 = achieved). */
  actualIsCompletionPercent: boolean;
  lastRow: number;
}

export type FundColumn = "yearStart" | "budget" | "executed" | "balance" | "period" | "annual" | "value";

export type FundLineKey = "total" | "fiscal" | "carry" | "other" | "part" | "basic" | "project";

export interface FundLine {
  key: FundLineKey;
  label: string;
  labelRef: CellRef;
  row: number;
  cells: Partial<Record<FundColumn, AmountCell>>;
  /** Stated 执行率 of this line. */
  rate?: AmountCell;
}

export interface FundsBlock {
  columns: FundColumn[];
  columnLabels: Partial<Record<FundColumn, string>>;
  lines: FundLine[];
  /** 预算执行率 分值 / 执行率 / 得分 (project self-evaluation). */
  points?: AmountCell;
  rate?: AmountCell;
  score?: AmountCell;
}

export interface PlanPoint {
  month: number;
  label: TextCell;
  cell: AmountCell;
}

export interface TotalLine {
  label: TextCell;
  points?: AmountCell;
  score?: AmountCell;
}

export type PerfKind = "perfSelfEval" | "perfTarget" | "perfWhole" | "perfFramework" | "perfCompletion";

export interface PerfTable extends TableBase {
  kind: PerfKind;
  /** target: budget-stage targets; selfeval: evaluation after the year. */
  stage: "target" | "selfeval";
  /** Project (or department) the table is about. */
  subject?: TextCell;
  funds?: FundsBlock;
  plan?: PlanPoint[];
  indicators?: IndicatorBlock;
  total?: TotalLine;
  grade?: TextCell;
}

export function isPerfTable(t: TableBase): t is PerfTable {
  return t.family === "perf";
}

/** "项目支出绩效自评表（医保慢性病鉴定复检）" — names the project when there are several. */
export function perfLabel(t: PerfTable): string {
  const subject = t.subject?.text?.trim();
  return subject ? `${t.name}（${subject}）` : t.name;
}
