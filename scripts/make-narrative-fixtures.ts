/**
 * Writes the narrative-only test workbooks of test/fixtures/narrative/
 * (npx tsx scripts/make-narrative-fixtures.ts): a 情况说明 without any table, in
 * three provinces' phrasings (test/support/narrativeDocs.ts), the correct
 * version and one workbook per planted contradiction:
 *
 *   <doc>.xlsx            the consistent text: no error, no warning
 *   <doc>--<plant>.xlsx   one contradiction the text alone proves
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { NARRATIVE_DOCS, docWorkbook, planted } from "../test/support/narrativeDocs";

const DIR = path.join(__dirname, "..", "test", "fixtures", "narrative");

(async () => {
  mkdirSync(DIR, { recursive: true });
  for (const doc of NARRATIVE_DOCS) {
    writeFileSync(path.join(DIR, `${doc.name}.xlsx`), await snapshotToXlsxBuffer(docWorkbook(doc)));
    for (const p of doc.plants) writeFileSync(path.join(DIR, `${doc.name}--${p.id}.xlsx`), await snapshotToXlsxBuffer(docWorkbook(doc, planted(doc, p))));
    console.log(`${doc.name}: 1 + ${doc.plants.length} workbooks`);
  }
})();
