/**
 * Rules for generic tables (tables/generic.ts): tables that match no template,
 * checked by their structure, with the interval tolerance of every other rule.
 *
 * - generic.total — a 合计 / 总计 / 小计 line equals its parts; a parent line of
 *   the outline ("一、" over "（一）…（三）") equals its direct children; a
 *   parent is never added together with its own children (tables/outline.ts).
 * - generic.difference — an 增减 column equals the difference of its two
 *   figure columns (the later minus the earlier, by the header's years, 本年 /
 *   上年 or 预算 / 执行; by the rows themselves when the header does not say).
 * - generic.rollforward — 年初 + 本年增加 − 本年减少 = 年末.
 * - generic.rate — a 率 column equals its quotient: 执行率 = 执行 ÷ 预算, 增长率
 *   = 增减 ÷ the earlier figure, 占比 = the line ÷ the 合计 line; no rate over a
 *   zero base.
 */
import { Decimal, HUNDRED } from "../../amount/decimal";
import { halfUnit } from "../../amount/decimal";
import { formatNumber } from "../../amount/format";
import { Interval } from "../../amount/interval";
import { intervalOf } from "../../amount/amount";
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { AmountCell, refA1 } from "../../tables/types";
import { GenericColumn, GenericTable } from "../../tables/generic";
import { childrenIn, topLevelOf } from "../../tables/outline";
import { checkRelation, sumEquals } from "../relation";
import { Rule, RuleContext } from "../types";

const generic = (ctx: RuleContext) => ctx.tables.filter((t): t is GenericTable => t.kind === "generic");
const nameOf = (t: GenericTable) => `“${t.name}”（${t.sheet}）`;
const SUMMABLE = new Set(["figure", "difference", "opening", "increase", "decrease", "closing"]);
const colName = (c: GenericColumn) => (c.label ? `“${c.label.split("/").pop()}”` : `第${c.col + 1}列`);

const GRAND_TOTAL = /总计|共计|总合计/;

/** The rows a total line adds up, or null when it has none. */
function partsOf(t: GenericTable, i: number): number[] | null {
  const rows = t.rows;
  const r = rows[i];
  const kids = childrenIn(t.outline, i);
  if (!r.total) return kids.length ? kids : null;
  if (kids.length) return kids;
  const isTotal = (j: number) => rows[j].total !== null;
  if (i === 0 || rows.slice(0, i).every((x) => x.total)) {
    // A total above its lines: the lines below it up to the next total.
    const below: number[] = [];
    for (let j = i + 1; j < rows.length && !isTotal(j); j++) below.push(j);
    const top = topLevelOf(t.outline, below);
    return top.length >= 1 ? top : null;
  }
  // A total below its lines: since the previous total of its kind (subtotals above a grand total are its parts).
  const above: number[] = [];
  let closed = -1;
  for (let j = i - 1; j >= 0; j--) {
    if (rows[j].total === "grand" || (r.total === "sub" && rows[j].total === "sub")) {
      closed = j;
      break;
    }
    above.unshift(j);
  }
  const subs = above.filter((j) => rows[j].total === "sub");
  if (r.total === "grand" && subs.length) return subs;
  const top = topLevelOf(t.outline, above.filter((j) => !isTotal(j)));
  // "本年支出合计 … 年末结转和结余 … 总计": a 总计 below a 合计 adds that 合计 and the lines after it.
  if (closed >= 0 && GRAND_TOTAL.test(norm(r.label)) && !GRAND_TOTAL.test(norm(rows[closed].label)) && /合计/.test(norm(rows[closed].label))) return [closed, ...top];
  return top.length >= 1 ? top : null;
}

export const genericTotal: Rule = {
  id: "generic.total",
  title: "通用数值表：合计（小计）行应等于其各组成行之和，上级行应等于其下一级各行之和",
  severity: "error",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of generic(ctx)) {
      t.rows.forEach((r, i) => {
        const parts = partsOf(t, i);
        if (!parts || (parts.length === 1 && !r.total)) return;
        for (const c of t.columns) {
          if (!SUMMABLE.has(c.role)) continue;
          const total = r.cells.get(c.col);
          const items = parts.map((j) => t.rows[j].cells.get(c.col)).filter((x): x is AmountCell => !!x);
          // A generic table's blank total cell states nothing (no template says it must be filled).
          if (!total || items.length !== parts.length || (total.amount && total.amount.blank)) continue;
          const f = sumEquals(
            ctx,
            this.id,
            () => `${nameOf(t)}：“${r.label}”${colName(c)}应等于${parts.length > 3 ? `${parts.length} 个组成行` : parts.map((j) => `“${t.rows[j].label}”`).join("、")}之和`,
            total,
            () => `“${r.label}”`,
            items,
            () => "各组成行之和",
          );
          if (f) {
            f.tables = [t.id];
            out.push(f);
          }
        }
      });
    }
    return out;
  },
};

/** The two figure columns a difference column compares, later first; null when there are not two. */
function pairFor(t: GenericTable, d: GenericColumn): [GenericColumn, GenericColumn] | null {
  const figs = t.columns.filter((c) => c.role === "figure" || c.role === "opening" || c.role === "closing");
  let two = figs.length === 2 ? figs : figs.filter((c) => c.col < d.col).slice(-2);
  if (two.length !== 2) two = figs.slice(0, 2);
  if (two.length !== 2) return null;
  const [a, b] = two;
  if (a.period !== null && b.period !== null && a.period !== b.period) return a.period > b.period ? [a, b] : [b, a];
  // Not said by the header: the orientation most rows follow.
  let ab = 0;
  let ba = 0;
  for (const r of t.rows) {
    const [x, y, z] = [r.cells.get(a.col), r.cells.get(b.col), r.cells.get(d.col)];
    if (!x?.amount || !y?.amount || !z?.amount) continue;
    const diff = intervalOf(x.amount).sub(intervalOf(y.amount));
    if (diff.overlaps(intervalOf(z.amount))) ab++;
    if (diff.neg().overlaps(intervalOf(z.amount))) ba++;
  }
  return ba > ab ? [b, a] : [a, b];
}

export const genericDifference: Rule = {
  id: "generic.difference",
  title: "通用数值表：增减（差额）栏应等于两个数值栏之差",
  severity: "error",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of generic(ctx)) {
      for (const d of t.columns.filter((c) => c.role === "difference")) {
        const pair = pairFor(t, d);
        if (!pair) continue;
        const [later, earlier] = pair;
        for (const r of t.rows) {
          const [x, y, z] = [r.cells.get(later.col), r.cells.get(earlier.col), r.cells.get(d.col)];
          if (!x || !y || !z) continue;
          const f = checkRelation(ctx, {
            rule: this.id,
            severity: "error",
            kind: "eq",
            statement: () => `${nameOf(t)}：“${r.label}”的${colName(d)}应等于${colName(later)}减${colName(earlier)}`,
            lhs: { terms: [z], label: () => colName(d) },
            rhs: { terms: [x, { cell: y, sign: -1 }], label: () => `${colName(later)}减${colName(earlier)}` },
            lead: [z.ref],
          });
          if (f) {
            f.tables = [t.id];
            out.push(f);
          }
        }
      }
    }
    return out;
  },
};

export const genericRollforward: Rule = {
  id: "generic.rollforward",
  title: "通用数值表：年初数 + 本年增加 − 本年减少 应等于年末数",
  severity: "error",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of generic(ctx)) {
      const col = (role: string) => t.columns.find((c) => c.role === role);
      const [open, inc, dec, close] = [col("opening"), col("increase"), col("decrease"), col("closing")];
      if (!open || !close || (!inc && !dec)) continue;
      for (const r of t.rows) {
        const o = r.cells.get(open.col);
        const c = r.cells.get(close.col);
        const i = inc ? r.cells.get(inc.col) : undefined;
        const d = dec ? r.cells.get(dec.col) : undefined;
        if (!o || !c) continue;
        const rhs = [o, ...(i ? [i] : []), ...(d ? [{ cell: d, sign: -1 as const }] : [])];
        const f = checkRelation(ctx, {
          rule: this.id,
          severity: "error",
          kind: "eq",
          statement: () => `${nameOf(t)}：“${r.label}”的年末数应等于年初数${i ? "加本年增加" : ""}${d ? "减本年减少" : ""}`,
          lhs: { terms: [c], label: () => colName(close) },
          rhs: { terms: rhs, label: () => `年初数${i ? "＋本年增加" : ""}${d ? "－本年减少" : ""}` },
          lead: [c.ref],
        });
        if (f) {
          f.tables = [t.id];
          out.push(f);
        }
      }
    }
    return out;
  },
};

/** The written rate as a percentage interval (a 0.985 ratio under a header without % is 98.5 %). */
function rateInterval(cell: AmountCell, ratios: boolean): { iv: Interval; value: Decimal } | null {
  const a = cell.amount;
  if (!a || a.blank) return null;
  const k = ratios && !a.percent ? HUNDRED : new Decimal(1);
  return { iv: Interval.around(a.value.times(k), halfUnit(a.decimals).times(k)), value: a.value.times(k) };
}

export const genericRate: Rule = {
  id: "generic.rate",
  title: "通用数值表：执行率、增长率、占比等比率栏应等于相应两数之商",
  severity: "error",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of generic(ctx)) {
      const figs = t.columns.filter((c) => c.role === "figure");
      const diff = t.columns.find((c) => c.role === "difference");
      for (const R of t.columns.filter((c) => c.role === "rate")) {
        let kind = R.rateKind;
        if (!kind) kind = diff ? "growth" : figs.some((c) => /执行|决算|完成|实际/.test(c.label)) && figs.some((c) => /预算|计划/.test(c.label)) ? "execution" : undefined;
        if (!kind) continue;
        // Numerator and denominator columns.
        let num: GenericColumn | undefined;
        let den: GenericColumn | undefined;
        let shareOfTotal = false;
        if (kind === "execution") {
          num = figs.find((c) => /执行|决算|完成|实际|支出数/.test(c.label));
          den = figs.find((c) => /预算|计划|批复|下达/.test(c.label) && c !== num);
        } else if (kind === "growth") {
          const pair = diff ? pairFor(t, diff) : figs.length === 2 ? ([...figs].sort((a, b) => (b.period ?? 0) - (a.period ?? 0)) as [GenericColumn, GenericColumn]) : null;
          if (!pair) continue;
          num = diff;
          den = pair[1];
          if (!num) {
            num = pair[0];
          }
        } else {
          num = figs.filter((c) => c.col < R.col).pop() ?? figs[0];
          shareOfTotal = true;
        }
        if (!num || (!den && !shareOfTotal)) continue;
        const totalRow = shareOfTotal ? t.rows.find((r) => r.total === "grand") : undefined;
        if (shareOfTotal && !totalRow) continue;
        // Rates written as ratios (0.985) when every value is small and the header has no %.
        const vals = t.rows.map((r) => r.cells.get(R.col)?.amount).filter((a) => a && !a.blank);
        const ratios = !/%|％|百分/.test(R.label) && vals.length > 0 && vals.every((a) => !a!.percent && a!.value.abs().lte(new Decimal("1.5")));
        for (const r of t.rows) {
          const rc = r.cells.get(R.col);
          if (!rc) continue;
          const said = rateInterval(rc, ratios);
          const n = r.cells.get(num.col);
          const d = shareOfTotal ? totalRow!.cells.get(num.col) : r.cells.get(den!.col);
          if (!said || !n?.amount || !d?.amount) continue;
          // Growth without a 增减 column: (later − earlier) ÷ earlier.
          let numIv = intervalOf(n.amount);
          if (kind === "growth" && !diff) numIv = numIv.sub(intervalOf(d.amount));
          const denIv = intervalOf(d.amount);
          const q = numIv.div(denIv);
          const cells = [rc.ref, n.ref, d.ref];
          if (!q) {
            if (!said.value.isZero())
              out.push({
                rule: this.id,
                severity: "warning",
                message: `${nameOf(t)}：“${r.label}”的${colName(R)}（${refA1(rc.ref)}）写为 ${rc.amount!.value.toString()}${ratios ? "" : "%"}，但${colName(den ?? num)}为0，基数为0不能计算比率。`,
                cells,
                tables: [t.id],
              });
            continue;
          }
          const expected = q.times(HUNDRED);
          if (expected.overlaps(said.iv)) continue;
          const mid = (kind === "growth" && !diff ? n.amount.value.minus(d.amount.value) : n.amount.value).div(d.amount.value).times(HUNDRED);
          const dp = Math.max(rc.amount!.decimals - (ratios ? 2 : 0), 1);
          out.push({
            rule: this.id,
            severity: "error",
            message: `${nameOf(t)}：“${r.label}”的${colName(R)}（${refA1(rc.ref)}）应为 ${formatNumber(mid, dp)}%（${kind === "growth" && !diff ? `（${colName(num)}−${colName(den!)}）÷${colName(den!)}` : `${colName(num)}÷${shareOfTotal ? "合计行" : colName(den!)}`}），表中为 ${formatNumber(said.value, dp)}%。`,
            cells,
            expected: `${formatNumber(mid, dp)}%`,
            actual: `${formatNumber(said.value, dp)}%`,
            tables: [t.id],
          });
        }
      }
    }
    return out;
  },
};

export const GENERIC_RULES = [genericTotal, genericDifference, genericRollforward, genericRate];

