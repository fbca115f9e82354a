/**
 * A generated budget set with a complete budget 补充信息 (last year's budgets,
 * reasons, the use of every 项, 政府采购, 绩效目标, 国有资产) and its drafted
 * 编制说明 written back as a sheet, one paragraph per row — what a clerk has
 * after using the generator. Last year's figures are this year's minus a
 * fixed step, so every change is stated.
 */
import { Decimal } from "../../src/core/amount/decimal";
import { SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { supplementForWorkbook } from "../../src/core/narrative/supplement";
import { draftNarrative } from "../../src/core/narrative/draft";
import { GeneratedNarrative } from "../../src/core/narrative/generate";
import { buildBudgetFacts } from "../../src/core/narrative/budgetFacts";
import { recognize } from "../../src/core/recognize/recognize";
import { checkWorkbook } from "../../src/core/check";
import { fillSupplement, narrativeSheet } from "./narrativeSet";

export interface BudgetNarrativeSet {
  base: WorkbookSnapshot;
  narrative: GeneratedNarrative;
  workbook: WorkbookSnapshot;
}

const round2 = (d: Decimal) => Number(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));

/** The budget 补充信息 with every entry filled. */
export function completeBudgetSupplement(wb: WorkbookSnapshot): SheetSnapshot {
  checkWorkbook(wb); // registers the families
  const { sheet } = supplementForWorkbook(wb);
  const bf = buildBudgetFacts(recognize(wb).tables);
  const v = (id: string) => bf.get(id)?.value;
  const values: Record<string, number | string> = {
    "b.units.organs": 1,
    "b.units.civil": 2,
    "bproc.total": 120.5,
    "bproc.goods": 70.25,
    "bproc.works": 0,
    "bproc.services": 50.25,
    "bproc.sme": 100,
    "bproc.micro": 60,
    "bperf.units": 3,
    "bperf.projects": 6,
    "bperf.amount": 480.3,
    "bassets.date": "2025年8月31日",
    "assets.vehicles": 3,
    "assets.vehicles.leaders": 0,
    "assets.vehicles.main": 0,
    "assets.vehicles.confidential": 1,
    "assets.vehicles.emergency": 2,
    "assets.vehicles.enforcement": 0,
    "assets.vehicles.special": 0,
    "assets.vehicles.retired": 0,
    "assets.vehicles.other": 0,
    "assets.equip100": 0,
    "bassets.buy.vehicles": 0,
    "bassets.buy.equip100": 0,
  };
  // Last year's budgets: this year's minus a step, so the text states an increase.
  const step: [string, string, number][] = [
    ["bprev.income", "b.income", 100],
    ["bprev.expense", "b.expense", 100],
    ["bprev.gpb", "b.gpb", 60],
    ["bprev.govFund", "b.govFund", 10],
    ["bprev.soe", "b.soe", 0],
  ];
  for (const [key, id, d] of step) {
    const x = v(id);
    if (x) values[key] = round2(x.minus(d));
  }
  // 财政拨款 = the sum of the three funds, last year as this year.
  const funds = ["bprev.gpb", "bprev.govFund", "bprev.soe"].map((k) => values[k]).filter((x): x is number => typeof x === "number");
  if (funds.length) values["bprev.fiscal"] = round2(funds.reduce((a, x) => a.plus(x), new Decimal(0)));
  // “三公”: last year's budgets when the table has no 上年 column (items a little lower; totals add up).
  if (!bf.get("b.sg.prev") && bf.get("b.sg")) {
    const prev: Record<string, Decimal> = {};
    for (const k of ["abroad", "carPurchase", "carRun", "reception"]) {
      const x = v(`b.sg.${k}`);
      if (x) prev[k] = Decimal.max(0, x.minus("0.5"));
    }
    prev.car = (prev.carPurchase ?? new Decimal(0)).plus(prev.carRun ?? 0);
    for (const [k, d] of Object.entries(prev)) values[`bprev.sangong.${k}`] = round2(d);
    values["bprev.sangong"] = round2((prev.abroad ?? new Decimal(0)).plus(prev.car).plus(prev.reception ?? 0));
  }
  for (const it of bf.items) values[`use.${it.code}`] = `保障${it.name}相关工作`;
  return fillSupplement(sheet, values);
}

/** Tables + 补充信息 + the drafted text in sheet "部门预算编制说明". */
export function withBudgetNarrative(wb: WorkbookSnapshot): BudgetNarrativeSet {
  const base: WorkbookSnapshot = { ...wb, sheets: [...wb.sheets, completeBudgetSupplement(wb)] };
  const narrative = draftNarrative(base);
  return { base, narrative, workbook: { ...base, sheets: [...base.sheets, narrativeSheet(narrative, "部门预算编制说明")] } };
}
