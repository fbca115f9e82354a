/**
 * One store for the figures of the text and of the tables: every amount and
 * percentage the 情况说明 states (statements.ts) and every figure the fact
 * catalogue reads from the tables and the 补充信息 (finalFacts.ts,
 * budgetFacts.ts), each under the same key "concept · kind · year · stage ·
 * scope", with where it comes from (the paragraph's cell, or the table cells and
 * how they were added up). The identity rules ask the store, whatever a figure's
 * source: a total stated in the text and parts only the tables hold are checked
 * together, and a figure of the text the linker could not place by its words
 * (link.ts works section by section) is still compared with the table figure of
 * the same concept.
 *
 * Decisions (where the spec is silent):
 * - A catalogue fact enters the store only when its id is in the map below; the
 *   map says which key the text's reading (statements.ts) gives the sentence that
 *   states that fact, and a test holds it to that on the generated narratives.
 *   Facts not in the map (功能分类 items, counts, project figures) stay with the
 *   linker alone.
 * - 机关运行经费 and the “三公”经费 exist only in the 财政拨款 scope, whatever words
 *   the text uses ("机关运行经费支出X万元" names no fund): their store key has no
 *   scope (any scope the text gives them matches).
 * - A final account's text is filed with the final tables' figures only, a budget's
 *   with the budget tables' ("b.…"): a workbook holding both is of two years.
 * - Percentages over a zero base are not filed (no percentage can be stated), nor
 *   the text's changes against the budget and its 调整预算 / 全年预算 figures (see fileable()).
 */
import { Decimal } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { CellRef, refA1 } from "../tables/types";
import { norm } from "../recognize/normalize";
import { Fact, sourceRefs } from "./fact";
import { ConceptId, GPB_ONLY, Kind, Scope, Stage, Statement, YearKey, intervalOfStatement } from "./statements";

export interface StoreKey {
  concept: ConceptId;
  kind: Kind;
  year: YearKey;
  stage: Stage;
  scope: Scope;
}

export interface StoredFact extends StoreKey {
  value: Decimal;
  interval: Interval;
  /** The paragraph's cell (text), or the cells the figure is read from (tables, 补充信息). */
  cells: CellRef[];
  /** "情况说明!A12", or "公开01表!C8 ＋ 公开01表!C9" (the catalogue's formula). */
  at: string;
  statement?: Statement;
  fact?: Fact;
  /** A table figure also filed under the scope a text gives it when it names no fund (see LOOSE). */
  loose?: boolean;
}

/** Concepts with one scope only (财政拨款: “三公” and 机关运行经费): their key ignores the scope words. */
const FISCAL_ONLY = new Set<ConceptId>([...GPB_ONLY, "operating"]);

/**
 * A table figure filed under a key. Its cells are listed when a finding names them:
 * a total's sources can be hundreds of cells, and most figures are never reported.
 */
class TableFigure implements StoredFact {
  readonly concept: ConceptId;
  readonly kind: Kind;
  readonly year: YearKey;
  readonly stage: Stage;
  readonly scope: Scope;
  readonly value: Decimal;
  readonly interval: Interval;
  readonly at: string;
  private refs: CellRef[] | undefined = undefined;
  constructor(
    k: StoreKey,
    readonly fact: Fact,
    readonly loose: boolean | undefined,
  ) {
    this.concept = k.concept;
    this.kind = k.kind;
    this.year = k.year;
    this.stage = k.stage;
    this.scope = k.scope;
    this.value = fact.value;
    this.interval = fact.interval;
    this.at = fact.formula;
  }
  get cells(): CellRef[] {
    return (this.refs ??= sourceRefs(this.fact.sources));
  }
}

export function storeKey(k: StoreKey): string {
  return `${k.concept}|${k.kind}|${k.year}|${k.stage}|${FISCAL_ONLY.has(k.concept) ? "-" : k.scope}`;
}

type Base = { concepts: ConceptId[]; scope: Scope; stage?: Stage };
const B = (concepts: ConceptId[], scope: Scope, stage?: Stage): Base => ({ concepts, scope, stage });

/**
 * Catalogue ids (without their ".prev", ".change", ".changePct", ".share", ".rate"
 * suffixes) and the concept and scope the text gives them.
 */
const BASES: Record<string, Base> = {
  // Final accounts (finalFacts.ts).
  grand: B(["incomeTotal", "expenseTotal"], "all"),
  "income.total": B(["incomeYear"], "all"),
  "expense.total": B(["expenseYear"], "all"),
  "expense.basic": B(["basic"], "all"),
  "expense.project": B(["project"], "all"),
  "expense.upper": B(["upper"], "all"),
  "expense.operating": B(["business"], "all"),
  "expense.subsidiary": B(["subsidiary"], "all"),
  "income.fiscal": B(["income"], "fiscal"),
  "fiscal.grand": B(["incomeTotal", "expenseTotal"], "fiscal"),
  "gpb.total": B(["expense"], "gpb"),
  gpb: B(["expense"], "gpb"),
  "gpb.budget": B(["expense"], "gpb", "budget"),
  "basic.total": B(["basic"], "gpb"),
  "basic.personnel": B(["personnel"], "gpb"),
  "basic.public": B(["public"], "gpb"),
  operating: B(["operating"], "all"),
  "operating.budget": B(["operating"], "all", "budget"),
  "sg.final": B(["sangong"], "gpb"),
  "sg.budget": B(["sangong"], "gpb", "budget"),
  ...Object.fromEntries(
    (["abroad", "car", "carPurchase", "carRun", "reception"] as const).flatMap((p) => [
      [`sg.${p}.final`, B([p], "gpb")],
      [`sg.${p}.budget`, B([p], "gpb", "budget")],
    ]),
  ),
  // Budgets (budgetFacts.ts): every figure is a budget figure.
  "b.expense": B(["expenseTotal"], "all", "budget"),
  // A budget balances: 财政拨款收入 and 支出 are one figure (its keys name both).
  "b.fiscal": B(["expense", "income"], "fiscal", "budget"),
  "b.income.fiscal": B(["income"], "fiscal", "budget"),
  "b.gpb": B(["expense"], "gpb", "budget"),
  "b.govFund": B(["expense"], "govFund", "budget"),
  "b.soe": B(["expense"], "soe", "budget"),
  "b.expense.basic": B(["basic"], "all", "budget"),
  "b.expense.project": B(["project"], "all", "budget"),
  "b.operating": B(["operating"], "all", "budget"),
  "b.sg": B(["sangong"], "gpb", "budget"),
  ...Object.fromEntries((["abroad", "car", "carPurchase", "carRun", "reception"] as const).map((p) => [`b.sg.${p}`, B([p], "gpb", "budget")])),
};

/**
 * Table figures also filed under the all-funds scope: the public tables give 人员经费 and
 * 公用经费 only for the 一般公共预算财政拨款 基本支出 (公开06表), and a text that names no fund
 * ("基本支出中，人员经费……") quotes those. A disagreement under such a key is a warning
 * (the text may mean the figures of all funds).
 */
const LOOSE: Record<string, Scope> = { "basic.personnel": "all", "basic.public": "all" };

/** Store keys of a catalogue fact, or none when the store does not take it. */
export function keysOfFact(id: string): StoreKey[] {
  const m = /^(.*?)(\.prev|\.change|\.changePct|\.share|\.rate|\.budgetRate|\.shareOfExpense)?$/.exec(id);
  if (!m) return [];
  let [, baseId, suffix] = m;
  // "sg.car.rate" is the rate of sg.car.final (决算 ÷ 预算); "gpb.budgetRate" of gpb.total.
  if (!BASES[baseId] && BASES[`${baseId}.final`]) baseId = `${baseId}.final`;
  if (suffix === ".budgetRate" || suffix === ".shareOfExpense") baseId = `${baseId}.total`;
  const base = BASES[baseId];
  if (!base) return [];
  const stage = base.stage ?? "actual";
  const key = (kind: Kind, year: YearKey): StoreKey[] => base.concepts.map((concept) => ({ concept, kind, year, stage, scope: base.scope }));
  switch (suffix) {
    case undefined:
      return key("amount", "cur");
    case ".prev":
      return key("amount", "prev");
    case ".change":
      return key("change", "cur");
    case ".changePct":
      return key("changePct", "cur");
    case ".share":
    case ".shareOfExpense":
      return key("share", "cur");
    case ".rate":
    case ".budgetRate":
      return stage === "actual" ? key("rate", "cur") : [];
    default:
      return [];
  }
}

export interface FactStore {
  /** The text's figures, in reading order (those the tables' keys can stand for). */
  text: StoredFact[];
  /** The table figure of a key (at most one). */
  table(k: StoreKey): StoredFact | undefined;
}

/**
 * Whether a statement of the text is filed under a key the tables' figures share. Not:
 * a change against the budget ("比预算增加": the tables' changes are from last year), and an
 * 调整预算 or 全年预算 (the tables' budget figures are the 年初预算).
 */
function fileable(s: Statement): boolean {
  if ((s.kind === "change" || s.kind === "changePct") && s.against !== "prev") return false;
  if (s.stage === "budget" && /调整|全年/.test(norm(s.para.text.slice(Math.max(0, s.figure.start - 14), s.figure.start)))) return false;
  return true;
}

/** The store of a text's statements and a catalogue's facts. */
export function buildStore(statements: readonly Statement[], catalogue: ReadonlyMap<string, Fact>, docKind: "final" | "budget" = "final"): FactStore {
  const text: StoredFact[] = statements.filter(fileable).map((s) => ({
    concept: s.concept,
    kind: s.kind,
    year: s.year,
    stage: s.stage,
    scope: s.scope,
    value: s.value,
    interval: intervalOfStatement(s),
    cells: [s.para.ref],
    at: `${s.para.ref.sheet}!${refA1(s.para.ref)}`,
    statement: s,
  }));
  const tables = new Map<string, StoredFact>();
  const facts = [...catalogue.values()];
  for (const f of facts) {
    // A percentage over a zero base is no figure (the linker skips it too).
    if (f.unit === "count" || f.zeroBase) continue;
    // A final account's text is not checked against a budget's tables in the same workbook (another year), nor the reverse.
    if (f.id.startsWith("b.") !== (docKind === "budget")) continue;
    const keys = keysOfFact(f.id);
    const loose = LOOSE[f.id];
    for (const k of [...keys, ...(loose ? keys.map((k) => ({ ...k, scope: loose })) : [])]) {
      const key = storeKey(k);
      if (tables.has(key)) continue;
      tables.set(key, new TableFigure(k, f, k.scope === loose || undefined));
    }
  }
  return { text, table: (k) => tables.get(storeKey(k)) };
}
