/**
 * Generates a complete, internally consistent 部门决算 disclosure set (公开01–09表)
 * from a few exact base amounts, in the official layouts, with layout variants.
 *
 * With `tails`, the base amounts carry four decimals and every published figure
 * is rounded to 0.01 on its own, exactly as real publications do: the set is then
 * consistent except for rounding tails (尾差).
 */
import { Decimal } from "../../src/core/amount/decimal";
import { FUNCTION_CLASSES, FUNCTION_ITEMS } from "../../src/core/codes/functional";
import { CellInput, SheetSpec, buildWorkbook } from "./sheet";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { rng } from "./random";

export interface FinalSetOptions {
  seed?: number;
  tails?: boolean;
  /** Offset of every table (blank leading rows/columns). */
  origin?: { row: number; col: number };
  rowNumbers?: boolean;
  columnNumberRow?: boolean;
  /** Amounts stored as text ("1,234.56") instead of numbers. */
  textNumbers?: boolean;
  /** All tables stacked on one sheet. */
  oneSheet?: boolean;
  /** Number of 项 rows in 02/03 (default: a realistic list of 9). */
  items?: number;
  department?: string;
  /** Give the set 政府性基金 money: a 229 项目 funded by it, in 01/02/03/04/08. */
  govFund?: boolean;
}

const D = (v: string | number | Decimal) => new Decimal(v);


export interface Item {
  code: string;
  name: string;
  basic: Decimal;
  project: Decimal;
  gpbBasic: Decimal;
  gpbProject: Decimal;
  fiscal: Decimal;
  other: Decimal;
  /** Spending paid by 政府性基金 (all of `project` for the fund item). */
  fund?: boolean;
}

const REAL_ITEMS = ["2019999", "2080505", "2080506", "2101101", "2101501", "2101505", "2101599", "2210201", "2210203"];

function syntheticCodes(n: number): string[] {
  const classes = Object.keys(FUNCTION_CLASSES);
  const out: string[] = [];
  let i = 0;
  for (const cls of classes) {
    for (let k = 1; k <= 99 && out.length < n; k++) {
      for (let x = 1; x <= 20 && out.length < n; x++) out.push(`${cls}${String(k).padStart(2, "0")}${String(x).padStart(2, "0")}`);
    }
    if (out.length >= n) break;
    i++;
  }
  void i;
  return out;
}

export interface FinalSet {
  workbook: WorkbookSnapshot;
  sheets: SheetSpec[];
  items: Item[];
  dept: string;
  /** Display rounding used for every figure. */
  round: (d: Decimal) => number;
}

export function generateFinalSet(opts: FinalSetOptions = {}): FinalSet {
  const rand = rng(opts.seed ?? 7);
  const dp = opts.tails ? 4 : 2;
  const money = (lo: number, hi: number) => D((lo + rand() * (hi - lo)).toFixed(dp));
  const codes = opts.items ? syntheticCodes(opts.items) : REAL_ITEMS;
  const items: Item[] = codes.map((code) => {
    const basic = rand() < 0.6 ? money(10, 900) : D(0);
    const project = rand() < 0.6 || basic.isZero() ? money(5, 600) : D(0);
    const gpbBasic = basic.isZero() || rand() >= 0.3 ? basic : basic.minus(money(0, 5));
    const gpbProject = project.isZero() ? D(0) : project.minus(rand() < 0.5 ? money(1, 40) : D(0));
    const fiscal = money(10, 900);
    const other = rand() < 0.3 ? money(1, 200) : D(0);
    return {
      code,
      name: FUNCTION_ITEMS[code]?.name ?? `测试科目${code}`,
      basic,
      project,
      gpbBasic: Decimal.max(gpbBasic, 0),
      gpbProject: Decimal.max(gpbProject, 0),
      fiscal,
      other,
    };
  });
  const fundSpend = money(20, 80);
  const fundIncome = fundSpend.plus(money(1, 10));
  const fundBegin = money(0, 5);
  if (opts.govFund) {
    items.push({ code: "2290804", name: "福利彩票销售机构的业务费支出", basic: D(0), project: fundSpend, gpbBasic: D(0), gpbProject: D(0), fiscal: fundIncome, other: D(0), fund: true });
  }
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), D(0));
  const byPrefix = (p: string) => items.filter((i) => i.code.startsWith(p));
  const classCodes = [...new Set(items.map((i) => i.code.slice(0, 3)))].sort();
  const kuanCodes = [...new Set(items.map((i) => i.code.slice(0, 5)))].sort();
  const nameOf = (c: string) => (c.length === 3 ? FUNCTION_CLASSES[c]?.name : FUNCTION_ITEMS[c]?.name) ?? `测试科目${c}`;

  // Totals.
  const total03 = sum(items.map((i) => i.basic.plus(i.project)));
  const total05 = sum(items.map((i) => i.gpbBasic.plus(i.gpbProject)));
  const fiscalTotal = sum(items.filter((i) => !i.fund).map((i) => i.fiscal));
  const fundIn = opts.govFund ? fundIncome : D(0);
  const fundOut = opts.govFund ? fundSpend : D(0);
  const fundB = opts.govFund ? fundBegin : D(0);
  const fundEnd = fundB.plus(fundIn).minus(fundOut);
  const otherTotal = sum(items.map((i) => i.other));
  const incomeTotal = fiscalTotal.plus(fundIn).plus(otherTotal);
  const bg = Decimal.max(0, total05.minus(fiscalTotal)).plus(money(5, 50));
  const extraOther = Decimal.max(0, total03.minus(fundOut).minus(total05).minus(otherTotal)).plus(money(1, 20));
  const b01 = bg.plus(fundB).plus(extraOther);
  const grand01 = incomeTotal.plus(b01);
  const end01 = grand01.minus(total03);
  const end04 = bg.plus(fiscalTotal).minus(total05);

  // 06 items: split 05 basic into personnel / public items exactly.
  const basic05 = sum(items.map((i) => i.gpbBasic));
  const personnel = basic05.times("0.8").toDecimalPlaces(dp);
  const pub = basic05.minus(personnel);
  const split = (total: Decimal, n: number): Decimal[] => {
    const parts: Decimal[] = [];
    let left = total;
    for (let k = 0; k < n - 1; k++) {
      const p = total.times(D(rand() * 0.6 / n + 0.05)).toDecimalPlaces(dp);
      parts.push(p);
      left = left.minus(p);
    }
    parts.push(left);
    return parts;
  };
  const persCodes = ["30101", "30102", "30103", "30108", "30112"];
  const persRetire = "30302";
  const pubCodes = ["30201", "30211", "30217", "30231", "30299"];
  const capCodes = ["31002"];
  const persParts = split(personnel, persCodes.length + 1);
  const pubParts = split(pub, pubCodes.length + capCodes.length);
  const econ: Record<string, Decimal> = {};
  persCodes.forEach((c, k) => (econ[c] = persParts[k]));
  econ[persRetire] = persParts[persCodes.length];
  pubCodes.forEach((c, k) => (econ[c] = pubParts[k]));
  capCodes.forEach((c, k) => (econ[c] = pubParts[pubCodes.length + k]));
  econ["301"] = sum(persCodes.map((c) => econ[c]));
  econ["303"] = econ[persRetire];
  econ["302"] = sum(pubCodes.map((c) => econ[c]));
  econ["310"] = sum(capCodes.map((c) => econ[c]));

  // 07: final ≥ 06 items; budget ≥ final.
  const carRunF = econ["30231"].plus(money(0, 2));
  const receptionF = econ["30217"];
  const sgFinal = { abroad: D(0), carPurchase: D(0), carRun: carRunF, reception: receptionF };
  const sgBudget = { abroad: D(0), carPurchase: D(0), carRun: carRunF.plus(money(0, 3)), reception: receptionF.plus(money(0, 3)) };

  // ---- Rendering helpers ----
  const r2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const num = (d: Decimal): CellInput => {
    const v = r2(d);
    if (opts.textNumbers) return v.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return v.toNumber();
  };
  const rowNumbers = opts.rowNumbers !== false;
  const colNoRow = opts.columnNumberRow !== false;
  const dept = opts.department ?? "测试市医疗保障局";
  const sheets: SheetSpec[] = [];
  const push = (name: string, rows: CellInput[][], merges: string[] = []) => sheets.push({ name, rows, merges });

  // 公开01表
  {
    const inc: [string, Decimal | null][] = [
      ["一、一般公共预算财政拨款收入", fiscalTotal],
      ["二、政府性基金预算财政拨款收入", fundIn],
      ["三、国有资本经营预算财政拨款收入", D(0)],
      ["四、上级补助收入", D(0)],
      ["五、事业收入", D(0)],
      ["六、经营收入", D(0)],
      ["七、附属单位上缴收入", D(0)],
      ["八、其他收入", otherTotal],
    ];
    const exp: [string, Decimal][] = classCodes.map((c, k) => [`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][k] ?? k + 1}、${nameOf(c)}`, sum(byPrefix(c).map((i) => i.basic.plus(i.project)))]);
    const rows: CellInput[][] = [];
    const w = rowNumbers ? 6 : 4;
    rows.push(["收入支出决算总表"]);
    rows.push([`部门：${dept}`, ...Array(w - 2).fill(null), "单位：万元"]);
    rows.push(rowNumbers ? ["收入", null, null, "支出", null, null] : ["收入", null, "支出", null]);
    rows.push(rowNumbers ? ["项目", "行次", "金额", "项目", "行次", "金额"] : ["项目", "金额", "项目", "金额"]);
    if (colNoRow) rows.push(rowNumbers ? ["栏次", null, 1, "栏次", null, 2] : ["栏次", 1, "栏次", 2]);
    const n = Math.max(inc.length, exp.length);
    let rn = 1;
    const line = (l: string | null, v: CellInput, r: string | null, ev: CellInput) =>
      rowNumbers ? [l, l ? rn : null, v, r, r ? 100 + rn++ : null, ev] : [l, v, r, ev];
    for (let k = 0; k < n; k++) {
      const a = inc[k];
      const b = exp[k];
      rows.push(line(a?.[0] ?? null, a ? num(a[1]!) : null, b?.[0] ?? null, b ? num(b[1]) : null));
    }
    rows.push(line("本年收入合计", num(incomeTotal), "本年支出合计", num(total03)));
    rows.push(line("使用非财政拨款结余", num(D(0)), "结余分配", num(D(0))));
    rows.push(line("年初结转和结余", num(b01), "年末结转和结余", num(end01)));
    rows.push(line("总计", num(grand01), "总计", num(grand01)));
    rows.push(["注：本表反映部门本年度的总收支和年末结转结余情况。"]);
    push("公开01表", rows, [rowNumbers ? "A1:F1" : "A1:D1", rowNumbers ? "A3:C3" : "A3:B3", rowNumbers ? "D3:F3" : "C3:D3"]);
  }

  const codedRows = (cols: ((i: Item) => Decimal)[]): CellInput[][] => {
    const rows: CellInput[][] = [];
    const all = (pred: (i: Item) => boolean) => cols.map((f) => num(sum(items.filter(pred).map(f))));
    rows.push(["合计", null, ...all(() => true)]);
    for (const c of classCodes) {
      rows.push([c, nameOf(c), ...all((i) => i.code.startsWith(c))]);
      for (const k of kuanCodes.filter((x) => x.startsWith(c))) {
        rows.push([k, nameOf(k), ...all((i) => i.code.startsWith(k))]);
        for (const it of items.filter((i) => i.code.startsWith(k))) rows.push([it.code, it.name, ...cols.map((f) => num(f(it)))]);
      }
    }
    return rows;
  };
  const codedTable = (title: string, code: string, heads: string[], cols: ((i: Item) => Decimal)[], group?: string): CellInput[][] => {
    const w = heads.length + 2;
    const rows: CellInput[][] = [[title], [...Array(w - 1).fill(null), code], [`部门：${dept}`, ...Array(w - 2).fill(null), "单位：万元"]];
    if (group) {
      rows.push(["项目", null, group]);
      rows.push(["功能分类科目编码", "科目名称", ...heads]);
    } else {
      rows.push(["项目", null, ...heads]);
      rows.push(["功能分类科目编码", "科目名称"]);
    }
    if (colNoRow) rows.push(["栏次", null, ...heads.map((_, k) => k + 1)]);
    rows.push(...codedRows(cols));
    rows.push(["注：本表金额转换为万元时，因四舍五入可能存在尾差。"]);
    return rows;
  };
  const Z = () => D(0);
  push(
    "公开02表",
    codedTable("收入决算表", "公开02表", ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], [(i) => i.fiscal.plus(i.other), (i) => i.fiscal, Z, Z, Z, Z, (i) => i.other]),
    ["A1:I1"],
  );
  push(
    "公开03表",
    codedTable("支出决算表", "公开03表", ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], [(i) => i.basic.plus(i.project), (i) => i.basic, (i) => i.project, Z, Z, Z]),
    ["A1:H1"],
  );

  // 公开04表
  {
    const rows: CellInput[][] = [];
    const R = rowNumbers;
    rows.push(["财政拨款收入支出决算总表"]);
    rows.push([`部门：${dept}`, ...Array(R ? 7 : 5).fill(null), "单位：万元"]);
    rows.push(R ? ["收入", null, null, "支出"] : ["收入", null, "支出"]);
    rows.push(R ? ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"] : ["项目", "金额", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]);
    if (colNoRow) rows.push(R ? ["栏次", null, 1, "栏次", null, 2, 3, 4, 5] : ["栏次", 1, "栏次", 2, 3, 4, 5]);
    let rn = 1;
    const line = (l: string | null, v: CellInput, r: string | null, ev: CellInput[]) => (R ? [l, l ? rn : null, v, r, r ? 100 + rn++ : null, ...ev] : [l, v, r, ...ev]);
    const inc: [string, Decimal][] = [
      ["一、一般公共预算财政拨款", fiscalTotal],
      ["二、政府性基金预算财政拨款", fundIn],
      ["三、国有资本经营预算财政拨款", D(0)],
    ];
    const exp = classCodes.map((c, k) => {
      const v = sum(byPrefix(c).map((i) => i.gpbBasic.plus(i.gpbProject)));
      const f = sum(byPrefix(c).filter((i) => i.fund).map((i) => i.project));
      return [`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][k] ?? k + 1}、${nameOf(c)}`, v, f] as [string, Decimal, Decimal];
    });
    const n = Math.max(inc.length, exp.length);
    for (let k = 0; k < n; k++) {
      const a = inc[k];
      const b = exp[k];
      rows.push(line(a?.[0] ?? null, a ? num(a[1]) : null, b?.[0] ?? null, b ? [num(b[1].plus(b[2])), num(b[1]), num(b[2]), num(D(0))] : []));
    }
    rows.push(line("本年收入合计", num(fiscalTotal.plus(fundIn)), "本年支出合计", [num(total05.plus(fundOut)), num(total05), num(fundOut), num(D(0))]));
    rows.push(line("年初财政拨款结转和结余", num(bg.plus(fundB)), "年末财政拨款结转和结余", [num(end04.plus(fundEnd)), num(end04), num(fundEnd), num(D(0))]));
    rows.push(line("一般公共预算财政拨款", num(bg), null, []));
    rows.push(line("政府性基金预算财政拨款", num(fundB), null, []));
    rows.push(line("国有资本经营预算财政拨款", num(D(0)), null, []));
    const g = bg.plus(fiscalTotal);
    const gf = fundB.plus(fundIn);
    rows.push(line("总计", num(g.plus(gf)), "总计", [num(g.plus(gf)), num(g), num(gf), num(D(0))]));
    push("公开04表", rows, [R ? "A1:I1" : "A1:G1", R ? "A3:C3" : "A3:B3", R ? "D3:I3" : "C3:G3"]);
  }

  push(
    "公开05表",
    codedTable("一般公共预算财政拨款支出决算表", "公开05表", ["小计", "基本支出", "项目支出"], [(i) => i.gpbBasic.plus(i.gpbProject), (i) => i.gpbBasic, (i) => i.gpbProject], "本年支出"),
    ["A1:E1", "C4:E4"],
  );

  // 公开06表: three blocks.
  {
    const names = (c: string) => ({ "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30108": "机关事业单位基本养老保险缴费", "30112": "其他社会保障缴费", "303": "对个人和家庭的补助", "30302": "退休费", "302": "商品和服务支出", "30201": "办公费", "30211": "差旅费", "30217": "公务接待费", "30231": "公务用车运行维护费", "30299": "其他商品和服务支出", "310": "资本性支出", "31002": "办公设备购置" } as Record<string, string>)[c];
    const left = ["301", ...persCodes, "303", persRetire];
    const mid = ["302", ...pubCodes];
    const right = ["310", ...capCodes];
    const rows: CellInput[][] = [["一般公共预算财政拨款基本支出决算表"], [null, null, null, null, null, null, null, null, "公开06表"], [`部门：${dept}`, null, null, null, null, null, null, null, "单位：万元"], ["人员经费", null, null, "公用经费"], ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"]];
    const n = Math.max(left.length, mid.length, right.length);
    const cell3 = (c: string | undefined): CellInput[] => (c ? [c, names(c), num(econ[c])] : [null, null, null]);
    for (let k = 0; k < n; k++) rows.push([...cell3(left[k]), ...cell3(mid[k]), ...cell3(right[k])]);
    rows.push(["人员经费合计", null, num(personnel), "公用经费合计", null, null, null, null, num(pub)]);
    push("公开06表", rows, ["A1:I1", "A4:C4", "D4:I4", `A${rows.length}:B${rows.length}`, `D${rows.length}:H${rows.length}`]);
  }

  // 公开07表
  {
    const b = sgBudget;
    const f = sgFinal;
    const rows: CellInput[][] = [
      ["一般公共预算财政拨款“三公”经费支出决算表"],
      [null, null, null, null, null, null, null, null, null, null, null, "公开07表"],
      [`部门：${dept}`, null, null, null, null, null, null, null, null, null, null, "单位：万元"],
      ["预算数", null, null, null, null, null, "决算数"],
      ["合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公务接待费", "合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公务接待费"],
      [null, null, "小计", "公务用车购置费", "公务用车运行费", null, null, null, "小计", "公务用车购置费", "公务用车运行费"],
    ];
    if (colNoRow) rows.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const g = (x: typeof b) => [x.abroad.plus(x.carPurchase).plus(x.carRun).plus(x.reception), x.abroad, x.carPurchase.plus(x.carRun), x.carPurchase, x.carRun, x.reception].map(num);
    rows.push([...g(b), ...g(f)]);
    rows.push(["注：本表反映部门本年度“三公”经费支出预决算情况。"]);
    push("公开07表", rows, ["A1:L1", "A4:F4", "G4:L4", "C5:E5", "I5:K5", "A5:A6", "B5:B6", "F5:F6", "G5:G6", "H5:H6", "L5:L6"]);
  }

  const fundTable = (title: string, code: string, note: string): CellInput[][] => {
    const rows: CellInput[][] = [[title], [null, null, null, null, null, null, null, code], [`部门：${dept}`, null, null, null, null, null, null, "单位：万元"], ["项目", null, "年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"], ["功能分类科目编码", "科目名称", null, null, "小计", "基本支出", "项目支出"]];
    if (colNoRow) rows.push(["栏次", null, 1, 2, 3, 4, 5, 6]);
    rows.push(["合计"]);
    rows.push([note]);
    return rows;
  };
  if (opts.govFund) {
    const rows = fundTable("政府性基金预算财政拨款收入支出决算表", "公开08表", "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。");
    const totalIdx = rows.findIndex((r) => r[0] === "合计");
    const line = (c: string, n: string): CellInput[] => [c, n, num(fundB), num(fundIn), num(fundOut), num(D(0)), num(fundOut), num(fundEnd)];
    rows.splice(totalIdx, 1, ["合计", null, ...line("", "").slice(2)], line("229", "其他支出"), line("22908", "彩票发行销售机构业务费安排的支出"), line("2290804", "福利彩票销售机构的业务费支出"));
    push("公开08表", rows, ["A1:H1", "E4:G4"]);
  } else push("公开08表", fundTable("政府性基金预算财政拨款收入支出决算表", "公开08表", "说明：本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金安排的支出，故本表无数据。"), ["A1:H1", "E4:G4"]);
  push("公开09表", fundTable("国有资本经营预算财政拨款收入支出决算表", "公开09表", "说明：本部门没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算安排的支出，故本表无数据。"), ["A1:H1", "E4:G4"]);

  // Layout variants: origin offset, one sheet.
  const origin = opts.origin ?? { row: 0, col: 0 };
  const shifted = sheets.map((s) => ({ ...s, origin, merges: (s.merges ?? []).map((m) => shiftRange(m, origin.row, origin.col)) }));
  let finalSheets: SheetSpec[] = shifted;
  if (opts.oneSheet) {
    const rows: CellInput[][] = [];
    const merges: string[] = [];
    for (const s of sheets) {
      const top = rows.length + origin.row;
      merges.push(...(s.merges ?? []).map((m) => shiftRange(m, top, origin.col)));
      rows.push(...s.rows, [], []);
    }
    finalSheets = [{ name: "决算公开表", rows, origin, merges }];
  }
  return { workbook: buildWorkbook("generated.xlsx", finalSheets), sheets: finalSheets, items, dept, round: (d) => r2(d).toNumber() };
}

function shiftRange(a1range: string, dr: number, dc: number): string {
  return a1range
    .split(":")
    .map((p) => {
      const m = /^([A-Z]+)(\d+)$/.exec(p)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      col = col - 1 + dc;
      let s = "";
      let n = col + 1;
      while (n > 0) {
        const r = (n - 1) % 26;
        s = String.fromCharCode(65 + r) + s;
        n = Math.floor((n - 1) / 26);
      }
      return `${s}${parseInt(m[2], 10) + dr}`;
    })
    .join(":");
}
