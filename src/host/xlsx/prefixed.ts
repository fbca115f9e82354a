/**
 * Workbooks whose XML writes SpreadsheetML with a namespace prefix
 * (`<x:workbook xmlns:x="…/spreadsheetml/2006/main">`, as the .NET Open XML
 * SDK and business systems built on it write them). That is valid Office Open
 * XML and Excel opens it, but ExcelJS 4.4 matches element names without
 * namespaces and fails ("Cannot set properties of undefined (setting
 * 'sheetNo')", "reading 'sheets'": exceljs/exceljs#962). Such a file is
 * rewritten with the prefix taken off the main namespace's elements, which
 * says the same thing, and read again. Only tried after ExcelJS has failed on
 * a file, so an ordinary workbook costs nothing; JSZip (ExcelJS's own zip
 * library) is loaded then.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** One part's XML with the main namespace's prefix taken off; the same text when it has none. */
export function unprefixSpreadsheetMl(xml: string): string {
  const decl = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${MAIN.replace(/[./]/g, "\\$&")}"`).exec(xml);
  if (!decl) return xml;
  const p = decl[1];
  // A part that also has a default namespace of its own is left as it is (taking the prefix off would change it).
  if (/\sxmlns="/.test(xml)) return xml;
  const esc = p.replace(/[.-]/g, "\\$&");
  return xml
    .replace(new RegExp(`xmlns:${esc}="`, "g"), 'xmlns="')
    .replace(new RegExp(`<(/?)${esc}:`, "g"), "<$1");
}

/** The workbook rewritten without the prefix, or undefined when no part of it has one. */
export async function unprefixedWorkbook(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/^\/?xl\/.*\.xml$/i.test(entry.name)) continue;
    const xml = await entry.async("string");
    const out = unprefixSpreadsheetMl(xml);
    if (out !== xml) {
      zip.file(entry.name, out);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : undefined;
}
