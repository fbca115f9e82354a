/**
 * Empty budget tables and the completeness of the set.
 *
 * - budget.empty-note: a 政府性基金 / 国有资本经营 功能分类预算表 or a “三公”经费预算表
 *   without figures is published with a note saying why (spec §1, "the same
 *   empty-table rule applies … to the budget 基金/国资/三公 tables"); a note saying
 *   "无数据" on a table that has figures, or naming another fund, is an error. An
 *   unfilled template (no figure in any budget table of the set) is not checked:
 *   there is nothing to explain yet.
 * - budget.set.completeness: a set with at least three budget tables should hold
 *   the eight tables of the 操作规程 (收支总表, 收入总表, 支出总表, 财政拨款收支总表,
 *   一般公共预算支出表, 一般公共预算基本支出表, “三公”经费表, 政府性基金预算支出表);
 *   the 国有资本经营 table (Shanghai's ninth) is not required.
 */
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { Table } from "../../recognize/templates";
import { CellRef, refA1, tableLabel } from "../../tables/types";
import { emptyNoteOf, isEmptyTable, tableFigures } from "../final/emptyTables";
import { figuresOf } from "../common/tableChecks";
import { Rule, missingTableCaveat } from "../types";
import { budgetSets } from "./sets";

const FUND_WORDS: Record<string, RegExp> = {
  govFund: /政府性基金/,
  soe: /国有资本经营/,
  sangong: /三公/,
};

const EMPTY_SPECS: { template: string; fund: keyof typeof FUND_WORDS; what: string }[] = [
  { template: "budget06", fund: "govFund", what: "政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出" },
  { template: "budget07", fund: "soe", what: "国有资本经营预算拨款收入，也没有使用国有资本经营预算拨款安排的支出" },
  { template: "budgetSangong", fund: "sangong", what: "使用一般公共预算财政拨款安排的“三公”经费预算" },
];

function hasAnyFigure(tables: Table[]): boolean {
  return tables.some((t) => figuresOf(t).some((f) => f.cell.amount && !f.cell.amount.value.isZero()));
}

export const budgetEmptyNote: Rule = {
  id: "budget.empty-note",
  title: "没有数据的政府性基金、国有资本经营预算支出表和“三公”经费预算表应保留表样并在表下说明原因；有数据的表不应写“无数据”说明；说明应写本表的资金类型",
  severity: "warning",
  family: "budget",
  check(ctx) {
    const out: Finding[] = [];
    for (const set of budgetSets(ctx)) {
      if (!hasAnyFigure(set.tables)) continue;
      const year = set.year ? `${set.year}年` : "本年度";
      for (const spec of EMPTY_SPECS) {
        const t = set.get(spec.template);
        if (!t) continue;
        const empty = isEmptyTable(t);
        const note = emptyNoteOf(t);
        const name = tableLabel(t);
        const anchor: CellRef = t.titleRef ?? { sheet: t.sheet, row: t.range.top, col: t.range.left };
        if (empty && !note)
          out.push({
            rule: this.id,
            severity: "warning",
            message: `${name}没有数据，但表下没有说明原因。应写明如“本部门${year}没有${spec.what}，故本表无数据。”`,
            cells: [anchor],
            tables: [t.id],
          });
        if (!empty && note) {
          const figures = tableFigures(t).filter((c) => c.amount && !c.amount.value.isZero());
          out.push({
            rule: this.id,
            severity: "error",
            message: `${name}表下说明“${note.text.slice(0, 60)}”称本表无数据，但表中有数字（如 ${figures.slice(0, 3).map((c) => `${refA1(c.ref)} ${c.amount!.value.toString()}`).join("、")}）。`,
            cells: [note.ref, ...figures.slice(0, 5).map((c) => c.ref)],
            tables: [t.id],
          });
        }
        if (note) {
          const n = norm(note.text);
          const wrong = Object.entries(FUND_WORDS).find(([k, re]) => k !== spec.fund && re.test(n));
          if (wrong && !FUND_WORDS[spec.fund].test(n))
            out.push({
              rule: this.id,
              severity: "error",
              message: `${name}表下的说明写的是另一类资金：“${note.text.slice(0, 60)}”（${refA1(note.ref)}）。`,
              cells: [note.ref],
              tables: [t.id],
            });
        }
      }
    }
    return out;
  },
};

const REQUIRED: { template: string; name: string }[] = [
  { template: "budget01", name: "财务收支预算总表（部门收支总体情况表）" },
  { template: "budget02", name: "收入预算总表（部门收入总体情况表）" },
  { template: "budget03", name: "支出预算总表（部门支出总体情况表）" },
  { template: "budget04", name: "财政拨款收支预算总表（财政拨款收支总体情况表）" },
  { template: "budget05", name: "一般公共预算支出功能分类预算表（一般公共预算支出情况表）" },
  { template: "budget08", name: "一般公共预算基本支出经济分类预算表（一般公共预算基本支出情况表）" },
  { template: "budgetSangong", name: "“三公”经费预算表（一般公共预算“三公”经费支出情况表）" },
  { template: "budget06", name: "政府性基金预算支出功能分类预算表（政府性基金预算支出情况表）" },
];

export const budgetCompleteness: Rule = {
  id: "budget.set.completeness",
  title: "部门预算公开应包括收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费表、政府性基金预算支出表；没有数据的表也应公开空表并说明",
  severity: "warning",
  family: "budget",
  check(ctx) {
    const out: Finding[] = [];
    const { note } = missingTableCaveat(ctx);
    for (const set of budgetSets(ctx)) {
      const present = REQUIRED.filter((r) => set.get(r.template));
      if (present.length < 3) continue;
      for (const r of REQUIRED.filter((x) => !set.get(x.template)))
        out.push({
          rule: this.id,
          severity: "warning",
          message: `${set.year ? `${set.year}年` : ""}部门预算公开表中没有找到${r.name}。按规定部门预算应公开该表；没有数据的也应公开空表并说明原因。${note}`,
          cells: [],
        });
    }
    return out;
  },
};

export const EMPTY_BUDGET_RULES: Rule[] = [budgetEmptyNote, budgetCompleteness];
