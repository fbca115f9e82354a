/**
 * A narrative (情况说明) that quotes a project's 全年预算数 / 执行数 / 执行率 / 自评得分
 * / 评价结果, or the department's 整体 budget, execution and score, must quote
 * the table. Paragraphs are matched to a project by its name (the words before
 * "项目" in the paragraph, against the table's 项目名称: the share of the table
 * name's character pairs found there), figures to a table cell by the words just
 * before them ("全年预算数为", "执行数为", "完成预算的", "自评得分").
 */
import { Decimal, HUNDRED, halfUnit } from "../../amount/decimal";
import { Interval } from "../../amount/interval";
import { intervalOf, UNIT_SCALE, Unit } from "../../amount/amount";
import { formatNumber } from "../../amount/format";
import { Paragraph, TextFigure, figuresIn, narrativeSheets, paragraphsOf } from "../../narrative/text";
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { gradeOf, readGrade } from "../../scoring/grade";
import { rateInterval, statedRateInterval } from "../../scoring/execution";
import { FundLine, PerfTable, perfLabel } from "../../tables/perf/model";
import { AmountCell, CellRef, refA1 } from "../../tables/types";
import { Rule } from "../types";
import { finding, perfTables, present, shownAmount } from "./common";

type Quote = "budget" | "yearStart" | "budgetAny" | "executed" | "rate" | "score";

interface Quoted {
  kind: Quote;
  /** The narrative's own word for it: "全年预算数", "决算总额". */
  keyword: string;
  figure: TextFigure;
  /** The words before the figure ("全年预算数为"). */
  words: string;
}

const STRIP = /[“”"'‘’「」()（）【】《》〈〉<>\s,，。.、:：;；!！?？·]/g;

function bigrams(s: string): Set<string> {
  const t = norm(s).replace(STRIP, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Share of the table name's character pairs that the paragraph's name segment contains. */
export function nameScore(tableName: string, segment: string): number {
  const a = bigrams(tableName);
  if (!a.size) return 0;
  const b = bigrams(segment);
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}

/** The project name a paragraph talks about: the words before its first "项目", numbering removed. */
export function nameSegment(text: string): string | undefined {
  const t = norm(text).replace(/^(\d+[.、．]|[一二三四五六七八九十]+[、.]|\(\d+\)|\([一二三四五六七八九十]+\))/, "");
  const k = t.indexOf("项目");
  if (k <= 1) return undefined;
  return t.slice(0, k);
}

const QUOTE_WORDS: [Quote, "%" | "money" | "score", RegExp][] = [
  ["rate", "%", /完成年初预算|完成预算|预算执行率|执行率|完成率|执行进度/],
  ["executed", "money", /实际执行数|执行数|决算数|实际支出|支出决算|决算总额|实际执行|执行金额|支出总额/],
  ["yearStart", "money", /年初预算数?/],
  ["budget", "money", /全年预算数?|调整后预算数?|调整预算数?/],
  ["budgetAny", "money", /预算总额|预算数|预算/],
  ["score", "score", /自评得分|综合得分|评价得分|得分|评分/],
];

function quotesIn(text: string): Quoted[] {
  const out: Quoted[] = [];
  for (const f of figuresIn(text)) {
    const before = text.slice(0, f.start);
    const cut = Math.max(...["，", "。", "；", ",", ";", "：", ":", "、"].map((p) => before.lastIndexOf(p)));
    const words = norm(before.slice(cut + 1));
    const after = text.slice(f.end).trimStart();
    const kind = f.unit === "%" ? "%" : f.unit === "万元" || f.unit === "元" || f.unit === "亿元" || f.unit === "千元" ? "money" : f.unit === "none" && /^分/.test(after) ? "score" : undefined;
    if (!kind) continue;
    for (const [q, k, re] of QUOTE_WORDS) {
      if (k !== kind) continue;
      const m = re.exec(words);
      if (!m) continue;
      out.push({ kind: q, keyword: m[0], figure: f, words });
      break;
    }
  }
  return out;
}

function figureInterval(f: TextFigure): Interval {
  return Interval.shown(f.value, f.decimals);
}

/** The figure converted to the table's unit (a narrative in 元 against a table in 万元). */
function inTableUnit(f: TextFigure, t: PerfTable): Interval {
  const iv = figureInterval(f);
  const unit = f.unit as Unit;
  if (!(unit in UNIT_SCALE) || UNIT_SCALE[unit].eq(t.scale)) return iv;
  return iv.times(UNIT_SCALE[unit].div(t.scale));
}

function fmt(d: Decimal, dp = 2): string {
  return formatNumber(d, dp, true);
}

interface Target {
  cell?: AmountCell;
  interval: Interval;
  shown: string;
  label: string;
  refs: CellRef[];
}

function amountTarget(c: AmountCell | undefined, label: string): Target | undefined {
  if (!present(c)) return undefined;
  return { cell: c, interval: intervalOf(c.amount), shown: fmt(c.amount.value, Math.max(2, Math.min(c.amount.decimals, 4))), label, refs: [c.ref] };
}

function targetsFor(q: Quoted, t: PerfTable): Target[] {
  const total = t.funds?.lines.find((l: FundLine) => l.key === "total");
  const c = total?.cells;
  switch (q.kind) {
    case "budget":
      return [amountTarget(c?.budget ?? c?.annual ?? c?.value ?? c?.yearStart, "全年预算数")].filter((x): x is Target => !!x);
    case "yearStart":
      return [amountTarget(c?.yearStart ?? c?.value, "年初预算数")].filter((x): x is Target => !!x);
    case "budgetAny":
      return [amountTarget(c?.budget, "全年预算数"), amountTarget(c?.yearStart, "年初预算数"), amountTarget(c?.annual ?? c?.value, "预算数")].filter((x): x is Target => !!x);
    case "executed":
      return [amountTarget(c?.executed, "执行数")].filter((x): x is Target => !!x);
    case "rate": {
      if (total && present(total.rate)) return [{ cell: total.rate, interval: statedRateInterval(total.rate.amount), shown: shownAmount(total.rate.amount), label: "执行率", refs: [total.rate.ref] }];
      const exe = c?.executed;
      const bud = c?.budget ?? c?.yearStart;
      if (!present(exe) || !present(bud)) return [];
      const iv = rateInterval(exe.amount, bud.amount);
      if (!iv) return [];
      return [{ interval: iv, shown: `${fmt(exe.amount.value.div(bud.amount.value).times(HUNDRED))}%（${refA1(exe.ref)}÷${refA1(bud.ref)}）`, label: "执行率", refs: [exe.ref, bud.ref] }];
    }
    case "score":
      return t.total && present(t.total.score) ? [amountTarget(t.total.score, t.total.label.text)!] : [];
  }
}

/** "情况说明（A90）", naming the sheet when it is called something else. */
function where0(p: Paragraph): string {
  return p.ref.sheet === "情况说明" ? `情况说明（${refA1(p.ref)}）` : `情况说明（${p.ref.sheet}!${refA1(p.ref)}）`;
}

function checkQuote(rule: string, p: Paragraph, q: Quoted, t: PerfTable, who: string): Finding | undefined {
  const targets = targetsFor(q, t);
  if (!targets.length) return undefined;
  const fig = q.kind === "rate" || q.kind === "score" ? figureInterval(q.figure) : inTableUnit(q.figure, t);
  if (targets.some((x) => x.interval.overlaps(fig))) return undefined;
  // The nearest figure of the table is the one meant.
  const best = targets.reduce((a, b) => (b.interval.distance(fig).lt(a.interval.distance(fig)) ? b : a));
  const gap = best.interval.distance(fig);
  const unit = q.kind === "rate" ? "" : q.kind === "score" ? " 分" : ` ${t.unit}`;
  const truncated = gap.lt(halfUnit(q.figure.decimals).times(2));
  const shownTable = q.kind === "rate" ? best.shown : best.shown + unit;
  const where = `${t.sheet}!${best.refs.map(refA1).join("、")}`;
  return finding({
    rule,
    // A figure cut off instead of rounded (2203.7563 written 2203.75): the clerk's habit, info.
    severity: truncated ? "info" : "error",
    table: t,
    message: truncated
      ? `${where0(p)}写${who}${q.keyword}为 ${q.figure.raw}，${perfLabel(t)}${best.label}（${where}）为 ${shownTable}：四舍五入应写 ${fmt(best.cell?.amount?.value ?? best.interval.mid(), q.figure.decimals)}${q.kind === "rate" ? "%" : unit}，不应截尾。`
      : `${where0(p)}写${who}${q.keyword}为 ${q.figure.raw}，但${perfLabel(t)}${best.label}（${where}）为 ${shownTable}${q.kind === "rate" || q.kind === "score" ? "" : `，相差 ${fmt(best.interval.mid().minus(fig.mid()).abs())}${unit}`}；说明中的数字应与表一致。`,
    cells: [p.ref, ...best.refs],
    expected: shownTable.trim(),
    actual: q.figure.raw,
  });
}

function checkGrade(rule: string, p: Paragraph, t: PerfTable, who: string): Finding | undefined {
  const m = /(?:评价结果|评价等次|评价等级|等次|等级)(?:为|是|:)?[“"「]?(优秀|良好|优|良|中|差|合格|不合格)/.exec(norm(p.text));
  if (!m || !t.total || !present(t.total.score)) return undefined;
  const said = readGrade(m[1]);
  const due = t.grade ? readGrade(t.grade.text) ?? gradeOf(t.total.score.amount.value) : gradeOf(t.total.score.amount.value);
  if (!said || said.name === due.name) return undefined;
  return finding({
    rule,
    severity: "error",
    table: t,
    message: `${where0(p)}写${who}评价结果为“${m[1]}”，但${perfLabel(t)}${t.total.label.text}为 ${t.total.score.amount.value.toString()} 分，对应等次为“${due.name}”。`,
    cells: [p.ref, ...(t.grade ? [t.grade.ref] : []), t.total.score.ref],
    expected: due.name,
    actual: m[1],
  });
}

/** Words without which a paragraph quotes none of the figures checked here. */
const QUOTING = /预算|执行|得分|评分|完成|决算|等次|等级|评价结果/;

export const narrativeFigures: Rule = {
  id: "perf.narrative.figures",
  title: "情况说明中引用的项目（部门整体）全年预算数、执行数、执行率、自评得分和评价结果应与绩效表一致",
  severity: "error",
  family: "perf",
  check(ctx) {
    const projects = perfTables(ctx, ["perfSelfEval", "perfCompletion", "perfFramework"]).filter((t) => t.subject && t.stage === "selfeval");
    const wholes = perfTables(ctx, ["perfWhole"]).filter((t) => t.stage === "selfeval");
    if (!projects.length && !wholes.length) return [];
    const withTables = new Set(ctx.tables.map((t) => t.sheet));
    const out: Finding[] = [];
    for (const sheet of narrativeSheets(ctx.workbook, withTables)) {
      for (const p of paragraphsOf(sheet)) {
        if (!QUOTING.test(p.text)) continue;
        let table: PerfTable | undefined;
        let who = "";
        const seg = nameSegment(p.text);
        if (seg && projects.length) {
          const scored = projects.map((t) => ({ t, s: nameScore(t.subject!.text, seg) })).sort((a, b) => b.s - a.s);
          if (scored[0].s >= 0.5 && (scored.length === 1 || scored[0].s - scored[1].s >= 0.1)) {
            table = scored[0].t;
            who = `“${table.subject!.text}”项目`;
          }
        }
        if (!table && wholes.length === 1 && /整体支出|整体绩效|整体预算|部门绩效自评|部门整体/.test(p.text)) {
          table = wholes[0];
          who = "部门整体";
        }
        if (!table) continue;
        for (const q of quotesIn(p.text)) {
          const f = checkQuote(this.id, p, q, table, who);
          if (f) out.push(f);
        }
        const g = checkGrade(this.id, p, table, who);
        if (g) out.push(g);
      }
    }
    return out;
  },
};

export const NARRATIVE_RULES: Rule[] = [narrativeFigures];
