/**
 * 公开01表 收入支出决算总表 and 公开04表 财政拨款收入支出决算总表: label dictionaries.
 */
import { ParseFailure, TemplateInfo } from "../base";
import { RegionContext } from "../header";
import { SidedTable, parseSided } from "../sided";

export const FINAL01: TemplateInfo = { id: "final01", code: "公开01表", name: "收入支出决算总表", family: "final", defaultUnit: "万元" };
export const FINAL04: TemplateInfo = { id: "final04", code: "公开04表", name: "财政拨款收入支出决算总表", family: "final", defaultUnit: "万元" };

/** Income line labels of 公开01表 (numbering already removed). */
export function classifyIncome01(l: string): string {
  if (/^一般公共预算(财政)?拨款(收入)?$/.test(l)) return "gpb";
  if (/^政府性基金预算(财政)?拨款(收入)?$/.test(l)) return "govFund";
  if (/^国有资本经营(预算)?(财政)?拨款(收入)?$/.test(l)) return "soe";
  if (/^财政拨款收入$/.test(l)) return "fiscal";
  if (/上级补助收入/.test(l)) return "upper";
  if (/^事业收入/.test(l)) return "business";
  if (/^经营收入/.test(l)) return "operating";
  if (/附属单位上缴收入/.test(l)) return "affiliated";
  if (/^其他收入/.test(l)) return "other";
  if (/^(本年)?收入合计$|^本年收入$/.test(l)) return "total";
  if (/使用非财政拨款结余/.test(l)) return "useBalance";
  if (/年初(财政拨款)?结转和?结余/.test(l)) return "beginBalance";
  if (/^(收入)?总计$/.test(l)) return "grand";
  return "item";
}

export function classifyExpense01(l: string): string {
  if (/^(本年)?支出合计$|^本年支出$/.test(l)) return "total";
  if (/^结余分配$/.test(l)) return "distribution";
  if (/年末(财政拨款)?结转和?结余/.test(l)) return "endBalance";
  if (/^(支出)?总计$/.test(l)) return "grand";
  return "item";
}

export function parseFinal01(ctx: RegionContext): SidedTable | ParseFailure {
  return parseSided(
    ctx,
    FINAL01,
    { classify: (l) => classifyIncome01(l), columns: [{ key: "amount", title: "决算数", match: () => true }] },
    { classify: (l) => classifyExpense01(l), classLines: true, columns: [{ key: "amount", title: "决算数", match: () => true }] },
  );
}

/** 04表 income: three fund lines, 本年收入合计, 年初财政拨款结转和结余 with three sub-lines, 总计. */
export function classifyIncome04(l: string, section: string): string {
  if (/^一般公共预算(财政)?拨款(收入)?$/.test(l)) return "gpb";
  if (/^政府性基金预算(财政)?拨款(收入)?$/.test(l)) return "govFund";
  if (/^国有资本经营(预算)?(财政)?拨款(收入)?$/.test(l)) return "soe";
  if (/^(本年)?收入合计$|^本年收入$/.test(l)) return "total";
  if (/年初(财政拨款)?结转和?结余/.test(l)) return "beginBalance";
  if (/^(收入)?总计$/.test(l)) return "grand";
  void section;
  return "item";
}

export const FUND_COLUMNS = [
  { key: "total", title: "合计", match: (l: string) => /合计|小计/.test(l.split("/").pop()!) },
  { key: "gpb", title: "一般公共预算财政拨款", match: (l: string) => /一般公共预算/.test(l) },
  { key: "govFund", title: "政府性基金预算财政拨款", match: (l: string) => /政府性基金/.test(l) },
  { key: "soe", title: "国有资本经营预算财政拨款", match: (l: string) => /国有资本经营/.test(l) },
];

export function parseFinal04(ctx: RegionContext): SidedTable | ParseFailure {
  return parseSided(
    ctx,
    FINAL04,
    {
      classify: classifyIncome04,
      columns: [{ key: "amount", title: "金额", match: () => true }],
      sections: { beginBalance: "beginBalance" },
      sectionKeys: { beginBalance: ["gpb", "govFund", "soe"] },
    },
    {
      classify: (l) => {
        const k = classifyExpense01(l);
        return k === "distribution" ? "item" : k;
      },
      classLines: true,
      columns: FUND_COLUMNS,
    },
  );
}
