/**
 * Causes: one mistake, one entry. A wrong figure usually breaks several
 * relations (its row, its column, another table); the ranking (rank.ts) has
 * already put, for each finding, the most likely wrong cell first. This layer,
 * above the ranking and without changing it, groups the findings a clerk fixes
 * with one correction:
 *
 * - Findings whose first cell is the same cell, and whose relations one and the
 *   same correction of that cell would all satisfy, form one cause. The value
 *   the cell should hold is known when at least one of them is an equality (the
 *   correction is then Δ = −residual / coefficient); a cause of only "≤"
 *   relations names the cell without a value.
 * - Findings with that first cell that this correction would not repair are
 *   grouped by their own correction (several causes on one cell are possible,
 *   each with its value).
 * - A finding without a relation (a blank that the totals imply, a value that is
 *   not a number, a wording problem) joins the cause of its first cell when there
 *   is one, else the cause (with a value) of one of its other cells (a rate
 *   computed from a wrong figure, a sentence quoting a wrong cell); otherwise findings with the same first cell (two problems of one
 *   sentence of the 情况说明: a wrong 增减 and the rate computed from it) form one
 *   cause, the place to edit; a finding without cells is a cause of its own.
 * - Info findings (rounding tails, figures not verified) are never causes.
 *
 * Order: errors before warnings, then causes that explain more relations first,
 * then sheet order and row (the reading order of the findings).
 */
import { formatFixed } from "../amount/fixed";
import { Relation, holdsAfter, relationTerms } from "../rules/relation";
import { AmountCell, CellRef, refA1, refKey } from "../tables/types";
import { Finding, SEVERITY_RANK, Severity } from "./finding";

export interface SuggestedValue {
  /** The figure the cell should hold, as a clerk reads it: "1,480.55". */
  shown: string;
  /** The same figure without grouping, to write into the cell: "1480.55". */
  plain: string;
  /** What the cell shows now: "1,200.00", or "" for a blank cell. */
  current: string;
  /** The current figure without grouping ("" when blank): the apply button checks the cell still holds it. */
  currentPlain: string;
  /**
   * Set when no figure makes every relation's displayed figures agree exactly
   * but their rounding tolerance (尾差) allows several: the lowest and highest.
   * `shown` is then the one that leaves the smallest displayed differences.
   */
  range?: { low: string; high: string };
}

export interface Cause {
  /** 1-based, in the order shown. */
  id: number;
  severity: Severity;
  /** The cell(s) to correct, the most likely first. */
  cells: CellRef[];
  /** The value the relations determine for cells[0], when they do. */
  suggested?: SuggestedValue;
  /** The findings this cause explains (at least one), the first the most telling. */
  findings: Finding[];
  /** One line: "C13 应为 480.55（现为空）", or the only finding's message. */
  title: string;
}

interface Pending {
  cell: AmountCell | null;
  ref: CellRef;
  delta: bigint | null;
  findings: Finding[];
}

const BIG0 = BigInt(0);

function dpOf(rel: Relation): number {
  let dp = 2;
  for (const t of relationTerms(rel)) dp = Math.max(dp, Math.min(t.cell.amount!.decimals, 6));
  return dp;
}

/** Rounds a fixed-point correction to `dp` decimals (half away from zero). */
function roundFixed(f: bigint, dp: number): bigint {
  const unit = BigInt(10) ** BigInt(7 - dp);
  const neg = f < BIG0;
  const a = neg ? -f : f;
  const r = ((a + unit / BigInt(2)) / unit) * unit;
  return neg ? -r : r;
}

/** The correction of `cell` that makes an equality hold, rounded to the figures' decimals when that still holds. */
function correctionFor(rel: Relation, cell: AmountCell): bigint | null {
  if (rel.kind !== "eq") return null;
  const term = relationTerms(rel).find((t) => t.cell === cell);
  if (!term || term.coef === BIG0) return null;
  const exact = -rel.displayed / term.coef;
  const rounded = roundFixed(exact, dpOf(rel));
  if (holdsAfter(rel, term.coef, rounded)) return rounded;
  return holdsAfter(rel, term.coef, exact) ? exact : null;
}

/** Whether correcting `cell` by `delta` makes the finding's relation hold. */
function repairs(f: Finding, cell: AmountCell, delta: bigint): boolean {
  const rel = f.relation!;
  const term = relationTerms(rel).find((t) => t.cell === cell);
  return !!term && holdsAfter(rel, term.coef, delta);
}

function firstAmountCell(f: Finding): AmountCell | null {
  const ref = f.cells[0];
  if (!ref || !f.relation) return null;
  for (const t of relationTerms(f.relation)) if (t.cell.ref === ref || (t.cell.ref.sheet === ref.sheet && t.cell.ref.row === ref.row && t.cell.ref.col === ref.col)) return t.cell;
  return null;
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== BIG0 && (a < BIG0) !== (b < BIG0)) ? q - BigInt(1) : q;
};
const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);
const abs = (a: bigint): bigint => (a < BIG0 ? -a : a);

/**
 * The figure `cell` should hold so that every relation of the cause holds: the
 * intersection, over the relations, of the corrections they allow (each
 * |displayed + coef·Δ| ≤ slack, or displayed + coef·Δ ≤ slack for "≤"), on the
 * grid of the figures' decimals. One point, or one at which every displayed
 * difference is zero: the value is determined. Otherwise (rounding tails leave
 * room): the one with the smallest total displayed difference, and the range. None (cannot happen when `delta` repairs them all,
 * kept for safety): `delta` itself.
 */
function suggestion(cell: AmountCell, delta: bigint, dp: number, rels: Relation[]): SuggestedValue {
  const a = cell.amount!;
  const shownDp = Math.max(dp, Math.min(a.decimals, 6));
  const unit = BigInt(10) ** BigInt(7 - shownDp);
  let lo: bigint | null = null;
  let hi: bigint | null = null;
  const eqs: { d: bigint; k: bigint }[] = [];
  for (const rel of rels) {
    const term = relationTerms(rel).find((t) => t.cell === cell);
    if (!term || term.coef === BIG0) continue;
    const k = term.coef;
    const d = rel.displayed;
    // Bounds on Δ: (−s − d)/k ≤ Δ ≤ (s − d)/k for k > 0 (reversed for k < 0); "≤" keeps one side.
    const a1 = -rel.slack - d;
    const a2 = rel.slack - d;
    let l: bigint | null;
    let h: bigint | null;
    if (k > BIG0) {
      l = rel.kind === "eq" ? ceilDiv(a1, k) : null;
      h = floorDiv(a2, k);
    } else {
      l = ceilDiv(a2, k);
      h = rel.kind === "eq" ? floorDiv(a1, k) : null;
    }
    if (l !== null) lo = lo === null || l > lo ? l : lo;
    if (h !== null) hi = hi === null || h < hi ? h : hi;
    if (rel.kind === "eq") eqs.push({ d, k });
  }
  let v = a.fixed + delta;
  let range: SuggestedValue["range"];
  if (lo !== null && hi !== null && lo <= hi) {
    const first = ceilDiv(a.fixed + lo, unit);
    const last = floorDiv(a.fixed + hi, unit);
    if (first <= last) {
      if (first === last) v = first * unit;
      else {
        // Several figures fit: the one leaving the smallest displayed differences (ties: the lower).
        const cost = (x: bigint) => eqs.reduce((n, e) => n + abs(e.d + e.k * (x - a.fixed)), BIG0);
        let best = first * unit;
        let bestCost = cost(best);
        for (let g = first + BigInt(1); g <= last && g - first < BigInt(1000); g++) {
          const c = cost(g * unit);
          if (c < bestCost) {
            best = g * unit;
            bestCost = c;
          }
        }
        v = best;
        // The displayed figures agree exactly at `best`: that is the value. Otherwise tails leave a range.
        if (bestCost !== BIG0) range = { low: formatFixed(first * unit, shownDp), high: formatFixed(last * unit, shownDp) };
      }
    }
  }
  const out: SuggestedValue = {
    shown: formatFixed(v, shownDp),
    plain: formatFixed(v, shownDp, false),
    current: a.blank ? "" : formatFixed(a.fixed, Math.min(a.decimals, 6)),
    currentPlain: a.blank ? "" : formatFixed(a.fixed, Math.min(a.decimals, 6), false),
  };
  if (range) out.range = range;
  return out;
}

function worst(fs: Finding[]): Severity {
  let s: Severity = "info";
  for (const f of fs) if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[s]) s = f.severity;
  return s;
}

/** "C13", or "公开02表!I7" when `sheet` is not the cell's. */
export function cellText(ref: CellRef, sheet?: string): string {
  return ref.sheet === sheet ? refA1(ref) : `${ref.sheet}!${refA1(ref)}`;
}

function titleOf(c: Omit<Cause, "title" | "id">): string {
  if (c.cells.length === 0) return c.findings[0].message;
  const where = cellText(c.cells[0]);
  const relCount = c.findings.filter((f) => f.relation).length;
  if (c.suggested) {
    const now = c.suggested.current === "" ? "现为空" : `现为 ${c.suggested.current}`;
    return `${where} 应为 ${c.suggested.shown}（${now}）`;
  }
  if (relCount > 1 || (relCount === 1 && c.findings.length > 1)) return `${where} 可能有误`;
  if (c.findings.length > 1) return `${where} 有 ${c.findings.length} 处问题`;
  return c.findings[0].message;
}

/**
 * Groups the findings into causes and sets `cause` (the cause's id) on each
 * grouped finding. `sheetOrder` gives the reading order of the sheets.
 */
export function groupCauses(findings: Finding[], sheetOrder: Map<string, number>): Cause[] {
  const pending: Pending[] = [];
  const byCell = new Map<string, Pending[]>();
  const relationLess: Finding[] = [];
  for (const f of findings) {
    f.cause = undefined;
    if (f.severity === "info") continue;
    const rel = f.relation;
    const cell = rel && !rel.holds ? firstAmountCell(f) : null;
    if (!rel || rel.holds || !cell) {
      relationLess.push(f);
      continue;
    }
    const key = refKey(cell.ref);
    const list = byCell.get(key) ?? [];
    const delta = correctionFor(rel, cell);
    let home: Pending | undefined;
    for (const p of list) {
      if (p.delta !== null) {
        if (repairs(f, cell, p.delta)) home = p;
      } else if (delta === null) home = p;
      else if (p.findings.every((g) => repairs(g, cell, delta))) {
        // A cause of "≤" relations meets its first equality, which fixes the value.
        p.delta = delta;
        home = p;
      }
      if (home) break;
    }
    if (!home) {
      home = { cell, ref: cell.ref, delta, findings: [] };
      list.push(home);
      pending.push(home);
      byCell.set(key, list);
    }
    home.findings.push(f);
  }
  // Relation-less findings join the cause of their first cell; else those with the same first
  // cell (two problems of one sentence) form one cause; a finding without cells stands alone.
  const textCauses = new Map<string, Pending>();
  for (const f of relationLess) {
    const ref = f.cells[0];
    const key = ref ? refKey(ref) : "";
    const list = ref ? byCell.get(key) : undefined;
    if (list && list.length > 0) {
      list[0].findings.push(f);
      continue;
    }
    // A rate computed from a wrong figure ("执行率" over the wrong 执行数), a sentence quoting a
    // wrong table cell: explained by the cause of one of its other cells.
    const other = f.cells.slice(1).map((c) => byCell.get(refKey(c))).find((l) => l && l.length > 0 && l[0].delta !== null);
    if (other) {
      other[0].findings.push(f);
      continue;
    }
    const same = ref ? textCauses.get(key) : undefined;
    if (same) {
      same.findings.push(f);
      continue;
    }
    const p: Pending = { cell: null, ref: ref ?? { sheet: "", row: 0, col: 0 }, delta: null, findings: [f] };
    pending.push(p);
    if (ref) textCauses.set(key, p);
  }
  const built = pending.map((p) => {
    // Findings in their reading order, relations (the evidence) before notes.
    const fs = p.findings;
    let suggested: SuggestedValue | undefined;
    if (p.cell && p.delta !== null && p.cell.amount) {
      const dp = Math.max(...fs.filter((f) => f.relation).map((f) => dpOf(f.relation!)));
      suggested = suggestion(p.cell, p.delta, dp, fs.filter((f) => f.relation).map((f) => f.relation!));
    }
    const cells = p.cell ? [p.ref] : fs[0].cells.slice(0, 1);
    const c = { severity: worst(fs), cells, suggested, findings: fs };
    return { ...c, title: titleOf(c), id: 0 } as Cause;
  });
  const pos = (c: Cause) => {
    const r = c.cells[0];
    return r ? [sheetOrder.get(r.sheet) ?? 999, r.row, r.col] : [999, 0, 0];
  };
  built.sort((a, b) => {
    if (SEVERITY_RANK[a.severity] !== SEVERITY_RANK[b.severity]) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    const na = a.findings.filter((f) => f.relation).length;
    const nb = b.findings.filter((f) => f.relation).length;
    if (na !== nb) return nb - na;
    const pa = pos(a);
    const pb = pos(b);
    for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
  });
  built.forEach((c, i) => {
    c.id = i + 1;
    for (const f of c.findings) f.cause = c.id;
  });
  return built;
}

/** Causes of a severity and the findings they explain: "错误 3 处（涉及 7 项关系）". */
export function causeCount(causes: Cause[], sev: Severity): { causes: number; findings: number } {
  const cs = causes.filter((c) => c.severity === sev);
  return { causes: cs.length, findings: cs.reduce((n, c) => n + c.findings.length, 0) };
}

/** "（涉及 7 项关系）" when the causes of a severity explain more findings than there are causes. */
export function involvedText(causes: Cause[], sev: Severity): string {
  const n = causeCount(causes, sev);
  return n.findings > n.causes ? `（涉及 ${n.findings} 项关系）` : "";
}

/** Causes counted by severity. */
export function summarizeCauses(causes: Cause[]): Record<Severity, number> {
  const s = { error: 0, warning: 0, info: 0 };
  for (const c of causes) s[c.severity]++;
  return s;
}

export interface CauseJson {
  id: number;
  severity: Severity;
  cells: { sheet: string; cell: string }[];
  title: string;
  /** `low`/`high` when rounding tails leave room for more than one figure. */
  suggested?: { value: string; current: string; low?: string; high?: string };
  /** Indices into the result's `findings` array. */
  findings: number[];
}

export function causeToJson(c: Cause, index: Map<Finding, number>): CauseJson {
  const out: CauseJson = {
    id: c.id,
    severity: c.severity,
    cells: c.cells.map((r) => ({ sheet: r.sheet, cell: refA1(r) })),
    title: c.title,
    findings: c.findings.map((f) => index.get(f) ?? -1).filter((i) => i >= 0),
  };
  if (c.suggested) {
    out.suggested = { value: c.suggested.plain, current: c.suggested.currentPlain };
    if (c.suggested.range) {
      out.suggested.low = c.suggested.range.low.replace(/,/g, "");
      out.suggested.high = c.suggested.range.high.replace(/,/g, "");
    }
  }
  return out;
}
