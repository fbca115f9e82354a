/**
 * The 情况说明 as evidence: every amount and percentage of the text becomes a
 * statement "concept · year · stage · scope · kind · value", whatever the
 * tables say (or whether there are tables at all), so that the text can be
 * checked against itself with the identities the tables obey
 * (rules/narrative/identities.ts).
 *
 * How a figure is read (decisions where the spec is silent):
 * - Concept: the last concept named in the clause before the figure (since the
 *   previous figure or a clause boundary); "收、支总计" names both totals. A
 *   figure right after 增加/减少/增长/下降/占/完成…的 with no concept of its own
 *   belongs to the previous amount's concept (a change, a rate of change, a
 *   share, a rate of completion).
 * - Year: the last year word of the sentence before the figure — 本年 / 本年度 /
 *   the document's year → 本年; 上年 / 上年度 / 去年 / the year before → 上年;
 *   any other year → that year (never compared with 本年 or 上年). Comparison
 *   phrases ("与上年相比", "比2020年度", "较上年", "同比") say what a change is
 *   measured against and are not a year of the figure.
 * - Stage: in a final account, a figure whose clause says 预算 (and not 决算)
 *   is the budget (年初预算 / 全年预算); otherwise the outcome. A budget document
 *   has only budget figures.
 * - Scope: 一般公共预算 (gpb), 政府性基金 (govFund), 国有资本经营 (soe), 财政拨款
 *   (fiscal) in the sentence before the figure; else the section's (a 财政拨款
 *   section is fiscal, 一般公共预算/基本支出/三公 sections are gpb); else all funds.
 * Figures whose concept cannot be told are left out: they are not evidence.
 */
import { Decimal } from "../amount/decimal";
import { halfUnit } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { norm, normSlice } from "../recognize/normalize";
import { SectionId } from "./fact";
import { headingSection } from "./link";
import { LIST_SEP, Paragraph, SENTENCE_END, TextFigure, figuresIn, lastEndBefore } from "./text";
import { hitsInOrder, lastHit, nameHits } from "./names";
import { otherEntity } from "./entity";

export type ConceptId =
  | "incomeTotal"
  | "expenseTotal"
  | "incomeYear"
  | "expenseYear"
  | "income"
  | "expense"
  | "basic"
  | "project"
  | "upper"
  | "business"
  | "subsidiary"
  | "personnel"
  | "public"
  | "dailyPublic"
  | "operating"
  | "sangong"
  | "abroad"
  | "car"
  | "carPurchase"
  | "carRun"
  | "reception"
  | "carryIn"
  | "carryOut"
  | "procurement"
  | "procGoods"
  | "procWorks"
  | "procServices"
  | "sme"
  | "small";

export const CONCEPT_NAME: Record<ConceptId, string> = {
  incomeTotal: "收入总计",
  expenseTotal: "支出总计",
  incomeYear: "本年收入合计",
  expenseYear: "本年支出合计",
  income: "收入",
  expense: "支出",
  basic: "基本支出",
  project: "项目支出",
  upper: "上缴上级支出",
  business: "经营支出",
  subsidiary: "对附属单位补助支出",
  personnel: "人员经费",
  public: "公用经费",
  dailyPublic: "日常公用经费",
  operating: "机关运行经费",
  sangong: "“三公”经费",
  abroad: "因公出国（境）费",
  car: "公务用车购置及运行费",
  carPurchase: "公务用车购置费",
  carRun: "公务用车运行费",
  reception: "公务接待费",
  carryIn: "年初结转和结余",
  carryOut: "年末结转和结余",
  procurement: "政府采购支出总额",
  procGoods: "政府采购货物支出",
  procWorks: "政府采购工程支出",
  procServices: "政府采购服务支出",
  sme: "授予中小企业合同金额",
  small: "授予小微企业合同金额",
};

/** Concept words, most specific first; matched on normalised text. */
const CONCEPTS: { re: RegExp; ids: ConceptId[] }[] = [
  { re: /收(入)?[、,，和与及]?支(出)?(决算|预算)?总计|收(入)?[、,，和与及]?支(出)?总(预算|决算)|收支(预算|决算)总(计|额)/g, ids: ["incomeTotal", "expenseTotal"] },
  { re: /收入(决算|预算)?总计|收入总额|总收入/g, ids: ["incomeTotal"] },
  { re: /支出(决算|预算)?总计|支出总额(?!.{0,4}中小)|总支出/g, ids: ["expenseTotal"] },
  { re: /(本年|本年度|年度)?收入(决算|预算)?合计|全年收入(?!总计)/g, ids: ["incomeYear"] },
  { re: /(本年|本年度|年度)?支出(决算|预算)?合计|全年支出(?!总计)/g, ids: ["expenseYear"] },
  { re: /对附属单位补助支出/g, ids: ["subsidiary"] },
  { re: /上缴上级支出/g, ids: ["upper"] },
  { re: /(?<!非)经营支出/g, ids: ["business"] },
  { re: /基本支出/g, ids: ["basic"] },
  { re: /项目支出/g, ids: ["project"] },
  // "其它人员经费177.48万元" is one line of 人员经费, not the whole.
  { re: /(?<!其他|其它)人员经费/g, ids: ["personnel"] },
  { re: /(?<!其他|其它)日常公用经费/g, ids: ["dailyPublic"] },
  { re: /(?<!日常|其他|其它)公用经费/g, ids: ["public"] },
  { re: /机关运行经费|机构运行经费/g, ids: ["operating"] },
  { re: /因公出国\(?境\)?费(用)?/g, ids: ["abroad"] },
  { re: /公务用车购置及运行(维护)?费/g, ids: ["car"] },
  { re: /公务用车购置费?/g, ids: ["carPurchase"] },
  { re: /公务用车运行(维护)?费/g, ids: ["carRun"] },
  { re: /公务接待费/g, ids: ["reception"] },
  { re: /["“”]?三公["“”]?经费/g, ids: ["sangong"] },
  { re: /年初结转和结余/g, ids: ["carryIn"] },
  { re: /年末结转和结余/g, ids: ["carryOut"] },
  { re: /小微企业(的)?(合同)?(金额)?/g, ids: ["small"] },
  { re: /中小企业(的)?(合同)?(金额)?/g, ids: ["sme"] },
  { re: /政府采购(支出)?(预算|决算)?(总额|合同(总)?金额)|政府采购支出/g, ids: ["procurement"] },
  { re: /政府采购货物(类)?(支出)?|货物(类)?采购(支出)?/g, ids: ["procGoods"] },
  { re: /政府采购工程(类)?(支出)?|工程(类)?采购(支出)?/g, ids: ["procWorks"] },
  { re: /政府采购服务(类)?(支出)?|服务(类)?采购(支出)?/g, ids: ["procServices"] },
  // "一般公共预算财政拨款支出1,219.27万元", "财政拨款收入…": only right after a scope word
  // ("一般公共服务支出" is a 功能分类 item, not the scope's total).
  // "2026年收入预算3,000万元": the document's whole income (budgets state it this way).
  // "其中本年收入390.55万元" is the year's income, not the total (年初结转 is not in it).
  { re: /本年度?收入$/g, ids: ["incomeYear"] },
  { re: /本年度?支出$/g, ids: ["expenseYear"] },
  // "部门收入640.48万元" (a school's own receipts) is not the total: only a bare or dated 收入/支出 is.
  { re: /(^|\d{4}年度?)收入$/g, ids: ["incomeTotal"] },
  { re: /(^|\d{4}年度?)支出$/g, ids: ["expenseTotal"] },
  { re: /(财政拨款|一般公共预算|政府性基金预算?|国有资本经营预算?)(财政)?(拨款)?收入$/g, ids: ["income"] },
  { re: /(财政拨款|一般公共预算|政府性基金预算?|国有资本经营预算?)(财政)?(拨款)?支出$/g, ids: ["expense"] },
];

/** Stage words after a concept ("基本支出年初预算为", "支出决算数为"): not part of its name. */
const STAGE_TAIL = /(年初预算|全年预算|调整预算|年初|预算|支出决算|决算|实际支出|执行)(数|额)?(为|是|共|合计|达)?$/;
const FILLER_TAIL = /(数|额)?(为|是|共|合计|达|了)?$/;
/** Scope names that contain the word 预算 (not a stage). */
export const SCOPE_WORDS = /一般公共预算|政府性基金预算|国有资本经营预算/g;

const YUAN_IN_WAN = new Decimal("0.0001");
const YI_IN_WAN = new Decimal(10000);
const ONE_WAN = new Decimal(1);

/** What one unit of a written amount is in 万元 (元 → 0.0001, 亿元 → 10000). */
export function wanScale(unit: string): Decimal {
  return unit === "元" ? YUAN_IN_WAN : unit === "亿元" ? YI_IN_WAN : ONE_WAN;
}

const CUT_LINE = /^\s*-?\d[\d,.]*\s*(万元|元|亿元|%)/;

/** Concepts a 功能分类 line item also has (its own 基本支出 and 项目支出). */
const ITEM_LEVEL = new Set<ConceptId>(["basic", "project", "personnel", "public"]);
/** A 功能分类 item named in the sentence: its code, or its level written after the name. */
const CLASS_ITEM = /(^|[^\d.,])(\d{5}|\d{7})(?=[\u4e00-\u9fa5])(?![元万亿千人个辆台套次批项家条天])|\((类|款|项)\)/;

/** Concepts of the 一般公共预算财政拨款 only (“三公” and its parts). */
export const GPB_ONLY: ReadonlySet<ConceptId> = new Set<ConceptId>(["sangong", "abroad", "car", "carPurchase", "carRun", "reception"]);

export type Kind = "amount" | "change" | "changePct" | "share" | "rate";
export type Scope = "all" | "fiscal" | "gpb" | "govFund" | "soe";
export type Stage = "actual" | "budget";
/** "cur" (本年), "prev" (上年) or another year. */
export type YearKey = "cur" | "prev" | number;

export interface Statement {
  concept: ConceptId;
  kind: Kind;
  year: YearKey;
  stage: Stage;
  scope: Scope;
  /** Signed for changes (减少/下降 negative). */
  value: Decimal;
  figure: TextFigure;
  para: Paragraph;
  /** Index of the paragraph in the narrative. */
  paraIndex: number;
  /** Index of the sentence in the paragraph (split at 。；). */
  sentence: number;
  section: SectionId | null;
  /** For change/share/rate statements: the amount statement they refer to, when stated before them. */
  base?: Statement;
  /** For changes: measured against the prior year or against the budget ("与年初预算相比"). */
  against?: "prev" | "budget";
}

export interface DocInfo {
  year?: number;
  kind: "final" | "budget";
}

const SECTION_SCOPE: Partial<Record<SectionId, Scope>> = {
  fiscal: "fiscal",
  gpb: "gpb",
  basic: "gpb",
  sangong: "gpb",
  govFund: "govFund",
  soe: "soe",
};

function sentenceBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++)
    if (i === text.length || text[i] === "。" || text[i] === "；" || text[i] === ";") {
      if (text.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
    }
  return out;
}

const COMPARISON = /(与|和|同)(上年|上年度|去年|20\d{2}\s*年度?)(决算|预算|同期)?(数)?相比|(比|较|同比)(上年|上年度|去年|20\d{2}\s*年度?)(决算|预算|同期)?(数)?|同比/g;
const YEAR_WORD = /本年度|本年|上年度|上年|去年|(20\d{2})\s*年(度)?/g;

export function yearOf(prefix: string, doc: DocInfo): YearKey {
  // "上年结转", "上年结余" name this year's carry-in, not the year before.
  const t = prefix.replace(COMPARISON, "").replace(/上年(度)?(结转|结余)/g, "");
  let last: YearKey = "cur";
  for (const m of t.matchAll(YEAR_WORD)) {
    if (m[1]) {
      const y = parseInt(m[1], 10);
      if (!doc.year) last = y;
      else last = y === doc.year ? "cur" : y === doc.year - 1 ? "prev" : y;
    } else last = /上年|去年/.test(m[0]) ? "prev" : "cur";
  }
  return last;
}

/** The scope named by the last scope word of normalised text `t`, or null when it names none. */
function scopeWord(t: string): Scope | null {
  // The last scope word before the figure.
  let best: { at: number; s: Scope } | null = null;
  for (const [re, s] of [
    [/一般公共预算/g, "gpb"],
    [/政府性基金/g, "govFund"],
    [/国有资本经营/g, "soe"],
    [/财政拨款/g, "fiscal"],
  ] as [RegExp, Scope][]) {
    for (const m of t.matchAll(re)) if (!best || m.index! > best.at || (m.index === best.at && s !== "fiscal")) best = { at: m.index!, s };
  }
  // "一般公共预算财政拨款", "政府性基金预算财政拨款": both words, one scope (the fund's).
  if (best?.s === "fiscal") {
    const head = t.slice(0, best.at);
    if (/一般公共预算(财政)?$/.test(head) || /一般公共预算拨款/.test(t.slice(best.at - 6, best.at + 4))) best = { at: best.at, s: "gpb" };
    else if (/政府性基金(预算)?(财政)?$/.test(head)) best = { at: best.at, s: "govFund" };
    else if (/国有资本经营(预算)?(财政)?$/.test(head)) best = { at: best.at, s: "soe" };
  }
  return best ? best.s : null;
}

/**
 * The fund scope of a figure: the last scope word of its sentence before it; else the
 * last one that opens an earlier sentence of the paragraph (before that sentence's first
 * figure: "“三公”经费财政拨款支出决算中，……；公务接待费……"); else the section's. A scope
 * word after an earlier sentence's figures says something about those figures ("本年收入
 * 4069.25万元，全部为财政拨款。本年支出……") and is not the paragraph's subject.
 */
function scopeOf(text: string, at: number, bounds: { start: number; end: number }[], si: number, figs: readonly TextFigure[], section: SectionId | null): Scope {
  const start = si >= 0 ? bounds[si].start : 0;
  const own = scopeWord(normSlice(text, start, at));
  if (own) return own;
  for (let k = si - 1; k >= 0; k--) {
    const b = bounds[k];
    const first = figs.find((f) => f.start >= b.start && f.start <= b.end);
    const s = scopeWord(normSlice(text, b.start, first ? first.start : b.end));
    if (s) return s;
  }
  return (section && SECTION_SCOPE[section]) ?? "all";
}

/**
 * The last fund scope named anywhere in the paragraph before a statement's figure, when
 * it is not the scope the statement was given (scopeOf() reads only the figure's own
 * sentence and the openings of earlier ones): the reading of its scope is then a guess.
 */
export function otherScopeBefore(s: Statement): Scope | null {
  const text = s.para.text;
  const figs = figuresIn(text);
  let named: Scope | null = null;
  // Scope words that name a figure of their sentence (before its last figure), in the sentences before this
  // figure's; a scope word after a sentence's figures ("……，全部为财政拨款。") says something about them only.
  for (const b of sentenceBounds(text)) {
    // The figure's own sentence gave it its scope (its last scope word before the figure).
    if (b.end >= s.figure.start) break;
    const last = figs.filter((f) => f.start >= b.start && f.start < b.end).pop();
    if (!last) continue;
    named = scopeWord(normSlice(text, b.start, last.start)) ?? named;
  }
  return named && named !== s.scope ? named : null;
}

export function conceptsIn(clause: string): { ids: ConceptId[]; at: number } | null {
  const raw = norm(clause);
  // As written first ("本年收入决算合计"); without the stage words after the name when that finds nothing.
  const found = conceptsInText(raw);
  if (found) return found;
  const bare = raw.replace(FILLER_TAIL, "").replace(STAGE_TAIL, "").replace(FILLER_TAIL, "");
  return bare === raw ? null : conceptsInText(bare);
}

const conceptHits = (t: string) => nameHits(t, CONCEPTS, (c) => c.re, (c) => c.ids);

function conceptsInText(t: string): { ids: ConceptId[]; at: number } | null {
  // The concept named last (nearest the figure) wins; at the same end, the longer name.
  const best = lastHit(conceptHits(t));
  return best ? { ids: best.value, at: best.at } : null;
}

/**
 * What a change is measured against: the last comparison phrase before it. In a
 * final account "与2021年度预算相比" is the year's own budget; in a budget every
 * figure is a budget, and "比2025年预算" is the year before.
 */
const AGAINST = /(与|和|比|较)(20\d{2}\s*年度?)?(年初|全年|调整)?预算(数)?(相比)?|(与|和|比|较|同比)(上年|上年度|去年|20\d{2}\s*年度?)/g;
function againstOf(prefix: string, doc: DocInfo): "prev" | "budget" {
  if (doc.kind === "budget") return "prev";
  let last: "prev" | "budget" = "prev";
  for (const m of norm(prefix).matchAll(AGAINST)) last = /预算/.test(m[0]) && !/上年|去年/.test(m[0]) ? "budget" : "prev";
  return last;
}

const CHANGE_WORD = /(增加|减少|增长|下降|上升|降低|减幅|增幅)(了|为|达)?$/;
const NEG_WORD = /(减少|下降|降低|减幅)(了|为|达)?$/;
const SHARE_WORD = /占[^，,；;。]{0,12}(比(重|例)?(为)?)?$/;
const RATE_WORD = /完成[^，,；;。]{0,8}预算(数)?的?$|预算(执行|完成)率(为)?$/;

/** The concept on the other side of a total: "支出" after 收入合计 is 支出合计. */
const SIDE_SWAP: Record<"支出" | "收入", Partial<Record<ConceptId, ConceptId>>> = {
  支出: { incomeTotal: "expenseTotal", incomeYear: "expenseYear", income: "expense" },
  收入: { expenseTotal: "incomeTotal", expenseYear: "incomeYear", expense: "income" },
};

/** An amount named after a comparison with another year, in the same clause ("较2014年度……合计16.08万元"). */
const COMPARED_AMOUNT = /(^|[，,：:])(?:较|比|与)(?:上年|上年度|去年|((20\d{2}))\s*年度?)[^，,；;。增减]*$/;

/** A comparison at the end of a change's clause ("较上年决算数", "比2021年", "与上年相比"). */
const COMPARE_TAIL = /(较|比|与|同)(上年|上年度|去年|20\d{2}\s*年度?)?(同期)?(决算|预算)?(数)?(相比)?(各|均|分别|都)?$/;
/** Words of a change's clause that name nothing ("主要原因是", "其中", "各", year words). */
const NOT_AN_ITEM = /本年度|本年|上年度|上年|去年|\d{4}年度?|主要原因是?|主要是|其中|分别|各|共|均|约|为|了|[（(]\d+[)）]|\d+[.、]/g;
/** What is left names an item: two CJK characters or more. */
const UNKNOWN_ITEM = /[\u4e00-\u9fa5]{2,}/;

/** 收入 or 支出 named with a scope only ("财政拨款收入"): it names no concept of its own for a change. */
function isGeneric(ids: ConceptId[]): boolean {
  return ids.length === 1 && (ids[0] === "income" || ids[0] === "expense");
}

function sameIds(a: ConceptId[], b: ConceptId[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

interface EmitContext {
  kind: Kind;
  year: YearKey;
  stage: Stage;
  scope: Scope;
  prefix: string;
  si: number;
}

interface RunPlan extends EmitContext {
  /** One concept per figure of the list. */
  ids: ConceptId[];
  made: Statement[];
  signed: (f: TextFigure) => Decimal;
}

function runValue(f: TextFigure, isPct: boolean, negative: boolean): Decimal {
  const v = isPct ? f.value : f.value.times(wanScale(f.unit));
  return negative ? v.neg() : v;
}

const READ_UNITS = new Set(["万元", "元", "亿元", "%"]);

/**
 * The figures statements are read from (amounts and percentages), with lists
 * marked: "各是4125.49,4143.91万元", "分别为716.45万元和500.00万元", "各下降23.51%、
 * 38.28%" — figures joined only by 、，和 where the earlier ones may leave the
 * unit to the last. A list names one concept per figure (收、支总计 → 收入总计,
 * 支出总计); a list whose concepts cannot be told apart is not read.
 */
function withRuns(text: string, all: TextFigure[]): { figs: TextFigure[]; runOf: Map<TextFigure, { first: TextFigure; index: number; size: number }> } {
  const figs: TextFigure[] = [];
  const runOf = new Map<TextFigure, { first: TextFigure; index: number; size: number }>();
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j + 1 < all.length && (all[j].unit === "none" || all[j].unit === all[j + 1].unit) && LIST_SEP.test(text.slice(all[j].end, all[j + 1].start))) j++;
    const unit = all[j].unit;
    if (j > i && READ_UNITS.has(unit) && all.slice(i, j).every((f) => f.unit === "none" || f.unit === unit)) {
      // An earlier figure takes the list's unit (its text shows it, for messages: "4125.49万元").
      const members = all.slice(i, j + 1).map((f) => (f.unit === unit ? f : { ...f, unit, raw: `${f.raw}${unit}` }));
      members.forEach((f, index) => runOf.set(f, { first: members[0], index, size: members.length }));
      figs.push(...members);
      i = j + 1;
      continue;
    }
    if (READ_UNITS.has(all[i].unit)) figs.push(all[i]);
    i++;
  }
  return { figs, runOf };
}

/** Every concept named in a clause, in the order written (a pair such as 收、支总计 gives both). */
function conceptsOrdered(clause: string): ConceptId[] {
  const out: ConceptId[] = [];
  for (const h of hitsInOrder(conceptHits(norm(clause)))) for (const id of h.value) if (!out.includes(id)) out.push(id);
  return out;
}

/**
 * The statements of a narrative, in reading order. `paragraphs` are the
 * narrative's paragraphs (headings included: they set the section).
 */
export function extractStatements(paragraphs: Paragraph[], doc: DocInfo): Statement[] {
  const out: Statement[] = [];
  let section: SectionId | null = null;
  paragraphs.forEach((para, paraIndex) => {
    const h = headingSection(para.text);
    if (h) {
      section = h;
      return;
    }
    const text = para.text;
    const { figs, runOf } = withRuns(text, figuresIn(text));
    /** The reading of each list, by its first figure (none: the list is not read). */
    const plans = new Map<TextFigure, RunPlan>();
    const bounds = sentenceBounds(text);
    let lastAmount: Statement[] = [];
    const inPara: Statement[] = [];
    /** The statements of the previous figure, and its sentence. */
    let prevMade: Statement[] = [];
    let prevSentence = -1;
    /** After an amount of something else (a 功能分类 item), figures without their own concept are not read. */
    let orphan = false;
    let lastEnd = 0;
    let lastSentence = -1;
    const emit = (concept: ConceptId, f: TextFigure, value: Decimal, c: EmitContext): Statement => {
      const { kind, year, stage, scope, prefix, si } = c;
      // A change is of this year's amount ("本年X，上年Y，比上年增加Z": of X, not Y).
      const base =
        kind === "amount"
          ? undefined
          : kind === "change" || kind === "changePct"
            ? [...inPara].reverse().find((x) => x.concept === concept && x.year === "cur") ?? inPara.find((x) => x.concept === concept)
            : [...inPara].reverse().find((x) => x.concept === concept);
      const st: Statement = {
        concept,
        kind,
        year: kind === "amount" ? year : base?.year ?? "cur",
        stage: kind === "amount" ? stage : base?.stage ?? stage,
        scope: kind === "amount" ? scope : base?.scope ?? scope,
        value,
        figure: f,
        para,
        paraIndex,
        sentence: si,
        section,
        base,
      };
      if (kind === "change" || kind === "changePct") st.against = againstOf(prefix, doc);
      out.push(st);
      if (kind === "amount") inPara.push(st);
      return st;
    };
    for (const f of figs) {
      const run = runOf.get(f);
      if (run && run.index > 0) {
        // "收、支总计各是A、B万元", "分别为A万元和B万元": the k-th figure of the list is the k-th concept's.
        const plan = plans.get(run.first);
        if (!plan) continue;
        const st = emit(plan.ids[run.index], f, plan.signed(f), plan);
        plan.made.push(st);
        if (plan.kind === "amount") lastAmount = [...plan.made];
        prevMade = [...plan.made];
        lastEnd = f.end;
        continue;
      }
      const si = bounds.findIndex((b) => f.start >= b.start && f.start <= b.end);
      const sent = bounds[si] ?? { start: 0, end: text.length };
      // A paragraph that opens with a figure ("19816.81 元，项目支出 0元。") continues a line cut
      // off above it (text pasted from a PDF): its first sentence's subject is not in it.
      if (si <= 0 && CUT_LINE.test(text)) continue;
      if (si !== lastSentence) lastEnd = sent.start;
      lastSentence = si;
      // A figure of the whole region or another level ("全区…", "区本级…") is not the department's.
      if (otherEntity(text, f.start)) {
        lastEnd = f.end;
        lastAmount = [];
        orphan = true;
        continue;
      }
      const clauseRaw = text.slice(Math.max(lastEnd, sent.start), f.start);
      // The clause proper: since the last boundary (a figure's own clause).
      const cut = Math.max(clauseRaw.lastIndexOf("，"), clauseRaw.lastIndexOf(","), clauseRaw.lastIndexOf("："), clauseRaw.lastIndexOf(":"));
      const own = norm(cut >= 0 ? clauseRaw.slice(cut + 1) : clauseRaw);
      const clause = norm(clauseRaw);
      lastEnd = f.end;
      const prefix = text.slice(sent.start, f.start);
      let year = yearOf(prefix, doc);
      // "较2014年度部门决算公开“三公”经费合计16.08万元增加15.15万元": the amount compared with is that year's.
      const comparedYear = COMPARED_AMOUNT.exec(norm(clauseRaw));
      if (comparedYear && !CHANGE_WORD.test(own)) {
        const y = comparedYear[3] ? parseInt(comparedYear[3], 10) : undefined;
        year = y === undefined ? "prev" : doc.year ? (y === doc.year ? "cur" : y === doc.year - 1 ? "prev" : y) : y;
      }
      // The scope word may open the paragraph ("“三公”经费财政拨款支出决算中，……；公务接待费……").
      let scope = scopeOf(text, f.start, bounds, si, figs, section);
      const isPct = f.unit === "%";
      let kind: Kind = "amount";
      if (CHANGE_WORD.test(own)) kind = isPct ? "changePct" : "change";
      else if (isPct && SHARE_WORD.test(own)) kind = "share";
      else if (isPct && RATE_WORD.test(own)) kind = "rate";
      else if (isPct) continue; // a percentage we cannot place
      const ownStage = own.replace(SCOPE_WORDS, "");
      const stage: Stage = doc.kind === "budget" ? "budget" : /预算/.test(ownStage) && !/决算/.test(ownStage) && kind !== "rate" ? "budget" : "actual";
      const negative = (kind === "change" || kind === "changePct") && NEG_WORD.test(own);
      const signed = runValue(f, isPct, negative);
      // A relation word without a concept of its own refers to the previous amount.
      const ownCore = own.replace(CHANGE_WORD, "").replace(SHARE_WORD, "").replace(COMPARE_TAIL, "");
      const named = conceptsIn(kind === "amount" ? clause : ownCore);
      const sinceLast = kind === "amount" || named ? null : conceptsIn(clause.replace(CHANGE_WORD, "").replace(SHARE_WORD, ""));
      let ids: ConceptId[];
      // "年初预算为150万元，支出决算为142万元": a stage word alone names the previous figure's concept.
      const core = own.replace(/本年度|本年|上年度|上年|去年|\d{4}年度?/g, "").replace(FILLER_TAIL, "").replace(STAGE_TAIL, "").replace(FILLER_TAIL, "");
      const bare =
        core.replace(/^(支出|收入)$/, "") === "" &&
        // "本年收入合计120.50万元，本年支出合计110.20万元": a total named in full is its own concept.
        !/合计|总计|总额/.test(own);
      if (kind === "amount") {
        const sameSentence = lastAmount.length && lastAmount[0].sentence === si;
        // "收入合计42.5亿元，支出19.43亿元": the other side of the same total.
        const swapped = core === "支出" || core === "收入" ? lastAmount.map((x) => SIDE_SWAP[core][x.concept]) : [];
        // "在项目支出当中，教育事业支出14,412.87万元": the amount's own words name an item the statements
        // do not know; the concept named earlier in the clause is not its subject.
        if (!bare && !conceptsIn(own) && UNKNOWN_ITEM.test(core.replace(NOT_AN_ITEM, ""))) {
          lastAmount = [];
          orphan = true;
          continue;
        }
        if (bare && sameSentence && own !== "" && swapped.length && swapped.every((c): c is ConceptId => !!c)) ids = swapped as ConceptId[];
        else if (bare && sameSentence && own !== "") ids = lastAmount.map((x) => x.concept);
        else if (!named) {
          // An amount of something else (a 功能分类 item, a project): what follows is not about the previous figure.
          lastAmount = [];
          orphan = true;
          continue;
        } else ids = named.ids;
        orphan = false;
      } else if (named && !isGeneric(named.ids)) ids = named.ids;
      else if (orphan) continue;
      // Something else changed, so the figure is not the previous amount's change, and its rate ("，增长35.8%")
      // goes with it (nothing after it refers to the amount before):
      // - "（1）本年度财政拨款收入较上年决算数减少112.6万元": a 收入/支出 other than the amount before, named in its own clause;
      // - "（2）事业收入较上年增加5.89万元": an item the statements do not know;
      // - "公务用车运行维护费支出决算比预算无增减变化，比去年增加1.05万元": a concept named since the last figure,
      //   though stated without an amount.
      else if (
        (named && !lastAmount.some((x) => named.ids.includes(x.concept))) ||
        (!named && (kind === "change" || kind === "changePct") && UNKNOWN_ITEM.test(ownCore.replace(NOT_AN_ITEM, ""))) ||
        (sinceLast && !isGeneric(sinceLast.ids) && !sameIds(sinceLast.ids, lastAmount.map((x) => x.concept)))
      ) {
        orphan = true;
        lastAmount = [];
        continue;
      }
      // "收、支总计各增加X万元，增长Y%": the rate goes with the change just before it.
      else if (kind === "changePct" && prevSentence === si && prevMade.length && prevMade[0].kind === "change") ids = prevMade.map((x) => x.concept);
      else if (lastAmount.length && lastAmount[0].sentence === si) ids = lastAmount.map((s) => s.concept);
      // "公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.5万元": right after an item's amounts, of that item.
      else if (
        lastAmount.length &&
        lastAmount[0].sentence === si - 1 &&
        lastAmount[0].concept !== inPara[0]?.concept &&
        // The sentence before gave that item's two years: the change is between them.
        inPara.some((x) => x.sentence === si - 1 && x.concept === lastAmount[0].concept && x.year === "prev") &&
        inPara.some((x) => x.sentence === si - 1 && x.concept === lastAmount[0].concept && x.year === "cur")
      )
        ids = lastAmount.map((s) => s.concept);
      // A new sentence ("…。与上年相比，增加X万元") speaks of the paragraph's subject, its first amount.
      else if (inPara.length) ids = inPara.filter((x) => x.figure === inPara[0].figure).map((x) => x.concept);
      else continue;
      // "2080505机关事业单位基本养老保险缴费支出（项）119816.81元，其中基本支出119816.81元，项目支出0元":
      // the 基本/项目支出 of one 功能分类 item, not the department's.
      if (ids.some((c) => ITEM_LEVEL.has(c)) && CLASS_ITEM.test(norm(prefix))) {
        if (kind === "amount") lastAmount = [];
        orphan = true;
        continue;
      }
      // Outside the “三公” section, 公务接待费 / 公务用车运行维护费 are 经济分类 items (机关运行经费 or
      // 公用经费 "主要包括"), not the “三公” figures.
      if (ids.some((c) => GPB_ONLY.has(c) && c !== "sangong") && section !== null && section !== "sangong") {
        if (kind === "amount") lastAmount = [];
        continue;
      }
      const made: Statement[] = [];
      // “三公”经费 and 机关运行经费 are reported for 一般公共预算财政拨款 only; texts also say 财政拨款.
      if (ids.every((c) => GPB_ONLY.has(c)) && scope === "fiscal") scope = "gpb";
      const ctx: EmitContext = { kind, year, stage, scope, prefix, si };
      if (run) {
        // The first figure of a list: one concept per figure, in the order they are named, or nothing.
        const ordered = conceptsOrdered(kind === "amount" ? clause : own.replace(CHANGE_WORD, "").replace(SHARE_WORD, ""));
        const list = ordered.length === run.size ? ordered : ids.length === run.size ? ids : null;
        if (!list) {
          if (kind === "amount") lastAmount = [];
          continue;
        }
        const plan: RunPlan = { ...ctx, ids: list, made, signed: (g) => runValue(g, isPct, negative) };
        plans.set(f, plan);
        ids = [list[0]];
      }
      for (const concept of ids) made.push(emit(concept, f, signed, ctx));
      if (kind === "amount") lastAmount = made;
      if (made.length) {
        prevMade = made;
        prevSentence = si;
      }
    }
  });
  return out;
}

/** The interval a written figure stands for (± half a unit of its last decimal), in 万元 for amounts. */
export function intervalOfStatement(s: Statement): Interval {
  const f = s.figure;
  return Interval.around(s.value, halfUnit(writtenDecimals(s.para.text, f)).times(wanScale(f.unit)));
}

/** writtenDecimals() by figure: figures are never modified, and a figure belongs to one paragraph text. */
const writtenCache = new WeakMap<TextFigure, number>();

/**
 * Decimals a written amount stands for. A 万元 amount written with fewer than 2
 * decimals in a sentence whose other amounts are written to 0.01 万元 ("公务接待费预算为
 * 1万元，支出决算为0.53万元") is read at 0.01 万元, as typed table cells are (amount.ts):
 * that clerk dropped the trailing zeros, not the 万元's decimals. Where the whole sentence
 * is in whole 万元 ("3923万元，减少332万元") the figures stand for their own rounding, and a
 * figure marked as approximate ("约1,442万元", "1,442万元左右") always does.
 */
export function writtenDecimals(text: string, f: TextFigure): number {
  if (f.unit !== "万元" || f.decimals >= 2) return f.decimals;
  const known = writtenCache.get(f);
  if (known !== undefined) return known;
  const d = writtenDecimalsOf(text, f);
  writtenCache.set(f, d);
  return d;
}

function writtenDecimalsOf(text: string, f: TextFigure): number {
  if (/[约近逾超]$/.test(text.slice(Math.max(0, f.start - 1), f.start)) || /^(左右|多|余)/.test(text.slice(f.end, f.end + 2))) return f.decimals;
  const from = lastEndBefore(text, f.start - 1, 0, SENTENCE_END) + 1;
  let to = f.end;
  while (to < text.length && !SENTENCE_END.has(text.charCodeAt(to))) to++;
  const cents = figuresIn(text).some((g) => g.start !== f.start && g.unit === "万元" && g.decimals >= 2 && g.start >= from && g.end <= to);
  return cents ? 2 : f.decimals;
}

export function statementKey(s: Statement): string {
  return `${s.concept}|${s.kind}|${s.year}|${s.stage}|${s.scope}`;
}
