/**
 * Files that are not .xlsx, told from their content (src/host/xlsx/sniff.ts),
 * and the reason the reader gives for them. The formats were made by other
 * tools (test/fixtures/other-formats/README.md).
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { notXlsxReason, oleHasEntry, zipEntryNames } from "../../../src/host/xlsx/sniff";
import { readXlsxBuffer, UnreadableWorkbookError } from "../../../src/host/xlsx/read";
import { FIXTURES } from "../../support/fixtures";

const other = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, "other-formats", name)));
const anyang = () => new Uint8Array(readFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx")));

async function zipOf(files: Record<string, string | Uint8Array>, opts: { comment?: string; store?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: opts.store ? "STORE" : "DEFLATE", comment: opts.comment });
}

const EXPECTED: [string, RegExp][] = [
  ["excel-97-2003.xls", /Excel 97-2003 格式的工作簿（\.xls）.*另存为“Excel 工作簿（\*\.xlsx）”/],
  ["excel-95.xls", /Excel 97-2003 格式的工作簿（\.xls）/],
  ["password-1234.xlsx", /设置了打开密码.*清空密码/],
  ["xml-spreadsheet-2003.xls", /Excel 2003 的“XML 电子表格”格式/],
  ["html-table.xls", /网页（HTML）格式的表格/],
  ["opendocument.ods", /OpenDocument 表格（\.ods/],
  ["binary.xlsb", /Excel 二进制工作簿（\.xlsb）/],
];

test.each(EXPECTED)("%s is told for what it is", async (name, re) => {
  const bytes = other(name);
  expect(notXlsxReason(bytes)).toMatch(re);
  // The reader says the same, with the file's name, as an UnreadableWorkbookError (never "已损坏").
  const err = await readXlsxBuffer(bytes, name).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  expect((err as Error).message.startsWith(`${name}：`)).toBe(true);
  expect((err as Error).message).toMatch(re);
  expect((err as Error).message).not.toMatch(/损坏/);
});

test("an .xlsx, from Excel's templates or ExcelJS, is not flagged", async () => {
  expect(notXlsxReason(anyang())).toBeUndefined();
  expect(zipEntryNames(anyang())).toContain("xl/workbook.xml");
  const templates = readdirSync(path.join(FIXTURES, "templates")).filter((f) => /\.xlsx$/i.test(f));
  expect(templates.length).toBeGreaterThan(0);
  for (const f of templates) expect(notXlsxReason(new Uint8Array(readFileSync(path.join(FIXTURES, "templates", f))))).toBeUndefined();
  // A zip comment (the end record is then not the file's last 22 bytes) changes nothing.
  const withComment = await zipOf({ "xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>" }, { comment: "注释".repeat(50) });
  expect(zipEntryNames(withComment)).toEqual(expect.arrayContaining(["xl/workbook.xml", "[Content_Types].xml"]));
  expect(notXlsxReason(withComment)).toBeUndefined();
});

test("zips of other kinds are named; a zip whose directory cannot be read is left to ExcelJS", async () => {
  expect(notXlsxReason(await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }))).toMatch(/Word 文档（\.docx）/);
  expect(notXlsxReason(await zipOf({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" }))).toMatch(/PowerPoint/);
  expect(notXlsxReason(await zipOf({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }, { store: true }))).toMatch(/OpenDocument 文档（\.odt）/);
  // Workbooks sent packed in one zip: unpack first.
  expect(notXlsxReason(await zipOf({ "各部门/教育局.xlsx": anyang(), "各部门/卫健委.xlsx": anyang() }))).toMatch(/压缩包.*解压/);
  expect(notXlsxReason(await zipOf({ "readme.txt": "x" }))).toMatch(/压缩包，不是 Excel 工作簿/);
  // Cut short: no end record, so nothing is known here.
  const cut = anyang().subarray(0, 20000);
  expect(zipEntryNames(cut)).toBeUndefined();
  expect(notXlsxReason(cut)).toBeUndefined();
  await expect(readXlsxBuffer(cut, "cut.xlsx")).rejects.toThrow(/cut\.xlsx：文件已损坏/);
});

test("an OLE stream name counts only in a directory entry, with its length", () => {
  const xls = other("excel-97-2003.xls");
  expect(oleHasEntry(xls, "Workbook")).toBe(true);
  expect(oleHasEntry(xls, "EncryptionInfo")).toBe(false);
  // The names written as UTF-16 text inside the file (as a cell's text is), not at an entry's place,
  // or at an entry's place without the right length: still an .xls, not a locked workbook.
  const utf16 = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
  const padded = new Uint8Array(xls.length + 1024);
  padded.set(xls);
  padded.set(utf16("EncryptionInfo"), xls.length + 3); // not at a multiple of 128
  padded.set(utf16("EncryptedPackage"), xls.length + 128 * 2); // aligned, but no length field
  expect(oleHasEntry(padded, "EncryptionInfo")).toBe(false);
  expect(oleHasEntry(padded, "EncryptedPackage")).toBe(false);
  expect(notXlsxReason(padded)).toMatch(/\.xls/);
  // With the length field (17 characters + NUL, 34 bytes) it is an entry.
  padded[xls.length + 256 + 64] = 34;
  expect(oleHasEntry(padded, "EncryptedPackage")).toBe(true);
});

test("text and unknown bytes: a web page or XML is named, anything else keeps the plain message", async () => {
  const enc = new TextEncoder();
  expect(notXlsxReason(enc.encode("\uFEFF  <!DOCTYPE html><html><body><table><tr><td>合计</td></tr></table>"))).toMatch(/网页（HTML）/);
  // UTF-16 with its byte-order mark.
  const html16 = new Uint8Array([0xff, 0xfe, ...Array.from("<html><table>").flatMap((c) => [c.charCodeAt(0), 0])]);
  expect(notXlsxReason(html16)).toMatch(/网页（HTML）/);
  expect(notXlsxReason(enc.encode('<?xml version="1.0"?><root>not a spreadsheet</root>'))).toBeUndefined();
  expect(notXlsxReason(enc.encode("项目,金额\n合计,100\n"))).toBeUndefined();
  await expect(readXlsxBuffer(enc.encode("项目,金额\n合计,100\n"), "a.csv")).rejects.toThrow("a.csv：不是 .xlsx 文件（文件内容不是 Excel 工作簿格式）");
  expect(notXlsxReason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toMatch(/旧版 \.xls 文件或加密的工作簿/);
  // WPS's .et is a compound file known only by its name; a locked one is still told as locked.
  expect(notXlsxReason(other("excel-97-2003.xls"), "财务.ET")).toMatch(/WPS 表格格式的文件（\.et）/);
  expect(notXlsxReason(other("password-1234.xlsx"), "财务.et")).toMatch(/打开密码/);
  expect(notXlsxReason(other("excel-97-2003.xls"), "财务.xls")).toMatch(/Excel 97-2003/);
});
