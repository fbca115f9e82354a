/**
 * The same fact stated twice is one mistake: when the 情况说明 quotes a figure in
 * two sentences (the 公务接待费 in the overview and again in its own paragraph)
 * and both differ from the table in the same way, the clerk sees one finding
 * that names both places, not two findings.
 *
 * Two findings are the same statement repeated when they come from the same
 * narrative rule (ids "narrative.*" and "*.narrative.*": findings about what the
 * text states), say the same thing (same expected and actual value), point at
 * the same evidence (the same cells besides the sentence, at least one), and
 * differ only in the sentence's cell. Findings without evidence cells (a
 * wording issue, a value without unit) are never merged: two sentences with the
 * same wording problem are two places to edit and are kept apart. The merged
 * finding keeps the first one's message (reading order) and adds where else
 * the figure is stated; its cells are the sentences first, then the evidence.
 */
import { refA1, refKey } from "../tables/types";
import { Finding } from "./finding";

const isStatement = (rule: string) => rule.startsWith("narrative.") || rule.includes(".narrative.");

function keyOf(f: Finding): string | null {
  if (f.severity === "info" || !isStatement(f.rule) || f.cells.length < 2) return null;
  if (f.expected === undefined && f.actual === undefined) return null;
  const evidence = f.cells.slice(1).map(refKey).sort().join(",");
  return `${f.rule}\u0000${f.severity}\u0000${f.expected ?? ""}\u0000${f.actual ?? ""}\u0000${evidence}`;
}

/** Merges repeated statements; returns the findings in their original order, minus the merged-away ones. */
export function mergeRepeatedStatements(findings: Finding[]): Finding[] {
  const first = new Map<string, Finding>();
  const extra = new Map<Finding, Finding[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = keyOf(f);
    const home = k ? first.get(k) : undefined;
    if (!k || !home) {
      if (k) first.set(k, f);
      out.push(f);
      continue;
    }
    if (refKey(home.cells[0]) === refKey(f.cells[0])) {
      out.push(f);
      continue;
    }
    const list = extra.get(home) ?? [];
    list.push(f);
    extra.set(home, list);
  }
  for (const [home, more] of extra) {
    const sentences = [home.cells[0], ...more.map((m) => m.cells[0])];
    const seen = new Set<string>();
    const uniq = sentences.filter((c) => !seen.has(refKey(c)) && seen.add(refKey(c)));
    const also = uniq.slice(1).map((c) => (c.sheet === home.cells[0].sheet ? refA1(c) : `${c.sheet}!${refA1(c)}`));
    home.message = `${home.message}（同一数字在 ${also.join("、")} 再次出现，应一并更正。）`;
    home.cells = [...uniq, ...home.cells.slice(1)];
  }
  return out;
}
