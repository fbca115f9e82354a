/**
 * Writes the generic-table workbooks of test/fixtures/generic/
 * (npx tsx scripts/make-generic-fixtures.ts): tables that match no template
 * (test/support/genericTables.ts), the correct version and one per planted mistake.
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { GENERIC_DOCS, genericWorkbook } from "../test/support/genericTables";

const DIR = path.join(__dirname, "..", "test", "fixtures", "generic");

(async () => {
  mkdirSync(DIR, { recursive: true });
  for (const doc of GENERIC_DOCS) {
    writeFileSync(path.join(DIR, `${doc.name}.xlsx`), await snapshotToXlsxBuffer(genericWorkbook(doc)));
    for (const p of doc.plants) writeFileSync(path.join(DIR, `${doc.name}--${p.id}.xlsx`), await snapshotToXlsxBuffer(genericWorkbook(doc, p)));
    console.log(`${doc.name}: 1 + ${doc.plants.length} workbooks`);
  }
})();
