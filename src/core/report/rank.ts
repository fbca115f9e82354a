/**
 * Suspect ranking. One wrong figure usually breaks several relations (its row,
 * its column, its parent, another table). For each failing relation, every cell
 * in it is a suspect; the correction that would repair this relation through
 * that cell is known (Δ = −residual / coefficient). Applying that same Δ to the
 * cell, we count how many other failing relations it repairs and how many
 * passing relations it would break. The cell whose single correction repairs the
 * most and breaks the least comes first.
 */
import { Decimal, ZERO } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { Relation } from "../rules/relation";
import { CellRef, refKey } from "../tables/types";
import { Finding } from "./finding";

interface Membership {
  rel: Relation;
  coef: Decimal;
}

function holdsAfter(rel: Relation, coef: Decimal, delta: Decimal): boolean {
  const shifted = new Interval(rel.residual.lo.plus(coef.times(delta)), rel.residual.hi.plus(coef.times(delta)));
  return rel.kind === "eq" ? shifted.contains(ZERO) : shifted.lo.lte(ZERO);
}

export function rankSuspects(findings: Finding[], relations: Relation[]): void {
  const byCell = new Map<string, Membership[]>();
  for (const rel of relations) {
    for (const t of rel.terms) {
      const k = refKey(t.cell.ref);
      const list = byCell.get(k) ?? [];
      list.push({ rel, coef: t.coef });
      byCell.set(k, list);
    }
  }
  for (const f of findings) {
    const rel = f.relation;
    if (!rel || rel.holds || f.severity === "info") continue;
    const scored = new Map<string, { score: number; failing: number }>();
    for (const t of rel.terms) {
      if (t.coef.isZero()) continue;
      // Correction that makes this relation's displayed figures agree exactly.
      const delta = rel.displayed.neg().div(t.coef);
      let score = 0;
      let failing = 0;
      for (const m of byCell.get(refKey(t.cell.ref)) ?? []) {
        const after = holdsAfter(m.rel, m.coef, delta);
        if (!m.rel.holds) {
          failing++;
          if (after) score++;
        } else if (!after) score--;
      }
      const k = refKey(t.cell.ref);
      const prev = scored.get(k);
      if (!prev || prev.score < score) scored.set(k, { score, failing });
    }
    const original = f.cells.map((c, i) => ({ c, i }));
    original.sort((x, y) => {
      const sx = scored.get(refKey(x.c));
      const sy = scored.get(refKey(y.c));
      const a = sx ? sx.score : -1e9;
      const b = sy ? sy.score : -1e9;
      if (a !== b) return b - a;
      const fa = sx ? sx.failing : 0;
      const fb = sy ? sy.failing : 0;
      if (fa !== fb) return fb - fa;
      return x.i - y.i;
    });
    f.cells = original.map((x) => x.c);
  }
}

/** The cell a finding most likely points to. */
export function primaryCell(f: Finding): CellRef | undefined {
  return f.cells[0];
}
