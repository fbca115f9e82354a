/**
 * Drafting the 情况说明 of a workbook in one call (used by the CLI and the pane):
 * tables + 补充信息 (+ the narrative already in the workbook, whose rounding of
 * shares is kept where the table figures allow it) → a GeneratedNarrative.
 */
import { Decimal } from "../amount/decimal";
import { WorkbookSnapshot } from "../grid/snapshot";
import { recognize } from "../recognize/recognize";
import { buildFacts } from "./context";
import { GeneratedNarrative, generateFinalNarrative } from "./generate";
import { linkNarrative } from "./link";
import { buildBudgetFacts } from "./budgetFacts";
import { generateBudgetNarrative } from "./generateBudget";
import { Supplement, findSupplementSheet, readSupplement } from "./supplement";
import { narrativeSheets, paragraphsOf } from "./text";

export interface DraftOptions {
  /** A 补充信息 read from elsewhere (e.g. a separate file); else the workbook's own sheet. */
  supplement?: Supplement;
}

export function draftNarrative(wb: WorkbookSnapshot, opts: DraftOptions = {}): GeneratedNarrative {
  const rec = recognize(wb);
  const suppSheet = findSupplementSheet(wb);
  const supplement = opts.supplement ?? (suppSheet ? readSupplement(suppSheet) : undefined);
  const facts = buildFacts(rec.tables, supplement);
  // Shares the existing narrative states, where they are one of the two roundings the figures allow.
  const exclude = new Set([...rec.tables.map((t) => t.sheet), ...(suppSheet ? [suppSheet.name] : [])]);
  const existing = narrativeSheets(wb, exclude).flatMap((s) => paragraphsOf(s));
  if (existing.length) {
    const preferred = new Map<string, Decimal>();
    for (const l of linkNarrative(existing, facts.inSection, facts.facts)) {
      if (l.fact && l.fact.kind === "share" && (l.status === "ok" || l.status === "tail")) preferred.set(l.fact.id, l.figure.value);
    }
    facts.apportionAll(preferred);
  }
  // A budget workbook (budget tables, no final-accounts tables) gets the budget text.
  if (!rec.tables.some((t) => t.family === "final") && rec.tables.some((t) => t.family === "budget")) return generateBudgetNarrative(buildBudgetFacts(rec.tables, supplement), { supplement });
  return generateFinalNarrative(facts, { supplement });
}
