/**
 * 补充信息 (supplementary sheet): what the disclosure tables do not hold but the
 * 情况说明 needs — last year's figures, 年初预算数 per 项 when 公开05表 has no
 * budget columns, 三公 counts, 政府采购 and 国有资产 figures, the unit's type, and
 * the free-text reasons (原因) for each change.
 *
 * Layout (written by supplementTemplate(), read by readSupplement()):
 *   A 项目 | B 数值 | C 原因或说明 | D 编号（请勿修改）
 * One row per entry; section rows ("一、上年决算数") only label groups. Rows are
 * matched by the key in column D, or by the label in column A when D is empty.
 * A blank value means "not given": the generator writes a visible placeholder,
 * never a guess.
 */
import { SheetSnapshot, WorkbookSnapshot, emptySheet, setCell } from "../grid/snapshot";
import { Amount, readAmount } from "../amount/amount";
import { norm } from "../recognize/normalize";
import { CellRef } from "../tables/types";
import { SheetFormat } from "../grid/build";
import { recognize } from "../recognize/recognize";
import { CodedTable } from "../tables/coded";

export const SUPPLEMENT_SHEET = "补充信息";

export type EntryKind = "amount" | "count" | "text" | "choice";

export interface EntryDef {
  key: string;
  label: string;
  kind: EntryKind;
  /** Unit shown in the label column: 万元, 个, 人次, 辆… */
  unit?: string;
  /** What column C holds for this row (a reason, a use…); absent: nothing expected. */
  reason?: string;
  /** Choices for "choice" entries. */
  choices?: string[];
}

export interface SectionDef {
  title: string;
  entries: EntryDef[];
}

const amount = (key: string, label: string, reason?: string): EntryDef => ({ key, label, kind: "amount", unit: "万元", reason });
const count = (key: string, label: string, unit: string): EntryDef => ({ key, label, kind: "count", unit });

const SANGONG_ITEMS: [string, string][] = [
  ["abroad", "因公出国（境）费"],
  ["car", "公务用车购置及运行费"],
  ["carPurchase", "公务用车购置费"],
  ["carRun", "公务用车运行费"],
  ["reception", "公务接待费"],
];

export const VEHICLE_KINDS: [string, string][] = [
  ["leaders", "省部级及以上领导用车"],
  ["main", "主要领导干部用车"],
  ["confidential", "机要通信用车"],
  ["emergency", "应急保障用车"],
  ["enforcement", "执法执勤用车"],
  ["special", "特种专业技术用车"],
  ["retired", "离退休干部用车"],
  ["other", "其他用车"],
];

/** The fixed part of the template; per-项 budget rows are added from 公开05表. */
export const SUPPLEMENT_SECTIONS: SectionDef[] = [
  {
    title: "一、单位基本情况",
    entries: [
      { key: "unit.type", label: "单位性质", kind: "choice", choices: ["行政单位", "参照公务员法管理事业单位", "事业单位"] },
      { key: "unit.scope", label: "公开主体（部门或单位）", kind: "choice", choices: ["部门", "单位"] },
      { key: "unit.year", label: "决算年度", kind: "count", unit: "年" },
    ],
  },
  {
    title: "二、上年决算数（用于与上年度比较）",
    entries: [
      amount("prev.grand", "上年收入支出总计", "收支总计增减变动的主要原因"),
      amount("prev.incomeTotal", "上年本年收入合计", "收入增减变动的主要原因"),
      amount("prev.expenseTotal", "上年本年支出合计", "支出增减变动的主要原因"),
      amount("prev.fiscalGrand", "上年财政拨款收入支出总计", "财政拨款收支增减变动的主要原因"),
      amount("prev.gpbExpense", "上年一般公共预算财政拨款支出", "一般公共预算财政拨款支出增减变动的主要原因"),
      amount("prev.sangong", "上年“三公”经费财政拨款支出决算", "“三公”经费增减变动的主要原因"),
      ...SANGONG_ITEMS.map(([k, n]) => amount(`prev.sangong.${k}`, `上年${n}`, `${n}增减变动的主要原因`)),
      amount("prev.operating", "上年机关运行经费支出", "机关运行经费增减变动的主要原因"),
    ],
  },
  {
    title: "三、年初预算数",
    entries: [
      amount("budget.gpb", "一般公共预算财政拨款支出年初预算", "决算数与年初预算数差异的主要原因"),
      amount("budget.operating", "机关运行经费年初预算", "决算数与年初预算数差异的主要原因"),
    ],
  },
  {
    title: "四、“三公”经费相关说明",
    entries: [
      { key: "reason.sangong.budget", label: "“三公”经费决算数与预算数差异的主要原因", kind: "text" },
      { key: "reason.sangong.abroad", label: "因公出国（境）费决算数与预算数差异的原因", kind: "text" },
      { key: "reason.sangong.car", label: "公务用车购置及运行费决算数与预算数差异的原因", kind: "text" },
      { key: "reason.sangong.reception", label: "公务接待费决算数与预算数差异的原因", kind: "text" },
      count("sg.abroad.groups", "全年因公出国（境）团组数", "个"),
      count("sg.abroad.people", "全年因公出国（境）人次", "人次"),
      { key: "sg.abroad.use", label: "因公出国（境）费开支内容", kind: "text" },
      count("sg.car.purchased", "本年购置公务用车数量", "辆"),
      count("sg.car.fleet", "年末使用财政拨款开支的公务用车保有量", "辆"),
      { key: "sg.car.use", label: "公务用车运行费主要用途", kind: "text" },
      amount("sg.reception.foreign", "外宾接待费"),
      count("sg.reception.foreign.groups", "接待国（境）外来访团组数", "个"),
      count("sg.reception.foreign.people", "接待国（境）外来访人次", "人次"),
      amount("sg.reception.domestic", "国内公务接待费"),
      count("sg.reception.domestic.groups", "国内公务接待批次", "批次"),
      count("sg.reception.domestic.people", "国内公务接待人次", "人次"),
      { key: "sg.reception.use", label: "公务接待费主要用途", kind: "text" },
    ],
  },
  {
    title: "五、政府采购支出",
    entries: [
      amount("proc.total", "政府采购支出总额"),
      amount("proc.goods", "政府采购货物支出"),
      amount("proc.works", "政府采购工程支出"),
      amount("proc.services", "政府采购服务支出"),
      amount("proc.sme", "授予中小企业合同金额"),
      amount("proc.micro", "其中：授予小微企业合同金额"),
    ],
  },
  {
    title: "六、国有资产占用情况（年末数）",
    entries: [
      count("assets.vehicles", "车辆总数", "辆"),
      ...VEHICLE_KINDS.map(([k, n]) => count(`assets.vehicles.${k}`, n, "辆")),
      count("assets.equip50", "单位价值50万元以上通用设备", "台（套）"),
      count("assets.equip100", "单位价值100万元以上专用设备", "台（套）"),
    ],
  },
  {
    title: "七、预算绩效",
    entries: [
      { key: "perf.work", label: "绩效管理工作开展情况", kind: "text" },
      count("perf.projects", "开展绩效自评的项目数", "个"),
      amount("perf.projects.amount", "开展绩效自评的项目资金"),
      count("perf.wholeScore", "部门整体绩效自评得分", "分"),
    ],
  },
];

/**
 * The 补充信息 of a budget (部门预算编制说明 and 其他相关情况说明, Shanghai template):
 * last year's budget figures and the reasons of the changes, the use of each
 * 项, 政府采购预算, 绩效目标 and 国有资产 figures. Per-项 uses are added from the
 * 一般公共预算 (and 基金 / 国资) 功能分类预算表.
 */
export const BUDGET_SUPPLEMENT_SECTIONS: SectionDef[] = [
  {
    title: "一、基本情况",
    entries: [
      { key: "unit.scope", label: "公开主体（部门或单位）", kind: "choice", choices: ["部门", "单位"] },
      count("b.units.organs", "下属机关数（机关运行经费）", "家"),
      count("b.units.civil", "下属参公事业单位数（机关运行经费）", "家"),
    ],
  },
  {
    title: "二、上年预算数（用于与上年比较）",
    entries: [
      amount("bprev.income", "上年收入预算"),
      amount("bprev.expense", "上年支出预算"),
      amount("bprev.fiscal", "上年财政拨款收入（支出）预算", "财政拨款收入支出增加（减少）的主要原因"),
      amount("bprev.gpb", "上年一般公共预算拨款支出预算"),
      amount("bprev.govFund", "上年政府性基金拨款支出预算"),
      amount("bprev.soe", "上年国有资本经营预算拨款支出预算"),
      amount("bprev.sangong", "上年“三公”经费预算（“三公”表没有上年数时填）", "“三公”经费增减变动的主要原因"),
      ...SANGONG_ITEMS.map(([k, n]) => amount(`bprev.sangong.${k}`, `上年${n}预算`, `${n}增减变动的主要原因`)),
    ],
  },
  { title: "三、财政拨款支出主要内容（各项级科目的主要用途）", entries: [] },
  {
    title: "四、政府采购预算",
    entries: [
      amount("bproc.total", "政府采购预算总额"),
      amount("bproc.goods", "政府采购货物预算"),
      amount("bproc.works", "政府采购工程预算"),
      amount("bproc.services", "政府采购服务预算"),
      amount("bproc.sme", "面向中小企业预留政府采购项目预算"),
      amount("bproc.micro", "其中：预留给小型和微型企业的预算"),
    ],
  },
  {
    title: "五、绩效目标设置",
    entries: [count("bperf.units", "开展绩效目标编报的预算单位数", "个"), count("bperf.projects", "编报绩效目标的项目数", "个"), amount("bperf.amount", "编报绩效目标的项目预算资金")],
  },
  {
    title: "六、国有资产占有使用情况",
    entries: [
      { key: "bassets.date", label: "车辆和设备统计截止日期（如：2026年8月31日）", kind: "text" },
      count("assets.vehicles", "车辆总数", "辆"),
      ...VEHICLE_KINDS.map(([k, n]) => count(`assets.vehicles.${k}`, n, "辆")),
      count("assets.equip100", "单价100万元（含）以上设备（不含车辆）", "台（套）"),
      count("bassets.buy.vehicles", "本年预算安排购置车辆", "辆"),
      ...VEHICLE_KINDS.map(([k, n]) => count(`bassets.buy.vehicles.${k}`, `预算安排购置${n}`, "辆")),
      count("bassets.buy.equip100", "预算安排购置单价100万元（含）以上设备", "台（套）"),
    ],
  },
];

export interface SupplementEntry {
  key: string;
  label: string;
  /** The value as read (amount/count), or null when blank. */
  amount: Amount | null;
  text: string;
  /** Column C. */
  reason: string;
  valueRef: CellRef;
  reasonRef: CellRef;
}

export interface Supplement {
  sheet: string;
  entries: Map<string, SupplementEntry>;
  /** Rows that could not be read (a value that is not a number). */
  problems: { ref: CellRef; message: string }[];
}

export function allEntryDefs(itemCodes: { code: string; name: string }[] = []): EntryDef[] {
  const defs = [...SUPPLEMENT_SECTIONS, ...BUDGET_SUPPLEMENT_SECTIONS].flatMap((s) => s.entries);
  return [...defs, ...itemDefs(itemCodes)];
}

function itemDefs(items: { code: string; name: string }[]): EntryDef[] {
  return items.map((i) => amount(`budget.item.${i.code}`, `${i.code} ${i.name} 年初预算`, "决算数与年初预算数差异的主要原因"));
}

/** Budget: one row per 项 for its use (“主要用于……”). */
function useDefs(items: { code: string; name: string }[]): EntryDef[] {
  return items.map((i) => ({ key: `use.${i.code}`, label: `${i.code} ${i.name} 主要用途`, kind: "text" as const }));
}

/** Label as matched: normalised, without a trailing unit "（万元）". */
const labelKey = (l: string) => norm(l).replace(/\([^)]*\)$/, "");
const byLabel = (defs: EntryDef[]) => new Map(defs.map((d) => [labelKey(d.label), d]));

/** Finds the 补充信息 sheet (by name, or by its title in the first rows). */
export function findSupplementSheet(wb: WorkbookSnapshot): SheetSnapshot | undefined {
  return (
    wb.sheets.find((s) => norm(s.name).includes("补充信息")) ??
    wb.sheets.find((s) => {
      const first = s.rows.get(s.bounds?.top ?? 0);
      return !!first && [...first.values()].some((c) => /^补充信息/.test(norm(c.text)));
    })
  );
}

export function readSupplement(sheet: SheetSnapshot): Supplement {
  const out: Supplement = { sheet: sheet.name, entries: new Map(), problems: [] };
  // Any 项 row ("2101501 行政运行 年初预算") is accepted even when the template did not list it.
  const labels = byLabel(allEntryDefs());
  for (const [r, cols] of sheet.rows) {
    const label = cols.get(0)?.text.trim() ?? "";
    const keyText = cols.get(3)?.text.trim() ?? "";
    let key = /^[a-z][\w.]*$/.test(keyText) ? keyText : labels.get(labelKey(label))?.key;
    if (!key) {
      const m = /^(\d{7})\s*.*年初预算/.exec(norm(label));
      if (m) key = `budget.item.${m[1]}`;
      const u = /^(\d{7})\s*.*主要用途/.exec(norm(label));
      if (u) key = `use.${u[1]}`;
    }
    if (!key) continue;
    const valueCell = cols.get(1);
    const valueRef = { sheet: sheet.name, row: r, col: 1 };
    const reasonRef = { sheet: sheet.name, row: r, col: 2 };
    let amt: Amount | null = null;
    const text = valueCell?.text.trim() ?? "";
    const def = labels.get(labelKey(label)) ?? allEntryDefs().find((d) => d.key === key);
    const kind = def?.kind ?? (key.startsWith("budget.item.") ? "amount" : "text");
    if (text && (kind === "amount" || kind === "count")) {
      const read = readAmount(valueCell, kind === "amount" ? 2 : 0);
      if (read.ok && !read.amount.blank) amt = read.amount;
      else if (!read.ok) out.problems.push({ ref: valueRef, message: `补充信息“${label}”（${sheet.name}!B${r + 1}）应为数字，但写的是“${text}”` });
    }
    out.entries.set(key, { key, label, amount: amt, text, reason: cols.get(2)?.text.trim() ?? "", valueRef, reasonRef });
  }
  return out;
}

/**
 * A blank 补充信息 sheet: title, column headers, the section rows and one row
 * per entry (with the 项 of 公开05表 for their 年初预算). Values are left blank.
 */
export function supplementTemplate(items: { code: string; name: string }[] = [], department?: string, year?: number, kind: "final" | "budget" = "final"): SheetSnapshot {
  const s = emptySheet(SUPPLEMENT_SHEET);
  let r = 0;
  const text = (row: number, col: number, t: string) => setCell(s, row, col, { text: t, value: t });
  text(r++, 0, `补充信息（生成${kind === "budget" ? "预算编制说明" : "情况说明"}用：填写表格中没有的数字和原因，空着的会在情况说明中留出【请填写……】）`);
  if (department) text(r - 1, 2, `部门：${department}`);
  if (year) text(r - 1, 3, `年度：${year}`);
  text(r, 0, "项目");
  text(r, 1, "数值");
  text(r, 2, "原因或说明");
  text(r++, 3, "编号（请勿修改）");
  const sections: SectionDef[] = [...(kind === "budget" ? BUDGET_SUPPLEMENT_SECTIONS : SUPPLEMENT_SECTIONS)];
  if (items.length) {
    const idx = sections.findIndex((x) => x.title.startsWith("三、"));
    sections[idx] = { ...sections[idx], entries: [...sections[idx].entries, ...(kind === "budget" ? useDefs(items) : itemDefs(items))] };
  }
  for (const sec of sections) {
    text(r++, 0, sec.title);
    for (const e of sec.entries) {
      text(r, 0, e.unit && e.kind !== "text" ? `${e.label}（${e.unit}）` : e.label);
      if (e.reason) text(r, 2, `（${e.reason}）`);
      else if (e.choices) text(r, 2, `（${e.choices.join(" / ")}）`);
      text(r, 3, e.key);
      r++;
    }
  }
  return s;
}

export function entryAmount(s: Supplement | undefined, key: string): Amount | null {
  return s?.entries.get(key)?.amount ?? null;
}

/** A reason text, unless it is still the template's hint "（…）" or empty. */
export function entryReason(s: Supplement | undefined, key: string): string {
  const r = s?.entries.get(key)?.reason ?? "";
  return /^（.*）$/.test(r) ? "" : r;
}

export function entryText(s: Supplement | undefined, key: string): string {
  return s?.entries.get(key)?.text ?? "";
}

/**
 * The blank 补充信息 sheet for a workbook: the 项 of its 公开05表 (for their
 * 年初预算), its department and year; with the look the hosts give it (column
 * widths, bold title, header and section rows).
 */
export function supplementForWorkbook(wb: WorkbookSnapshot): { sheet: SheetSnapshot; format: SheetFormat; items: number } {
  const rec = recognize(wb);
  // A budget workbook (budget tables and no final-accounts tables) gets the budget sheet.
  const budget = rec.tables.some((t) => t.family === "budget") && !rec.tables.some((t) => t.family === "final");
  const coded = budget
    ? (["budget05", "budget06", "budget07"].map((id) => rec.tables.find((t) => t.template === id)).filter(Boolean) as CodedTable[])
    : ([rec.tables.find((t) => t.template === "final05")].filter(Boolean) as CodedTable[]);
  const items = coded.flatMap((t) => t.rows.filter((r) => r.level === 3).map((r) => ({ code: r.code, name: r.name })));
  const sheet = supplementTemplate(items, rec.tables.find((t) => t.department)?.department, rec.tables.find((t) => t.year)?.year, budget ? "budget" : "final");
  const bold = [0, 1];
  for (const [r, row] of sheet.rows) if (r > 1 && row.size === 1 && /^[一二三四五六七八九十]+、/.test(row.get(0)?.text ?? "")) bold.push(r);
  return { sheet, format: { columnWidths: [56, 14, 44, 26], boldRows: bold, wrapColumns: [2] }, items: items.length };
}
