/**
 * 项目绩效目标完成情况表 (预期指标值 vs 实际完成指标值): an indicator whose actual
 * value does not reach its target needs an explanation.
 */
import { Decimal, ONE } from "../../amount/decimal";
import { Finding } from "../../report/finding";
import { scoreIndicator } from "../../scoring/indicator";
import { Rule } from "../types";
import { at, finding, indName, num, perfLabel, perfRule } from "./common";

const NO_REASON = /^(无|-|—|\/|空|\.+|…+)?$/;

export const completionUnmet: Rule = perfRule(
  "perf.completion.unmet",
  "项目绩效目标完成情况表：实际完成指标值未达到预期指标值的，应说明原因",
  "warning",
  ["perfCompletion"],
  (t, _c, r) => {
    const out: Finding[] = [];
    for (const i of t.indicators?.indicators ?? []) {
      if (!i.target || !i.actual) continue;
      if (i.reason && !NO_REASON.test(i.reason.text.replace(/\s/g, ""))) continue;
      const s = scoreIndicator(i, i.target.value, i.actual.value, new Decimal(100), t.year);
      let why: string | undefined;
      if (s.kind === "computed" && s.completion.lt(ONE)) why = `完成程度约 ${num(s.completion.times(100))}%（${s.rule.replace(/得分.*$/, "").trim() || "按比例"}）`;
      else if (s.kind === "late") why = s.reason;
      else if (s.kind === "band" && s.outcome !== "met") why = `实际完成情况“${i.actual.text}”为${s.outcome === "partial" ? "部分达成" : "未达成"}`;
      if (!why) continue;
      out.push(
        finding({
          rule: r.id,
          severity: "warning",
          table: t,
          message: `${perfLabel(t)}${indName(i)}实际完成值“${i.actual.text}”（${at(i.actual.ref)}）未达到预期指标值“${i.target.text}”（${at(i.target.ref)}）：${why}，但没有说明原因。`,
          cells: [i.actual.ref, i.target.ref],
          expected: i.target.text,
          actual: i.actual.text,
        }),
      );
    }
    return out;
  },
);

export const COMPLETION_RULES: Rule[] = [completionUnmet];
