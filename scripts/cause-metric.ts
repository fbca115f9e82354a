/**
 * Issue 13's metric: on the generators' consistent workbooks, change every
 * figure of the recognised tables once (add an amount; blank it) and report how
 * often the mutated cell is the first cause, and how often the suggested value
 * is the original figure. Run: npx tsx scripts/cause-metric.ts
 */
import { generateFinalSet } from "../test/support/finalSet";
import { generateBudgetSet } from "../test/support/budgetSet";
import { CauseMetric, addMetric, emptyMetric, measureCauses, mutationTargets } from "../test/support/causeMetric";
import { WorkbookSnapshot } from "../src/core/grid/snapshot";

const sets: [string, WorkbookSnapshot, RegExp][] = [
  ["决算 公开01–08表（精确数）", generateFinalSet({ seed: 3 }).workbook, /^final0[1-8]$/],
  ["决算 公开01–08表（带尾差）", generateFinalSet({ seed: 11, tails: true }).workbook, /^final0[1-8]$/],
  ["决算（文本数字、一张表）", generateFinalSet({ seed: 5, tails: true, textNumbers: true, oneSheet: true, rowNumbers: false }).workbook, /^final0[1-8]$/],
  ["预算 部门预算表", generateBudgetSet({ seed: 7 }).workbook, /^budget/],
  ["预算 单位预算表（带尾差）", generateBudgetSet({ seed: 9, tails: true, scope: "unit" }).workbook, /^budget/],
];

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "—");
let all: CauseMetric = emptyMetric();
console.log("单处改动：被改的单元格是否为第一个原因；建议值是否等于原值\n");
for (const [name, wb, re] of sets) {
  const targets = mutationTargets(wb, re);
  for (const mu of ["bump", "blank"] as const) {
    const m = measureCauses(wb, targets, mu);
    all = addMetric(all, m);
    console.log(
      `${name} ${mu === "bump" ? "改数" : "清空"}：${m.cases} 例，第一原因命中 ${m.first}（${pct(m.first, m.cases)}），未发现 ${m.undetected}；` +
        `建议值确定 ${m.determined} 例、其中等于原值 ${m.restored}（${pct(m.restored, m.determined)}）；尾差范围 ${m.ranged} 例（原值均在范围内）`,
    );
    for (const s of [...m.misses, ...m.wrongValues].slice(0, 4)) console.log(`    ${s}`);
  }
}
console.log(
  `\n合计 ${all.cases} 例：第一原因命中 ${pct(all.first, all.cases)}（目标 ≥ 90 %：${all.first >= 0.9 * all.cases ? "达到" : "未达到"}）；` +
    `建议值确定时等于原值 ${pct(all.restored, all.determined)}（${all.restored}/${all.determined}）；尾差范围 ${all.ranged} 例；范围外 ${all.wrongValues.filter((s) => s.includes("范围")).length} 例`,
);
