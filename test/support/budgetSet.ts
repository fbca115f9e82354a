/**
 * Generates a complete, internally consistent 部门预算 disclosure set in the layout
 * of the official Shanghai Putuo 2026 templates (test/fixtures/templates/):
 * titles in row 2, "编制部门：" / "单位：元" in row 4, merged headers, split 类 | 款 | 项
 * code columns with 款/项 as text with a leading zero ("02"), 合计 at the bottom,
 * every table in 元 except the “三公”经费和机关运行经费预算表 in 万元.
 *
 * The money is built from per-项 amounts (人员经费, 公用经费, 项目支出, the part paid
 * by 一般公共预算 / 政府性基金 / 国有资本经营 appropriations, the rest by 事业收入 and
 * 其他收入), so every relation of spec §2 holds by construction. With `tails`, the
 * base amounts carry four decimals of 元 and every published figure is rounded on
 * its own, as real publications are: the set is consistent up to rounding tails.
 */
import { Decimal } from "../../src/core/amount/decimal";
import { FUNCTION_CLASSES, FUNCTION_ITEMS } from "../../src/core/codes/functional";
import { ECONOMIC } from "../../src/core/codes/economic";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { CellInput, SheetSpec, buildWorkbook } from "./sheet";
import { randomSplit, rng } from "./random";

export type SangongLayout = "shanghai" | "yoy" | "yoy-vertical";

export interface BudgetSetOptions {
  seed?: number;
  tails?: boolean;
  /** 部门 (department) or 单位 (unit) template: the 单位 收支总表 splits 支出 into 人员经费 / 公用经费 / 项目支出. */
  scope?: "department" | "unit";
  year?: number;
  /** Shanghai's single-group 三公 table, or with 本年 / 上年 / 增减金额 (horizontal or vertical). */
  sangong?: SangongLayout;
  /** Money in 政府性基金 / 国有资本经营 appropriations (else those tables are empty, with a note). */
  govFund?: boolean;
  soe?: boolean;
  /** A 行政单位: 机关运行经费 = 公用经费 of the 基本支出 table; else it is a part of it. */
  administrative?: boolean;
  /** Write the 机构设置 text that says whether the units are 行政 or 事业 (default true). */
  orgText?: boolean;
  department?: string;
  /** 款/项 codes written as numbers (2, 5) instead of text ("02", "05"). */
  numericCodes?: boolean;
  /** Amounts stored as text ("1,234.56"). */
  textNumbers?: boolean;
  /** Every table stacked on one sheet. */
  oneSheet?: boolean;
  /** Prefix of the sheet names (to put two sets in one workbook). */
  sheetPrefix?: string;
  /** Include 封面, 目录 and 机构设置 sheets (default true). */
  frontMatter?: boolean;
  /**
   * Outline labels on the two summary tables (issue 11): "一、本年收入" over "（一）财政拨款收入"
   * over "1. 一般公共预算"…, "二、上年结转"; "一、本年支出" over "（一）<class>"…, "二、结转下年".
   */
  outline?: boolean;
  /** A sequence prefix on every table title: "表4 …" (table), "4.…" (numbered) or "附表1-4 …" (annex). */
  titlePrefix?: "table" | "numbered" | "annex";
}

const D = (v: string | number | Decimal) => new Decimal(v);
const ZERO = D(0);


export interface BudgetItem {
  code: string;
  name: string;
  personnel: Decimal;
  public: Decimal;
  project: Decimal;
  /** Parts paid by 一般公共预算 appropriations. */
  gpbPersonnel: Decimal;
  gpbPublic: Decimal;
  gpbProject: Decimal;
  govFund: Decimal;
  soe: Decimal;
  business: Decimal;
  other: Decimal;
}

export interface SangongFigures {
  abroad: Decimal;
  reception: Decimal;
  carPurchase: Decimal;
  carRun: Decimal;
  operating: Decimal;
}

export interface BudgetSet {
  workbook: WorkbookSnapshot;
  sheets: SheetSpec[];
  items: BudgetItem[];
  dept: string;
  /** 公用经费 of the 基本支出 table, exact, in 元. */
  publicTotal: Decimal;
  sangong: { current: SangongFigures; previous: SangongFigures };
  /** Sheet names by template id. */
  sheetOf: Record<string, string>;
}

/** Items of the set: [code, has personnel, has public, has project, share paid by other money]. */
const ITEMS: [string, boolean, boolean, boolean, boolean][] = [
  ["2010601", true, true, false, true],
  ["2010602", false, false, true, false],
  ["2010607", false, false, true, true],
  ["2010608", false, false, true, false],
  ["2080505", true, false, false, false],
  ["2080506", true, false, false, false],
  ["2101101", true, false, false, false],
  ["2101103", true, false, false, false],
  ["2210201", true, false, false, false],
  ["2210203", true, false, false, false],
];

const PERSONNEL_CODES = ["30101", "30102", "30103", "30107", "30108", "30109", "30110", "30113", "30305"];
const PUBLIC_CODES = ["30201", "30205", "30206", "30211", "30213", "30216", "30217", "30228", "30229", "30231", "30299", "31002"];

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

export function generateBudgetSet(opts: BudgetSetOptions = {}): BudgetSet {
  const rand = rng(opts.seed ?? 7);
  const dp = opts.tails ? 4 : 2;
  const money = (lo: number, hi: number) => D((lo + rand() * (hi - lo)).toFixed(dp));
  const year = opts.year ?? 2026;
  const unit = opts.scope === "unit";
  const who = unit ? "预算单位" : "部门";
  const administrative = opts.administrative ?? true;
  const dept = opts.department ?? (administrative || !unit ? "上海市普陀区测试局" : "上海市普陀区测试事务中心");
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), ZERO);

  // ---- Money, per 项 (元) ----
  const items: BudgetItem[] = ITEMS.map(([code, hasP, hasU, hasJ, mixed]) => {
    const personnel = hasP ? money(80_000, 4_000_000) : ZERO;
    const pub = hasU ? money(300_000, 3_000_000) : ZERO;
    const project = hasJ ? money(50_000, 2_500_000) : ZERO;
    const otherPublic = mixed && hasU ? money(10_000, 200_000) : ZERO;
    const otherProject = mixed && hasJ ? money(10_000, 300_000) : ZERO;
    const nonFiscal = otherPublic.plus(otherProject);
    // A 行政单位 has no 事业收入: its money beyond appropriations is 其他收入.
    const business = nonFiscal.isZero() || administrative ? ZERO : nonFiscal.times("0.4").toDecimalPlaces(dp);
    return {
      code,
      name: FUNCTION_ITEMS[code]?.name ?? code,
      personnel,
      public: pub,
      project,
      gpbPersonnel: personnel,
      gpbPublic: pub.minus(otherPublic),
      gpbProject: project.minus(otherProject),
      govFund: ZERO,
      soe: ZERO,
      business,
      other: nonFiscal.minus(business),
    };
  });
  const fundItem = (code: string, key: "govFund" | "soe"): BudgetItem => {
    const v = money(100_000, 900_000);
    return { code, name: FUNCTION_ITEMS[code]?.name ?? code, personnel: ZERO, public: ZERO, project: v, gpbPersonnel: ZERO, gpbPublic: ZERO, gpbProject: ZERO, govFund: key === "govFund" ? v : ZERO, soe: key === "soe" ? v : ZERO, business: ZERO, other: ZERO };
  };
  if (opts.soe) items.push(fundItem("2230105", "soe"));
  if (opts.govFund) items.push(fundItem("2290804", "govFund"));
  items.sort((a, b) => a.code.localeCompare(b.code));

  const basic = (i: BudgetItem) => i.personnel.plus(i.public);
  const total = (i: BudgetItem) => basic(i).plus(i.project);
  const gpbBasic = (i: BudgetItem) => i.gpbPersonnel.plus(i.gpbPublic);
  const gpb = (i: BudgetItem) => gpbBasic(i).plus(i.gpbProject);
  const fiscal = (i: BudgetItem) => gpb(i).plus(i.govFund).plus(i.soe);
  const nameOf = (c: string) => (c.length === 3 ? FUNCTION_CLASSES[c]?.name : FUNCTION_ITEMS[c]?.name) ?? c;

  // 基本支出经济分类: the 一般公共预算 人员经费 and 公用经费 split over economic items.
  const personnelTotal = sum(items.map((i) => i.gpbPersonnel));
  const publicTotal = sum(items.map((i) => i.gpbPublic));
  const split = (whole: Decimal, n: number) => randomSplit(whole, n, rand, dp);
  const econ = new Map<string, { personnel: Decimal; public: Decimal }>();
  split(personnelTotal, PERSONNEL_CODES.length).forEach((v, k) => econ.set(PERSONNEL_CODES[k], { personnel: v, public: ZERO }));
  split(publicTotal, PUBLIC_CODES.length).forEach((v, k) => econ.set(PUBLIC_CODES[k], { personnel: ZERO, public: v }));

  // “三公” (万元) this year and last year; 机关运行经费 = 公用经费 (行政单位) or a part of it.
  const wan = (lo: number, hi: number) => D((lo + rand() * (hi - lo)).toFixed(opts.tails ? 6 : 2));
  const sg = (): SangongFigures => ({ abroad: wan(0, 8), reception: wan(0.5, 6), carPurchase: rand() < 0.5 ? ZERO : wan(10, 30), carRun: wan(2, 15), operating: ZERO });
  const current = sg();
  const previous = sg();
  current.operating = administrative ? publicTotal.div(10000) : publicTotal.times("0.7").div(10000);
  previous.operating = current.operating.times(D(0.85 + rand() * 0.3).toFixed(2));

  // ---- Rendering ----
  const r2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const num = (d: Decimal | null | undefined): CellInput => {
    if (!d || d.isZero()) return null;
    const v = r2(d);
    if (opts.textNumbers) return v.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return v.toNumber();
  };
  // Codes are typed like the template: 类 as a number (shown "205"), 款/项 as text "02" (or numbers).
  const codeNum = (s: string): CellInput => ({ v: parseInt(s, 10), fmt: "0" });
  const codePart = (s: string): CellInput => (opts.numericCodes ? codeNum(s) : s);
  const sheets: SheetSpec[] = [];
  const sheetOf: Record<string, string> = {};
  const prefix = opts.sheetPrefix ?? "";
  const push = (template: string, name: string, rows: CellInput[][], merges: string[]) => {
    sheets.push({ name: prefix + name, rows, merges });
    sheetOf[template] = prefix + name;
  };
  const title = (t: string) => `${year}年${who}${t}`;
  // The table's number in the set (for a prefixed title).
  const NUMBER: Record<string, number> = { budget01: 1, budget02: 2, budget03: 3, budget04: 4, budget05: 5, budget06: 6, budget07: 7, budget08: 8, budgetSangong: 9 };
  const prefixed = (template: string, t: string) => {
    const n = NUMBER[template];
    const p = opts.titlePrefix === "table" ? `表${n} ` : opts.titlePrefix === "numbered" ? `${n}.` : opts.titlePrefix === "annex" ? `附表1-${n} ` : "";
    return p + t;
  };
  const editor = unit ? `编制单位：${dept}` : `编制部门：${dept}`;
  const pad = (row: CellInput[], w: number) => [...row, ...Array(Math.max(0, w - row.length)).fill(null)];
  const classes = (pick: (i: BudgetItem) => Decimal) => [...new Set(items.filter((i) => !pick(i).isZero()).map((i) => i.code.slice(0, 3)))].sort();

  if (opts.frontMatter !== false) {
    const org = administrative
      ? unit
        ? `    本单位为行政单位，${dept}预算为本单位的综合收支计划。`
        : `    ${dept}部门预算是包括${dept}本部的综合收支计划。\n    本部门中，行政单位1家，事业单位0家，具体包括：\n    1. ${dept}本部`
      : unit
        ? `    本单位为事业单位。`
        : `    ${dept}部门预算是包括${dept}本部以及下属2家预算单位的综合收支计划。\n    本部门中，行政单位1家，事业单位2家。`;
    sheets.push({ name: prefix + "封面", rows: [[], [], [`上海市普陀区${year}年区级${unit ? "单位" : "部门"}预算`], [], [], [], [], [], [unit ? `预算单位：${dept}` : `预算主管部门：${dept}`]], merges: ["A3:M3", "A9:M9"] });
    sheets.push({
      name: prefix + "目录",
      rows: [["目  录"], [], [], [`五、${unit ? "单位" : "部门"}预算表  ……………………`], ...["财务收支预算总表", "收入预算总表", "支出预算总表"].map((t, k) => [`    ${k + 1}. ${title(t)}  ……………………`])],
    });
    if (opts.orgText !== false) sheets.push({ name: prefix + `${unit ? "单位" : "部门"}机构设置`, rows: [[`XX（${unit ? "单位" : "部门"}）机构设置`], [], [org]], merges: ["A3:A17"] });
  }

  // 1 财务收支预算总表
  {
    const inc: [string, Decimal][] = [
      ["一、财政拨款收入", sum(items.map(fiscal))],
      [unit ? "1、一般公共预算" : "1. 一般公共预算", sum(items.map(gpb))],
      [unit ? "2、政府性基金预算" : "2. 政府性基金预算", sum(items.map((i) => i.govFund))],
      [unit ? "3、国有资本经营预算" : "3. 国有资本经营预算", sum(items.map((i) => i.soe))],
      ["二、事业收入", sum(items.map((i) => i.business))],
      ["三、事业单位经营收入", ZERO],
      ["四、其他收入", sum(items.map((i) => i.other))],
    ];
    if (opts.outline) {
      // 一、本年收入 over （一）…（四）, the old top lines one level down; 二、上年结转 (nil).
      inc.forEach((x, k) => (x[0] = x[0].replace(/^([一二三四])、/, (_m, c: string) => `（${c}）`)));
      inc.unshift(["一、本年收入", sum(items.map(total))]);
      inc.push(["二、上年结转", ZERO]);
    }
    const cls = classes(total);
    const ofClass = (c: string, f: (i: BudgetItem) => Decimal) => sum(items.filter((i) => i.code.startsWith(c)).map(f));
    const expCols: ((i: BudgetItem) => Decimal)[] = unit ? [total, (i) => i.personnel, (i) => i.public, (i) => i.project] : [total];
    const w = unit ? 7 : 4;
    const rows: CellInput[][] = [[], [prefixed("budget01", title("财务收支预算总表"))], [], pad([editor], w - 1).concat(["单位：元"]), [], ["本年收入", null, "本年支出"]];
    const merges = [`A2:${unit ? "G" : "D"}2`, unit ? "A4:E4" : "A4:C4", "A6:B6", `C6:${unit ? "G" : "D"}6`];
    if (unit) {
      rows.push(["项目", "预算数", "项目", "预算数"], [null, null, null, "合计", "基本支出", null, "项目支出"], [null, null, null, null, "人员经费", "公用经费"]);
      merges.push("A7:A9", "B7:B9", "C7:C9", "D7:G7", "E8:F8", "D8:D9", "G8:G9");
    } else rows.push(["项目", "预算数", "项目", "预算数"]);
    // Expense lines: the classes, or with outline labels 一、本年支出 over （一）<class>… and 二、结转下年.
    const exp: [string, CellInput[]][] = cls.map((c, k) => [`${CN[k]}、${nameOf(c)}`, expCols.map((f) => num(ofClass(c, f)))]);
    if (opts.outline) {
      exp.forEach((x, k) => (x[0] = `（${CN[k]}）${nameOf(cls[k])}`));
      exp.unshift(["一、本年支出", expCols.map((f) => num(sum(items.map(f))))]);
      exp.push(["二、结转下年", []]);
    }
    const n = Math.max(inc.length, exp.length, 13);
    for (let k = 0; k < n; k++) {
      const a = inc[k];
      const e = exp[k];
      rows.push([a?.[0] ?? null, a ? num(a[1]) : null, e?.[0] ?? null, ...(e?.[1] ?? [])]);
    }
    const grand = sum(items.map(total));
    rows.push(["收入总计", num(grand), "支出总计", ...expCols.map((f) => num(sum(items.map(f))))]);
    push("budget01", `${unit ? "单位" : "部门"}收支总表`, rows, merges);
  }

  // Coded tables (类 | 款 | 项 | 名称 | amounts…), 合计 at the bottom.
  const coded = (
    template: string,
    sheet: string,
    name: string,
    group: string,
    heads: string[],
    cols: ((i: BudgetItem) => Decimal)[],
    pick: (i: BudgetItem) => boolean,
    note?: string,
  ) => {
    const sel = items.filter(pick);
    const w = 4 + heads.length;
    const L = String.fromCharCode(64 + w);
    const rows: CellInput[][] = [[], [prefixed(template, title(name))], [], pad([editor], w - 1).concat(["单位：元"]), [], pad(["项目", null, null, null, group], w), pad(["功能分类科目编码", null, null, "功能分类科目名称", ...heads], w), ["类", "款", "项"]];
    const merges = [`A2:${L}2`, "A4:E4", "A6:D6", `E6:${L}6`, "A7:C7", "D7:D8", ...heads.map((_, k) => `${String.fromCharCode(69 + k)}7:${String.fromCharCode(69 + k)}8`)];
    const all = (f: (i: BudgetItem) => boolean) => cols.map((c) => num(sum(sel.filter(f).map(c))));
    for (const c of [...new Set(sel.map((i) => i.code.slice(0, 3)))].sort()) {
      rows.push([codeNum(c), null, null, nameOf(c), ...all((i) => i.code.startsWith(c))]);
      for (const k of [...new Set(sel.filter((i) => i.code.startsWith(c)).map((i) => i.code.slice(0, 5)))].sort()) {
        rows.push([codeNum(c), codePart(k.slice(3)), null, nameOf(k), ...all((i) => i.code.startsWith(k))]);
        for (const it of sel.filter((i) => i.code.startsWith(k))) rows.push([codeNum(c), codePart(k.slice(3)), codePart(it.code.slice(5)), it.name, ...cols.map((f) => num(f(it)))]);
      }
    }
    rows.push(["合计", null, null, null, ...all(() => true)]);
    merges.push(`A${rows.length}:D${rows.length}`);
    if (note) {
      rows.push([note]);
      merges.push(`A${rows.length}:${L}${rows.length}`);
    }
    push(template, sheet, rows, merges);
  };
  const U = unit ? "单位" : "部门";
  coded("budget02", `${U}收入总表`, "收入预算总表", "收入预算", ["合计", "财政拨款收入", "事业收入", "事业单位\n经营收入", "其他收入"], [total, fiscal, (i) => i.business, () => ZERO, (i) => i.other], () => true);
  coded("budget03", `${U}支出总表`, "支出预算总表", "支出预算", ["合计", "基本支出", "项目支出"], [total, basic, (i) => i.project], () => true);

  // 4 财政拨款收支预算总表
  {
    const cls = classes(fiscal);
    const ofClass = (c: string, f: (i: BudgetItem) => Decimal) => sum(items.filter((i) => i.code.startsWith(c)).map(f));
    const fcols: ((i: BudgetItem) => Decimal)[] = [fiscal, gpb, (i) => i.govFund, (i) => i.soe];
    const rows: CellInput[][] = [[], [prefixed("budget04", title("财政拨款收支预算总表"))], [], pad([editor], 6).concat(["单位：元"]), [], ["财政拨款收入", null, "财政拨款支出"], ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]];
    const inc: [string, Decimal][] = [
      ["一、一般公共预算", sum(items.map(gpb))],
      ["二、政府性基金预算", sum(items.map((i) => i.govFund))],
      ["三、国有资本经营预算", sum(items.map((i) => i.soe))],
    ];
    const exp: [string, CellInput[]][] = cls.map((c, k) => [`${CN[k]}、${nameOf(c)}`, fcols.map((f) => num(ofClass(c, f)))]);
    if (opts.outline) {
      // 一、本年收入 over （一）…（三）, 二、上年结转 (nil); 一、本年支出 over （一）<class>…, 二、结转下年.
      inc.forEach((x) => (x[0] = x[0].replace(/^([一二三])、/, (_m, c: string) => `（${c}）`)));
      inc.unshift(["一、本年收入", sum(items.map(fiscal))]);
      inc.push(["二、上年结转", ZERO]);
      exp.forEach((x, k) => (x[0] = `（${CN[k]}）${nameOf(cls[k])}`));
      exp.unshift(["一、本年支出", fcols.map((f) => num(sum(items.map(f))))]);
      exp.push(["二、结转下年", []]);
    }
    const n = Math.max(inc.length, exp.length, 13);
    for (let k = 0; k < n; k++) {
      const a = inc[k];
      const e = exp[k];
      rows.push([a?.[0] ?? null, a ? num(a[1]) : null, e?.[0] ?? null, ...(e?.[1] ?? [])]);
    }
    rows.push(["收入总计", num(sum(items.map(fiscal))), "支出总计", ...fcols.map((f) => num(sum(items.map(f))))]);
    push("budget04", `${U}财政拨款收支总表`, rows, ["A2:G2", "A4:C4", "A6:B6", "C6:G6"]);
  }

  const noMoney = (what: string) => `注：本${unit ? "单位" : "部门"}${year}年没有${what}，故本表无数据。`;
  const gpbCols: ((i: BudgetItem) => Decimal)[] = [gpb, gpbBasic, (i) => i.gpbProject];
  coded("budget05", `${U}一般公共预算拨款表`, "一般公共预算支出功能分类预算表", "一般公共预算支出", ["合计", "基本支出", "项目支出"], gpbCols, (i) => !gpb(i).isZero());
  coded(
    "budget06",
    `${U}政府性基金拨款表`,
    "政府性基金预算支出功能分类预算表",
    "政府性基金预算支出",
    ["合计", "基本支出", "项目支出"],
    [(i) => i.govFund, () => ZERO, (i) => i.govFund],
    (i) => !i.govFund.isZero(),
    opts.govFund ? undefined : noMoney("政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出"),
  );
  coded(
    "budget07",
    `${U}国有资本经营预算拨款表`,
    "国有资本经营预算支出功能分类预算表",
    "国有资本经营预算支出",
    ["合计", "基本支出", "项目支出"],
    [(i) => i.soe, () => ZERO, (i) => i.soe],
    (i) => !i.soe.isZero(),
    opts.soe ? undefined : noMoney("国有资本经营预算拨款收入，也没有使用国有资本经营预算拨款安排的支出"),
  );

  // 8 一般公共预算基本支出部门预算经济分类预算表 (类 | 款 | 名称 | 合计 | 人员经费 | 公用经费)
  {
    const rows: CellInput[][] = [[], [prefixed("budget08", title("一般公共预算基本支出部门预算经济分类预算表"))], [], [editor, null, null, null, null, "单位：元"], [], ["项目", null, null, "一般公共预算基本支出"], ["部门预算经济分类科目编码", null, "经济分类科目名称", "合计", "人员经费", "公用经费"], ["类", "款"]];
    const merges = ["A2:F2", "A4:C4", "A6:C6", "D6:F6", "A7:B7", "C7:C8", "D7:D8", "E7:E8", "F7:F8"];
    const codes = [...econ.keys()].sort();
    for (const cls of [...new Set(codes.map((c) => c.slice(0, 3)))].sort()) {
      const kids = codes.filter((c) => c.startsWith(cls));
      const p = sum(kids.map((c) => econ.get(c)!.personnel));
      const u = sum(kids.map((c) => econ.get(c)!.public));
      rows.push([codeNum(cls), null, ECONOMIC[cls].name, num(p.plus(u)), num(p), num(u)]);
      for (const c of kids) {
        const e = econ.get(c)!;
        rows.push([codeNum(cls), codePart(c.slice(3)), ECONOMIC[c].name, num(e.personnel.plus(e.public)), num(e.personnel), num(e.public)]);
      }
    }
    rows.push(["合计", null, null, num(personnelTotal.plus(publicTotal)), num(personnelTotal), num(publicTotal)]);
    merges.push(`A${rows.length}:C${rows.length}`);
    push("budget08", `${U}一般公共预算拨款基本支出明细表`, rows, merges);
  }

  // 9 “三公”经费和机关运行经费预算表 (万元)
  {
    const t = (x: SangongFigures) => x.abroad.plus(x.reception).plus(x.carPurchase).plus(x.carRun);
    const car = (x: SangongFigures) => x.carPurchase.plus(x.carRun);
    const six = (x: SangongFigures) => [t(x), x.abroad, x.reception, car(x), x.carPurchase, x.carRun];
    const diff = (a: SangongFigures, b: SangongFigures): SangongFigures => ({ abroad: a.abroad.minus(b.abroad), reception: a.reception.minus(b.reception), carPurchase: a.carPurchase.minus(b.carPurchase), carRun: a.carRun.minus(b.carRun), operating: a.operating.minus(b.operating) });
    const change = diff(current, previous);
    // A 增减 of zero is written 0.00 (a blank would say nothing); other zero figures stay blank.
    const numC = (d: Decimal): CellInput => (d.isZero() ? (opts.textNumbers ? "0.00" : 0) : num(d));
    const name = prefixed("budgetSangong", `${year}年${unit ? "单位" : "部门"}“三公”经费和机关运行经费预算表`);
    const sheet = `${U}“三公”经费和机关运行费预算表`;
    const layout = opts.sangong ?? "shanghai";
    if (layout === "shanghai") {
      const rows: CellInput[][] = [[], [name], [editor, null, null, null, null, null, "单位:万元"], ["“三公”经费预算数", null, null, null, null, null, "机关运行经费预算数"], ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"], [null, null, null, "小计", "购置费", "运行费"]];
      const f = six(current);
      rows.push([num(f[0]), num(f[1]), num(f[2]), num(f[3]), num(f[4]), num(f[5]), num(current.operating)]);
      push("budgetSangong", sheet, rows, ["A2:G2", "A3:C3", "A4:F4", "D5:F5", "A5:A6", "B5:B6", "C5:C6", "G4:G6"]);
    } else if (layout === "yoy") {
      const groups = [`${year}年预算数`, `${year - 1}年预算数`, "增减金额"];
      const rows: CellInput[][] = [[], [name], [editor, ...Array(17).fill(null), "单位:万元"], [groups[0], null, null, null, null, null, groups[1], null, null, null, null, null, groups[2], null, null, null, null, null, "机关运行经费预算数"]];
      const items5: CellInput[] = ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", null, null];
      const subs: CellInput[] = [null, null, null, "小计", "购置费", "运行费"];
      rows.push([...items5, ...items5, ...items5], [...subs, ...subs, ...subs]);
      rows.push([...six(current).map(num), ...six(previous).map(num), ...six(change).map(numC), num(current.operating)]);
      const merges = ["A2:S2", "A3:C3", "A4:F4", "G4:L4", "M4:R4", "S4:S6"];
      for (const base of [0, 6, 12]) {
        const col = (k: number) => String.fromCharCode(65 + base + k);
        merges.push(`${col(0)}5:${col(0)}6`, `${col(1)}5:${col(1)}6`, `${col(2)}5:${col(2)}6`, `${col(3)}5:${col(5)}5`);
      }
      push("budgetSangong", sheet, rows, merges);
    } else {
      const rows: CellInput[][] = [[], [name], [editor, null, null, "单位:万元"], ["项目", `${year}年预算数`, `${year - 1}年预算数`, "增减金额", "增减率"]];
      const rate = (a: Decimal, b: Decimal): CellInput => (b.isZero() ? "—" : `${a.minus(b).div(b).times(100).toFixed(2)}%`);
      const line = (label: string, a: Decimal, b: Decimal) => [label, num(a), num(b), numC(a.minus(b)), rate(a, b)];
      rows.push(line("“三公”经费合计", t(current), t(previous)));
      rows.push(line("1. 因公出国（境）费", current.abroad, previous.abroad));
      rows.push(line("2. 公务接待费", current.reception, previous.reception));
      rows.push(line("3. 公务用车购置及运行费", car(current), car(previous)));
      rows.push(line("其中：公务用车购置费", current.carPurchase, previous.carPurchase));
      rows.push(line("      公务用车运行费", current.carRun, previous.carRun));
      rows.push(line("机关运行经费", current.operating, previous.operating));
      push("budgetSangong", sheet, rows, ["A2:E2", "A3:C3"]);
    }
  }

  let finalSheets = sheets;
  if (opts.oneSheet) {
    const rows: CellInput[][] = [];
    const merges: string[] = [];
    const tables = sheets.filter((s) => Object.values(sheetOf).includes(s.name));
    for (const s of tables) {
      const top = rows.length;
      merges.push(...(s.merges ?? []).map((m) => shiftRows(m, top)));
      rows.push(...s.rows, [], []);
    }
    const name = prefix + `${U}预算公开表`;
    for (const k of Object.keys(sheetOf)) sheetOf[k] = name;
    finalSheets = [...sheets.filter((s) => !tables.includes(s)), { name, rows, merges }];
  }
  return { workbook: buildWorkbook(`${dept}${year}年预算.xlsx`, finalSheets), sheets: finalSheets, items, dept, publicTotal, sangong: { current, previous }, sheetOf };
}

function shiftRows(a1range: string, dr: number): string {
  return a1range.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${parseInt(r, 10) + dr}`);
}
