/**
 * Narrative-only documents (a 情况说明 without its tables), written in three
 * provinces' phrasings — a 湖北 county's 部门决算公开说明, a 广东 city's 部门决算
 * 情况说明, a 四川 department's 部门预算 — with figures that agree with each
 * other, and planted contradictions of each kind the text alone proves.
 *
 * The sentences are our own, in the styles of published documents; the figures
 * are made up and computed here so that the correct version is consistent:
 * totals equal their parts, rates are the rounded quotients, shares add up.
 * scripts/make-narrative-fixtures.ts writes them to test/fixtures/narrative/.
 */
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { buildWorkbook } from "./sheet";

export interface Plant {
  id: string;
  /** What the clerk got wrong. */
  what: string;
  /** Text replaced in the one paragraph that holds it. */
  from: string;
  to: string;
  rule: string;
  severity: "error" | "warning";
  /** Paragraph texts (unique substrings) the finding must name: the sentence(s) involved. */
  cells: string[];
}

export interface NarrativeDoc {
  name: string;
  title: string;
  paragraphs: string[];
  plants: Plant[];
}

/** 湖北 style: "收入总计…，支出总计…。与2020年度相比，收、支总计各增加…". */
export const HUBEI_FINAL: NarrativeDoc = {
  name: "hubei-2021-final-narrative",
  title: "情况说明",
  paragraphs: [
    "随州市曾都区河湖堤防管理所2021年度部门决算公开说明",
    "第二部分 2021年度部门决算情况说明",
    "一、2021年度收入支出决算总体及增减变动情况",
    "2021年度收入总计1,286.45万元，支出总计1,286.45万元。与2020年度相比，收、支总计各增加222.25万元，增长20.88%。主要原因是人员增加以及防汛抢险项目资金增加。支出总计中，基本支出716.45万元，项目支出500.00万元。",
    "二、2021年度收入决算情况说明",
    "本年收入合计1,186.45万元，其中：财政拨款收入1,150.00万元，占96.93%；其他收入36.45万元，占3.07%。",
    "三、2021年度支出决算情况说明",
    "本年支出合计1,216.45万元，其中：基本支出716.45万元，占58.90%；项目支出500.00万元，占41.10%。",
    "四、2021年度财政拨款收入支出决算总体情况说明",
    "2021年度财政拨款收入总计1,150.00万元，支出总计1,150.00万元。与上年相比，财政拨款收、支总计各增加170.00万元，增长17.35%。",
    "五、2021年度一般公共预算财政拨款支出决算情况说明",
    "2021年度一般公共预算财政拨款支出1,100.00万元，与2020年度相比，一般公共预算财政拨款支出增加150.00万元，增长15.79%，主要是防汛项目增加。",
    "2021年度一般公共预算财政拨款支出年初预算为1,000.00万元，支出决算为1,100.00万元，完成年初预算的110.00%，决算数大于年初预算数，主要是年中追加防汛抢险经费。",
    "六、2021年度一般公共预算财政拨款基本支出决算情况说明",
    "2021年度一般公共预算财政拨款基本支出650.00万元，其中：人员经费560.30万元，主要包括基本工资、津贴补贴、奖金、机关事业单位基本养老保险缴费；公用经费89.70万元，主要包括办公费、印刷费、水电费、差旅费。",
    "七、2021年度一般公共预算财政拨款“三公”经费支出决算情况说明",
    "2021年度“三公”经费财政拨款支出预算为10.00万元，支出决算为7.50万元，完成预算的75.00%。其中：因公出国（境）费支出决算0万元；公务用车购置及运行费支出决算5.20万元；公务接待费支出决算2.30万元，共接待国内公务12批次。",
    "2021年度公务接待费支出2.30万元，上年为3.00万元，比上年减少0.70万元，下降23.33%，主要原因是严格执行接待标准。全年国内公务接待12批次、86人次，上年为15批次，比上年减少3批次。",
    "八、2021年度政府性基金预算财政拨款支出决算情况说明",
    "2021年度政府性基金预算财政拨款支出50.00万元，上年无此项支出，主要是新增防汛专项债券项目。",
    "第三部分 其他重要事项的情况说明",
    "一、机关运行经费支出情况",
    "2021年度本部门机关运行经费支出89.70万元，比上年增加9.70万元，增长12.13%，主要原因是新增办公场所物业费。",
    "二、国有资产占用情况",
    "截至2021年12月31日，本部门共有车辆2辆，其中，一般公务用车2辆；单位价值50万元以上通用设备0台（套）。",
  ],
  plants: [
    {
      id: "totals-differ",
      what: "决算的收入总计与支出总计不相等",
      from: "支出总计1,286.45万元。与2020年度",
      to: "支出总计1,268.45万元。与2020年度",
      rule: "narrative.identity",
      severity: "error",
      cells: ["2021年度收入总计"],
    },
    {
      id: "basic-other-paragraph",
      what: "总体情况一段的基本支出与支出决算一段不同",
      from: "支出总计中，基本支出716.45万元",
      to: "支出总计中，基本支出761.45万元",
      rule: "narrative.consistency",
      severity: "error",
      cells: ["支出总计中，基本支出", "本年支出合计1,216.45万元"],
    },
    {
      id: "rate-of-change",
      what: "增长率与增减额、本年数不符",
      from: "增长15.79%",
      to: "增长17.89%",
      rule: "narrative.change",
      severity: "error",
      cells: ["一般公共预算财政拨款支出增加150.00万元"],
    },
    {
      id: "share",
      what: "基本支出占比算错",
      from: "占58.90%",
      to: "占85.90%",
      rule: "narrative.share",
      severity: "error",
      cells: ["本年支出合计1,216.45万元"],
    },
    {
      id: "completion",
      what: "完成年初预算的百分比算错",
      from: "完成年初预算的110.00%",
      to: "完成年初预算的101.00%",
      rule: "narrative.change",
      severity: "error",
      cells: ["完成年初预算的"],
    },
    {
      id: "direction",
      what: "比上年少了却写“增加”",
      from: "比上年减少0.70万元，下降23.33%",
      to: "比上年增加0.70万元，增长23.33%",
      rule: "narrative.change",
      severity: "error",
      cells: ["公务接待费支出2.30万元，上年为3.00万元"],
    },
    {
      id: "compare-word",
      what: "决算数比预算数多，却写“小于”",
      from: "决算数大于年初预算数",
      to: "决算数小于年初预算数",
      rule: "narrative.compare-words",
      severity: "error",
      cells: ["完成年初预算的"],
    },
    {
      id: "as-of-date",
      what: "资产情况截至上一年",
      from: "截至2021年12月31日",
      to: "截至2020年12月31日",
      rule: "narrative.as-of-date",
      severity: "warning",
      cells: ["本部门共有车辆"],
    },
    {
      id: "reception-count",
      what: "两段写的国内公务接待批次不同",
      from: "共接待国内公务12批次",
      to: "共接待国内公务21批次",
      rule: "narrative.consistency",
      severity: "error",
      cells: ["共接待国内公务21批次", "全年国内公务接待12批次"],
    },
    {
      id: "zero-base",
      what: "上年为0却写增长100%",
      from: "上年无此项支出",
      to: "比上年增加50.00万元，增长100%",
      rule: "narrative.change",
      severity: "warning",
      cells: ["政府性基金预算财政拨款支出50.00万元"],
    },
  ],
};

/** 广东 style: "本部门2021年度收、支总计均为…。与上年相比，收、支总计各减少…". */
export const GUANGDONG_FINAL: NarrativeDoc = {
  name: "guangdong-2021-final-narrative",
  title: "部门决算情况说明",
  paragraphs: [
    "第三部分 湛江市政务服务数据管理局2021年部门决算情况说明",
    "一、收入支出决算总体情况说明",
    "本部门2021年度收、支总计均为2,480.60万元。与上年相比，收、支总计各减少119.40万元，下降4.59%，主要原因是信息化建设项目完工，项目经费减少。",
    "二、收入决算情况说明",
    "本部门2021年度本年收入合计2,430.60万元，其中：财政拨款收入2,400.60万元，占98.77%；其他收入30.00万元，占1.23%。",
    "三、支出决算情况说明",
    "本部门2021年度本年支出合计2,380.60万元，其中：基本支出1,580.60万元，占66.39%；项目支出800.00万元，占33.61%。",
    "四、财政拨款收入支出决算总体情况说明",
    "本部门2021年度财政拨款收、支总计均为2,400.60万元。与上年相比，财政拨款收、支总计各减少99.40万元，下降3.98%。",
    "五、一般公共预算财政拨款支出决算情况说明",
    "（一）总体情况：2021年度一般公共预算财政拨款支出2,350.60万元，其中基本支出1,550.60万元，项目支出800.00万元。与上年相比，增加50.60万元，增长2.20%。",
    "（二）结构情况：主要用于一般公共服务支出（类）财政事务（款）2010601行政运行（项）1,550.60万元，2010602一般行政管理事务（项）800.00万元。",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "2021年度一般公共预算财政拨款基本支出1,550.60万元。",
    "其中，人员经费1,320.40万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、住房公积金；公用经费230.20万元，主要包括：办公费、水费、电费、邮电费、物业管理费、差旅费、维修（护）费、公务用车运行维护费。",
    "七、“三公”经费支出决算情况说明",
    "2021年度“三公”经费财政拨款支出预算为18.00万元，支出决算为12.60万元，完成预算的70.00%。",
    "因公出国（境）费支出0万元；公务用车购置及运行费9.80万元；公务接待费2.80万元。全年未组织因公出国（境）团组，国内公务接待20批次、156人次。",
    "公务接待主要用于上级部门检查指导工作和兄弟单位学习交流，共接待国内公务团组20批次，来宾156人次（不含陪同人员）。本年未购置公务用车，年末开支财政拨款的公务用车保有量为4辆。",
    "八、机关运行经费支出情况",
    "本部门2021年度机关运行经费支出230.20万元，比上年减少10.30万元，下降4.28%。",
    "九、国有资产占用情况",
    "截至2021年12月31日，本部门共有车辆4辆，其中：一般公务用车1辆、执法执勤用车3辆；单价50万元（含）以上通用设备2台（套），本年购置单价50万元以上通用设备1台（套）；单价100万元（含）以上专用设备0台（套）。",
  ],
  plants: [
    {
      id: "basic-parts",
      what: "基本支出不等于人员经费加公用经费（分两段写）",
      from: "人员经费1,320.40万元",
      to: "人员经费1,302.40万元",
      rule: "narrative.identity",
      severity: "error",
      cells: ["其中，人员经费", "基本支出1,550.60万元"],
    },
    {
      id: "sangong-parts",
      what: "“三公”经费三项之和不等于合计（分两段写）",
      from: "公务接待费2.80万元",
      to: "公务接待费3.80万元",
      rule: "narrative.identity",
      severity: "error",
      cells: ["支出决算为12.60万元", "因公出国（境）费支出0万元"],
    },
    {
      id: "gpb-basic-twice",
      what: "一般公共预算财政拨款基本支出两段不同",
      from: "2021年度一般公共预算财政拨款基本支出1,550.60万元。",
      to: "2021年度一般公共预算财政拨款基本支出1,505.60万元。",
      rule: "narrative.consistency",
      severity: "error",
      cells: ["（一）总体情况", "2021年度一般公共预算财政拨款基本支出1,505.60万元。"],
    },
    {
      id: "reception-people",
      what: "两段写的国内公务接待人次不同",
      from: "来宾156人次",
      to: "来宾165人次",
      rule: "narrative.consistency",
      severity: "error",
      cells: ["来宾165人次", "国内公务接待20批次、156人次"],
    },
    {
      id: "code-name",
      what: "科目编码与名称不对应",
      from: "2010602一般行政管理事务（项）",
      to: "2010602机关服务（项）",
      rule: "narrative.code-name",
      severity: "warning",
      cells: ["（二）结构情况"],
    },
    {
      id: "fiscal-rate",
      what: "财政拨款收支总计下降率算错",
      from: "下降3.98%",
      to: "下降4.98%",
      rule: "narrative.change",
      severity: "error",
      cells: ["财政拨款收、支总计均为"],
    },
    {
      id: "completion",
      what: "“三公”经费完成预算的百分比算错",
      from: "完成预算的70.00%",
      to: "完成预算的75.00%",
      rule: "narrative.change",
      severity: "error",
      cells: ["支出决算为12.60万元"],
    },
  ],
};

/** 四川 style budget: "2026年收支总预算…，比2025年收支总预算增加…". */
export const SICHUAN_BUDGET: NarrativeDoc = {
  name: "sichuan-2026-budget-narrative",
  title: "部门预算情况说明",
  paragraphs: [
    "四川省某某县农业农村局2026年部门预算情况说明",
    "一、收支预算总体情况",
    "按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。2026年收支总预算3,250.00万元，比2025年收支总预算增加250.00万元，增长8.33%，主要是高标准农田建设项目增加。",
    "二、收入预算情况",
    "2026年收入预算3,250.00万元，其中：一般公共预算拨款收入3,050.00万元，占93.85%；上年结转200.00万元，占6.15%。",
    "三、支出预算情况",
    "2026年支出预算3,250.00万元，其中：基本支出1,450.00万元，占44.62%；项目支出1,800.00万元，占55.38%。",
    "四、财政拨款收支预算情况",
    "2026年财政拨款收、支总预算3,050.00万元，比2025年财政拨款收、支总预算增加150.00万元，增长5.17%。",
    "五、一般公共预算基本支出情况",
    "2026年一般公共预算基本支出1,450.00万元，其中：人员经费1,268.00万元，主要包括基本工资、津贴补贴、奖金、伙食补助费、绩效工资；公用经费182.00万元，主要包括办公费、印刷费、水费、电费、邮电费、差旅费、培训费、公务接待费、工会经费、福利费。",
    "六、“三公”经费预算情况说明",
    "2025年“三公”经费预算16.50万元。2026年“三公”经费预算15.00万元，比2025年预算减少1.50万元。其中，因公出国（境）费0万元；公务用车购置及运行费12.00万元；公务接待费3.00万元。",
    "七、机关运行经费预算",
    "2026年本部门机关运行经费预算182.00万元，比2025年预算增加12.00万元，增长7.06%。",
    "八、政府采购预算情况",
    "2026年政府采购预算总额600.00万元，其中：政府采购货物预算150.00万元、政府采购工程预算400.00万元、政府采购服务预算50.00万元。授予中小企业合同金额480.00万元，占政府采购预算总额的80.00%。",
    "九、国有资产占有使用情况",
    "截至2025年12月31日，本部门共有车辆6辆，其中：一般公务用车2辆、执法执勤用车4辆；单价50万元以上通用设备1台（套）。2026年部门预算安排购置车辆0辆，安排购置单价50万元以上的通用设备0台（套）。",
  ],
  plants: [
    {
      id: "total-rate",
      what: "收支总预算增长率算错",
      from: "增长8.33%",
      to: "增长7.69%",
      rule: "narrative.change",
      severity: "error",
      cells: ["2026年收支总预算"],
    },
    {
      id: "sangong-change",
      what: "“三公”经费减少额与两年预算数不符",
      from: "比2025年预算减少1.50万元",
      to: "比2025年预算减少2.50万元",
      rule: "narrative.change",
      severity: "error",
      cells: ["2026年“三公”经费预算15.00万元"],
    },
    {
      id: "sme-share",
      what: "中小企业占政府采购的比例算错",
      from: "占政府采购预算总额的80.00%",
      to: "占政府采购预算总额的85.00%",
      rule: "narrative.share",
      severity: "error",
      cells: ["授予中小企业合同金额"],
    },
    {
      id: "expense-total",
      what: "支出预算与收支总预算不一致（收支不平衡）",
      from: "2026年支出预算3,250.00万元",
      to: "2026年支出预算3,520.00万元",
      rule: "narrative.consistency",
      severity: "error",
      cells: ["2026年支出预算3,520.00万元", "2026年收支总预算"],
    },
    {
      id: "procurement-parts",
      what: "政府采购货物、工程、服务之和不等于总额",
      from: "政府采购工程预算400.00万元",
      to: "政府采购工程预算410.00万元",
      rule: "narrative.parts-sum",
      severity: "error",
      cells: ["政府采购预算总额"],
    },
  ],
};

export const NARRATIVE_DOCS = [HUBEI_FINAL, GUANGDONG_FINAL, SICHUAN_BUDGET];

export function docWorkbook(doc: NarrativeDoc, paragraphs = doc.paragraphs): WorkbookSnapshot {
  return buildWorkbook(`${doc.name}.xlsx`, [{ name: doc.title, rows: paragraphs.map((t) => [t]) }]);
}

/** The document with one plant applied (its `from` must occur in exactly one paragraph). */
export function planted(doc: NarrativeDoc, plant: Plant): string[] {
  const hits = doc.paragraphs.filter((p) => p.includes(plant.from));
  if (hits.length !== 1) throw new Error(`${doc.name}/${plant.id}: “${plant.from}” is in ${hits.length} paragraphs`);
  return doc.paragraphs.map((p) => (p.includes(plant.from) ? p.replace(plant.from, plant.to) : p));
}
