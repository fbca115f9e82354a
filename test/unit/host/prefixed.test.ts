/**
 * Workbooks written with a SpreadsheetML prefix (<x:worksheet xmlns:x="…main">,
 * as the .NET Open XML SDK writes them): ExcelJS alone fails on them; the
 * reader takes the prefix off and reads them like any workbook.
 */
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { unprefixSpreadsheetMl } from "../../../src/host/xlsx/prefixed";
import { readXlsxBuffer, UnreadableWorkbookError } from "../../../src/host/xlsx/read";
import { loadModel } from "../../../src/host/xlsx/model";
import { WebHost } from "../../../src/host/web/WebHost";
import { checkWorkbook } from "../../../src/core/check";
import { FIXTURES } from "../../support/fixtures";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const anyang = () => new Uint8Array(readFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx")));

/** The workbook as a prefix-writing library would write it: every SpreadsheetML element as `p:name`. */
async function prefixed(bytes: Uint8Array, p = "x"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/^xl\/.*\.xml$/.test(entry.name) || /theme/.test(entry.name)) continue;
    const xml = (await entry.async("string"))
      .replace(`xmlns="${MAIN}"`, `xmlns:${p}="${MAIN}"`)
      .replace(/<(\/?)([A-Za-z][\w.]*)(?=[\s/>])/g, (m, slash: string, tag: string) => `<${slash}${p}:${tag}`);
    zip.file(entry.name, xml);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("the prefix of the main namespace is taken off; other parts are left as they are", () => {
  expect(unprefixSpreadsheetMl(`<?xml version="1.0"?><x:sst xmlns:x="${MAIN}" count="1"><x:si><x:t>合计</x:t></x:si></x:sst>`)).toBe(
    `<?xml version="1.0"?><sst xmlns="${MAIN}" count="1"><si><t>合计</t></si></sst>`,
  );
  const plain = `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
  expect(unprefixSpreadsheetMl(plain)).toBe(plain);
  // A part that has a default namespace besides: unchanged (taking the prefix off would move elements).
  const mixed = `<x:worksheet xmlns:x="${MAIN}" xmlns="urn:other"><x:sheetData/><other/></x:worksheet>`;
  expect(unprefixSpreadsheetMl(mixed)).toBe(mixed);
  // Other prefixes (mc:, x14:) are not touched.
  expect(unprefixSpreadsheetMl(`<x:worksheet xmlns:x="${MAIN}" xmlns:mc="urn:mc"><mc:AlternateContent/></x:worksheet>`)).toBe(`<worksheet xmlns="${MAIN}" xmlns:mc="urn:mc"><mc:AlternateContent/></worksheet>`);
});

test("a workbook written with the prefix reads as the same workbook, and is checked the same", async () => {
  for (const p of ["x", "main"]) {
    const bytes = await prefixed(anyang(), p);
    // ExcelJS alone does not read it (its load fails or finds no sheet).
    const model = await loadModel(Buffer.from(bytes) as unknown as ArrayBuffer).catch(() => undefined);
    expect(model?.worksheets.length ?? 0).toBeLessThan(13);
    const wb = await readXlsxBuffer(bytes, "prefixed.xlsx");
    const plain = await readXlsxBuffer(anyang(), "prefixed.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(plain.sheets.map((s) => s.name));
    expect(checkWorkbook(wb).findings.map((f) => f.message)).toEqual(checkWorkbook(plain).findings.map((f) => f.message));
  }
  // The standalone page opens it too.
  const host = await WebHost.open(await prefixed(anyang()), "prefixed.xlsx");
  expect((await host.readWorkbook()).sheets.length).toBeGreaterThanOrEqual(13);
});

test("a damaged workbook is still reported with the first failure's reason", async () => {
  const bytes = await prefixed(anyang());
  const zip = await JSZip.loadAsync(bytes);
  zip.remove("xl/workbook.xml");
  zip.file("xl/workbook.xml", "<x:workbook");
  const broken = await zip.generateAsync({ type: "uint8array" });
  const err = await readXlsxBuffer(broken, "broken.xlsx").catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  expect((err as Error).message).toMatch(/^broken\.xlsx：文件已损坏或不是有效的 \.xlsx 工作簿/);
});
