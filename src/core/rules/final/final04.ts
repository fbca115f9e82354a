/** 公开04表 财政拨款收入支出决算总表: intra-table relations (spec §1). */
import { Finding } from "../../report/finding";
import { SidedTable, linesBefore } from "../../tables/sided";
import { AmountCell } from "../../tables/types";
import { checkRelation, sumEquals } from "../relation";
import { Rule, compact } from "../types";

const FUNDS = [
  { key: "gpb", title: "一般公共预算财政拨款" },
  { key: "govFund", title: "政府性基金预算财政拨款" },
  { key: "soe", title: "国有资本经营预算财政拨款" },
] as const;

function cell(t: SidedTable, side: "income" | "expense", key: string, col = "amount"): AmountCell | undefined {
  return t[side].byKey.get(key)?.cells[col];
}

export const final04RowSum: Rule = {
  id: "final.04.row-sum",
  title: "财政拨款收入支出决算总表：支出各行合计应等于三类财政拨款之和",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SidedTable>("final04")) {
      for (const l of t.expense.lines) {
        const total = l.cells.total;
        const items = FUNDS.map((f) => l.cells[f.key]).filter((x): x is AmountCell => !!x);
        if (!total || items.length === 0) continue;
        const f = sumEquals(ctx, this.id, `公开04表“${l.label}”：合计应等于一般公共预算、政府性基金预算、国有资本经营预算财政拨款之和`, total, "合计", items, "三类财政拨款之和");
        if (f) out.push(f);
      }
    }
    return out;
  },
};

export const final04IncomeTotal: Rule = {
  id: "final.04.income-total",
  title: "财政拨款收入支出决算总表：本年收入合计应等于三类财政拨款收入之和；年初财政拨款结转和结余应等于其三个分项之和",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SidedTable>("final04")) {
      const total = cell(t, "income", "total");
      if (total) {
        const items = linesBefore(t.income, "total").map((l) => l.cells.amount);
        if (items.length) out.push(...compact([sumEquals(ctx, this.id, "公开04表：本年收入合计应等于三类财政拨款收入之和", total, "本年收入合计", items, "三类财政拨款收入之和")]));
      }
      const begin = cell(t, "income", "beginBalance");
      const subs = FUNDS.map((f) => cell(t, "income", `beginBalance.${f.key}`)).filter((x): x is AmountCell => !!x);
      if (begin && subs.length) {
        out.push(...compact([sumEquals(ctx, this.id, "公开04表：年初财政拨款结转和结余应等于其三个分项之和", begin, "年初财政拨款结转和结余", subs, "三个分项之和")]));
      }
    }
    return out;
  },
};

export const final04Grand: Rule = {
  id: "final.04.grand",
  title: "财政拨款收入支出决算总表：收入总计＝本年收入合计＋年初结转和结余；支出总计＝本年支出合计＋年末结转和结余；收入总计＝支出总计",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SidedTable>("final04")) {
      const ig = cell(t, "income", "grand");
      const it = cell(t, "income", "total");
      const ib = cell(t, "income", "beginBalance");
      if (ig && it) {
        out.push(...compact([sumEquals(ctx, this.id, "公开04表：收入总计应等于本年收入合计与年初财政拨款结转和结余之和", ig, "收入总计", [it, ...(ib ? [ib] : [])], "本年收入合计＋年初财政拨款结转和结余")]));
      }
      for (const col of ["total", ...FUNDS.map((f) => f.key)]) {
        const eg = cell(t, "expense", "grand", col);
        const et = cell(t, "expense", "total", col);
        const ee = cell(t, "expense", "endBalance", col);
        if (!eg || !et || eg.amount?.blank) continue;
        const colTitle = col === "total" ? "合计" : FUNDS.find((f) => f.key === col)!.title;
        out.push(...compact([sumEquals(ctx, this.id, `公开04表“${colTitle}”栏：支出总计应等于本年支出合计与年末财政拨款结转和结余之和`, eg, "支出总计", [et, ...(ee ? [ee] : [])], "本年支出合计＋年末财政拨款结转和结余")]));
      }
      const eg = cell(t, "expense", "grand", "total");
      if (ig && eg) out.push(...compact([sumEquals(ctx, this.id, "公开04表：收入总计应等于支出总计", ig, "收入总计", [eg], "支出总计")]));
    }
    return out;
  },
};

export const final04ExpenseTotal: Rule = {
  id: "final.04.expense-total",
  title: "财政拨款收入支出决算总表：本年支出合计应等于各类支出之和（每一栏）",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SidedTable>("final04")) {
      const classes = linesBefore(t.expense, "total");
      if (classes.length === 0) continue;
      for (const c of t.expense.columns) {
        const total = cell(t, "expense", "total", c.key);
        if (!total) continue;
        out.push(...compact([sumEquals(ctx, this.id, `公开04表“${c.title}”栏：本年支出合计应等于各类支出之和`, total, "本年支出合计", classes.map((l) => l.cells[c.key]), "各类支出之和")]));
      }
    }
    return out;
  },
};

export const final04FundBalance: Rule = {
  id: "final.04.fund-balance",
  title: "财政拨款收入支出决算总表：每类财政拨款的年初结转和结余＋本年收入＝本年支出＋年末结转和结余",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SidedTable>("final04")) {
      for (const f of FUNDS) {
        const begin = cell(t, "income", `beginBalance.${f.key}`);
        const income = cell(t, "income", f.key);
        const spent = cell(t, "expense", "total", f.key);
        const end = cell(t, "expense", "endBalance", f.key);
        if (!income || !spent) continue;
        const r = checkRelation(ctx, {
          rule: this.id,
          severity: "error",
          kind: "eq",
          statement: `公开04表${f.title}：年初结转和结余＋本年收入应等于本年支出＋年末结转和结余`,
          lhs: { terms: [...(begin ? [begin] : []), income], label: begin ? "年初结转和结余＋本年收入" : "本年收入" },
          rhs: { terms: [spent, ...(end ? [end] : [])], label: end ? "本年支出＋年末结转和结余" : "本年支出" },
        });
        if (r) out.push(r);
      }
    }
    return out;
  },
};

export const FINAL04_RULES = [final04RowSum, final04IncomeTotal, final04Grand, final04ExpenseTotal, final04FundBalance];
