/**
 * Drafts the budget text in the order and wording of the official template
 * (Shanghai 2026 "部门预算编制说明" and "其他相关情况说明", domain notes §2):
 *
 *   部门预算编制说明: 收入预算 and its lines (财政拨款收入 with its change against
 *   last year's budget), 支出预算, 财政拨款支出 and the three funds with their
 *   changes, the reason of the change, then "“xx”科目x万元，主要用于……" per 项;
 *   一、“三公”经费 (total and items, changes, reasons); 二、机关运行经费;
 *   三、政府采购预算; 四、绩效目标设置情况; 五、国有资产占有使用情况.
 *
 * Same rules as the final-accounts text: every number comes from a fact (table
 * cell or 补充信息 entry, with its span recorded); what is missing is a visible
 * placeholder 【请填写……】, never a guess; "增加/减少" follow the sign and a zero
 * change is "持平". The fund breakdown is written after "其中：" so that the
 * checker can verify that the parts add up to the total and to its change.
 */
import { Fact } from "./fact";
import { BUDGET_SANGONG, BudgetFacts } from "./budgetFacts";
import { GenSection, GeneratedNarrative, GenerateOptions, ParagraphBuilder } from "./generate";
import { VEHICLE_KINDS, entryText } from "./supplement";

export function generateBudgetNarrative(bf: BudgetFacts, opts: GenerateOptions = {}): GeneratedNarrative {
  const supp = opts.supplement;
  const used = new Map<string, Fact>();
  const sections: GenSection[] = [];
  const P = () => new ParagraphBuilder(used);
  const F = (id: string) => bf.get(id);
  const year = bf.year;
  const Y = year ? `${year}年` : "【请填写年度】年";
  const PY = year ? `${year - 1}年` : "上年";
  const stated = entryText(supp, "unit.scope");
  const scope = stated === "单位" || stated === "部门" ? stated : bf.scope;
  const dept = bf.department ?? (scope === "单位" ? "本单位" : "本部门");
  let current: GenSection = { id: "total", title: `${scope}预算编制说明`, paragraphs: [] };
  sections.push(current);
  const section = (id: GenSection["id"], title: string) => {
    current = { id, title, paragraphs: [] };
    sections.push(current);
  };
  const put = (p: ParagraphBuilder) => current.paragraphs.push(p.build());
  const amount = (p: ParagraphBuilder, id: string, what: string) => {
    const f = F(id);
    if (f) p.f(f);
    else p.ph(what);
    return p;
  };
  /** "，比2025年预算增加X万元" / "，与2025年预算持平" / a placeholder. */
  const change = (p: ParagraphBuilder, id: string, what: string) => {
    const ch = F(`${id}.change`);
    if (!ch) return p.t(`，比${PY}预算`).ph(`补充信息中的上年${what}预算数`);
    if (ch.shown.isZero()) return p.t(`，与${PY}预算持平`);
    return p.t(`，比${PY}预算${ch.value.isPositive() ? "增加" : "减少"}`).f(ch, true);
  };

  // 部门预算编制说明
  {
    const p = P();
    p.t(`${Y}，${dept}收入预算`);
    amount(p, "b.income", "收入预算（未识别到财务收支预算总表）");
    if (bf.incomeLines.length) {
      p.t("，其中：");
      bf.incomeLines.forEach(([key, name], i) => {
        p.t(`${i ? "；" : ""}${name}`).f(F(`b.income.${key}`)!);
        if (key === "fiscal") change(p, "b.fiscal", "财政拨款");
      });
    }
    p.t("。");
    put(p);
  }
  {
    const p = P();
    p.t("支出预算");
    amount(p, "b.expense", "支出预算（未识别到支出预算总表）");
    p.t("，其中：财政拨款支出预算");
    amount(p, "b.fiscal", "财政拨款支出预算（未识别到财政拨款收支预算总表）");
    if (F("b.fiscal")) change(p, "b.fiscal", "财政拨款支出");
    p.t("。");
    const funds = (["gpb", "govFund", "soe"] as const).filter((k) => F(`b.${k}`));
    const names = { gpb: "一般公共预算拨款支出预算", govFund: "政府性基金拨款支出预算", soe: "国有资本经营预算拨款支出预算" };
    if (funds.length) {
      // "其中：" continues the sentence of 财政拨款支出预算: the funds add up to it, and their changes to its change.
      p.t("其中：");
      // Amounts first, then the changes: each "其中" list adds up to its total (checked by the rules).
      funds.forEach((k, i) => {
        p.t(`${i ? "；" : ""}${names[k]}`).f(F(`b.${k}`)!);
        change(p, `b.${k}`, names[k].replace(/支出预算$/, "支出"));
      });
      p.t("。");
    }
    put(p);
  }
  {
    const p = P();
    const ch = F("b.fiscal.change");
    if (ch && ch.shown.isZero()) p.t(`财政拨款收入支出与${PY}预算持平。`);
    else p.t(`财政拨款收入支出${ch ? (ch.value.isPositive() ? "增加" : "减少") : "增加（减少）"}的主要原因是`).reason(supp, "bprev.fiscal", "财政拨款收入支出增减的主要原因").t("。");
    put(p);
  }
  if (bf.items.length) {
    put(P().t("财政拨款支出主要内容如下："));
    bf.items.forEach((it, i) => {
      const p = P();
      p.t(`${i + 1}. “${it.cls}（类）${it.kuan}（款）${it.name}（项）”科目`).f(it.fact).t("，主要用于");
      const use = entryText(supp, `use.${it.code}`);
      if (use) p.t(use.replace(/[。；;.]+$/, ""));
      else p.ph(`${it.code} ${it.name}的主要用途`);
      p.t("。");
      put(p);
    });
  }

  // 其他相关情况说明
  section("sangong", `一、${Y}“三公”经费预算情况说明`);
  {
    const p = P();
    p.t(`${Y}“三公”经费预算数为`);
    amount(p, "b.sg", "“三公”经费预算数（未识别到“三公”经费预算表）");
    if (F("b.sg")) change(p, "b.sg", "“三公”经费");
    const sgCh = F("b.sg.change");
    if (!sgCh || !sgCh.shown.isZero()) p.t("，主要原因是").reason(supp, "bprev.sangong", "“三公”经费增减的主要原因");
    p.t("。");
    put(p);
    const item = (label: string, key: string) => {
      const q = P();
      q.t(`${label}${BUDGET_SANGONG.find((x) => x.key === key)!.name}`);
      amount(q, `b.sg.${key}`, BUDGET_SANGONG.find((x) => x.key === key)!.name);
      if (F(`b.sg.${key}`)) change(q, `b.sg.${key}`, BUDGET_SANGONG.find((x) => x.key === key)!.name);
      const ch = F(`b.sg.${key}.change`);
      if (!ch || !ch.shown.isZero()) q.t("，主要原因是").reason(supp, `bprev.sangong.${key}`, `${BUDGET_SANGONG.find((x) => x.key === key)!.name}增减的主要原因`);
      q.t("。");
      return q;
    };
    put(item("（一）", "abroad"));
    const car = item("（二）", "car");
    if (F("b.sg.carPurchase") || F("b.sg.carRun")) {
      car.t("其中：");
      for (const [k, sep] of [
        ["carPurchase", "；"],
        ["carRun", "。"],
      ] as const) {
        const name = BUDGET_SANGONG.find((x) => x.key === k)!.name;
        car.t(name);
        amount(car, `b.sg.${k}`, name);
        if (F(`b.sg.${k}`)) change(car, `b.sg.${k}`, name);
        car.t(sep);
      }
    }
    put(car);
    put(item("（三）", "reception"));
  }

  section("operating", "二、机关运行经费预算");
  {
    const p = P();
    const op = F("b.operating");
    if (op && op.value.isZero()) p.t(`${dept}无机关运行经费。`);
    else {
      const organs = F("b.units.organs");
      const civil = F("b.units.civil");
      p.t(`${Y}${dept}下属`);
      if (organs) p.f(organs).t("机关");
      else p.ph("机关家数").t("家机关");
      p.t("和");
      if (civil) p.f(civil).t("参公事业单位");
      else p.ph("参公事业单位家数").t("家参公事业单位");
      p.t("财政拨款的机关运行经费预算为");
      amount(p, "b.operating", "机关运行经费预算数（“三公”经费和机关运行经费预算表）");
      p.t("。");
    }
    put(p);
  }

  section("procurement", "三、政府采购预算情况");
  {
    const p = P();
    const total = F("b.proc.total");
    if (total && total.value.isZero()) p.t(`${dept}${Y}未安排政府采购预算。`);
    else {
      p.t(`${Y}${dept}政府采购预算`);
      amount(p, "b.proc.total", "政府采购预算总额");
      p.t("，其中：政府采购货物预算");
      amount(p, "b.proc.goods", "政府采购货物预算");
      p.t("、政府采购工程预算");
      amount(p, "b.proc.works", "政府采购工程预算");
      p.t("、政府采购服务预算");
      amount(p, "b.proc.services", "政府采购服务预算");
      p.t(`。${Y}${dept}面向中小企业预留政府采购项目预算金额`);
      amount(p, "b.proc.sme", "面向中小企业预留的预算金额");
      p.t("，其中，预留给小型和微型企业的政府采购项目预算为");
      amount(p, "b.proc.micro", "预留给小型和微型企业的预算");
      p.t("。");
    }
    put(p);
  }

  section("perf", "四、绩效目标设置情况");
  {
    const p = P();
    p.t(`按照预算绩效管理工作的总体要求，${dept}`);
    const units = F("b.perf.units");
    if (units) p.f(units);
    else p.ph("开展绩效目标编报的预算单位数");
    p.t(`个预算单位开展了${Y}项目预算绩效目标编报工作，编报绩效目标的项目`);
    const n = F("b.perf.projects");
    if (n) p.f(n);
    else p.ph("编报绩效目标的项目数");
    p.t("个，涉及项目预算资金");
    amount(p, "b.perf.amount", "编报绩效目标的项目预算资金");
    p.t("。");
    put(p);
  }

  section("assets", "五、国有资产占有使用情况");
  {
    const date = entryText(supp, "bassets.date");
    const countOf = (key: string) => supp?.entries.get(key)?.amount;
    const p = P();
    p.t("截至");
    if (date) p.t(date);
    else p.ph("统计截止日期");
    p.t(`，${dept}共有车辆`);
    const v = F("b.assets.vehicles");
    if (v) p.f(v);
    else p.ph("车辆总数");
    p.t("辆，其中：");
    p.t(VEHICLE_KINDS.map(([k, name]) => `${name}${countOf(`assets.vehicles.${k}`)?.value.toString() ?? "【请填写】"}辆`).join("、"));
    p.t("；单价100万元（含）以上设备（不含车辆）");
    const e = F("b.assets.equip100");
    if (e) p.f(e);
    else p.ph("100万元以上设备台（套）数");
    p.t("台（套）。");
    put(p);
    const q = P();
    q.t(`${Y}${scope}预算安排购置车辆`);
    const b = F("b.assets.buy.vehicles");
    if (b) q.f(b);
    else q.ph("预算安排购置车辆数");
    q.t("辆");
    if (b && !b.value.isZero()) q.t("，其中：" + VEHICLE_KINDS.map(([k, name]) => `${name}${countOf(`bassets.buy.vehicles.${k}`)?.value.toString() ?? "【请填写】"}辆`).join("、"));
    q.t(`；${scope}预算安排购置单价100万元（含）以上设备（不含车辆）`);
    const be = F("b.assets.buy.equip100");
    if (be) q.f(be);
    else q.ph("预算安排购置的100万元以上设备台（套）数");
    q.t("台（套）。");
    put(q);
  }

  // Counts written as plain text ("【请填写】辆") are placeholders too.
  for (const s of sections)
    for (const para of s.paragraphs) {
      const re = /【请填写】/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(para.text))) if (!para.spans.some((sp) => sp.start === m!.index)) para.spans.push({ start: m.index, end: m.index + m[0].length, placeholder: "车辆数" });
      para.spans.sort((x, y) => x.start - y.start);
    }
  const placeholders: { section: string; text: string }[] = [];
  for (const s of sections) for (const p of s.paragraphs) for (const sp of p.spans) if (sp.placeholder) placeholders.push({ section: s.title, text: p.text.slice(sp.start, sp.end) });
  const title = `${bf.department ?? ""}${Y}${scope}预算编制说明及其他相关情况说明`;
  return { title, sections, facts: used, placeholders, notes: bf.notes };
}
