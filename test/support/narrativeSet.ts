/**
 * A generated final set with a complete 补充信息 (every figure and every reason),
 * and its drafted 情况说明 written back into the workbook as a sheet, one
 * paragraph per row — what a clerk would have after using the generator.
 */
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../../src/core/grid/snapshot";
import { supplementTemplate } from "../../src/core/narrative/supplement";
import { draftNarrative } from "../../src/core/narrative/draft";
import { GeneratedNarrative } from "../../src/core/narrative/generate";
import { FinalSetOptions, generateFinalSet } from "./finalSet";
import { formatNumberWithFormat } from "../../src/core/grid/numfmt";
import { recognize } from "../../src/core/recognize/recognize";
import { SangongTable } from "../../src/core/tables/sangong";

export interface NarrativeSet {
  /** Tables + 补充信息, without a narrative. */
  base: WorkbookSnapshot;
  narrative: GeneratedNarrative;
  /** Tables + 补充信息 + the drafted narrative in sheet “情况说明”. */
  workbook: WorkbookSnapshot;
}

export function completeSupplement(set: ReturnType<typeof generateFinalSet>): SheetSnapshot {
  const items = set.items.filter((i) => !i.fund && !i.gpbBasic.plus(i.gpbProject).isZero()).map((i) => ({ code: i.code, name: i.name }));
  const sheet = supplementTemplate(items, set.dept, 2023);
  const values: Record<string, number | string> = {
    "unit.type": "行政单位",
    "unit.scope": "部门",
    "unit.year": 2023,
    "prev.grand": 1000.5,
    "prev.incomeTotal": 900.25,
    "prev.expenseTotal": 950.75,
    "prev.fiscalGrand": 880.1,
    "prev.gpbExpense": 870.3,
    "prev.sangong": 3.2,
    "prev.operating": 40.4,
    "budget.operating": 300.6,
    "sg.abroad.groups": 0,
    "sg.abroad.people": 0,
    "sg.car.purchased": 0,
    "sg.car.fleet": 3,
    "sg.car.use": "车辆燃料费、维修费",
    "sg.reception.foreign": 0,
    "sg.reception.foreign.groups": 0,
    "sg.reception.foreign.people": 0,
    "sg.reception.domestic.groups": 5,
    "sg.reception.domestic.people": 40,
    "reason.sangong.budget": "厉行节约，压减开支",
    "reason.sangong.abroad": "未安排出国任务",
    "reason.sangong.car": "严格执行派车制度",
    "reason.sangong.reception": "严格控制接待标准",
    "proc.total": 120.5,
    "proc.goods": 70.25,
    "proc.works": 0,
    "proc.services": 50.25,
    "proc.sme": 100,
    "proc.micro": 60,
    "assets.vehicles": 3,
    "assets.vehicles.leaders": 0,
    "assets.vehicles.main": 0,
    "assets.vehicles.confidential": 1,
    "assets.vehicles.emergency": 2,
    "assets.vehicles.enforcement": 0,
    "assets.vehicles.special": 0,
    "assets.vehicles.retired": 0,
    "assets.vehicles.other": 0,
    "assets.equip50": 0,
    "assets.equip100": 0,
    "perf.work": "本部门按要求开展了绩效目标管理、绩效运行监控和绩效自评工作",
    "perf.projects": 4,
    "perf.projects.amount": 350.2,
    "perf.wholeScore": 92.5,
  };
  // 年初预算 per 项: the 05 figure plus a little, so every 项 has a difference (and a reason).
  for (const it of set.items) values[`budget.item.${it.code}`] = Number((set.round(it.gpbBasic.plus(it.gpbProject)) + 10).toFixed(2));
  // 国内接待费 = the whole 公务接待费 决算数 of 公开07表 (no foreign reception).
  const t07 = recognize(set.workbook).tables.find((t) => t.template === "final07") as SangongTable | undefined;
  const reception = t07?.groups.final?.reception?.amount?.value;
  if (reception) values["sg.reception.domestic"] = reception.toNumber();
  return fillSupplement(sheet, values);
}

/**
 * A copy of a blank 补充信息 sheet with column B filled from `values` (by the key
 * in column D) and every 原因 cell (column C, "（…）") filled in.
 */
export function fillSupplement(sheet: SheetSnapshot, values: Record<string, number | string>): SheetSnapshot {
  const out = emptySheet(sheet.name);
  for (const [r, cols] of sheet.rows) {
    for (const [c, cell] of cols) setCell(out, r, c, cell);
    const key = cols.get(3)?.text;
    if (!key) continue;
    if (key in values) {
      const v = values[key];
      setCell(out, r, 1, typeof v === "number" ? { text: formatNumberWithFormat(v, "#,##0.00"), value: v, numberFormat: "#,##0.00" } : { text: v, value: v });
    }
    if (cols.get(2)?.text.startsWith("（")) setCell(out, r, 2, { text: "业务量变化", value: "业务量变化" });
  }
  return out;
}

export function narrativeSheet(n: GeneratedNarrative, name = "情况说明"): SheetSnapshot {
  const s = emptySheet(name);
  let r = 0;
  setCell(s, r++, 0, { text: n.title, value: n.title });
  for (const sec of n.sections) {
    setCell(s, r++, 0, { text: sec.title, value: sec.title });
    for (const p of sec.paragraphs) setCell(s, r++, 0, { text: p.text, value: p.text });
  }
  return s;
}

export function generateNarrativeSet(opts: FinalSetOptions = {}): NarrativeSet {
  const set = generateFinalSet(opts);
  const supp = completeSupplement(set);
  const base: WorkbookSnapshot = { ...set.workbook, sheets: [...set.workbook.sheets, supp] };
  // Fill the 三公 reception split (国内 = the whole 公务接待费 of 07) from the table itself.
  const narrative = draftNarrative(base);
  return { base, narrative, workbook: { ...base, sheets: [...base.sheets, narrativeSheet(narrative)] } };
}
