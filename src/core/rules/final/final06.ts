/** 公开06表 一般公共预算财政拨款基本支出决算表 (spec §1). */
import { Finding } from "../../report/finding";
import { Basic06Table, EconItem } from "../../tables/final/basic06";
import { sumEquals } from "../relation";
import { Rule, compact } from "../types";

export const final06ClassSum: Rule = {
  id: "final.06.class-sum",
  title: "基本支出决算表：每个经济分类类级科目应等于其下各款之和",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<Basic06Table>("final06")) {
      for (const cls of t.items.filter((i) => i.level === 1)) {
        const kids = t.items.filter((i) => i.level === 2 && i.code.startsWith(cls.code));
        if (kids.length === 0) continue;
        const f = sumEquals(ctx, this.id, `公开06表：${cls.code} ${cls.name}应等于其下各款之和`, cls.amount, `${cls.code} ${cls.name}`, kids.map((k) => k.amount), "各款之和");
        if (f) out.push(f);
      }
    }
    return out;
  },
};

function classItems(t: Basic06Table, codes: string[]): EconItem[] {
  const classes = t.items.filter((i) => i.level === 1 && codes.includes(i.code));
  if (classes.length > 0) return classes;
  // No class rows: sum the items directly.
  return t.items.filter((i) => i.level === 2 && codes.includes(i.code.slice(0, 3)));
}

export const final06Totals: Rule = {
  id: "final.06.totals",
  title: "基本支出决算表：人员经费合计＝301＋303；公用经费合计＝302＋307＋310＋399",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<Basic06Table>("final06")) {
      if (t.personnelTotal) {
        const items = classItems(t, ["301", "303"]);
        if (items.length)
          out.push(...compact([sumEquals(ctx, this.id, "公开06表：人员经费合计应等于工资福利支出（301）与对个人和家庭的补助（303）之和", t.personnelTotal, "人员经费合计", items.map((i) => i.amount), `${items.map((i) => i.code).join("＋")}`)]));
      }
      if (t.publicTotal) {
        const items = classItems(t, ["302", "307", "310", "399"]);
        if (items.length)
          out.push(...compact([sumEquals(ctx, this.id, "公开06表：公用经费合计应等于商品和服务支出（302）、债务利息及费用支出（307）、资本性支出（310）、其他支出（399）之和", t.publicTotal, "公用经费合计", items.map((i) => i.amount), `${items.map((i) => i.code).join("＋")}`)]));
      }
      if (t.total && t.personnelTotal && t.publicTotal) {
        out.push(...compact([sumEquals(ctx, this.id, "公开06表：合计应等于人员经费合计与公用经费合计之和", t.total, "合计", [t.personnelTotal, t.publicTotal], "人员经费合计＋公用经费合计")]));
      }
    }
    return out;
  },
};

export const FINAL06_RULES = [final06ClassSum, final06Totals];
