/**
 * Empty tables and their notes (spec §1, 公开08/09表; also 07 and the budget
 * 基金/国资/三公 tables): an empty table is published with a note saying why; a
 * note saying "no data" on a table that has figures is an error; the note must
 * name the table's own fund.
 */
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { Table } from "../../recognize/templates";
import { CodedTable } from "../../tables/coded";
import { SangongTable } from "../../tables/sangong";
import { AmountCell, CellRef, refA1, tableLabel } from "../../tables/types";
import { Rule, RuleContext } from "../types";

const EMPTY_NOTE = /(没有|无|未发生|未安排|不涉及|未使用).{0,30}(收入|支出|经费|数据|拨款|预算)|本表无数据|本表为空|故本表为空|空表/;

const FUND_WORDS: Record<string, RegExp> = {
  govFund: /政府性基金/,
  soe: /国有资本经营/,
  sangong: /三公/,
};

export function tableFigures(t: Table): AmountCell[] {
  if (t.kind === "coded") {
    const c = t as CodedTable;
    return [...(c.total ? [c.total] : []), ...c.rows, ...c.others].flatMap((r) => Object.values(r.cells));
  }
  if (t.kind === "sangong") {
    const s = t as SangongTable;
    return Object.values(s.groups).flatMap((g) => Object.values(g ?? {}));
  }
  return [];
}

export function isEmptyTable(t: Table): boolean {
  return tableFigures(t).every((c) => !c.amount || c.amount.value.isZero());
}

export function emptyNoteOf(t: Table): { text: string; ref: CellRef } | undefined {
  return t.notes.find((n) => EMPTY_NOTE.test(norm(n.text)));
}

export function emptyTableRule(id: string, templates: { template: string; fund: keyof typeof FUND_WORDS; fundName: string }[], family: Rule["family"] = "final"): Rule {
  return {
    id,
    title: "没有数据的表应保留表样并在表下说明原因；有数据的表不应写“无数据”说明；说明应写本表的资金类型",
    severity: "warning",
    family,
    check(ctx: RuleContext) {
      const out: Finding[] = [];
      for (const spec of templates) {
        for (const t of ctx.all(spec.template)) {
          const empty = isEmptyTable(t);
          const note = emptyNoteOf(t);
          const label = tableLabel(t);
          const anchor: CellRef = t.titleRef ?? { sheet: t.sheet, row: t.range.top, col: t.range.left };
          if (empty && !note) {
            out.push({
              rule: id,
              severity: "warning",
              message: `${label}（${t.name}）没有数据，但表下没有说明原因。应写明如“本部门没有${spec.fundName}收入，也没有使用${spec.fundName}安排的支出，故本表无数据。”`,
              cells: [anchor],
              tables: [t.id],
            });
          }
          if (!empty && note) {
            const figures = tableFigures(t).filter((c) => c.amount && !c.amount.value.isZero());
            out.push({
              rule: id,
              severity: "error",
              message: `${label}表下说明“${note.text.slice(0, 60)}”称本表无数据，但表中有数字（如 ${figures.slice(0, 3).map((c) => `${refA1(c.ref)} ${c.amount!.value.toString()}`).join("、")}）。`,
              cells: [note.ref, ...figures.slice(0, 5).map((c) => c.ref)],
              tables: [t.id],
            });
          }
          if (note) {
            const own = FUND_WORDS[spec.fund];
            const others = Object.entries(FUND_WORDS).filter(([k]) => k !== spec.fund);
            const n = norm(note.text);
            const wrong = others.find(([, re]) => re.test(n));
            if (wrong && !own.test(n)) {
              out.push({
                rule: id,
                severity: "error",
                message: `${label}是${spec.fundName}表，但表下说明写的是另一类资金：“${note.text.slice(0, 60)}”（${refA1(note.ref)}）。`,
                cells: [note.ref],
                tables: [t.id],
              });
            }
          }
        }
      }
      return out;
    },
  };
}

export const finalEmptyTables = emptyTableRule("final.empty-note", [
  { template: "final07", fund: "sangong", fundName: "“三公”经费" },
  { template: "final08", fund: "govFund", fundName: "政府性基金预算财政拨款" },
  { template: "final09", fund: "soe", fundName: "国有资本经营预算财政拨款" },
]);

const FINAL_SET: { template: string; code: string; name: string }[] = [
  { template: "final01", code: "公开01表", name: "收入支出决算总表" },
  { template: "final02", code: "公开02表", name: "收入决算表" },
  { template: "final03", code: "公开03表", name: "支出决算表" },
  { template: "final04", code: "公开04表", name: "财政拨款收入支出决算总表" },
  { template: "final05", code: "公开05表", name: "一般公共预算财政拨款支出决算表" },
  { template: "final06", code: "公开06表", name: "一般公共预算财政拨款基本支出决算表" },
  { template: "final07", code: "公开07表", name: "一般公共预算财政拨款“三公”经费支出决算表" },
  { template: "final08", code: "公开08表", name: "政府性基金预算财政拨款收入支出决算表" },
  { template: "final09", code: "公开09表", name: "国有资本经营预算财政拨款收入支出决算表" },
];

/** A workbook holding most of the final set but missing some of 公开01–09表. */
export const finalCompleteness: Rule = {
  id: "final.set.completeness",
  title: "部门决算公开应包括公开01–09表；没有数据的表也应公开空表并说明",
  severity: "warning",
  family: "final",
  check(ctx) {
    const present = FINAL_SET.filter((s) => ctx.all(s.template).length > 0);
    if (present.length < 3) return [];
    return FINAL_SET.filter((s) => ctx.all(s.template).length === 0).map((s) => ({
      rule: this.id,
      severity: "warning" as const,
      message: `工作簿中没有找到${s.code}（${s.name}）。按规定决算公开应包括该表；没有数据的也应公开空表并说明原因。`,
      cells: [],
    }));
  },
};
