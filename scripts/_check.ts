import { readXlsxFile } from "../src/host/xlsx/node";
import { checkWorkbook } from "../src/core/check";
import { refA1 } from "../src/core/tables/types";
(async () => {
  const wb = await readXlsxFile(process.argv[2]);
  const t0 = Date.now();
  const r = checkWorkbook(wb);
  console.log("check ms", Date.now() - t0, r.summary);
  for (const f of r.findings) {
    if (process.argv[3] !== "all" && f.severity === "info") continue;
    console.log(`[${f.severity}] ${f.rule} ${f.cells.map((c) => c.sheet + "!" + refA1(c)).join(",")}\n    ${f.message}`);
  }
})();
