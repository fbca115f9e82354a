/**
 * Blank performance tables (spec §3) in the layouts of the published documents:
 *
 * - 项目支出绩效自评表: header (项目名称, 主管部门及代码, 实施单位), the funds block
 *   (年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分; 年度资金总额 /
 *   其中：财政拨款 / 其他资金, 预算执行率 分值 10), 年度总体目标, the indicator block
 *   with the standard split 产出 50 · 效益 30 · 满意度 10 and two rows per 二级指标,
 *   and 总分 (分值 100). Layout of the Baotou 2022 self-evaluations.
 * - 项目绩效目标表: 项目名称, 单位名称, 项目资金 (实施期 / 年度: 资金总额, 其中：财政拨款,
 *   其他), 年度目标, and 一级/二级/三级指标 · 指标值 rows for every 二级指标. Layout of
 *   the Anyang 2021 targets.
 *
 * Decisions: the 执行率 and 得分 cells are left for the clerk (no formulas: the
 * checker recomputes them and says where they differ); placeholders in 【】 are
 * marked rows.
 */
import { CellInput, SheetFormat, buildSheet } from "../grid/build";
import { colName } from "../grid/address";
import { BlankTemplate } from "./final";

const range = (top: number, left: number, bottom: number, right: number) => `${colName(left)}${top + 1}:${colName(right)}${bottom + 1}`;

const SECOND: [string, number, string[]][] = [
  ["产出指标", 50, ["数量指标", "质量指标", "时效指标", "成本指标"]],
  ["效益指标", 30, ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]],
  ["满意度指标", 10, ["服务对象满意度指标"]],
];

function selfEval(): BlankTemplate {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  rows.push(["项目支出绩效自评表"], ["（【年度】年度）"], ["项目名称", null, "【请填写项目名称】"], ["主管部门及代码", null, "【请填写】", null, null, "实施单位", "【请填写】"]);
  merges.push(range(0, 0, 0, 8), range(1, 0, 1, 8), range(2, 0, 2, 1), range(2, 2, 2, 8), range(3, 0, 3, 1), range(3, 2, 3, 4), range(3, 6, 3, 8));
  rows.push(["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  rows.push([null, "年度资金总额", null, null, null, 10, null, null]);
  rows.push([null, "其中：财政拨款", null, null, null, "-", null, "-"]);
  rows.push([null, "其他资金", null, null, null, "-", null, "-"]);
  merges.push(range(4, 0, 7, 0));
  rows.push(["年度总体目标", "预期目标", null, null, null, "实际完成情况"], [null, "【请填写】", null, null, null, "【请填写】"]);
  merges.push(range(8, 0, 9, 0), range(8, 1, 8, 4), range(8, 5, 8, 8), range(9, 1, 9, 4), range(9, 5, 9, 8));
  const indTop = rows.length;
  rows.push(["绩效指标（90）", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  for (const [first, weight, seconds] of SECOND) {
    const firstTop = rows.length;
    for (const second of seconds) {
      const top = rows.length;
      rows.push([null, `${first}（${weight}）`, second, "指标1："], [null, `${first}（${weight}）`, second, "指标2："]);
      merges.push(range(top, 2, top + 1, 2));
    }
    merges.push(range(firstTop, 1, rows.length - 1, 1));
  }
  merges.push(range(indTop, 0, rows.length - 1, 0));
  rows.push(["总分", null, null, null, null, null, 100, null]);
  const bottom = rows.length - 1;
  merges.push(range(bottom, 0, bottom, 5));
  rows.push(["评价等次：【优/良/中/差】（优≥90分，良80（含）–90分，中60（含）–80分，差<60分）"]);
  const format: SheetFormat = {
    columnWidths: [12, 16, 14, 22, 14, 14, 8, 8, 26],
    boldRows: [0, 4, indTop, bottom],
    wrapColumns: [3, 8],
    numberFormats: [{ range: range(5, 2, 7, 4), format: "#,##0.00" }],
    borders: [range(2, 0, bottom, 8)],
    markRows: [1, 2],
  };
  return { id: "perfSelfEval", name: "项目支出绩效自评表", title: "项目支出绩效自评表", group: "绩效", sheet: buildSheet({ name: "项目支出绩效自评表", rows, merges }), format };
}

function targets(): BlankTemplate {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  rows.push(["项目绩效目标表"], ["（【年度】年度）"], ["项目名称", "【请填写项目名称】"], ["单位名称", "【请填写】"]);
  merges.push(range(0, 0, 0, 4), range(1, 0, 1, 4), range(2, 1, 2, 4), range(3, 1, 3, 4));
  const fundsTop = rows.length;
  rows.push(["项目资金（万元）", "实施期资金总额：", null, "年度资金总额：", null]);
  rows.push([null, "其中：财政拨款", null, "其中：财政拨款", null]);
  rows.push([null, "其他", null, "其他", null]);
  merges.push(range(fundsTop, 0, fundsTop + 2, 0));
  rows.push(["绩效目标", "年度目标（总体）"], [null, "【请填写】"]);
  merges.push(range(fundsTop + 3, 0, fundsTop + 4, 0), range(fundsTop + 3, 1, fundsTop + 3, 4), range(fundsTop + 4, 1, fundsTop + 4, 4));
  const indTop = rows.length;
  rows.push(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]);
  for (const [first, , seconds] of SECOND) for (const second of seconds) rows.push([null, first, second, "指标1：", null], [null, first, second, "指标2：", null]);
  const bottom = rows.length - 1;
  merges.push(range(indTop, 0, bottom, 0));
  rows.push(["指标值写法：比较符号＋数值＋单位，如“≥95%”“≤12.40万元”“≤20个工作日”；定性指标写“有所提高”等。"]);
  const format: SheetFormat = {
    columnWidths: [12, 18, 18, 26, 16],
    boldRows: [0, indTop],
    wrapColumns: [1, 3],
    numberFormats: [{ range: range(fundsTop, 2, fundsTop + 2, 2), format: "#,##0.00" }, { range: range(fundsTop, 4, fundsTop + 2, 4), format: "#,##0.00" }],
    borders: [range(2, 0, bottom, 4)],
    markRows: [1, 2],
  };
  return { id: "perfTargets", name: "项目绩效目标表", title: "项目绩效目标表", group: "绩效", sheet: buildSheet({ name: "项目绩效目标表", rows, merges }), format };
}

export function perfTemplates(): BlankTemplate[] {
  return [selfEval(), targets()];
}
