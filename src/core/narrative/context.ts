/**
 * Everything the narrative rules share, computed once per check: the 补充信息,
 * the fact catalogue, the clerk's narrative paragraphs and the link of each of
 * their figures to a fact.
 *
 * Families can contribute facts (e.g. the performance tables: a project's
 * budget, execution, score) with registerFactProvider().
 */
import { RuleContext } from "../rules/types";
import { Table } from "../recognize/templates";
import { Fact, SectionId } from "./fact";
import { FinalFacts, buildFinalFacts } from "./finalFacts";
import { buildBudgetFacts } from "./budgetFacts";
import { Linked, linkNarrative } from "./link";
import { Supplement, findSupplementSheet, readSupplement } from "./supplement";
import { Paragraph, narrativeSheets, paragraphsOf } from "./text";

export interface NarrativeContext {
  supplement?: Supplement;
  facts: FinalFacts;
  /** Paragraphs of every narrative sheet, in workbook order. */
  paragraphs: Paragraph[];
  links: Linked[];
  /** The document's year (tables, 补充信息, or the narrative's own title). */
  year?: number;
  scope: "部门" | "单位";
}

export type FactProvider = (tables: Table[], supp: Supplement | undefined) => Fact[];

const providers: FactProvider[] = [];

export function registerFactProvider(p: FactProvider): void {
  providers.push(p);
}

/** The fact catalogue with every registered family's facts added. */
export function buildFacts(tables: Table[], supp?: Supplement): FinalFacts {
  const ff = buildFinalFacts(tables, supp);
  // The budget catalogue (ids "b.…") when the workbook holds budget tables.
  if (tables.some((t) => t.family === "budget")) for (const f of buildBudgetFacts(tables, supp).facts.values()) ff.facts.set(f.id, f);
  for (const p of providers) for (const f of p(tables, supp)) ff.facts.set(f.id, f);
  return ff;
}

const cache = new WeakMap<RuleContext, NarrativeContext>();

export function narrativeContext(ctx: RuleContext): NarrativeContext {
  let n = cache.get(ctx);
  if (n) return n;
  const suppSheet = findSupplementSheet(ctx.workbook);
  const supplement = suppSheet ? readSupplement(suppSheet) : undefined;
  const exclude = new Set<string>([...ctx.tables.map((t) => t.sheet), ...(suppSheet ? [suppSheet.name] : [])]);
  const paragraphs = narrativeSheets(ctx.workbook, exclude).flatMap((s) => paragraphsOf(s));
  // No narrative to check: the catalogue (thousands of facts on large tables) is not built.
  const facts = paragraphs.length ? buildFacts(ctx.tables, supplement) : buildFacts([], supplement);
  const links = paragraphs.length ? linkNarrative(paragraphs, (s: SectionId) => facts.inSection(s), facts.facts) : [];
  const titleYear = paragraphs.slice(0, 3).map((p) => /(20\d{2})\s*年度?/.exec(p.text)?.[1]).find(Boolean);
  const year = ctx.tables.find((t) => t.year)?.year ?? facts.year ?? (titleYear ? parseInt(titleYear, 10) : undefined);
  const scopeText = paragraphs.slice(0, 3).map((p) => p.text).join("");
  // The title says it first ("…实验小学校2022年度单位决算情况说明", whose body names its parent's 部门决算).
  const title = paragraphs[0]?.text ?? "";
  // A title that names neither: the document's own way of speaking, when it only ever says 本单位/我单位.
  const body = paragraphs.map((p) => p.text).join("");
  const bodyScope = /(本|我)单位/.test(body) && !/(本|我)部门/.test(body) ? "单位" : null;
  const titleScope = /单位(决算|预算)/.test(title) ? "单位" : /部门(决算|预算)/.test(title) ? "部门" : /决算|预算/.test(title) ? bodyScope : null;
  const scope: "部门" | "单位" =
    supplement?.entries.get("unit.scope")?.text === "单位" ? "单位" : titleScope ?? (/单位决算|单位预算/.test(scopeText) && !/部门决算|部门预算/.test(scopeText) ? "单位" : "部门");
  n = { supplement, facts, paragraphs, links, year, scope };
  cache.set(ctx, n);
  return n;
}
