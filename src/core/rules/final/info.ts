/** 机构运行经费支出、国有资产占用情况及政府采购支出信息表 (spec §1, newer sets). */
import { Finding } from "../../report/finding";
import { InfoKey, InfoTable } from "../../tables/final/info";
import { AmountCell } from "../../tables/types";
import { atMost, sumEquals } from "../relation";
import { Rule, compact } from "../types";

function get(t: InfoTable, k: InfoKey): AmountCell | undefined {
  return t.items.find((i) => i.key === k)?.cell;
}

export const finalInfoProcurement: Rule = {
  id: "final.info.procurement",
  title: "政府采购支出总额应等于货物、工程、服务支出之和；授予中小企业合同金额不超过总额；授予小微企业不超过中小企业",
  severity: "error",
  family: "final",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<InfoTable>("finalInfo")) {
      const total = get(t, "procTotal");
      const parts = (["procGoods", "procWorks", "procServices"] as InfoKey[]).map((k) => get(t, k)).filter((x): x is AmountCell => !!x);
      if (total && parts.length >= 2) out.push(sumEquals(ctx, this.id, "政府采购支出总额应等于货物、工程、服务支出之和", total, "政府采购支出总额", parts, "货物＋工程＋服务"));
      const sme = get(t, "sme");
      const micro = get(t, "micro");
      if (total && sme) out.push(atMost(ctx, this.id, "授予中小企业合同金额不应超过政府采购支出总额", [sme], "授予中小企业合同金额", [total], "政府采购支出总额"));
      if (sme && micro) out.push(atMost(ctx, this.id, "授予小微企业合同金额不应超过授予中小企业合同金额", [micro], "授予小微企业合同金额", [sme], "授予中小企业合同金额"));
    }
    return compact(out);
  },
};
