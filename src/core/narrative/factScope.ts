/**
 * What every fact catalogue (final accounts, budget) starts from: the map it
 * fills, its notes, and the small helpers it reads tables and the 补充信息 sheet
 * with.
 */
import { Table } from "../recognize/templates";
import { AmountCell } from "../tables/types";
import { Fact, FactInit, supplementFact } from "./fact";
import { Supplement } from "./supplement";

export interface FactScope {
  facts: Map<string, Fact>;
  notes: string[];
  /** Records a fact (when there is one) and returns it. */
  add: (f: Fact | undefined) => Fact | undefined;
  /** The first table of a template. */
  one: <T extends Table>(template: string) => T | undefined;
  /** A cell that holds a number, else undefined. */
  usable: (c: AmountCell | undefined) => AmountCell | undefined;
  /** A fact from a 补充信息 entry, when the clerk filled it in. */
  fromSupp: (init: FactInit, key: string) => Fact | undefined;
}

export function factScope(tables: Table[], supp?: Supplement): FactScope {
  const facts = new Map<string, Fact>();
  return {
    facts,
    notes: [],
    add: (f) => {
      if (f) facts.set(f.id, f);
      return f;
    },
    one: <T extends Table>(template: string) => tables.find((x) => x.template === template) as T | undefined,
    usable: (c) => (c && c.amount ? c : undefined),
    fromSupp: (init, key) => {
      const e = supp?.entries.get(key);
      if (!e?.amount) return undefined;
      return supplementFact(init, e.amount, e.valueRef, e.label);
    },
  };
}
