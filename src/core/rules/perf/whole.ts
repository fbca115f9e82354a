/**
 * Whole-department tables against the final accounts of the same workbook:
 * the 资金结构 基本支出 / 项目支出 (and the total) of a 整体预算绩效自评表 are the
 * 公开05表 合计 figures (03表 when the department also spends other money).
 * A swap of 基本支出 and 项目支出 — a classic error — is reported once, as such.
 */
import { CodedTable } from "../../tables/coded";
import { FundColumn } from "../../tables/perf/model";
import { AmountCell, CellRef, refA1 } from "../../tables/types";
import { Finding } from "../../report/finding";
import { equals } from "../relation";
import { Rule, RuleContext } from "../types";
import { at, finding, num, perfLabel, perfRule, present } from "./common";

/** Whether a = b within rounding, without recording anything (a throwaway sink). */
function agree(a: AmountCell, b: AmountCell): boolean {
  if (!a.amount || !b.amount) return false;
  const f = equals({ relations: [] }, "probe", "", a, "", b, "", "error");
  return !f || f.severity === "info";
}

const COMPARE_COLUMNS: FundColumn[] = ["executed", "budget", "value"];

export const wholeStructureVs05: Rule = perfRule(
  "perf.whole.structure-vs-05",
  "整体绩效自评表：资金结构的基本支出、项目支出（及总额）应等于公开05表合计行的基本支出、项目支出（有其他资金时为公开03表）",
  "error",
  ["perfWhole"],
  (t, ctx: RuleContext, r) => {
    if (t.stage !== "selfeval" || !t.funds) return [];
    const lines = t.funds.lines;
    const basic = lines.find((l) => l.key === "basic");
    const project = lines.find((l) => l.key === "project");
    const total = lines.find((l) => l.key === "total");
    if (!basic || !project) return [];
    // With other money than appropriations, 05表 (appropriations only) is not the whole: compare with 03表.
    const otherMoney = lines.some((l) => (l.key === "other" || l.key === "carry") && COMPARE_COLUMNS.some((c) => present(l.cells[c]) && !l.cells[c]!.amount!.value.isZero()));
    const ref = ctx.one<CodedTable & { kind: string }>(otherMoney ? "final03" : "final05");
    if (!ref || !ref.total) return [];
    const rb = ref.total.cells.basic;
    const rp = ref.total.cells.project;
    const rt = ref.total.cells.total;
    if (!present(rb) || !present(rp)) return [];
    const col = COMPARE_COLUMNS.find((c) => present(basic.cells[c]) && present(project.cells[c]));
    if (!col) return [];
    const b = basic.cells[col]!;
    const p = project.cells[col]!;
    const colName = t.funds.columnLabels[col] ?? "";
    const code = ref.code;
    const out: Finding[] = [];
    if (agree(b, rp) && agree(p, rb) && !agree(b, rb)) {
      // Other columns swapped the same way.
      const alsoSwapped: CellRef[] = [];
      const alsoCols: string[] = [];
      for (const c of COMPARE_COLUMNS) {
        if (c === col) continue;
        const b2 = basic.cells[c];
        const p2 = project.cells[c];
        if (present(b2) && present(p2) && agree(b2, rp) && agree(p2, rb)) {
          alsoSwapped.push(p2.ref, b2.ref);
          alsoCols.push(t.funds.columnLabels[c] ?? c);
        }
      }
      const same = alsoCols.length ? `；“${alsoCols.join("”“")}”栏（${alsoSwapped.map(refA1).join("、")}）同样填反` : "";
      out.push(
        finding({
          rule: r.id,
          severity: "error",
          table: t,
          message: `${perfLabel(t)}资金结构的基本支出与项目支出填反了：“${colName}”栏项目支出（${at(p.ref)}）为 ${num(p.amount!.value)}，等于${code}合计行基本支出（${ref.sheet}!${refA1(rb.ref)}）${num(rb.amount!.value)}；基本支出（${at(b.ref)}）为 ${num(b.amount!.value)}，等于${code}合计行项目支出（${ref.sheet}!${refA1(rp.ref)}）${num(rp.amount!.value)}${same}。`,
          cells: [p.ref, b.ref, ...alsoSwapped, rb.ref, rp.ref],
          expected: `基本支出 ${num(rb.amount!.value)}，项目支出 ${num(rp.amount!.value)}`,
          actual: `基本支出 ${num(b.amount!.value)}，项目支出 ${num(p.amount!.value)}`,
        }),
      );
    } else {
      for (const [mine, theirs, what] of [
        [b, rb, "基本支出"],
        [p, rp, "项目支出"],
      ] as [AmountCell, AmountCell, string][]) {
        const fd = equals(ctx, r.id, () => `${perfLabel(t)}资金结构的${what}（${colName}）应等于${code}合计行${what}`, mine, what, theirs, `${code}合计行${what}`);
        if (fd) out.push(fd);
      }
    }
    const tc = total?.cells[col];
    if (tc && present(tc) && rt && !otherMoney) {
      const fd = equals(ctx, r.id, () => `${perfLabel(t)}部门预算总额（${colName}）应等于${code}合计`, tc, "部门预算总额", rt, `${code}合计`);
      if (fd) out.push(fd);
    }
    return out;
  },
);

export const WHOLE_RULES: Rule[] = [wholeStructureVs05];
