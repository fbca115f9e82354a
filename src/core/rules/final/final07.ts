/** "三公"经费 tables: 公开07表 and (budget family) the 三公经费预算表 share these builders. */
import { Finding } from "../../report/finding";
import { SANGONG_GROUP_TITLES, SangongGroup, SangongTable } from "../../tables/sangong";
import { tableLabel } from "../../tables/types";
import { atMost, sumEquals } from "../relation";
import { Rule, compact } from "../types";

/** 合计 = 出国 + 用车小计 + 接待; 小计 = 购置 + 运行 (each group). */
export function sangongSumRule(id: string, template: string, title: string, family: Rule["family"] = "final"): Rule {
  return {
    id,
    title,
    severity: "error",
    family,
    check(ctx) {
      const out: Finding[] = [];
      for (const t of ctx.all<SangongTable>(template)) {
        for (const [g, items] of Object.entries(t.groups) as [SangongGroup, SangongTable["groups"][SangongGroup]][]) {
          if (!items) continue;
          const gt = SANGONG_GROUP_TITLES[g];
          if (items.total) {
            const parts = [items.abroad, items.car ?? undefined, items.reception].filter((x) => !!x);
            // Without a 小计 column, 购置 and 运行 count directly.
            if (!items.car) parts.push(...[items.carPurchase, items.carRun].filter((x) => !!x));
            if (parts.length >= 2)
              out.push(...compact([sumEquals(ctx, id, `${tableLabel(t)}${gt}：合计应等于因公出国(境)费、公务用车购置及运行费、公务接待费之和`, items.total, `${gt}合计`, parts.map((p) => p!), "三项之和")]));
          }
          if (items.car && (items.carPurchase || items.carRun)) {
            const parts = [items.carPurchase, items.carRun].filter((x) => !!x).map((x) => x!);
            out.push(...compact([sumEquals(ctx, id, `${tableLabel(t)}${gt}：公务用车购置及运行费小计应等于购置费与运行费之和`, items.car, `${gt}公务用车小计`, parts, "购置费＋运行费")]));
          }
        }
      }
      return out;
    },
  };
}

export const final07Sum = sangongSumRule("final.07.sum", "final07", "“三公”经费支出决算表：合计＝因公出国(境)费＋公务用车购置及运行费＋公务接待费；小计＝购置费＋运行费（预算数、决算数两栏分别成立）");

export const final07OverBudget: Rule = {
  id: "final.07.over-budget",
  title: "“三公”经费支出决算表：决算数一般不应超过预算数（超出须在说明中写明原因）",
  severity: "warning",
  family: "final",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.all<SangongTable>("final07")) {
      const b = t.groups.budget;
      const f = t.groups.final;
      if (!b || !f) continue;
      const names: Record<string, string> = { total: "合计", abroad: "因公出国(境)费", car: "公务用车购置及运行费", carPurchase: "公务用车购置费", carRun: "公务用车运行费", reception: "公务接待费" };
      for (const k of Object.keys(names) as (keyof typeof names)[]) {
        const fb = (b as Record<string, typeof b.total>)[k];
        const ff = (f as Record<string, typeof f.total>)[k];
        if (!fb || !ff) continue;
        const r = atMost(ctx, this.id, `公开07表：${names[k]}决算数超过预算数，须在情况说明中写明原因`, [ff], `${names[k]}决算数`, [fb], `预算数`, "warning");
        if (r) out.push(r);
      }
    }
    return out;
  },
};

export const FINAL07_RULES = [final07Sum, final07OverBudget];
