/**
 * The 情况说明 checked against itself (narrative/statements.ts): the identities
 * the tables obey, applied to what the text states, with or without tables.
 *
 * - narrative.consistency — one concept, one year, one stage, one scope → one
 *   value in every paragraph (different years or scopes are never compared).
 * - narrative.identity — 收入总计 = 支出总计 (final accounts and budgets both
 *   balance); 支出 = 基本支出 + 项目支出 (+ 上缴上级、经营、对附属单位补助 in the
 *   all-funds scope, where a total below its stated parts is the error); 基本支出
 *   = 人员经费 + 公用经费; “三公”经费 = 出国 + 公务用车 + 接待; 公务用车 =
 *   购置 + 运行.
 * - narrative.change — 本年 − 上年 = the stated 增减 and its direction; the stated
 *   rate = 增减 ÷ 上年 (上年 stated, or 本年 − 增减); an increase equal to the whole
 *   current amount is a zero base ("上年无此项支出"), not a rate; 完成预算的X% =
 *   决算 ÷ 预算, and no rate over a zero budget.
 * - narrative.share — 占X% = part ÷ whole, the whole being the part's parent
 *   stated in the text (基本支出 of 支出合计, 人员经费 of 基本支出 …). A share off
 *   by one unit of its last decimal is the clerk's adjustment to make the shares
 *   add up to exactly 100%: a tail (info), not an error.
 *
 * Every comparison is between intervals (each written figure ± half a unit of
 * its last decimal, spec §5). Where tables are present and a figure is already
 * linked to a table cell, the table is the judge (narrative/figures.ts): these
 * rules only speak when at least one figure involved is not backed by a table,
 * so one mistake is not reported twice.
 */
import { Decimal, HUNDRED, ZERO } from "../../amount/decimal";
import { halfUnit } from "../../amount/decimal";
import { formatNumber } from "../../amount/format";
import { Interval, sumIntervals } from "../../amount/interval";
import { Finding } from "../../report/finding";
import { refA1, uniqueRefs } from "../../tables/types";
import { narrativeContext } from "../../narrative/context";
import { Linked, headingSection } from "../../narrative/link";
import { TextFigure, clauseBefore, figuresIn } from "../../narrative/text";
import { norm } from "../../recognize/normalize";
import { CONCEPT_NAME, ConceptId, DocInfo, Statement, Scope, conceptsIn, otherScopeBefore, extractStatements, intervalOfStatement, statementKey, wanScale, writtenDecimals } from "../../narrative/statements";
import { COUNT_NAME, CountStatement, countKey, extractCounts } from "../../narrative/counts";
import { FactStore, StoredFact, buildStore } from "../../narrative/store";
import type { Fact } from "../../narrative/fact";
import { RuleContext, Rule } from "../types";

interface State {
  statements: Statement[];
  /** The text's statements and the tables' figures under one key (narrative/store.ts). */
  store: FactStore;
  /** Counts (vehicles, 批次, 人次, equipment) stated in the text. */
  counts: CountStatement[];
  linked: Map<string, Linked>;
  doc: DocInfo;
  /** Figures (paragraph:offset) found to agree with the text's other figures by some identity. */
  held: Set<string>;
  /**
   * Figures an identity rule reported wrong (they have their own finding): against the table
   * figure of their own key ("table": the figure itself is wrong), or as the total of parts
   * that do not add up to it ("sum": the total or a part is wrong).
   */
  contradicted: Map<string, "table" | "sum">;
  /**
   * The findings of each identity rule that has run on this context. textVerified runs
   * those that have not had their turn yet; at their turn they give these findings
   * instead of running again (a second run would also see the first run's state).
   */
  ran: Map<string, Finding[]>;
}

const cache = new WeakMap<RuleContext, State>();

function figKey(paraIndex: number, start: number): string {
  return `${paraIndex}:${start}`;
}

function docKind(ctx: RuleContext, text: string): "final" | "budget" {
  if (ctx.tables.some((t) => t.family === "final")) return "final";
  if (ctx.tables.some((t) => t.family === "budget")) return "budget";
  const d = (text.match(/决算/g) ?? []).length;
  const b = (text.match(/预算(编制)?说明|部门预算|单位预算|预算草案/g) ?? []).length;
  return b > 0 && d === 0 ? "budget" : d >= b ? "final" : "budget";
}

/** A figure of the text: where it is (paragraph and offset). */
type Placed = Pick<Statement, "paraIndex" | "figure">;

function hold(st: State, ...xs: (Placed | undefined)[]): void {
  for (const x of xs) if (x) st.held.add(figKey(x.paraIndex, x.figure.start));
}

function state(ctx: RuleContext): State {
  let s = cache.get(ctx);
  if (s) return s;
  const n = narrativeContext(ctx);
  const head = n.paragraphs.slice(0, 4).map((p) => p.text).join("");
  // The title says which document it is ("某单位2022年部门预算“三公”经费情况说明", whose body reports 2021's 决算).
  const title = n.paragraphs[0]?.text ?? "";
  const titleKind = /预算/.test(title) && !/决算/.test(title) ? "budget" : /决算/.test(title) && !/预算/.test(title) ? "final" : null;
  const doc: DocInfo = { year: n.year, kind: ctx.tables.length ? docKind(ctx, head) : titleKind ?? docKind(ctx, head || n.paragraphs.slice(0, 30).map((p) => p.text).join("")) };
  const statements = n.paragraphs.length ? extractStatements(n.paragraphs, doc) : [];
  const counts = n.paragraphs.length ? extractCounts(n.paragraphs, doc) : [];
  const linked = new Map<string, Linked>();
  for (const l of n.links) linked.set(figKey(l.index, l.figure.start), l);
  s = { statements, store: buildStore(statements, n.facts.facts, doc.kind), counts, linked, doc, held: new Set<string>(), contradicted: new Map(), ran: new Map() };
  cache.set(ctx, s);
  return s;
}

/** Whether a table already judges this figure (linked to a fact, whatever the verdict). */
function tableBacked(st: { linked: Map<string, Linked> }, s: Placed): boolean {
  const l = st.linked.get(figKey(s.paraIndex, s.figure.start));
  return !!l && !!l.fact && l.status !== "unlinked";
}

/**
 * Whether the text's own figures judge a change or rate (narrative.change): a rate whose
 * 预算数 and 决算数 are stated in its paragraph, a change whose 上年数 is, a rate of change
 * whose amount and change are. Those are not compared with the tables a second time.
 */
function textJudges(st: State, s: Statement): boolean {
  if (s.kind === "amount" || s.kind === "share") return false;
  const near = st.statements.filter((x) => x.paraIndex === s.paraIndex && x.concept === s.concept && x.scope === s.scope);
  const amount = (p: (x: Statement) => boolean) => near.some((x) => x.kind === "amount" && p(x));
  // narrative.change takes a rate's budget from the rate's own sentence only.
  if (s.kind === "rate") return amount((x) => x.stage === "budget" && x.sentence === s.sentence) && amount((x) => x.stage === "actual");
  if (s.kind === "change") return amount((x) => x.year === "prev") && amount((x) => x.year === "cur");
  return amount((x) => x.year === "cur") && (amount((x) => x.year === "prev") || near.some((x) => x.kind === "change"));
}

/** Where a table figure comes from, for a message: the cell's label when it is one cell, then the formula. */
function whereInTables(f: Fact): string {
  return `${f.sources.length === 1 ? `${f.sources[0].label}，` : ""}${f.formula}`;
}

/** Whether one of these figures was found to contradict a table (narrative.consistency ran first). */
function shownWrong(st: State, ...xs: (Statement | undefined)[]): boolean {
  return xs.some((x) => !!x && st.contradicted.get(figKey(x.paraIndex, x.figure.start)) === "table");
}

/** Whether a table judges this figure: linked to a fact, or a table figure under its store key. */
function judgedByTable(st: State, s: Statement): boolean {
  return tableBacked(st, s) || (inScope(s) && !!st.store.table(s));
}

const where = (s: Pick<Statement, "para">) => `${s.para.ref.sheet}!${refA1(s.para.ref)}`;
const raw = (s: Pick<Statement, "figure">) => s.figure.raw.replace(/\s/g, "");
const YEAR_ZH = (s: Pick<Statement, "year">, year?: number) => (s.year === "cur" ? (year ? `${year}年` : "本年") : s.year === "prev" ? (year ? `${year - 1}年` : "上年") : `${s.year}年`);
const SCOPE_ZH: Record<Scope, string> = { all: "", fiscal: "财政拨款", gpb: "一般公共预算财政拨款", govFund: "政府性基金预算财政拨款", soe: "国有资本经营预算财政拨款" };
function name(s: Statement, year?: number): string {
  return `${YEAR_ZH(s, year)}${s.stage === "budget" ? "预算" : ""}${SCOPE_ZH[s.scope]}${CONCEPT_NAME[s.concept]}`;
}
const show = (d: Decimal, dp = 2) => formatNumber(d, dp);
const quote = (s: Pick<Statement, "para" | "figure">) => {
  const t = s.para.text;
  const from = Math.max(0, s.figure.start - 16);
  return `${from > 0 ? "…" : ""}${t.slice(from, s.figure.end).replace(/\s+/g, "")}`;
};

/** Sections whose figures are about one project or the assets, not the department's accounts. */
const OUTSIDE = new Set(["perf", "project", "assets", "terms"]);
const inScope = (s: Statement) => !s.section || !OUTSIDE.has(s.section);

export const consistency: Rule = {
  id: "narrative.consistency",
  title: "情况说明中同一年度、同一口径的同一项目只能有一个数",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const st = state(ctx);
    const year = st.doc.year;
    const out: Finding[] = [];
    const amounts = st.statements.filter((s) => s.kind === "amount" && inScope(s) && s.concept !== "income" && s.concept !== "expense");
    for (const [prev, s] of disagreements(st, amounts, statementKey, (a, b) => intervalOfStatement(a).overlaps(intervalOfStatement(b)))) {
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明前后不一致：${name(s, year)}在 ${where(prev)} 写作 ${raw(prev)}（“${quote(prev)}”），在 ${where(s)} 写作 ${raw(s)}（“${quote(s)}”）。同一年度、同一口径的同一项目只能有一个数，请核对后统一。`,
        cells: [s.para.ref, prev.para.ref],
        expected: raw(prev),
        actual: raw(s),
      });
    }
    // The same key in the tables (narrative/store.ts): a figure the linker could not place by its words
    // (a heading it does not know, a phrasing of its own) is still compared with the table's figure.
    const reported = new Set<string>();
    for (const t of st.store.text) {
      const s = t.statement!;
      if (s.kind === "share" || !inScope(s) || tableBacked(st, s)) continue;
      // 收入 / 支出 alone are read as a concept only with a fund named ("一般公共预算财政拨款支出").
      if ((s.concept === "income" || s.concept === "expense") && s.scope === "all") continue;
      const tf = st.store.table(s);
      if (!tf || textJudges(st, s)) continue;
      if (t.interval.overlaps(tf.interval)) {
        hold(st, s);
        continue;
      }
      // The paragraph named another fund before the figure ("其中一般公共预算财政拨款支出……。按支出性质分，
      // 基本支出……"): the scope read is a guess, and a difference is a warning.
      const guessed = tf.loose || !!otherScopeBefore(s);
      // The same magnitude the other way round: the direction word is wrong, not the amount.
      const flipped = (s.kind === "change" || s.kind === "changePct") && t.interval.neg().overlaps(tf.interval);
      const k = figKey(s.paraIndex, s.figure.start);
      if (reported.has(k)) continue;
      reported.add(k);
      st.contradicted.set(k, "table");
      const f = tf.fact!;
      const unit = f.unit === "%" ? "%" : "万元";
      out.push({
        rule: this.id,
        severity: guessed ? "warning" : "error",
        message: flipped
          ? `情况说明（${where(s)}）“${quote(s)}”：${name(s, year)}写的是${s.value.isNeg() ? "减少" : "增加"} ${raw(s)}，表中为${f.value.isNeg() ? "减少" : "增加"} ${show(f.shown.abs(), f.decimals)}${unit}（${f.formula}），增减方向写反了。`
          : `情况说明（${where(s)}）“${quote(s)}”：${name(s, year)}写作 ${raw(s)}，表中为 ${show(f.shown.abs(), f.decimals)}${unit}（${whereInTables(f)}），两者不一致，请核对。${
              tf.loose ? "（文中没有写明口径，按一般公共预算财政拨款基本支出核对；若说的是全部资金的数，请写明口径。）" : guessed ? "（本段前文写有其他资金口径，此数按所在句子的口径核对；若口径不同，请在句中写明。）" : ""
            }`,
        cells: [s.para.ref, ...tf.cells],
        expected: `${show(f.shown.abs(), f.decimals)}${unit}`,
        actual: raw(s),
      });
    }
    // Counts: one thing counted, one year → one number (exact: a count has no rounding).
    for (const [prev, c] of disagreements(st, st.counts, countKey, (a, b) => a.value.eq(b.value))) {
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明前后不一致：${countName(c, year)}在 ${where(prev)} 写作 ${raw(prev)}（“${quote(prev)}”），在 ${where(c)} 写作 ${raw(c)}（“${quote(c)}”）。同一年度的同一数量只能有一个数，请核对后统一。`,
        cells: [c.para.ref, prev.para.ref],
        expected: raw(prev),
        actual: raw(c),
      });
    }
    return out;
  },
};

/**
 * Figures of one key (concept, year, stage, scope) stated with values that do not
 * agree: each later figure with the first one, once per value (agreeing figures are
 * held as verified). Two figures a table judges both are the table's to report, and
 * one figure read twice (a list) is not a disagreement.
 */
function* disagreements<T extends Placed>(st: State, items: readonly T[], key: (x: T) => string, agree: (a: T, b: T) => boolean): Generator<[T, T]> {
  const first = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const seen = first.get(k) ?? [];
    const agrees = seen.find((p) => agree(p, x));
    if (agrees) {
      hold(st, agrees, x);
      continue;
    }
    const prev = seen[0];
    seen.push(x);
    first.set(k, seen);
    if (!prev || (tableBacked(st, prev) && tableBacked(st, x))) continue;
    if (prev.paraIndex === x.paraIndex && prev.figure.start === x.figure.start) continue;
    yield [prev, x];
  }
}

function countName(c: CountStatement, year?: number): string {
  return `${YEAR_ZH(c, year)}${c.stage === "budget" ? "预算" : ""}${c.scope === "fiscal" ? "财政拨款开支的" : ""}${COUNT_NAME[c.concept]}`;
}

/** The latest amount statement of `concept` with the dimensions of `like`, stated before `before` (or anywhere when none before). */
function find(sts: Statement[], concept: ConceptId, like: Pick<Statement, "year" | "stage" | "scope">, before?: Statement): Statement | undefined {
  const cands = sts.filter((s) => s.kind === "amount" && s.concept === concept && s.year === like.year && s.stage === like.stage && s.scope === like.scope && inScope(s));
  if (!before) return cands[0];
  // The same paragraph first (the figure it goes with), then the latest before it, then any.
  const samePara = cands.filter((s) => s.paraIndex === before.paraIndex && s !== before);
  const earlierInPara = samePara.filter((s) => s.figure.start < before.figure.start);
  if (earlierInPara.length) return earlierInPara[earlierInPara.length - 1];
  if (samePara.length) return samePara[0];
  const earlier = cands.filter((s) => s.paraIndex < before.paraIndex);
  return earlier[earlier.length - 1] ?? cands[0];
}

/**
 * The amount a change refers to when its own paragraph does not state it ("与上年相比，
 * 收入总计增加222.25万元" in a paragraph of its own, the 本年 收入总计 stated in the
 * overview): this year's amount of the same concept, scope and stage stated in
 * another paragraph. Only when the text states that amount once, or always with the
 * same value (two different values are narrative.consistency's finding, and the
 * change cannot be told to go with either).
 */
function baseElsewhere(sts: Statement[], s: Statement): Statement | undefined {
  if (s.kind !== "change" && s.kind !== "changePct") return undefined;
  const stage = s.against === "budget" ? "actual" : s.stage;
  const cands = sts.filter((x) => x.kind === "amount" && x.concept === s.concept && x.year === "cur" && x.stage === stage && x.scope === s.scope && x.paraIndex !== s.paraIndex && inScope(x));
  if (!cands.length || cands.some((x) => !x.value.eq(cands[0].value))) return undefined;
  return cands.filter((x) => x.paraIndex < s.paraIndex).pop() ?? cands[0];
}

/** A term of an identity: a figure of the text, or one only the tables hold. */
interface Term {
  concept: ConceptId;
  value: Decimal;
  iv: Interval;
  statement?: Statement;
  table?: StoredFact;
}

interface SumSpec {
  total: ConceptId[];
  parts: ConceptId[];
  /** Parts that may go unstated (zero): then only "total ≥ stated parts" is checked. */
  optional?: ConceptId[];
  scopes?: Scope[];
  label: string;
}

const SUMS: SumSpec[] = [
  { total: ["expenseYear", "expense"], parts: ["basic", "project"], optional: ["upper", "business", "subsidiary"], scopes: ["all"], label: "支出合计应等于基本支出、项目支出（及上缴上级支出、经营支出、对附属单位补助支出）之和" },
  { total: ["expenseYear", "expense"], parts: ["basic", "project"], scopes: ["fiscal", "gpb", "govFund", "soe"], label: "财政拨款支出应等于基本支出与项目支出之和" },
  { total: ["basic"], parts: ["personnel", "public"], label: "基本支出应等于人员经费与公用经费之和" },
  { total: ["sangong"], parts: ["abroad", "car", "reception"], label: "“三公”经费应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和" },
  { total: ["car"], parts: ["carPurchase", "carRun"], label: "公务用车购置及运行费应等于购置费与运行费之和" },
];

export const identity: Rule = {
  id: "narrative.identity",
  title: "情况说明中的数字应满足表间关系：收支总计相等，支出等于基本支出加项目支出，基本支出等于人员经费加公用经费",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const st = state(ctx);
    const year = st.doc.year;
    const out: Finding[] = [];
    const sts = st.statements.filter(inScope);
    // 收入总计 = 支出总计, per year, stage and scope.
    const done = new Set<string>();
    for (const inc of sts) {
      if (inc.kind !== "amount" || inc.concept !== "incomeTotal") continue;
      const exp = find(sts, "expenseTotal", inc);
      if (!exp || exp.figure === inc.figure) continue;
      const k = `${inc.year}|${inc.stage}|${inc.scope}`;
      if (done.has(k)) continue;
      done.add(k);
      if (intervalOfStatement(inc).overlaps(intervalOfStatement(exp))) {
        hold(st, inc, exp);
        continue;
      }
      if (tableBacked(st, inc) && tableBacked(st, exp)) continue;
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明中${name(inc, year)} ${raw(inc)}（${where(inc)}）与${CONCEPT_NAME.expenseTotal} ${raw(exp)}（${where(exp)}）不相等，相差 ${show(inc.value.minus(exp.value).abs())}万元。${st.doc.kind === "final" ? "决算" : "预算"}收入总计与支出总计应相等，请核对。`,
        cells: [exp.para.ref, inc.para.ref],
        expected: raw(inc),
        actual: raw(exp),
      });
    }
    // Both years balance, so the two totals change by the same amount: "收入较去年减少90.8万元" against
    // "支出较去年增加323.95万元" cannot both be true (a figure written once for both, "收、支总计各增加", is one).
    const doneChange = new Set<string>();
    for (const dInc of sts) {
      if (dInc.kind !== "change" || dInc.concept !== "incomeTotal" || dInc.against !== "prev" || dInc.year !== "cur") continue;
      const dExp = sts.find((x) => x.kind === "change" && x.concept === "expenseTotal" && x.against === "prev" && x.year === "cur" && x.stage === dInc.stage && x.scope === dInc.scope);
      if (!dExp || dExp.figure.start === dInc.figure.start && dExp.paraIndex === dInc.paraIndex) continue;
      const k = `${dInc.stage}|${dInc.scope}`;
      if (doneChange.has(k)) continue;
      doneChange.add(k);
      if (intervalOfStatement(dInc).overlaps(intervalOfStatement(dExp))) {
        hold(st, dInc, dExp);
        continue;
      }
      if (tableBacked(st, dInc) && tableBacked(st, dExp)) continue;
      const signed = (x: Statement) => `${x.value.isNeg() ? "减少" : "增加"} ${show(x.value.abs())}万元`;
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明中${SCOPE_ZH[dInc.scope]}收入总计比上年${signed(dInc)}（${where(dInc)}），支出总计比上年${signed(dExp)}（${where(dExp)}）。收入总计与支出总计每年都相等，两者的增减额也应相同，请核对。`,
        cells: [dExp.para.ref, dInc.para.ref],
        expected: signed(dInc),
        actual: signed(dExp),
      });
    }
    // Parts that cannot exceed their whole: 中小企业 within 政府采购, 小微企业 within 中小企业.
    for (const [partId, wholeId] of [["sme", "procurement"], ["small", "sme"]] as [ConceptId, ConceptId][]) {
      for (const part of sts) {
        if (part.kind !== "amount" || part.concept !== partId) continue;
        const whole = find(sts, wholeId, part, part);
        if (!whole || tableBacked(st, part) && tableBacked(st, whole)) continue;
        if (!intervalOfStatement(part).lo.gt(intervalOfStatement(whole).hi)) continue;
        out.push({
          rule: this.id,
          severity: "error",
          message: `情况说明中${CONCEPT_NAME[partId]} ${raw(part)}（${where(part)}）大于${CONCEPT_NAME[wholeId]} ${raw(whole)}（${where(whole)}）：部分不能超过整体，请核对。`,
          cells: [part.para.ref, whole.para.ref],
          expected: `≤ ${raw(whole)}`,
          actual: raw(part),
        });
      }
    }
    // 机关运行经费 = 日常公用经费 for a department of 行政 units and 参公 事业单位 only (domain notes §2).
    const all = narrativeContext(ctx).paragraphs.map((p) => p.text).join("");
    const administrative = /行政单位|参照公务员法管理|参公/.test(all) && !/(?<!参公)事业单位(?!参照)/.test(all.replace(/参照公务员法管理的?事业单位|参公事业单位/g, ""));
    if (administrative)
      for (const op of sts) {
        if (op.kind !== "amount" || op.concept !== "operating") continue;
        const daily = find(sts, "dailyPublic", op, op);
        if (!daily) continue;
        if (intervalOfStatement(op).overlaps(intervalOfStatement(daily))) {
          hold(st, op, daily);
          continue;
        }
        if (tableBacked(st, op) && tableBacked(st, daily)) continue;
        out.push({
          rule: this.id,
          severity: "error",
          message: `情况说明中机关运行经费 ${raw(op)}（${where(op)}）与日常公用经费 ${raw(daily)}（${where(daily)}）不相等：本部门为行政单位（或参公事业单位），机关运行经费即日常公用经费，两处应相同。`,
          cells: [op.para.ref, daily.para.ref],
          expected: raw(daily),
          actual: raw(op),
        });
        break;
      }
    // Totals and their parts. A part the text does not state is taken from the tables when they hold it
    // (narrative/store.ts): "支出合计X，其中基本支出a" with 项目支出 only in 公开03表 is still checked.
    for (const spec of SUMS) {
      const seen = new Set<string>();
      for (const t of sts) {
        if (t.kind !== "amount" || !spec.total.includes(t.concept)) continue;
        if (spec.scopes && !spec.scopes.includes(t.scope)) continue;
        const k = `${t.year}|${t.stage}|${t.scope}`;
        if (seen.has(k)) continue;
        const term = (c: ConceptId): Term | undefined => {
          const x = find(sts, c, t, t);
          if (x) return { concept: c, value: x.value, iv: intervalOfStatement(x), statement: x };
          const tf = st.store.table({ concept: c, kind: "amount", year: t.year, stage: t.stage, scope: t.scope });
          return tf && { concept: c, value: tf.value, iv: tf.interval, table: tf };
        };
        const parts = spec.parts.map(term);
        if (parts.some((p) => !p)) continue;
        seen.add(k);
        const opt = (spec.optional ?? []).map(term).filter((p): p is Term => !!p);
        const all = [...(parts as Term[]), ...opt];
        const stated = all.flatMap((x) => (x.statement ? [x.statement] : []));
        // Each figure a table judges on its own (linked, or a table figure of its key: narrative.consistency) is
        // not judged again through the sum: the sum speaks for figures no table holds.
        if ([t, ...stated].every((s) => judgedByTable(st, s))) continue;
        const sumIv = sumIntervals(all.map((x) => x.iv));
        const totIv = intervalOfStatement(t);
        const sum = all.reduce((a, x) => a.plus(x.value), ZERO);
        const onlyAtLeast = (spec.optional ?? []).length > 0 && opt.length < (spec.optional ?? []).length;
        const broken = onlyAtLeast ? sumIv.lo.gt(totIv.hi) : !sumIv.overlaps(totIv);
        if (!broken) {
          if (!onlyAtLeast) hold(st, t, ...stated);
          continue;
        }
        // A part stated in the same sentence as its total is partsSum's (figures.ts) unless the total was named elsewhere too.
        if (stated.length === all.length && stated.every((s) => s.paraIndex === t.paraIndex && s.sentence === t.sentence)) continue; // narrative.parts-sum says it
        if (!st.contradicted.has(figKey(t.paraIndex, t.figure.start))) st.contradicted.set(figKey(t.paraIndex, t.figure.start), "sum");
        const termText = (x: Term) =>
          x.statement ? `${CONCEPT_NAME[x.concept]} ${raw(x.statement)}（${where(x.statement)}）` : `${CONCEPT_NAME[x.concept]} ${show(x.value)}万元（表中：${whereInTables(x.table!.fact!)}）`;
        out.push({
          rule: this.id,
          severity: "error",
          message: `情况说明中${spec.label}：${name(t, year)} ${raw(t)}（${where(t)}），${all.map(termText).join("、")}之和为 ${show(sum)}万元，相差 ${show(sum.minus(t.value).abs())}万元。`,
          cells: [t.para.ref, ...all.flatMap((x) => (x.statement ? [x.statement.para.ref] : x.table!.cells))],
          expected: show(sum),
          actual: raw(t),
        });
      }
    }
    out.push(...changeSums(st, sts, year));
    return dedupeCells(out);
  },
};

/** The stated change of a concept like `like`'s (same year, stage, scope, compared with the same thing), its paragraph first. */
function findChange(sts: Statement[], concept: ConceptId, like: Statement): Statement | undefined {
  const cands = sts.filter((s) => s.kind === "change" && s.concept === concept && s.year === like.year && s.stage === like.stage && s.scope === like.scope && s.against === like.against);
  return cands.find((s) => s.paraIndex === like.paraIndex) ?? cands[0];
}

/**
 * A total and its parts add up in both years, so their changes add up too:
 * "支出合计比上年增加222.25万元" with "基本支出增加150.00万元、项目支出增加72.25万元"
 * (in one sentence after "主要是", or in other paragraphs). Checked when the change of
 * every part is stated (an unstated part may have changed by anything); a list after
 * "其中" within the total's sentence is narrative.parts-sum's.
 */
function changeSums(st: State, sts: Statement[], year: number | undefined): Finding[] {
  const out: Finding[] = [];
  const signed = (x: Statement) => `${x.value.isNeg() ? "减少" : "增加"} ${show(x.value.abs())}万元`;
  for (const spec of SUMS) {
    const seen = new Set<string>();
    for (const t of sts) {
      if (t.kind !== "change" || !spec.total.includes(t.concept) || t.year !== "cur") continue;
      if (spec.scopes && !spec.scopes.includes(t.scope)) continue;
      const k = `${t.stage}|${t.scope}|${t.against}`;
      if (seen.has(k)) continue;
      const all = [...spec.parts, ...(spec.optional ?? [])].map((c) => findChange(sts, c, t));
      const parts = all.slice(0, spec.parts.length);
      if (parts.some((p) => !p)) continue;
      // The optional parts (上缴上级, 经营, 对附属单位补助): their changes stated, or none of them this
      // year — the text's own amounts show the total is the sum of the main parts alone; then
      // the parts are presumed absent last year too, and a difference is a warning.
      const opt = all.slice(spec.parts.length);
      let presumed = false;
      if (opt.some((p) => !p)) {
        const like = { year: "cur" as const, stage: t.stage, scope: t.scope };
        const total = find(sts, t.concept, like, t);
        const amounts = spec.parts.map((c) => find(sts, c, like, t));
        if (!total || amounts.some((x) => !x)) continue;
        if (!sumIntervals((amounts as Statement[]).map(intervalOfStatement)).overlaps(intervalOfStatement(total))) continue;
        presumed = true;
      }
      seen.add(k);
      const stated = (presumed ? parts : all) as Statement[];
      if ([t, ...stated].every((s) => tableBacked(st, s))) continue;
      if (stated.every((s) => s.paraIndex === t.paraIndex && s.sentence === t.sentence) && /其中/.test(t.para.text.slice(t.figure.end, stated[0].figure.start))) continue;
      const sumIv = sumIntervals(stated.map(intervalOfStatement));
      if (sumIv.overlaps(intervalOfStatement(t))) {
        hold(st, t, ...stated);
        continue;
      }
      const sum = stated.reduce((a, s) => a.plus(s.value), ZERO);
      out.push({
        rule: "narrative.identity",
        severity: presumed ? "warning" : "error",
        message: `情况说明中${spec.label}，各项的增减额之和也应等于合计的增减额：${name(t, year)}比${t.against === "budget" ? "预算" : "上年"}${signed(t)}（${where(t)}），${stated.map((s) => `${CONCEPT_NAME[s.concept]}${signed(s)}（${where(s)}）`).join("、")}，合计${sum.isNeg() ? "减少" : "增加"} ${show(sum.abs())}万元，相差 ${show(sum.minus(t.value).abs())}万元。${presumed ? "（文中本年支出合计等于基本支出与项目支出之和，按没有其他支出核对；若上年有上缴上级、经营或对附属单位补助支出，请在说明中写明。）" : ""}`,
        cells: [t.para.ref, ...stated.map((s) => s.para.ref)],
        expected: signed({ ...t, value: sum }),
        actual: signed(t),
      });
    }
  }
  return out;
}

function dedupeCells(fs: Finding[]): Finding[] {
  for (const f of fs) f.cells = uniqueRefs(f.cells);
  return fs;
}

/** One unit of the last decimal written (0.01 for "38.28%"). */
const lastUnit = (decimals: number) => halfUnit(decimals).times(2);

/**
 * A percentage cut after its last decimal instead of rounded ("38.2876%" written
 * 38.28%): the exact value lies within one unit of the last decimal beyond the
 * figure, away from zero. Spec §5 tolerates half a unit; a truncation is shown
 * as info (the clerk's arithmetic is right, the rounding is not). `value` is the
 * figure signed by its words (下降 negative).
 */
function truncation(expected: Interval, value: Decimal, decimals: number): boolean {
  const unit = lastUnit(decimals);
  const cut = value.isNeg() ? new Interval(value.minus(unit), value) : new Interval(value, value.plus(unit));
  return expected.overlaps(cut);
}

function truncationFinding(rule: string, s: Statement, mid: Decimal, how: string, cells: Finding["cells"]): Finding {
  const dp = s.figure.decimals || 2;
  return {
    rule,
    severity: "info",
    message: `情况说明（${where(s)}）“${quote(s)}”：${how}四舍五入为 ${show(mid, dp)}%，所写 ${raw(s)} 是截去尾数所得（未四舍五入），建议改为 ${show(mid.abs(), dp)}%。`,
    cells,
    expected: `${show(mid, dp)}%`,
    actual: raw(s),
  };
}

/** [lo, hi] × 100 ÷ [lo, hi]; null when the divisor may be zero. */
function pct(num: Interval, den: Interval): Interval | null {
  const q = num.div(den);
  return q ? q.times(HUNDRED) : null;
}

export const change: Rule = {
  id: "narrative.change",
  title: "情况说明中的增减额、增减率和完成率应与所写的本年数、上年数、预算数一致",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const st = state(ctx);
    const year = st.doc.year;
    const out: Finding[] = [];
    const sts = st.statements.filter(inScope);
    const said = new Set<string>();
    for (const s of sts) {
      if (s.kind === "amount" || tableBacked(st, s)) continue;
      // "收、支总计各增加X" is one figure for two concepts: one finding at most.
      const fk = figKey(s.paraIndex, s.figure.start);
      if (said.has(fk)) continue;
      const before = out.length;
      try {
      const base = s.base ?? baseElsewhere(sts, s);
      if (!base || base.kind !== "amount") continue;
      if (s.kind === "change" || s.kind === "changePct") {
        if (base.year !== "cur") continue;
        const vsBudget = s.against === "budget";
        if (vsBudget && base.stage !== "actual") continue;
        const prior = vsBudget ? find(sts, base.concept, { ...base, stage: "budget" }) : find(sts, base.concept, { ...base, year: "prev" });
        // The change the rate goes with: the one just before it, against the same thing.
        const chg =
          s.kind === "change"
            ? s
            : [...sts].reverse().find((x) => x.kind === "change" && (x.base ?? baseElsewhere(sts, x)) === base && x.paraIndex === s.paraIndex && x.against === s.against && x.figure.start < s.figure.start);
        if (s.kind === "change") {
          if (!prior) continue;
          // An operand the tables show to be wrong has its finding (narrative.consistency): the change is not blamed for it.
          if (shownWrong(st, base, prior)) continue;
          const expected = intervalOfStatement(base).sub(intervalOfStatement(prior));
          const said = intervalOfStatement(s);
          if (expected.overlaps(said)) {
            hold(st, s, base, prior);
            continue;
          }
          const diff = base.value.minus(prior.value);
          const wrongWay = !diff.isZero() && !s.value.isZero() && diff.isNeg() !== s.value.isNeg();
          out.push({
            rule: this.id,
            severity: "error",
            message: wrongWay
              ? `情况说明（${where(s)}）“${quote(s)}”：${name(base, year)} ${raw(base)} 比${name(prior, year)} ${raw(prior)}${diff.isNeg() ? "少" : "多"} ${show(diff.abs())}万元，应写“${diff.isNeg() ? "减少" : "增加"}”，不是“${s.value.isNeg() ? "减少" : "增加"}”。`
              : `情况说明（${where(s)}）“${quote(s)}”：${name(base, year)} ${raw(base)} 减${name(prior, year)} ${raw(prior)} 为 ${show(diff)}万元，与所写增减额 ${raw(s)} 不符。`,
            cells: [s.para.ref, base.para.ref, prior.para.ref],
            expected: show(diff),
            actual: raw(s),
          });
          continue;
        }
        // A rate of change: over 上年 as stated, or 本年 − 增减.
        const priorIv = prior ? intervalOfStatement(prior) : chg ? intervalOfStatement(base).sub(intervalOfStatement(chg)) : null;
        if (!priorIv) continue;
        const changeIv = prior ? intervalOfStatement(base).sub(priorIv) : intervalOfStatement(chg!);
        const priorValue = prior ? prior.value : base.value.minus(chg!.value);
        const unitHalf = halfUnit(Math.max(base.figure.decimals, 2));
        if (base.value.isZero()) continue; // nothing this year either: no growth to speak of
        if (!vsBudget && priorIv.hi.lte(unitHalf.times(4)) && priorIv.lo.lte(ZERO.plus(unitHalf.times(4)))) {
          out.push({
            rule: this.id,
            severity: "warning",
            message: `情况说明（${where(s)}）“${quote(s)}”：${prior ? `${name(prior, year)}为 ${raw(prior)}` : `增减额等于${name(base, year)}（${raw(base)}），即上年为0`}，基数为0不能计算增长率，应写“上年无此项支出”。`,
            cells: [s.para.ref, base.para.ref],
            expected: "上年无此项支出",
            actual: raw(s),
          });
          continue;
        }
        // An operand the tables show to be wrong has its finding (narrative.consistency): the rate is not blamed for it.
        if (shownWrong(st, base, prior, chg)) continue;
        const expected = pct(changeIv, priorIv);
        if (!expected) continue;
        const said = Interval.around(s.value, halfUnit(s.figure.decimals));
        if (expected.overlaps(said)) {
          hold(st, s, base, prior, chg);
          continue;
        }
        const mid = base.value.minus(priorValue).div(priorValue).times(HUNDRED);
        if (truncation(expected, s.value, s.figure.decimals)) {
          hold(st, s, base, prior, chg);
          out.push(truncationFinding(this.id, s, mid, prior ? `按${name(base, year)} ${raw(base)}、${name(prior, year)} ${raw(prior)}，增减率` : `按${name(base, year)} ${raw(base)}、增减额 ${raw(chg!)}，增减率`, [s.para.ref]));
          continue;
        }
        out.push({
          rule: this.id,
          severity: "error",
          message: `情况说明（${where(s)}）“${quote(s)}”：${prior ? `按${name(base, year)} ${raw(base)}、${name(prior, year)} ${raw(prior)}` : `按${name(base, year)} ${raw(base)}、增减额 ${raw(chg!)}（${vsBudget ? "预算" : "上年"}为 ${show(priorValue)}万元）`}，增减率应为 ${show(mid, s.figure.decimals || 2)}%，所写为 ${raw(s)}。`,
          cells: [s.para.ref, base.para.ref, ...(prior ? [prior.para.ref] : [])],
          expected: `${show(mid, s.figure.decimals || 2)}%`,
          actual: raw(s),
        });
      } else if (s.kind === "rate") {
        if (base.stage !== "actual") continue;
        const budget = find(sts, base.concept, { ...base, stage: "budget" }, s);
        // The budget of the same sentence ("年初预算为X，支出决算为Y，完成年初预算的Z%").
        if (!budget || budget.paraIndex !== s.paraIndex || budget.sentence !== s.sentence) continue;
        if (shownWrong(st, base, budget)) continue;
        if (budget.value.isZero()) {
          out.push({
            rule: this.id,
            severity: "warning",
            message: `情况说明（${where(s)}）“${quote(s)}”：${name(budget, year)}为 ${raw(budget)}，预算为0不能计算完成率，应写“年初未安排预算”。`,
            cells: [s.para.ref, budget.para.ref],
            expected: "年初未安排预算",
            actual: raw(s),
          });
          continue;
        }
        const expected = pct(intervalOfStatement(base), intervalOfStatement(budget));
        if (!expected) continue;
        if (expected.overlaps(Interval.around(s.value, halfUnit(s.figure.decimals)))) {
          hold(st, s, base, budget);
          continue;
        }
        const mid = base.value.div(budget.value).times(HUNDRED);
        if (truncation(expected, s.value, s.figure.decimals)) {
          hold(st, s, base, budget);
          out.push(truncationFinding(this.id, s, mid, `决算 ${raw(base)} ÷ 预算 ${raw(budget)} `, [s.para.ref]));
          continue;
        }
        out.push({
          rule: this.id,
          severity: "error",
          message: `情况说明（${where(s)}）“${quote(s)}”：决算 ${raw(base)} ÷ 预算 ${raw(budget)} = ${show(mid, s.figure.decimals || 2)}%，所写完成率为 ${raw(s)}。`,
          cells: [s.para.ref, budget.para.ref],
          expected: `${show(mid, s.figure.decimals || 2)}%`,
          actual: raw(s),
        });
      }
      } finally {
        if (out.length > before) said.add(fk);
      }
    }
    return dedupeCells(out);
  },
};

const PARENT: Partial<Record<ConceptId, ConceptId[]>> = {
  basic: ["expenseYear", "expense", "expenseTotal"],
  project: ["expenseYear", "expense", "expenseTotal"],
  upper: ["expenseYear", "expense"],
  business: ["expenseYear", "expense"],
  subsidiary: ["expenseYear", "expense"],
  personnel: ["basic"],
  public: ["basic"],
  abroad: ["sangong"],
  car: ["sangong"],
  reception: ["sangong"],
  carPurchase: ["car", "sangong"],
  carRun: ["car", "sangong"],
  sme: ["procurement"],
  procGoods: ["procurement"],
  procWorks: ["procurement"],
  procServices: ["procurement"],
};

export const share: Rule = {
  id: "narrative.share",
  title: "情况说明中的“占X%”应等于该项除以它所属的合计",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const st = state(ctx);
    const year = st.doc.year;
    const out: Finding[] = [];
    const sts = st.statements.filter(inScope);
    for (const s of sts) {
      if (s.kind !== "share" || tableBacked(st, s) || !s.base) continue;
      const part = s.base;
      const parents = PARENT[part.concept];
      if (!parents) continue;
      // The whole: the nearest parent stated before the share in the same paragraph, else before it anywhere.
      let whole: Statement | undefined;
      for (const c of parents) {
        const w = find(sts, c, part, s);
        if (w && (!whole || w.paraIndex === s.paraIndex)) whole = w;
        if (whole && whole.paraIndex === s.paraIndex) break;
      }
      if (!whole || whole.value.isZero()) continue;
      const expected = pct(intervalOfStatement(part), intervalOfStatement(whole));
      const said = Interval.around(s.value, halfUnit(s.figure.decimals));
      if (!expected) continue;
      if (expected.overlaps(said)) {
        hold(st, s, part, whole);
        continue;
      }
      const mid = part.value.div(whole.value).times(HUNDRED);
      const unit = lastUnit(s.figure.decimals);
      // One unit of the last decimal: the adjustment that makes the shares add up to 100%.
      const tail = expected.distance(said).lte(unit);
      out.push({
        rule: this.id,
        severity: tail ? "info" : "error",
        message: tail
          ? `情况说明（${where(s)}）“${quote(s)}”：按 ${raw(part)} ÷ ${raw(whole)} 四舍五入为 ${show(mid, s.figure.decimals)}%，所写 ${raw(s)} 相差一个尾数单位，应是为使各项占比合计为100%所作的尾差调整。`
          : `情况说明（${where(s)}）“${quote(s)}”：${CONCEPT_NAME[part.concept]} ${raw(part)} 占${name(whole, year)} ${raw(whole)}（${where(whole)}）的比例应为 ${show(mid, s.figure.decimals || 2)}%，所写为 ${raw(s)}。`,
        cells: [s.para.ref, whole.para.ref],
        expected: `${show(mid, s.figure.decimals || 2)}%`,
        actual: raw(s),
      });
    }
    return dedupeCells(out);
  },
};

const CHANGE_BEFORE = /(增加|减少|增长|下降|上升|降低)(了|为|达)?$/;
const DOWN = /(减少|下降|降低)(了|为|达)?$/;
const RATE_OF_CHANGE_BEFORE = /(增长|下降|增加|减少|上升|降低|增幅|降幅)(了|为|达)?$/;
const COMPARED = /比|较|同比|相比|与上年|与预算/;
const COMPLETION = /完成[^，,；;。]{0,8}预算(数)?的?$|预算(执行|完成)率(为)?$/;
const MONEY = new Set(["万元", "元", "亿元", "千元"]);

/**
 * The arithmetic of one sentence, whatever it is about (a 功能分类 item, an 经济分类
 * line, a project — no concept needed): "X 116433.12 元，同比增加 16803.36 元，增长
 * 14.43%" — the rate is the change over the earlier figure, 本年 − 增减 (or the budget,
 * "与预算相比"); "预算为A，决算为B，完成预算的C%" — C = B ÷ A. Figures the concept
 * rules (narrative.change) or a table already judge are left to them.
 */
export const localChange: Rule = {
  id: "narrative.local-change",
  title: "情况说明中一句话里的“本年数、增减额、增减率”和“预算数、决算数、完成率”应互相吻合",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const st = state(ctx);
    const n = narrativeContext(ctx);
    const year = st.doc.year;
    const out: Finding[] = [];
    const judged = new Set(st.statements.filter((s) => s.kind !== "amount" && s.base).map((s) => figKey(s.paraIndex, s.figure.start)));
    let section: string | null = null;
    n.paragraphs.forEach((para, paraIndex) => {
      const h = headingSection(para.text);
      if (h) {
        section = h;
        return;
      }
      if (section === "terms") return;
      const text = para.text;
      const figs = figuresIn(text);
      const ownClause = (f: TextFigure, from: number) => clauseBefore(text, f.start, from);
      // A figure of this paragraph, placed for messages and for holding it as verified.
      const at = (figure: TextFigure) => ({ para, paraIndex, figure });
      // The exact values a written figure stands for (in its own unit).
      const ivOf = (f: TextFigure) => Interval.around(f.value, halfUnit(writtenDecimals(text, f)));
      // "工资福利支出预算 905709.06 元，占基本支出预算 79.89%": the whole is named in the share's own
      // words; its amount is what the text states for it (one value, or the share is not judged).
      figs.forEach((c, i) => {
        if (c.unit !== "%" || i === 0 || judged.has(figKey(paraIndex, c.start))) return;
        const a = figs[i - 1];
        if (!MONEY.has(a.unit) || /[。；;]/.test(text.slice(a.end, c.start))) return;
        const words = norm(text.slice(a.end, c.start));
        const m = /占(.{2,24}?)(的)?(比重|比例)?(为)?$/.exec(words);
        if (!m) return;
        const named = conceptsIn(m[1].replace(/(预算|决算)(数)?$/, ""));
        if (!named || named.ids.length !== 1) return;
        const wholes = st.statements.filter((s) => s.kind === "amount" && s.concept === named.ids[0] && s.year === "cur" && inScope(s) && !(s.paraIndex === paraIndex && s.figure.start === a.start));
        const distinct = [...new Set(wholes.map((s) => s.value.toString()))];
        if (distinct.length !== 1) return;
        const whole = wholes[0];
        const expected = pct(ivOf(a).times(wanScale(a.unit)), intervalOfStatement(whole));
        if (!expected) return;
        const sa = at(a);
        const sc = at(c);
        const said = Interval.around(c.value, halfUnit(c.decimals));
        if (expected.overlaps(said)) {
          hold(st, sa, sc, whole);
          return;
        }
        const mid = a.value.times(wanScale(a.unit)).div(whole.value).times(HUNDRED);
        const dp = c.decimals || 2;
        const cut = truncation(expected, c.value, c.decimals);
        const unit = lastUnit(c.decimals);
        // One unit of the last decimal: the adjustment that makes shares add up to 100% (as narrative.share).
        const tail = cut || expected.distance(said).lte(unit);
        if (tail) hold(st, sa, sc, whole);
        out.push({
          rule: this.id,
          severity: tail ? "info" : "error",
          message: tail
            ? `情况说明（${where(sc)}）“${quote(sc)}”：${raw(sa)} ÷ ${name(whole, year)} ${raw(whole)} 四舍五入为 ${show(mid, dp)}%，所写 ${raw(sc)} 相差一个尾数单位（截尾或为凑足100%所作的调整）。`
            : `情况说明（${where(sc)}）“${quote(sc)}”：${raw(sa)} 占${name(whole, year)} ${raw(whole)}（${where(whole)}）的比例应为 ${show(mid, dp)}%，所写为 ${raw(sc)}。`,
          cells: [para.ref, whole.para.ref],
          expected: `${show(mid, dp)}%`,
          actual: raw(sc),
        });
      });
      // Shares between the figures ("116433.12 元，占支出总预算 10.73%，同比增加……") are passed over.
      const seq = figs.filter((f, i) => !(f.unit === "%" && /占/.test(ownClause(f, i ? figs[i - 1].end : 0))));
      for (let k = 2; k < seq.length; k++) {
        const [a, b, c] = [seq[k - 2], seq[k - 1], seq[k]];
        if (c.unit !== "%" || !MONEY.has(a.unit) || a.unit !== b.unit) continue;
        // One sentence: no 。；between the three.
        if (/[。；;]/.test(text.slice(a.start, c.start))) continue;
        const key = figKey(paraIndex, c.start);
        if (judged.has(key) || tableBacked(st, at(c))) continue;
        const ca = ownClause(a, k >= 3 ? seq[k - 3].end : 0);
        const cb = ownClause(b, a.end);
        const cc = ownClause(c, b.end);
        const [sa, sb, sc] = [at(a), at(b), at(c)];
        if (!CHANGE_BEFORE.test(ca) && CHANGE_BEFORE.test(cb) && COMPARED.test(norm(text.slice(a.end, b.start)) + cb) && RATE_OF_CHANGE_BEFORE.test(cc)) {
          // 本年 A, 增减 B, 增减率 C: C = B ÷ (A − B).
          const sign = DOWN.test(cb) ? -1 : 1;
          const bIv = sign < 0 ? ivOf(b).neg() : ivOf(b);
          const baseIv = ivOf(a).sub(bIv);
          const baseMid = a.value.minus(sign < 0 ? b.value.neg() : b.value);
          if (baseMid.lte(0) || baseIv.lo.lte(0)) continue; // a zero base: narrative.change / zero-base say so
          const expected = pct(bIv, baseIv);
          if (!expected) continue;
          const cSigned = DOWN.test(cc) ? c.value.neg() : c.value;
          const said = Interval.around(cSigned, halfUnit(c.decimals));
          if (expected.overlaps(said)) {
            hold(st, sa, sb, sc);
            continue;
          }
          const mid = (sign < 0 ? b.value.neg() : b.value).div(baseMid).times(HUNDRED);
          const dp = c.decimals || 2;
          const cut = truncation(expected, cSigned, c.decimals);
          const overCurrent = Interval.around(c.value, halfUnit(c.decimals)).overlaps(pct(ivOf(b), ivOf(a)) ?? new Interval(ZERO.minus(1), ZERO.minus(1)));
          if (cut) hold(st, sa, sb, sc);
          out.push({
            rule: this.id,
            severity: cut ? "info" : "error",
            message: cut
              ? `情况说明（${where(sc)}）“${quote(sc)}”：增减率 ${raw(sb)} ÷（${raw(sa)} ${sign < 0 ? "+" : "−"} ${raw(sb)}）四舍五入为 ${show(mid.abs(), dp)}%，所写 ${raw(sc)} 是截去尾数所得（未四舍五入）。`
              : `情况说明（${where(sc)}）“${quote(sc)}”：增减率应为增减额 ${raw(sb)} ÷ 上年数（${raw(sa)} ${sign < 0 ? "+" : "−"} ${raw(sb)} = ${show(baseMid, Math.max(a.decimals, b.decimals))}${a.unit}）= ${show(mid.abs(), dp)}%，所写为 ${raw(sc)}${overCurrent ? "（是以本年数为基数算的）" : ""}。`,
            cells: [para.ref],
            expected: `${show(mid.abs(), dp)}%`,
            actual: raw(sc),
          });
          continue;
        }
        if (COMPLETION.test(cc) && /预算/.test(ca) && /决算|支出|执行|完成/.test(cb) && !/预算/.test(cb.replace(/^.*决算/, "")) && !CHANGE_BEFORE.test(cb)) {
          // 预算 A, 决算 B, 完成预算的 C%: C = B ÷ A.
          if (a.value.isZero()) continue; // narrative.change says a zero budget has no rate
          const expected = pct(ivOf(b), ivOf(a));
          if (!expected) continue;
          if (expected.overlaps(Interval.around(c.value, halfUnit(c.decimals)))) {
            hold(st, sa, sb, sc);
            continue;
          }
          const mid = b.value.div(a.value).times(HUNDRED);
          const dp = c.decimals || 2;
          const cut = truncation(expected, c.value, c.decimals);
          if (cut) hold(st, sa, sb, sc);
          out.push({
            rule: this.id,
            severity: cut ? "info" : "error",
            message: cut
              ? `情况说明（${where(sc)}）“${quote(sc)}”：决算 ${raw(sb)} ÷ 预算 ${raw(sa)} 四舍五入为 ${show(mid, dp)}%，所写 ${raw(sc)} 是截去尾数所得（未四舍五入）。`
              : `情况说明（${where(sc)}）“${quote(sc)}”：决算 ${raw(sb)} ÷ 预算 ${raw(sa)} = ${show(mid, dp)}%，所写完成率为 ${raw(sc)}。`,
            cells: [para.ref],
            expected: `${show(mid, dp)}%`,
            actual: raw(sc),
          });
        }
      }
    });
    return out;
  },
};

/** The rule, run at most once per context: later calls give the first run's findings (see State.ran). */
function once(rule: Rule): Rule {
  return {
    ...rule,
    check(ctx) {
      const st = state(ctx);
      let out = st.ran.get(rule.id);
      if (!out) st.ran.set(rule.id, (out = rule.check(ctx)));
      return out;
    },
  };
}

export const NARRATIVE_IDENTITY_RULES = [consistency, identity, change, share, localChange].map(once);

/**
 * The figures of the text that its own identities confirm (a total equal to its
 * stated parts, a rate equal to its quotient …), as "paragraph:offset" keys of
 * narrativeContext(ctx).links: for the report of what could not be verified.
 */
export function textVerified(ctx: RuleContext): Set<string> {
  const st = state(ctx);
  // Each runs once per context (once()): those that have had their turn give their findings again.
  for (const r of NARRATIVE_IDENTITY_RULES) r.check(ctx);
  return st.held;
}

/** Figures the identity rules report as contradicted ("paragraph:offset"): not "未能核对", they have a finding. */
export function textContradicted(ctx: RuleContext): ReadonlyMap<string, "table" | "sum"> {
  textVerified(ctx);
  return state(ctx).contradicted;
}

/** Kind (决算/预算) and year of the context's narrative, as its statements were read. */
export function narrativeDoc(ctx: RuleContext): DocInfo {
  return state(ctx).doc;
}

/** The statements of the context's narrative (read once per check, shared with the claim rules). */
export function statementsOf(ctx: RuleContext): Statement[] {
  return state(ctx).statements;
}

export { figKey };
