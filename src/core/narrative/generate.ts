/**
 * Drafts the final-accounts 情况说明 from the tables and the 补充信息 sheet, in
 * the official order (spec §6). Every number is written from a Fact (and its
 * span in the text is recorded); wherever a figure or a reason is missing, a
 * visible placeholder 【请填写……】 is written and listed — never a guess.
 *
 * Style decisions (spec §6 lets us choose; kept throughout):
 * - amounts as "1,442.80万元"; zero amounts "0万元";
 * - every income and expense category is listed, zero ones as "0万元，占0%"
 *   (the style of most published documents);
 * - shares of one whole add up to exactly 100.00 %; "增加/减少", "增长/下降"
 *   follow the sign; a zero change is "持平"; a zero base gives no percentage
 *   ("上年无此项支出", "年初未安排预算").
 */
import { Fact, SectionId, show } from "./fact";
import { FinalFacts } from "./finalFacts";
import { Supplement, entryReason, entryText } from "./supplement";

export interface GenSpan {
  start: number;
  end: number;
  /** Fact id for a number; absent for a placeholder. */
  fact?: string;
  /** What must be filled in, for a placeholder. */
  placeholder?: string;
}

export interface GenParagraph {
  text: string;
  spans: GenSpan[];
}

export interface GenSection {
  id: SectionId | "title";
  title: string;
  paragraphs: GenParagraph[];
}

export interface GeneratedNarrative {
  title: string;
  sections: GenSection[];
  facts: Map<string, Fact>;
  placeholders: { section: string; text: string }[];
  notes: string[];
}

export class ParagraphBuilder {
  text = "";
  spans: GenSpan[] = [];
  constructor(private readonly used: Map<string, Fact>) {}
  t(s: string): this {
    this.text += s;
    return this;
  }
  f(fact: Fact, abs = false): this {
    const f = abs && fact.shown.isNegative() ? { ...fact, shown: fact.shown.abs() } : fact;
    const start = this.text.length;
    this.text += show(f);
    this.spans.push({ start, end: this.text.length, fact: fact.id });
    this.used.set(fact.id, fact);
    return this;
  }
  ph(what: string): this {
    const start = this.text.length;
    this.text += `【请填写${what}】`;
    this.spans.push({ start, end: this.text.length, placeholder: what });
    return this;
  }
  /** A reason from 补充信息, or a placeholder. */
  reason(supp: Supplement | undefined, key: string, what: string): this {
    const r = supp ? entryReason(supp, key) || (key.startsWith("reason.") ? entryText(supp, key) : "") : "";
    return r ? this.t(r.replace(/[。；;.]+$/, "")) : this.ph(what);
  }
  build(): GenParagraph {
    return { text: this.text, spans: this.spans };
  }
}

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"];

export interface GenerateOptions {
  supplement?: Supplement;
}

export function generateFinalNarrative(ff: FinalFacts, opts: GenerateOptions = {}): GeneratedNarrative {
  const supp = opts.supplement;
  const used = new Map<string, Fact>();
  const sections: GenSection[] = [];
  const P = () => new ParagraphBuilder(used);
  const F = (id: string) => ff.get(id);
  const yearText = ff.year ? `${ff.year}` : "【请填写年度】";
  const Y = `${yearText}年度`;
  const scope = entryText(supp, "unit.scope") === "单位" ? "单位" : "部门";
  const dept = ff.department ?? (scope === "单位" ? "本单位" : "本部门");
  let current: GenSection = { id: "title", title: "", paragraphs: [] };
  const section = (id: SectionId, title: string) => {
    current = { id, title, paragraphs: [] };
    sections.push(current);
  };
  const put = (p: ParagraphBuilder) => current.paragraphs.push(p.build());
  const missing = (p: ParagraphBuilder, what: string) => p.ph(what);

  /** "与上年度相比，…各增加X万元，增长Y%。主要原因是…。" */
  const yoySentence = (p: ParagraphBuilder, id: string, subject: string, reasonKey: string, reasonWhat: string, each = false) => {
    const ch = F(`${id}.change`);
    const pct = F(`${id}.changePct`);
    const prev = F(`${id}.prev`);
    if (!ch || !prev) {
      p.t("与上年度相比，");
      missing(p, `补充信息中的上年${subject}`);
      p.t("。");
      return;
    }
    if (ch.shown.isZero()) {
      p.t(`与上年度相比，${subject}持平。`);
      return;
    }
    const up = ch.value.isPositive();
    p.t(`与上年度相比，${subject}${each ? "各" : ""}${up ? "增加" : "减少"}`).f(ch, true);
    if (pct && !pct.zeroBase) p.t(`，${up ? "增长" : "下降"}`).f({ ...pct, shown: pct.shown.abs() } as Fact);
    else if (pct?.zeroBase) p.t("（上年无此项）");
    p.t("。主要原因是").reason(supp, reasonKey, reasonWhat).t("。");
  };

  // 一
  section("total", "一、收入支出决算总体情况说明");
  {
    const p = P();
    const g = F("grand");
    p.t(`${Y}收、支总计均为`);
    if (g) p.f(g);
    else missing(p, "收入支出总计（未识别到公开01表）");
    p.t("。");
    if (g) yoySentence(p, "grand", "收、支总计", "prev.grand", "收支总计增减变动的主要原因", true);
    put(p);
  }

  // 二
  section("income", "二、收入决算情况说明");
  {
    const p = P();
    const total = F("income.total");
    p.t(`${Y}收入合计`);
    if (total) p.f(total);
    else missing(p, "本年收入合计");
    const cats: [string, string][] = [
      ["fiscal", "财政拨款收入"],
      ["upper", "上级补助收入"],
      ["business", "事业收入"],
      ["operating", "经营收入"],
      ["affiliated", "附属单位上缴收入"],
      ["other", "其他收入"],
    ];
    const parts = cats.filter(([k]) => F(`income.${k}`));
    if (parts.length) {
      p.t("，其中：");
      parts.forEach(([k, name], i) => {
        p.t(`${name}`).f(F(`income.${k}`)!);
        const s = F(`income.${k}.share`);
        if (s) p.t("，占").f(s);
        p.t(i === parts.length - 1 ? "。" : "；");
      });
    } else p.t("。");
    put(p);
  }

  // 三
  section("expense", "三、支出决算情况说明");
  {
    const p = P();
    const total = F("expense.total");
    p.t(`${Y}支出合计`);
    if (total) p.f(total);
    else missing(p, "本年支出合计");
    const cats: [string, string][] = [
      ["basic", "基本支出"],
      ["project", "项目支出"],
      ["upper", "上缴上级支出"],
      ["operating", "经营支出"],
      ["subsidiary", "对附属单位补助支出"],
    ];
    const parts = cats.filter(([k]) => F(`expense.${k}`));
    if (parts.length) {
      p.t("，其中：");
      parts.forEach(([k, name], i) => {
        p.t(name).f(F(`expense.${k}`)!);
        const s = F(`expense.${k}.share`);
        if (s) p.t("，占").f(s);
        p.t(i === parts.length - 1 ? "。" : "；");
      });
    } else p.t("。");
    put(p);
  }

  // 四
  section("fiscal", "四、财政拨款收入支出决算总体情况说明");
  {
    const p = P();
    const g = F("fiscal.grand");
    p.t(`${Y}财政拨款收、支总计均为`);
    if (g) p.f(g);
    else missing(p, "财政拨款收支总计（未识别到公开04表）");
    p.t("。");
    if (g) yoySentence(p, "fiscal.grand", "财政拨款收、支总计", "prev.fiscalGrand", "财政拨款收支增减变动的主要原因", true);
    put(p);
  }

  // 五
  section("gpb", "五、一般公共预算财政拨款支出决算情况说明");
  {
    const total = F("gpb.total");
    current.paragraphs.push({ text: "（一）总体情况。", spans: [] });
    const p1 = P();
    p1.t(`${Y}一般公共预算财政拨款支出`);
    if (total) p1.f(total);
    else missing(p1, "一般公共预算财政拨款支出（未识别到公开05表）");
    const sh = F("gpb.shareOfExpense");
    if (sh) p1.t("，占本年支出合计的").f(sh);
    p1.t("。");
    if (total) yoySentence(p1, "gpb", "一般公共预算财政拨款支出", "prev.gpbExpense", "一般公共预算财政拨款支出增减变动的主要原因");
    put(p1);

    current.paragraphs.push({ text: "（二）结构情况。", spans: [] });
    const p2 = P();
    p2.t(`${Y}一般公共预算财政拨款支出`);
    if (total) p2.f(total);
    else missing(p2, "一般公共预算财政拨款支出");
    const cls = ff.classes.filter((c) => F(`gpb.class.${c.code}`) && !F(`gpb.class.${c.code}`)!.value.isZero());
    if (cls.length) {
      p2.t("，主要用于以下方面：");
      cls.forEach((c, i) => {
        p2.t(`${c.name}（类）`).f(F(`gpb.class.${c.code}`)!).t("，占").f(F(`gpb.class.${c.code}.share`)!).t(i === cls.length - 1 ? "。" : "；");
      });
    } else p2.t("。");
    put(p2);

    current.paragraphs.push({ text: "（三）具体情况。", spans: [] });
    const p3 = P();
    const budget = F("gpb.budget");
    p3.t(`${Y}一般公共预算财政拨款支出年初预算为`);
    if (budget && !budget.value.isZero()) {
      p3.f(budget).t("，支出决算为");
      if (total) p3.f(total);
      p3.t("，完成年初预算的").f(F("gpb.budgetRate")!).t("。");
    } else if (budget) {
      p3.f(budget).t("，年初未安排预算，支出决算为");
      if (total) p3.f(total);
      p3.t("。");
    } else {
      missing(p3, "一般公共预算财政拨款支出年初预算（公开05表无年初预算数栏时填在补充信息中）");
      p3.t("，支出决算为");
      if (total) p3.f(total);
      p3.t("。");
    }
    p3.t("其中：");
    put(p3);
    let n = 0;
    for (const it of ff.items) {
      const fin = F(`gpb.item.${it.code}`);
      const b = F(`gpb.item.${it.code}.budget`);
      if (!fin || (fin.value.isZero() && (!b || b.value.isZero()))) continue;
      const p = P();
      p.t(`${++n}. ${it.cls}（类）${it.kuan}（款）${it.name}（项）`);
      if (!b) {
        p.t("年初预算为");
        missing(p, `${it.code} ${it.name}的年初预算`);
        p.t("，支出决算为").f(fin).t("。");
      } else if (b.value.isZero()) {
        p.t("年初预算为").f(b).t("（年初未安排预算），支出决算为").f(fin).t("。决算数与年初预算数存在差异的主要原因是").reason(supp, `budget.item.${it.code}`, `${it.name}决算数与年初预算数差异的原因`).t("。");
      } else {
        const rate = F(`gpb.item.${it.code}.rate`)!;
        p.t("年初预算为").f(b).t("，支出决算为").f(fin).t("，完成年初预算的").f(rate).t("。");
        if (!fin.shown.eq(b.shown)) {
          p.t(`决算数${fin.value.gt(b.value) ? "大于" : "小于"}年初预算数的主要原因是`).reason(supp, `budget.item.${it.code}`, `${it.name}决算数与年初预算数差异的原因`).t("。");
        }
      }
      put(p);
    }
  }

  // 六
  section("basic", "六、一般公共预算财政拨款基本支出决算情况说明");
  {
    const p = P();
    const total = F("basic.sum06") ?? F("basic.total");
    p.t(`${Y}一般公共预算财政拨款基本支出`);
    if (total) p.f(total);
    else missing(p, "基本支出（未识别到公开06表）");
    const pe = F("basic.personnel");
    const pu = F("basic.public");
    if (pe && pu) {
      const list = (xs: { name: string }[]) => (xs.length ? xs.map((x) => x.name).join("、") : "无");
      p.t("，其中：人员经费").f(pe).t(`，主要包括：${list(ff.basicItems.personnel)}；公用经费`).f(pu).t(`，主要包括：${list(ff.basicItems.public)}。`);
    } else p.t("。");
    put(p);
  }

  // 七
  section("sangong", "七、一般公共预算财政拨款“三公”经费支出决算情况说明");
  if (!F("sg.final")) {
    const p = P();
    missing(p, "“三公”经费情况（未识别到公开07表）");
    put(p);
  } else if (F("sg.final")!.value.isZero() && (!F("sg.budget") || F("sg.budget")!.value.isZero())) {
    const p = P();
    put(p.t(`${Y}无“三公”经费财政拨款支出。`));
  } else {
    current.paragraphs.push({ text: "（一）“三公”经费财政拨款支出决算总体情况说明。", spans: [] });
    const p1 = P();
    const b = F("sg.budget");
    const f = F("sg.final")!;
    p1.t(`${Y}“三公”经费财政拨款支出预算为`);
    if (b) p1.f(b);
    else missing(p1, "“三公”经费预算数");
    p1.t("，支出决算为").f(f);
    const rate = F("sg.rate");
    if (rate && !rate.zeroBase) p1.t("，完成预算的").f(rate);
    p1.t("。");
    if (b && !f.shown.eq(b.shown)) p1.t(`决算数${f.value.gt(b.value) ? "大于" : "小于"}预算数的主要原因是`).reason(supp, "reason.sangong.budget", "“三公”经费决算数与预算数差异的主要原因").t("。");
    if (F("sg.final.prev")) yoySentence(p1, "sg.final", "“三公”经费支出", "prev.sangong", "“三公”经费增减变动的主要原因");
    put(p1);

    current.paragraphs.push({ text: "（二）“三公”经费财政拨款支出决算具体情况说明。", spans: [] });
    const p2 = P();
    p2.t(`${Y}“三公”经费财政拨款支出决算中，`);
    const parts: [string, string][] = [
      ["abroad", "因公出国（境）费"],
      ["car", "公务用车购置及运行费"],
      ["reception", "公务接待费"],
    ];
    parts.forEach(([k, name], i) => {
      const pf = F(`sg.${k}.final`);
      if (!pf) return;
      p2.t(`${name}支出决算`).f(pf);
      const s = F(`sg.${k}.share`);
      if (s) p2.t("，占").f(s);
      p2.t(i === parts.length - 1 ? "。具体情况如下：" : "；");
    });
    put(p2);
    const item = (n: number, k: string, name: string, reasonKey: string) => {
      const p = P();
      const pb = F(`sg.${k}.budget`);
      const pf = F(`sg.${k}.final`);
      p.t(`${n}. ${name}`);
      if (!pf) {
        missing(p, `${name}决算数`);
        return p;
      }
      if (!pb || pb.value.isZero()) {
        p.t("年初未安排预算");
        if (pf.value.isZero()) p.t("，本年无此项支出。");
        else p.t("，支出决算为").f(pf).t("。决算数与预算数存在差异的主要原因是").reason(supp, reasonKey, `${name}决算数与预算数差异的原因`).t("。");
      } else {
        p.t("年初预算为").f(pb).t("，支出决算为").f(pf).t("，完成年初预算的").f(F(`sg.${k}.rate`)!).t("。");
        if (!pf.shown.eq(pb.shown)) p.t(`决算数${pf.value.gt(pb.value) ? "大于" : "小于"}预算数的主要原因是`).reason(supp, reasonKey, `${name}决算数与预算数差异的原因`).t("。");
      }
      return p;
    };
    const count = (p: ParagraphBuilder, id: string, what: string, unit: string) => {
      const c = F(id);
      if (c) p.f(c);
      else missing(p, `${what}（${unit}）`);
    };
    const p3 = item(1, "abroad", "因公出国（境）费", "reason.sangong.abroad");
    p3.t("全年安排因公出国（境）团组");
    count(p3, "sg.abroad.groups", "因公出国（境）团组数", "个");
    p3.t("，累计");
    count(p3, "sg.abroad.people", "因公出国（境）人次", "人次");
    p3.t("。");
    put(p3);
    const p4 = item(2, "car", "公务用车购置及运行费", "reason.sangong.car");
    p4.t("其中：公务用车购置支出");
    if (F("sg.carPurchase.final")) p4.f(F("sg.carPurchase.final")!);
    else missing(p4, "公务用车购置费");
    p4.t("，购置车辆");
    count(p4, "sg.car.purchased", "购置公务用车数量", "辆");
    p4.t("；公务用车运行支出");
    if (F("sg.carRun.final")) p4.f(F("sg.carRun.final")!);
    else missing(p4, "公务用车运行费");
    const use = entryText(supp, "sg.car.use");
    p4.t(use ? `，主要用于${use.replace(/[。；]+$/, "")}` : "").t(`。${yearText}年末，${scope}开支财政拨款的公务用车保有量为`);
    count(p4, "sg.car.fleet", "公务用车保有量", "辆");
    p4.t("。");
    put(p4);
    const p5 = item(3, "reception", "公务接待费", "reason.sangong.reception");
    p5.t("其中：外宾接待支出");
    if (F("sg.reception.foreign")) p5.f(F("sg.reception.foreign")!);
    else missing(p5, "外宾接待费（万元）");
    p5.t("，共接待国（境）外来访团组");
    count(p5, "sg.reception.foreign.groups", "接待国（境）外来访团组数", "个");
    p5.t("、来访外宾");
    count(p5, "sg.reception.foreign.people", "接待国（境）外来访人次", "人次");
    p5.t("；国内公务接待支出");
    if (F("sg.reception.domestic")) p5.f(F("sg.reception.domestic")!);
    else missing(p5, "国内公务接待费（万元）");
    p5.t("，共接待国内来访");
    count(p5, "sg.reception.domestic.groups", "国内公务接待批次", "批次");
    p5.t("、");
    count(p5, "sg.reception.domestic.people", "国内公务接待人次", "人次");
    p5.t("。");
    put(p5);
  }

  // 八、九
  const fundSection = (id: "govFund" | "soe", title: string, name: string) => {
    section(id, title);
    const p = P();
    const exp = F(`${id}.expense`);
    const inc = F(`${id}.income`);
    if ((!exp || exp.value.isZero()) && (!inc || inc.value.isZero())) {
      put(p.t(`${Y}${dept}没有${name}财政拨款收入，也没有使用${name}安排的支出。`));
      return;
    }
    p.t(`${Y}${name}财政拨款收入`);
    if (inc) p.f(inc);
    p.t("，支出");
    if (exp) p.f(exp);
    p.t("。");
    const its = [...ff.facts.values()].filter((f) => f.id.startsWith(`${id}.item.`) && !f.value.isZero());
    if (its.length) {
      p.t("主要用于：");
      its.forEach((f, i) => p.t(`${f.sources[0].label.replace(/^公开0\d表 \d+ /, "")}`).f(f).t(i === its.length - 1 ? "。" : "；"));
    }
    put(p);
  };
  fundSection("govFund", "八、政府性基金预算财政拨款支出决算情况说明", "政府性基金预算");
  fundSection("soe", "九、国有资本经营预算财政拨款支出决算情况说明", "国有资本经营预算");

  // 十
  section("operating", "十、机关运行经费支出情况说明");
  {
    const p = P();
    const type = entryText(supp, "unit.type");
    const op = F("operating");
    if (type === "事业单位") put(p.t(`${dept}为事业单位，不涉及机关运行经费。`));
    else if (!op) put(missing(p.t(`${Y}机关运行经费支出`), "机关运行经费（未识别到公开06表）").t("。"));
    else {
      const ob = F("operating.budget");
      p.t(`${Y}机关运行经费`);
      if (ob && !ob.value.isZero()) {
        p.t("年初预算为").f(ob).t("，支出决算为").f(op).t("，完成年初预算的").f(F("operating.rate")!).t("。");
        if (!op.shown.eq(ob.shown)) p.t(`决算数${op.value.gt(ob.value) ? "大于" : "小于"}年初预算数的主要原因是`).reason(supp, "budget.operating", "机关运行经费决算数与年初预算数差异的原因").t("。");
      } else {
        p.t("支出决算为").f(op).t("。");
        if (!ob) p.t("年初预算为").ph("机关运行经费年初预算").t("。");
      }
      if (F("operating.prev")) yoySentence(p, "operating", "机关运行经费", "prev.operating", "机关运行经费增减变动的主要原因");
      put(p);
    }
  }

  // 十一
  section("procurement", "十一、政府采购支出情况说明");
  {
    const p = P();
    const amt = (id: string, what: string) => (F(id) ? p.f(F(id)!) : p.ph(what));
    p.t(`${Y}政府采购支出总额`);
    amt("proc.total", "政府采购支出总额（万元）");
    p.t("，其中：政府采购货物支出");
    amt("proc.goods", "政府采购货物支出（万元）");
    p.t("、政府采购工程支出");
    amt("proc.works", "政府采购工程支出（万元）");
    p.t("、政府采购服务支出");
    amt("proc.services", "政府采购服务支出（万元）");
    p.t("。授予中小企业合同金额");
    amt("proc.sme", "授予中小企业合同金额（万元）");
    const s1 = F("proc.sme.share");
    if (s1 && !s1.zeroBase) p.t("，占政府采购支出总额的").f(s1);
    p.t("，其中：授予小微企业合同金额");
    amt("proc.micro", "授予小微企业合同金额（万元）");
    const s2 = F("proc.micro.share");
    if (s2 && !s2.zeroBase) p.t("，占政府采购支出总额的").f(s2);
    p.t("。");
    put(p);
  }

  // 十二
  section("assets", "十二、国有资产占用情况说明");
  {
    const p = P();
    const cnt = (id: string, what: string) => (F(id) ? p.f(F(id)!) : p.ph(what));
    p.t(`截至${yearText}年12月31日，${dept}共有车辆`);
    cnt("assets.vehicles", "车辆总数（辆）");
    const kinds: [string, string][] = [
      ["leaders", "省部级及以上领导用车"],
      ["main", "主要领导干部用车"],
      ["confidential", "机要通信用车"],
      ["emergency", "应急保障用车"],
      ["enforcement", "执法执勤用车"],
      ["special", "特种专业技术用车"],
      ["retired", "离退休干部用车"],
      ["other", "其他用车"],
    ];
    p.t("，其中：");
    kinds.forEach(([k, n], i) => {
      p.t(n);
      cnt(`assets.vehicles.${k}`, `${n}数量（辆）`);
      p.t(i === kinds.length - 1 ? "；" : "、");
    });
    p.t("单位价值50万元以上通用设备");
    cnt("assets.equip50", "单位价值50万元以上通用设备（台/套）");
    p.t("，单位价值100万元以上专用设备");
    cnt("assets.equip100", "单位价值100万元以上专用设备（台/套）");
    p.t("。");
    put(p);
  }

  // 十三
  section("perf", "十三、预算绩效情况说明");
  {
    const p = P();
    const work = entryText(supp, "perf.work");
    if (work) p.t(work.replace(/[。]+$/, "") + "。");
    else p.ph("绩效管理工作开展情况").t("。");
    const n = F("perf.projects");
    const amt = F("perf.projects.amount");
    if (n || amt) {
      p.t(`${Y}对`);
      if (n) p.f(n);
      else p.ph("开展绩效自评的项目数");
      p.t("项目开展了绩效自评，涉及资金");
      if (amt) p.f(amt);
      else p.ph("自评项目资金");
      p.t("。");
    }
    const score = F("perf.wholeScore");
    if (score) p.t(`${scope}整体绩效自评得分`).f(score).t("。");
    put(p);
  }

  // 名词解释
  sections.push({ id: "terms", title: "名词解释", paragraphs: TERMS.map((t) => ({ text: t, spans: [] })) });

  const placeholders: { section: string; text: string }[] = [];
  for (const s of sections) for (const p of s.paragraphs) for (const sp of p.spans) if (sp.placeholder) placeholders.push({ section: s.title, text: p.text.slice(sp.start, sp.end) });
  const title = `${ff.department ? ff.department : ""}${yearText}年度${scope}决算情况说明`;
  return { title, sections, facts: used, placeholders, notes: ff.notes };
}

/** Standard 名词解释 (no figures). */
export const TERMS = [
  "（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
  "（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
  "（三）经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。",
  "（四）其他收入：指单位取得的除上述收入以外的各项收入。",
  "（五）使用非财政拨款结余：指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。",
  "（六）年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
  "（七）结余分配：指事业单位按照国家有关规定，缴纳所得税、提取专用基金、转入非财政拨款结余等当年结余的分配情况。",
  "（八）年末结转和结余：指单位按有关规定结转到下年或以后年度继续使用的资金。",
  "（九）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
  "（十）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
  "（十一）机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
];

/** Plain text: title, then each section's title and paragraphs. */
export function narrativeToText(n: GeneratedNarrative): string {
  const lines = [n.title, ""];
  for (const s of n.sections) {
    lines.push(s.title);
    for (const p of s.paragraphs) lines.push(`    ${p.text}`);
    lines.push("");
  }
  if (n.placeholders.length) {
    lines.push("待填写（共 " + n.placeholders.length + " 处）：");
    n.placeholders.forEach((p, i) => lines.push(`  ${i + 1}. ${p.section}：${p.text}`));
  }
  if (n.notes.length) {
    lines.push("", "说明：");
    for (const x of n.notes) lines.push(`  · ${x}`);
  }
  return lines.join("\n");
}

/** JSON with every number's source cells and formula. */
export function narrativeToJson(n: GeneratedNarrative): unknown {
  return {
    title: n.title,
    sections: n.sections.map((s) => ({
      id: s.id,
      title: s.title,
      paragraphs: s.paragraphs.map((p) => ({
        text: p.text,
        numbers: p.spans
          .filter((sp) => sp.fact)
          .map((sp) => {
            const f = n.facts.get(sp.fact!)!;
            return { text: p.text.slice(sp.start, sp.end), start: sp.start, end: sp.end, fact: f.id, value: f.value.toString(), formula: f.formula, sources: f.sources };
          }),
        placeholders: p.spans.filter((sp) => sp.placeholder).map((sp) => ({ text: p.text.slice(sp.start, sp.end), start: sp.start, end: sp.end })),
      })),
    })),
    placeholders: n.placeholders,
    notes: n.notes,
  };
}

