/**
 * Checking one workbook file for the command line: read, check, and everything
 * the output needs (JSON, text, the summary's department and tables), as plain
 * data that can cross a worker_threads boundary (structured clone).
 * Used in-process (one file, --jobs 1) and by the batch workers (./worker.ts).
 */
import * as path from "path";
import { CheckJson, checkWorkbook, resultToJson } from "../core/check";
import { formatText } from "../core/report/text";
import { norm } from "../core/recognize/normalize";
import { Table } from "../core/recognize/templates";
import { DEPT_PLACEHOLDER } from "../core/templates/final";
import { UnreadableWorkbookError } from "../host/xlsx/read";
import { readXlsxFile } from "../host/xlsx/node";

export interface FileTask {
  file: string;
  /** Keep info findings (false: --no-info). */
  info: boolean;
  /** Produce the JSON object (--json or --summary). */
  json: boolean;
  /** Produce the human-readable text. */
  text: boolean;
  color: boolean;
}

export interface FileOutcome {
  file: string;
  /** "ok": checked; "unreadable": not a readable workbook; "crash": the check itself failed. */
  status: "ok" | "unreadable" | "crash";
  /** Why the file could not be checked (status ≠ "ok"), in Chinese, naming the file. */
  reason?: string;
  /** The --json object (also for an unreadable file: one common.unreadable finding). */
  json?: CheckJson;
  text?: string;
  /** Department (unit) named in the tables' headers, the majority spelling. */
  department?: string;
  /** Recognised tables, e.g. "公开01表 收入支出决算总表". */
  tables: string[];
  /** The check found at least one error. */
  errors: boolean;
}

/**
 * The department the workbook is about, as the headers ("部门：…", "编制单位：…")
 * name it: the name most tables carry (the rule common.department-name reports
 * the others). The blank template's placeholder does not count.
 */
export function workbookDepartment(tables: Pick<Table, "department">[]): string | undefined {
  const counts = new Map<string, { n: number; shown: string }>();
  for (const t of tables) {
    const d = t.department?.trim();
    if (!d || d === DEPT_PLACEHOLDER) continue;
    const key = norm(d);
    if (key.length < 2) continue;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, shown: d });
  }
  let best: { n: number; shown: string } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.shown;
}

export function unreadableJson(file: string, message: string): CheckJson {
  return {
    file,
    tables: [],
    causes: [{ id: 1, severity: "error", cells: [], title: message, findings: [0] }],
    findings: [{ rule: "common.unreadable", severity: "error", message, cells: [], cause: 1 }],
    summary: { error: 1, warning: 0, info: 0 },
    causeSummary: { error: 1, warning: 0, info: 0 },
  };
}

export function failedOutcome(task: FileTask, status: "unreadable" | "crash", reason: string): FileOutcome {
  return { file: task.file, status, reason, json: task.json ? unreadableJson(task.file, reason) : undefined, tables: [], errors: false };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads and checks one file; never throws (a failure is an outcome). */
export async function checkFile(task: FileTask): Promise<FileOutcome> {
  let wb;
  try {
    wb = await readXlsxFile(task.file);
  } catch (e) {
    const msg = e instanceof UnreadableWorkbookError ? e.message : `${task.file}：无法读取（${errorText(e)}）`;
    return failedOutcome(task, "unreadable", msg);
  }
  try {
    const result = checkWorkbook(wb, { noInfo: !task.info });
    return {
      file: task.file,
      status: "ok",
      json: task.json ? resultToJson(task.file, result) : undefined,
      text: task.text ? formatText(path.basename(task.file), result, { color: task.color, info: task.info }) : undefined,
      department: workbookDepartment(result.tables),
      tables: result.tables.map((t) => (t.code ? `${t.code} ${t.name}` : t.name)),
      errors: result.summary.error > 0,
    };
  } catch (e) {
    return failedOutcome(task, "crash", `${task.file}：校验时出错（${errorText(e)}）`);
  }
}
