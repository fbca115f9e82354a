import { readXlsxFile } from "../src/host/xlsx/node";
import { checkWorkbook } from "../src/core/check";
import { buildFinalFacts } from "../src/core/narrative/finalFacts";
import { findSupplementSheet, readSupplement } from "../src/core/narrative/supplement";
import { narrativeSheets, paragraphsOf } from "../src/core/narrative/text";
import { linkNarrative } from "../src/core/narrative/link";
(async () => {
  const wb = await readXlsxFile(process.argv[2]);
  const r = checkWorkbook(wb);
  const ss = findSupplementSheet(wb);
  const supp = ss ? readSupplement(ss) : undefined;
  const ff = buildFinalFacts(r.tables, supp);
  const sheets = narrativeSheets(wb, new Set(ss ? [ss.name] : []));
  const links = linkNarrative(paragraphsOf(sheets[0]), ff.inSection, ff.facts);
  const c: Record<string, number> = {};
  for (const l of links) {
    c[l.status] = (c[l.status] ?? 0) + 1;
    if (process.argv[3] === "all" || l.status !== "ok") console.log(`${l.status.padEnd(8)} ${l.section} A${l.para.ref.row + 1} ${l.figure.raw.padEnd(14)} subj=${l.subject.slice(-16)} → ${l.fact?.id ?? "-"} ${l.fact ? l.fact.shown.toString() : ""}`);
  }
  console.log(c, links.length);
})();
