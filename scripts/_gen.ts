import { generateFinalSet } from "../test/support/finalSet";
import { checkWorkbook } from "../src/core/check";
import { refA1 } from "../src/core/tables/types";
for (const o of [{}, { tails: true }, { tails: true, rowNumbers: false, columnNumberRow: false, origin: { row: 2, col: 1 } }, { textNumbers: true, oneSheet: true, tails: true }]) {
  const { workbook } = generateFinalSet(o as any);
  const r = checkWorkbook(workbook);
  console.log(JSON.stringify(o), r.tables.map((t) => t.template).join(","), r.summary);
  for (const f of r.findings.filter((f) => f.severity !== "info")) console.log("  ", f.severity, f.rule, f.cells.map((c) => refA1(c)).join(","), f.message.slice(0, 200));
}
