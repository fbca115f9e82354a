/**
 * Turns the official Shanghai 2026 budget templates (test/fixtures/templates/,
 * department and unit sets) into the blank-template data the pane inserts
 * (src/core/templates/budgetLayouts.json): for every sheet the checker
 * recognises as a budget table, its text cells, merges and column widths, the
 * number formats of its amount cells, and the table's range (drawn with borders).
 *
 * Blanking: the templates show example rows (205 教育支出 …) and "…" rows between
 * the header and 合计; those rows are emptied. The year in titles becomes {year}
 * and "编制部门：" gets the placeholder 【请填写部门名称】.
 *
 *   npx tsx scripts/make-budget-templates.ts        (re-run when the templates change)
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../src/core/check";
import { excelToSnapshot } from "../src/host/xlsx/read";
import { rangeA1 } from "../src/core/grid/address";
import type { BudgetLayout } from "../src/core/templates/budget";

const ROOT = path.join(__dirname, "..");
const SOURCES: [string, "部门预算" | "单位预算"][] = [
  ["shanghai-putuo-2026-department-budget-template.xlsx", "部门预算"],
  ["shanghai-putuo-2026-unit-budget-template.xlsx", "单位预算"],
];

/** The layouts from the official templates (what the JSON file holds). */
export async function buildLayouts(): Promise<BudgetLayout[]> {
  const out: BudgetLayout[] = [];
  for (const [file, group] of SOURCES) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "test", "fixtures", "templates", file));
    const snap = excelToSnapshot(wb, file);
    const result = checkWorkbook(snap);
    for (const t of result.tables) {
      if (t.family !== "budget") continue;
      const sheet = snap.sheets.find((s) => s.name === t.sheet)!;
      const ws = wb.getWorksheet(t.sheet)!;
      // Data rows: between the last header row (类 | 款 | 项, or the column-title row) and the 合计 row.
      let header = t.range.top;
      let total = t.range.bottom + 1;
      for (let r = t.range.top; r <= t.range.bottom; r++) {
        const first = (sheet.rows.get(r)?.get(t.range.left)?.text ?? "").replace(/\s/g, "");
        if (/^(类|科目编码|项目|功能分类科目编码|部门预算经济分类科目编码)$/.test(first)) header = r;
        if (/^合计$/.test(first)) total = r;
      }
      const coded = [...sheet.rows.entries()].some(([r, row]) => r > header && r < total && /^\d{3}$|^…$/.test(row.get(t.range.left)?.text.trim() ?? ""));
      const cells: [number, number, string][] = [];
      const numberFormats: { range: string; format: string }[] = [];
      for (const [r, row] of sheet.rows)
        for (const [c, cell] of row) {
          if (coded && r > header && r < total) continue; // example and "…" rows of coded tables
          if (typeof cell.value === "number") {
            numberFormats.push({ range: rangeA1({ top: r, left: c, bottom: r, right: c }), format: cell.numberFormat ?? "#,##0.00" });
            continue;
          }
          let text = cell.text.replace(/20\d{2}年/, "{year}年");
          if (/^编制(部门|单位)[:：]\s*$/.test(text.trim())) text = `${text.trim()}【请填写部门名称】`;
          cells.push([r, c, text]);
        }
      // Amount columns of the emptied rows keep the template's number format.
      const widthOf = (c: number) => Math.round(ws.getColumn(c + 1).width ?? 10);
      const widths = Array.from({ length: (sheet.bounds?.right ?? 0) + 1 }, (_, c) => widthOf(c));
      // Amount cells of coded tables: right of the 科目名称 column, from the first data row to 合计.
      if (coded) {
        let nameCol = t.range.left;
        for (let r = t.range.top; r <= header; r++) for (const [c, cell] of sheet.rows.get(r) ?? []) if (/科目名称/.test(cell.text)) nameCol = Math.max(nameCol, c);
        numberFormats.push({ range: rangeA1({ top: header + 1, left: nameCol + 1, bottom: total, right: t.range.right }), format: "#,##0.00" });
      }
      const titleRow = t.titleRef?.row ?? t.range.top;
      // The grid: from the first row under the 编制部门 / 单位 line to 合计 (the 三公 table: its one data row).
      const deptRow = [...sheet.rows.entries()].find(([r, row]) => r > titleRow && [...row.values()].some((c) => /^编制(部门|单位)|单位[:：]/.test(c.text.trim())))?.[0] ?? titleRow;
      const gridTop = [...sheet.rows.keys()].filter((r) => r > deptRow).sort((a, b) => a - b)[0] ?? t.range.top;
      const gridBottom = coded ? total : t.template === "budgetSangong" ? t.range.bottom + 1 : t.range.bottom;
      out.push({
        id: `${group === "部门预算" ? "deptBudget" : "unitBudget"}:${t.template}`,
        group,
        name: t.sheet.trim(),
        title: t.name,
        cells,
        merges: sheet.merges.map(rangeA1),
        widths,
        numberFormats,
        table: rangeA1({ top: gridTop, left: t.range.left, bottom: gridBottom, right: t.range.right }),
        bold: [titleRow],
      });
    }
  }
  return out;
}

async function main() {
  const out = await buildLayouts();
  const target = path.join(ROOT, "src", "core", "templates", "budgetLayouts.json");
  await fs.writeFile(target, JSON.stringify(out) + "\n");
  console.log(`${path.relative(ROOT, target)}: ${out.length} 张预算表模板（${out.map((x) => x.name).join("、")}）`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
