/**
 * 表间 relations of the final-accounts set (spec §1). Equalities are errors;
 * the "part of a whole" inequalities (05 ≤ 03, 07 ≥ 06, 04 ≤ 01) are warnings.
 */
import { Finding } from "../../report/finding";
import { CodedTable, rowByCode } from "../../tables/coded";
import { Basic06Table } from "../../tables/final/basic06";
import { SangongTable } from "../../tables/sangong";
import { Line, SidedTable } from "../../tables/sided";
import { AmountCell, refA1 } from "../../tables/types";
import { formatAmount } from "../../amount/format";
import { FUNCTION_CLASSES } from "../../codes/functional";
import { atMost, equals, sumEquals } from "../relation";
import { Rule, RuleContext, compact, missingTableCaveat } from "../types";

const a = (l: Line | undefined, col = "amount"): AmountCell | undefined => l?.cells[col];

function nonZero(c: AmountCell | undefined): boolean {
  return !!c?.amount && !c.amount.value.isZero();
}

export const final02vs01: Rule = {
  id: "final.02-01.totals",
  title: "收入决算表合计行应与收入支出决算总表各项收入一致",
  severity: "error",
  family: "final",
  check(ctx) {
    const t01 = ctx.one<SidedTable>("final01");
    const t02 = ctx.one<CodedTable>("final02");
    if (!t01 || !t02?.total) return [];
    const by = t01.income.byKey;
    const tot = t02.total.cells;
    const out: (Finding | null)[] = [];
    if (tot.total && a(by.get("total"))) out.push(equals(ctx, this.id, "公开02表合计“本年收入合计”应等于公开01表“本年收入合计”", tot.total, "公开02表本年收入合计", a(by.get("total"))!, "公开01表本年收入合计"));
    if (tot.fiscal) {
      const fiscal = a(by.get("fiscal"));
      const parts = ["gpb", "govFund", "soe"].map((k) => a(by.get(k))).filter((x): x is AmountCell => !!x);
      if (fiscal) out.push(equals(ctx, this.id, "公开02表合计“财政拨款收入”应等于公开01表“财政拨款收入”", tot.fiscal, "公开02表财政拨款收入", fiscal, "公开01表财政拨款收入"));
      else if (parts.length) out.push(sumEquals(ctx, this.id, "公开02表合计“财政拨款收入”应等于公开01表一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入之和", tot.fiscal, "公开02表财政拨款收入", parts, "公开01表三类财政拨款收入之和"));
    }
    const pairs: [string, string][] = [
      ["upper", "上级补助收入"],
      ["business", "事业收入"],
      ["operating", "经营收入"],
      ["affiliated", "附属单位上缴收入"],
      ["other", "其他收入"],
    ];
    for (const [k, name] of pairs) {
      const x = tot[k];
      const y = a(by.get(k));
      if (x && y) out.push(equals(ctx, this.id, `公开02表合计“${name}”应等于公开01表“${name}”`, y, `公开01表${name}`, x, `公开02表合计${name}`));
    }
    return compact(out);
  },
};

/** Class rows of a coded table and class lines of a sided table, matched by code. */
function classPairs(lines: Line[], table: CodedTable): { line?: Line; row?: ReturnType<typeof rowByCode>; code: string }[] {
  const codes = new Set<string>();
  for (const l of lines) if (l.classCode) codes.add(l.classCode);
  for (const r of table.rows) if (r.level === 1) codes.add(r.code);
  return [...codes].map((code) => ({ code, line: lines.find((l) => l.classCode === code), row: rowByCode(table, code) }));
}

function missingRowFinding(ruleId: string, present: AmountCell, presentLabel: string, absentTable: string, code: string): Finding {
  const name = FUNCTION_CLASSES[code]?.name ?? "";
  return {
    rule: ruleId,
    severity: "error",
    message: `${presentLabel}（${refA1(present.ref)}）为 ${formatAmount(present.amount!)}，但${absentTable}中没有 ${code} ${name} 这一类的行。`,
    cells: [present.ref],
    expected: `${absentTable}应有 ${code} 类`,
    actual: "缺少该行",
    tables: [present.table.id],
  };
}

export const final03vs01: Rule = {
  id: "final.03-01.totals",
  title: "支出决算表合计及各类支出应与收入支出决算总表一致",
  severity: "error",
  family: "final",
  check(ctx) {
    const t01 = ctx.one<SidedTable>("final01");
    const t03 = ctx.one<CodedTable>("final03");
    if (!t01 || !t03) return [];
    const out: (Finding | null)[] = [];
    const total01 = a(t01.expense.byKey.get("total"));
    if (t03.total?.cells.total && total01) out.push(equals(ctx, this.id, "公开03表合计“本年支出合计”应等于公开01表“本年支出合计”", t03.total.cells.total, "公开03表本年支出合计", total01, "公开01表本年支出合计"));
    for (const p of classPairs(t01.expense.lines, t03)) {
      const l = a(p.line);
      const r = p.row?.cells.total;
      if (l && r) out.push(equals(ctx, this.id, `公开03表 ${p.code} 类本年支出合计应等于公开01表“${p.line!.label}”`, r, `公开03表 ${p.code} ${p.row!.name}`, l, `公开01表“${p.line!.label}”`));
      else if (l && !r && nonZero(l)) out.push(missingRowFinding(this.id, l, `公开01表“${p.line!.label}”`, "公开03表", p.code));
      else if (r && !l && nonZero(r)) out.push(missingRowFinding(this.id, r, `公开03表 ${p.code} ${p.row!.name}`, "公开01表", p.code));
    }
    return compact(out);
  },
};

export const final04vs01: Rule = {
  id: "final.04-01.income",
  title: "财政拨款收入支出决算总表的三类财政拨款收入应与收入支出决算总表一致",
  severity: "error",
  family: "final",
  check(ctx) {
    const t01 = ctx.one<SidedTable>("final01");
    const t04 = ctx.one<SidedTable>("final04");
    if (!t01 || !t04) return [];
    const out: (Finding | null)[] = [];
    const names: Record<string, string> = { gpb: "一般公共预算财政拨款", govFund: "政府性基金预算财政拨款", soe: "国有资本经营预算财政拨款" };
    const fiscal01 = a(t01.income.byKey.get("fiscal"));
    if (fiscal01) {
      const total04 = a(t04.income.byKey.get("total"));
      if (total04) out.push(equals(ctx, this.id, "公开04表本年收入合计应等于公开01表财政拨款收入", total04, "公开04表本年收入合计", fiscal01, "公开01表财政拨款收入"));
    } else {
      for (const k of Object.keys(names)) {
        const x = a(t04.income.byKey.get(k));
        const y = a(t01.income.byKey.get(k));
        if (x && y) out.push(equals(ctx, this.id, `公开04表“${names[k]}”收入应等于公开01表“${names[k]}收入”`, x, `公开04表${names[k]}`, y, `公开01表${names[k]}收入`));
      }
    }
    return compact(out);
  },
};

export const final04vs01Bounds: Rule = {
  id: "final.04-01.bounds",
  title: "财政拨款只是全部资金的一部分：公开04表的年初、年末结转和结余及总计不应大于公开01表",
  severity: "warning",
  family: "final",
  check(ctx) {
    const t01 = ctx.one<SidedTable>("final01");
    const t04 = ctx.one<SidedTable>("final04");
    if (!t01 || !t04) return [];
    const out: (Finding | null)[] = [];
    const end04 = a(t04.expense.byKey.get("endBalance"), "total");
    const end01 = a(t01.expense.byKey.get("endBalance"));
    if (end04 && end01) out.push(atMost(ctx, this.id, "公开04表年末财政拨款结转和结余不应大于公开01表年末结转和结余", [end04], "公开04表年末财政拨款结转和结余", [end01], "公开01表年末结转和结余"));
    const begin04 = a(t04.income.byKey.get("beginBalance"));
    const begin01 = a(t01.income.byKey.get("beginBalance"));
    if (begin04 && begin01) out.push(atMost(ctx, this.id, "公开04表年初财政拨款结转和结余不应大于公开01表年初结转和结余", [begin04], "公开04表年初财政拨款结转和结余", [begin01], "公开01表年初结转和结余"));
    const g04 = a(t04.income.byKey.get("grand"));
    const g01 = a(t01.income.byKey.get("grand"));
    if (g04 && g01) out.push(atMost(ctx, this.id, "公开04表总计不应大于公开01表总计", [g04], "公开04表总计", [g01], "公开01表总计"));
    return compact(out);
  },
};

export const final04vs05: Rule = {
  id: "final.04-05.gpb",
  title: "财政拨款收入支出决算总表“一般公共预算财政拨款”栏应与一般公共预算财政拨款支出决算表一致",
  severity: "error",
  family: "final",
  check(ctx) {
    const t04 = ctx.one<SidedTable>("final04");
    const t05 = ctx.one<CodedTable>("final05");
    if (!t04 || !t05) return [];
    const out: (Finding | null)[] = [];
    const total04 = a(t04.expense.byKey.get("total"), "gpb");
    if (total04 && t05.total?.cells.total) out.push(equals(ctx, this.id, "公开04表一般公共预算财政拨款本年支出合计应等于公开05表合计", total04, "公开04表一般公共预算财政拨款本年支出合计", t05.total.cells.total, "公开05表合计"));
    for (const p of classPairs(t04.expense.lines, t05)) {
      const l = a(p.line, "gpb");
      const r = p.row?.cells.total;
      if (l && r) out.push(equals(ctx, this.id, `公开04表“${p.line!.label}”一般公共预算财政拨款应等于公开05表 ${p.code} 类小计`, l, `公开04表“${p.line!.label}”一般公共预算财政拨款`, r, `公开05表 ${p.code} ${p.row!.name}`));
      else if (l && !r && nonZero(l)) out.push(missingRowFinding(this.id, l, `公开04表“${p.line!.label}”一般公共预算财政拨款`, "公开05表", p.code));
      else if (r && !l && nonZero(r)) out.push(missingRowFinding(this.id, r, `公开05表 ${p.code} ${p.row!.name}`, "公开04表", p.code));
    }
    return compact(out);
  },
};

const LABEL05: Record<string, string> = { total: "公开05表合计", basic: "公开05表基本支出", project: "公开05表项目支出" };
const LABEL03: Record<string, string> = { total: "公开03表合计", basic: "公开03表基本支出", project: "公开03表项目支出" };

export const final05vs03: Rule = {
  id: "final.05-03.subset",
  title: "一般公共预算财政拨款支出是全部支出的一部分：公开05表各科目不应大于公开03表（基本≤基本，项目≤项目）",
  severity: "warning",
  family: "final",
  check(ctx) {
    const t03 = ctx.one<CodedTable>("final03");
    const t05 = ctx.one<CodedTable>("final05");
    if (!t03 || !t05) return [];
    const out: (Finding | null)[] = [];
    // 小计 ≤ 合计 is not checked on its own: it follows from 基本 ≤ 基本, 项目 ≤ 项目
    // and the row sums of both tables, which are checked (saves a third of the relations).
    const pairs: [string, string][] = [
      ["basic", "基本支出"],
      ["project", "项目支出"],
    ];
    const rows = [...(t05.total ? [t05.total] : []), ...t05.rows];
    for (const r5 of rows) {
      const r3 = r5.kind === "total" ? t03.total : rowByCode(t03, r5.code);
      const name = (): string => (r5.kind === "total" ? "合计" : `${r5.code} ${r5.name}`);
      if (!r3) {
        const c = r5.cells.total;
        if (nonZero(c))
          out.push({ rule: this.id, severity: "warning", message: `公开05表 ${name()}（${refA1(c.ref)}）为 ${formatAmount(c.amount!)}，但公开03表没有这一科目。`, cells: [c.ref], tables: [t05.id] });
        continue;
      }
      for (const [k, kn] of pairs) {
        const x = r5.cells[k];
        const y = r3.cells[k];
        if (x && y) out.push(atMost(ctx, this.id, () => `公开05表 ${name()}“${kn}”不应大于公开03表同一科目`, [x], LABEL05[k], [y], LABEL03[k]));
      }
    }
    return compact(out);
  },
};

export const final05vs06: Rule = {
  id: "final.05-06.basic",
  title: "一般公共预算财政拨款基本支出合计应等于公开06表人员经费合计与公用经费合计之和",
  severity: "error",
  family: "final",
  check(ctx) {
    const t05 = ctx.one<CodedTable>("final05");
    const t06 = ctx.one<Basic06Table>("final06");
    if (!t05?.total?.cells.basic || !t06?.personnelTotal || !t06.publicTotal) return [];
    return compact([
      sumEquals(ctx, this.id, "公开05表合计“基本支出”应等于公开06表人员经费合计与公用经费合计之和", t05.total.cells.basic, "公开05表基本支出合计", [t06.personnelTotal, t06.publicTotal], "公开06表人员经费合计＋公用经费合计"),
    ]);
  },
};

export const final07vs06: Rule = {
  id: "final.07-06.items",
  title: "“三公”经费决算数一般不小于公开06表对应经济科目（07表还含项目支出和结转资金）",
  severity: "warning",
  family: "final",
  check(ctx) {
    const t07 = ctx.one<SangongTable>("final07");
    const t06 = ctx.one<Basic06Table>("final06");
    const f = t07?.groups.final;
    if (!f || !t06) return [];
    const pairs: [keyof typeof f, string, string][] = [
      ["abroad", "30212", "因公出国(境)费"],
      ["carRun", "30231", "公务用车运行维护费"],
      ["reception", "30217", "公务接待费"],
      ["carPurchase", "31013", "公务用车购置"],
    ];
    const out: (Finding | null)[] = [];
    for (const [k, code, name] of pairs) {
      const x = f[k];
      const item = t06.items.find((i) => i.code === code);
      if (!x || !item) continue;
      out.push(atMost(ctx, this.id, `公开06表 ${code} ${name}不应大于公开07表${name}决算数`, [item.amount], `公开06表 ${code}`, [x], `公开07表决算数`));
    }
    return compact(out);
  },
};

function fundRule(id: string, template: "final08" | "final09", fund: "govFund" | "soe", code: string, fundName: string): Rule {
  return {
    id,
    title: `${code}应与公开04表“${fundName}”各栏一致（本年收入、年初和年末结转结余、本年支出及各类支出）`,
    severity: "error",
    family: "final",
    check(ctx: RuleContext) {
      const t04 = ctx.one<SidedTable>("final04");
      const tf = ctx.one<CodedTable>(template);
      const out: (Finding | null)[] = [];
      if (!t04) return [];
      if (!tf) {
        // 04 has money in this fund but the table is missing.
        const cells = [a(t04.income.byKey.get(fund)), a(t04.expense.byKey.get("total"), fund)].filter(nonZero) as AmountCell[];
        const caveat = missingTableCaveat(ctx);
        if (cells.length)
          out.push({
            rule: id,
            severity: caveat.severity,
            message: `公开04表“${fundName}”有数（${cells.map((c) => `${refA1(c.ref)} ${formatAmount(c.amount!)}`).join("，")}），但工作簿中没有${code}。${caveat.note}`,
            cells: cells.map((c) => c.ref),
            tables: [t04.id],
          });
        return compact(out);
      }
      const tot = tf.total?.cells;
      const pairs: [string, AmountCell | undefined, string][] = [
        ["income", a(t04.income.byKey.get(fund)), "本年收入"],
        ["begin", a(t04.income.byKey.get(`beginBalance.${fund}`)), "年初结转和结余"],
        ["expense", a(t04.expense.byKey.get("total"), fund), "本年支出"],
        ["end", a(t04.expense.byKey.get("endBalance"), fund), "年末结转和结余"],
      ];
      for (const [k, c04, name] of pairs) {
        const x = tot?.[k];
        if (x && c04) out.push(equals(ctx, id, `${code}合计“${name}”应等于公开04表${fundName}${name}`, x, `${code}${name}`, c04, `公开04表${fundName}${name}`));
      }
      for (const p of classPairs(t04.expense.lines, tf)) {
        const l = a(p.line, fund);
        const r = p.row?.cells.expense;
        if (l && r) out.push(equals(ctx, id, `${code} ${p.code} 类本年支出应等于公开04表“${p.line!.label}”${fundName}`, r, `${code} ${p.code}`, l, `公开04表“${p.line!.label}”`));
        else if (l && !r && nonZero(l)) out.push(missingRowFinding(id, l, `公开04表“${p.line!.label}”${fundName}`, code, p.code));
      }
      return compact(out);
    },
  };
}

export const final08vs04 = fundRule("final.08-04.fund", "final08", "govFund", "公开08表", "政府性基金预算财政拨款");
export const final09vs04 = fundRule("final.09-04.fund", "final09", "soe", "公开09表", "国有资本经营预算财政拨款");

export const finalProjectVs03: Rule = {
  id: "final.project-03.total",
  title: "项目收入支出决算表本年支出合计应等于公开03表项目支出合计",
  severity: "error",
  family: "final",
  check(ctx) {
    const tp = ctx.one<CodedTable>("finalProject");
    const t03 = ctx.one<CodedTable>("final03");
    if (!tp?.total?.cells.expense || !t03?.total?.cells.project) return [];
    return compact([equals(ctx, this.id, "项目收入支出决算表本年支出合计应等于公开03表项目支出合计", tp.total.cells.expense, "项目收入支出决算表本年支出合计", t03.total.cells.project, "公开03表项目支出合计")]);
  },
};

export const finalGpbProjectVs05: Rule = {
  id: "final.gpb-project-05.codes",
  title: "一般公共预算财政拨款项目支出决算表各科目应等于公开05表项目支出",
  severity: "error",
  family: "final",
  check(ctx) {
    const tp = ctx.one<CodedTable>("finalGpbProject");
    const t05 = ctx.one<CodedTable>("final05");
    if (!tp || !t05) return [];
    const out: (Finding | null)[] = [];
    if (tp.total?.cells.total && t05.total?.cells.project) out.push(equals(ctx, this.id, "一般公共预算财政拨款项目支出决算表合计应等于公开05表项目支出合计", tp.total.cells.total, "项目支出决算表合计", t05.total.cells.project, "公开05表项目支出合计"));
    for (const r of tp.rows) {
      const r5 = rowByCode(t05, r.code);
      if (r5?.cells.project && r.cells.total) out.push(equals(ctx, this.id, `一般公共预算财政拨款项目支出决算表 ${r.code} 应等于公开05表同一科目的项目支出`, r.cells.total, `项目支出决算表 ${r.code}`, r5.cells.project, `公开05表 ${r.code} 项目支出`));
    }
    return compact(out);
  },
};

export const CROSS_FINAL_RULES = [
  final02vs01,
  final03vs01,
  final04vs01,
  final04vs01Bounds,
  final04vs05,
  final05vs03,
  final05vs06,
  final07vs06,
  final08vs04,
  final09vs04,
  finalProjectVs03,
  finalGpbProjectVs05,
];
