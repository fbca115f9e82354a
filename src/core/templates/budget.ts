/**
 * Blank 部门预算 / 单位预算 tables in the official Shanghai 2026 layouts (the
 * templates in test/fixtures/templates/, turned into data by
 * scripts/make-budget-templates.ts): titles with the budget year, 编制部门
 * placeholder, merged headers, split 类/款/项 columns, empty data rows, 合计.
 * Amounts are in 元 except the 三公 table (万元), as in the templates.
 */
import { buildSheet } from "../grid/build";
import { BlankTemplate } from "./final";
import LAYOUTS from "./budgetLayouts.json";

/** One blank budget table as taken from the official template (scripts/make-budget-templates.ts writes these). */
export interface BudgetLayout {
  id: string;
  group: "部门预算" | "单位预算";
  name: string;
  title: string;
  cells: [number, number, string][];
  merges: string[];
  widths: number[];
  numberFormats: { range: string; format: string }[];
  table: string;
  bold: number[];
}

/** `year`: the budget year written in the titles (the pane uses next year). */
export function budgetTemplates(year: number): BlankTemplate[] {
  return (LAYOUTS as BudgetLayout[]).map((l) => {
    const rows: string[][] = [];
    for (const [r, c, text] of l.cells) {
      while (rows.length <= r) rows.push([]);
      rows[r][c] = text.replace("{year}", String(year));
    }
    const title = l.title.replace(/^\d{4}年/, "");
    return {
      id: l.id,
      name: l.name,
      title,
      group: l.group,
      sheet: buildSheet({ name: l.name, rows, merges: l.merges }),
      format: { columnWidths: l.widths, boldRows: l.bold, numberFormats: l.numberFormats, borders: [l.table], markRows: [] },
    };
  });
}
