/**
 * Claims of the 情况说明 that published texts get wrong, checked from the text
 * itself (narrative/statements.ts), with or without tables:
 *
 * - narrative.compare-words — "决算数大于（小于、等于）预算数", "与上年持平",
 *   "与预算一致", "基本持平" against the two amounts of the sentence they compare
 *   (within rounding; "基本持平" allows a difference of at most 5 % of the larger,
 *   our reading of the usual wording).
 * - narrative.as-of-date — "截至YYYY年12月31日": a final account speaks of the
 *   end of its own year; a budget of the end of the year before (the latest
 *   known state of the assets).
 * - narrative.code-name — a 功能分类 code written with its name
 *   ("2080505机关事业单位基本养老保险缴费支出"): the name must be the official one
 *   of that code; a name of earlier years is reported as such. A name written
 *   with its level and no code ("行政事业单位离退休（款）") is reported only when
 *   it is a retired name (our list of codes is not complete: an unknown name
 *   proves nothing).
 * - narrative.empty-table-figure — the text states an amount of the year for a
 *   fund (政府性基金, 国有资本经营) or for the “三公” that the workbook publishes as an
 *   empty table ("本表无数据"): text and table cannot both be right. Figures the
 *   linker already compared with a table (narrative.figure-mismatch) are not
 *   reported again.
 */
import { halfUnit } from "../../amount/decimal";
import { Decimal } from "../../amount/decimal";
import { Interval } from "../../amount/interval";
import { compareName, functionEntry, retiredNameAtEnd } from "../../codes/functional";
import { Finding } from "../../report/finding";
import { refA1, tableLabel } from "../../tables/types";
import { norm } from "../../recognize/normalize";
import { narrativeContext } from "../../narrative/context";
import { Statement, intervalOfStatement } from "../../narrative/statements";
import { figKey, narrativeDoc, statementsOf } from "./identities";
import { emptyNoteOf, isEmptyTable } from "../final/emptyTables";
import { CONCEPT_NAME, ConceptId } from "../../narrative/statements";
import { Rule, RuleContext } from "../types";

const where = (ref: { sheet: string; row: number; col: number }) => `${ref.sheet}!${refA1(ref)}`;


type Relation = "gt" | "lt" | "eq" | "about";
const WORDS: [RegExp, Relation][] = [
  [/基本持平|基本一致|略有(增减|变化)/, "about"],
  [/大于|高于|超过|多于/, "gt"],
  [/小于|低于|少于/, "lt"],
  [/等于|持平|一致|相同|相等|无差异|没有差异/, "eq"],
];
const ZH: Record<Relation, string> = { gt: "大于", lt: "小于", eq: "等于", about: "基本持平" };

function relationOf(a: Interval, b: Interval, av: Decimal, bv: Decimal): Relation {
  if (a.overlaps(b)) return "eq";
  return av.gt(bv) ? "gt" : "lt";
}

/** Whether a table already judges this figure (the table rule "narrative.comparison" speaks then). */
function backed(ctx: RuleContext, s: Statement): boolean {
  return narrativeContext(ctx).links.some((l) => l.para === s.para && l.figure.start === s.figure.start && !!l.fact && l.status !== "unlinked");
}

export const compareWords: Rule = {
  id: "narrative.compare-words",
  title: "“大于/小于/等于/持平/一致”等比较用语应与所比较的两个数相符",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    const sts = statementsOf(ctx).filter((s) => s.kind === "amount");
    const bySentence = new Map<string, Statement[]>();
    for (const s of sts) {
      const k = `${s.paraIndex}:${s.sentence}`;
      bySentence.set(k, [...(bySentence.get(k) ?? []), s]);
    }
    for (const [, list] of bySentence) {
      const para = list[0].para;
      const text = para.text;
      // The sentence's text after its last amount: where the comparison is said.
      const last = list[list.length - 1];
      let end = text.slice(last.figure.end).search(/[。；;]/);
      end = end < 0 ? text.length : last.figure.end + end;
      const tail = norm(text.slice(last.figure.end, end));
      const hit = WORDS.map(([re, r]) => ({ m: re.exec(tail), r })).find((x) => x.m);
      if (!hit || !hit.m) continue;
      // Skip words about something else ("与预算一致的原则", "持平的原因" are still comparisons; "相同口径" is not).
      if (/口径|标准|原则|要求/.test(tail.slice(hit.m.index, hit.m.index + hit.m[0].length + 4))) continue;
      // The two amounts compared: the same concept, budget vs outcome, or this year vs last.
      const pairs: [Statement, Statement][] = [];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i];
          const b = list[j];
          if (a.concept !== b.concept || a.scope !== b.scope) continue;
          if (a.stage !== b.stage && a.year === b.year) pairs.push(a.stage === "actual" ? [a, b] : [b, a]);
          else if (a.year !== b.year && a.stage === b.stage) pairs.push(a.year === "cur" ? [a, b] : [b, a]);
        }
      const pair = pairs[pairs.length - 1];
      if (!pair) continue;
      const [x, y] = pair; // x: the outcome (or this year), y: the budget (or last year)
      if (backed(ctx, x) && backed(ctx, y)) continue;
      // The subject of the words: "预算数大于决算数" compares the other way round.
      const reversed = /^.{0,6}(预算|上年)[^，,]{0,6}(大于|小于|高于|低于|超过|多于|少于)/.test(tail);
      const truth = relationOf(intervalOfStatement(x), intervalOfStatement(y), x.value, y.value);
      const said = hit.r === "gt" || hit.r === "lt" ? (reversed ? (hit.r === "gt" ? "lt" : "gt") : hit.r) : hit.r;
      const near = (() => {
        const big = Decimal.max(x.value.abs(), y.value.abs());
        return big.isZero() || x.value.minus(y.value).abs().div(big).lte(new Decimal("0.05"));
      })();
      const ok = said === truth || (said === "about" && near);
      if (ok) continue;
      const subj = x.stage !== y.stage ? ["决算数", "预算数"] : ["本年数", "上年数"];
      const truthWord = truth === "eq" ? (hit.r === "about" ? "持平" : ZH.eq) : ZH[truth];
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明（${where(para.ref)}）写“${hit.m[0]}”，但本句${subj[0]}为 ${x.figure.raw.replace(/\s/g, "")}、${subj[1]}为 ${y.figure.raw.replace(/\s/g, "")}：${subj[0]}${truthWord}${subj[1]}${truth === "eq" || near ? "" : `（相差 ${x.value.minus(y.value).abs().toFixed(2)}万元）`}。`,
        cells: [para.ref],
        expected: `${subj[0]}${truthWord}${subj[1]}`,
        actual: hit.m[0],
      });
    }
    return out;
  },
};

export const asOfDate: Rule = {
  id: "narrative.as-of-date",
  title: "“截至YYYY年12月31日”应为决算年度的年末（预算为上年末）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const doc = narrativeDoc(ctx);
    if (!doc.year) return [];
    const due = doc.kind === "final" ? doc.year : doc.year - 1;
    const out: Finding[] = [];
    for (const p of narrativeContext(ctx).paragraphs) {
      for (const m of norm(p.text).matchAll(/截[至止](到)?(20\d{2})年(12月31日|12月底|底|末)/g)) {
        const y = parseInt(m[2], 10);
        if (y === due) continue;
        out.push({
          rule: this.id,
          severity: "warning",
          message: `情况说明（${where(p.ref)}）写“${m[0]}”，本文件是 ${doc.year} 年${doc.kind === "final" ? "决算，应为" : "预算，资产等情况应截至"}“${due}年12月31日”。`,
          cells: [p.ref],
          expected: `截至${due}年12月31日`,
          actual: m[0],
        });
      }
    }
    return out;
  },
};

/** Where a written 科目 name stops: a figure, punctuation, the level mark, or 万元. */
const NAME = /^[“"]?([\u4e00-\u9fa5()（）、]{2,40}?)(?=[”"]?\s*(?:[（(](?:类|款|项)[)）]|[，,；;。：:]|\d|万元|元|$|支出\d|[（(]))/;

export const codeName: Rule = {
  id: "narrative.code-name",
  title: "情况说明中写出的科目编码与科目名称应对应（使用当年的科目名称）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    for (const p of narrativeContext(ctx).paragraphs) {
      const t = norm(p.text);
      for (const m of t.matchAll(/(?<![\d.])(\d{7}|\d{5}|\d{3})(?![\d.%])/g)) {
        const code = m[1];
        const entry = functionEntry(code);
        if (!entry) continue;
        const after = t.slice(m.index! + code.length);
        if (/^(万|元|亿|人|个|次|辆|台|件|年|月|日|%|号|项目)/.test(after)) continue;
        const nm = NAME.exec(after);
        if (!nm) continue;
        const written = nm[1].replace(/[（(](类|款|项)[)）]$/, "");
        // A 类 code needs its level mark or a name that is clearly a 类 name: "208社会保障和就业支出".
        if (code.length === 3 && !/支出|[（(]类[)）]/.test(after.slice(0, written.length + 4))) continue;
        const verdict = compareName(entry, written);
        if (verdict === "ok" || verdict === "unknown") continue;
        out.push({
          rule: this.id,
          severity: "warning",
          message:
            verdict === "old"
              ? `情况说明（${where(p.ref)}）科目 ${code} 写作“${written}”，这是以前年度的名称，现行名称为“${entry.name}”。`
              : `情况说明（${where(p.ref)}）科目 ${code} 写作“${written}”，与该编码的科目名称“${entry.name}”不符：编码或名称有一处写错。`,
          cells: [p.ref],
          expected: entry.name,
          actual: written,
        });
      }
      // A name written with its level and no code: only a retired name is certain to be wrong.
      for (const m of t.matchAll(/\((类|款|项)\)/g)) {
        const before = t.slice(Math.max(0, m.index! - 30), m.index!);
        const hit = retiredNameAtEnd(before, m[1] as "类" | "款" | "项");
        if (!hit) continue;
        // With its code in front, narrative.code-name has spoken above.
        if (/\d$/.test(hit.before)) continue;
        out.push({
          rule: this.id,
          severity: "warning",
          message: `情况说明（${where(p.ref)}）写“${hit.written}（${m[1]}）”，这是以前年度的科目名称，现行名称为“${hit.entry.name}”（${hit.code}）。`,
          cells: [p.ref],
          expected: hit.entry.name,
          actual: hit.written,
        });
      }
    }
    return out;
  },
};

/** An organisation's name: a run of Chinese ending with the usual endings of a department or unit. */
const ORG = /([\u4e00-\u9fa5]{2,24}?(?:局|委员会|委|办公室|办|厅|中心|院|所|站|馆|处|队|会|部|署))(?=\d{4}|20|年|部门|单位|关于|$)/;

function sameOrg(a: string, b: string): boolean {
  const k = (x: string) => norm(x).replace(/^中共|^中国共产党/, "").replace(/(机关|本级)$/, "");
  const x = k(a);
  const y = k(b);
  return x === y || x.includes(y) || y.includes(x);
}

export const departmentName: Rule = {
  id: "narrative.department",
  title: "情况说明标题中的部门（单位）名称应与公开表中的部门名称一致",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const dept = ctx.tables.find((t) => t.department && t.family !== "narrative")?.department?.trim();
    if (!dept || dept.length < 3) return [];
    const n = narrativeContext(ctx);
    const out: Finding[] = [];
    // The title: the first paragraphs that name the document (…年度部门决算/预算…).
    for (const p of n.paragraphs.slice(0, 3)) {
      const t = norm(p.text);
      if (!/(决算|预算)/.test(t) || t.length > 60) continue;
      const m = ORG.exec(t);
      if (!m || sameOrg(m[1], dept)) continue;
      out.push({
        rule: this.id,
        severity: "warning",
        message: `情况说明（${where(p.ref)}）标题写的是“${m[1]}”，公开表的部门为“${dept}”：名称应一致（是否沿用了其他部门的文本？）。`,
        cells: [p.ref],
        expected: dept,
        actual: m[1],
      });
      break;
    }
    return out;
  },
};

const SANGONG_CONCEPTS = new Set<ConceptId>(["sangong", "abroad", "car", "carPurchase", "carRun", "reception"]);

/** The empty tables a statement can contradict: its fund's table, or the “三公” table. */
const EMPTY_TABLES: { templates: string[]; what: string; applies: (s: Statement) => boolean }[] = [
  { templates: ["final08", "budget06"], what: "政府性基金预算财政拨款", applies: (s) => s.scope === "govFund" },
  { templates: ["final09", "budget07"], what: "国有资本经营预算财政拨款", applies: (s) => s.scope === "soe" },
  { templates: ["final07", "budgetSangong"], what: "“三公”经费", applies: (s) => SANGONG_CONCEPTS.has(s.concept) && (s.scope === "gpb" || s.scope === "all" || s.scope === "fiscal") },
];

const SCOPE_NAME: Partial<Record<Statement["scope"], string>> = { govFund: "政府性基金预算财政拨款", soe: "国有资本经营预算财政拨款" };

/** The findings of narrative.empty-table-figure and the figures they judge (paragraph:offset), once per check. */
const emptyTableCache = new WeakMap<RuleContext, { findings: Finding[]; judged: Set<string> }>();

function emptyTableJudgement(ctx: RuleContext): { findings: Finding[]; judged: Set<string> } {
  const known = emptyTableCache.get(ctx);
  if (known) return known;
  const findings: Finding[] = [];
  const judged = new Set<string>();
  const result = { findings, judged };
  emptyTableCache.set(ctx, result);
  const doc = narrativeDoc(ctx);
  const sts = statementsOf(ctx).filter((s) => s.kind === "amount" && s.year === "cur" && !s.value.isZero() && (doc.kind === "budget" || s.stage === "actual"));
  if (!sts.length) return result;
  for (const spec of EMPTY_TABLES) {
    const t = spec.templates.flatMap((id) => ctx.all(id)).find((x) => isEmptyTable(x));
    if (!t) continue;
    const note = emptyNoteOf(t);
    const anchor = note?.ref ?? t.titleRef ?? { sheet: t.sheet, row: t.range.top, col: t.range.left };
    for (const s of sts) {
      if (!spec.applies(s) || backed(ctx, s)) continue;
      const k = figKey(s.paraIndex, s.figure.start);
      if (judged.has(k)) continue;
      judged.add(k);
      const said = s.figure.raw.replace(/\s/g, "");
      findings.push({
        rule: emptyTableFigure.id,
        severity: "error",
        message: `情况说明（${where(s.para.ref)}）写${SCOPE_NAME[s.scope] ?? ""}${CONCEPT_NAME[s.concept]}为 ${said}，但${tableLabel(t)}（${where(anchor)}）没有数据${note ? `，表下注明“${note.text.slice(0, 80)}${note.text.length > 80 ? "……" : ""}”` : ""}：文字与表格矛盾，请核对是表格漏填还是文字有误。`,
        cells: [s.para.ref, anchor],
        tables: [t.id],
        expected: "0（本表无数据）",
        actual: said,
      });
    }
  }
  return result;
}

/** Figures (paragraph:offset) that narrative.empty-table-figure found contradicted by an empty table. */
export function emptyTableJudged(ctx: RuleContext): Set<string> {
  return emptyTableJudgement(ctx).judged;
}

export const emptyTableFigure: Rule = {
  id: "narrative.empty-table-figure",
  title: "情况说明写有金额的政府性基金、国有资本经营预算或“三公”经费，对应的公开表不应是空表（本表无数据）",
  severity: "error",
  family: "narrative",
  check(ctx) {
    return emptyTableJudgement(ctx).findings;
  },
};

export const NARRATIVE_CLAIM_RULES = [compareWords, asOfDate, codeName, departmentName, emptyTableFigure];
