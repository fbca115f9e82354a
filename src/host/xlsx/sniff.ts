/**
 * What a file that cannot be read as .xlsx is, told from its bytes: the reason
 * a clerk or reviewer reads in place of "文件已损坏". Files arrive under any
 * name (a 97-2003 workbook renamed .xlsx, an .xlsb, an .ods from WPS or
 * LibreOffice, a workbook with an opening password, a Word document), so the
 * content decides; the name only tells WPS's .et among compound files.
 *
 * - OLE2 compound files (old Office formats, and every password-encrypted
 *   Office file): told by the names of the root storage's own streams, found
 *   by walking the directory as MS-CFB lays it out (header, FAT, directory
 *   chain, the root's tree of children). Streams of embedded objects (a Word
 *   document inside a workbook) are in sub-storages and do not count.
 *   EncryptionInfo + EncryptedPackage: an .xlsx (or .docx…) with an opening
 *   password. Workbook: an Excel 97-2003 workbook (BIFF8); Book: Excel 5.0/95.
 *   WordDocument, "PowerPoint Document": Word, PowerPoint. A directory that
 *   cannot be walked gives the general message.
 * - ZIP files: told by the names in the central directory (read without
 *   inflating anything), and only once ExcelJS has failed on the file, so that
 *   a zip ExcelJS reads is never turned away here: xl/workbook.bin is an
 *   .xlsb, mimetype / content.xml an OpenDocument file (its stored mimetype
 *   says which), word/ and ppt/ Word and PowerPoint, workbooks inside a zip.
 * - Text: a web page's table (HTML, or a single-file web page .mht) or Excel
 *   2003's XML Spreadsheet, as business systems export them under an ".xls"
 *   name.
 *
 * Pure: no Node or browser API beyond TextDecoder (both have it).
 */

/** The OLE2 signature's first four bytes (D0 CF 11 E0). */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** A zip's first record (PK 03 04, or PK 05 06 for an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}

const FREE_OR_END = 0xfffffffa; // sector numbers from here on are markers (MS-CFB 2.1), not sectors

/**
 * The names of the root storage's children in an OLE2 compound file, or
 * undefined when its header, FAT or directory cannot be followed.
 */
export function oleRootNames(bytes: Uint8Array): string[] | undefined {
  if (!isOle(bytes) || bytes.length < 512) return undefined;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  // Sectors after the header (the last one may be cut short by some writers).
  const sectors = Math.ceil((bytes.length - size) / size);
  const at = (s: number) => (s + 1) * size;
  const valid = (s: number) => s < FREE_OR_END && s < sectors;
  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(bytes, 0x4c + 4 * i);
    if (s < FREE_OR_END) fatSectors.push(s);
  }
  let difat = u32(bytes, 0x44);
  for (let guard = 0; difat < FREE_OR_END && guard < sectors; guard++) {
    if (!valid(difat) || at(difat) + size > bytes.length) return undefined;
    const base = at(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(bytes, base + 4 * i);
      if (s < FREE_OR_END) fatSectors.push(s);
    }
    difat = u32(bytes, base + size - 4);
  }
  const perSector = size / 4;
  const next = (s: number): number | undefined => {
    const f = fatSectors[Math.floor(s / perSector)];
    const p = f === undefined || !valid(f) ? bytes.length : at(f) + 4 * (s % perSector);
    return p + 4 <= bytes.length ? u32(bytes, p) : undefined;
  };
  // The directory stream: its sectors in chain order.
  const dir: number[] = [];
  for (let s = u32(bytes, 0x30); s !== 0xfffffffe; ) {
    if (!valid(s) || dir.length >= sectors) return undefined;
    dir.push(s);
    const n = next(s);
    if (n === undefined) return undefined;
    s = n;
  }
  const perDir = size / 128;
  const entry = (id: number): number | undefined => {
    const s = dir[Math.floor(id / perDir)];
    return s === undefined ? undefined : at(s) + 128 * (id % perDir);
  };
  const root = entry(0);
  if (root === undefined || root + 128 > bytes.length || bytes[root + 66] !== 5) return undefined;
  const names: string[] = [];
  const seen = new Set<number>();
  const stack = [u32(bytes, root + 76)];
  while (stack.length) {
    const id = stack.pop()!;
    if (id >= FREE_OR_END || seen.has(id)) continue;
    seen.add(id);
    const p = entry(id);
    if (p === undefined || p + 128 > bytes.length) return undefined;
    const len = u16(bytes, p + 64);
    if (len < 2 || len > 64 || len % 2) return undefined;
    let name = "";
    for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(u16(bytes, p + i));
    names.push(name);
    stack.push(u32(bytes, p + 68), u32(bytes, p + 72)); // left and right siblings: the root's children form one tree
  }
  return names;
}

/** An entry of a zip's central directory: its name and its size once decompressed (bytes). */
export interface ZipEntry {
  name: string;
  size: number;
}

/**
 * The entries of a zip's central directory, or undefined when it cannot be read
 * that simply (no end record, ZIP64, entries past the end): ExcelJS then decides.
 * Nothing is decompressed: this costs microseconds on any workbook.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
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
  const entries: ZipEntry[] = [];
  let p = offset;
  // Headers are read while their signature is there, whatever count the end record gives (as JSZip does).
  while (p + 46 <= end && u32(bytes, p) === 0x02014b50) {
    const n = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    if (p + 46 + n > end) return undefined;
    entries.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + n)), size: u32(bytes, p + 24) });
    p += 46 + n + extra + comment;
  }
  return entries;
}

/** The names in a zip's central directory, or undefined when it cannot be read simply (zipEntries). */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  return zipEntries(bytes)?.map((e) => e.name);
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

const SAVE_AS = "请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”（WPS 中为“Microsoft Excel 文件（*.xlsx）”）后再校验。";

/** Why an OLE2 file cannot be read (it never can: ExcelJS reads only .xlsx). */
function oleReason(bytes: Uint8Array, name: string): string {
  const names = oleRootNames(bytes);
  const has = (n: string) => !!names?.includes(n);
  if (has("EncryptionInfo") && has("EncryptedPackage")) {
    return "这个文件设置了打开密码（已加密），无法读取。请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存（WPS：“文件 → 文档加密 → 密码加密”），再校验。";
  }
  // WPS 表格's own format is a compound file too; its name is the only sign of it that is known here.
  if (/\.et$/i.test(name)) return "这是 WPS 表格格式的文件（.et），无法读取。请在 WPS 中打开，另存为“Microsoft Excel 文件（*.xlsx）”后再校验。";
  if (has("Workbook")) return `这是 Excel 97-2003 格式的工作簿（.xls），无法读取。${SAVE_AS}`;
  if (has("Book")) return `这是旧版 Excel 格式的工作簿（Excel 5.0/95，.xls），无法读取。${SAVE_AS}`;
  if (has("WordDocument")) return "这是 Word 97-2003 文档（.doc），不是 Excel 工作簿。";
  if (has("PowerPoint Document")) return "这是 PowerPoint 97-2003 演示文稿（.ppt），不是 Excel 工作簿。";
  return `这是旧版 .xls 文件或加密的工作簿，无法读取。请在 Excel 中另存为 .xlsx（不加密码）后再校验。`;
}

/** A zip entry's name as JSZip keys it ("./xl//a.xml" → "xl/a.xml"; ".." goes up). */
function resolvedName(n: string): string {
  const out: string[] = [];
  for (const part of n.split("/")) {
    if (part === "." || part === "") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/**
 * Why a zip that ExcelJS could not read is not an .xlsx (another format, a
 * zip of workbooks); undefined when it has a workbook part (then it is
 * damaged) or its directory cannot be read.
 */
export function zipReason(bytes: Uint8Array): string | undefined {
  const raw = zipEntryNames(bytes);
  if (!raw) return undefined;
  const names = raw.map(resolvedName);
  const has = (n: string) => names.includes(n);
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
  if (names.some((n) => /\.(xlsx|xlsm|xls|xlsb|et|ods)$/i.test(n))) return "这是一个压缩包，里面装着表格文件：请先解压，再校验其中的文件。";
  return "这是一个压缩包，不是 Excel 工作簿。";
}

/**
 * Text files under a workbook's name: business systems export "xls" files that
 * are a web page's table (HTML) or Excel 2003's XML Spreadsheet; Excel opens
 * both and can save them as .xlsx.
 */
function textReason(bytes: Uint8Array): string | undefined {
  // UTF-16 with its byte-order mark (some exports), else UTF-8 (the tags are ASCII in GBK too).
  const enc = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  const head = new TextDecoder(enc).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^<(\?xml|workbook)\b/.test(head) && head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return `这是 Excel 2003 的“XML 电子表格”格式，不是 .xlsx，无法读取。${SAVE_AS}`;
  }
  // A page may open with a comment or an XML declaration (XHTML) before its first tag.
  const tags = head.replace(/^(<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)+/, "");
  if (/^<(!doctype html|html|head|meta|body|style|table)\b/.test(tags)) return `这是网页（HTML）格式的表格（业务系统导出的“.xls”常是这种格式），不是 .xlsx，无法读取。${SAVE_AS}`;
  if (/^mime-version:/.test(head) && /multipart\/related/.test(head)) return `这是单个文件网页（.mht）格式，不是 .xlsx，无法读取。${SAVE_AS}`;
  return undefined;
}

/**
 * Why these bytes are not an .xlsx ExcelJS can read, when their content says
 * so (see above), before ExcelJS is asked; undefined when they may well be one
 * (every zip: see zipReason), or nothing is known.
 * `name` (the file's) only names WPS's .et among compound files.
 */
export function notXlsxReason(bytes: Uint8Array, name = ""): string | undefined {
  if (isOle(bytes)) return oleReason(bytes, name);
  // A zip is ExcelJS's to read first (zipReason, once it has failed).
  if (isZip(bytes)) return undefined;
  return textReason(bytes);
}
