/**
 * Workbooks too large to read whole: a data sheet of millions of cells (a
 * ledger export, 明细账) beside the disclosure tables. ExcelJS builds a model of
 * every cell before anything can be truncated, and 10 million cells took 3.2 GB
 * and 71 s; with the 2 GB heap Node gives itself on an 8 GB laptop the process
 * died ("Reached heap limit", signal 6), taking a whole batch with it; a sheet
 * part above 512 MB of XML is more than a JavaScript string can hold at all.
 *
 * So, before ExcelJS sees the file, the worksheet parts are measured from the
 * zip's central directory (nothing decompressed: microseconds). Only when they
 * are large together (limits.trigger) are the big ones scanned, decompressed as
 * a stream, counting their cells (`<c>` elements, values or only a format:
 * each costs ExcelJS the same); a sheet over its limit is cut before the row
 * where the limit is reached, everything after its sheetData (merges, …) kept,
 * and ExcelJS reads the cut copy. The sheet is then marked truncated (the rule
 * common.sheet-truncated reports it with the row where reading stopped).
 *
 * Limits: 2,000,000 cells per sheet (as the readers' own limit of non-empty
 * cells, read.ts) and 3,000,000 in the sheets scanned together. Smaller sheets
 * are counted first, so the disclosure tables are never what is cut, and a
 * workbook within the limits is never changed. Measured: 3,000,000 cells are
 * read within a 1 GB heap (`node --max-old-space-size=1024`: 28 s, 1.15 GB
 * peak).
 *
 * The scan is a byte scanner of tags, not an XML parser: it looks for the
 * start of `row` and `c` elements and the end of `sheetData`, with or without
 * a namespace prefix. Text between tags never contains "<" (XML escapes it),
 * comments and CDATA are skipped whole. A part it cannot follow (no sheetData
 * end after the cut, markup of more than 1 MB that never ends, a damaged
 * stream) is left as it was, for ExcelJS to read or reject as before; so is a
 * part in which only rows without cells (formatted rows) follow the limit.
 * The cut sheet is named as ExcelJS names it (workbook.xml's name attribute,
 * decoded by the XML parser and once more by ExcelJS), so that it is found.
 * While a part is scanned, what would be kept of it is held (at most the XML
 * of the sheet's limit of cells) and dropped when nothing is cut.
 */
import { zipEntries } from "./sniff";

export interface CellLimits {
  /** Cells of one sheet read at most. */
  sheet: number;
  /** Cells read at most in the scanned sheets together. */
  workbook: number;
  /** Worksheet parts (XML bytes) larger than this in total make the scan run. */
  trigger: number;
  /** Parts smaller than this are not scanned (a few thousand cells: never cut). */
  scanFrom: number;
}

export const DEFAULT_LIMITS: CellLimits = { sheet: 2_000_000, workbook: 3_000_000, trigger: 40 * 2 ** 20, scanFrom: 2 ** 20 };

/** A sheet cut before reading: the row (0-based) where reading stopped, and why. */
export interface Cut {
  atRow: number;
  reason: string;
}

/** The bytes to read (the cut copy, or the same bytes) and the sheets cut, by sheet name. */
export interface WithinLimits {
  bytes: Uint8Array;
  cuts: Map<string, Cut>;
}

const WORKSHEET_TYPE = /\/worksheet$/;
const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const n = (x: number) => x.toLocaleString("en-US");

/** XML's five entities and character references, for a sheet name read from workbook.xml. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** ExcelJS's own second decoding of a sheet name (utils.xmlDecode, applied after its XML parser's). */
function excelJsDecode(s: string): string {
  return s.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

/** The attributes of an element: up to its ">", quoted values read whole (a ">" in a value is legal XML). */
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*)`;

/**
 * Worksheet part name (as in the zip, lower case) → sheet name as ExcelJS gives
 * it, from workbook.xml and its relationships.
 */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(new RegExp(`<(?:\\w+:)?Relationship\\b${ATTRS}>`, "g"))) {
    const attr = (a: string) => new RegExp(`\\s${a}\\s*=\\s*(["'])(.*?)\\1`).exec(m[1])?.[2];
    const id = attr("Id");
    const target = attr("Target");
    const type = attr("Type");
    if (!id || !target || (type && !WORKSHEET_TYPE.test(type))) continue;
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    targets.set(id, part.replace(/\/\.\//g, "/"));
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(new RegExp(`<(?:\\w+:)?sheet\\b${ATTRS}>`, "g"))) {
    const name = /\sname\s*=\s*(["'])(.*?)\1/.exec(m[1])?.[2];
    const rid = /\s[\w]+:id\s*=\s*(["'])(.*?)\1/.exec(m[1])?.[2];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) names.set(part.toLowerCase(), excelJsDecode(unescapeXml(name)));
  }
  return names;
}

/** The longest markup (tag, comment, CDATA) the scanner waits for the end of, in bytes. */
const MAX_PENDING = 1 << 20;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;

function isNameEnd(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GT;
}

/** The local name of the tag starting at `p` (just after "<" and an optional "/"), as bytes compared to `want`. */
function localNameIs(buf: Uint8Array, p: number, end: number, want: string): boolean {
  // Unprefixed, as nearly every writer has it: compared in place.
  if (buf[p] === want.charCodeAt(0) && isNameEnd(buf[p + want.length])) {
    let same = true;
    for (let i = 1; i < want.length; i++) if (buf[p + i] !== want.charCodeAt(i)) same = false;
    if (same) return true;
  }
  let q = p;
  while (q < end && !isNameEnd(buf[q])) q++;
  let s = q - 1;
  while (s >= p && buf[s] !== COLON) s--;
  const start = s + 1;
  if (q - start !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (buf[start + i] !== want.charCodeAt(i)) return false;
  return true;
}

/** The number of a row tag's `r` attribute (1-based), or undefined when it has none. */
function rowNumber(tag: string): number | undefined {
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
  return m ? Number(m[1]) : undefined;
}

/**
 * The state of one worksheet part's scan, fed its decompressed bytes chunk by
 * chunk: what is kept (`out`), the cells counted (all of them, kept or not),
 * and where the sheet was cut.
 */
class SheetScan {
  readonly out: Uint8Array[] = [];
  cells = 0;
  kept = 0;
  /** 1-based number of the row before which the sheet was cut. */
  cutRow?: number;
  /** The sheetData's end was seen after the cut (the rest of the part is kept). */
  closed = false;
  private phase: "head" | "skip" | "tail" = "head";
  private carry: Uint8Array = new Uint8Array(0);
  private lastRow = 0;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(private readonly limit: number) {}

  feed(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry.length) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    const end = buf.length;
    let emitFrom = 0;
    let p = 0;
    for (;;) {
      const lt = buf.indexOf(LT, p);
      if (lt < 0) break;
      // The whole tag (or comment, CDATA, processing instruction) must be in the buffer.
      let close: number;
      const b1 = buf[lt + 1];
      if (b1 === BANG && buf[lt + 2] === 0x2d) {
        close = this.find(buf, lt, "-->");
      } else if (b1 === BANG && buf[lt + 2] === 0x5b) {
        close = this.find(buf, lt, "]]>");
      } else if (b1 === QUESTION) {
        close = this.find(buf, lt, "?>");
      } else {
        close = buf.indexOf(GT, lt + 1);
      }
      if (close < 0 || lt + 2 > end) {
        // A tag, comment or CDATA section longer than any a sheet has (a cell holds 32,767 characters at
        // most): a damaged part. Scanning it on would take ever longer; it is left to ExcelJS as it is.
        if (end - lt > MAX_PENDING) throw new Error("unterminated markup");
        // Keep the unfinished tag for the next chunk (emitted or dropped then).
        if (this.phase !== "skip") this.out.push(buf.slice(emitFrom, lt));
        this.carry = buf.slice(lt);
        return;
      }
      const closing = b1 === SLASH;
      const nameAt = closing ? lt + 2 : lt + 1;
      if (this.phase === "head" || this.phase === "skip") {
        if (!closing && b1 !== BANG && b1 !== QUESTION) {
          if (localNameIs(buf, nameAt, close, "c")) {
            this.cells++;
            if (this.phase === "head") this.kept++;
          } else if (localNameIs(buf, nameAt, close, "row")) {
            const r = rowNumber(this.decoder.decode(buf.subarray(lt, close)));
            this.lastRow = r ?? this.lastRow + 1;
            if (this.phase === "head" && this.kept >= this.limit) {
              // Cut before this row: what came before it is kept.
              this.out.push(buf.slice(emitFrom, lt));
              this.cutRow = this.lastRow;
              this.phase = "skip";
            }
          }
        } else if (closing && this.phase === "skip" && localNameIs(buf, nameAt, close, "sheetData")) {
          this.phase = "tail";
          this.closed = true;
          emitFrom = lt;
        }
      }
      p = close + 1;
    }
    if (this.phase !== "skip") this.out.push(buf.slice(emitFrom));
    this.carry = new Uint8Array(0);
  }

  /** End of the stream: an unfinished tag left over is kept as it was. */
  finish(): void {
    if (this.carry.length && this.phase !== "skip") this.out.push(this.carry);
    this.carry = new Uint8Array(0);
  }

  private find(buf: Uint8Array, from: number, s: string): number {
    let i = from;
    for (;;) {
      i = buf.indexOf(s.charCodeAt(0), i + 1);
      if (i < 0 || i + s.length > buf.length) return -1;
      let ok = true;
      for (let k = 1; k < s.length; k++) if (buf[i + k] !== s.charCodeAt(k)) ok = false;
      if (ok) return i + s.length - 1;
    }
  }

  bytes(): Uint8Array {
    const size = this.out.reduce((a, b) => a + b.length, 0);
    const all = new Uint8Array(size);
    let o = 0;
    for (const b of this.out) {
      all.set(b, o);
      o += b.length;
    }
    return all;
  }
}

/** What scanning a worksheet part gave: the XML to read, its cells (all, and kept), the row it was cut before (1-based). */
export interface ScannedSheet {
  xml: Uint8Array;
  cells: number;
  kept: number;
  cutRow?: number;
  closed: boolean;
}

/** A worksheet part's XML, given in chunks (as decompressed), scanned and cut at `limit` cells. */
export function cutSheetXml(chunks: Iterable<Uint8Array>, limit: number): ScannedSheet {
  const s = new SheetScan(limit);
  for (const c of chunks) s.feed(c);
  s.finish();
  return { xml: s.bytes(), cells: s.cells, kept: s.kept, cutRow: s.cutRow, closed: s.closed };
}

interface StreamHelper {
  on(e: "data", cb: (chunk: Uint8Array) => void): StreamHelper;
  on(e: "end", cb: () => void): StreamHelper;
  on(e: "error", cb: (err: Error) => void): StreamHelper;
  resume(): StreamHelper;
}

/** A JSZip entry as scan() reads it: internalStream is JSZip's documented API, missing from its types. */
type StreamingEntry = { internalStream?: (type: "uint8array") => StreamHelper };

function scan(entry: StreamingEntry, limit: number): Promise<SheetScan> {
  const s = new SheetScan(limit);
  return new Promise((resolve, reject) => {
    if (typeof entry.internalStream !== "function") return reject(new Error("JSZip without internalStream"));
    // An error thrown in a listener would escape JSZip's stream as an uncaught exception: it is kept, and
    // the rest of the stream ignored.
    let failed: unknown;
    entry
      .internalStream("uint8array")
      .on("data", (chunk) => {
        if (failed !== undefined) return;
        try {
          s.feed(chunk);
        } catch (e) {
          failed = e;
        }
      })
      .on("error", reject)
      .on("end", () => {
        if (failed !== undefined) return reject(failed);
        s.finish();
        resolve(s);
      })
      .resume();
  });
}

/**
 * The workbook as it can be read within the limits: the same bytes, with no
 * cut, for every workbook whose worksheets are not large together (or whose
 * zip directory cannot be read simply: ExcelJS then decides, as before);
 * else a copy with the sheets over their limits cut, and what was cut.
 */
export async function withinCellLimits(bytes: Uint8Array, limits: CellLimits = DEFAULT_LIMITS): Promise<WithinLimits> {
  try {
    return await cutToLimits(bytes, limits);
  } catch {
    // JSZip could not be loaded (the page offline) or failed unexpectedly: read as before.
    return { bytes, cuts: new Map() };
  }
}

/** A sheet of the snapshot that was cut is marked truncated, with where and why (the cut's reason wins). */
export function markCuts<T extends { sheets: { name: string; truncated?: Cut }[] }>(snap: T, cuts: Map<string, Cut>): T {
  if (cuts.size) for (const s of snap.sheets) {
    const c = cuts.get(s.name);
    if (c) s.truncated = { ...c };
  }
  return snap;
}

async function cutToLimits(bytes: Uint8Array, limits: CellLimits): Promise<WithinLimits> {
  const none: WithinLimits = { bytes, cuts: new Map() };
  const entries = zipEntries(bytes);
  if (!entries) return none;
  const sheets = entries.filter((e) => WORKSHEET_PART.test(e.name));
  if (sheets.reduce((a, e) => a + e.size, 0) <= limits.trigger) return none;
  const { default: JSZip } = await import("jszip");
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return none; // ExcelJS will say what is wrong with it
  }
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const names = sheetNames(await text("xl/workbook.xml"), await text("xl/_rels/workbook.xml.rels"));
  const cuts = new Map<string, Cut>();
  let used = 0;
  // Smaller sheets first: the tables are read whole, the data dump is what is cut.
  for (const e of [...sheets].filter((x) => x.size >= limits.scanFrom).sort((a, b) => a.size - b.size)) {
    const part = e.name.replace(/^\//, "");
    const entry = zip.file(part) ?? zip.file(e.name);
    if (!entry) continue;
    const limit = Math.max(0, Math.min(limits.sheet, limits.workbook - used));
    let s: SheetScan;
    try {
      s = await scan(entry as unknown as StreamingEntry, limit);
    } catch {
      continue; // a part that cannot be scanned (damaged) is left to ExcelJS as it is
    }
    used += s.kept;
    // Not over the limit (only rows without cells came after it), or no end of sheetData after the
    // cut (a damaged part): the part is left as it is.
    if (s.cutRow === undefined || s.cells === s.kept || !s.closed) continue;
    const sheet = names.get(part.toLowerCase());
    // A part no tab of workbook.xml names is not read by ExcelJS: nothing to cut.
    if (sheet === undefined) continue;
    const reason =
      limit < limits.sheet
        ? `工作簿中的单元格太多，超过读取上限 ${n(limits.workbook)} 个：本表共有 ${n(s.cells)} 个单元格（含只有格式的空单元格），` +
          (s.kept ? `只读取了前 ${n(s.kept)} 个，之后的内容未读取` : "都未读取")
        : `工作表共有 ${n(s.cells)} 个单元格（含只有格式的空单元格），超过读取上限 ${n(limits.sheet)} 个，之后的内容未读取`;
    cuts.set(sheet, { atRow: s.cutRow - 1, reason });
    zip.file(entry.name, s.bytes(), { compression: "STORE" });
  }
  if (!cuts.size) return none;
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes: out, cuts };
}
