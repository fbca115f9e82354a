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

import { colIndex, colName } from "../../core/grid/address";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Comments and CDATA sections: text, never markup, left exactly as written by both repairs. */
const TEXT_SPANS = "<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>";

/** One part's XML with the main namespace's prefix taken off; the same text when it has none. */
export function unprefixSpreadsheetMl(xml: string): string {
  const mainUri = MAIN.replace(/[./]/g, "\\$&");
  const decl = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*(["'])${mainUri}\\2`).exec(xml);
  if (!decl) return xml;
  const p = decl[1];
  const esc = p.replace(/[.-]/g, "\\$&");
  // A part that also has a default namespace of its own, or binds the prefix to another namespace
  // somewhere, is left as it is (taking the prefix off would change what its elements are).
  if (/\sxmlns\s*=/.test(xml)) return xml;
  const bindings = xml.match(new RegExp(`xmlns:${esc}\\s*=\\s*(["'])[^"']*\\1`, "g")) ?? [];
  if (bindings.some((b) => !b.includes(MAIN))) return xml;
  const re = new RegExp(`${TEXT_SPANS}|xmlns:${esc}(?=\\s*=)|<(/?)${esc}:`, "g");
  return xml.replace(re, (m: string, slash: string | undefined) => {
    if (m.startsWith("<!")) return m;
    if (m.startsWith("xmlns:")) return "xmlns";
    return `<${slash ?? ""}`;
  });
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
  const R = /\sr\s*=\s*(["'])([A-Z]{0,3})(\d+)\1/;
  const data = xml.slice(start, end).replace(new RegExp(`${TEXT_SPANS}|<(row|c)(?=[\\s/>])([^>]*)>`, "g"), (tag: string, name: string | undefined, rest: string | undefined) => {
    if (!name || rest === undefined) return tag; // a comment or CDATA
    const r = R.exec(rest);
    if (name === "row") {
      col = 0;
      if (r && !r[2]) {
        row = Number(r[3]);
        return tag;
      }
      row += 1;
      changed = true;
      return `<row r="${row}"${rest}>`;
    }
    if (r && r[2]) {
      col = colIndex(r[2]) + 1;
      return tag;
    }
    col += 1;
    changed = true;
    return `<c r="${colName(col - 1)}${Math.max(row, 1)}"${rest}>`;
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
