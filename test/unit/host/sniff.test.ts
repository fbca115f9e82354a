/**
 * Files that are not .xlsx, told from their content (src/host/xlsx/sniff.ts),
 * and the reason the reader gives for them. The formats were made by other
 * tools (test/fixtures/other-formats/README.md).
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { notXlsxReason, oleRootNames, zipEntryNames, zipReason } from "../../../src/host/xlsx/sniff";
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
  ["excel-95.xls", /旧版 Excel 格式的工作簿（Excel 5\.0\/95，\.xls）/],
  ["password-1234.xlsx", /设置了打开密码.*清空密码/],
  ["word-with-embedded-sheet.doc", /Word 97-2003 文档（\.doc）/],
  ["xml-spreadsheet-2003.xls", /Excel 2003 的“XML 电子表格”格式/],
  ["html-table.xls", /网页（HTML）格式的表格/],
  ["opendocument.ods", /OpenDocument 表格（\.ods/],
  ["binary.xlsb", /Excel 二进制工作簿（\.xlsb）/],
];

test.each(EXPECTED)("%s is told for what it is", async (name, re) => {
  const bytes = other(name);
  // Zips are told once ExcelJS has failed on them (zipReason), the others before.
  expect(/\.(ods|xlsb)$/.test(name) ? zipReason(bytes) : notXlsxReason(bytes)).toMatch(re);
  // The reader says the same, with the file's name, as an UnreadableWorkbookError (never "已损坏").
  const err = await readXlsxBuffer(bytes, name).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  expect((err as Error).message.startsWith(`${name}：`)).toBe(true);
  expect((err as Error).message).toMatch(re);
  expect((err as Error).message).not.toMatch(/损坏/);
});

test("an .xlsx, from Excel's templates or ExcelJS, is not flagged, also with a zip directory JSZip reads and a stricter reader would not", async () => {
  expect(notXlsxReason(anyang())).toBeUndefined();
  expect(zipReason(anyang())).toBeUndefined();
  expect(zipEntryNames(anyang())).toContain("xl/workbook.xml");
  const templates = readdirSync(path.join(FIXTURES, "templates")).filter((f) => /\.xlsx$/i.test(f));
  expect(templates.length).toBeGreaterThan(0);
  for (const f of templates) {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, "templates", f)));
    expect(notXlsxReason(bytes)).toBeUndefined();
    expect(zipReason(bytes)).toBeUndefined();
  }
  // A zip comment (the end record is then not the file's last 22 bytes) changes nothing.
  const withComment = await zipOf({ "xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>" }, { comment: "注释".repeat(50) });
  expect(zipEntryNames(withComment)).toEqual(expect.arrayContaining(["xl/workbook.xml", "[Content_Types].xml"]));
  expect(zipReason(withComment)).toBeUndefined();
  // An end record whose entry count is wrong (some zip writers): every header is still read, and the workbook is.
  const wrongCount = anyang().slice();
  let eocd = wrongCount.length - 22;
  while (!(wrongCount[eocd] === 0x50 && wrongCount[eocd + 1] === 0x4b && wrongCount[eocd + 2] === 5 && wrongCount[eocd + 3] === 6)) eocd--;
  wrongCount[eocd + 8] = wrongCount[eocd + 10] = 1;
  wrongCount[eocd + 9] = wrongCount[eocd + 11] = 0;
  expect(zipEntryNames(wrongCount)).toContain("xl/workbook.xml");
  expect((await readXlsxBuffer(wrongCount, "count.xlsx")).sheets.length).toBe(13);
  // Names JSZip resolves ("./xl//workbook.xml") count as the workbook part.
  expect(zipReason(await zipOf({ "./xl//workbook.xml": "<workbook/>" }))).toBeUndefined();
});

test("zips of other kinds are named; a zip whose directory cannot be read is left as damaged", async () => {
  expect(zipReason(await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }))).toMatch(/Word 文档（\.docx）/);
  expect(zipReason(await zipOf({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" }))).toMatch(/PowerPoint/);
  expect(zipReason(await zipOf({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }, { store: true }))).toMatch(/OpenDocument 文档（\.odt）/);
  // Files sent packed in one zip: unpack first.
  const packed = await zipOf({ "各部门/教育局.xlsx": anyang(), "各部门/卫健委.xls": other("excel-97-2003.xls") });
  expect(zipReason(packed)).toMatch(/压缩包.*解压/);
  await expect(readXlsxBuffer(packed, "各部门.zip")).rejects.toThrow(/^各部门\.zip：这是一个压缩包，里面装着表格文件/);
  expect(zipReason(await zipOf({ "readme.txt": "x" }))).toBe("这是一个压缩包，不是 Excel 工作簿。");
  // Cut short: no end record, so nothing is known here; the reader says damaged.
  const cut = anyang().subarray(0, 20000);
  expect(zipEntryNames(cut)).toBeUndefined();
  expect(zipReason(cut)).toBeUndefined();
  await expect(readXlsxBuffer(cut, "cut.xlsx")).rejects.toThrow(/cut\.xlsx：文件已损坏/);
});

test("a compound file is told by its root's own streams: embedded objects and appended bytes do not count", () => {
  expect(oleRootNames(other("excel-97-2003.xls"))).toContain("Workbook");
  expect(oleRootNames(other("password-1234.xlsx"))).toEqual(expect.arrayContaining(["EncryptionInfo", "EncryptedPackage"]));
  // A Word document holding an embedded sheet: its Workbook stream is in ObjectPool/…, not the root.
  const doc = oleRootNames(other("word-with-embedded-sheet.doc"))!;
  expect(doc).toEqual(expect.arrayContaining(["WordDocument", "ObjectPool"]));
  expect(doc).not.toContain("Workbook");
  // Another compound file's sectors after an .xls's own (as an embedded stream's would lie): still an .xls.
  const xls = other("excel-97-2003.xls");
  const locked = other("password-1234.xlsx");
  const both = new Uint8Array(xls.length + locked.length);
  both.set(xls);
  both.set(locked, xls.length);
  expect(oleRootNames(both)).not.toContain("EncryptionInfo");
  expect(notXlsxReason(both)).toMatch(/Excel 97-2003/);
  // A header whose directory cannot be followed: the general message, never a crash.
  const broken = xls.slice(0, 1024);
  broken[0x30] = 0x7f;
  expect(oleRootNames(broken)).toBeUndefined();
  expect(notXlsxReason(broken)).toMatch(/旧版 \.xls 文件或加密的工作簿/);
  for (let seed = 1; seed <= 200; seed++) {
    const garbled = xls.slice();
    for (let k = 0; k < 40; k++) garbled[512 + ((seed * 7919 + k * 104729) % (garbled.length - 512))] = (seed * 31 + k) & 0xff;
    expect(() => notXlsxReason(garbled)).not.toThrow();
  }
});

test("text and unknown bytes: a web page or XML is named, anything else keeps the plain message", async () => {
  const enc = new TextEncoder();
  expect(notXlsxReason(enc.encode("\uFEFF  <!DOCTYPE html><html><body><table><tr><td>合计</td></tr></table>"))).toMatch(/网页（HTML）/);
  // UTF-16 with its byte-order mark.
  const html16 = new Uint8Array([0xff, 0xfe, ...Array.from("<html><table>").flatMap((c) => [c.charCodeAt(0), 0])]);
  expect(notXlsxReason(html16)).toMatch(/网页（HTML）/);
  expect(notXlsxReason(enc.encode("<!-- 导出时间 2021-12-31 -->\n<html><table></table></html>"))).toMatch(/网页（HTML）/);
  expect(notXlsxReason(enc.encode('<?xml version="1.0"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'))).toMatch(/网页（HTML）/);
  const html16be = new Uint8Array([0xfe, 0xff, ...Array.from("<html><table>").flatMap((c) => [0, c.charCodeAt(0)])]);
  expect(notXlsxReason(html16be)).toMatch(/网页（HTML）/);
  expect(notXlsxReason(enc.encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n'))).toMatch(/单个文件网页（\.mht）/);
  expect(notXlsxReason(enc.encode('<?xml version="1.0"?><root>not a spreadsheet</root>'))).toBeUndefined();
  expect(notXlsxReason(enc.encode("项目,金额\n合计,100\n"))).toBeUndefined();
  await expect(readXlsxBuffer(enc.encode("项目,金额\n合计,100\n"), "a.csv")).rejects.toThrow("a.csv：不是 .xlsx 文件（文件内容不是 Excel 工作簿格式）");
  expect(notXlsxReason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toMatch(/旧版 \.xls 文件或加密的工作簿/);
  // WPS's .et is a compound file known only by its name; a locked one is still told as locked.
  expect(notXlsxReason(other("excel-97-2003.xls"), "财务.ET")).toMatch(/WPS 表格格式的文件（\.et）/);
  expect(notXlsxReason(other("password-1234.xlsx"), "财务.et")).toMatch(/打开密码/);
  expect(notXlsxReason(other("excel-97-2003.xls"), "财务.xls")).toMatch(/Excel 97-2003/);
});
