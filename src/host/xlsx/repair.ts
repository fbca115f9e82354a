/**
 * Valid .xlsx files that Excel opens and ExcelJS 4.4 does not, repaired so that
 * ExcelJS reads them; each repair says the same thing as the file did:
 * - SpreadsheetML written with a namespace prefix (`<x:workbook
 *   xmlns:x="…/spreadsheetml/2006/main">`, as the .NET Open XML SDK and
 *   business systems built on it write them). ExcelJS matches element names
 *   without namespaces and fails ("Cannot set properties of undefined (setting
 *   'sheetNo')", exceljs/exceljs#962). The prefix is taken off.
 * - Rows and cells without their `r` address, which the standard makes
 *   optional (a row is then the one after the previous row, a cell the one
 *   right of the previous cell); DataGrip, JMP and other exporters write them.
 *   ExcelJS fails ("Cannot read properties of undefined (reading 'col')",
 *   exceljs/exceljs#2961). The addresses are written in.
 * Only tried after ExcelJS has failed on a file, so an ordinary workbook costs
 * nothing; JSZip (ExcelJS's own zip library) is loaded then.
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

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column number of column letters. */
function columnOf(l: string): number {
  let n = 0;
  for (const ch of l) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * A worksheet part with every row and cell of its sheetData given its address,
 * as the standard reads those written without one; the same text when all have one.
 */
export function addCellAddresses(xml: string): string {
  const start = xml.indexOf("<sheetData");
  const end = xml.lastIndexOf("</sheetData>");
  if (start < 0 || end < start) return xml;
  let row = 0;
  let col = 0;
  let changed = false;
  const data = xml.slice(start, end).replace(/<(row|c)(?=[\s/>])([^>]*)>/g, (tag, name: string, rest: string) => {
    if (name === "row") {
      const r = /\sr="(\d+)"/.exec(rest);
      col = 0;
      if (r) {
        row = Number(r[1]);
        return tag;
      }
      row += 1;
      changed = true;
      return `<row r="${row}"${rest}>`;
    }
    const r = /\sr="([A-Z]{1,3})(\d+)"/.exec(rest);
    if (r) {
      col = columnOf(r[1]);
      return tag;
    }
    col += 1;
    changed = true;
    return `<c r="${letters(col)}${Math.max(row, 1)}"${rest}>`;
  });
  return changed ? xml.slice(0, start) + data + xml.slice(end) : xml;
}

/** The workbook with the repairs above, or undefined when none of its parts needs one. */
export async function repairedWorkbook(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/^\/?xl\/.*\.xml$/i.test(entry.name)) continue;
    const xml = await entry.async("string");
    let out = unprefixSpreadsheetMl(xml);
    if (/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) out = addCellAddresses(out);
    if (out !== xml) {
      zip.file(entry.name, out);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : undefined;
}
