import { generateFinalSet } from "../test/support/finalSet";
import { checkWorkbook } from "../src/core/check";
import { recognize } from "../src/core/recognize/recognize";
const { workbook } = generateFinalSet({ items: 5000, tails: true, seed: 42 });
for (let i = 0; i < 3; i++) {
  let t = Date.now(); const rec = recognize(workbook); const tr = Date.now() - t;
  t = Date.now(); const r = checkWorkbook(workbook); const tc = Date.now() - t;
  console.log("recognize", tr, "check(all)", tc, "relations", r.relations.length, "findings", r.findings.length);
}
