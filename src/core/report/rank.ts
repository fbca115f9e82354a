/**
 * Suspect ranking. One wrong figure usually breaks several relations (its row,
 * its column, its parent, another table). For each failing relation, every cell
 * in it is a suspect, and the correction that would repair this relation
 * through that cell is known (Δ = −residual / coefficient). Applying that same
 * Δ to the cell, we count how many other failing relations it repairs and how
 * many passing relations it would break. The cell whose single correction
 * repairs the most and breaks the least comes first.
 */
import { Relation, holdsAfter, relationTerms } from "../rules/relation";
import { AmountCell, CellRef, refKey } from "../tables/types";
import { Finding } from "./finding";

interface Membership {
  rel: Relation;
  coef: bigint;
}

export function rankSuspects(findings: Finding[], relations: Relation[]): void {
  const failing = findings.filter((f) => f.relation && !f.relation.holds && f.severity !== "info");
  if (failing.length === 0) return;
  // Index memberships only for the cells that are suspects somewhere.
  const suspects = new Set<AmountCell>();
  for (const f of failing) for (const t of relationTerms(f.relation!)) suspects.add(t.cell);
  const byCell = new Map<string, Membership[]>();
  const touches = (rel: Relation) => {
    for (const t of rel.lhs) if (suspects.has("sign" in t ? t.cell : t)) return true;
    for (const t of rel.rhs) if (suspects.has("sign" in t ? t.cell : t)) return true;
    return false;
  };
  for (const rel of relations) {
    if (!touches(rel)) continue;
    for (const t of relationTerms(rel)) {
      if (!suspects.has(t.cell)) continue;
      const k = refKey(t.cell.ref);
      const list = byCell.get(k) ?? [];
      list.push({ rel, coef: t.coef });
      byCell.set(k, list);
    }
  }
  for (const f of failing) {
    const rel = f.relation!;
    const scored = new Map<string, { score: number; failing: number }>();
    for (const t of relationTerms(rel)) {
      if (t.coef === BigInt(0)) continue;
      // Correction (in the cell's displayed unit, fixed-point) that makes this relation's figures agree.
      const delta = -rel.displayed / t.coef;
      let score = 0;
      let failingCount = 0;
      for (const m of byCell.get(refKey(t.cell.ref)) ?? []) {
        const after = holdsAfter(m.rel, m.coef, delta);
        if (!m.rel.holds) {
          failingCount++;
          if (after) score++;
        } else if (!after) score--;
      }
      const k = refKey(t.cell.ref);
      const prev = scored.get(k);
      if (!prev || prev.score < score) scored.set(k, { score, failing: failingCount });
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
