/**
 * Writes the performance-table workbooks of test/fixtures/perf-layouts/
 * (npx tsx scripts/make-perf-layout-fixtures.ts): 河北-style 项目绩效目标表 forms, outline-numbered
 * 绩效目标表 (indicators in one column: 一、/（一）/1.) and a
 * 四川-style 自评表 + 评价表 pair (test/support/perfLayouts.ts), the correct version
 * and one per planted mistake.
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { PERF_LAYOUT_DOCS, perfLayoutWorkbook } from "../test/support/perfLayouts";

const DIR = path.join(__dirname, "..", "test", "fixtures", "perf-layouts");

(async () => {
  mkdirSync(DIR, { recursive: true });
  for (const doc of PERF_LAYOUT_DOCS) {
    writeFileSync(path.join(DIR, `${doc.name}.xlsx`), await snapshotToXlsxBuffer(perfLayoutWorkbook(doc)));
    for (const p of doc.plants) writeFileSync(path.join(DIR, `${doc.name}--${p.id}.xlsx`), await snapshotToXlsxBuffer(perfLayoutWorkbook(doc, p)));
    console.log(`${doc.name}: 1 + ${doc.plants.length} workbooks`);
  }
})();
