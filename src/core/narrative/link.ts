/**
 * Links every figure of a clerk's narrative to the fact it talks about.
 *
 * - The section comes from the headings ("三、支出决算情况说明"), matched by their
 *   words, not their numbering (documents number sections differently).
 * - The subject of a figure is the clause before it (since the last "，；。："
 *   or the previous figure), with the sentence before that as weaker context.
 * - A percentage after 占/增长/下降/完成 belongs to the previous figure's fact:
 *   its share, its change in percent, its rate of completion.
 * - Among the section's facts, the best keyed one wins; a value-consistent fact is
 *   preferred over one that only matches by words. A strong key match whose value
 *   disagrees is a contradiction; no match at all leaves the figure unlinked.
 */
import { Decimal } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { Fact, SectionId, consistent, consistentWith } from "./fact";
import { Paragraph, TextFigure, clauseBefore, figuresIn, sentenceBefore } from "./text";
import { norm } from "../recognize/normalize";
import { otherEntity } from "./entity";

export interface Linked {
  para: Paragraph;
  /** Index of the paragraph in the narrative. */
  index: number;
  figure: TextFigure;
  section: SectionId | null;
  /** The clause before the figure, normalised. */
  subject: string;
  fact?: Fact;
  /** ok: equal as displayed; tail: within rounding; mismatch: contradicts; unit: 元 vs 万元; unlinked. */
  status: "ok" | "tail" | "mismatch" | "unit" | "unlinked";
  /** How strongly the words named the fact (0 = matched by value only). */
  score: number;
  /** The figure is about a wider entity ("全区", "区本级"): left unlinked, and said why (narrative/entity.ts). */
  entity?: string;
}

const HEADINGS: [RegExp, SectionId][] = [
  [/名词解释/, "terms"],
  [/绩效/, "perf"],
  [/国有资产/, "assets"],
  [/政府采购/, "procurement"],
  [/机关运行经费|机构运行经费/, "operating"],
  [/国有资本经营/, "soe"],
  [/政府性基金/, "govFund"],
  [/三公/, "sangong"],
  [/基本支出/, "basic"],
  [/项目支出决算/, "project"],
  [/一般公共预算/, "gpb"],
  [/财政拨款收入支出|财政拨款收支/, "fiscal"],
  [/收入支出决算总体|收支决算总体|收支预算总体|总体情况说明$/, "total"],
  [/收入决算|收入预算/, "income"],
  [/支出决算|支出预算/, "expense"],
];

const HEADING_START = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|名词解释)/;

/** Section of a heading paragraph, or null when the paragraph is not a heading. */
export function headingSection(text: string): SectionId | null {
  // norm() works character by character: the start of a long paragraph tells whether it can be a heading.
  if (text.length > 40 && !HEADING_START.test(norm(text.slice(0, 24))) && !/预算编制说明/.test(text)) return null;
  const t = norm(text);
  if (t.length > 40) return null;
  // The budget text's title ("2026年部门预算编制说明") opens the section of its figures.
  if (/预算编制说明$/.test(t)) return "total";
  if (!HEADING_START.test(t)) return null;
  for (const [re, id] of HEADINGS) if (re.test(t)) return id;
  return null;
}

/** Facts a percentage after a relation word may be, given the previous figure's fact. */
function relatedTo(prev: Fact | undefined, word: string, facts: Map<string, Fact>): Fact[] {
  if (!prev) return [];
  const id = prev.id;
  const out: (Fact | undefined)[] = [];
  const base = id.replace(/\.(change|prev|budget|final)$/, "");
  if (/增长|下降|减少|增加|变动/.test(word)) out.push(facts.get(`${id.replace(/\.change$/, "")}.changePct`), facts.get(`${base}.changePct`), facts.get(`${base}.final.changePct`));
  if (/完成|执行/.test(word)) {
    out.push(facts.get(`${base}.rate`), facts.get(`${id}.rate`));
    if (id === "gpb.total" || id === "gpb.budget") out.push(facts.get("gpb.budgetRate"));
    if (id === "sg.final" || id === "sg.budget") out.push(facts.get("sg.rate"));
    if (id === "operating" || id === "operating.budget") out.push(facts.get("operating.rate"));
    if (/^sg\.\w+\.(final|budget)$/.test(id)) out.push(facts.get(id.replace(/\.(final|budget)$/, ".rate")));
  }
  if (/占/.test(word)) {
    out.push(facts.get(`${id}.share`));
    if (id === "gpb.total") out.push(facts.get("gpb.shareOfExpense"));
    if (/^sg\.\w+\.final$/.test(id)) out.push(facts.get(id.replace(/\.final$/, ".share")));
    if (id === "proc.sme") out.push(facts.get("proc.sme.share"));
    if (id === "proc.micro") out.push(facts.get("proc.micro.share"), facts.get("proc.micro.shareOfSme"));
  }
  return out.filter((f): f is Fact => !!f);
}

/**
 * Regex results on one text, remembered: every figure of a paragraph tests the
 * facts' keys against the same paragraph (and the figures of a sentence against
 * the same sentence), hundreds of facts times a few keys each.
 */
class TextTests {
  private readonly seen = new Map<RegExp, boolean>();
  constructor(readonly text: string) {}
  test(k: RegExp): boolean {
    if (k.global || k.sticky) return k.test(this.text);
    let r = this.seen.get(k);
    if (r === undefined) {
      r = k.test(this.text);
      this.seen.set(k, r);
    }
    return r;
  }
}

function keyScore(f: Fact, clause: TextTests, sentence: TextTests, para: TextTests): number {
  if (f.requires && !f.requires.some((k) => sentence.test(k) || para.test(k))) return 0;
  let best = 0;
  f.keys.forEach((k, i) => {
    const weight = Math.max(1, 4 - i); // earlier keys are the more specific ones
    if (clause.test(k)) best = Math.max(best, 10 + weight);
    else if (sentence.test(k)) best = Math.max(best, 5 + weight);
    else if (para.test(k)) best = Math.max(best, 1 + weight / 4);
  });
  return best;
}

const TEN_THOUSAND = new Decimal(10000);

type Role = "change" | "budget" | "prev" | "rate" | "share" | "plain";

/** What a written figure is, from the words just before it. */
function figureRole(clause: string, fig: TextFigure): Role {
  const tail = clause.slice(-10);
  if (/(增加|减少|增长|下降|上升|降低|增|减)(了|约|为)?$/.test(tail)) return "change";
  if (fig.unit === "%") {
    if (/完成|执行率/.test(clause)) return "rate";
    if (/占/.test(clause)) return "share";
    if (/增长|下降|增加|减少|上升|降低/.test(clause)) return "change";
  }
  if (/上年|上一年/.test(clause)) return "prev";
  if (/预算(数|为|是)?$|预算安排|年初预算/.test(clause) && !/决算/.test(clause.replace(/.*预算/, ""))) return "budget";
  return "plain";
}

function factRole(f: Fact): Role {
  if (f.kind === "change" || f.kind === "changePct") return "change";
  if (f.kind === "rate") return "rate";
  if (f.kind === "share") return "share";
  if (/\.prev$/.test(f.id)) return "prev";
  if (/(^|\.)budget$/.test(f.id)) return "budget";
  return "plain";
}

/** A figure may be linked to a fact of its own role; a plain figure also to a rate or share written without its word. */
function roleOk(r: Role, f: Fact): boolean {
  const fr = factRole(f);
  // In a budget's own text every amount is a "预算" ("收入预算2,304.96万元"): the word does not make it
  // a comparison with the year's budget, as it does in a final-accounts text.
  if (r === "budget" && f.id.startsWith("b.")) return fr === "plain" || fr === "budget";
  return fr === r || (r === "plain" && (fr === "rate" || fr === "share"));
}

function unitOk(fig: TextFigure, f: Fact): boolean {
  if (f.unit === "%") return fig.unit === "%";
  if (f.unit === "count") {
    // A score ("95.2分") is not a count of things ("3 个"), and a bare number is not "N 个" ("满分30分").
    if (fig.unit === "count") {
      if (!f.countWord || !fig.countWord) return true;
      if ((f.countWord === "分") !== (fig.countWord === "分")) return false;
      // A count of tables or indicators ("个") is not a count of people or visits ("人次"); the
      // other way round clerks write "个" loosely ("接待团组18个" for 批次).
      return f.countWord !== "个" || fig.countWord === "个";
    }
    return fig.unit === "none" && f.countWord !== "个";
  }
  return fig.unit === "万元" || fig.unit === "元" || fig.unit === "亿元" || fig.unit === "千元" || fig.unit === "none";
}

/** The written figure in the fact's unit (万元 amounts: 元 → ÷10000). */
function writtenIn(fig: TextFigure): { v: Decimal; dp: number } {
  if (fig.unit === "元") return { v: fig.value.div(TEN_THOUSAND), dp: fig.decimals + 4 };
  if (fig.unit === "亿元") return { v: fig.value.times(TEN_THOUSAND), dp: Math.max(0, fig.decimals - 4) };
  if (fig.unit === "千元") return { v: fig.value.div(10), dp: fig.decimals + 1 };
  return { v: fig.value, dp: fig.decimals };
}

/**
 * Links the figures of the paragraphs; `factsIn(section)` gives the candidate
 * facts of a section, `all` every fact by id (for shares, changes, rates).
 */
export function linkNarrative(paragraphs: Paragraph[], factsIn: (s: SectionId) => Fact[], all: Map<string, Fact>): Linked[] {
  const out: Linked[] = [];
  // The catalogue does not change while the text is linked: each section's facts are listed once,
  // not once per figure (a catalogue filters all its facts to answer).
  // …and, per kind of figure, only the facts of a unit it may be linked to (unitOk() still decides), in
  // the section's order.
  const bySection = new Map<string, Fact[]>();
  const inSection = (s: SectionId, fig: TextFigure): Fact[] => {
    const cls = fig.unit === "%" ? "%" : fig.unit === "count" ? "count" : fig.unit === "none" ? "none" : "money";
    const key = `${s}|${cls}`;
    let fs = bySection.get(key);
    if (!fs) {
      let all = bySection.get(s);
      if (!all) {
        all = factsIn(s);
        bySection.set(s, all);
      }
      fs = all.filter((f) => (f.unit === "%" ? cls === "%" : f.unit === "count" ? cls === "count" || cls === "none" : cls === "money" || cls === "none"));
      bySection.set(key, fs);
    }
    return fs;
  };
  let section: SectionId | null = null;
  paragraphs.forEach((para, index) => {
    const h = headingSection(para.text);
    if (h) {
      section = h;
      return;
    }
    const figs = figuresIn(para.text);
    let prevFact: Fact | undefined;
    let prevEnd = 0;
    const paraNorm = norm(para.text);
    const paraTests = new TextTests(paraNorm);
    let sentenceTests = new TextTests("");
    for (const fig of figs) {
      const entity = otherEntity(para.text, fig.start);
      if (entity) {
        out.push({ para, index, figure: fig, section, subject: clauseBefore(para.text, fig.start, prevEnd), status: "unlinked", score: 0, entity });
        prevEnd = fig.end;
        prevFact = undefined;
        continue;
      }
      const clause = clauseBefore(para.text, fig.start, prevEnd);
      const sentence = sentenceBefore(para.text, fig.start);
      if (sentenceTests.text !== sentence) sentenceTests = new TextTests(sentence);
      prevEnd = fig.end;
      const relWord = /^(其中)?(占|增长|下降|减少|增加|完成|执行率|分别|为)/.exec(clause)?.[0] ?? (clause.length <= 14 && /占|增长|下降|完成/.test(clause) ? clause : "");
      const { v, dp } = writtenIn(fig);
      const written = Interval.shown(v, dp);
      const role = figureRole(clause, fig);
      // A figure inside a stated reason ("主要原因是……调剂资金660.55万元") explains; it is not checked against a fact.
      const inReason = /原因/.test(sentence.replace(/原因.*$/, "原因")) && /原因[是为：:]/.test(sentence);
      // The candidates, in order: the facts a relation word points to (score 30), then the section's
      // facts of the figure's unit and role, scored by their keys. Of them are kept what the choice
      // below reads: all of them in order (for a match by value alone), the best keyed (the first of
      // the highest score), and the keyed ones whose value fits (best first, ties in order).
      const scored: Fact[] = [];
      let bestKeyed: { f: Fact; score: number } | undefined;
      const good: { f: Fact; score: number }[] = [];
      const consider = (f: Fact, score: number) => {
        scored.push(f);
        if (!inReason && (!bestKeyed || score > bestKeyed.score)) bestKeyed = { f, score };
        if (score > 0 && consistentWith(f, written) && !(f.zeroBase && fig.unit === "%" && !fig.value.isZero())) good.push({ f, score });
      };
      const related = fig.unit === "%" && relWord ? relatedTo(prevFact, relWord, all) : [];
      for (const f of related) if (unitOk(fig, f)) consider(f, 30);
      if (section && section !== "terms") {
        const relatedSet = related.length ? new Set(related) : undefined;
        const clauseTests = new TextTests(clause);
        for (const f of inSection(section, fig)) {
          if (!unitOk(fig, f) || relatedSet?.has(f)) continue;
          // A key score is at most 14: below 30, the figure's role decides first.
          if (!roleOk(role, f)) continue;
          consider(f, keyScore(f, clauseTests, sentenceTests, paraTests));
        }
      }
      good.sort((a, b) => b.score - a.score);
      // One object per figure, filled in below (every link has the same fields: one shape).
      const link: Linked = { para, index, figure: fig, section, subject: clause, fact: undefined, status: "unlinked", score: 0 };
      if (good.length && (!bestKeyed || good[0].score >= Math.min(bestKeyed.score, 10))) {
        const f = good[0].f;
        const mag = (d: Decimal) => (f.kind === "change" || f.kind === "changePct" ? d.abs() : d);
        const exact = mag(f.shown).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).eq(v.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP)) || mag(f.value).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).eq(v);
        link.fact = f;
        link.status = exact ? "ok" : "tail";
        link.score = good[0].score;
      } else if (bestKeyed && bestKeyed.score >= 10) {
        // Named clearly, but the value disagrees. A 元/万元 slip is told apart.
        const f = bestKeyed.f;
        const asYuan = fig.unit === "元" && consistent(f, fig.value, fig.decimals);
        const asWan = fig.unit === "万元" && f.unit === "万元" && consistent(f, fig.value.div(TEN_THOUSAND), fig.decimals + 4);
        link.fact = f;
        link.status = asYuan || asWan ? "unit" : "mismatch";
        link.score = bestKeyed.score;
      } else if (section && section !== "terms") {
        // Matched by value alone, within the section (only when unambiguous).
        // A fact that requires words (a project's name) the text does not have is not a candidate.
        const named = (f: Fact) => !f.requires || f.requires.some((k) => k.test(sentence) || k.test(paraNorm));
        const byValue = scored.filter((f) => consistentWith(f, written) && !f.value.isZero() && named(f));
        const distinct = new Set(byValue.map((f) => f.value.toString()));
        if (byValue.length && distinct.size === 1 && !fig.value.isZero()) {
          link.fact = byValue[0];
          link.status = "ok";
          link.score = 0;
        }
      }
      out.push(link);
      if (link.fact && link.status !== "mismatch") prevFact = link.fact;
      else if (!link.fact) prevFact = undefined;
    }
  });
  return out;
}
