/**
 * Acceptance (issue 4): the anyang 情况说明 — with its 补充信息 — has at least 90 %
 * of its figures linked to a table cell or a 补充信息 entry, including the 绩效
 * section (project budgets, executions, scores and indicator counts from the
 * performance tables). What stays unlinked is listed by the unverified rule.
 */
import { recognize } from "../../../src/core/recognize/recognize";
import { buildFacts } from "../../../src/core/narrative/context";
import { findSupplementSheet, readSupplement } from "../../../src/core/narrative/supplement";
import { narrativeSheets, paragraphsOf } from "../../../src/core/narrative/text";
import { linkNarrative } from "../../../src/core/narrative/link";
import { checkWorkbook } from "../../../src/core/check";
import { fixture } from "../../support/fixtures";

test("anyang: ≥ 90 % of the narrative's figures are linked; the 绩效 paragraphs quote the tables", async () => {
  const wb = await fixture("anyang-2021-final-with-supplement.xlsx");
  checkWorkbook(wb); // registers every family
  const rec = recognize(wb);
  const ss = findSupplementSheet(wb)!;
  const facts = buildFacts(rec.tables, readSupplement(ss));
  const exclude = new Set([...rec.tables.map((t) => t.sheet), ss.name]);
  const links = linkNarrative(narrativeSheets(wb, exclude).flatMap((s) => paragraphsOf(s)), (s) => facts.inSection(s), facts.facts);
  const verified = links.filter((l) => l.status === "ok" || l.status === "tail");
  expect(links.length).toBeGreaterThan(150);
  expect(verified.length / links.length).toBeGreaterThanOrEqual(0.9);
  // The three projects' 预算数 / 决算数 / 自评得分 are quoted as the self-evaluation tables hold them.
  const perf = verified.filter((l) => l.fact!.id.startsWith("perf.project."));
  const byKind = (k: string) => perf.filter((l) => l.fact!.id.endsWith(k)).map((l) => l.figure.value.toString()).sort();
  expect(byKind(".yearStart.budget")).toEqual(["150", "30", "90"]);
  expect(byKind(".executed")).toEqual(["142", "29.4", "67.5"]);
  expect(byKind(".score")).toEqual(["94.2", "95.2", "95.6"]);
  // 238.9 万元 = Σ 执行数, 16.3 % of 公开03表 项目支出.
  expect(verified.find((l) => l.fact!.id === "perf.projects.executed")!.figure.value.toString()).toBe("238.9");
  expect(verified.find((l) => l.fact!.id === "perf.projects.executed.share")!.figure.value.toString()).toBe("16.3");
});
