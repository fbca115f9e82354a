/** Row and hierarchy sums of the coded final-accounts tables (公开02/03/05/08/09表 and the 项目 tables). */
import { hierarchyRule, rowSumRule } from "../coded";

export const final02RowSum = rowSumRule({
  id: "final.02.row-sum",
  template: "final02",
  title: "收入决算表：每行本年收入合计应等于各项收入之和",
  total: "total",
  items: ["fiscal", "upper", "business", "operating", "affiliated", "other"].map((key) => ({ key })),
});

export const final02Hierarchy = hierarchyRule({
  id: "final.02.hierarchy",
  template: "final02",
  title: "收入决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和（每一栏）",
});

export const final03RowSum = rowSumRule({
  id: "final.03.row-sum",
  template: "final03",
  title: "支出决算表：每行本年支出合计应等于基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和",
  total: "total",
  items: ["basic", "project", "upper", "operating", "subsidiary"].map((key) => ({ key })),
});

export const final03Hierarchy = hierarchyRule({
  id: "final.03.hierarchy",
  template: "final03",
  title: "支出决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和（每一栏）",
});

export const final05RowSum = rowSumRule({
  id: "final.05.row-sum",
  template: "final05",
  title: "一般公共预算财政拨款支出决算表：每行小计应等于基本支出与项目支出之和",
  total: "total",
  items: [{ key: "basic" }, { key: "project" }],
});

export const final05Hierarchy = hierarchyRule({
  id: "final.05.hierarchy",
  template: "final05",
  title: "一般公共预算财政拨款支出决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和（每一栏）",
});

export const final08RowSum = rowSumRule({
  id: "final.08.row-sum",
  template: "final08",
  title: "政府性基金预算财政拨款收入支出决算表：本年支出＝基本支出＋项目支出",
  total: "expense",
  items: [{ key: "basic" }, { key: "project" }],
});

export const final08Balance = rowSumRule({
  id: "final.08.balance",
  template: "final08",
  title: "政府性基金预算财政拨款收入支出决算表：年末结转和结余＝年初结转和结余＋本年收入－本年支出",
  total: "end",
  items: [{ key: "begin" }, { key: "income" }, { key: "expense", sign: -1 }],
});

export const final08Hierarchy = hierarchyRule({
  id: "final.08.hierarchy",
  template: "final08",
  title: "政府性基金预算财政拨款收入支出决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和",
});

export const final09RowSum = rowSumRule({
  id: "final.09.row-sum",
  template: "final09",
  title: "国有资本经营预算财政拨款支出决算表：本年支出＝基本支出＋项目支出",
  total: "expense",
  items: [{ key: "basic" }, { key: "project" }],
});

export const final09Balance = rowSumRule({
  id: "final.09.balance",
  template: "final09",
  title: "国有资本经营预算财政拨款收入支出决算表：年末结转和结余＝年初结转和结余＋本年收入－本年支出",
  total: "end",
  items: [{ key: "begin" }, { key: "income" }, { key: "expense", sign: -1 }],
});

export const final09Hierarchy = hierarchyRule({
  id: "final.09.hierarchy",
  template: "final09",
  title: "国有资本经营预算财政拨款支出决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和",
});

export const finalProjectHierarchy = hierarchyRule({
  id: "final.project.hierarchy",
  template: "finalProject",
  title: "项目收入支出决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和",
});

export const finalProjectBalance = rowSumRule({
  id: "final.project.balance",
  template: "finalProject",
  title: "项目收入支出决算表：年末结转和结余＝年初结转和结余＋本年收入－本年支出",
  total: "end",
  items: [{ key: "begin" }, { key: "income" }, { key: "expense", sign: -1 }],
});

export const finalGpbProjectHierarchy = hierarchyRule({
  id: "final.gpb-project.hierarchy",
  template: "finalGpbProject",
  title: "一般公共预算财政拨款项目支出决算表：合计＝各类之和，类＝其下各款之和，款＝其下各项之和",
});

export const CODED_FINAL_RULES = [
  final02RowSum,
  final02Hierarchy,
  final03RowSum,
  final03Hierarchy,
  final05RowSum,
  final05Hierarchy,
  final08RowSum,
  final08Balance,
  final08Hierarchy,
  final09RowSum,
  final09Balance,
  final09Hierarchy,
  finalProjectHierarchy,
  finalProjectBalance,
  finalGpbProjectHierarchy,
];
