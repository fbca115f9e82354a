/**
 * Narrative figures against the tables (spec §6): every amount, percentage and
 * count of a clerk's 情况说明 is linked to the fact it states (narrative/link.ts)
 * and compared with the interval tolerance of spec §5.
 */
import { Decimal, ZERO } from "../../amount/decimal";
import { Interval, sumIntervals } from "../../amount/interval";
import { halfUnit } from "../../amount/decimal";
import { formatNumber } from "../../amount/format";
import { Finding } from "../../report/finding";
import { refA1 } from "../../tables/types";
import { Fact, show, sourceRefs } from "../../narrative/fact";
import { Linked, headingSection } from "../../narrative/link";
import { narrativeContext } from "../../narrative/context";
import { yearOf } from "../../narrative/statements";
import { figKey, textContradicted, textVerified } from "./identities";
import { emptyTableJudged } from "./claims";
import { Paragraph, SENTENCE_END, TextFigure, figuresIn, lastEndBefore } from "../../narrative/text";
import { Rule } from "../types";
import { label, norm } from "../../recognize/normalize";
import { OutlineMark, outlineMark } from "../../tables/outline";

/** "…收、支总计各减少 37.32 万元" — the words around a figure, for messages. */
export function excerpt(text: string, fig: { start: number; end: number }, before = 18): string {
  const s = Math.max(0, fig.start - before);
  return `${s > 0 ? "…" : ""}${text.slice(s, fig.end)}`;
}

function where(p: Paragraph): string {
  return `${p.ref.sheet}!${refA1(p.ref)}`;
}

function expected(f: Fact): string {
  const mag = f.kind === "change" || f.kind === "changePct" ? { ...f, shown: f.shown.abs() } : f;
  return show(mag as Fact);
}

function linksOf(ctx: Parameters<Rule["check"]>[0]): Linked[] {
  return narrativeContext(ctx).links;
}

export const figureMismatch: Rule = {
  id: "narrative.figure-mismatch",
  title: "情况说明中的数字应与表格（或补充信息）一致",
  severity: "error",
  family: "narrative",
  check(ctx) {
    return linksOf(ctx)
      .filter((l) => l.status === "mismatch" && l.fact && !l.fact.reportedBy)
      .map((l) => ({
        rule: this.id,
        severity: l.fact!.mismatchSeverity ?? ("error" as const),
        message: `情况说明（${where(l.para)}）“${excerpt(l.para.text, l.figure)}”：写的是 ${l.figure.raw.replace(/\s/g, "")}，按表格应为 ${expected(l.fact!)}（${l.fact!.formula}）。`,
        cells: [l.para.ref, ...sourceRefs(l.fact!.sources)],
        expected: expected(l.fact!),
        actual: l.figure.raw.replace(/\s/g, ""),
      }));
  },
};

export const figureUnit: Rule = {
  id: "narrative.unit",
  title: "情况说明的金额单位应与表格一致（万元/元）",
  severity: "error",
  family: "narrative",
  check(ctx) {
    return linksOf(ctx)
      .filter((l) => l.status === "unit" && l.fact && !l.fact.reportedBy)
      .map((l) => ({
        rule: this.id,
        severity: "error" as const,
        message: `情况说明（${where(l.para)}）“${excerpt(l.para.text, l.figure)}”：数字与表格相符，但单位写错了，应为 ${expected(l.fact!)}（${l.fact!.formula}）。`,
        cells: [l.para.ref, ...sourceRefs(l.fact!.sources)],
        expected: expected(l.fact!),
        actual: l.figure.raw.replace(/\s/g, ""),
      }));
  },
};

export const figureTail: Rule = {
  id: "narrative.tail",
  title: "情况说明中的数字与表格相差在四舍五入尾差范围内",
  severity: "info",
  family: "narrative",
  check(ctx) {
    return linksOf(ctx)
      .filter((l) => l.status === "tail" && l.fact && !l.fact.reportedBy)
      .map((l) => ({
        rule: this.id,
        severity: "info" as const,
        message: `情况说明（${where(l.para)}）“${excerpt(l.para.text, l.figure)}”：写的是 ${l.figure.raw.replace(/\s/g, "")}，按表格为 ${expected(l.fact!)}（${l.fact!.formula}），相差在四舍五入尾差范围内。`,
        cells: [l.para.ref, ...sourceRefs(l.fact!.sources)],
        expected: expected(l.fact!),
        actual: l.figure.raw.replace(/\s/g, ""),
      }));
  },
};

export const zeroBase: Rule = {
  id: "narrative.zero-base",
  title: "基数为0时不应写百分比（应写“年初未安排预算”“上年无此项支出”）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    return linksOf(ctx)
      .filter((l) => l.fact?.zeroBase && l.figure.unit === "%")
      .map((l) => ({
        rule: this.id,
        severity: "warning" as const,
        message: `情况说明（${where(l.para)}）“${excerpt(l.para.text, l.figure, 30)}”：${l.fact!.sources[l.fact!.sources.length - 1].label}为0，不能计算百分比，应写“${l.fact!.kind === "changePct" ? "上年无此项支出" : "年初未安排预算"}”。`,
        cells: [l.para.ref, ...sourceRefs(l.fact!.sources)],
      }));
  },
};

const UP = /增加|增长|上升|提高/;
const DOWN = /减少|下降|降低|减|节约/;

export const direction: Rule = {
  id: "narrative.direction",
  title: "“增加/减少”“增长/下降”“持平”应与实际增减方向一致",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    for (const l of linksOf(ctx)) {
      const f = l.fact;
      if (!f || (f.kind !== "change" && f.kind !== "changePct") || l.status === "mismatch") continue;
      const word = /(增加|增长|上升|提高|减少|下降|降低|持平)[^增减持]*$/.exec(l.subject)?.[1];
      if (!word) continue;
      const sign = f.value.isZero() ? 0 : f.value.isPositive() ? 1 : -1;
      const said = word === "持平" ? 0 : UP.test(word) ? 1 : DOWN.test(word) ? -1 : null;
      if (said === null || said === sign || (sign !== 0 && f.shown.isZero())) continue;
      const right = sign === 0 ? "持平" : sign > 0 ? (f.kind === "change" ? "增加" : "增长") : f.kind === "change" ? "减少" : "下降";
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明（${where(l.para)}）“${excerpt(l.para.text, l.figure)}”：写的是“${word}”，但按表格${f.kind === "change" ? "变动额" : "变动率"}为 ${formatNumber(f.value, 2)}（${f.formula}），应为“${right}”。`,
        cells: [l.para.ref, ...sourceRefs(f.sources)],
        expected: right,
        actual: word,
      });
    }
    return out;
  },
};

export const unlinked: Rule = {
  id: "narrative.unverified",
  title: "情况说明中未能与表格或补充信息核对的数字（逐段列出）",
  severity: "info",
  family: "narrative",
  check(ctx) {
    const byPara = new Map<Paragraph, Linked[]>();
    // Figures no table holds but that the text's own identities confirm are verified too.
    const held = textVerified(ctx);
    // Figures an empty table contradicts have their own finding (narrative.empty-table-figure).
    const contradicted = emptyTableJudged(ctx);
    // So do figures an identity found wrong (a text figure against a table's, a total against its parts).
    const wrong = textContradicted(ctx);
    let confirmed = 0;
    // Figures of a wider entity ("全区…", "区本级…"): shown with that reason, by paragraph.
    const foreign = new Map<Paragraph, Linked[]>();
    for (const l of linksOf(ctx)) {
      if (l.status !== "unlinked") continue;
      if (l.entity) {
        const list = foreign.get(l.para) ?? [];
        list.push(l);
        foreign.set(l.para, list);
        continue;
      }
      if (contradicted.has(figKey(l.index, l.figure.start)) || wrong.has(figKey(l.index, l.figure.start))) continue;
      if (held.has(figKey(l.index, l.figure.start))) {
        confirmed++;
        continue;
      }
      const list = byPara.get(l.para) ?? [];
      list.push(l);
      byPara.set(l.para, list);
    }
    const others: Finding[] = [...foreign].map(([p, ls]) => ({
      rule: this.id,
      severity: "info" as const,
      message: `情况说明（${where(p)}）中以下数字说的是${[...new Set(ls.map((l) => `“${l.entity}”`))].join("、")}，不是本部门（单位）的数，没有与本部门的表格和文中本部门的数字核对：${ls.map((l) => `“${excerpt(p.text, l.figure, 10)}”`).join("、")}。`,
      cells: [p.ref],
    }));
    if (!byPara.size) return others;
    // Without any 决算 or 预算 table there is nothing to check the text against: one line, not one per paragraph.
    if (!ctx.tables.some((t) => t.family === "final" || t.family === "budget")) {
      const paras = [...byPara.keys()];
      const n = [...byPara.values()].reduce((k, ls) => k + ls.length, 0);
      return [
        ...others,
        {
          rule: this.id,
          severity: "info" as const,
          message: `情况说明（${where(paras[0])} 等 ${paras.length} 段）中的 ${n} 个数字未能核对：工作簿中没有识别到部门决算或预算公开表。${confirmed ? `另有 ${confirmed} 个数字已按文中的相互关系（收支总计、合计与各项、增减额与增减率、占比、完成率）核对一致。` : ""}把公开表放在同一工作簿中即可逐一核对。`,
          cells: [paras[0].ref],
        },
      ];
    }
    return [
      ...others,
      ...[...byPara].map(([p, ls]) => ({
        rule: this.id,
        severity: "info" as const,
        message: `情况说明（${where(p)}）中以下数字未能与表格或补充信息核对：${ls.map((l) => `“${excerpt(p.text, l.figure, 10)}”`).join("、")}。`,
        cells: [p.ref],
      })),
    ];
  },
};

/** Words just before a figure that make it a change or a difference rather than an amount. */
const CHANGE_BEFORE = /(增加|减少|增长|下降|节约|节省|超支|(?<![至最不较])[少多])了?$/;

/** Sentences split at "。", a sentence beginning with 其中 continuing the previous one. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "。") {
      const s = { start, end: i };
      const body = text.slice(start, i).trim();
      if (/^其中/.test(body) && out.length) out[out.length - 1].end = i;
      else if (body) out.push(s);
      start = i + 1;
    }
  }
  return out;
}

type Part = { fig: TextFigure; sign: number };

/** The words just before a figure that make it a comparison ("较上年1174万元", "比预算数", "上年为"). */
const COMPARISON_FIGURE = /((较|比|与)(上年|去年|上年度|\d{4}年度?)(决算|预算)?(数)?|(较|比|与)(年初|全年|调整)?预算(数)?|(完成|占)(全年|年初|调整)?预算(数)?|上年(为|是|同期))(的)?$/;

/** An outline number inside a sentence, after a clause boundary ("，三、", "；（二）", "，2."). */
const OUTLINE_ITEM = /[，,；;：:。]\s*([一二三四五六七八九十]+[、．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.](?!\d))/;

/** Whether a bracket opened in text[from, to) is still open at `to` ("1478万元（含……166万元"). */
function bracketOpen(text: string, from: number, to: number): boolean {
  const t = text.slice(from, to);
  return (t.match(/[（(]/g) ?? []).length > (t.match(/[）)]/g) ?? []).length;
}

/**
 * "X万元，其中：a万元……b万元" and "增加X万元，其中：……增加a万元，……减少b万元":
 * the stated parts must add up to the stated total, even when no table holds them.
 */
export const partsSum: Rule = {
  id: "narrative.parts-sum",
  title: "情况说明中“合计X，其中：a、b……”的各部分之和应等于合计",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    for (const p of narrativeContext(ctx).paragraphs) {
      const figs = figuresIn(p.text);
      for (const s of sentences(p.text)) {
        const inS = figs.filter((f) => f.start >= s.start && f.end <= s.end);
        // Every "其中" (or "包括") of the sentence: its total is just before it, its parts run to the next one.
        const marks: { at: number; len: number; main: boolean }[] = [];
        for (const m of p.text.slice(s.start, s.end).matchAll(/其中|(主要)?包括/g)) marks.push({ at: s.start + m.index!, len: m[0].length, main: !!m[1] });
        for (let mi = 0; mi < marks.length; mi++) {
          const qi = marks[mi].at;
          const from = mi ? marks[mi - 1].at + marks[mi - 1].len : s.start;
          // Figures of comparison ("较上年1174万元", "较预算数1237万元") are neither the total nor a part.
          const compared = (f: TextFigure) => COMPARISON_FIGURE.test(norm(p.text.slice(Math.max(s.start, f.start - 10), f.start)));
          // A note in brackets ("761.21万元（含上年结转5.01万元）") is not the total either.
          const before = inS.filter((f) => f.start >= from && f.end <= qi && f.unit !== "%" && !compared(f) && !bracketOpen(p.text, from, f.start));
          let last = before[before.length - 1];
          if (!last) continue;
          let limit = mi + 1 < marks.length ? marks[mi + 1].at : s.end;
          // A "其中" inside brackets lists the parts of the figure before the bracket, up to its closing bracket.
          if (bracketOpen(p.text, s.start, qi)) {
            const close = p.text.slice(qi, limit).search(/[）)]/);
            if (close >= 0) limit = qi + close;
          }
          // A list ends at the next outline number ("……，三、公务接待费预算200万元"): that is a sibling.
          const nextItem = OUTLINE_ITEM.exec(p.text.slice(qi, limit));
          if (nextItem) limit = qi + nextItem.index + 1;
          // A change or a difference: "增加X", "较年初预算62.58万元少2.88万元", "节约X", "超支X".
          const isChange = (f: TextFigure) => CHANGE_BEFORE.test(norm(p.text.slice(Math.max(s.start, f.start - 8), f.start)));
          // A "；" followed by a new total ("；2023年政府性基金支出总计3319万元") ends the list.
          const semi = /[；;][^；;]*?(总计|合计|总额)/.exec(p.text.slice(qi, limit));
          if (semi) limit = qi + semi.index + 1;
          // Parts of a part, in brackets ("1478万元（含均衡性转移支付166万元、……）"), are not parts of the total;
          // a new total ("，收入合计为6449万元") ends the list.
          const newTotal = inS.find((f) => f.start > qi && f.end <= limit && /合计|总计/.test(norm(p.text.slice(Math.max(qi, f.start - 8), f.start))));
          if (newTotal) limit = newTotal.start;
          let after = inS.filter((f) => f.start > qi && f.end <= limit && f.unit === last.unit && (f.unit !== "count" || f.countWord === last.countWord) && !compared(f) && !bracketOpen(p.text, qi, f.start));
          // Parallel parts: "预算a，决算b；……" clause by clause, each clause giving one figure per total
          // ("“三公”经费预算2.22万元，支出决算2.22万元。其中：出国预算0，决算0；用车预算2.22，决算2.22").
          const clauses: TextFigure[][] = [];
          for (const f of after) {
            const sep = clauses.length ? p.text.slice(clauses[clauses.length - 1][clauses[clauses.length - 1].length - 1].end, f.start) : "";
            if (!clauses.length || /[；;]/.test(sep)) clauses.push([f]);
            else clauses[clauses.length - 1].push(f);
          }
          const width = Math.max(0, ...clauses.map((c) => c.length));
          // A clause one figure short that says "持平" has no change to add ("…0万元，与上年预算持平；").
          const clauseText = (c: TextFigure[]) => {
            const end = p.text.slice(c[c.length - 1].end, limit).search(/[；;]/);
            return p.text.slice(c[0].start, end < 0 ? limit : c[c.length - 1].end + end);
          };
          const fits = (c: TextFigure[]) => c.length === width || (c.length === width - 1 && /持平/.test(clauseText(c)));
          const parallel = clauses.length >= 2 && width >= 2 && clauses.every(fits) && before.length >= width;
          // "2026年预算15.00万元，比2025年减少1.50万元。其中，出国0万元；……": parts written as amounts
          // belong to the amount, not to the change just before 其中.
          // Parts listed as amounts (with their own changes after them, "集中采购17000元，同比增加17000元")
          // go with the amount too.
          if (!parallel && isChange(last) && after.length && after.some((f) => !isChange(f))) {
            const amount = [...before].reverse().find((f) => !isChange(f));
            if (amount) last = amount;
          }
          // Listed amounts only, when the total is an amount: "财政拨款支出预算Y，比上年增加Z" lists Y, not Z.
          if (!parallel && !isChange(last)) after = after.filter((f) => !isChange(f));
          // Each column's total is the figure of its kind before 其中: the amount for the amounts, the change
          // (after that amount) for the changes — "1134万元，减少40万元，……较预算数减少103万元" gives 1134 and 40.
          const full = clauses.find((c) => c.length === width);
          const amountTotal = [...before].reverse().find((f) => !isChange(f));
          // The k-th change column goes with the k-th change after the amount (较上年…, then 较预算数…).
          const changeTotals = amountTotal ? before.filter((f) => f.start > amountTotal.start && isChange(f)) : [];
          const columnTotal = (k: number) =>
            full && amountTotal && (full.some(isChange) || before.slice(-width).some(isChange))
              ? isChange(full[k])
                ? changeTotals[full.slice(0, k).filter(isChange).length]
                : amountTotal
              : before[before.length - width + k];
          const checks: { total: TextFigure; figs: TextFigure[] }[] = parallel
            ? Array.from({ length: width }, (_, k) => ({ total: columnTotal(k), figs: clauses.map((c) => (c.length === width || k < c.length ? c[k] : undefined)).filter((f): f is TextFigure => !!f) }))
                .filter((x): x is { total: TextFigure; figs: TextFigure[] } => !!x.total && x.total.unit === last.unit)
            : [{ total: last, figs: after }];
          for (const { total, figs } of checks) {
            const parts: Part[] = figs.map((f) => {
              const clause = p.text.slice(Math.max(s.start, f.start - 14), f.start);
              return { fig: f, sign: /减少|下降/.test(clause.slice(-6)) && /增加|减少|增长|下降/.test(p.text.slice(Math.max(0, total.start - 8), total.start)) ? -1 : 1 };
            });
            if (parts.length < 2 || total.unit === "none") continue;
            // A total written with a direction: "增加X…其中…减少b" → signed parts.
            const totalNeg = /减少|下降/.test(p.text.slice(Math.max(0, total.start - 6), total.start));
            const iv = (f: TextFigure) => Interval.around(f.value, halfUnit(f.decimals));
            const sumIv = sumIntervals(parts.map((x) => (x.sign < 0 ? iv(x.fig).neg() : iv(x.fig))));
            const totIv = totalNeg ? iv(total).neg() : iv(total);
            const partsValue = parts.reduce((a, x) => (x.sign < 0 ? a.minus(x.fig.value) : a.plus(x.fig.value)), ZERO);
            const totValue = totalNeg ? total.value.neg() : total.value;
            if (partsValue.eq(totValue)) continue;
            const holds = sumIv.overlaps(totIv);
            // The list may end at a "；" or a closing bracket before a sibling of the total ("……457838元；项目支出
            // 2897260元", "……5843.2万元；上年结转结余2,731.6万元"): when the parts up to such a mark add up to the
            // total, the rest is not part of it.
            if (!holds) {
              let acc: Interval | null = null;
              let closes = false;
              for (let j = 0; j < parts.length - 1 && !closes; j++) {
                const x = parts[j];
                const v = x.sign < 0 ? iv(x.fig).neg() : iv(x.fig);
                acc = acc ? acc.add(v) : v;
                if (j >= 1 && /[；;）)]/.test(p.text.slice(x.fig.end, parts[j + 1].fig.start)) && acc.overlaps(totIv)) closes = true;
              }
              if (closes) continue;
            }
            // "其中" with counts names some of them ("科室38个，其中内科12个，外科11个"): only more than the total is wrong.
            if (total.unit === "count" && partsValue.abs().lt(totValue.abs())) continue;
            // "主要包括" lists the main items only: fewer is fine, more than the total is not
            // (机关运行经费 is the sum of its listed items, domain notes §2).
            if (marks[mi].main && !/机关运行经费/.test(p.text.slice(s.start, qi)) && partsValue.abs().lt(totValue.abs())) continue;
            // Parts short of the total, with the list going on in the next sentence ("……下降64%。公务用车购置及
            // 运行维护费为1012万元，……"): the list is not all in this sentence.
            const nextEnd = p.text.indexOf("。", s.end + 1);
            const nextText = p.text.slice(s.end + 1);
            const goesOn =
              limit === s.end &&
              // The next sentence names another part, not a comparison ("较2014年度……增加15.15万元") or a reason.
              !/^\s*(较|比|与|同比|主要|原因|以上|上述|全年|总体)/.test(nextText) &&
              figuresIn(p.text).some((f) => f.start > s.end && f.start < (nextEnd < 0 ? p.text.length : nextEnd) && f.unit === total.unit && !compared(f) && !isChange(f));
            if (goesOn && partsValue.abs().lt(totValue.abs())) continue;
            // Cut short by a nested "其中" (the parts of the last part): the list goes on after the nested one.
            if (mi + 1 < marks.length && limit === marks[mi + 1].at && partsValue.abs().lt(totValue.abs())) continue;
            const unit = total.unit === "count" ? total.countWord ?? "" : total.unit;
            out.push({
              rule: this.id,
              severity: holds ? "info" : "error",
              message: `情况说明（${where(p)}）：合计写的是 ${total.raw.replace(/\s/g, "")}，其后列出的各部分（${parts.map((x) => `${x.sign < 0 ? "减" : ""}${x.fig.raw.replace(/\s/g, "")}`).join("、")}）之和为 ${formatNumber(partsValue.abs(), Math.max(total.decimals, ...parts.map((x) => x.fig.decimals)))}${unit}，${holds ? "相差在四舍五入尾差范围内" : `相差 ${formatNumber(partsValue.minus(totValue).abs(), 2)}${unit}`}。`,
              cells: [p.ref],
              expected: formatNumber(partsValue.abs(), 2),
              actual: total.raw.replace(/\s/g, ""),
            });
          }
        }
      }
    }
    return out;
  },
};

/**
 * The same figure quoted twice must agree: figures no table holds (or that the
 * checker could not link) with the same wording before them but different values.
 */
const GENERIC_WORDS =
  /与上年(度)?(决算)?(数)?相比|较上年(度)?|比上年(度)?|同比|增加|减少|增长|下降|持平|年初预算数?|调整预算数?|全年预算数?|预算数?|支出决算数?|决算数?|执行数?|完成|合计|共计|总计|其中|主要|用于|分别|万元|亿元|元|[为是的了和及与，,：:、；;（）()“”"\s]/g;

const ECONOMIC_ITEM = /工资福利支出|商品和服务支出|对个人和家庭的?补助|对企业补助|资本性支出|债务利息|其他支出|人员经费|公用经费/;

/** Outline numbering that opens an item ("1.", "（二）", "三、"), as tables/outline.ts reads it. */
const ITEM_MARKS = new Set<OutlineMark>(["cn", "cnParen", "num", "numParen"]);

/**
 * The outline item each paragraph belongs to: a numbered paragraph ("1.基本支出
 * 1133753.33 元", "（二）项目支出…其中：") opens an item that the paragraphs
 * after it belong to, until the next numbered paragraph or heading. "商品和服务
 * 支出预算" under 基本支出 and under 项目支出 are two items (used for 经济分类
 * names only: any other repeated wording is the same thing wherever it is).
 */
function itemsOf(paragraphs: Paragraph[]): Map<Paragraph, string> {
  const out = new Map<Paragraph, string>();
  let item = "";
  for (const p of paragraphs) {
    if (headingSection(p.text)) item = "";
    else {
      if (ITEM_MARKS.has(outlineMark(p.text))) item = label(p.text).split(/[\d，,：:。；;]/)[0].slice(0, 16);
    }
    out.set(p, item);
  }
  return out;
}

export const sameFigure: Rule = {
  id: "narrative.same-figure",
  title: "情况说明中同一个数字在不同地方应一致",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Map<string, Linked>();
    const items = itemsOf(narrativeContext(ctx).paragraphs);
    for (const l of linksOf(ctx)) {
      if (l.figure.unit === "none" || l.figure.unit === "%") continue;
      // The same wording from the start of the sentence (numbering, years and digits removed).
      const text = l.para.text;
      const i = lastEndBefore(text, l.figure.start - 1, 0, SENTENCE_END);
      const subject = text
        .slice(i + 1, l.figure.start)
        .replace(/^\s*(\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])/, "")
        .replace(/\d{4}\s*年度?/g, "")
        .replace(/[\d.,%\s]/g, "");
      if (subject.length < 8) continue;
      // The words left once the generic ones are gone must name an item: "与上年决算相比，增加",
      // "年初预算…支出决算", "全年预算数为…执行数为" repeat for every item and say nothing of which.
      if (subject.replace(GENERIC_WORDS, "").length < 4) continue;
      // Never the same item across years: "2025年预算16.50万元。2026年预算15.00万元" are two figures.
      const year = yearOf(text.slice(i + 1, l.figure.start), { year: narrativeContext(ctx).year, kind: "final" });
      // 经济分类 items repeat under each 支出 of an outline (基本支出's and 项目支出's 商品和服务支出).
      const item = ECONOMIC_ITEM.test(subject) ? items.get(l.para) ?? "" : "";
      const key = `${item}|${subject}|${l.figure.unit}|${year}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, l);
        continue;
      }
      if (prev.fact && l.fact && prev.fact.id !== l.fact.id) continue;
      const same = prev.figure.value.eq(l.figure.value) || Interval.around(prev.figure.value, halfUnit(prev.figure.decimals)).overlaps(Interval.around(l.figure.value, halfUnit(l.figure.decimals)));
      if (same) continue;
      out.push({
        rule: this.id,
        severity: "warning",
        message: `情况说明中同一项目前后不一致：${where(prev.para)}“${excerpt(prev.para.text, prev.figure)}”与 ${where(l.para)}“${excerpt(l.para.text, l.figure)}”。`,
        cells: [l.para.ref, prev.para.ref],
        expected: prev.figure.raw.replace(/\s/g, ""),
        actual: l.figure.raw.replace(/\s/g, ""),
      });
    }
    return out;
  },
};

/** "决算数大于/小于/等于（年初）预算数" must agree with the two figures it compares. */
export const comparisonWord: Rule = {
  id: "narrative.comparison",
  title: "“决算数大于（小于、等于）预算数”应与所比较的两个数一致",
  severity: "error",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    const links = linksOf(ctx);
    for (const p of narrativeContext(ctx).paragraphs) {
      const m = /决算数?(大于|小于|等于|高于|低于|超过)(年初)?预算数?/.exec(p.text);
      if (!m) continue;
      // The two amounts compared: the budget figure and the outcome figure stated before the words.
      const inP = links.filter((l) => l.para === p && l.fact && l.figure.start < m.index && l.figure.unit !== "%" && l.figure.unit !== "count");
      const isBudget = (id: string) => /(^|\.)budget$/.test(id);
      const budget = [...inP].reverse().find((l) => isBudget(l.fact!.id));
      const final = [...inP].reverse().find((l) => !isBudget(l.fact!.id) && !/\.(prev|change)$/.test(l.fact!.id));
      if (!budget || !final) continue;
      const b = budget.figure.value;
      const f = final.figure.value;
      const said = m[1];
      const truth = f.gt(b) ? "大于" : f.lt(b) ? "小于" : "等于";
      const ok = (said === "大于" || said === "高于" || said === "超过") ? truth === "大于" : said === "小于" || said === "低于" ? truth === "小于" : truth === "等于";
      if (ok) continue;
      out.push({
        rule: this.id,
        severity: "error",
        message: `情况说明（${where(p)}）写“决算数${said}预算数”，但本段预算数为 ${budget.figure.raw.replace(/\s/g, "")}、决算数为 ${final.figure.raw.replace(/\s/g, "")}，应为“决算数${truth}预算数”。`,
        cells: [p.ref],
        expected: `决算数${truth}预算数`,
        actual: m[0],
      });
    }
    return out;
  },
};

export const NARRATIVE_FIGURE_RULES = [figureMismatch, figureUnit, figureTail, zeroBase, direction, unlinked, partsSum, sameFigure, comparisonWord];

