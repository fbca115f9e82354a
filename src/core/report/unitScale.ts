/**
 * A whole table written in 元 under a "单位：万元" line (or the reverse) breaks
 * every cross-table equality it takes part in, each by a factor of 10,000. Rather
 * than one mismatch per cell, report one finding: the unit line is wrong
 * (spec §1, sanity checks).
 */
import { Decimal } from "../amount/decimal";
import { Table } from "../recognize/templates";
import { CellRef, refA1, tableLabel, uniqueRefs } from "../tables/types";
import { Finding } from "./finding";
import { relationTerms } from "../rules/relation";

const TEN_THOUSAND = new Decimal(10000);

/** Both sides of a failing cross-table equality, each from one table, differing by a factor of 10,000. */
function factor(f: Finding): { a: Table; b: Table; larger: Table } | null {
  const rel = f.relation;
  if (!rel || rel.holds || rel.kind !== "eq" || rel.lhs.length === 0 || rel.rhs.length === 0) return null;
  const terms = relationTerms(rel);
  const left = terms.slice(0, rel.lhs.length);
  const right = terms.slice(rel.lhs.length);
  const ta = left[0].cell.table;
  const tb = right[0].cell.table;
  if (ta.id === tb.id || left.some((t) => t.cell.table.id !== ta.id) || right.some((t) => t.cell.table.id !== tb.id)) return null;
  const side = (ts: typeof terms, sign: number) => ts.reduce((s, t) => s.plus(t.cell.amount!.value.times(t.cell.table.scale).times(t.coef > BigInt(0) ? sign : -sign)), new Decimal(0)).abs();
  const vx = side(left, 1);
  const vy = side(right, -1);
  if (vx.isZero() || vy.isZero()) return null;
  const r = vx.div(vy);
  const near = (v: Decimal) => v.minus(TEN_THOUSAND).abs().lte(TEN_THOUSAND.times("0.01"));
  if (near(r)) return { a: ta as Table, b: tb as Table, larger: ta as Table };
  if (near(new Decimal(1).div(r))) return { a: ta as Table, b: tb as Table, larger: tb as Table };
  return null;
}

export function collapseUnitErrors(findings: Finding[]): Finding[] {
  const groups = new Map<string, { findings: Finding[]; larger: Table; other: Table }>();
  for (const f of findings) {
    const fx = factor(f);
    if (!fx) continue;
    const other = fx.larger.id === fx.a.id ? fx.b : fx.a;
    const key = `${fx.larger.id}|${other.id}`;
    const g = groups.get(key) ?? { findings: [], larger: fx.larger, other };
    g.findings.push(f);
    groups.set(key, g);
  }
  if (groups.size === 0) return findings;
  const drop = new Set<Finding>();
  const added: Finding[] = [];
  for (const g of groups.values()) {
    for (const f of g.findings) drop.add(f);
    const cells: CellRef[] = [];
    if (g.larger.unitRef) cells.push(g.larger.unitRef);
    if (g.other.unitRef) cells.push(g.other.unitRef);
    for (const f of g.findings) cells.push(...f.cells);
    added.push({
      rule: "common.unit-scale",
      severity: "error",
      message: `${tableLabel(g.larger)}的数字约为${tableLabel(g.other)}对应数字的 10,000 倍（共 ${g.findings.length} 处），应是单位行写错：${tableLabel(g.larger)}标注“单位：${g.larger.unit}”${g.larger.unitRef ? `（${refA1(g.larger.unitRef)}）` : "（未标注，按万元处理）"}，${tableLabel(g.other)}标注“单位：${g.other.unit}”。请核对单位（元/万元）。`,
      cells: uniqueRefs(cells),
      tables: [g.larger.id, g.other.id],
    });
  }
  return [...findings.filter((f) => !drop.has(f)), ...added];
}


