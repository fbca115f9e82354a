/**
 * Disclosure sets in layouts published outside Shanghai (issue 11: recognise
 * tables by their structure, no false errors on correct layouts). The figures are
 * invented and consistent by construction; the layouts follow what many 省/市/县
 * publications look like:
 *
 * - generateClassicBudgetSet: the classic nine budget tables "表1 部门收支总表 …
 *   表9 国有资本经营预算支出表" in 万元, with outline row labels on the two summary
 *   tables ("一、本年收入" over "（一）一般公共预算拨款…", "二、上年结转" over its own
 *   "（一）…", "一、本年支出" over the classes, "二、结转下年"), single-column
 *   科目编码 with 合计 on top. Options: a third outline level ("（一）财政拨款收入" over
 *   "1.一般公共预算拨款…"), numbered titles in every style ("表1", "2.", "附表1-3",
 *   "（四）", "表5-1", a title over two lines, the department and year inside the
 *   title), and the unit line anywhere above the header (its own row, the title
 *   row, inside the title cell, above the title, on the header row; one table in 元).
 * - countyFinalSet: a 县级 部门决算 set (公开01–09表 figures of finalSet.ts) titled
 *   "附件2-1：XX县…2023年度收入支出决算总表" … (some over two lines), without the 公开NN表
 *   codes, "金额单位：万元", with
 *   01表 income written as "一、财政拨款收入" / "其中：一般公共预算财政拨款收入" /
 *   indented continuation lines, and 04表 年初财政拨款结转和结余 over "（一）…（三）".
 */
import { Decimal } from "../../src/core/amount/decimal";
import { FUNCTION_CLASSES, FUNCTION_ITEMS } from "../../src/core/codes/functional";
import { ECONOMIC } from "../../src/core/codes/economic";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { CellInput, SheetSpec, buildWorkbook } from "./sheet";
import { generateFinalSet } from "./finalSet";
import { randomSplit, rng } from "./random";

const D = (v: string | number | Decimal) => new Decimal(v);
const ZERO = D(0);
const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

export type TitleStyle = "classic" | "numbered";

export interface ClassicBudgetOptions {
  seed?: number;
  /** Base amounts with four decimals of 万元, every figure rounded on its own. */
  tails?: boolean;
  year?: number;
  department?: string;
  /** classic: "表N" alone above a plain title; numbered: a different numbering style per table, unit lines in different places. */
  titles?: TitleStyle;
  /** Outline depth of 表1 income: 2 ("（一）一般公共预算拨款收入"…) or 3 ("（一）财政拨款收入" over "1.一般公共预算拨款"…). */
  depth?: 2 | 3;
  /** 政府性基金 money (else 表8 is empty, with a note). */
  govFund?: boolean;
}

interface Item {
  code: string;
  name: string;
  personnel: Decimal;
  public: Decimal;
  project: Decimal;
  /** Paid by 一般公共预算: this year's appropriation and last year's carry-over. */
  gpbIncome: Decimal;
  gpbCarry: Decimal;
  gpbBasic: Decimal;
  gpbProject: Decimal;
  govFund: Decimal;
  business: Decimal;
  other: Decimal;
}

export interface LayoutSet {
  workbook: WorkbookSnapshot;
  sheets: SheetSpec[];
  /** Sheet of each template. */
  sheetOf: Record<string, string>;
  dept: string;
}

/** [code, 人员经费, 公用经费, 项目支出, part paid by other money]. */
const ITEMS: [string, boolean, boolean, boolean, boolean][] = [
  ["2080505", true, false, false, false],
  ["2080506", true, false, false, false],
  ["2101101", true, false, false, false],
  ["2101103", true, false, false, false],
  ["2101501", true, true, false, false],
  ["2101502", false, false, true, true],
  ["2101505", false, false, true, false],
  ["2101506", false, true, true, true],
  ["2210201", true, false, false, false],
  ["2210203", true, false, false, false],
];
const PERSONNEL = ["30101", "30102", "30103", "30107", "30108", "30109", "30110", "30112", "30113", "30302"];
const PUBLIC = ["30201", "30202", "30205", "30206", "30211", "30213", "30216", "30217", "30228", "30229", "30231", "30299", "31002"];

export function generateClassicBudgetSet(opts: ClassicBudgetOptions = {}): LayoutSet {
  const rand = rng(opts.seed ?? 11);
  const dp = opts.tails ? 4 : 2;
  const money = (lo: number, hi: number) => D((lo + rand() * (hi - lo)).toFixed(dp));
  const year = opts.year ?? 2024;
  const dept = opts.department ?? "测试市医疗保障局";
  const numbered = opts.titles === "numbered";
  const depth = opts.depth ?? 2;
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), ZERO);

  // ---- Money (万元), per 项 ----
  const items: Item[] = ITEMS.map(([code, hasP, hasU, hasJ, mixed]) => {
    const personnel = hasP ? money(20, 400) : ZERO;
    const pub = hasU ? money(30, 300) : ZERO;
    const project = hasJ ? money(10, 250) : ZERO;
    const otherPublic = mixed && hasU ? money(1, 20) : ZERO;
    const otherProject = mixed && hasJ ? money(1, 30) : ZERO;
    const nonFiscal = otherPublic.plus(otherProject);
    const business = nonFiscal.times("0.4").toDecimalPlaces(dp);
    const gpbProject = project.minus(otherProject);
    const gpbBasic = personnel.plus(pub).minus(otherPublic);
    // Last year's unspent project money is spent this year.
    const gpbCarry = hasJ ? gpbProject.times("0.12").toDecimalPlaces(dp) : ZERO;
    return {
      code,
      name: FUNCTION_ITEMS[code]?.name ?? code,
      personnel,
      public: pub,
      project,
      gpbIncome: gpbBasic.plus(gpbProject).minus(gpbCarry),
      gpbCarry,
      gpbBasic,
      gpbProject,
      govFund: ZERO,
      business,
      other: nonFiscal.minus(business),
    };
  });
  if (opts.govFund) {
    const v = money(20, 90);
    items.push({ code: "2290804", name: FUNCTION_ITEMS["2290804"].name, personnel: ZERO, public: ZERO, project: v, gpbIncome: ZERO, gpbCarry: ZERO, gpbBasic: ZERO, gpbProject: ZERO, govFund: v, business: ZERO, other: ZERO });
  }
  items.sort((a, b) => a.code.localeCompare(b.code));
  const total = (i: Item) => i.personnel.plus(i.public).plus(i.project);
  const basic = (i: Item) => i.personnel.plus(i.public);
  const gpb = (i: Item) => i.gpbBasic.plus(i.gpbProject);
  const fiscal = (i: Item) => gpb(i).plus(i.govFund);
  const nameOf = (c: string) => (c.length === 3 ? FUNCTION_CLASSES[c]?.name : FUNCTION_ITEMS[c]?.name) ?? c;
  const classesOf = (pick: (i: Item) => Decimal) => [...new Set(items.filter((i) => !pick(i).isZero()).map((i) => i.code.slice(0, 3)))].sort();
  const ofClass = (c: string, f: (i: Item) => Decimal) => sum(items.filter((i) => i.code.startsWith(c)).map(f));
  const all = (f: (i: Item) => Decimal) => sum(items.map(f));

  // 基本支出 by economic item: the 一般公共预算 basic money split over 301/302/303/310 items.
  const personnelTotal = all((i) => i.personnel);
  const publicTotal = all((i) => i.gpbBasic).minus(personnelTotal);
  const split = (whole: Decimal, n: number) => randomSplit(whole, n, rand, dp);
  const econ = new Map<string, { personnel: Decimal; public: Decimal }>();
  split(personnelTotal, PERSONNEL.length).forEach((v, k) => econ.set(PERSONNEL[k], { personnel: v, public: ZERO }));
  split(publicTotal, PUBLIC.length).forEach((v, k) => econ.set(PUBLIC[k], { personnel: ZERO, public: v }));

  // ---- Rendering ----
  const r2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const num = (d: Decimal | undefined, scale = 1): CellInput => (!d || d.isZero() ? null : r2(d.times(scale)).toNumber());
  const sheets: SheetSpec[] = [];
  const sheetOf: Record<string, string> = {};
  const SHEETS = numbered
    ? ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表", "一般公共预算支出表", "基本支出表", "三公经费", "政府性基金", "国有资本经营"]
    : ["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"];
  const NAMES = ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表", "一般公共预算支出表", "一般公共预算基本支出表", "一般公共预算“三公”经费支出表", "政府性基金预算支出表", "国有资本经营预算支出表"];
  // Numbered variant: one numbering style per table, and where its unit line is.
  const numberedTitle = (n: number, name: string): string =>
    [
      `表1 ${dept}${year}年${name}`,
      `2.${year}年${name}`,
      `附表1-3 ${name}`,
      `（四）${year}年${name}`,
      `表5-1 ${name}`,
      `6、${name}`,
      `附表7 ${name}`,
      `表8\n${year}年${name}`,
      `9．${name}`,
    ][n - 1];
  type UnitAt = "own-row" | "title-row" | "in-title" | "above-title" | "header-row";
  const UNIT_AT: UnitAt[] = ["own-row", "title-row", "in-title", "above-title", "header-row", "own-row", "title-row", "above-title", "in-title"];
  /**
   * A table: title block, header rows, data rows. `header[0]` is the first header row;
   * `width` the number of columns. Returns the rows and the merges, shifted for the title block.
   */
  const table = (n: number, template: string, width: number, header: CellInput[][], headerMerges: string[], body: CellInput[][], opts2: { unit?: "万元" | "元"; note?: string } = {}) => {
    const unit = `单位：${opts2.unit ?? "万元"}`;
    const L = String.fromCharCode(64 + width);
    const rows: CellInput[][] = [];
    const merges: string[] = [];
    const pad = (row: CellInput[]) => [...row, ...Array(Math.max(0, width - row.length)).fill(null)];
    let at: UnitAt = "own-row";
    if (!numbered) {
      rows.push(pad([]).slice(0, width - 1).concat([`表${n}`]));
      rows.push([`${year}年${NAMES[n - 1]}`]);
      merges.push(`A2:${L}2`);
      rows.push(pad([`部门：${dept}`]).slice(0, width - 1).concat([unit]));
    } else {
      at = UNIT_AT[n - 1];
      const t = numberedTitle(n, NAMES[n - 1]);
      if (at === "above-title") rows.push(pad([]).slice(0, width - 1).concat([`金额${unit}`]));
      const top = rows.length + 1;
      if (at === "title-row") {
        rows.push(pad([t]).slice(0, width - 1).concat([unit.replace("：", ":")]));
        merges.push(`A${top}:${String.fromCharCode(64 + width - 1)}${top}`);
      } else {
        rows.push([at === "in-title" ? `${t}\n（${unit}）` : t]);
        merges.push(`A${top}:${L}${top}`);
      }
      if (at === "own-row") rows.push(pad([`编制单位：${dept}`]).slice(0, width - 1).concat([unit]));
      else rows.push([]);
    }
    const head = header.map((r) => pad(r));
    // At the right of the first header row, beyond the table's last column (header cells may be merged).
    if (at === "header-row") head[0][width] = unit;
    const shift = rows.length;
    rows.push(...head, ...body);
    merges.push(...headerMerges.map((m) => m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${parseInt(r, 10) + shift}`)));
    if (opts2.note) {
      rows.push([opts2.note]);
      merges.push(`A${rows.length}:${L}${rows.length}`);
    }
    sheets.push({ name: SHEETS[n - 1], rows, merges });
    sheetOf[template] = SHEETS[n - 1];
  };
  const side = (inc: [string, Decimal | undefined][], exp: [string, CellInput[]][], grand: [Decimal, CellInput[]]): CellInput[][] => {
    const n = Math.max(inc.length, exp.length);
    const rows: CellInput[][] = [];
    for (let k = 0; k < n; k++) rows.push([inc[k]?.[0] ?? null, inc[k] ? num(inc[k][1]) : null, exp[k]?.[0] ?? null, ...(exp[k]?.[1] ?? [])]);
    rows.push(["收入总计", num(grand[0]), "支出总计", ...grand[1]]);
    return rows;
  };

  // 表1 部门收支总表
  {
    const inc: [string, Decimal | undefined][] = [["一、本年收入", all((i) => i.gpbIncome.plus(i.govFund).plus(i.business).plus(i.other))]];
    if (depth === 3) {
      inc.push(["（一）财政拨款收入", all((i) => i.gpbIncome.plus(i.govFund))], ["1.一般公共预算拨款", all((i) => i.gpbIncome)], ["2.政府性基金预算拨款", all((i) => i.govFund)], ["3.国有资本经营预算拨款", ZERO]);
      inc.push(["（二）事业收入", all((i) => i.business)], ["（三）事业单位经营收入", ZERO], ["（四）其他收入", all((i) => i.other)]);
    } else {
      inc.push(["（一）一般公共预算拨款收入", all((i) => i.gpbIncome)], ["（二）政府性基金预算拨款收入", all((i) => i.govFund)], ["（三）国有资本经营预算拨款收入", ZERO]);
      inc.push(["（四）事业收入", all((i) => i.business)], ["（五）事业单位经营收入", ZERO], ["（六）其他收入", all((i) => i.other)]);
    }
    inc.push(["二、上年结转", all((i) => i.gpbCarry)]);
    const cls = classesOf(total);
    const exp: [string, CellInput[]][] = [["一、本年支出", [num(all(total))]], ...cls.map((c, k): [string, CellInput[]] => [`（${CN[k]}）${nameOf(c)}`, [num(ofClass(c, total))]]), ["二、结转下年", [null]]];
    const body = side(inc, exp, [all(total), [num(all(total))]]);
    table(1, "budget01", 4, [["收入", null, "支出"], ["项目", "预算数", "项目", "预算数"]], ["A1:B1", "C1:D1"], body);
  }

  // Coded tables: 科目编码 | 科目名称 | amounts…, 合计 on top.
  const coded = (pick: (i: Item) => boolean, cols: ((i: Item) => Decimal)[], scale = 1): CellInput[][] => {
    const sel = items.filter(pick);
    const line = (f: (i: Item) => boolean) => cols.map((c) => num(sum(sel.filter(f).map(c)), scale));
    const rows: CellInput[][] = [["合计", null, ...line(() => true)]];
    for (const c of [...new Set(sel.map((i) => i.code.slice(0, 3)))].sort()) {
      rows.push([c, nameOf(c), ...line((i) => i.code.startsWith(c))]);
      for (const k of [...new Set(sel.filter((i) => i.code.startsWith(c)).map((i) => i.code.slice(0, 5)))].sort()) {
        rows.push([k, `  ${nameOf(k)}`, ...line((i) => i.code.startsWith(k))]);
        for (const it of sel.filter((i) => i.code.startsWith(k))) rows.push([it.code, `    ${it.name}`, ...cols.map((f) => num(f(it), scale))]);
      }
    }
    return rows;
  };
  const totalMerge = (rowsAbove: number) => [`A${rowsAbove + 1}:B${rowsAbove + 1}`];

  // 表2 部门收入总表
  table(
    2,
    "budget02",
    9,
    [["科目编码", "科目名称", "合计", "上年结转", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "事业收入", "其他收入"]],
    totalMerge(1),
    coded(() => true, [(i) => total(i), (i) => i.gpbCarry, (i) => i.gpbIncome, (i) => i.govFund, () => ZERO, (i) => i.business, (i) => i.other]),
  );

  // 表3 部门支出总表 (numbered variant: 基本支出 split into 人员经费 / 公用经费)
  if (numbered)
    table(
      3,
      "budget03",
      7,
      [["科目编码", "科目名称", "合计", "基本支出", null, null, "项目支出"], [null, null, null, "小计", "人员经费", "公用经费"]],
      ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:G2", ...totalMerge(2)],
      coded(() => true, [total, basic, (i) => i.personnel, (i) => i.public, (i) => i.project]),
    );
  else table(3, "budget03", 5, [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]], totalMerge(1), coded(() => true, [total, basic, (i) => i.project]));

  // 表4 财政拨款收支总表
  {
    const inc: [string, Decimal | undefined][] = [
      ["一、本年收入", all((i) => i.gpbIncome.plus(i.govFund))],
      ["（一）一般公共预算拨款", all((i) => i.gpbIncome)],
      ["（二）政府性基金预算拨款", all((i) => i.govFund)],
      ["（三）国有资本经营预算拨款", ZERO],
      ["二、上年结转", all((i) => i.gpbCarry)],
      ["（一）一般公共预算拨款", all((i) => i.gpbCarry)],
      ["（二）政府性基金预算拨款", ZERO],
      ["（三）国有资本经营预算拨款", ZERO],
    ];
    const cols: ((i: Item) => Decimal)[] = [fiscal, gpb, (i) => i.govFund, () => ZERO];
    const cls = classesOf(fiscal);
    const exp: [string, CellInput[]][] = [
      ["一、本年支出", cols.map((f) => num(all(f)))],
      ...cls.map((c, k): [string, CellInput[]] => [`（${CN[k]}）${nameOf(c)}`, cols.map((f) => num(ofClass(c, f)))]),
      ["二、结转下年", [null, null, null, null]],
    ];
    const body = side(inc, exp, [all(fiscal), cols.map((f) => num(all(f)))]);
    table(4, "budget04", 7, [["收入", null, "支出"], ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]], ["A1:B1", "C1:G1"], body);
  }

  // 表5 一般公共预算支出表
  table(
    5,
    "budget05",
    5,
    [["功能分类科目", null, "一般公共预算支出"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
    ["A1:B1", "C1:E1", ...totalMerge(2)],
    coded((i) => !gpb(i).isZero(), [gpb, (i) => i.gpbBasic, (i) => i.gpbProject]),
  );

  // 表6 一般公共预算基本支出表 (economic codes; in 元 in the numbered variant)
  {
    const scale = numbered ? 10000 : 1;
    const rows: CellInput[][] = [["合计", null, num(personnelTotal.plus(publicTotal), scale), num(personnelTotal, scale), num(publicTotal, scale)]];
    const codes = [...econ.keys()].sort();
    for (const cls of [...new Set(codes.map((c) => c.slice(0, 3)))].sort()) {
      const kids = codes.filter((c) => c.startsWith(cls));
      const p = sum(kids.map((c) => econ.get(c)!.personnel));
      const u = sum(kids.map((c) => econ.get(c)!.public));
      rows.push([cls, ECONOMIC[cls].name, num(p.plus(u), scale), num(p, scale), num(u, scale)]);
      for (const c of kids) rows.push([c, `  ${ECONOMIC[c].name}`, num(econ.get(c)!.personnel.plus(econ.get(c)!.public), scale), num(econ.get(c)!.personnel, scale), num(econ.get(c)!.public, scale)]);
    }
    table(
      6,
      "budget08",
      5,
      [["部门预算支出经济分类科目", null, "本年一般公共预算基本支出"], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"]],
      ["A1:B1", "C1:E1", ...totalMerge(2)],
      rows,
      { unit: numbered ? "元" : "万元" },
    );
  }

  // 表7 一般公共预算“三公”经费支出表
  {
    const abroad = ZERO;
    const reception = money(1, 6);
    const carRun = money(3, 12);
    const carPurchase = numbered ? money(15, 25) : ZERO;
    const car = carPurchase.plus(carRun);
    const t = abroad.plus(reception).plus(car);
    table(
      7,
      "budgetSangong",
      6,
      [["合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"], [null, null, "小计", "公务用车购置费", "公务用车运行费"]],
      ["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
      [[num(t), num(abroad) ?? 0, num(car), num(carPurchase) ?? 0, num(carRun), num(reception)]],
    );
  }

  // 表8 政府性基金预算支出表, 表9 国有资本经营预算支出表
  const fundHeader: CellInput[][] = [["科目编码", "科目名称", "本年支出", null, null], [null, null, "合计", "基本支出", "项目支出"]];
  const fundMerges = ["A1:A2", "B1:B2", "C1:E1"];
  if (opts.govFund) table(8, "budget06", 5, fundHeader, [...fundMerges, ...totalMerge(2)], coded((i) => !i.govFund.isZero(), [(i) => i.govFund, () => ZERO, (i) => i.govFund]));
  else table(8, "budget06", 5, fundHeader, fundMerges, [["合计"]], { note: `注：本部门${year}年没有政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出，故本表无数据。` });
  table(9, "budget07", 5, fundHeader, fundMerges, [["合计"]], { note: `注：本部门${year}年没有国有资本经营预算拨款收入，也没有使用国有资本经营预算拨款安排的支出，故本表无数据。` });

  return { workbook: buildWorkbook(`${dept}${year}年部门预算.xlsx`, sheets), sheets, sheetOf, dept };
}

/**
 * A 县级 部门决算 set: the figures of finalSet.ts, titled "附件2-N" with the department
 * and year, no 公开NN表 codes, "金额单位：万元", 01表 income with a
 * "其中" list and 04表 carry-over parts numbered "（一）…（三）".
 */
export function countyFinalSet(opts: { seed?: number; tails?: boolean; govFund?: boolean; department?: string; year?: number } = {}): LayoutSet {
  const dept = opts.department ?? "测试县农业农村局";
  const year = opts.year ?? 2023;
  const base = generateFinalSet({ seed: opts.seed ?? 23, tails: opts.tails, govFund: opts.govFund, department: dept, columnNumberRow: true });
  const sheetOf: Record<string, string> = {};
  const sheets: SheetSpec[] = base.sheets.map((s, k) => {
    const rows = s.rows.map((r) => [...r]);
    const n = k + 1;
    const template = `final0${n}`;
    const name = `附件2-${n}`;
    sheetOf[template] = name;
    // The title: "附件2-N" + department + year; the 公开NN表 code row becomes the unit row.
    const title = String(rows[0][0]);
    rows[0][0] = n % 3 === 0 ? `附件2-${n}\n${dept}${year}年度${title}` : `附件2-${n}：${dept}${year}年度${title}`;
    for (let r = 1; r < Math.min(4, rows.length); r++)
      rows[r] = rows[r].map((c) => (typeof c === "string" && /^公开\d+表$/.test(c) ? null : typeof c === "string" && /^单位：万元$/.test(c) ? "金额单位：万元" : c));
    if (template === "final01") {
      // "一、财政拨款收入" with its parts as a "其中" list (continuations indented), the other sources renumbered.
      const at = rows.findIndex((r) => r[0] === "一、一般公共预算财政拨款收入");
      const stop = rows.findIndex((r) => r[0] === "本年收入合计");
      const inc = rows.slice(at, stop).filter((r) => r[0] !== null && r[0] !== undefined).map((r) => r.slice(0, 3));
      const exp = rows.slice(at, stop).filter((r) => r[3] !== null && r[3] !== undefined).map((r) => r.slice(3, 6));
      const fiscalV = inc.slice(0, 3).reduce<Decimal>((a, r) => a.plus(typeof r[2] === "number" ? D(r[2]) : ZERO), ZERO);
      const parts = ["其中：一般公共预算财政拨款收入", "      政府性基金预算财政拨款收入", "      国有资本经营预算财政拨款收入"];
      const newInc: CellInput[][] = [["一、财政拨款收入", null, fiscalV.toNumber()], ...inc.slice(0, 3).map((r, j) => [parts[j], r[1], r[2]])];
      inc.slice(3).forEach((r, j) => newInc.push([String(r[0]).replace(/^[一二三四五六七八九十]+、/, `${CN[j + 1]}、`), r[1], r[2]]));
      const n = Math.max(newInc.length, exp.length);
      const lines: CellInput[][] = [];
      for (let j = 0; j < n; j++) lines.push([...(newInc[j] ?? [null, null, null]), ...(exp[j] ?? [null, null, null])]);
      rows.splice(at, stop - at, ...lines);
    }
    if (template === "final04") {
      const at = rows.findIndex((r) => r[0] === "年初财政拨款结转和结余");
      ["（一）一般公共预算财政拨款", "（二）政府性基金预算财政拨款", "（三）国有资本经营预算财政拨款"].forEach((l, j) => (rows[at + 1 + j][0] = l));
    }
    return { ...s, name, rows };
  });
  return { workbook: buildWorkbook(`${dept}${year}年度部门决算.xlsx`, sheets), sheets, sheetOf, dept };
}
