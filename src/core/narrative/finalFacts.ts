/**
 * The fact catalogue of the final-accounts narrative (spec §6): which cell or
 * computed figure each statement of the 情况说明 must equal.
 *
 * Source choices where the spec is silent:
 * - income categories come from 公开01表 when its lines add up to 本年收入合计;
 *   otherwise from the 合计 row of 公开02表 when that one adds up (a blank
 *   其他收入 in 01 must not turn into "0万元" in the text);
 * - 基本支出 in section 六 is 人员经费合计 + 公用经费合计 of 公开06表, so that
 *   the sentence "基本支出X万元，其中：人员经费a万元，公用经费b万元" adds up;
 * - 年初预算 per 项 comes from the budget column of 公开05表, else from 补充信息;
 *   the total 年初预算 from the same places, else the sum of the 项 budgets when
 *   every 项 has one;
 * - 机关运行经费 is 公用经费合计 of 公开06表 (行政单位 and 参公事业单位).
 */
import { Decimal, ZERO } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { CodedTable, rowByCode } from "../tables/coded";
import { SidedTable, linesBefore } from "../tables/sided";
import { Basic06Table } from "../tables/final/basic06";
import { SangongTable } from "../tables/sangong";
import { InfoTable } from "../tables/final/info";
import { Table } from "../recognize/templates";
import { AmountCell } from "../tables/types";
import { FUNCTION_CLASSES, FUNCTION_ITEMS } from "../codes/functional";
import { ECONOMIC } from "../codes/economic";
import { factScope } from "./factScope";
import { Supplement, VEHICLE_KINDS, entryAmount } from "./supplement";
import { Fact, FactInit, SectionId, apportion, cellFact, diffFact, ratioFact, sumFact, wanOf } from "./fact";
import { sharedRegExp } from "../util/regex";

export interface FinalFacts {
  facts: Map<string, Fact>;
  get(id: string): Fact | undefined;
  /** Facts by section, for the checker. */
  inSection(s: SectionId): Fact[];
  /** Names of non-zero 06 items, per group (for “主要包括……”). */
  basicItems: { personnel: { code: string; name: string; value: Decimal }[]; public: { code: string; name: string; value: Decimal }[] };
  /** 05 项 rows: code, class/款/项 names. */
  items: { code: string; cls: string; kuan: string; name: string }[];
  /** 05 class rows. */
  classes: { code: string; name: string }[];
  year?: number;
  department?: string;
  /** Remarks on the choice of sources (shown with the generated text). */
  notes: string[];
  /** Re-apportions every group of shares, keeping values an existing narrative states where possible. */
  apportionAll(preferred: Map<string, Decimal>): void;
}

const re = (...words: string[]) => words.map((w) => sharedRegExp(w));

const INCOME_CATS: { key: string; name: string; col02: string; lines01: string[]; keys: RegExp[] }[] = [
  { key: "fiscal", name: "财政拨款收入", col02: "fiscal", lines01: ["gpb", "govFund", "soe", "fiscal"], keys: re("财政拨款收入", "财政拨款") },
  { key: "upper", name: "上级补助收入", col02: "upper", lines01: ["upper"], keys: re("上级补助") },
  { key: "business", name: "事业收入", col02: "business", lines01: ["business"], keys: re("(?<!附属单位上缴|经营)事业收入") },
  { key: "operating", name: "经营收入", col02: "operating", lines01: ["operating"], keys: re("(?<!事业单位)经营收入") },
  { key: "affiliated", name: "附属单位上缴收入", col02: "affiliated", lines01: ["affiliated"], keys: re("附属单位上缴") },
  { key: "other", name: "其他收入", col02: "other", lines01: ["other"], keys: re("其他收入") },
];

const EXPENSE_CATS: { key: string; name: string; keys: RegExp[] }[] = [
  { key: "basic", name: "基本支出", keys: re("基本支出") },
  { key: "project", name: "项目支出", keys: re("项目支出") },
  { key: "upper", name: "上缴上级支出", keys: re("上缴上级") },
  { key: "operating", name: "经营支出", keys: re("经营支出") },
  { key: "subsidiary", name: "对附属单位补助支出", keys: re("对附属单位补助") },
];

export const SANGONG_PARTS: { key: "abroad" | "car" | "reception" | "carPurchase" | "carRun"; name: string; keys: RegExp[] }[] = [
  { key: "abroad", name: "因公出国（境）费", keys: re("因公出国") },
  { key: "car", name: "公务用车购置及运行费", keys: re("公务用车购置及运行", "购置及运行") },
  { key: "carPurchase", name: "公务用车购置费", keys: re("公务用车购置(?!及)", "购置(?!及)") },
  { key: "carRun", name: "公务用车运行费", keys: re("公务用车运行", "运行(维护)?费", "运行支出") },
  { key: "reception", name: "公务接待费", keys: re("公务接待", "接待费") },
];

function sum(xs: AmountCell[]): { v: Decimal; iv: Interval } {
  let v = ZERO;
  let iv = Interval.exact(ZERO);
  for (const c of xs) {
    if (!c.amount) continue;
    const w = wanOf(c);
    v = v.plus(w.v);
    iv = iv.add(w.iv);
  }
  return { v, iv };
}

export function buildFinalFacts(tables: Table[], supp?: Supplement): FinalFacts {
  const { facts, notes, add, one, usable: a, fromSupp } = factScope(tables, supp);
  const t01 = one<SidedTable>("final01");
  const t02 = one<CodedTable>("final02");
  const t03 = one<CodedTable>("final03");
  const t04 = one<SidedTable>("final04");
  const t05 = one<CodedTable>("final05");
  const t06 = one<Basic06Table>("final06");
  const t07 = one<SangongTable>("final07");
  const t08 = one<CodedTable>("final08");
  const t09 = one<CodedTable>("final09");
  const tInfo = one<InfoTable>("finalInfo");
  // A 上年 figure and the change against it: value, amount of change, percent.
  const yoy = (base: Fact | undefined, prevKey: string, id: string, keys: RegExp[], sections: SectionId[]) => {
    if (!base) return;
    const prev = add(fromSupp({ id: `${id}.prev`, unit: "万元", keys: [/上年/, ...keys], requires: [/上年|上一年/], sections }, prevKey));
    if (!prev) return;
    const changeWords = /增加|减少|增长|下降|持平|增减/;
    const ch = add(diffFact({ id: `${id}.change`, unit: "万元", keys: [changeWords, ...keys], requires: [changeWords], sections }, base, prev));
    add(ratioFact({ id: `${id}.changePct`, unit: "%", keys: [/增长|下降|减少|增加/, ...keys], requires: [changeWords], sections }, ch!, prev, "changePct"));
  };

  // 一、收入支出总计
  const grand = add(a(t01?.income.byKey.get("grand")?.cells.amount) ? cellFact({ id: "grand", unit: "万元", keys: re("收[、，和]?支总计", "收入支出总计", "总计"), sections: ["total"] }, t01!.income.byKey.get("grand")!.cells.amount, "公开01表 收入总计") : undefined);
  yoy(grand, "prev.grand", "grand", re("收[、，和]?支总计", "总计"), ["total"]);

  // 二、收入
  const incomeTotalCell = a(t01?.income.byKey.get("total")?.cells.amount) ?? a(t02?.total?.cells.total);
  const incomeTotal = add(incomeTotalCell ? cellFact({ id: "income.total", unit: "万元", keys: re("收入合计", "本年收入"), sections: ["income", "total"] }, incomeTotalCell) : undefined);
  if (incomeTotal) {
    const lines01 = t01 ? linesBefore(t01.income, "total") : [];
    const s01 = sum(lines01.map((l) => l.cells.amount));
    const use01 = lines01.length > 0 && s01.iv.overlaps(incomeTotal.interval);
    const row02 = t02?.total;
    const s02 = row02 ? sum(INCOME_CATS.map((c) => row02.cells[c.col02]).filter((x): x is AmountCell => !!x)) : undefined;
    const use02 = !use01 && !!row02 && !!s02 && s02.iv.overlaps(incomeTotal.interval);
    if (!use01 && use02) notes.push("公开01表各项收入之和与本年收入合计不符，收入构成按公开02表合计行填写。");
    const shares: Fact[] = [];
    for (const cat of INCOME_CATS) {
      const init: FactInit = { id: `income.${cat.key}`, unit: "万元", keys: cat.keys, sections: ["income"] };
      let f: Fact | undefined;
      if (use02 || !use01) {
        const c = row02?.cells[cat.col02];
        if (use02 && c?.amount) f = cellFact(init, c, `公开02表 合计行“${cat.name}”`);
      }
      if (!f && use01) {
        const cells = lines01.filter((l) => cat.lines01.includes(l.key)).map((l) => l.cells.amount).filter((c) => c.amount);
        if (cells.length === 1) f = cellFact(init, cells[0]);
        else if (cells.length > 1) f = sumFact(init, cells.map((c, i) => cellFact({ ...init, id: `${init.id}.${i}` }, c)));
      }
      if (!f && !use01 && !use02 && t01) {
        const cells = lines01.filter((l) => cat.lines01.includes(l.key)).map((l) => l.cells.amount).filter((c) => c.amount);
        if (cells.length) f = sumFact(init, cells.map((c, i) => cellFact({ ...init, id: `${init.id}.${i}` }, c)));
      }
      if (!f) continue;
      add(f);
      shares.push(add(ratioFact({ id: `income.${cat.key}.share`, unit: "%", keys: [/占/, ...cat.keys], sections: ["income"] }, f, incomeTotal, "share"))!);
      shares[shares.length - 1].of = f.id;
    }
    yoy(incomeTotal, "prev.incomeTotal", "income.total", re("收入合计", "本年收入"), ["income", "total"]);
  }

  // 三、支出
  const expTotalCell = a(t03?.total?.cells.total) ?? a(t01?.expense.byKey.get("total")?.cells.amount);
  const expenseTotal = add(expTotalCell ? cellFact({ id: "expense.total", unit: "万元", keys: re("支出合计", "本年支出"), sections: ["expense", "total", "gpb"] }, expTotalCell) : undefined);
  if (expenseTotal && t03?.total) {
    for (const cat of EXPENSE_CATS) {
      const c = t03.total.cells[cat.key];
      if (!c?.amount) continue;
      const f = add(cellFact({ id: `expense.${cat.key}`, unit: "万元", keys: cat.keys, sections: ["expense"] }, c, `公开03表 合计行“${cat.name}”`))!;
      const s = add(ratioFact({ id: `expense.${cat.key}.share`, unit: "%", keys: [/占/, ...cat.keys], sections: ["expense"] }, f, expenseTotal, "share"))!;
      s.of = f.id;
    }
    yoy(expenseTotal, "prev.expenseTotal", "expense.total", re("支出合计", "本年支出"), ["expense", "total"]);
  }

  // 四、财政拨款收支总计
  const fg = a(t04?.income.byKey.get("grand")?.cells.amount);
  const fiscalGrand = add(fg ? cellFact({ id: "fiscal.grand", unit: "万元", keys: re("财政拨款收[、，和]?支总计", "财政拨款收入支出总计", "总计"), sections: ["fiscal"] }, fg, "公开04表 收入总计") : undefined);
  yoy(fiscalGrand, "prev.fiscalGrand", "fiscal.grand", re("财政拨款收[、，和]?支总计", "总计"), ["fiscal"]);

  // 五、一般公共预算财政拨款支出
  const classes: { code: string; name: string }[] = [];
  const items: { code: string; cls: string; kuan: string; name: string }[] = [];
  const gt = a(t05?.total?.cells.total);
  const gpb = add(gt ? cellFact({ id: "gpb.total", unit: "万元", keys: re("一般公共预算财政拨款支出", "一般公共预算.*支出"), sections: ["gpb"] }, gt, "公开05表 合计") : undefined);
  if (gpb && t05) {
    if (expenseTotal) add(ratioFact({ id: "gpb.shareOfExpense", unit: "%", keys: re("占.*支出合计", "占本年支出合计", "占"), sections: ["gpb"] }, gpb, expenseTotal, "share"));
    yoy(gpb, "prev.gpbExpense", "gpb", re("一般公共预算财政拨款支出", "支出"), ["gpb"]);
    const classFacts: Fact[] = [];
    // Rows whose figure is not a number are skipped here (common.not-a-number reports them).
    for (const r of t05.rows.filter((x) => x.level === 1 && x.cells.total?.amount)) {
      const name = FUNCTION_CLASSES[r.code]?.name ?? r.name;
      classes.push({ code: r.code, name: r.name || name });
      const nameKey = sharedRegExp(escapeRe(stripSuffix(r.name || name)));
      const f = add(cellFact({ id: `gpb.class.${r.code}`, unit: "万元", keys: [nameKey], sections: ["gpb"] }, r.cells.total, `公开05表 ${r.code} ${r.name}`))!;
      const s = add(ratioFact({ id: `gpb.class.${r.code}.share`, unit: "%", keys: [/占/, nameKey], sections: ["gpb"] }, f, gpb, "share"))!;
      s.of = f.id;
      classFacts.push(s);
    }
    void classFacts;
    // 年初预算: 05 budget column, else 补充信息.
    const budgetCell = a(t05.total?.cells.budget);
    let budget: Fact | undefined = budgetCell ? cellFact({ id: "gpb.budget", unit: "万元", keys: re("年初预算"), sections: ["gpb"] }, budgetCell, "公开05表 合计 年初预算数") : fromSupp({ id: "gpb.budget", unit: "万元", keys: re("年初预算"), sections: ["gpb"] }, "budget.gpb");
    const itemBudgets: Fact[] = [];
    let allItemBudgets = true;
    for (const r of t05.rows.filter((x) => x.level === 3 && x.cells.total?.amount)) {
      const kuanRow = rowByCode(t05, r.code.slice(0, 5));
      const clsRow = rowByCode(t05, r.code.slice(0, 3));
      items.push({ code: r.code, cls: clsRow?.name || FUNCTION_CLASSES[r.code.slice(0, 3)]?.name || "", kuan: kuanRow?.name || FUNCTION_ITEMS[r.code.slice(0, 5)]?.name || "", name: r.name });
      const itemKeys = [sharedRegExp(`${escapeRe(stripSuffix(r.name))}(支出)?[（(]?项`), sharedRegExp(r.code)];
      const fin = add(cellFact({ id: `gpb.item.${r.code}`, unit: "万元", keys: [/支出决算|决算/, ...itemKeys], requires: itemKeys, sections: ["gpb"] }, r.cells.total, `公开05表 ${r.code} ${r.name}`))!;
      const bc = a(r.cells.budget);
      const b = bc
        ? cellFact({ id: `gpb.item.${r.code}.budget`, unit: "万元", keys: [/年初预算/, ...itemKeys], requires: itemKeys, sections: ["gpb"] }, bc, `公开05表 ${r.code} 年初预算数`)
        : fromSupp({ id: `gpb.item.${r.code}.budget`, unit: "万元", keys: [/年初预算/, ...itemKeys], requires: itemKeys, sections: ["gpb"] }, `budget.item.${r.code}`);
      if (b) {
        add(b);
        itemBudgets.push(b);
        add(ratioFact({ id: `gpb.item.${r.code}.rate`, unit: "%", keys: [/完成/, ...itemKeys], requires: itemKeys, sections: ["gpb"] }, fin, b, "rate"));
      } else allItemBudgets = false;
    }
    if (!budget && allItemBudgets && itemBudgets.length) budget = sumFact({ id: "gpb.budget", unit: "万元", keys: re("年初预算"), sections: ["gpb"] }, itemBudgets);
    if (budget) {
      add(budget);
      add(ratioFact({ id: "gpb.budgetRate", unit: "%", keys: re("完成年初预算", "完成"), sections: ["gpb"] }, gpb, budget, "rate"));
    }
  }

  // 六、基本支出
  const basicItems: FinalFacts["basicItems"] = { personnel: [], public: [] };
  if (t06?.personnelTotal?.amount && t06.publicTotal?.amount) {
    const p = add(cellFact({ id: "basic.personnel", unit: "万元", keys: re("人员经费"), sections: ["basic"] }, t06.personnelTotal, "公开06表 人员经费合计"))!;
    const q = add(cellFact({ id: "basic.public", unit: "万元", keys: re("公用经费"), sections: ["basic", "operating"] }, t06.publicTotal, "公开06表 公用经费合计"))!;
    // The sentence "基本支出X，其中：人员经费a，公用经费b" is written with X = a + b (it adds up);
    // the checker compares a stated 基本支出 with 公开05表 (spec §6), where a rounding tail may show.
    add(sumFact({ id: "basic.sum06", unit: "万元", keys: [], sections: [] }, [p, q], `${p.formula} ＋ ${q.formula}`));
    for (const i of t06.items) {
      if (i.level !== 2 || !i.amount.amount || i.amount.amount.value.isZero()) continue;
      basicItems[i.group].push({ code: i.code, name: i.name || ECONOMIC[i.code]?.name || i.code, value: i.amount.amount.value });
    }
    basicItems.personnel.sort((x, y) => x.code.localeCompare(y.code));
    basicItems.public.sort((x, y) => x.code.localeCompare(y.code));
  }
  if (t05?.total?.cells.basic?.amount) add(cellFact({ id: "basic.total", unit: "万元", keys: re("基本支出"), sections: ["basic"] }, t05.total.cells.basic, "公开05表 合计 基本支出"));

  // 七、三公经费
  if (t07) {
    const b = t07.groups.budget ?? {};
    const f = t07.groups.final ?? {};
    const bt = a(b.total);
    const ft = a(f.total);
    // The totals are named as "三公" totals; a paragraph about one item (外宾接待) does not state them.
    const sgTotal = [/三公/];
    const budgetTotal = bt ? add(cellFact({ id: "sg.budget", unit: "万元", keys: re("预算"), requires: sgTotal, sections: ["sangong"] }, bt, "公开07表 预算数合计")) : undefined;
    const finalTotal = ft ? add(cellFact({ id: "sg.final", unit: "万元", keys: re("决算", "支出"), requires: sgTotal, sections: ["sangong"] }, ft, "公开07表 决算数合计")) : undefined;
    if (budgetTotal && finalTotal) add(ratioFact({ id: "sg.rate", unit: "%", keys: re("完成.*预算", "完成"), requires: sgTotal, sections: ["sangong"] }, finalTotal, budgetTotal, "rate"));
    yoy(finalTotal, "prev.sangong", "sg.final", re("三公"), ["sangong"]);
    const shareFacts: Fact[] = [];
    for (const part of SANGONG_PARTS) {
      const bc = a(b[part.key]);
      const fc = a(f[part.key]);
      const pb = bc ? add(cellFact({ id: `sg.${part.key}.budget`, unit: "万元", keys: [/预算/, ...part.keys], requires: part.keys, sections: ["sangong"] }, bc, `公开07表 ${part.name}预算数`)) : undefined;
      const pf = fc ? add(cellFact({ id: `sg.${part.key}.final`, unit: "万元", keys: [/决算|支出/, ...part.keys], requires: part.keys, sections: ["sangong"] }, fc, `公开07表 ${part.name}决算数`)) : undefined;
      if (pb && pf) add(ratioFact({ id: `sg.${part.key}.rate`, unit: "%", keys: [/完成/, ...part.keys], requires: part.keys, sections: ["sangong"] }, pf, pb, "rate"));
      if (pf && finalTotal && ["abroad", "car", "reception"].includes(part.key)) {
        const s = add(ratioFact({ id: `sg.${part.key}.share`, unit: "%", keys: [/占/, ...part.keys], sections: ["sangong"] }, pf, finalTotal, "share"))!;
        s.of = pf.id;
        shareFacts.push(s);
      }
      yoy(pf, `prev.sangong.${part.key}`, `sg.${part.key}.final`, part.keys, ["sangong"]);
    }
    const counts: [string, string, RegExp[], string][] = [
      ["sg.abroad.groups", "团组", re("出国.*团组", "团组"), "个"],
      ["sg.abroad.people", "人次", re("出国.*人次", "累计", "人次"), "人次"],
      ["sg.car.purchased", "辆", re("购置(公务用)?车(辆)?", "购置"), "辆"],
      ["sg.car.fleet", "辆", re("保有量"), "辆"],
      ["sg.reception.foreign.groups", "个", re("外宾|国（境）外|国\\(境\\)外", "来访团组"), "个"],
      ["sg.reception.foreign.people", "人次", re("外宾|国（境）外|国\\(境\\)外", "来访外宾"), "人次"],
      ["sg.reception.domestic.groups", "批次", re("国内.*(团组|批次)", "批次|团组"), "批次"],
      ["sg.reception.domestic.people", "人次", re("国内.*人次", "来宾", "人次"), "人次"],
    ];
    for (const [key, , keys, word] of counts) add(fromSupp({ id: key, unit: "count", keys, sections: ["sangong"], countWord: word, decimals: 0 }, key));
    add(fromSupp({ id: "sg.reception.foreign", unit: "万元", keys: re("外宾接待"), sections: ["sangong"] }, "sg.reception.foreign"));
    add(fromSupp({ id: "sg.reception.domestic", unit: "万元", keys: re("国内.*接待"), sections: ["sangong"] }, "sg.reception.domestic"));
  }

  // 八、九、政府性基金 / 国有资本经营
  const fundFacts = (t: CodedTable | undefined, id: "govFund" | "soe", name: string) => {
    if (!t?.total) return;
    for (const [k, label] of [
      ["income", "本年收入"],
      ["expense", "本年支出"],
      ["begin", "年初结转和结余"],
      ["end", "年末结转和结余"],
    ] as const) {
      const c = a(t.total.cells[k]);
      if (c) add(cellFact({ id: `${id}.${k}`, unit: "万元", keys: [sharedRegExp(label.slice(0, 4))], sections: [id] }, c, `${name} 合计 ${label}`));
    }
    for (const r of t.rows.filter((x) => x.level === 3)) {
      const c = a(r.cells.expense);
      if (c) add(cellFact({ id: `${id}.item.${r.code}`, unit: "万元", keys: [sharedRegExp(escapeRe(stripSuffix(r.name)))], sections: [id] }, c, `${name} ${r.code} ${r.name}`));
    }
  };
  fundFacts(t08, "govFund", "公开08表");
  fundFacts(t09, "soe", "公开09表");

  // 十、机关运行经费
  if (t06?.publicTotal?.amount) {
    const op = add(cellFact({ id: "operating", unit: "万元", keys: re("机关运行经费", "机构运行经费", "支出决算", "决算"), sections: ["operating"] }, t06.publicTotal, "公开06表 公用经费合计（机关运行经费）"))!;
    const ob = add(fromSupp({ id: "operating.budget", unit: "万元", keys: re("年初预算", "预算"), sections: ["operating"] }, "budget.operating"));
    if (ob) add(ratioFact({ id: "operating.rate", unit: "%", keys: re("完成"), sections: ["operating"] }, op, ob, "rate"));
    yoy(op, "prev.operating", "operating", re("机关运行经费", "机构运行经费"), ["operating"]);
  }

  // 十一、政府采购 (补充信息, or the 信息表 of newer sets)
  const infoCell = (k: string) => tInfo?.items.find((i) => i.key === k)?.cell;
  const proc = (key: string, infoKey: string, keys: RegExp[]) => {
    const ic = a(infoCell(infoKey));
    return add(ic ? cellFact({ id: key, unit: "万元", keys, sections: ["procurement"] }, ic) : fromSupp({ id: key, unit: "万元", keys, sections: ["procurement"] }, key));
  };
  const pt = proc("proc.total", "procTotal", re("政府采购支出总额", "采购支出总额", "总额"));
  proc("proc.goods", "procGoods", re("货物"));
  proc("proc.works", "procWorks", re("工程"));
  proc("proc.services", "procServices", re("服务"));
  const sme = proc("proc.sme", "sme", re("中小企业"));
  const micro = proc("proc.micro", "micro", re("小微企业"));
  if (pt && sme) add(ratioFact({ id: "proc.sme.share", unit: "%", keys: re("中小企业.*占", "占"), sections: ["procurement"] }, sme, pt, "share"));
  if (pt && micro) add(ratioFact({ id: "proc.micro.share", unit: "%", keys: re("小微企业.*占", "占"), sections: ["procurement"] }, micro, pt, "share"));
  if (sme && micro) add(ratioFact({ id: "proc.micro.shareOfSme", unit: "%", keys: re("占授予中小企业"), sections: ["procurement"] }, micro, sme, "share"));

  // 十二、国有资产
  add(fromSupp({ id: "assets.vehicles", unit: "count", keys: re("共有车辆", "车辆"), sections: ["assets"], countWord: "辆", decimals: 0 }, "assets.vehicles"));
  const vehicleKeys: Record<string, RegExp> = {
    leaders: /(省部级|省级|副部).*领导/,
    main: /主要领导/,
    confidential: /机要通信/,
    emergency: /应急保障/,
    enforcement: /执法执勤/,
    special: /特种专业/,
    retired: /离退休/,
    other: /其他用车/,
  };
  for (const [k] of VEHICLE_KINDS) add(fromSupp({ id: `assets.vehicles.${k}`, unit: "count", keys: [vehicleKeys[k]], requires: [vehicleKeys[k]], sections: ["assets"], countWord: "辆", decimals: 0 }, `assets.vehicles.${k}`));
  add(fromSupp({ id: "assets.equip50", unit: "count", keys: re("50万元以上", "通用设备"), sections: ["assets"], countWord: "台（套）", decimals: 0 }, "assets.equip50"));
  add(fromSupp({ id: "assets.equip100", unit: "count", keys: re("100万元", "专用设备"), sections: ["assets"], countWord: "台（套）", decimals: 0 }, "assets.equip100"));

  // 十三、预算绩效 (补充信息; the performance tables add their own facts)
  add(fromSupp({ id: "perf.projects", unit: "count", keys: re("项目"), sections: ["perf"], countWord: "个", decimals: 0 }, "perf.projects"));
  add(fromSupp({ id: "perf.projects.amount", unit: "万元", keys: re("资金", "金额"), sections: ["perf"] }, "perf.projects.amount"));
  add(fromSupp({ id: "perf.wholeScore", unit: "count", keys: re("得分", "分"), sections: ["perf"], countWord: "分", decimals: 2 }, "perf.wholeScore"));

  const groups = () => [
    [...facts.values()].filter((f) => f.id.startsWith("income.") && f.id.endsWith(".share")),
    [...facts.values()].filter((f) => f.id.startsWith("expense.") && f.id.endsWith(".share")),
    [...facts.values()].filter((f) => /^gpb\.class\.\d+\.share$/.test(f.id)),
    [...facts.values()].filter((f) => /^sg\.(abroad|car|reception)\.share$/.test(f.id)),
  ];
  const result: FinalFacts = {
    facts,
    get: (id) => facts.get(id),
    inSection: (s) => [...facts.values()].filter((f) => f.sections.includes(s)),
    basicItems,
    items,
    classes,
    year: tables.find((t) => t.year)?.year ?? (entryAmount(supp, "unit.year")?.value.toNumber() || undefined),
    department: tables.find((t) => t.department)?.department,
    notes,
    apportionAll(preferred) {
      for (const g of groups()) apportion(g, preferred);
    },
  };
  result.apportionAll(new Map());
  return result;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "卫生健康支出" → "卫生健康" so that "卫生健康支出（类）" and "卫生健康(类)支出" both match. */
function stripSuffix(name: string): string {
  return name.replace(/\s/g, "").replace(/[（(][^）)]*[）)]/g, "").replace(/支出$/, "") || name;
}
