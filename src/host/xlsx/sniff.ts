/**
 * What a file that cannot be read as .xlsx is, told from its bytes: the reason
 * a clerk or reviewer reads in place of "文件已损坏". Files arrive under any
 * name (a 97-2003 workbook renamed .xlsx, an .xlsb, an .ods from WPS or
 * LibreOffice, a workbook with an opening password, a Word document), so the
 * content decides; the name only tells WPS's .et among compound files.
 *
 * - OLE2 compound files (old Office formats, and every password-encrypted
 *   Office file): told by the names of their streams. A stream's name is held
 *   in a 128-byte directory entry (UTF-16LE, its byte length with the final NUL
 *   at offset 64); directory sectors follow the 512-byte header in whole
 *   sectors, so every entry starts at a multiple of 128 in the file. A name is
 *   only counted there, with its length field right, so text inside a cell
 *   never passes for a stream.
 *   EncryptionInfo + EncryptedPackage: an .xlsx (or .docx…) with an opening
 *   password. Workbook / Book: an Excel 97-2003 workbook (BIFF8 / BIFF5).
 *   WordDocument, "PowerPoint Document": Word, PowerPoint.
 * - ZIP files: told by the names in the central directory (read without
 *   inflating anything). ExcelJS reads the workbook from `xl/workbook.xml` and
 *   nowhere else, so a zip without it is never a workbook to ExcelJS:
 *   xl/workbook.bin is an .xlsb, mimetype / content.xml an OpenDocument file
 *   (its stored mimetype says which), word/ and ppt/ Word and PowerPoint.
 * - Text: a web page's table (HTML) or Excel 2003's XML Spreadsheet, as
 *   business systems export them under an ".xls" name.
 *
 * Pure: no Node or browser API beyond TextDecoder (both have it).
 */

/** The OLE2 signature's first four bytes (D0 CF 11 E0). */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Whether an OLE2 file has a directory entry (stream or storage) of this name. */
export function oleHasEntry(bytes: Uint8Array, name: string): boolean {
  const len = (name.length + 1) * 2;
  for (let p = 512; p + 128 <= bytes.length; p += 128) {
    if (bytes[p + 64] !== (len & 0xff) || bytes[p + 65] !== len >> 8) continue;
    let ok = true;
    for (let i = 0; i < name.length && ok; i++) {
      const c = name.charCodeAt(i);
      ok = bytes[p + 2 * i] === (c & 0xff) && bytes[p + 2 * i + 1] === c >> 8;
    }
    if (ok) return true;
  }
  return false;
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}

/**
 * The names in a zip's central directory, or undefined when it cannot be read
 * that simply (no end record, ZIP64, entries past the end): ExcelJS then decides.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535.
  const stop = Math.max(0, bytes.length - 22 - 65535);
  let end = -1;
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x05 && bytes[p + 3] === 0x06) {
      end = p;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(bytes, end + 10);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff || offset >= end) return undefined;
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(bytes, p) !== 0x02014b50) return undefined;
    const n = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    if (p + 46 + n > end) return undefined;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + n)));
    p += 46 + n + extra + comment;
  }
  return names;
}

/** The content of the first entry when it is `mimetype`, stored uncompressed (as OpenDocument requires). */
function storedMimetype(bytes: Uint8Array): string | undefined {
  if (bytes.length < 38 || u32(bytes, 0) !== 0x04034b50 || u16(bytes, 8) !== 0) return undefined;
  const size = u32(bytes, 18);
  const n = u16(bytes, 26);
  const extra = u16(bytes, 28);
  if (n !== 8 || size > 200) return undefined;
  const decoder = new TextDecoder("utf-8");
  if (decoder.decode(bytes.subarray(30, 38)) !== "mimetype") return undefined;
  const start = 30 + n + extra;
  return start + size <= bytes.length ? decoder.decode(bytes.subarray(start, start + size)) : undefined;
}

const SAVE_AS = "请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再校验。";

/** Why an OLE2 file cannot be read (it never can: ExcelJS reads only .xlsx). */
function oleReason(bytes: Uint8Array, name: string): string {
  if (oleHasEntry(bytes, "EncryptionInfo") && oleHasEntry(bytes, "EncryptedPackage")) {
    return "这个工作簿设置了打开密码（文件已加密），无法读取。请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存（WPS：“文件 → 文档加密 → 密码加密”），再校验。";
  }
  // WPS 表格's own format is a compound file too; its name is the only sign of it that is known here.
  if (/\.et$/i.test(name)) return "这是 WPS 表格格式的文件（.et），无法读取。请在 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再校验。";
  if (oleHasEntry(bytes, "Workbook") || oleHasEntry(bytes, "Book")) return `这是 Excel 97-2003 格式的工作簿（.xls），无法读取。${SAVE_AS}`;
  if (oleHasEntry(bytes, "WordDocument")) return "这是 Word 97-2003 文档（.doc），不是 Excel 工作簿。";
  if (oleHasEntry(bytes, "PowerPoint Document")) return "这是 PowerPoint 97-2003 演示文稿（.ppt），不是 Excel 工作簿。";
  return `这是旧版 .xls 文件或加密的工作簿，无法读取。请在 Excel 中另存为 .xlsx（不加密码）后再校验。`;
}

/** Why a zip without a workbook part is not an .xlsx; undefined when it has one or its directory cannot be read. */
function zipReason(bytes: Uint8Array): string | undefined {
  const names = zipEntryNames(bytes);
  if (!names) return undefined;
  const has = (n: string) => names.includes(n) || names.includes(`/${n}`);
  if (has("xl/workbook.xml")) return undefined;
  if (has("xl/workbook.bin")) return `这是 Excel 二进制工作簿（.xlsb），无法读取。${SAVE_AS}`;
  if (has("mimetype") || (has("content.xml") && has("META-INF/manifest.xml"))) {
    const mime = storedMimetype(bytes) ?? "";
    if (/opendocument\.text/.test(mime)) return "这是 OpenDocument 文档（.odt），不是 Excel 工作簿。";
    if (/opendocument\.spreadsheet/.test(mime) || !mime) return `这是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存的格式），无法读取。${SAVE_AS}`;
    return "这是 OpenDocument 格式的文件，不是 Excel 工作簿。";
  }
  if (names.some((n) => n.startsWith("word/"))) return "这是 Word 文档（.docx），不是 Excel 工作簿。";
  if (names.some((n) => n.startsWith("ppt/"))) return "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿。";
  if (names.some((n) => /\.(xlsx|xlsm)$/i.test(n))) return "这是一个压缩包，里面装着工作簿：请先解压，再校验其中的 .xlsx 文件。";
  return "这是一个压缩包，不是 Excel 工作簿（其中没有 xl/workbook.xml）。";
}

/**
 * Text files under a workbook's name: business systems export "xls" files that
 * are a web page's table (HTML) or Excel 2003's XML Spreadsheet; Excel opens
 * both and can save them as .xlsx.
 */
function textReason(bytes: Uint8Array): string | undefined {
  // UTF-16 with its byte-order mark (some exports), else UTF-8 (the tags are ASCII in GBK too).
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const head = new TextDecoder(utf16 ? "utf-16le" : "utf-8").decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^<(\?xml|workbook)\b/.test(head) && head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return `这是 Excel 2003 的“XML 电子表格”格式，不是 .xlsx，无法读取。${SAVE_AS}`;
  }
  if (/^<(!doctype html|html|head|meta|body|style|table)\b/.test(head)) return `这是网页（HTML）格式的表格（业务系统导出的“.xls”常是这种格式），不是 .xlsx，无法读取。${SAVE_AS}`;
  return undefined;
}

/**
 * Why these bytes are not an .xlsx ExcelJS can read, when their content says
 * so (see above); undefined when they may well be one, or nothing is known.
 * `name` (the file's) only names WPS's .et among compound files.
 */
export function notXlsxReason(bytes: Uint8Array, name = ""): string | undefined {
  if (isOle(bytes)) return oleReason(bytes, name);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return zipReason(bytes);
  return textReason(bytes);
}
