/**
 * --summary: one table over a whole batch, for the reviewer.
 *
 * .xlsx (ExcelJS, streamed so a large batch does not sit in memory twice):
 *   sheet 汇总      one row per workbook:
 *                   文件 / 部门 / 识别的表 / 错误 / 警告 / 提示 / 原因 / 前三条问题 / 状态
 *   sheet 全部问题  one row per finding:
 *                   文件 / 工作表 / 单元格 / 规则 / 级别 / 问题 / 原因编号
 *   Both with a frozen header row, an AutoFilter on it and column widths fitted
 *   to the content.
 * .csv: the 汇总 rows only (one record per workbook, one line each), UTF-8 with
 *   a BOM (so Excel reads the Chinese), CRLF line ends, RFC 4180 quoting. Parts
 *   written by several nodes concatenate by dropping every header line but the
 *   first.
 *
 * The rows are built by pure functions (summaryRecord, summaryRows, findingRows,
 * toCsv); only writeSummary, summaryProblem and writeSummaryKeeping touch the
 * file system.
 */
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { CheckJson } from "../core/check";
import type { Severity } from "../core/report/finding";
import { errorText, type FileOutcome } from "./outcome";

export const SUMMARY_SHEET = "汇总";
export const FINDINGS_SHEET = "全部问题";
export const SUMMARY_HEADER = ["文件", "部门", "识别的表", "错误", "警告", "提示", "原因", "前三条问题", "状态"] as const;
export const FINDINGS_HEADER = ["文件", "工作表", "单元格", "规则", "级别", "问题", "原因编号"] as const;
export const CHECKED = "已校验";
/** Excel's last row: 全部问题 stops one row short of it and says how many findings were left out. */
export const XLSX_MAX_ROWS = 1_048_576;

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const CIRCLED = ["①", "②", "③"];

export type Value = string | number | null;
export type Row = Value[];

/** What the summary keeps of one checked file (small: no workbook, no relations). */
export interface SummaryRecord {
  row: Row;
  findings: Row[];
}

/** The first three problems: cause titles (errors first), then the findings no cause covers. */
export function firstProblems(json: CheckJson, n = 3): string[] {
  const out = json.causes.slice(0, n).map((c) => c.title);
  for (const f of json.findings) {
    if (out.length >= n) break;
    if (f.cause === undefined) out.push(f.message);
  }
  return out;
}

/** "C13、C32" on the finding's first sheet, "公开02表!D7" for cells elsewhere. */
export function cellsText(cells: { sheet: string; cell: string }[]): string {
  const first = cells[0]?.sheet;
  return cells.map((c) => (c.sheet === first ? c.cell : `${c.sheet}!${c.cell}`)).join("、");
}

/** The reason without the file name it starts with (the row already names the file). */
export function statusOf(file: string, reason = "无法校验"): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  for (const p of [file, base]) if (p && reason.startsWith(`${p}：`)) return reason.slice(p.length + 1);
  return reason;
}

/** One file's 汇总 row and 全部问题 rows. The outcome must carry its JSON. */
export function summaryRecord(o: FileOutcome): SummaryRecord {
  const json = o.json;
  const findings: Row[] = (json?.findings ?? []).map((f) => [
    o.file,
    f.cells[0]?.sheet ?? "",
    cellsText(f.cells),
    f.rule,
    SEVERITY_ZH[f.severity],
    f.message,
    f.cause ?? null,
  ]);
  if (o.status !== "ok" || !json) {
    return { row: [o.file, "", null, null, null, null, null, "", statusOf(o.file, o.reason)], findings };
  }
  const problems = firstProblems(json).map((t, i) => `${CIRCLED[i]} ${t}`).join("；");
  const s = json.summary;
  return {
    row: [o.file, o.department ?? "", o.tables.length, s.error, s.warning, s.info, json.causes.length, problems, CHECKED],
    findings,
  };
}

export function summaryRows(records: SummaryRecord[]): Row[] {
  return records.map((r) => r.row);
}

export function findingRows(records: SummaryRecord[]): Row[] {
  return records.flatMap((r) => r.findings);
}

function csvField(v: Value): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends. */
export function toCsv(header: readonly string[], rows: Row[]): string {
  return "\ufeff" + [header as readonly Value[], ...rows].map((r) => r.map(csvField).join(",") + "\r\n").join("");
}

/** Display width in Excel's character units: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** Column widths fitted to header and content (at most `caps[i]`; room for the filter button). */
export function columnWidths(header: readonly string[], rows: Row[], caps: number[]): number[] {
  return header.map((h, i) => {
    let w = displayWidth(h) + 4;
    const cap = Math.max(caps[i], w);
    for (const r of rows) {
      const v = r[i];
      if (v !== null && v !== undefined) w = Math.max(w, displayWidth(String(v)) + 2);
      if (w >= cap) return cap;
    }
    return w;
  });
}

const SUMMARY_CAPS = [60, 30, 10, 8, 8, 8, 8, 100, 60];
const FINDINGS_CAPS = [60, 24, 24, 36, 6, 100, 10];

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, header: readonly string[], rows: Row[], caps: number[]): void {
  const keep = rows.length > XLSX_MAX_ROWS - 2 ? rows.slice(0, XLSX_MAX_ROWS - 2) : rows;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = columnWidths(header, keep, caps).map((width) => ({ width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const head = ws.addRow([...header]);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.alignment = { vertical: "middle" };
  });
  head.commit();
  for (const r of keep) ws.addRow(r).commit();
  if (keep.length < rows.length) ws.addRow([`……另有 ${rows.length - keep.length} 行超过 Excel 的行数上限，未写入；请用 --json 或 .csv 查看全部。`]).commit();
  ws.commit();
}

/** Writes the summary: .csv (汇总 rows) or .xlsx (汇总 and 全部问题), by the file's extension. */
export async function writeSummary(file: string, records: SummaryRecord[]): Promise<void> {
  if (/\.csv$/i.test(file)) {
    await fs.writeFile(file, toCsv(SUMMARY_HEADER, summaryRows(records)), "utf8");
    return;
  }
  // ExcelJS is loaded when a summary is written, not by every batch.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = "披露表校验助手";
  addSheet(wb, SUMMARY_SHEET, SUMMARY_HEADER, summaryRows(records), SUMMARY_CAPS);
  addSheet(wb, FINDINGS_SHEET, FINDINGS_HEADER, findingRows(records), FINDINGS_CAPS);
  await wb.commit();
}

/** Why `file` cannot be written, in words for the reviewer, from the error of opening it. */
function unwritableReason(file: string, e: unknown, existed = true): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const msg = errorText(e);
  if (code === "ENOENT" || code === "ENOTDIR") return `汇总文件 ${file} 所在的文件夹不存在`;
  if (code === "EISDIR") return `${file} 是一个文件夹，不能作为汇总文件`;
  if (code === "EBUSY" || code === "EPERM" || code === "EACCES")
    return existed
      ? `汇总文件 ${file} 无法写入：可能正在 Excel 或 WPS 中打开（请先关闭它），或没有写入权限（${msg}）`
      : `汇总文件 ${file} 无法新建：所在的文件夹没有写入权限（${msg}）`;
  return `汇总文件 ${file} 无法写入（${msg}）`;
}

/**
 * Whether the summary can be written, asked before any workbook is checked (a
 * batch of thousands takes long; the summary is written at its end): a file
 * that is open in Excel on Windows, a folder that does not exist. Nothing is
 * changed: an existing file is opened for writing (not created, not
 * truncated) and closed untouched, a new one is created and removed again.
 * undefined when it can be written.
 */
export async function summaryProblem(file: string): Promise<string | undefined> {
  const existed = await fs.lstat(file).then(
    () => true,
    () => false,
  );
  try {
    const h = await fs.open(file, existed ? fsConstants.O_WRONLY : "wx");
    await h.close();
    if (!existed) await fs.unlink(file).catch(() => undefined);
    return undefined;
  } catch (e) {
    // A symbolic link to nowhere: writing it creates its target, as writing the summary will.
    if (existed && (e as NodeJS.ErrnoException)?.code === "ENOENT") return undefined;
    return unwritableReason(file, e, existed);
  }
}

/** "汇总.xlsx" → "汇总 (2).xlsx", "汇总 (3).xlsx", … */
export function alternativeName(file: string, k: number): string {
  const ext = /\.[^./\\]+$/.exec(file)?.[0] ?? "";
  return `${file.slice(0, file.length - ext.length)} (${k})${ext}`;
}

const REPLACEABLE = new Set(["EBUSY", "EPERM", "EACCES", "EISDIR", "EEXIST", "ENOTEMPTY"]);

/**
 * Writes the summary without ever leaving a part of one: it is written whole to
 * a temporary file beside `file` ("~$名称.进程号.tmp.xlsx", which no folder
 * walk takes for a workbook), then moved onto `file`. When `file` cannot be replaced
 * at the end (opened in Excel meanwhile), the summary goes to the first free
 * "名称 (2).xlsx" … beside it instead, so that a batch's work is never lost.
 * When the writing itself fails (disk full…), the temporary file is removed
 * and `file` is left as it was. Returns the file written and, when it is not
 * `file`, why; throws with the reason when nothing could be written.
 */
export async function writeSummaryKeeping(
  file: string,
  records: SummaryRecord[],
  write: (f: string, r: SummaryRecord[]) => Promise<void> = writeSummary,
): Promise<{ written: string; why?: string }> {
  // The extension stays last: it says which format is written. "~$" names are no workbook to a folder walk.
  const ext = path.extname(file);
  const tmp = path.join(path.dirname(file), `~$${path.basename(file, ext)}.${process.pid}.tmp${ext}`);
  try {
    await write(tmp, records);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw new Error(unwritableReason(file, e, false));
  }
  try {
    await fs.rename(tmp, file);
    return { written: file };
  } catch (first) {
    if (!REPLACEABLE.has((first as NodeJS.ErrnoException)?.code ?? "")) {
      await fs.unlink(tmp).catch(() => undefined);
      throw new Error(unwritableReason(file, first));
    }
    const why = `汇总文件 ${file} 正被占用或不能替换（${(first as Error).message}）`;
    for (let k = 2; k <= 20; k++) {
      const alt = alternativeName(file, k);
      if (await fs.lstat(alt).then(() => true, () => false)) continue;
      try {
        await fs.rename(tmp, alt);
        return { written: alt, why };
      } catch {
        // try the next name
      }
    }
    await fs.unlink(tmp).catch(() => undefined);
    throw new Error(why);
  }
}

/** --summary accepts .xlsx and .csv. */
export function summaryFormatProblem(file: string): string | undefined {
  return /\.(xlsx|csv)$/i.test(file) ? undefined : `--summary 的文件名应以 .xlsx 或 .csv 结尾：${file}`;
}
