/**
 * The charts published final-accounts documents carry, as data: which points,
 * which values, and which table cell each value comes from. The host draws them
 * with Excel's own chart API next to a small data block.
 *
 *   1. 收入决算结构          pie of the income categories (公开01/02表)
 *   2. 支出决算结构          pie of 基本支出 / 项目支出 / … (公开03表)
 *   3. 一般公共预算财政拨款支出结构  pie of the function classes (公开05表)
 *   4. 收支总计与上年对比     columns 上年 / 本年 for 收支总计, 本年收入合计,
 *                              本年支出合计 (上年 figures from the 补充信息 sheet)
 *   5. “三公”经费支出结构    pie of 因公出国（境）费, 公务用车购置费, 公务用车运行费,
 *                              公务接待费 (公开07表 决算数)
 *
 * Values come from the fact catalogue (the same numbers the narrative states),
 * in 万元. Zero slices are left out of pies (a pie of zeros says nothing); a
 * chart without data is not drawn and the reason is returned, so the pane can
 * tell the clerk what to fill in.
 *
 * A value is marked `live` when its source is one cell holding exactly that
 * number: the host then writes a formula pointing at the cell, so the chart
 * follows later corrections. Otherwise (a sum of cells, a table in 元, a figure
 * typed as text) the value itself is written.
 */
import { WorkbookSnapshot } from "./grid/snapshot";
import { parseA1 } from "./grid/address";
import { Decimal } from "./amount/decimal";
import { Table } from "./recognize/templates";
import { CellRef } from "./tables/types";
import { Fact } from "./narrative/fact";
import { buildFacts } from "./narrative/context";
import { findSupplementSheet, readSupplement } from "./narrative/supplement";

export interface ChartValue {
  /** Exact value in 万元, as decimal text (Excel stores the number it is converted to). */
  value: string;
  /** The cell the value comes from, when it holds exactly this number. */
  source?: CellRef;
  /** Where the value comes from, for the clerk ("公开01表!C6"). */
  from: string;
}

export interface ChartSpec {
  id: "income" | "expense" | "gpb" | "totals" | "sangong";
  title: string;
  kind: "pie" | "column";
  /** Series names for column charts (e.g. ["上年", "本年"]); one series for pies. */
  series: string[];
  points: { label: string; values: ChartValue[] }[];
}

export interface ChartPlan {
  charts: ChartSpec[];
  /** Charts that cannot be drawn, with what is missing. */
  skipped: { title: string; reason: string }[];
}

function valueOf(wb: WorkbookSnapshot, f: Fact): ChartValue {
  const from = f.sources.map((s) => `${s.sheet}!${s.cell}`).join("＋");
  const out: ChartValue = { value: f.value.toString(), from };
  if (f.sources.length === 1 && (f.kind === "cell" || f.kind === "supplement")) {
    const s = f.sources[0];
    const p = parseA1(s.cell);
    const cell = p ? wb.sheets.find((x) => x.name === s.sheet)?.rows.get(p.row)?.get(p.col) : undefined;
    if (p && cell && typeof cell.value === "number" && new Decimal(cell.value).equals(f.value)) out.source = { sheet: s.sheet, row: p.row, col: p.col };
  }
  return out;
}

const INCOME: [string, string][] = [
  ["fiscal", "财政拨款收入"],
  ["upper", "上级补助收入"],
  ["business", "事业收入"],
  ["operating", "经营收入"],
  ["affiliated", "附属单位上缴收入"],
  ["other", "其他收入"],
];
const EXPENSE: [string, string][] = [
  ["basic", "基本支出"],
  ["project", "项目支出"],
  ["upper", "上缴上级支出"],
  ["operating", "经营支出"],
  ["subsidiary", "对附属单位补助支出"],
];
const SANGONG: [string, string][] = [
  ["abroad", "因公出国（境）费"],
  ["carPurchase", "公务用车购置费"],
  ["carRun", "公务用车运行费"],
  ["reception", "公务接待费"],
];

export function chartPlan(wb: WorkbookSnapshot, tables: Table[]): ChartPlan {
  const suppSheet = findSupplementSheet(wb);
  const ff = buildFacts(tables, suppSheet ? readSupplement(suppSheet) : undefined);
  const year = ff.year ? `${ff.year}年度` : "";
  const charts: ChartSpec[] = [];
  const skipped: ChartPlan["skipped"] = [];

  const pie = (id: ChartSpec["id"], title: string, parts: [string, string][], missing: string) => {
    const points = parts
      .map(([k, label]) => ({ label, f: ff.get(k) }))
      .filter((p): p is { label: string; f: Fact } => !!p.f && !p.f.value.isZero())
      .map((p) => ({ label: p.label, values: [valueOf(wb, p.f)] }));
    if (points.length) charts.push({ id, title: `${year}${title}（万元）`, kind: "pie", series: ["金额"], points });
    else skipped.push({ title, reason: missing });
  };

  pie("income", "收入决算结构", INCOME.map(([k, l]) => [`income.${k}`, l]), "未识别到收入决算表或收入支出决算总表，或各项收入均为0。");
  pie("expense", "支出决算结构", EXPENSE.map(([k, l]) => [`expense.${k}`, l]), "未识别到支出决算表，或各项支出均为0。");
  pie(
    "gpb",
    "一般公共预算财政拨款支出结构",
    ff.classes.map((c) => [`gpb.class.${c.code}`, c.name] as [string, string]),
    "未识别到一般公共预算财政拨款支出决算表，或其中没有支出。",
  );

  const pairs: [string, string][] = [
    ["grand", "收支总计"],
    ["income.total", "本年收入合计"],
    ["expense.total", "本年支出合计"],
  ];
  const cols = pairs
    .map(([id, label]) => ({ label, now: ff.get(id), prev: ff.get(`${id}.prev`) }))
    .filter((p) => p.now && p.prev)
    .map((p) => ({ label: p.label, values: [valueOf(wb, p.prev!), valueOf(wb, p.now!)] }));
  if (cols.length) charts.push({ id: "totals", title: `${year}收支总计与上年对比（万元）`, kind: "column", series: ["上年", "本年"], points: cols });
  else skipped.push({ title: "收支总计与上年对比", reason: ff.get("grand") ? "缺少上年数：请在“补充信息”表填写上年收入支出总计等。" : "未识别到收入支出决算总表。" });

  pie("sangong", "“三公”经费支出结构", SANGONG.map(([k, l]) => [`sg.${k}.final`, l]), "未识别到“三公”经费支出决算表，或“三公”经费决算数均为0。");
  return { charts, skipped };
}
