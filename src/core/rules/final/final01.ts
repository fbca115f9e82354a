/** 公开01表 收入支出决算总表: intra-table relations (spec §1). */
import { formatNumber } from "../../amount/format";
import { intervalOf } from "../../amount/amount";
import { Decimal, ZERO } from "../../amount/decimal";
import { Interval, sumIntervals } from "../../amount/interval";
import { Finding } from "../../report/finding";
import { Line, SidedTable, linesBefore } from "../../tables/sided";
import { AmountCell, refA1 } from "../../tables/types";
import { CodedTable } from "../../tables/coded";
import { sumEquals } from "../relation";
import { Rule, RuleContext, compact } from "../types";

const amt = (l: Line | undefined) => l?.cells.amount;

export const INCOME_KEYS = ["gpb", "govFund", "soe", "fiscal", "upper", "business", "operating", "affiliated", "other"];

export const final01IncomeTotal: Rule = {
  id: "final.01.income-total",
  title: "收入支出决算总表：本年收入合计应等于各项收入之和",
  severity: "error",
  family: "final",
  check(ctx: RuleContext): Finding[] {
    return ctx.all<SidedTable>("final01").flatMap((t) => {
      const total = amt(t.income.byKey.get("total"));
      if (!total) return [];
      const items = linesBefore(t.income, "total").map((l) => l.cells.amount);
      if (items.length === 0) return [];
      return compact([sumEquals(ctx, this.id, "公开01表：本年收入合计应等于各项收入之和", total, "本年收入合计", items, "各项收入之和")]);
    });
  },
};

export const final01IncomeGrand: Rule = {
  id: "final.01.income-grand",
  title: "收入支出决算总表：收入总计应等于本年收入合计＋使用非财政拨款结余＋年初结转和结余",
  severity: "error",
  family: "final",
  check(ctx) {
    return ctx.all<SidedTable>("final01").flatMap((t) => {
      const by = t.income.byKey;
      const grand = amt(by.get("grand"));
      const total = amt(by.get("total"));
      if (!grand || !total) return [];
      const items = [total, amt(by.get("useBalance")), amt(by.get("beginBalance"))].filter((x): x is AmountCell => !!x);
      return compact([
        sumEquals(ctx, this.id, "公开01表：收入总计应等于本年收入合计、使用非财政拨款结余、年初结转和结余之和", grand, "收入总计", items, "本年收入合计＋使用非财政拨款结余＋年初结转和结余"),
      ]);
    });
  },
};

export const final01ExpenseTotal: Rule = {
  id: "final.01.expense-total",
  title: "收入支出决算总表：本年支出合计应等于各类支出之和",
  severity: "error",
  family: "final",
  check(ctx) {
    return ctx.all<SidedTable>("final01").flatMap((t) => {
      const total = amt(t.expense.byKey.get("total"));
      if (!total) return [];
      const items = linesBefore(t.expense, "total").map((l) => l.cells.amount);
      if (items.length === 0) return [];
      return compact([sumEquals(ctx, this.id, "公开01表：本年支出合计应等于各类支出之和", total, "本年支出合计", items, "各类支出之和")]);
    });
  },
};

export const final01ExpenseGrand: Rule = {
  id: "final.01.expense-grand",
  title: "收入支出决算总表：支出总计应等于本年支出合计＋结余分配＋年末结转和结余",
  severity: "error",
  family: "final",
  check(ctx) {
    return ctx.all<SidedTable>("final01").flatMap((t) => {
      const by = t.expense.byKey;
      const grand = amt(by.get("grand"));
      const total = amt(by.get("total"));
      if (!grand || !total) return [];
      const items = [total, amt(by.get("distribution")), amt(by.get("endBalance"))].filter((x): x is AmountCell => !!x);
      return compact([
        sumEquals(ctx, this.id, "公开01表：支出总计应等于本年支出合计、结余分配、年末结转和结余之和", grand, "支出总计", items, "本年支出合计＋结余分配＋年末结转和结余"),
      ]);
    });
  },
};

export const final01Balance: Rule = {
  id: "final.01.balance",
  title: "收入支出决算总表：收入总计应等于支出总计",
  severity: "error",
  family: "final",
  check(ctx) {
    return ctx.all<SidedTable>("final01").flatMap((t) => {
      const a = amt(t.income.byKey.get("grand"));
      const b = amt(t.expense.byKey.get("grand"));
      if (!a || !b) return [];
      return compact([sumEquals(ctx, this.id, "公开01表：收入总计应等于支出总计", a, "收入总计", [b], "支出总计")]);
    });
  },
};

/** 02表 合计 column for each 01 income line (rows 1–3 together are 财政拨款收入). */
const INCOME_TO_02: Record<string, string> = {
  upper: "upper",
  business: "business",
  operating: "operating",
  affiliated: "affiliated",
  other: "other",
};

/**
 * Blank cells whose value the totals imply: a blank is read as 0, but a blank
 * 其他收入 while 本年收入合计 exceeds the other lines, or a blank 年初结转和结余
 * while 总计 − 本年收入合计 ≠ 0, is itself a finding (spec §1). When 公开02表
 * gives the line's figure, the message quotes it.
 */
export const final01BlankImplied: Rule = {
  id: "final.01.blank-implied",
  title: "收入支出决算总表：按合计数推算应有金额的单元格不应为空",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    const f02 = ctx.one<CodedTable>("final02");
    for (const t of ctx.all<SidedTable>("final01")) {
      const by = t.income.byKey;
      const fmt = (d: Decimal) => formatNumber(d, 2);
      // Income lines.
      const total = amt(by.get("total"));
      const items = linesBefore(t.income, "total");
      if (total?.amount && items.every((l) => l.cells.amount.amount)) {
        const sumFilled = items.reduce((s, l) => s.plus(l.cells.amount.amount!.value), ZERO);
        const gap = total.amount.value.minus(sumFilled);
        const blanks = items.filter((l) => l.cells.amount.amount!.blank);
        const gapIv = intervalOf(total.amount).sub(sumIntervals(items.map((l) => intervalOf(l.cells.amount.amount!))));
        if (!gapIv.contains(ZERO) && blanks.length > 0) {
          // Which blank? The one 公开02表 fills in, else the only blank, else list them all.
          let pinned: { line: Line; value?: Decimal } | undefined;
          if (f02?.total) {
            for (const l of blanks) {
              const col = INCOME_TO_02[l.key];
              const v = col ? f02.total.cells[col]?.amount?.value : undefined;
              if (v && !v.isZero()) pinned = { line: l, value: v };
            }
          }
          if (!pinned && blanks.length === 1) pinned = { line: blanks[0] };
          if (pinned) {
            const c = pinned.line.cells.amount;
            const from02 = pinned.value ? `，公开02表合计行该项为 ${fmt(pinned.value)}` : "";
            out.push({
              rule: this.id,
              severity: "error",
              message: `公开01表“${pinned.line.label}”（${refA1(c.ref)}）为空，但本年收入合计（${refA1(total.ref)}）${fmt(total.amount.value)} 比其余各项收入之和 ${fmt(sumFilled)} 多 ${fmt(gap)}${from02}；该单元格应填 ${fmt(pinned.value ?? gap)}。`,
              cells: [c.ref, total.ref],
              expected: fmt(pinned.value ?? gap),
              actual: "（空）",
              tables: [t.id],
            });
          } else {
            out.push({
              rule: this.id,
              severity: "error",
              message: `公开01表本年收入合计（${refA1(total.ref)}）${fmt(total.amount.value)} 比已填各项收入之和 ${fmt(sumFilled)} 多 ${fmt(gap)}，差额应填在空白的收入项目中（${blanks.map((b) => `${b.label} ${refA1(b.cells.amount.ref)}`).join("、")}）。`,
              cells: [...blanks.map((b) => b.cells.amount.ref), total.ref],
              expected: fmt(gap),
              actual: "（空）",
              tables: [t.id],
            });
          }
        }
      }
      // 年初结转和结余 (and 使用非财政拨款结余) under 收入总计.
      const grand = amt(by.get("grand"));
      const begin = amt(by.get("beginBalance"));
      const use = amt(by.get("useBalance"));
      if (grand?.amount && total?.amount && begin?.amount?.blank) {
        const useV = use?.amount?.value ?? ZERO;
        const implied = grand.amount.value.minus(total.amount.value).minus(useV);
        const impliedIv = intervalOf(grand.amount).sub(intervalOf(total.amount)).sub(use?.amount ? intervalOf(use.amount) : Interval.exact(ZERO));
        if (!impliedIv.contains(ZERO)) {
          out.push({
            rule: this.id,
            severity: "error",
            message: `公开01表“年初结转和结余”（${refA1(begin.ref)}）为空，但收入总计（${refA1(grand.ref)}）${fmt(grand.amount.value)} 减本年收入合计 ${fmt(total.amount.value)}${use?.amount && !useV.isZero() ? `、使用非财政拨款结余 ${fmt(useV)}` : ""} 为 ${fmt(implied)}；该单元格应填 ${fmt(implied)}。`,
            cells: [begin.ref, grand.ref, total.ref],
            expected: fmt(implied),
            actual: "（空）",
            tables: [t.id],
          });
        }
      }
      // 年末结转和结余 under 支出总计.
      const eby = t.expense.byKey;
      const egrand = amt(eby.get("grand"));
      const etotal = amt(eby.get("total"));
      const end = amt(eby.get("endBalance"));
      const dist = amt(eby.get("distribution"));
      if (egrand?.amount && etotal?.amount && end?.amount?.blank) {
        const implied = egrand.amount.value.minus(etotal.amount.value).minus(dist?.amount?.value ?? ZERO);
        const impliedIv = intervalOf(egrand.amount).sub(intervalOf(etotal.amount)).sub(dist?.amount ? intervalOf(dist.amount) : Interval.exact(ZERO));
        if (!impliedIv.contains(ZERO)) {
          out.push({
            rule: this.id,
            severity: "error",
            message: `公开01表“年末结转和结余”（${refA1(end.ref)}）为空，但支出总计（${refA1(egrand.ref)}）${fmt(egrand.amount.value)} 减本年支出合计 ${fmt(etotal.amount.value)} 为 ${fmt(implied)}；该单元格应填 ${fmt(implied)}。`,
            cells: [end.ref, egrand.ref, etotal.ref],
            expected: fmt(implied),
            actual: "（空）",
            tables: [t.id],
          });
        }
      }
    }
    return out;
  },
};

export const FINAL01_RULES = [final01IncomeTotal, final01IncomeGrand, final01ExpenseTotal, final01ExpenseGrand, final01Balance, final01BlankImplied];
