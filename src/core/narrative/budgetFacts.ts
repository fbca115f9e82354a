/**
 * The fact catalogue of a budget (部门预算): every figure the 部门预算编制说明 and
 * 其他相关情况说明 state, from the budget tables of one year (the latest in the
 * workbook) and the budget 补充信息, in 万元 (元 tables are converted).
 *
 * Ids start with "b." so that a workbook holding a budget and final accounts
 * keeps both catalogues apart. Sections follow the Shanghai text template: the
 * whole 编制说明 is one section ("total"); 三公, 机关运行经费, 政府采购, 绩效目标
 * and 国有资产 have their own.
 *
 * Year-on-year changes are against last year's *budget* (补充信息 "上年…预算", or
 * the 上年 column of the “三公” table), as the template says "比2025年预算增加".
 */
import { Decimal } from "../amount/decimal";
import { Table } from "../recognize/templates";
import { BudgetCodedTable } from "../tables/budget/coded";
import { BudgetSummary, BudgetIncomeKey } from "../tables/budget/summary";
import { BudgetProcurementTable } from "../tables/budget/procurement";
import { SangongTable } from "../tables/sangong";
import { AmountCell, refA1 } from "../tables/types";
import { PerfTable } from "../tables/perf/model";
import { Interval } from "../amount/interval";
import { FUNCTION_CLASSES, FUNCTION_ITEMS } from "../codes/functional";
import { ECONOMIC } from "../codes/economic";
import { Fact, SectionId, cellFact, diffFact, sumFact } from "./fact";
import { factScope } from "./factScope";
import { Supplement } from "./supplement";
import { sharedRegExp } from "../util/regex";

export interface BudgetItem {
  code: string;
  /** 类, 款, 项 names. */
  cls: string;
  kuan: string;
  name: string;
  fact: Fact;
}

export interface BudgetFacts {
  facts: Map<string, Fact>;
  get(id: string): Fact | undefined;
  inSection(s: SectionId): Fact[];
  /** Income lines present in 收支总表, in order: [key, name]. */
  incomeLines: [string, string][];
  /** 项 of the 一般公共预算 / 基金 / 国资 功能分类预算表 with money, in table order. */
  items: BudgetItem[];
  /** Names of the 经济分类 款 of 人员经费 / 公用经费 with money (for "主要包括"). */
  basicItems: { personnel: string[]; public: string[] };
  year?: number;
  department?: string;
  notes: string[];
  /** Whether a “三公” table with 机关运行经费 exists. */
  hasOperating: boolean;
  /** 单位 when the tables are a unit's budget ("2026年单位收支总表"), else 部门. */
  scope: "部门" | "单位";
}

const re = (...w: string[]) => w.map((x) => sharedRegExp(x));

export const BUDGET_SANGONG: { key: "abroad" | "car" | "carPurchase" | "carRun" | "reception"; name: string; keys: RegExp[] }[] = [
  { key: "abroad", name: "因公出国（境）费", keys: re("因公出国") },
  { key: "car", name: "公务用车购置及运行费", keys: re("公务用车购置及运行", "购置及运行") },
  { key: "carPurchase", name: "公务用车购置费", keys: re("公务用车购置(?!及)", "购置费") },
  { key: "carRun", name: "公务用车运行费", keys: re("公务用车运行", "运行费") },
  { key: "reception", name: "公务接待费", keys: re("公务接待", "接待费") },
];

const INCOME: [BudgetIncomeKey, string, RegExp[]][] = [
  ["fiscal", "财政拨款收入", re("财政拨款收入", "财政拨款")],
  ["special", "财政专户管理资金收入", re("财政专户")],
  ["business", "事业收入", re("(?<!经营)事业收入")],
  ["operating", "事业单位经营收入", re("经营收入")],
  ["unitFunds", "单位资金", re("单位资金")],
  ["other", "其他收入", re("其他收入")],
];

/** The budget tables of the latest year in the workbook. */
export function latestBudget(tables: Table[]): Table[] {
  const budget = tables.filter((t) => t.family === "budget");
  const years = budget.map((t) => t.year).filter((y): y is number => y !== undefined);
  const year = years.length ? Math.max(...years) : undefined;
  return budget.filter((t) => t.year === undefined || t.year === year);
}

export function buildBudgetFacts(all: Table[], supp?: Supplement): BudgetFacts {
  const tables = latestBudget(all);
  const { facts, notes, add, one, usable: a, fromSupp } = factScope(tables, supp);
  const t01 = one<BudgetSummary>("budget01");
  const t03 = one<BudgetCodedTable>("budget03");
  const t04 = one<BudgetSummary>("budget04");
  const t08 = one<BudgetCodedTable>("budget08");
  const tsg = one<SangongTable>("budgetSangong");
  const tproc = one<BudgetProcurementTable>("budgetProcurement");
  const T: SectionId[] = ["total"];
  const changeWords = /增加|减少|持平|增减/;
  /** 上年预算 and the change: "比2025年预算增加X万元". */
  const yoy = (base: Fact | undefined, prev: Fact | undefined, id: string, keys: RegExp[], sections: SectionId[]) => {
    if (!base || !prev) return;
    add(prev);
    add(diffFact({ id: `${id}.change`, unit: "万元", keys: [changeWords, ...keys], requires: [changeWords], sections }, base, prev));
  };
  const prevSupp = (id: string, key: string, keys: RegExp[], sections: SectionId[]) => fromSupp({ id: `${id}.prev`, unit: "万元", keys: [/上年/, ...keys], requires: [/上年|\d{4}年预算/], sections }, key);

  // 收入预算: 本年收入 = the lines of 本年收入 (Shanghai has no 本年收入合计 line).
  const incomeLines: [string, string][] = [];
  if (t01) {
    const total = a(t01.inc.total?.cells.amount);
    const items = t01.incomeItems.map((l) => a(l.cells.amount)).filter((c): c is AmountCell => !!c);
    const inc = total
      ? cellFact({ id: "b.income", unit: "万元", keys: re("收入预算"), sections: T }, total, "收支总表 本年收入合计")
      : items.length
        ? sumFact({ id: "b.income", unit: "万元", keys: re("收入预算"), sections: T }, items.map((c, i) => cellFact({ id: `b.income.${i}`, unit: "万元", keys: [], sections: [] }, c)))
        : undefined;
    add(inc);
    yoy(inc, prevSupp("b.income", "bprev.income", re("收入预算"), T), "b.income", re("收入预算"), T);
    for (const [key, name, keys] of INCOME) {
      let f: Fact | undefined;
      const c = a(t01.inc[key]?.cells.amount);
      if (c) f = cellFact({ id: `b.income.${key}`, unit: "万元", keys, sections: T }, c, `收支总表 ${name}`);
      else if (key === "fiscal") {
        const parts = (["gpb", "govFund", "soe"] as const).map((k) => a(t01.inc[k]?.cells.amount)).filter((x): x is AmountCell => !!x);
        if (parts.length) f = sumFact({ id: "b.income.fiscal", unit: "万元", keys, sections: T }, parts.map((p, i) => cellFact({ id: `b.income.fiscal.${i}`, unit: "万元", keys: [], sections: [] }, p)));
      }
      if (!f) continue;
      add(f);
      incomeLines.push([key, name]);
    }
  }

  // 支出预算.
  const expCell = a(t01?.exp.total?.cells.total) ?? a(t03?.total?.cells.total) ?? a(t01?.exp.grand?.cells.total);
  const expense = add(expCell ? cellFact({ id: "b.expense", unit: "万元", keys: re("支出预算"), sections: T }, expCell) : undefined);
  yoy(expense, prevSupp("b.expense", "bprev.expense", re("支出预算"), T), "b.expense", re("支出预算"), T);
  if (t03?.total) {
    const b = a(t03.total.cells.basic);
    const p = a(t03.total.cells.project);
    if (b) add(cellFact({ id: "b.expense.basic", unit: "万元", keys: re("基本支出"), sections: T }, b, "支出预算总表 合计 基本支出"));
    if (p) add(cellFact({ id: "b.expense.project", unit: "万元", keys: re("项目支出"), sections: T }, p, "支出预算总表 合计 项目支出"));
  }

  // 财政拨款 and the three funds (财政拨款收支预算总表; else the 功能分类预算表 合计).
  const fundTable: Record<"gpb" | "govFund" | "soe", string> = { gpb: "budget05", govFund: "budget06", soe: "budget07" };
  const fundName = { gpb: "一般公共预算拨款", govFund: "政府性基金拨款", soe: "国有资本经营预算拨款" };
  const fundKeys = { gpb: re("一般公共预算拨款支出", "一般公共预算"), govFund: re("政府性基金拨款支出", "政府性基金"), soe: re("国有资本经营预算拨款支出", "国有资本经营") };
  const fundFacts: Fact[] = [];
  for (const k of ["gpb", "govFund", "soe"] as const) {
    const coded = one<BudgetCodedTable>(fundTable[k]);
    const c = a(coded?.total?.cells.total) ?? a(t04?.exp.total?.cells[k]);
    if (!c) continue;
    const f = add(cellFact({ id: `b.${k}`, unit: "万元", keys: fundKeys[k], sections: T }, c, `${fundName[k]}支出预算 合计`))!;
    fundFacts.push(f);
    yoy(f, prevSupp(`b.${k}`, `bprev.${k}`, fundKeys[k], T), `b.${k}`, fundKeys[k], T);
  }
  const fiscalCell = a(t04?.exp.total?.cells.total) ?? a(t04?.exp.grand?.cells.total);
  const fiscal = add(
    fiscalCell
      ? cellFact({ id: "b.fiscal", unit: "万元", keys: re("财政拨款支出预算", "财政拨款支出", "财政拨款收入"), sections: T }, fiscalCell, "财政拨款收支预算总表 支出合计")
      : fundFacts.length
        ? sumFact({ id: "b.fiscal", unit: "万元", keys: re("财政拨款支出预算", "财政拨款支出", "财政拨款收入"), sections: T }, fundFacts)
        : undefined,
  );
  yoy(fiscal, prevSupp("b.fiscal", "bprev.fiscal", re("财政拨款"), T), "b.fiscal", re("财政拨款"), T);

  // Items: 项 of the three 功能分类预算表 with money.
  const items: BudgetItem[] = [];
  for (const k of ["gpb", "govFund", "soe"] as const) {
    const coded = one<BudgetCodedTable>(fundTable[k]);
    for (const r of coded?.rows ?? []) {
      if (r.level !== 3 || !a(r.cells.total) || r.cells.total.amount!.value.isZero()) continue;
      const cls = FUNCTION_CLASSES[r.code.slice(0, 3)]?.name ?? coded!.rows.find((x) => x.code === r.code.slice(0, 3))?.name ?? r.code.slice(0, 3);
      const kuan = FUNCTION_ITEMS[r.code.slice(0, 5)]?.name ?? coded!.rows.find((x) => x.code === r.code.slice(0, 5))?.name ?? r.code.slice(0, 5);
      const name = r.name || FUNCTION_ITEMS[r.code]?.name || r.code;
      const nameKey = sharedRegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      const f = add(cellFact({ id: `b.item.${r.code}`, unit: "万元", keys: [/科目/, nameKey], requires: [nameKey], sections: T }, r.cells.total, `${fundName[k]}支出预算 ${r.code} ${name}`))!;
      items.push({ code: r.code, cls, kuan, name, fact: f });
    }
  }

  // 基本支出 (一般公共预算): 人员经费 / 公用经费.
  const basicItems = { personnel: [] as string[], public: [] as string[] };
  if (t08?.total) {
    const tot = a(t08.total.cells.total);
    const pers = a(t08.total.cells.personnel);
    const pub = a(t08.total.cells.public);
    if (tot) add(cellFact({ id: "b.basic", unit: "万元", keys: re("基本支出"), sections: ["basic"] }, tot, "基本支出经济分类预算表 合计"));
    if (pers) add(cellFact({ id: "b.basic.personnel", unit: "万元", keys: re("人员经费"), sections: ["basic"] }, pers, "基本支出经济分类预算表 人员经费合计"));
    if (pub) add(cellFact({ id: "b.basic.public", unit: "万元", keys: re("公用经费"), sections: ["basic"] }, pub, "基本支出经济分类预算表 公用经费合计"));
    for (const r of t08.rows) {
      if (r.level !== 2) continue;
      const name = r.name || ECONOMIC[r.code]?.name || r.code;
      if (r.cells.personnel?.amount && !r.cells.personnel.amount.value.isZero()) basicItems.personnel.push(name);
      if (r.cells.public?.amount && !r.cells.public.amount.value.isZero()) basicItems.public.push(name);
    }
  }

  // “三公”经费 and 机关运行经费.
  const S: SectionId[] = ["sangong"];
  const sgTotal = re("三公");
  let hasOperating = false;
  if (tsg) {
    const cur = tsg.groups.current ?? tsg.groups.budget;
    const prev = tsg.groups.previous;
    const total = a(cur?.total);
    const tf = add(total ? cellFact({ id: "b.sg", unit: "万元", keys: re("预算数?为", "三公"), requires: sgTotal, sections: S }, total, "“三公”经费预算 合计") : undefined);
    const tp = a(prev?.total) ? cellFact({ id: "b.sg.prev", unit: "万元", keys: re("上年"), requires: sgTotal, sections: S }, prev!.total!, "“三公”经费上年预算 合计") : prevSupp("b.sg", "bprev.sangong", sgTotal, S);
    yoy(tf, tp, "b.sg", [], S);
    for (const part of BUDGET_SANGONG) {
      const c = a(cur?.[part.key]);
      const f = add(c ? cellFact({ id: `b.sg.${part.key}`, unit: "万元", keys: part.keys, requires: part.keys, sections: S }, c, `“三公”经费预算 ${part.name}`) : undefined);
      const pc = a(prev?.[part.key]);
      const pf = pc ? cellFact({ id: `b.sg.${part.key}.prev`, unit: "万元", keys: [/上年/, ...part.keys], requires: part.keys, sections: S }, pc, `“三公”经费上年预算 ${part.name}`) : prevSupp(`b.sg.${part.key}`, `bprev.sangong.${part.key}`, part.keys, S);
      yoy(f, pf, `b.sg.${part.key}`, part.keys, S);
    }
    const op = a(cur?.operating);
    if (op) {
      hasOperating = true;
      add(cellFact({ id: "b.operating", unit: "万元", keys: re("机关运行经费", "预算为"), sections: ["operating"] }, op, "机关运行经费预算数"));
    }
    const pop = a(prev?.operating);
    if (op && pop) yoy(facts.get("b.operating"), cellFact({ id: "b.operating.prev", unit: "万元", keys: re("上年"), sections: ["operating"] }, pop, "机关运行经费上年预算数"), "b.operating", re("机关运行经费"), ["operating"]);
  }

  // 政府采购预算: the table, else 补充信息.
  const P: SectionId[] = ["procurement"];
  const procKeys: [string, RegExp[]][] = [
    ["total", re("政府采购预算(?!.*货物)", "采购预算")],
    ["goods", re("货物")],
    ["works", re("工程")],
    ["services", re("服务")],
    ["sme", re("中小企业")],
    ["micro", re("小型和微型|小微")],
  ];
  const procTotal = tproc?.total ?? (tproc?.records.length === 1 ? tproc.records[0] : undefined);
  for (const [k, keys] of procKeys) {
    const c = a(procTotal?.cells[k as keyof typeof procTotal.cells]);
    add(c ? cellFact({ id: `b.proc.${k}`, unit: "万元", keys, sections: P }, c, `政府采购预算表 ${k}`) : fromSupp({ id: `b.proc.${k}`, unit: "万元", keys, sections: P }, `bproc.${k}`));
  }

  // 绩效目标: the budget-stage 项目绩效目标表 in the workbook, else 补充信息.
  const targets = all.filter((t) => t.family === "perf" && (t as unknown as PerfTable).kind === "perfTarget") as unknown as PerfTable[];
  add(fromSupp({ id: "b.perf.units", unit: "count", countWord: "个", decimals: 0, keys: re("预算单位"), sections: ["perf"] }, "bperf.units"));
  if (targets.length) {
    const v = new Decimal(targets.length);
    const first = targets[0].titleRef ?? { sheet: targets[0].sheet, row: targets[0].range.top, col: targets[0].range.left };
    add({ id: "b.perf.projects", unit: "count", countWord: "个", value: v, interval: Interval.exact(v), decimals: 0, shown: v, keys: re("项目"), sections: ["perf"], sources: [{ sheet: first.sheet, cell: refA1(first), label: "项目绩效目标表" }], formula: `工作簿中的项目绩效目标表共 ${targets.length} 张`, kind: "sum" });
    const annual = targets.map((t) => {
      const line = t.funds?.lines.find((l) => l.key === "total") ?? t.funds?.lines[0];
      return a(line?.cells.annual) ?? a(line?.cells.budget) ?? a(line?.cells.value);
    });
    if (annual.every((c) => c)) add(sumFact({ id: "b.perf.amount", unit: "万元", keys: re("资金"), sections: ["perf"] }, annual.map((c, i) => cellFact({ id: `b.perf.amount.${i}`, unit: "万元", keys: [], sections: [] }, c!, "项目绩效目标表 年度资金总额"))));
  } else add(fromSupp({ id: "b.perf.projects", unit: "count", countWord: "个", decimals: 0, keys: re("项目"), sections: ["perf"] }, "bperf.projects"));
  if (!facts.has("b.perf.amount")) add(fromSupp({ id: "b.perf.amount", unit: "万元", keys: re("资金"), sections: ["perf"] }, "bperf.amount"));

  // 机关运行经费: the number of organs and 参公 units it is for (补充信息).
  add(fromSupp({ id: "b.units.organs", unit: "count", countWord: "家", decimals: 0, keys: re("下属$", "家机关"), sections: ["operating"] }, "b.units.organs"));
  add(fromSupp({ id: "b.units.civil", unit: "count", countWord: "家", decimals: 0, keys: re("机关和$", "参公"), sections: ["operating"] }, "b.units.civil"));

  // 国有资产: 补充信息.
  add(fromSupp({ id: "b.assets.vehicles", unit: "count", countWord: "辆", decimals: 0, keys: re("共有车辆", "车辆"), sections: ["assets"] }, "assets.vehicles"));
  add(fromSupp({ id: "b.assets.equip100", unit: "count", countWord: "台（套）", decimals: 0, keys: re("100万元"), sections: ["assets"] }, "assets.equip100"));
  add(fromSupp({ id: "b.assets.buy.vehicles", unit: "count", countWord: "辆", decimals: 0, keys: re("购置车辆"), sections: ["assets"] }, "bassets.buy.vehicles"));
  add(fromSupp({ id: "b.assets.buy.equip100", unit: "count", countWord: "台（套）", decimals: 0, keys: re("购置单价100万元", "100万元"), sections: ["assets"] }, "bassets.buy.equip100"));

  const bySection = new Map<SectionId, Fact[]>();
  for (const f of facts.values()) for (const s of f.sections) bySection.set(s, [...(bySection.get(s) ?? []), f]);
  return {
    facts,
    get: (id) => facts.get(id),
    inSection: (s) => bySection.get(s) ?? [],
    incomeLines,
    items,
    basicItems,
    year: tables.find((t) => t.year)?.year,
    department: tables.find((t) => t.department)?.department,
    notes,
    hasOperating,
    scope: tables.some((t) => /^(\d{4}年)?(预算)?单位/.test(t.title.replace(/\s/g, ""))) ? "单位" : "部门",
  };
}
