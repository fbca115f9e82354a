/**
 * 表间 relations of the budget set (spec §2, domain notes §2), within one budget
 * set (same family, same year; see sets.ts).
 *
 * Identities (errors): the appropriation income lines of 财务收支预算总表 and
 * 财政拨款收支预算总表; 收入预算总表 合计 (and each column) = 财务收支预算总表 本年收入
 * (and the same line); 支出预算总表 合计 and each class = 财务收支预算总表 本年支出 and
 * its class; each fund column of 财政拨款收支预算总表, per class and in total = that
 * fund's 功能分类预算表; 一般公共预算支出功能分类预算表 基本支出 合计 = 基本支出经济分类
 * 预算表 合计.
 *
 * Relations that only normally hold are warnings (domain notes §2, the warning
 * at the end): 财务收支预算总表 收入总计 ≥ 财政拨款收支预算总表 收入总计 (equal only
 * without 事业收入 and 其他收入), and 支出预算总表 ≥ the 功能分类预算表 per code and
 * column (支出预算总表 also holds non-appropriation money): the checker never
 * asserts the sample-specific equalities 表1 = 表4 or 表3 基本支出 = 表8 合计.
 */
import { formatAmount } from "../../amount/format";
import { FUNCTION_CLASSES } from "../../codes/functional";
import { Finding } from "../../report/finding";
import { BudgetCodedTable } from "../../tables/budget/coded";
import { BudgetSummary, FUNDS, FundKey, INCOME_TITLES, hasExpenseColumn, incomeThisYear, spendingThisYear } from "../../tables/budget/summary";
import { CodedRow, columnTitle, hasColumn, rowByCode } from "../../tables/coded";
import { Line } from "../../tables/sided";
import { AmountCell, refA1, tableLabel } from "../../tables/types";
import { Term } from "../relation";
import { Rule, RuleContext, compact, missingTableCaveat } from "../types";
import { budgetSets, eq, le, nonZero } from "./sets";

const amt = (l: Line | undefined): AmountCell | undefined => l?.cells.amount;

/** Class lines of a summary table and class rows of a coded table, matched by 类 code. */
function classPairs(lines: Line[], table: BudgetCodedTable): { code: string; line?: Line; row?: CodedRow }[] {
  const codes = new Set<string>();
  for (const l of lines) if (l.classCode) codes.add(l.classCode);
  for (const r of table.rows) if (r.level === 1) codes.add(r.code);
  return [...codes].sort().map((code) => ({ code, line: lines.find((l) => l.classCode === code), row: rowByCode(table, code) }));
}

function missingRow(rule: string, present: AmountCell, presentLabel: string, absentTable: string, code: string, severity: "error" | "warning" = "error"): Finding {
  const name = FUNCTION_CLASSES[code]?.name ?? "";
  return {
    rule,
    severity,
    message: `${presentLabel}（${refA1(present.ref)}）为 ${formatAmount(present.amount!)}，但${absentTable}中没有 ${code} ${name} 这一类的行。`,
    cells: [present.ref],
    expected: `${absentTable}应有 ${code} 类`,
    actual: "缺少该行",
    tables: [present.table.id],
  };
}

/** The appropriation figure of a fund on the income side: its own line. */
function fundIncome(t: BudgetSummary, f: FundKey): AmountCell | undefined {
  return amt(t.inc[f]);
}

export const budget01vs04Income: Rule = {
  id: "budget.01-04.income",
  title: "财务收支预算总表的各项财政拨款收入应等于财政拨款收支预算总表的对应收入",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t01 = set.get<BudgetSummary>("budget01");
      const t04 = set.get<BudgetSummary>("budget04");
      if (!t01 || !t04) continue;
      const a = tableLabel(t01);
      const b = tableLabel(t04);
      const pairs = FUNDS.filter((f) => fundIncome(t01, f.key) && fundIncome(t04, f.key));
      for (const f of pairs)
        out.push(eq(ctx, this.id, `${a}“${INCOME_TITLES[f.key]}”应等于${b}同一项收入`, [fundIncome(t01, f.key)!], `${a}${f.short}`, [fundIncome(t04, f.key)!], `${b}${f.short}`));
      const fiscal = amt(t01.inc.fiscal);
      if (pairs.length === 0 && fiscal) {
        // 财务收支预算总表 without fund lines: its 财政拨款收入 = 财政拨款收支预算总表's income this year.
        const total = amt(t04.inc.total);
        const terms = total ? [total] : t04.incomeItems.map((l) => l.cells.amount);
        if (terms.length)
          out.push(eq(ctx, this.id, `${a}“财政拨款收入”应等于${b}本年财政拨款收入`, [fiscal], `${a}财政拨款收入`, terms, `${b}${total ? "本年收入合计" : "各项财政拨款收入之和"}`));
      }
    }
    return compact(out);
  },
};

export const budget01vs04Grand: Rule = {
  id: "budget.01-04.grand",
  title: "财政拨款只是全部资金的一部分：财务收支预算总表收入总计不应小于财政拨款收支预算总表收入总计",
  severity: "warning",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t01 = set.get<BudgetSummary>("budget01");
      const t04 = set.get<BudgetSummary>("budget04");
      const g01 = amt(t01?.inc.grand);
      const g04 = amt(t04?.inc.grand);
      if (!t01 || !t04 || !g01 || !g04) continue;
      out.push(le(ctx, this.id, `${tableLabel(t04)}收入总计不应大于${tableLabel(t01)}收入总计`, [g04], `${tableLabel(t04)}收入总计`, [g01], `${tableLabel(t01)}收入总计`));
    }
    return compact(out);
  },
};

/** 收入预算总表 column ↔ 财务收支预算总表 income line. */
const INCOME_PAIRS: { col: string; line: keyof BudgetSummary["inc"] }[] = [
  { col: "fiscal", line: "fiscal" },
  { col: "gpb", line: "gpb" },
  { col: "govFund", line: "govFund" },
  { col: "soe", line: "soe" },
  { col: "special", line: "special" },
  { col: "unitFunds", line: "unitFunds" },
  { col: "business", line: "business" },
  { col: "operating", line: "operating" },
  { col: "other", line: "other" },
  { col: "carryover", line: "carryover" },
];

export const budget02vs01: Rule = {
  id: "budget.02-01.income",
  title: "收入预算总表合计行应与财务收支预算总表一致：合计＝本年收入，各栏＝同名收入",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t01 = set.get<BudgetSummary>("budget01");
      const t02 = set.get<BudgetCodedTable>("budget02");
      const tot = t02?.total?.cells;
      if (!t01 || !t02 || !tot) continue;
      const a = tableLabel(t02);
      const b = tableLabel(t01);
      // A 收入预算总表 with a 上年结转 column totals 收入总计, else 本年收入.
      const q = hasColumn(t02, "carryover") && t01.inc.grand ? { terms: [t01.inc.grand.cells.amount] as Term[], label: "收入总计" } : incomeThisYear(t01);
      if (tot.total && q) out.push(eq(ctx, this.id, `${a}合计应等于${b}${q.label}`, [tot.total], `${a}合计`, q.terms, `${b}${q.label}`, "error", [tot.total.ref]));
      for (const p of INCOME_PAIRS) {
        const x = tot[p.col];
        let y: Term[] | undefined = amt(t01.inc[p.line]) ? [amt(t01.inc[p.line])!] : undefined;
        if (!y && p.col === "fiscal") {
          const funds = FUNDS.map((f) => amt(t01.inc[f.key])).filter((c): c is AmountCell => !!c);
          if (funds.length) y = funds;
        }
        if (!x || !y) continue;
        const title = columnTitle(t02, p.col);
        out.push(eq(ctx, this.id, `${a}合计行“${title}”应等于${b}“${INCOME_TITLES[p.line]}”`, [x], `${a}${title}`, y, `${b}${INCOME_TITLES[p.line]}`));
      }
    }
    return compact(out);
  },
};

/** 财务收支预算总表 expense column ↔ 支出预算总表 column(s), for the 单位 layout. */
function expensePairs(t01: BudgetSummary, t03: BudgetCodedTable): { a: string; b: string[] }[] {
  const out: { a: string; b: string[] }[] = [{ a: "total", b: ["total"] }];
  const h1 = (k: string) => hasExpenseColumn(t01, k);
  const h3 = (k: string) => hasColumn(t03, k);
  if (h1("project") && h3("project")) out.push({ a: "project", b: ["project"] });
  if (h1("basic") && h3("basic")) out.push({ a: "basic", b: ["basic"] });
  for (const k of ["personnel", "public"]) if (h1(k) && h3(k)) out.push({ a: k, b: [k] });
  if (!h1("basic") && h1("personnel") && h1("public") && h3("basic") && !h3("personnel")) out.push({ a: "personnel+public", b: ["basic"] });
  return out;
}

function cells01(l: Line, key: string): AmountCell[] {
  return key === "personnel+public" ? [l.cells.personnel, l.cells.public] : [l.cells[key]];
}

function title01(key: string): string {
  return ({ total: "", project: "项目支出", basic: "基本支出", personnel: "人员经费", public: "公用经费", "personnel+public": "人员经费＋公用经费" } as Record<string, string>)[key] ?? key;
}

export const budget03vs01: Rule = {
  id: "budget.03-01.expense",
  title: "支出预算总表合计及各类支出应与财务收支预算总表本年支出及各类支出一致",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t01 = set.get<BudgetSummary>("budget01");
      const t03 = set.get<BudgetCodedTable>("budget03");
      if (!t01 || !t03) continue;
      const a = tableLabel(t03);
      const b = tableLabel(t01);
      for (const p of expensePairs(t01, t03)) {
        const col3 = columnTitle(t03, p.b[0]);
        const bt = title01(p.a);
        // Totals: 支出预算总表 合计行 = 财务收支预算总表 本年支出 (per column).
        const tot3 = t03.total?.cells[p.b[0]];
        if (tot3) {
          let q: { terms: Term[]; label: string } | undefined;
          if (p.a === "personnel+public") {
            const qs = [spendingThisYear(t01, "personnel"), spendingThisYear(t01, "public")];
            if (qs[0] && qs[1]) q = { terms: [...qs[0].terms, ...qs[1].terms], label: `${qs[0].label}（人员经费＋公用经费）` };
          } else q = spendingThisYear(t01, p.a);
          if (q) out.push(eq(ctx, this.id, `${a}合计行“${col3}”应等于${b}${q.label}${bt ? `“${bt}”` : ""}`, [tot3], `${a}合计${p.b[0] === "total" ? "" : col3}`, q.terms, `${b}${q.label}${bt}`, "error", [tot3.ref]));
        }
        for (const c of classPairs(t01.classes, t03)) {
          const x = c.row?.cells[p.b[0]];
          const ys = c.line ? cells01(c.line, p.a) : undefined;
          if (x && ys && ys.every((y) => !!y))
            out.push(eq(ctx, this.id, () => `${a} ${c.code} ${c.row!.name}“${col3}”应等于${b}“${c.line!.label.trim()}”${bt}`, [x], `${a} ${c.code}${p.b[0] === "total" ? "" : col3}`, ys, `${b}“${c.line!.label.trim()}”${bt}`));
          else if (p.a === "total" && ys?.[0] && !x && nonZero(ys[0])) out.push(missingRow(this.id, ys[0], `${b}“${c.line!.label.trim()}”`, a, c.code));
          else if (p.a === "total" && x && !c.line && nonZero(x)) out.push(missingRow(this.id, x, `${a} ${c.code} ${c.row!.name}`, b, c.code));
        }
      }
    }
    return compact(out);
  },
};

const FUND_TABLES: { fund: FundKey; template: string; rule: string; name: string }[] = [
  { fund: "gpb", template: "budget05", rule: "budget.04-05.gpb", name: "一般公共预算" },
  { fund: "govFund", template: "budget06", rule: "budget.04-06.gov-fund", name: "政府性基金预算" },
  { fund: "soe", template: "budget07", rule: "budget.04-07.soe", name: "国有资本经营预算" },
];

function fundRule(spec: (typeof FUND_TABLES)[number]): Rule {
  return {
    id: spec.rule,
    title: `财政拨款收支预算总表“${spec.name}”栏（本年支出及各类支出）应等于${spec.name}支出功能分类预算表合计及各类合计`,
    severity: "error",
    family: "budget",
    check(ctx: RuleContext) {
      const out: (Finding | null)[] = [];
      for (const set of budgetSets(ctx)) {
        const t04 = set.get<BudgetSummary>("budget04");
        const tf = set.get<BudgetCodedTable>(spec.template);
        if (!t04 || !hasExpenseColumn(t04, spec.fund)) continue;
        const a = tableLabel(t04);
        const q = spendingThisYear(t04, spec.fund);
        if (!tf) {
          // The fund column has money but its 功能分类预算表 is missing (a missing 一般公共预算
          // table is budget.set.completeness's to report: every department has one).
          if (spec.fund === "gpb") continue;
          const cells = [...(q?.terms ?? []).map((x) => ("sign" in x ? x.cell : x)), fundIncome(t04, spec.fund)].filter(nonZero) as AmountCell[];
          const caveat = missingTableCaveat(ctx);
          if (cells.length)
            out.push({
              rule: spec.rule,
              severity: caveat.severity,
              message: `${a}“${spec.name}”有数（${cells.map((c) => `${refA1(c.ref)} ${formatAmount(c.amount!)}`).join("，")}），但工作簿中没有${spec.name}支出功能分类预算表。${caveat.note}`,
              cells: cells.map((c) => c.ref),
              tables: [t04.id],
            });
          continue;
        }
        const b = tableLabel(tf);
        const tot = tf.total?.cells.total;
        if (q && tot) out.push(eq(ctx, spec.rule, `${a}“${spec.name}”栏${q.label}应等于${b}合计`, q.terms, `${a}${spec.name}${q.label}`, [tot], `${b}合计`));
        for (const c of classPairs(t04.classes, tf)) {
          const x = c.line?.cells[spec.fund];
          const y = c.row?.cells.total;
          if (x && y) out.push(eq(ctx, spec.rule, () => `${a}“${c.line!.label.trim()}”${spec.name}栏应等于${b} ${c.code} 类合计`, [x], `${a}“${c.line!.label.trim()}”${spec.name}`, [y], `${b} ${c.code} ${c.row!.name}`));
          else if (x && !y && nonZero(x)) out.push(missingRow(spec.rule, x, `${a}“${c.line!.label.trim()}”${spec.name}栏`, b, c.code));
          else if (y && !x && nonZero(y)) out.push(missingRow(spec.rule, y, `${b} ${c.code} ${c.row!.name}`, a, c.code));
        }
      }
      return compact(out);
    },
  };
}

export const budget04vs05 = fundRule(FUND_TABLES[0]);
export const budget04vs06 = fundRule(FUND_TABLES[1]);
export const budget04vs07 = fundRule(FUND_TABLES[2]);

/**
 * 财政拨款收支预算总表 支出 = Σ of the three 功能分类预算表 合计. Checked when the
 * 财政拨款收支预算总表 has no column of its own for some fund whose table is
 * present (with all three columns the per-fund rules above already say it).
 */
export const budget04vsFunctionTables: Rule = {
  id: "budget.04-567.total",
  title: "财政拨款收支预算总表本年支出应等于一般公共预算、政府性基金预算、国有资本经营预算三张支出功能分类预算表合计之和",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t04 = set.get<BudgetSummary>("budget04");
      if (!t04) continue;
      const tables = FUND_TABLES.map((f) => ({ f, t: set.get<BudgetCodedTable>(f.template) })).filter((x) => x.t?.total?.cells.total);
      if (tables.length === 0 || tables.every((x) => hasExpenseColumn(t04, x.f.fund))) continue;
      const q = spendingThisYear(t04, "total");
      if (!q) continue;
      out.push(
        eq(ctx, this.id, `${tableLabel(t04)}${q.label}应等于各支出功能分类预算表合计之和`, q.terms, `${tableLabel(t04)}${q.label}`, tables.map((x) => x.t!.total!.cells.total), `${tables.map((x) => tableLabel(x.t!)).join("、")}合计之和`),
      );
    }
    return compact(out);
  },
};

export const budget05vs08: Rule = {
  id: "budget.05-08.basic",
  title: "一般公共预算支出功能分类预算表基本支出合计应等于一般公共预算基本支出经济分类预算表合计",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t05 = set.get<BudgetCodedTable>("budget05");
      const t08 = set.get<BudgetCodedTable>("budget08");
      const x = t05?.total?.cells.basic;
      const y = t08?.total?.cells.total;
      if (!x || !y) continue;
      out.push(eq(ctx, this.id, `${tableLabel(t05!)}合计“基本支出”应等于${tableLabel(t08!)}合计`, [x], `${tableLabel(t05!)}基本支出合计`, [y], `${tableLabel(t08!)}合计`));
    }
    return compact(out);
  },
};

/**
 * 支出预算总表 holds all the money, the 功能分类预算表 only appropriations: per code
 * and per column (基本支出, 项目支出), Σ of the 功能分类预算表 ≤ 支出预算总表.
 */
export const budget03Subset: Rule = {
  id: "budget.03-05.subset",
  title: "财政拨款支出是全部支出的一部分：各支出功能分类预算表同一科目之和不应大于支出预算总表（基本≤基本，项目≤项目）",
  severity: "warning",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const set of budgetSets(ctx)) {
      const t03 = set.get<BudgetCodedTable>("budget03");
      const parts = ["budget05", "budget06", "budget07"].map((id) => set.get<BudgetCodedTable>(id)).filter((t): t is BudgetCodedTable => !!t);
      if (!t03 || parts.length === 0) continue;
      const keys = ["basic", "project"].filter((k) => hasColumn(t03, k) && parts.every((p) => hasColumn(p, k)));
      if (keys.length === 0) keys.push("total");
      const a = tableLabel(t03);
      const codes = new Set<string>(["合计"]);
      for (const p of parts) for (const r of p.rows) codes.add(r.code);
      for (const code of codes) {
        const pick = (t: BudgetCodedTable) => (code === "合计" ? t.total : rowByCode(t, code));
        const rows = parts.map((p) => ({ p, r: pick(p) })).filter((x): x is { p: BudgetCodedTable; r: CodedRow } => !!x.r);
        const r3 = pick(t03);
        const name = code === "合计" ? "合计" : `${code} ${rows[0]?.r.name ?? ""}`;
        if (!r3) {
          const c = rows.map((x) => x.r.cells.total).find(nonZero);
          if (c)
            out.push({ rule: this.id, severity: "warning", message: `${tableLabel(c.table)} ${name}（${refA1(c.ref)}）为 ${formatAmount(c.amount!)}，但${a}没有这一科目。`, cells: [c.ref], tables: [c.table.id] });
          continue;
        }
        for (const k of keys) {
          const title = columnTitle(t03, k);
          const small = rows.map((x) => x.r.cells[k]);
          if (small.length === 0) continue;
          const smallLabel = rows.length === 1 ? `${tableLabel(rows[0].p)}${title}` : `${rows.map((x) => tableLabel(x.p)).join("、")}${title}之和`;
          out.push(le(ctx, this.id, () => `${name}“${title}”：各支出功能分类预算表不应大于${a}`, small, smallLabel, [r3.cells[k]], `${a}${title}`));
        }
      }
    }
    return compact(out);
  },
};

export const CROSS_BUDGET_RULES: Rule[] = [
  budget01vs04Income,
  budget01vs04Grand,
  budget02vs01,
  budget03vs01,
  budget04vs05,
  budget04vs06,
  budget04vs07,
  budget04vsFunctionTables,
  budget05vs08,
  budget03Subset,
];

